/**
 * Finds the pod specs inside a loosely typed Kubernetes object (or a List of them) and the image
 * fields inside each pod spec, after checking the shape of every field on the way with zod.
 * Internal to pullpolicy: the walker (src/manifests) and the defaulting both stand on it.
 * @module
 */
import * as z from "zod/mini";
import { lazy } from "../internal/lazy.js";
import type { ShapeIssue } from "./manifest-shape-error.js";
import {
  isWorkloadKind,
  podSpecPath,
  WORKLOAD_KINDS,
  type WorkloadKind,
} from "./workload-kinds.js";

/**
 * A field name or a list index.
 *
 * @example
 * const path: PathSegment[] = ["spec", "containers", 0];
 */
export type PathSegment = string | number;

/**
 * Where an image is written: `containers[]`, `initContainers[]` (sidecars included),
 * `ephemeralContainers[]`, or an image volume (`volumes[].image`).
 *
 * @example
 * const s: ImageSource = "imageVolume";
 */
export type ImageSource = "container" | "initContainer" | "ephemeralContainer" | "imageVolume";

/**
 * One pod spec found in an object.
 *
 * @example
 * const [site] = locatePodSpecs(deployment).sites;
 * site.specPath; // ["spec", "template", "spec"]
 */
export interface PodSpecSite {
  readonly kind: WorkloadKind;
  readonly apiVersion: string | null;
  readonly name: string | null;
  readonly namespace: string | null;
  /** `metadata.generateName`, used where Kubernetes names an object that has no name yet. */
  readonly generateName: string | null;
  /** Path of the object itself: `[]`, or `["items", 2]` inside a List. */
  readonly objectPath: readonly PathSegment[];
  /** Path of the pod spec from the root. */
  readonly specPath: readonly PathSegment[];
  /** The pod spec, or `null` when the object has none. */
  readonly spec: Readonly<Record<string, unknown>> | null;
}

/**
 * The state of a policy field as written.
 *
 * @example
 * const state: WrittenPolicyState = "absent";
 */
export type WrittenPolicyState = "absent" | "null" | "empty" | "set";

/**
 * One image field with its pull-policy field.
 *
 * @example
 * const slots: ImageSlot[] = readImageSlots(pod).slots;
 * slots[0].holderPath; // ["spec", "containers", 0]
 */
export interface ImageSlot {
  readonly site: PodSpecSite;
  readonly source: ImageSource;
  /** Position in its list (`containers`, `initContainers`, `ephemeralContainers` or `volumes`). */
  readonly index: number;
  /** Path of the container or of the volume. */
  readonly ownerPath: readonly PathSegment[];
  /** Path of the object holding the image and policy fields: the container, or `volume.image`. */
  readonly holderPath: readonly PathSegment[];
  readonly imageKey: "image" | "reference";
  readonly policyKey: "imagePullPolicy" | "pullPolicy";
  /** Container name or volume name, `null` when absent. */
  readonly name: string | null;
  /** The image as written, `""` when absent. */
  readonly image: string;
  /** The policy as written, `null` when absent or null. */
  readonly policy: string | null;
  readonly policyState: WrittenPolicyState;
}

/**
 * The container lists of a pod spec, in the order Kubernetes visits them (VisitContainers).
 *
 * @example
 * CONTAINER_LISTS.map(([key]) => key); // => ["initContainers", "containers", "ephemeralContainers"]
 */
export const CONTAINER_LISTS: readonly (readonly [string, ImageSource])[] = [
  ["initContainers", "initContainer"],
  ["containers", "container"],
  ["ephemeralContainers", "ephemeralContainer"],
];

// Built on first use so that importing pullpolicy builds no schema (see internal/lazy.ts): one
// schema per workload kind, of the fields from the root down to the pod spec.
const schemas = /* @__PURE__ */ lazy(() => {
  const optionalString = z.optional(z.nullable(z.string()));
  const containerShape = z.looseObject({
    name: optionalString,
    image: optionalString,
    imagePullPolicy: optionalString,
  });
  const volumeShape = z.looseObject({
    name: optionalString,
    image: z.optional(
      z.nullable(z.looseObject({ reference: optionalString, pullPolicy: optionalString })),
    ),
  });
  const podSpecShape = z.looseObject({
    initContainers: z.optional(z.nullable(z.array(containerShape))),
    containers: z.optional(z.nullable(z.array(containerShape))),
    ephemeralContainers: z.optional(z.nullable(z.array(containerShape))),
    volumes: z.optional(z.nullable(z.array(volumeShape))),
  });
  const metadataShape = z.optional(
    z.nullable(
      z.looseObject({
        name: optionalString,
        namespace: optionalString,
        generateName: optionalString,
      }),
    ),
  );
  const objectSchema = (path: readonly string[]): z.ZodMiniType => {
    let inner: z.ZodMiniType = podSpecShape;
    for (let i = path.length - 1; i >= 1; i--) {
      inner = z.looseObject({ [path[i] as string]: z.optional(z.nullable(inner)) });
    }
    return z.looseObject({
      apiVersion: optionalString,
      metadata: metadataShape,
      [path[0] as string]: z.optional(z.nullable(inner)),
    });
  };
  return new Map<string, z.ZodMiniType>(
    WORKLOAD_KINDS.map((kind) => [kind, objectSchema(podSpecPath(kind) ?? [])]),
  );
});

/**
 * Formats a path the way Kubernetes' field.Path prints it: `spec.containers[0].image`.
 * @example
 * formatPath(["items", 2, "spec", "containers", 0, "image"]); // => "items[2].spec.containers[0].image"
 */
export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") {
      out += `[${segment}]`;
    } else {
      out += out === "" ? segment : `.${segment}`;
    }
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

/** Reads a field that the shape check has already vetted. */
function field(value: unknown, key: PathSegment): unknown {
  if (typeof key === "number") {
    return Array.isArray(value) ? value[key] : undefined;
  }
  return isRecord(value) ? value[key] : undefined;
}

function shapeIssues(
  schema: z.ZodMiniType,
  value: unknown,
  prefix: readonly PathSegment[],
): ShapeIssue[] {
  let result: ReturnType<typeof schema.safeParse>;
  try {
    result = schema.safeParse(value);
  } catch (error) {
    // A getter that throws, a revoked Proxy: report it as a shape problem, never crash.
    return [unreadable(error, prefix)];
  }
  if (result.success) {
    return [];
  }
  return result.error.issues.map((issue) => ({
    path: formatPath([...prefix, ...(issue.path as PathSegment[])]) || "(root)",
    message: issue.code === "invalid_type" ? `expected ${String(issue.expected)}` : issue.message,
  }));
}

/**
 * Where to look for an object's kind when it does not say (typed client objects often omit it).
 *
 * @example
 * const hint: KindHint = { kind: "Pod", apiVersion: "v1" };
 */
export interface KindHint {
  readonly kind?: string;
  readonly apiVersion?: string;
}

interface LocateResult {
  readonly sites: PodSpecSite[];
  readonly issues: ShapeIssue[];
}

function locateOne(
  object: Readonly<Record<string, unknown>>,
  objectPath: readonly PathSegment[],
  hint: KindHint,
  out: LocateResult,
): void {
  const kind = typeof object.kind === "string" ? object.kind : (hint.kind ?? null);
  const rawApiVersion = object.apiVersion;
  const apiVersion =
    typeof rawApiVersion === "string"
      ? rawApiVersion
      : rawApiVersion == null
        ? (hint.apiVersion ?? null)
        : null;
  if (
    !isWorkloadKind(kind, apiVersion) ||
    (rawApiVersion != null && typeof rawApiVersion !== "string")
  ) {
    return;
  }
  const path = podSpecPath(kind) ?? [];
  const issues = shapeIssues(schemas().get(kind) as z.ZodMiniType, object, objectPath);
  if (issues.length > 0) {
    out.issues.push(...issues);
    return;
  }
  let spec: unknown = object;
  for (const segment of path) {
    spec = field(spec, segment);
  }
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  out.sites.push({
    kind,
    apiVersion,
    name: stringOrNull(metadata.name),
    namespace: stringOrNull(metadata.namespace),
    generateName: stringOrNull(metadata.generateName),
    objectPath,
    specPath: [...objectPath, ...path],
    spec: isRecord(spec) ? spec : null,
  });
}

/** `PodList` → `Pod`: the item kind of a typed list of a workload kind. */
function typedListItemKind(kind: unknown): WorkloadKind | null {
  if (typeof kind !== "string" || !kind.endsWith("List")) {
    return null;
  }
  const itemKind = kind.slice(0, -"List".length);
  return isWorkloadKind(itemKind) ? itemKind : null;
}

/**
 * Finds every defaulted pod spec in `root`: the object itself when it is a workload kind, or each
 * item of a `List` (and of a typed list such as `PodList`, whose items omit `kind`). Wrong-shaped
 * fields on the way are returned as issues; the objects they belong to are skipped.
 * @example
 * locatePodSpecs({ apiVersion: "v1", kind: "Pod", spec: {} }).sites[0].specPath; // => ["spec"]
 */
export function locatePodSpecs(root: unknown, hint: KindHint = {}): LocateResult {
  const out: LocateResult = { sites: [], issues: [] };
  if (!isRecord(root)) {
    return out;
  }
  const itemKind = typedListItemKind(root.kind);
  if (root.kind === "List" || itemKind !== null) {
    const items = root.items;
    if (items == null) {
      return out;
    }
    if (!Array.isArray(items)) {
      out.issues.push({ path: "items", message: "expected array" });
      return out;
    }
    const itemHint: KindHint =
      itemKind === null
        ? {}
        : typeof root.apiVersion === "string"
          ? { kind: itemKind, apiVersion: root.apiVersion }
          : { kind: itemKind };
    items.forEach((item: unknown, index: number) => {
      if (isRecord(item)) {
        locateOne(item, ["items", index], itemHint, out);
      }
    });
    return out;
  }
  locateOne(root, [], hint, out);
  return out;
}

function policyState(value: unknown): WrittenPolicyState {
  if (value === undefined) return "absent";
  if (value === null) return "null";
  return value === "" ? "empty" : "set";
}

/**
 * Every image field of one pod spec, in Kubernetes' visiting order, then the image volumes.
 *
 * @example
 * imageSlots(site).map((s) => s.source); // e.g. ["initContainer", "container", "imageVolume"]
 */
export function imageSlots(site: PodSpecSite): ImageSlot[] {
  const slots: ImageSlot[] = [];
  const spec = site.spec;
  if (spec === null) {
    return slots;
  }
  for (const [listKey, source] of CONTAINER_LISTS) {
    const list = spec[listKey];
    if (!Array.isArray(list)) continue;
    list.forEach((container: unknown, index: number) => {
      if (!isRecord(container)) return;
      const ownerPath = [...site.specPath, listKey, index];
      slots.push({
        site,
        source,
        index,
        ownerPath,
        holderPath: ownerPath,
        imageKey: "image",
        policyKey: "imagePullPolicy",
        name: stringOrNull(container.name),
        image: stringOrNull(container.image) ?? "",
        policy: stringOrNull(container.imagePullPolicy),
        policyState: policyState(container.imagePullPolicy),
      });
    });
  }
  const volumes = spec.volumes;
  if (Array.isArray(volumes)) {
    volumes.forEach((volume: unknown, index: number) => {
      if (!isRecord(volume) || !isRecord(volume.image)) return;
      const ownerPath = [...site.specPath, "volumes", index];
      const source = volume.image;
      slots.push({
        site,
        source: "imageVolume",
        index,
        ownerPath,
        holderPath: [...ownerPath, "image"],
        imageKey: "reference",
        policyKey: "pullPolicy",
        name: stringOrNull(volume.name),
        image: stringOrNull(source.reference) ?? "",
        policy: stringOrNull(source.pullPolicy),
        policyState: policyState(source.pullPolicy),
      });
    });
  }
  return slots;
}

/**
 * Every pod spec and image field of `root`, and the shape issues found on the way.
 *
 * @example
 * const { slots, issues }: ReadResult = readImageSlots(doc);
 */
export interface ReadResult {
  readonly sites: readonly PodSpecSite[];
  readonly slots: readonly ImageSlot[];
  readonly issues: readonly ShapeIssue[];
}

/**
 * {@link locatePodSpecs} then {@link imageSlots} for each pod spec, never throwing: an object
 * whose getters throw or a revoked Proxy becomes a shape issue instead of a crash.
 * @example
 * readImageSlots({ apiVersion: "v1", kind: "Pod", spec: { containers: 1 } }).issues;
 * // => [{ path: "spec.containers", message: "expected array" }]
 */
export function readImageSlots(root: unknown, hint: KindHint = {}): ReadResult {
  try {
    const located = locatePodSpecs(root, hint);
    return {
      sites: located.sites,
      slots: located.sites.flatMap(imageSlots),
      issues: located.issues,
    };
  } catch (error) {
    return { sites: [], slots: [], issues: [unreadable(error, [])] };
  }
}

/**
 * The issue reported for a value that throws when read.
 *
 * @example
 * unreadable(new Error("boom"), ["spec"]); // => { path: "spec", message: "could not be read: boom" }
 */
export function unreadable(error: unknown, path: readonly PathSegment[]): ShapeIssue {
  const reason = error instanceof Error ? error.message : "unreadable value";
  return { path: formatPath(path) || "(root)", message: `could not be read: ${reason}` };
}
