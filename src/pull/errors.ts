/**
 * The typed error for a wrong configuration of the pull decision (back-off bounds, limiter,
 * puller, verification policy). Failed pulls are never errors: they come back as data.
 * @module
 */

/**
 * Stable identifiers of {@link PullConfigError}.
 *
 * @example
 * if (error.code === "INVALID_REGISTRY_QPS") console.log(error.message);
 */
export type PullConfigErrorCode =
  | "INVALID_BACKOFF"
  | "INVALID_REGISTRY_QPS"
  | "INVALID_REGISTRY_BURST"
  | "INVALID_MAX_PARALLEL_IMAGE_PULLS"
  | "UNKNOWN_VERIFICATION_POLICY"
  | "INVALID_ALLOWLIST_PATTERN"
  | "INVALID_SIMULATION";

/**
 * A configuration the kubelet would refuse. `message` is the kubelet's own text where it has
 * one (for example `invalid configuration: registryBurst (--registry-burst) -1 must not be a
 * negative number`).
 *
 * @example
 * try {
 *   createImageManager({ runtime, clock, registryBurst: -1 });
 * } catch (e) {
 *   if (e instanceof PullConfigError) console.log(e.code); // "INVALID_REGISTRY_BURST"
 * }
 */
export class PullConfigError extends Error {
  /** A stable identifier for the kind of mistake. */
  readonly code: PullConfigErrorCode;

  constructor(code: PullConfigErrorCode, message: string) {
    super(message);
    this.name = "PullConfigError";
    this.code = code;
  }
}

/**
 * The text Go would print for a value thrown by an injected function: an `Error`'s message,
 * a string as is, anything else through `String`.
 *
 * @example
 * errorText(new Error("404")); // "404"
 * errorText("RegistryUnavailable"); // "RegistryUnavailable"
 */
export function errorText(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  if (typeof thrown === "string") return thrown;
  try {
    return String(thrown);
  } catch {
    return "unknown error";
  }
}
