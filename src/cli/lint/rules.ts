/**
 * The lint rules: stable ids (never renamed; they appear in annotations, SARIF and scripts),
 * severities, and the words shown in help and in GitHub code scanning.
 */

/**
 * How serious a finding is. `info` maps to SARIF `note`.
 * @example
 * const s: Severity = "warning";
 */
export type Severity = "error" | "warning" | "info";

/**
 * Severities from most to least serious.
 * @example
 * SEVERITIES.indexOf("error"); // 0
 */
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/**
 * One rule.
 * @example
 * const rule: Rule = ruleById("latest-tag");
 */
export interface Rule {
  /** Stable identifier, kebab-case. */
  readonly id: RuleId;
  /** PascalCase name for SARIF. */
  readonly name: string;
  readonly severity: Severity;
  /** One line: what the rule finds. */
  readonly short: string;
  /** Why it matters, in Kubernetes' terms. */
  readonly full: string;
  /** What to do about it. */
  readonly help: string;
}

/**
 * Every rule id.
 * @example
 * const id: RuleId = "never-pull-policy";
 */
export type RuleId =
  | "invalid-image-name"
  | "api-server-rejects"
  | "missing-tag"
  | "latest-tag"
  | "tag-and-digest"
  | "never-pull-policy"
  | "mutable-tag-if-not-present"
  | "policy-fixed-at-creation";

/**
 * The rules, in the order help and SARIF list them.
 * @example
 * RULES.map((r) => r.id); // ["invalid-image-name", …]
 */
export const RULES: readonly Rule[] = [
  {
    id: "invalid-image-name",
    name: "InvalidImageName",
    severity: "error",
    short: "The API server accepts this image but the kubelet refuses it (InvalidImageName)",
    full: "The API server does not check the image reference grammar, so the object is created; the kubelet's ParseImageName then fails and the container never starts: it waits with reason InvalidImageName.",
    help: "Write a valid reference: lowercase repository, [registry/]name[:tag][@sha256:<64 hex>]. Check with `pullpolicy parse <image>`. Placeholders such as <your-image> or $IMAGE must be replaced before deploying.",
  },
  {
    id: "api-server-rejects",
    name: "ApiServerRejects",
    severity: "error",
    short:
      "The API server refuses this image field (empty, surrounding spaces, unsupported policy)",
    full: "Pod validation requires a non-empty image without leading or trailing whitespace, a pullPolicy of Always, IfNotPresent or Never, and no ephemeral containers in pod templates; the create or update is refused with the message shown.",
    help: "Fix the field as the message says.",
  },
  {
    id: "missing-tag",
    name: "MissingTag",
    severity: "warning",
    short: "The image has no tag and no digest, so it means :latest and defaults to Always",
    full: "ParseImageName gives an image without tag or digest the tag latest: every node pulls whatever latest is when the container starts, so replicas can run different code, and the default imagePullPolicy is Always (a registry outage stops new pods).",
    help: "Pin a version tag, or better a digest (image:1.2.3@sha256:…, where the digest decides what is pulled).",
  },
  {
    id: "latest-tag",
    name: "LatestTag",
    severity: "warning",
    short: "The image uses the tag latest",
    full: "latest moves: nodes that pull at different times run different images, and rollbacks cannot return to an earlier latest. The default imagePullPolicy for latest is Always.",
    help: "Pin a version tag or a digest.",
  },
  {
    id: "tag-and-digest",
    name: "TagAndDigest",
    severity: "warning",
    short: "The image has both a tag and a digest: the tag is ignored for pulling",
    full: "With name:tag@digest the runtime pulls by digest and the tag is not checked; readers of the manifest may believe the tag decides. If the tag is latest the default policy is still Always, because defaulting looks only at the tag.",
    help: "Keep the digest; keep the tag only as a comment for people, or make sure it names the same image.",
  },
  {
    id: "never-pull-policy",
    name: "NeverPullPolicy",
    severity: "warning",
    short: "imagePullPolicy Never: the image must already be on every node",
    full: 'With Never the kubelet never pulls: on a node without the image the container waits with ErrImageNeverPull (Container image "…" is not present with pull policy of Never).',
    help: "Use IfNotPresent with a pinned digest, or make sure every node that can run the pod has the image pre-loaded.",
  },
  {
    id: "mutable-tag-if-not-present",
    name: "MutableTagIfNotPresent",
    severity: "info",
    short:
      "A tag with IfNotPresent: nodes that already have an older image under this tag keep running it",
    full: "Tags can be pushed again. With IfNotPresent a node that cached the tag earlier starts the old image while a fresh node pulls the new one, so replicas differ.",
    help: "Pin a digest (image:tag@sha256:…) so every node runs the same image, or use Always.",
  },
  {
    id: "policy-fixed-at-creation",
    name: "PolicyFixedAtCreation",
    severity: "info",
    short:
      "imagePullPolicy is not set: it is fixed from the current tag and will not follow a later tag change",
    full: "The API server fills in imagePullPolicy when the object is first created and keeps that value on later updates: changing the image from :1.2 to :latest with kubectl apply keeps IfNotPresent (and the reverse keeps Always).",
    help: "Set imagePullPolicy explicitly.",
  },
];

/**
 * The rule with this id.
 * @example
 * ruleById("latest-tag").severity; // "warning"
 */
export function ruleById(id: RuleId): Rule {
  const rule = RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`unknown rule ${id}`);
  return rule;
}

/**
 * Whether a finding of `severity` reaches the `--fail-on` threshold.
 * @example
 * reaches("info", "warning"); // false
 */
export function reaches(severity: Severity, threshold: Severity | "none"): boolean {
  if (threshold === "none") return false;
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}
