import { describe, expect, it } from "vitest";
import {
  CredentialVerificationPolicy,
  createVerificationPolicy,
  DEFAULT_CREDENTIAL_VERIFICATION_POLICY,
  parseAllowlistPattern,
  type VerificationPolicy,
  validateAllowlist,
} from "../../src/pull/verification-policy.js";

function policyOf(
  name: string,
  allowlist: readonly string[] = [],
  raw = false,
): VerificationPolicy {
  const result = createVerificationPolicy(name, allowlist, raw ? { allowlistMatching: "raw" } : {});
  if (!result.success) throw result.error;
  return result.policy;
}

describe("the four policies (§6.2 RequireCredentialVerificationForImage)", () => {
  // [policy, image, pulledByKubelet, verification required]
  it.each([
    ["NeverVerify", "nginx", false, false],
    ["NeverVerify", "nginx", true, false],
    ["NeverVerifyPreloadedImages", "nginx", false, false],
    ["NeverVerifyPreloadedImages", "nginx", true, true],
    ["AlwaysVerify", "nginx", false, true],
    ["AlwaysVerify", "nginx", true, true],
    // Not allowlisted: verified whether or not the kubelet pulled it.
    ["NeverVerifyAllowlistedImages", "quay.io/team/app", false, true],
    ["NeverVerifyAllowlistedImages", "quay.io/team/app", true, true],
    ["NeverVerifyAllowlistedImages", "docker.io/library/nginx", true, false],
    ["NeverVerifyAllowlistedImages", "docker.io/library/nginx", false, false],
  ] as const)("%s, %s, pulledByKubelet=%s → %s", (name, image, pulled, required) => {
    expect(policyOf(name, ["docker.io/library/nginx"]).requiresVerification(image, pulled)).toBe(
      required,
    );
  });

  it("defaults to NeverVerifyPreloadedImages", () => {
    expect(DEFAULT_CREDENTIAL_VERIFICATION_POLICY).toBe("NeverVerifyPreloadedImages");
    expect(Object.keys(CredentialVerificationPolicy)).toEqual([
      "NeverVerify",
      "NeverVerifyPreloadedImages",
      "NeverVerifyAllowlistedImages",
      "AlwaysVerify",
    ]);
  });

  it.each(["", "neververify", "Always", "NeverVerify "])(
    "unknown policy %j is an error with the kubelet's text",
    (name) => {
      const result = createVerificationPolicy(name);
      expect(result.success).toBe(false);
      if (!result.success) {
        expect(result.error.message).toBe(
          `unknown image pull credential verification policy: ${name}`,
        );
        expect(result.error.code).toBe("UNKNOWN_VERIFICATION_POLICY");
      }
    },
  );

  it("reads the allowlist only for NeverVerifyAllowlistedImages", () => {
    expect(createVerificationPolicy("AlwaysVerify", ["not valid*"]).success).toBe(true);
    const result = createVerificationPolicy("NeverVerifyAllowlistedImages", [
      "docker.io/library/nginx",
      "*",
    ]);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.code).toBe("INVALID_ALLOWLIST_PATTERN");
  });
});

describe("allowlist entries: validation messages", () => {
  it.each([
    [
      " docker.io/library/nginx",
      "leading/trailing spaces are not allowed:  docker.io/library/nginx",
    ],
    [
      "docker.io/library/nginx\t",
      "leading/trailing spaces are not allowed: docker.io/library/nginx\t",
    ],
    ["\u00a0docker.io/x", "leading/trailing spaces are not allowed: \u00a0docker.io/x"],
    ["docker.io/x\u3000", "leading/trailing spaces are not allowed: docker.io/x\u3000"],
    ["", "the supplied pattern is too short: "],
    ["*", "not a valid wildcard pattern, only patterns ending with '/*' are allowed: *"],
    [
      "docker.io/*/nginx",
      "not a valid wildcard pattern, only patterns ending with '/*' are allowed: docker.io/*/nginx",
    ],
    [
      "docker.io/library/**",
      "not a valid wildcard pattern, only patterns ending with '/*' are allowed: docker.io/library/**",
    ],
    [
      "docker.io/*/*",
      "not a valid wildcard pattern, only patterns ending with '/*' are allowed: docker.io/*/*",
    ],
    ["/*", "at least registry hostname is required"],
    ["nginx", "neither tag nor digest is accepted in an image reference: nginx"],
    [
      "docker.io/library/nginx:1.25",
      "neither tag nor digest is accepted in an image reference: docker.io/library/nginx:1.25",
    ],
    [
      `docker.io/library/nginx@sha256:${"a".repeat(64)}`,
      `neither tag nor digest is accepted in an image reference: docker.io/library/nginx@sha256:${"a".repeat(64)}`,
    ],
    [
      "docker.io/library/Nginx",
      "failed to parse as an image name: invalid reference format: repository name (library/Nginx) must be lowercase",
    ],
    ["http://x", "failed to parse as an image name: invalid reference format"],
  ])("%j → %j", (pattern, message) => {
    const result = parseAllowlistPattern(pattern);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.message).toBe(message);
  });

  it.each([
    ["docker.io/library/nginx", { pattern: "docker.io/library/nginx", isPrefix: false }],
    ["registry.k8s.io/pause", { pattern: "registry.k8s.io/pause", isPrefix: false }],
    ["localhost:5000/app", { pattern: "localhost:5000/app", isPrefix: false }],
    // An uppercase first segment is a domain to ParseNormalizedNamed, so this is fully qualified.
    ["Docker.io/library/nginx", { pattern: "Docker.io/library/nginx", isPrefix: false }],
    ["registry.example/team/*", { pattern: "registry.example/team/", isPrefix: true }],
    ["docker.io/*", { pattern: "docker.io/", isPrefix: true }],
    // Prefixes are not parsed: only the wildcard rules apply.
    ["Anything Goes/*", { pattern: "Anything Goes/", isPrefix: true }],
  ])("%j is valid", (pattern, data) => {
    expect(parseAllowlistPattern(pattern)).toEqual({ success: true, data });
  });

  it("validateAllowlist returns the first error", () => {
    expect(validateAllowlist([])).toBeUndefined();
    expect(validateAllowlist(["docker.io/library/nginx", "quay.io/*"])).toBeUndefined();
    expect(validateAllowlist(["docker.io/library/nginx", "nginx", "*"])?.message).toBe(
      "neither tag nor digest is accepted in an image reference: nginx",
    );
  });
});

describe("allowlist matching", () => {
  const allowlist = ["docker.io/library/nginx", "registry.example/team/*"];

  it.each([
    // [image, allowlisted with normalised names (1.36), allowlisted with raw strings (1.33–1.35)]
    ["nginx", true, false],
    ["nginx:1.25", true, false],
    [`nginx@sha256:${"b".repeat(64)}`, true, false],
    ["docker.io/library/nginx", true, true],
    ["docker.io/library/nginx:1.25", true, false],
    ["registry.example/team/app:1", true, true],
    ["registry.example/team", false, false],
    ["registry.example/teamfoo/app", false, false],
    ["redis", false, false],
    ["FAILED_IMAGE", false, false],
  ] as const)("%s", (image, normalized, raw) => {
    expect(
      policyOf("NeverVerifyAllowlistedImages", allowlist).requiresVerification(image, true),
    ).toBe(!normalized);
    expect(
      policyOf("NeverVerifyAllowlistedImages", allowlist, true).requiresVerification(image, true),
    ).toBe(!raw);
  });
});
