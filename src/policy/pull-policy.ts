/**
 * The three pull policies Kubernetes knows, as a literal union and a frozen constant object.
 * @module
 */

/**
 * A container's `imagePullPolicy` (or an image volume's `pullPolicy`) as Kubernetes defines it.
 *
 * @example
 * const policy: PullPolicy = "IfNotPresent";
 */
export type PullPolicy = "Always" | "IfNotPresent" | "Never";

/**
 * The three pull policies by name, in the order Kubernetes lists them in its API documentation.
 *
 * @example
 * PULL_POLICIES.Always; // => "Always"
 */
export const PULL_POLICIES = Object.freeze({
  Always: "Always",
  IfNotPresent: "IfNotPresent",
  Never: "Never",
} as const satisfies Record<PullPolicy, PullPolicy>);

/**
 * Whether a value is one of the three pull policies, spelled exactly (case-sensitive, as the API
 * server validates it).
 *
 * @example
 * isPullPolicy("Never");  // => true
 * isPullPolicy("always"); // => false
 */
export function isPullPolicy(value: unknown): value is PullPolicy {
  return value === "Always" || value === "IfNotPresent" || value === "Never";
}
