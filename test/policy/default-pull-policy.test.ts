import { describe, expect, it } from "vitest";
import { defaultPullPolicy, explainDefaultPullPolicy } from "../../src/policy/index.js";

const D = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

// Spec §2.1: every row of the table (image → tag from ParseImageName → defaulted policy),
// plus the rule name our explanation reports.
const TABLE_2_1: readonly (readonly [string, string, "Always" | "IfNotPresent", string])[] = [
  ["nginx", "latest", "Always", "implicit-latest"],
  ["nginx:latest", "latest", "Always", "tag-latest"],
  ["nginx:1.25", "1.25", "IfNotPresent", "tag-not-latest"],
  ["nginx:LATEST", "LATEST", "IfNotPresent", "tag-not-latest"],
  ["nginx:latest-alpine", "latest-alpine", "IfNotPresent", "tag-not-latest"],
  ["nginx:mylatest", "mylatest", "IfNotPresent", "tag-not-latest"],
  [`nginx@${D}`, "", "IfNotPresent", "digest-only"],
  [`nginx:latest@${D}`, "latest", "Always", "tag-latest"],
  [`nginx:1.25@${D}`, "1.25", "IfNotPresent", "tag-not-latest"],
  ["FAILED_IMAGE", "", "IfNotPresent", "unparsable"],
  ["http://url", "", "IfNotPresent", "unparsable"],
  ["Foo", "", "IfNotPresent", "unparsable"],
  ["", "", "IfNotPresent", "empty"],
  ["localhost:5000", "5000", "IfNotPresent", "tag-not-latest"],
  ["registry:5000/app", "latest", "Always", "implicit-latest"],
];

describe("spec §2.1 defaulting table", () => {
  it.each(TABLE_2_1)("%j → tag %j → %s (%s)", (image, tag, policy, rule) => {
    expect(defaultPullPolicy(image)).toBe(policy);
    const decision = explainDefaultPullPolicy(image);
    expect(decision.policy).toBe(policy);
    expect(decision.tag).toBe(tag);
    expect(decision.rule).toBe(rule);
  });
});

// Spec §2.4 "Test cases (derived)".
const TABLE_2_4: readonly (readonly [string, "Always" | "IfNotPresent"])[] = [
  ["root", "Always"],
  ["root:tag", "IfNotPresent"],
  [`root@${D}`, "IfNotPresent"],
  ["root:latest", "Always"],
  [`root:latest@${D}`, "Always"],
  ["FAILED_IMAGE", "IfNotPresent"],
  ["http://url", "IfNotPresent"],
  ["", "IfNotPresent"],
];

describe("spec §2.4 derived cases", () => {
  it.each(TABLE_2_4)("%j → %s", (image, policy) => {
    expect(defaultPullPolicy(image)).toBe(policy);
  });
});

describe("explanations", () => {
  it("says the digest beside a latest tag is not looked at", () => {
    expect(explainDefaultPullPolicy(`nginx:latest@${D}`).reason).toBe(
      'the tag is "latest", so the default is Always (the digest beside it is not looked at)',
    );
  });
  it("names the implied latest tag", () => {
    expect(explainDefaultPullPolicy("nginx").reason).toBe(
      'the image has no tag and no digest, so ParseImageName reports the tag "latest" and the default is Always',
    );
  });
  it("Go-quotes a tag that is not latest", () => {
    expect(explainDefaultPullPolicy("nginx:LATEST").reason).toBe(
      'the tag is "LATEST", not "latest", so the default is IfNotPresent',
    );
  });
  it("carries the ignored parse error", () => {
    const decision = explainDefaultPullPolicy("FAILED_IMAGE");
    expect(decision.parseError?.message).toBe(
      'couldn\'t parse image name "FAILED_IMAGE": invalid reference format: repository name (library/FAILED_IMAGE) must be lowercase',
    );
    expect(decision.reason).toContain(
      "the API server ignores that error, so the default is IfNotPresent",
    );
  });
  it("says an empty image defaults to IfNotPresent", () => {
    const decision = explainDefaultPullPolicy("");
    expect(decision.reason).toBe(
      "the image is empty, ParseImageName fails and the API server ignores the error, so the default is IfNotPresent",
    );
    expect(decision.parseError).not.toBeNull();
  });
  it("returns frozen data", () => {
    expect(Object.isFrozen(explainDefaultPullPolicy("nginx"))).toBe(true);
  });
});
