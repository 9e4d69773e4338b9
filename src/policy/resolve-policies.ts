/**
 * The API server's pull-policy decision for every image field of an object, on create or on
 * update (spec §2.3). Internal: applyPullPolicyDefaults writes these decisions, the walker explains
 * them.
 * @module
 */
import { type DefaultPolicyDecision, decideDefaultPullPolicy } from "./default-pull-policy.js";
import type { ShapeIssue } from "./manifest-shape-error.js";
import { type SafeParseImageNameResult, safeParseImageName } from "./parse-image-name.js";
import {
  formatPath,
  type ImageSlot,
  type KindHint,
  type PodSpecSite,
  readImageSlots,
} from "./pod-specs.js";

/**
 * How an update reaches the API server:
 * - `merge`: a patch or `kubectl apply` merged onto the stored object; a policy the update does not
 *   mention keeps its stored value.
 * - `replace`: a PUT of exactly this body; a policy the body does not carry is recomputed.
 *
 * @example
 * const mode: UpdateMode = "merge";
 */
export type UpdateMode = "merge" | "replace";

/**
 * Where an effective policy came from: written in the object (`explicit`), computed by the API
 * server's defaulting (`defaulted`), or carried over from the stored object on an update
 * (`stored`).
 *
 * @example
 * const o: PolicyOrigin = "stored";
 */
export type PolicyOrigin = "explicit" | "defaulted" | "stored";

/**
 * The decision for one image field.
 *
 * @example
 * const [decision]: readonly SlotDecision[] = resolvePolicies(pod).decisions;
 * decision.origin; // "defaulted"
 */
export interface SlotDecision {
  readonly slot: ImageSlot;
  /** The policy after defaulting: the written value when one is set (kept as written). */
  readonly effective: string;
  readonly origin: PolicyOrigin;
  /** The defaulting rule, when the policy was computed here (`origin === "defaulted"`). */
  readonly defaulted: DefaultPolicyDecision | null;
  /** On update: the same field in the stored object, when there is one. */
  readonly stored: ImageSlot | null;
}

/**
 * Options of {@link resolvePolicies}.
 *
 * @example
 * const options: ResolveOptions = { stored: livePod, mode: "merge" };
 */
export interface ResolveOptions extends KindHint {
  /** The stored object, for an update. Absent for a create. */
  readonly stored?: unknown;
  readonly mode?: UpdateMode;
}

/**
 * All decisions for an object, plus the shape problems that made parts of it unreadable.
 *
 * @example
 * const { decisions, issues }: Resolution = resolvePolicies(doc);
 */
export interface Resolution {
  readonly decisions: readonly SlotDecision[];
  /** ParseImageName with this resolution's memo: each distinct image string is parsed once. */
  readonly parse: (image: string) => SafeParseImageNameResult;
  readonly sites: readonly PodSpecSite[];
  readonly issues: readonly ShapeIssue[];
}

/**
 * ParseImageName, remembering results for the life of one resolution: failed parses build Error
 * objects, which cost far more than the parse, and cluster dumps repeat the same images often.
 */
function memoizedParse(): (image: string) => SafeParseImageNameResult {
  const seen = new Map<string, SafeParseImageNameResult>();
  return (image) => {
    let result = seen.get(image);
    if (result === undefined) {
      result = safeParseImageName(image);
      seen.set(image, result);
    }
    return result;
  };
}

function objectKey(site: PodSpecSite): string {
  // The root object of an update is the stored object by definition; List items are matched by
  // identity (kind, namespace, name), as the API server would address them.
  return site.objectPath.length === 0
    ? ""
    : `${site.kind}/${site.namespace ?? ""}/${site.name ?? ""}`;
}

/** Containers are matched by name (the merge key Kubernetes uses), volumes likewise. */
function slotKey(slot: ImageSlot): string {
  const relative = formatPath(slot.site.specPath.slice(slot.site.objectPath.length));
  const member = slot.name ?? `#${slot.index}`;
  return `${objectKey(slot.site)}|${relative}|${slot.source}|${member}`;
}

/**
 * Decides the effective pull policy of every image field in `object`, as the API server does when
 * it decodes the object for a create (no `stored`) or an update (`stored` given).
 * @example
 * resolvePolicies(update, { stored }).decisions.map((d) => d.effective);
 */
export function resolvePolicies(object: unknown, options: ResolveOptions = {}): Resolution {
  const hint: KindHint = {
    ...(options.kind === undefined ? {} : { kind: options.kind }),
    ...(options.apiVersion === undefined ? {} : { apiVersion: options.apiVersion }),
  };
  const located = readImageSlots(object, hint);
  const slots = located.slots;
  const issues: ShapeIssue[] = [...located.issues];
  const storedByKey = new Map<string, ImageSlot>();
  const isUpdate = options.stored !== undefined;
  if (isUpdate) {
    const stored = readImageSlots(options.stored, hint);
    for (const issue of stored.issues) {
      issues.push({ path: `(stored) ${issue.path}`, message: issue.message });
    }
    for (const slot of stored.slots) {
      storedByKey.set(slotKey(slot), slot);
    }
  }
  const mode = options.mode ?? "merge";
  const parse = memoizedParse();
  const decisions = slots.map((slot): SlotDecision => {
    const stored = isUpdate ? (storedByKey.get(slotKey(slot)) ?? null) : null;
    if (slot.policyState === "set") {
      return {
        slot,
        effective: slot.policy as string,
        origin: "explicit",
        defaulted: null,
        stored,
      };
    }
    if (
      mode === "merge" &&
      slot.policyState === "absent" &&
      stored !== null &&
      stored.policyState === "set"
    ) {
      return {
        slot,
        effective: stored.policy as string,
        origin: "stored",
        defaulted: null,
        stored,
      };
    }
    const defaulted = decideDefaultPullPolicy(slot.image, parse(slot.image));
    return { slot, effective: defaulted.policy, origin: "defaulted", defaulted, stored };
  });
  return { decisions, parse, sites: located.sites, issues };
}

/**
 * The decisions of each pod spec, in order, grouped in one pass (linear in the object).
 *
 * @example
 * for (const [site, decisions] of decisionsBySite(resolvePolicies(list))) console.log(site.kind, decisions.length);
 */
export function decisionsBySite(resolution: Resolution): Map<PodSpecSite, SlotDecision[]> {
  const groups = new Map<PodSpecSite, SlotDecision[]>();
  for (const site of resolution.sites) groups.set(site, []);
  for (const decision of resolution.decisions) groups.get(decision.slot.site)?.push(decision);
  return groups;
}
