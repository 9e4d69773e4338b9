import { describe, expect, it } from "vitest";
import { checkRow } from "../../../src/cli/lint/check.js";
import { RULES, reaches, ruleById } from "../../../src/cli/lint/rules.js";
import { deployment, rowsOf } from "../rows.js";

const D = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

function ruleIds(container: string): string[] {
  return rowsOf(deployment(container)).flatMap((row) => checkRow(row).map((f) => f.ruleId));
}

describe("checkRow", () => {
  it.each([
    ["image: nginx", ["missing-tag", "policy-fixed-at-creation"]],
    ["image: nginx\nimagePullPolicy: Always", ["missing-tag"]],
    ["image: nginx:latest", ["latest-tag", "policy-fixed-at-creation"]],
    [
      "image: nginx:latest\nimagePullPolicy: IfNotPresent",
      ["latest-tag", "mutable-tag-if-not-present"],
    ],
    ["image: nginx:1.27\nimagePullPolicy: IfNotPresent", ["mutable-tag-if-not-present"]],
    ["image: nginx:1.27\nimagePullPolicy: Always", []],
    [`image: nginx@${D}\nimagePullPolicy: IfNotPresent`, []],
    [`image: nginx:1.27@${D}\nimagePullPolicy: IfNotPresent`, ["tag-and-digest"]],
    [`image: nginx:latest@${D}`, ["tag-and-digest", "policy-fixed-at-creation"]],
    ["image: nginx:1.27\nimagePullPolicy: Never", ["never-pull-policy"]],
    ["image: localhost:5000\nimagePullPolicy: Always", []],
    ["image: registry:5000/app\nimagePullPolicy: Always", ["missing-tag"]],
    ["image: FAILED_IMAGE\nimagePullPolicy: Always", ["invalid-image-name"]],
    ["image: <your-image>\nimagePullPolicy: Always", ["invalid-image-name"]],
    // In a template the API server lets surrounding spaces through; the node then fails.
    ['image: "nginx:1.27 "\nimagePullPolicy: Always', ["invalid-image-name"]],
    ["image: nginx:1.27\nimagePullPolicy: Sometimes", ["api-server-rejects"]],
  ])("%j → %j", (container, want) => {
    expect(ruleIds(container)).toEqual(want);
  });

  it("reports what the API server refuses in a Pod", () => {
    const pod = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      image: "nginx:1.27 "
      imagePullPolicy: Always
    - name: b
      image: ""
      imagePullPolicy: Always
`;
    const findings = rowsOf(pod).flatMap(checkRow);
    expect(findings.map((f) => f.ruleId)).toEqual(["api-server-rejects", "api-server-rejects"]);
    expect(findings[1]?.message).toBe(
      'Pod p, container "b": the API server refuses this: spec.containers[1].image: Required value',
    );
  });

  it("names the object, the container and what the node does", () => {
    const [row] = rowsOf(deployment("image: FAILED_IMAGE\nimagePullPolicy: Always"));
    const [finding] = checkRow(row!);
    expect(finding?.severity).toBe("error");
    expect(finding?.message).toBe(
      'Deployment shop/web, container "app": image "FAILED_IMAGE" is accepted by the API server but the kubelet refuses it; the container waits with InvalidImageName: Failed to apply default image tag "FAILED_IMAGE": couldn\'t parse image name "FAILED_IMAGE": invalid reference format: repository name (library/FAILED_IMAGE) must be lowercase',
    );
  });

  it("says when an invalid image is an unrendered template", () => {
    const [row] = rowsOf(deployment('image: "{{ .Values.image }}"\nimagePullPolicy: Always'));
    expect(checkRow(row!)[0]?.message).toContain("it looks like an unrendered template");
  });

  it("checks image volumes with their pullPolicy field name", () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: c
      image: busybox@${D}
      imagePullPolicy: IfNotPresent
  volumes:
    - name: models
      image:
        reference: quay.io/acme/models:v1
        pullPolicy: Never
`;
    const findings = rowsOf(text).flatMap(checkRow);
    expect(findings.map((f) => f.ruleId)).toEqual(["never-pull-policy"]);
    expect(findings[0]?.message).toBe(
      'Pod p, image volume "models": pullPolicy is Never: on a node without "quay.io/acme/models:v1" the container waits with ErrImageNeverPull',
    );
  });
});

describe("rules", () => {
  it("have unique kebab-case ids and complete texts", () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(r.short.length).toBeGreaterThan(10);
      expect(r.full.length).toBeGreaterThan(10);
      expect(r.help.length).toBeGreaterThan(5);
      expect(ruleById(r.id)).toBe(r);
    }
  });
  it.each([
    ["error", "warning", true],
    ["warning", "warning", true],
    ["info", "warning", false],
    ["info", "info", true],
    ["error", "none", false],
    ["warning", "error", false],
  ] as const)("%s reaches --fail-on %s: %s", (severity, threshold, want) => {
    expect(reaches(severity, threshold)).toBe(want);
  });
});
