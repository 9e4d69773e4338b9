/**
 * The API server's pull-policy defaulting applied to a whole object: on create, and on update
 * where the stored policy survives (spec §2.3, §2.4).
 * @module
 */
import { applyEdits, type FieldEdit } from "./copy-on-write.js";
import { ManifestShapeError } from "./manifest-shape-error.js";
import { unreadable } from "./pod-specs.js";
import {
  type Resolution,
  type ResolveOptions,
  resolvePolicies,
  type UpdateMode,
} from "./resolve-policies.js";

/**
 * Options of {@link applyPullPolicyDefaults}: the kind to assume when the object does not say
 * (typed client objects often omit `kind` and `apiVersion`).
 *
 * @example
 * const options: DefaultingOptions = { kind: "Pod", apiVersion: "v1" };
 */
export interface DefaultingOptions {
  readonly kind?: string;
  readonly apiVersion?: string;
}

/**
 * Options of {@link applyPullPolicyDefaultsOnUpdate}.
 *
 * @example
 * const options: UpdateDefaultingOptions = { mode: "replace" };
 */
export interface UpdateDefaultingOptions extends DefaultingOptions {
  /** `merge` (default: a patch or `kubectl apply`) or `replace` (a PUT of exactly this body). */
  readonly mode?: UpdateMode;
}

/**
 * Outcome of the `safe*` defaulting functions.
 *
 * @example
 * const r: SafeDefaultingResult<unknown> = safeApplyPullPolicyDefaults({ kind: "Service" });
 * if (r.success) r.data;
 */
export type SafeDefaultingResult<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly error: ManifestShapeError };

function edits(resolution: Resolution): FieldEdit[] {
  const out: FieldEdit[] = [];
  for (const decision of resolution.decisions) {
    if (decision.origin !== "explicit") {
      out.push({
        path: decision.slot.holderPath,
        key: decision.slot.policyKey,
        value: decision.effective,
      });
    }
  }
  return out;
}

function run<T>(object: T, options: ResolveOptions): SafeDefaultingResult<T> {
  const resolution = resolvePolicies(object, options);
  if (resolution.issues.length > 0) {
    return { success: false, error: new ManifestShapeError(resolution.issues) };
  }
  try {
    return { success: true, data: applyEdits(object, edits(resolution)) };
  } catch (error) {
    // Only a hostile object (a getter that throws on the second read) can get here.
    return { success: false, error: new ManifestShapeError([unreadable(error, [])]) };
  }
}

function hintOf(options: DefaultingOptions): DefaultingOptions {
  return {
    ...(options.kind === undefined ? {} : { kind: options.kind }),
    ...(options.apiVersion === undefined ? {} : { apiVersion: options.apiVersion }),
  };
}

/**
 * {@link applyPullPolicyDefaults} without throwing: a wrong-shaped object comes back as a
 * `ManifestShapeError` value.
 *
 * @example
 * const r = safeApplyPullPolicyDefaults({ kind: "Pod", apiVersion: "v1", spec: { containers: {} } });
 * r.success; // => false (spec.containers: expected array)
 */
export function safeApplyPullPolicyDefaults<T>(
  object: T,
  options: DefaultingOptions = {},
): SafeDefaultingResult<T> {
  return run(object, hintOf(options));
}

/**
 * The API server's pull-policy defaulting on create: returns a new object in which every
 * container, init container (sidecars included), ephemeral container and image volume
 * (`spec.volumes[].image.pullPolicy`) with an empty policy gets the default of its image (see
 * `defaultPullPolicy`). Explicit policies are kept as written, unknown fields are kept, other kinds
 * come back unchanged (the same object). Handles Pod, PodTemplate, ReplicationController,
 * Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob and `List`s of them. The input is
 * never modified; objects that are not on the way to a changed field are shared with it.
 * Throws `ManifestShapeError` when a field on the way has the wrong type.
 *
 * @example
 * const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "web" },
 *   spec: { containers: [{ name: "web", image: "nginx" }, { name: "side", image: "envoy:v1.30" }] } };
 * applyPullPolicyDefaults(pod).spec.containers.map((c) => c.imagePullPolicy);
 * // => ["Always", "IfNotPresent"]   (pod itself is unchanged)
 */
export function applyPullPolicyDefaults<T>(object: T, options: DefaultingOptions = {}): T {
  const result = safeApplyPullPolicyDefaults(object, options);
  if (!result.success) {
    throw result.error;
  }
  return result.data;
}

/**
 * {@link applyPullPolicyDefaultsOnUpdate} without throwing.
 *
 * @example
 * const r = safeApplyPullPolicyDefaultsOnUpdate(storedPod, updatedPod);
 * if (r.success) r.data;
 */
export function safeApplyPullPolicyDefaultsOnUpdate<T>(
  stored: unknown,
  update: T,
  options: UpdateDefaultingOptions = {},
): SafeDefaultingResult<T> {
  return run(update, { ...hintOf(options), stored, mode: options.mode ?? "merge" });
}

/**
 * What the API server stores for an update: the policy is fixed when the object is first written.
 * A container (matched by name) or image volume whose policy the update does not mention keeps the
 * stored policy even when its image changed (`nginx:1.25` → `nginx:latest` stays `IfNotPresent`).
 * A policy the update clears (`null` or `""`) is recomputed from the new image, and so is every
 * policy of a new container. With `mode: "replace"` (a PUT of exactly this body) a policy the body
 * does not carry is recomputed too. Explicit policies in the update win. Throws
 * `ManifestShapeError` for a wrong-shaped update or stored object.
 *
 * @example
 * const stored = { apiVersion: "v1", kind: "Pod", spec: { containers: [
 *   { name: "web", image: "nginx:1.25", imagePullPolicy: "IfNotPresent" }] } };
 * const update = { apiVersion: "v1", kind: "Pod", spec: { containers: [{ name: "web", image: "nginx:latest" }] } };
 * applyPullPolicyDefaultsOnUpdate(stored, update).spec.containers[0].imagePullPolicy;
 * // => "IfNotPresent" (kept), while applyPullPolicyDefaults(update) would say "Always"
 */
export function applyPullPolicyDefaultsOnUpdate<T>(
  stored: unknown,
  update: T,
  options: UpdateDefaultingOptions = {},
): T {
  const result = safeApplyPullPolicyDefaultsOnUpdate(stored, update, options);
  if (!result.success) {
    throw result.error;
  }
  return result.data;
}
