/**
 * `explain --always-pull-images`: what the AlwaysPullImages admission plugin does to the Pods an
 * object creates. The plugin only sees Pods, so for a workload we build the Pod its template
 * stamps out and admit that; the template itself is never changed.
 */
import { admitAlwaysPullImages, podSpecPath } from "../index.js";
import type { ImageRow } from "./scan.js";

/**
 * The policy the running Pod gets after admission, and why.
 * @example
 * const o: AdmissionOutcome = { policy: "Always", reason: "the AlwaysPullImages admission plugin sets Always …" };
 */
export interface AdmissionOutcome {
  readonly policy: string;
  readonly reason: string;
}

/**
 * Admits the Pod behind each row's object once (cached per object) and reads the policy of the
 * row's container or volume from the result.
 * @example
 * const admit = createAdmissionView();
 * admit(row).policy; // "Always"
 */
export function createAdmissionView(): (row: ImageRow) => AdmissionOutcome {
  const cache = new WeakMap<object, Map<string, string> | string>();
  return (row) => {
    const object = row.object;
    const defaulted = String(row.use.effectivePolicy);
    if (typeof object !== "object" || object === null) {
      return { policy: defaulted, reason: row.use.reason };
    }
    let changes = cache.get(object);
    if (changes === undefined) {
      changes = admit(object as Record<string, unknown>, row);
      cache.set(object, changes);
    }
    if (typeof changes === "string") return { policy: defaulted, reason: changes };
    // The plugin would set Always on ephemeral containers too, but they can only be added
    // through the pods/ephemeralcontainers subresource, which it ignores: they keep their own.
    if (row.use.source === "ephemeralContainer") {
      return {
        policy: defaulted,
        reason: `${row.use.reason}; AlwaysPullImages leaves ephemeral containers alone (they are added through the ephemeralcontainers subresource, which it ignores)`,
      };
    }
    const podPath = toPodPath(row);
    const changed = podPath === undefined ? undefined : changes.get(podPath);
    if (changed !== undefined) {
      return {
        policy: changed,
        reason: `the AlwaysPullImages admission plugin sets Always on the Pods created${row.use.kind === "Pod" ? "" : ` from this ${row.use.kind}`} (defaulting gave ${defaulted})`,
      };
    }
    return { policy: defaulted, reason: `${row.use.reason}; AlwaysPullImages keeps Always` };
  };
}

/** The pod-relative policy path of a row: `spec.containers[0].imagePullPolicy`. */
function toPodPath(row: ImageRow): string | undefined {
  const specPath = podSpecPath(row.use.kind, row.use.apiVersion ?? undefined);
  if (specPath === null) return undefined;
  const prefix = `${row.objectPrefix}${specPath.join(".")}.`;
  const policyPath = row.use.policyPath;
  return policyPath.startsWith(prefix) ? `spec.${policyPath.slice(prefix.length)}` : undefined;
}

function admit(object: Record<string, unknown>, row: ImageRow): Map<string, string> | string {
  const specPath = podSpecPath(row.use.kind, row.use.apiVersion ?? undefined);
  if (specPath === null) return "not a built-in workload: AlwaysPullImages does not apply";
  let spec: unknown = object;
  for (const key of specPath) {
    spec =
      typeof spec === "object" && spec !== null
        ? (spec as Record<string, unknown>)[key]
        : undefined;
  }
  const metadata = object.metadata;
  const name =
    typeof metadata === "object" && metadata !== null
      ? (metadata as { name?: unknown }).name
      : undefined;
  const pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: typeof name === "string" ? name : "" },
    spec: spec ?? {},
  };
  const result = admitAlwaysPullImages({ operation: "CREATE", resource: "pods", object: pod });
  if (result.outcome === "rejected") {
    return `AlwaysPullImages rejected the Pod: ${result.error.message}`;
  }
  if (result.outcome === "ignored") return `AlwaysPullImages ignored the Pod (${result.reason})`;
  return new Map(result.changes.map((c) => [c.path, c.to]));
}
