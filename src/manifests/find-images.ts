/**
 * The walker: every image in a Kubernetes object (or a List of them) with its path, the policy as
 * written, the policy the API server gives it, the reason, and what would go wrong with it.
 * @module
 */
import { goQuote } from "../internal/go-quote.js";
import { ManifestShapeError, type SafeParseImageNameResult } from "../policy/index.js";
import { formatPath, type ImageSlot } from "../policy/pod-specs.js";
import {
  decisionsBySite,
  resolvePolicies,
  type SlotDecision,
  type UpdateMode,
} from "../policy/resolve-policies.js";
import { type LocatedFieldError, siteFieldErrors } from "../policy/validate-image-fields.js";
import type { ImageFinding, ImageFindingCode, ImageNameSummary, ImageUse } from "./image-use.js";

/**
 * Options of {@link findImages}.
 *
 * @example
 * const options: FindImagesOptions = { stored: liveDeployment }; // explain an update
 */
export interface FindImagesOptions {
  /** Kind to assume when the object has no `kind` (typed client objects often omit it). */
  readonly kind?: string;
  /** apiVersion to assume when the object has none. */
  readonly apiVersion?: string;
  /**
   * The object as stored in the cluster: explain `object` as an update of it, where a policy the
   * update does not mention keeps its stored value (spec §2.3).
   */
  readonly stored?: unknown;
  /** How the update is sent: `merge` (patch, `kubectl apply`; default) or `replace` (PUT). */
  readonly mode?: UpdateMode;
}

/**
 * Outcome of {@link safeFindImages}. On failure `data` still holds the images of the objects that
 * could be read (other items of the same List).
 *
 * @example
 * const r: SafeFindImagesResult = safeFindImages(doc);
 * if (!r.success) console.error(r.error.message);
 */
export type SafeFindImagesResult =
  | { readonly success: true; readonly data: readonly ImageUse[] }
  | {
      readonly success: false;
      readonly error: ManifestShapeError;
      readonly data: readonly ImageUse[];
    };

const FIXED_AT_CREATE =
  "the API server writes it when the object is created and does not recompute it when the image changes later";

function fieldName(slot: ImageSlot): string {
  return slot.policyKey;
}

function reasonFor(decision: SlotDecision, isUpdate: boolean, mode: UpdateMode): string {
  const { slot, origin } = decision;
  const name = fieldName(slot);
  if (origin === "explicit") {
    const valid =
      decision.effective === "Always" ||
      decision.effective === "IfNotPresent" ||
      decision.effective === "Never";
    return valid
      ? `${name} is set to ${goQuote(decision.effective)} in the object, and defaulting never changes a value that is set`
      : `${name} is set to ${goQuote(decision.effective)}, which defaulting keeps but the API server rejects (supported values: "Always", "IfNotPresent", "Never")`;
  }
  if (origin === "stored") {
    const stored = decision.stored;
    const changed = stored !== null && stored.image !== slot.image;
    return changed
      ? `${name} is not in the update, so the stored ${goQuote(decision.effective)} is kept: it was fixed when the object was first written and does not follow the image change from ${goQuote(stored.image)} to ${goQuote(slot.image)}`
      : `${name} is not in the update, so the stored ${goQuote(decision.effective)} is kept: it was fixed when the object was first written`;
  }
  const rule = decision.defaulted?.reason ?? "";
  if (!isUpdate) {
    return `${name} is not set and ${rule}; ${FIXED_AT_CREATE}`;
  }
  if (decision.stored === null) {
    return `${name} is not set on this ${slot.source === "imageVolume" ? "volume" : "container"}, which the stored object does not have, and ${rule}`;
  }
  if (slot.policyState === "absent" && mode === "replace") {
    return `${name} is not in the replacing body, so it is recomputed from the new image: ${rule}`;
  }
  return `${name} is cleared by the update, so it is recomputed from the new image: ${rule}`;
}

type Parse = (image: string) => SafeParseImageNameResult;

function imageName(parsed: SafeParseImageNameResult): ImageNameSummary | null {
  return parsed.success ? parsed.data : null;
}

const CODE_BY_FIELD: Readonly<Record<string, ImageFindingCode>> = {
  "Required value": "IMAGE_REQUIRED",
  "Invalid value": "IMAGE_WHITESPACE",
  "Unsupported value": "UNSUPPORTED_PULL_POLICY",
  Forbidden: "EPHEMERAL_IN_TEMPLATE",
};

/** A site's errors by the image field they are about; pod-spec-level errors under `null`. */
function errorsBySlot(
  errors: readonly LocatedFieldError[],
): Map<ImageSlot | null, LocatedFieldError[]> {
  const bySlot = new Map<ImageSlot | null, LocatedFieldError[]>();
  for (const located of errors) {
    const list = bySlot.get(located.slot);
    if (list === undefined) bySlot.set(located.slot, [located]);
    else list.push(located);
  }
  return bySlot;
}

function findingsFor(
  slot: ImageSlot,
  errors: ReadonlyMap<ImageSlot | null, readonly LocatedFieldError[]>,
  parse: Parse,
): ImageFinding[] {
  const findings: ImageFinding[] = [];
  let imageRefused = false;
  // Pod-spec-level errors (ephemeral containers in a template) belong to each ephemeral container.
  const mine = [
    ...(errors.get(slot) ?? []),
    ...(slot.source === "ephemeralContainer" ? (errors.get(null) ?? []) : []),
  ];
  for (const { error } of mine) {
    const code = CODE_BY_FIELD[error.type] ?? "IMAGE_REQUIRED";
    if (code === "IMAGE_REQUIRED" || code === "IMAGE_WHITESPACE") imageRefused = true;
    findings.push({ code, stage: "api-server", message: error.message });
  }
  if (!imageRefused && slot.image !== "") {
    const parsed = parse(slot.image);
    if (!parsed.success) {
      // The kubelet's first step (applyDefaultImageTag) fails: Warning InspectFailed, no pull.
      findings.push({
        code: "INVALID_IMAGE_NAME",
        stage: "node",
        waitingReason: "InvalidImageName",
        message: `Failed to apply default image tag ${goQuote(slot.image)}: ${parsed.error.message}`,
      });
    }
  }
  return findings;
}

function toUse(
  decision: SlotDecision,
  findings: readonly ImageFinding[],
  parse: Parse,
  isUpdate: boolean,
  mode: UpdateMode,
): ImageUse {
  const { slot } = decision;
  const holder = formatPath(slot.holderPath);
  return Object.freeze({
    kind: slot.site.kind,
    apiVersion: slot.site.apiVersion,
    name: slot.site.name,
    namespace: slot.site.namespace,
    path: holder,
    imagePath: `${holder}.${slot.imageKey}`,
    policyPath: `${holder}.${slot.policyKey}`,
    source: slot.source,
    containerName: slot.name,
    image: slot.image,
    imagePullPolicy: slot.policy,
    effectivePolicy: decision.effective,
    policyOrigin: decision.origin,
    rule: decision.defaulted?.rule ?? null,
    reason: reasonFor(decision, isUpdate, mode),
    imageName: imageName(parse(slot.image)),
    findings: Object.freeze([...findings]),
  });
}

/**
 * {@link findImages} without throwing: wrong-shaped fields come back as a `ManifestShapeError`
 * value, next to the images of every object that could be read.
 *
 * @example
 * const r = safeFindImages({ apiVersion: "v1", kind: "Pod", spec: { containers: [{ image: 42 }] } });
 * r.success; // => false; r.error.issues[0] → { path: "spec.containers[0].image", message: "expected string" }
 */
export function safeFindImages(
  object: unknown,
  options: FindImagesOptions = {},
): SafeFindImagesResult {
  const isUpdate = options.stored !== undefined;
  const mode = options.mode ?? "merge";
  const resolution = resolvePolicies(object, {
    ...(options.kind === undefined ? {} : { kind: options.kind }),
    ...(options.apiVersion === undefined ? {} : { apiVersion: options.apiVersion }),
    ...(isUpdate ? { stored: options.stored, mode } : {}),
  });
  const uses: ImageUse[] = [];
  for (const [site, decisions] of decisionsBySite(resolution)) {
    const errors = errorsBySlot(siteFieldErrors(site, decisions));
    for (const decision of decisions) {
      const findings = findingsFor(decision.slot, errors, resolution.parse);
      uses.push(toUse(decision, findings, resolution.parse, isUpdate, mode));
    }
  }
  const data = Object.freeze(uses);
  if (resolution.issues.length > 0) {
    return { success: false, error: new ManifestShapeError(resolution.issues), data };
  }
  return { success: true, data };
}

/**
 * Finds every image in a Kubernetes object: containers, init containers (sidecars included),
 * ephemeral containers and image volumes of a Pod, PodTemplate, ReplicationController,
 * Deployment, ReplicaSet, StatefulSet, DaemonSet, Job or CronJob of a built-in apiVersion, or of
 * each item of a `List` (or typed list such as `PodList`). Other kinds (including look-alikes
 * such as an `apps.kruise.io` DaemonSet) give `[]`. Each record says where the image is, the
 * policy as written, the policy after API-server defaulting (on create, or on update when
 * `options.stored` is given) and why, and findings such as `INVALID_IMAGE_NAME` for an image the
 * API server accepts but the node rejects. Accepts plain objects, `@kubernetes/client-node`
 * instances, `kubernetes-types` objects and cdk8s `toJson()` output; throws `ManifestShapeError`
 * with the path of every wrong-shaped field (see {@link safeFindImages}).
 *
 * @example
 * findImages({ apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: {
 *   containers: [{ name: "app", image: "registry:5000/app" }],
 *   volumes: [{ name: "data", image: { reference: "quay.io/org/data:v2" } }] } })
 *   .map((u) => `${u.imagePath} ${u.effectivePolicy}`);
 * // => ["spec.containers[0].image Always", "spec.volumes[0].image.reference IfNotPresent"]
 */
export function findImages(object: unknown, options: FindImagesOptions = {}): readonly ImageUse[] {
  const result = safeFindImages(object, options);
  if (!result.success) {
    throw result.error;
  }
  return result.data;
}
