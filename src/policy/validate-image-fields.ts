/**
 * The image checks the API server's validation makes after defaulting (spec §2.1), with the
 * upstream texts (pkg/apis/core/validation): an empty image, leading or trailing whitespace, an
 * unsupported pull policy, an empty image-volume reference, ephemeral containers in a template.
 * The reference grammar is NOT validated by the API server: `FAILED_IMAGE` passes here and only
 * fails on the node (the walker reports that separately).
 * @module
 */
import {
  type FieldError,
  forbiddenError,
  invalidError,
  notSupportedError,
  requiredError,
} from "./field-error.js";
import { ManifestShapeError } from "./manifest-shape-error.js";
import { formatPath, type ImageSlot, type PodSpecSite } from "./pod-specs.js";
import {
  decisionsBySite,
  type ResolveOptions,
  resolvePolicies,
  type SlotDecision,
} from "./resolve-policies.js";

/**
 * A validation error of one object, located in the input: `objectPath` is `""` for the object
 * itself or `items[2]` inside a List; `field` (and `message`) are relative to that object, as the
 * API server reports them.
 *
 * @example
 * const e: ImageFieldError = validateImageFields(pod)[0];
 * e.message; // "spec.containers[0].image: Required value"
 */
export interface ImageFieldError extends FieldError {
  readonly objectPath: string;
  readonly kind: string;
  readonly name: string | null;
}

/** Pull policies in the order Kubernetes lists them in validation messages (sorted). */
const SUPPORTED_POLICIES = ["Always", "IfNotPresent", "Never"] as const;

const WHITESPACE_DETAIL = "must not have leading or trailing whitespace";

/** Go's unicode.IsSpace: Latin-1 spaces plus the White_Space code points beyond. */
function isGoSpace(codePoint: number): boolean {
  switch (codePoint) {
    case 0x09:
    case 0x0a:
    case 0x0b:
    case 0x0c:
    case 0x0d:
    case 0x20:
    case 0x85:
    case 0xa0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x3000:
      return true;
    default:
      return codePoint >= 0x2000 && codePoint <= 0x200a;
  }
}

/**
 * Whether Go's `strings.TrimSpace` would change the string. Unlike JavaScript's `trim`, Go does
 * not treat U+FEFF as space but does treat U+0085 as space.
 * @example
 * hasGoSurroundingSpace("nginx\u0085"); // => true
 * hasGoSurroundingSpace("\ufeffnginx"); // => false
 */
export function hasGoSurroundingSpace(value: string): boolean {
  if (value === "") return false;
  const first = value.codePointAt(0) ?? 0;
  const lastUnit = value.charCodeAt(value.length - 1);
  const last =
    lastUnit >= 0xdc00 && lastUnit <= 0xdfff && value.length >= 2
      ? (value.codePointAt(value.length - 2) ?? lastUnit)
      : lastUnit;
  return isGoSpace(first) || isGoSpace(last);
}

/**
 * A validation error together with the image field it is about (`null` for the pod spec).
 *
 * @example
 * const located: LocatedFieldError[] = siteFieldErrors(site, decisions);
 */
export interface LocatedFieldError {
  readonly error: ImageFieldError;
  readonly slot: ImageSlot | null;
}

function locate(site: PodSpecSite, error: FieldError): ImageFieldError {
  return Object.freeze({
    ...error,
    objectPath: formatPath(site.objectPath),
    kind: site.kind,
    name: site.name,
  });
}

function relative(site: PodSpecSite, path: readonly (string | number)[]): string {
  return formatPath(path.slice(site.objectPath.length));
}

/**
 * The image errors of one pod spec, in the order the API server reports them: volumes, then
 * containers, init containers and ephemeral containers (validatePodSpec), the template-only
 * ephemeral check, then the Pod-only whitespace checks of containers and init containers.
 * @example
 * siteFieldErrors(site, decisions).map((e) => e.error.message);
 * // e.g. ["spec.containers[0].image: Required value"]
 */
export function siteFieldErrors(
  site: PodSpecSite,
  decisions: readonly SlotDecision[],
): LocatedFieldError[] {
  const isPod = site.kind === "Pod";
  // `decisions` are this site's own (see decisionsBySite), so every pass below is linear.
  const mine = decisions;
  const out: LocatedFieldError[] = [];
  const add = (slot: ImageSlot | null, error: FieldError) =>
    out.push({ error: locate(site, error), slot });
  const bySource = (source: ImageSlot["source"]) => mine.filter((d) => d.slot.source === source);

  for (const { slot, effective } of bySource("imageVolume")) {
    const holder = relative(site, slot.holderPath);
    if (isPod && slot.image === "") add(slot, requiredError(`${holder}.reference`));
    if (!(SUPPORTED_POLICIES as readonly string[]).includes(effective)) {
      add(slot, notSupportedError(`${holder}.pullPolicy`, effective, SUPPORTED_POLICIES));
    }
  }
  for (const source of ["container", "initContainer", "ephemeralContainer"] as const) {
    for (const { slot, effective } of bySource(source)) {
      const owner = relative(site, slot.ownerPath);
      if (slot.image === "") add(slot, requiredError(`${owner}.image`));
      if (!(SUPPORTED_POLICIES as readonly string[]).includes(effective)) {
        add(slot, notSupportedError(`${owner}.imagePullPolicy`, effective, SUPPORTED_POLICIES));
      }
      // Ephemeral containers get the Pod-only whitespace check even inside a template.
      if (source === "ephemeralContainer" && hasGoSurroundingSpace(slot.image)) {
        add(slot, invalidError(`${owner}.image`, slot.image, WHITESPACE_DETAIL));
      }
    }
  }
  const ephemeral = bySource("ephemeralContainer");
  if (!isPod && ephemeral.length > 0) {
    const path = `${relative(site, site.specPath)}.ephemeralContainers`;
    add(null, forbiddenError(path, "ephemeral containers not allowed in pod template"));
  }
  if (isPod) {
    // Templates keep accepting " " (OpenShift uses it as a placeholder); only Pods are checked.
    for (const source of ["container", "initContainer"] as const) {
      for (const { slot } of bySource(source)) {
        if (hasGoSurroundingSpace(slot.image)) {
          add(
            slot,
            invalidError(`${relative(site, slot.ownerPath)}.image`, slot.image, WHITESPACE_DETAIL),
          );
        }
      }
    }
  }
  return out;
}

/**
 * Options of {@link validateImageFields}.
 *
 * @example
 * const options: ValidateImageFieldsOptions = { kind: "Pod", apiVersion: "v1" };
 */
export interface ValidateImageFieldsOptions {
  readonly kind?: string;
  readonly apiVersion?: string;
}

/**
 * Defaults the object as on create, then runs the API server's image checks on every pod spec:
 * `Required value` for an empty container image (Pods and templates alike) and for an empty image
 * volume `reference` (Pods only), `Invalid value: "<image>": must not have leading or trailing
 * whitespace` (Pod containers and init containers, and ephemeral containers everywhere; Go's
 * notion of whitespace), `Unsupported value` for a pull policy other than the three, and
 * `Forbidden: ephemeral containers not allowed in pod template`. Returns `[]` when all is well.
 * Throws `ManifestShapeError` for a wrong-shaped object.
 *
 * @example
 * validateImageFields({ apiVersion: "v1", kind: "Pod", metadata: { name: "p" },
 *   spec: { containers: [{ name: "a", image: "" }, { name: "b", image: "nginx " }] } })
 *   .map((e) => e.message);
 * // => ["spec.containers[0].image: Required value",
 * //     'spec.containers[1].image: Invalid value: "nginx ": must not have leading or trailing whitespace']
 */
export function validateImageFields(
  object: unknown,
  options: ValidateImageFieldsOptions = {},
): readonly ImageFieldError[] {
  const hint: ResolveOptions = {
    ...(options.kind === undefined ? {} : { kind: options.kind }),
    ...(options.apiVersion === undefined ? {} : { apiVersion: options.apiVersion }),
  };
  const resolution = resolvePolicies(object, hint);
  if (resolution.issues.length > 0) {
    throw new ManifestShapeError(resolution.issues);
  }
  const errors: ImageFieldError[] = [];
  for (const [site, decisions] of decisionsBySite(resolution)) {
    for (const located of siteFieldErrors(site, decisions)) {
      errors.push(located.error);
    }
  }
  return Object.freeze(errors);
}
