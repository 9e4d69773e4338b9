/**
 * Which objects carry a pod spec that the API server defaults (spec §2.4), and where.
 * @module
 */

/**
 * The built-in kinds whose pod spec (or pod template) the API server defaults.
 *
 * @example
 * WORKLOAD_KINDS.includes("CronJob"); // => true
 */
export const WORKLOAD_KINDS = /* @__PURE__ */ Object.freeze([
  "Pod",
  "PodTemplate",
  "ReplicationController",
  "Deployment",
  "ReplicaSet",
  "StatefulSet",
  "DaemonSet",
  "Job",
  "CronJob",
] as const);

/**
 * One of {@link WORKLOAD_KINDS}.
 *
 * @example
 * const kind: WorkloadKind = "Deployment";
 */
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

const SPEC = ["spec"] as const;
const TEMPLATE_SPEC = ["spec", "template", "spec"] as const;

const POD_SPEC_PATHS: Readonly<Record<WorkloadKind, readonly string[]>> = {
  Pod: SPEC,
  PodTemplate: ["template", "spec"],
  ReplicationController: TEMPLATE_SPEC,
  Deployment: TEMPLATE_SPEC,
  ReplicaSet: TEMPLATE_SPEC,
  StatefulSet: TEMPLATE_SPEC,
  DaemonSet: TEMPLATE_SPEC,
  Job: TEMPLATE_SPEC,
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"],
};

/**
 * The group/versions under which each kind is a built-in Kubernetes type. A `DaemonSet` of
 * `apps.kruise.io` or a `Pod` of `apps/v1` is someone else's type: the API server does not default
 * it, so neither do we. Old served versions (`extensions/v1beta1`, `apps/v1beta2`,
 * `batch/v1beta1`) are included because manifests written for them are still common and were
 * defaulted by the same code.
 */
const GROUP_VERSIONS: Readonly<Record<WorkloadKind, readonly string[]>> = {
  Pod: ["v1"],
  PodTemplate: ["v1"],
  ReplicationController: ["v1"],
  Deployment: ["apps/v1", "apps/v1beta2", "apps/v1beta1", "extensions/v1beta1"],
  ReplicaSet: ["apps/v1", "apps/v1beta2", "extensions/v1beta1"],
  StatefulSet: ["apps/v1", "apps/v1beta2", "apps/v1beta1"],
  DaemonSet: ["apps/v1", "apps/v1beta2", "extensions/v1beta1"],
  Job: ["batch/v1"],
  CronJob: ["batch/v1", "batch/v1beta1", "batch/v2alpha1"],
};

/**
 * Whether `kind` (with its `apiVersion`, when known) is a built-in kind the API server defaults.
 * An absent `apiVersion` (`null`/`undefined`) is accepted: typed client objects often omit it.
 *
 * @example
 * isWorkloadKind("Deployment", "apps/v1");          // => true
 * isWorkloadKind("DaemonSet", "apps.kruise.io/v1alpha1"); // => false
 * isWorkloadKind("Service", "v1");                  // => false
 */
export function isWorkloadKind(kind: unknown, apiVersion?: unknown): kind is WorkloadKind {
  if (typeof kind !== "string" || !Object.hasOwn(POD_SPEC_PATHS, kind)) {
    return false;
  }
  if (apiVersion === undefined || apiVersion === null) {
    return true;
  }
  return GROUP_VERSIONS[kind as WorkloadKind].includes(apiVersion as string);
}

/**
 * The path of the pod spec inside an object of this kind, as field names (`["spec", "template",
 * "spec"]` for a Deployment), or `null` for a kind that carries no defaulted pod spec.
 *
 * @example
 * podSpecPath("CronJob");              // => ["spec", "jobTemplate", "spec", "template", "spec"]
 * podSpecPath("Pod", "v1");            // => ["spec"]
 * podSpecPath("Pod", "apps/v1");       // => null (not the built-in Pod)
 */
export function podSpecPath(kind: unknown, apiVersion?: unknown): readonly string[] | null {
  return isWorkloadKind(kind, apiVersion) ? POD_SPEC_PATHS[kind] : null;
}
