/**
 * The AlwaysPullImages admission plugin (plugin/pkg/admission/alwayspullimages, spec §7): its
 * mutating half (Admit) and its validating half (Validate), over an admission request given as
 * plain data.
 * @module
 */
import { goQuote } from "../internal/go-quote.js";
import { applyEdits, type FieldEdit } from "./copy-on-write.js";
import { type FieldError, notSupportedError } from "./field-error.js";
import { ManifestShapeError } from "./manifest-shape-error.js";
import {
  formatPath,
  type ImageSlot,
  type PodSpecSite,
  readImageSlots,
  unreadable,
} from "./pod-specs.js";

/**
 * The operations of a Kubernetes admission request (as in an AdmissionReview).
 *
 * @example
 * const op: AdmissionOperation = "CREATE";
 */
export type AdmissionOperation = "CREATE" | "UPDATE" | "DELETE" | "CONNECT";

/**
 * A resource addressed by an admission request: `"pods"`, `"pods/ephemeralcontainers"`, or
 * `{ group: "", resource: "pods" }`.
 *
 * @example
 * const r: AdmissionResource = { group: "apps", resource: "deployments" };
 */
export type AdmissionResource =
  | string
  | { readonly group?: string; readonly version?: string; readonly resource: string };

/**
 * An admission request as data: what the API server hands an admission plugin.
 *
 * @example
 * const request: AdmissionRequest = { operation: "CREATE", resource: "pods", object: pod };
 */
export interface AdmissionRequest {
  readonly operation: AdmissionOperation;
  readonly resource: AdmissionResource;
  /** `"exec"`, `"status"`, `"ephemeralcontainers"`…; absent or `""` for the resource itself. */
  readonly subResource?: string;
  /** The object name from the request; defaults to the object's `metadata.name`. */
  readonly name?: string;
  readonly object: unknown;
  /** The stored object, for an update. */
  readonly oldObject?: unknown;
}

/**
 * Why the plugin let a request through untouched:
 * - `operation`: not a create or update (the plugin only registers for those)
 * - `subresource`: any subresource (`pods/ephemeralcontainers`, `pods/exec`, `pods/status`…)
 * - `resource`: not `pods` (Deployments and others: only the Pods they create are affected)
 * - `no-new-image`: an update whose every image already occurs somewhere in the old pod
 *
 * @example
 * const why: AdmissionIgnoreReason = "no-new-image";
 */
export type AdmissionIgnoreReason = "operation" | "subresource" | "resource" | "no-new-image";

/**
 * An admission failure: `BAD_REQUEST` (400, the object is not a Pod), `INVALID_SHAPE` (400, a
 * field has the wrong JSON type) or `FORBIDDEN` (403, a policy other than Always). `message` is
 * the API server's text byte for byte; several violations are aggregated as `[e1, e2, …]`.
 *
 * @example
 * const e: AdmissionError = { code: "BAD_REQUEST", status: 400, causes: [],
 *   message: "Resource was marked with kind Pod but was unable to be converted" };
 */
export interface AdmissionError {
  readonly code: "BAD_REQUEST" | "INVALID_SHAPE" | "FORBIDDEN";
  readonly status: 400 | 403;
  readonly message: string;
  /** The field errors behind a `FORBIDDEN`, one per violating field. */
  readonly causes: readonly FieldError[];
}

/**
 * One field the mutating half changed.
 *
 * @example
 * const c: PolicyChange = { path: "spec.containers[0].imagePullPolicy", from: "IfNotPresent", to: "Always" };
 */
export interface PolicyChange {
  readonly path: string;
  /** The value before, `null` when the field was absent. */
  readonly from: string | null;
  readonly to: "Always";
}

/**
 * Result of {@link admitAlwaysPullImages}.
 *
 * @example
 * const r: AdmitResult = admitAlwaysPullImages(request);
 * if (r.outcome === "mutated") r.object;
 */
export type AdmitResult =
  | {
      readonly outcome: "ignored";
      readonly reason: AdmissionIgnoreReason;
      readonly object: unknown;
    }
  | {
      readonly outcome: "mutated";
      readonly object: unknown;
      readonly changes: readonly PolicyChange[];
    }
  | { readonly outcome: "rejected"; readonly error: AdmissionError };

/**
 * Result of {@link validateAlwaysPullImages}.
 *
 * @example
 * const r: ValidateResult = validateAlwaysPullImages(request);
 * if (r.outcome === "rejected") console.log(r.error.message);
 */
export type ValidateResult =
  | { readonly outcome: "ignored"; readonly reason: AdmissionIgnoreReason }
  | { readonly outcome: "allowed" }
  | { readonly outcome: "rejected"; readonly error: AdmissionError };

const NOT_A_POD = "Resource was marked with kind Pod but was unable to be converted";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function splitResource(request: AdmissionRequest): {
  group: string;
  resource: string;
  subResource: string;
} {
  const r = request.resource;
  let group = "";
  let resource: string;
  let subResource = request.subResource ?? "";
  if (typeof r === "string") {
    const slash = r.indexOf("/");
    resource = slash < 0 ? r : r.slice(0, slash);
    if (slash >= 0 && subResource === "") subResource = r.slice(slash + 1);
  } else {
    group = r.group ?? "";
    resource = r.resource;
  }
  return { group, resource, subResource };
}

/** The Pod inside a request, or why it is not one (Go's failed type assertion). */
type PodRead =
  | { readonly ok: true; readonly site: PodSpecSite; readonly slots: readonly ImageSlot[] }
  | { readonly ok: false; readonly error: AdmissionError };

function readPod(object: unknown): PodRead {
  try {
    return readPodUnguarded(object);
  } catch (error) {
    // A hostile object (throwing getter, revoked Proxy) is a bad request, never a crash.
    const message = new ManifestShapeError([unreadable(error, [])]).message;
    return { ok: false, error: { code: "INVALID_SHAPE", status: 400, message, causes: [] } };
  }
}

function readPodUnguarded(object: unknown): PodRead {
  const notPod: PodRead = {
    ok: false,
    error: { code: "BAD_REQUEST", status: 400, message: NOT_A_POD, causes: [] },
  };
  if (!isRecord(object)) return notPod;
  if (object.kind != null && object.kind !== "Pod") return notPod;
  if (object.apiVersion != null && object.apiVersion !== "v1") return notPod;
  const read = readImageSlots(object, { kind: "Pod", apiVersion: "v1" });
  if (read.issues.length > 0) {
    const message = new ManifestShapeError(read.issues).message;
    return { ok: false, error: { code: "INVALID_SHAPE", status: 400, message, causes: [] } };
  }
  const site = read.sites[0];
  if (site === undefined) return notPod;
  return { ok: true, site, slots: read.slots };
}

/** Go's isUpdateWithNoNewImages: every container image of the new pod occurs in the old pod. */
function isUpdateWithNoNewImages(request: AdmissionRequest): boolean {
  if (request.operation !== "UPDATE") return false;
  const pod = readPod(request.object);
  const old = readPod(request.oldObject);
  if (!pod.ok || !old.ok) return false;
  // Upstream compares container images only (VisitContainers), not image-volume references.
  const containerImages = (slots: readonly ImageSlot[]) =>
    slots.filter((s) => s.source !== "imageVolume").map((s) => s.image);
  const oldImages = new Set(containerImages(old.slots));
  return containerImages(pod.slots).every((image) => oldImages.has(image));
}

function ignoreReason(request: AdmissionRequest): AdmissionIgnoreReason | null {
  if (request.operation !== "CREATE" && request.operation !== "UPDATE") return "operation";
  const { group, resource, subResource } = splitResource(request);
  if (subResource !== "") return "subresource";
  if (group !== "" || resource !== "pods") return "resource";
  if (isUpdateWithNoNewImages(request)) return "no-new-image";
  return null;
}

function policyPath(slot: ImageSlot): string {
  return `${formatPath(slot.holderPath)}.${slot.policyKey}`;
}

/** Init containers, containers, ephemeral containers, then image volumes: the upstream order. */
function inAdmissionOrder(slots: readonly ImageSlot[]): ImageSlot[] {
  const order: readonly ImageSlot["source"][] = [
    "initContainer",
    "container",
    "ephemeralContainer",
    "imageVolume",
  ];
  return order.flatMap((source) => slots.filter((slot) => slot.source === source));
}

/**
 * The mutating half of AlwaysPullImages. For a create or update of `pods` (no subresource) that
 * is not an update introducing no new image, returns a new Pod whose init containers, containers,
 * ephemeral containers and image volumes all have pull policy `Always`, with the list of fields it
 * changed. Other requests come back `ignored` with the reason; an object that is not a Pod is
 * `rejected` with `Resource was marked with kind Pod but was unable to be converted`.
 * The request's object is never modified.
 *
 * @example
 * const r = admitAlwaysPullImages({ operation: "CREATE", resource: "pods",
 *   object: { apiVersion: "v1", kind: "Pod", metadata: { name: "p" },
 *     spec: { containers: [{ name: "c", image: "nginx:1.25", imagePullPolicy: "IfNotPresent" }] } } });
 * r.outcome; // => "mutated"; r.object.spec.containers[0].imagePullPolicy === "Always"
 */
export function admitAlwaysPullImages(request: AdmissionRequest): AdmitResult {
  const reason = ignoreReason(request);
  if (reason !== null) {
    return { outcome: "ignored", reason, object: request.object };
  }
  const pod = readPod(request.object);
  if (!pod.ok) {
    return { outcome: "rejected", error: pod.error };
  }
  const edits: FieldEdit[] = [];
  const changes: PolicyChange[] = [];
  for (const slot of inAdmissionOrder(pod.slots)) {
    edits.push({ path: slot.holderPath, key: slot.policyKey, value: "Always" });
    if (slot.policy !== "Always") {
      changes.push({ path: policyPath(slot), from: slot.policy, to: "Always" });
    }
  }
  let object: unknown;
  try {
    object = applyEdits(request.object, edits);
  } catch (error) {
    const message = new ManifestShapeError([unreadable(error, [])]).message;
    return {
      outcome: "rejected",
      error: { code: "INVALID_SHAPE", status: 400, message, causes: [] },
    };
  }
  return { outcome: "mutated", object, changes };
}

function objectName(request: AdmissionRequest, site: PodSpecSite): string {
  if (request.name !== undefined && request.name !== "") return request.name;
  if (site.name !== null && site.name !== "") return site.name;
  if (site.generateName !== null && site.generateName !== "") return site.generateName;
  return "Unknown";
}

/** Go's utilerrors aggregate text: one message alone, several as `[a, b]` (duplicates once). */
function aggregate(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? (unique[0] as string) : `[${unique.join(", ")}]`;
}

/**
 * The validating half of AlwaysPullImages: every init container, container, ephemeral container
 * and image volume must have pull policy exactly `Always`. Each violation is
 * `pods "<name>" is forbidden: <path>: Unsupported value: "<value>": supported values: "Always"`;
 * several are aggregated as `[e1, e2, …]` in the order init containers, containers, ephemeral
 * containers, volumes. The same requests as in {@link admitAlwaysPullImages} are ignored.
 *
 * @example
 * const r = validateAlwaysPullImages({ operation: "CREATE", resource: "pods",
 *   object: { apiVersion: "v1", kind: "Pod", metadata: { name: "p" },
 *     spec: { containers: [{ name: "c", image: "nginx", imagePullPolicy: "Never" }] } } });
 * r.outcome === "rejected" && r.error.message;
 * // => 'pods "p" is forbidden: spec.containers[0].imagePullPolicy: Unsupported value: "Never": supported values: "Always"'
 */
export function validateAlwaysPullImages(request: AdmissionRequest): ValidateResult {
  const reason = ignoreReason(request);
  if (reason !== null) {
    return { outcome: "ignored", reason };
  }
  const pod = readPod(request.object);
  if (!pod.ok) {
    return { outcome: "rejected", error: pod.error };
  }
  const causes: FieldError[] = [];
  for (const slot of inAdmissionOrder(pod.slots)) {
    const value = slot.policy ?? "";
    if (value !== "Always") {
      causes.push(notSupportedError(policyPath(slot), value, ["Always"]));
    }
  }
  if (causes.length === 0) {
    return { outcome: "allowed" };
  }
  const prefix = `pods ${goQuote(objectName(request, pod.site))} is forbidden: `;
  const message = aggregate(causes.map((cause) => prefix + cause.message));
  return { outcome: "rejected", error: { code: "FORBIDDEN", status: 403, message, causes } };
}
