import { describe, expect, it } from "vitest";
import { isWorkloadKind, podSpecPath, WORKLOAD_KINDS } from "../../src/policy/index.js";

// Spec §2.4: which kinds carry a defaulted pod spec, and where.
const TABLE: readonly (readonly [string, string, string])[] = [
  ["Pod", "v1", "spec"],
  ["PodTemplate", "v1", "template.spec"],
  ["ReplicationController", "v1", "spec.template.spec"],
  ["Deployment", "apps/v1", "spec.template.spec"],
  ["ReplicaSet", "apps/v1", "spec.template.spec"],
  ["StatefulSet", "apps/v1", "spec.template.spec"],
  ["DaemonSet", "apps/v1", "spec.template.spec"],
  ["Job", "batch/v1", "spec.template.spec"],
  ["CronJob", "batch/v1", "spec.jobTemplate.spec.template.spec"],
];

describe("spec §2.4 table", () => {
  it.each(TABLE)("%s (%s) → %s", (kind, apiVersion, path) => {
    expect(podSpecPath(kind, apiVersion)?.join(".")).toBe(path);
    expect(podSpecPath(kind)?.join(".")).toBe(path);
    expect(isWorkloadKind(kind, apiVersion)).toBe(true);
  });
  it("lists exactly these kinds", () => {
    expect([...WORKLOAD_KINDS]).toEqual(TABLE.map(([kind]) => kind));
  });
});

describe("not built-in workloads", () => {
  it.each([
    ["Service", "v1"],
    ["DaemonSet", "apps.kruise.io/v1alpha1"],
    ["StatefulSet", "apps.kruise.io/v1beta1"],
    ["Pod", "apps/v1"],
    ["DeploymentConfig", "apps.openshift.io/v1"],
    ["deployment", "apps/v1"],
    ["toString", "v1"],
    ["__proto__", "v1"],
    ["Job", "batch/v2"],
  ])("%s %s", (kind, apiVersion) => {
    expect(podSpecPath(kind, apiVersion)).toBeNull();
    expect(isWorkloadKind(kind, apiVersion)).toBe(false);
  });
  it.each([undefined, null, 3, {}])("a kind that is not a string (%j)", (kind) => {
    expect(podSpecPath(kind)).toBeNull();
  });
});

describe("old served group/versions", () => {
  it.each([
    ["Deployment", "extensions/v1beta1"],
    ["Deployment", "apps/v1beta1"],
    ["DaemonSet", "apps/v1beta2"],
    ["ReplicaSet", "extensions/v1beta1"],
    ["StatefulSet", "apps/v1beta1"],
    ["CronJob", "batch/v1beta1"],
  ])("%s %s", (kind, apiVersion) => {
    expect(isWorkloadKind(kind, apiVersion)).toBe(true);
  });
});
