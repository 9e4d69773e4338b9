import { describe, expect, it } from "vitest";
import { checkRow } from "../../../src/cli/lint/check.js";
import {
  createImageIgnore,
  isSilenced,
  parseIgnoreAnnotation,
  silencedRules,
} from "../../../src/cli/lint/suppress.js";
import { deployment, rowsOf } from "../rows.js";

describe("createImageIgnore", () => {
  const ignored = createImageIgnore(["nginx", "quay.io/org/**", "*:1.*", "registry.k8s.io/*"]);
  it.each([
    ["nginx", true],
    ["nginx:1.25", true],
    ["docker.io/library/nginx:1.25", true],
    ["quay.io/org/team/app:2", true],
    ["quay.io/other/app", false],
    ["redis:1.2", true],
    ["redis:2.0", false],
    ["registry.k8s.io/pause:3.10", true],
    ["registry.k8s.io/sig/pause:3.10", false],
    ["FAILED_IMAGE", false],
  ])("%s → %s", (image, want) => {
    expect(ignored(image)).toBe(want);
  });
  it("ignores nothing without globs", () => {
    expect(createImageIgnore([])("nginx")).toBe(false);
  });
});

describe("annotations", () => {
  it.each([
    ["latest-tag", ["latest-tag"]],
    ["latest-tag, never-pull-policy", ["latest-tag", "never-pull-policy"]],
    ["  a  b,,c ", ["a", "b", "c"]],
    ["all", ["*"]],
    ["*", ["*"]],
    ["", []],
  ])("%j → %j", (value, want) => {
    expect([...parseIgnoreAnnotation(value)]).toEqual(want);
  });

  it("silences rules named on the object or on the pod template", () => {
    const onObject = rowsOf(
      deployment(
        "image: nginx:latest",
        '  annotations:\n    pullpolicy.dev/ignore: "latest-tag"\n',
      ),
    );
    const silenced = silencedRules(onObject[0]!);
    const remaining = checkRow(onObject[0]!).filter((f) => !isSilenced(f, silenced));
    expect(remaining.map((f) => f.ruleId)).toEqual(["policy-fixed-at-creation"]);

    const text = `apiVersion: batch/v1
kind: Job
metadata:
  name: j
spec:
  template:
    metadata:
      annotations:
        pullpolicy.dev/ignore: "*"
    spec:
      containers:
        - name: c
          image: nginx
`;
    const [row] = rowsOf(text);
    const all = silencedRules(row!);
    expect(checkRow(row!).filter((f) => !isSilenced(f, all))).toEqual([]);
  });
});
