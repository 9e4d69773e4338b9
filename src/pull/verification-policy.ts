/**
 * KEP-2535 credential verification policies for images already on the node
 * (`imagePullCredentialsVerificationPolicy`, `preloadedImagesVerificationAllowlist`).
 * @module
 */
import { safeParseNormalizedNamed } from "../reference/index.js";
import { PullConfigError } from "./errors.js";

/**
 * The four values of the kubelet's `imagePullCredentialsVerificationPolicy`.
 *
 * @example
 * const policy: CredentialVerificationPolicy = "NeverVerifyPreloadedImages";
 */
export type CredentialVerificationPolicy =
  | "NeverVerify"
  | "NeverVerifyPreloadedImages"
  | "NeverVerifyAllowlistedImages"
  | "AlwaysVerify";

/**
 * The policy values as constants; `NeverVerifyPreloadedImages` is the kubelet's default when the
 * feature gate is on.
 *
 * @example
 * CredentialVerificationPolicy.AlwaysVerify; // "AlwaysVerify"
 */
export const CredentialVerificationPolicy = {
  NeverVerify: "NeverVerify",
  NeverVerifyPreloadedImages: "NeverVerifyPreloadedImages",
  NeverVerifyAllowlistedImages: "NeverVerifyAllowlistedImages",
  AlwaysVerify: "AlwaysVerify",
} as const satisfies Record<CredentialVerificationPolicy, CredentialVerificationPolicy>;

/**
 * The kubelet's default policy when `KubeletEnsureSecretPulledImages` is on.
 *
 * @example
 * createVerificationPolicy(DEFAULT_CREDENTIAL_VERIFICATION_POLICY);
 */
export const DEFAULT_CREDENTIAL_VERIFICATION_POLICY: CredentialVerificationPolicy =
  "NeverVerifyPreloadedImages";

/**
 * How allowlist entries are compared with a pod's image: `"normalized"` (Kubernetes 1.36,
 * #137629) compares the image's normalised name (`nginx:1.25` → `docker.io/library/nginx`);
 * `"raw"` (1.33–1.35) compares the image string exactly as written in the pod, so
 * `nginx:1.25` never matches `docker.io/library/nginx`.
 *
 * @example
 * createVerificationPolicy("NeverVerifyAllowlistedImages", ["docker.io/library/nginx"], { allowlistMatching: "raw" });
 */
export type AllowlistMatching = "normalized" | "raw";

/**
 * Decides whether an image present on the node needs its credentials verified
 * (`RequireCredentialVerificationForImage`).
 *
 * @example
 * const result = createVerificationPolicy("AlwaysVerify");
 * if (result.success) result.policy.requiresVerification("nginx", false); // true
 */
export interface VerificationPolicy {
  readonly name: CredentialVerificationPolicy;
  /**
   * `image` is the pod's image string; `pulledByKubelet` is true when a pulled record or a pull
   * intent exists for it.
   */
  requiresVerification(image: string, pulledByKubelet: boolean): boolean;
}

/**
 * A valid allowlist entry: an exact fully qualified name, or a prefix (the entry without its
 * trailing `*`, so `registry.example/team/*` matches names starting with `registry.example/team/`).
 *
 * @example
 * const entry: AllowlistPattern = { pattern: "docker.io/library/", isPrefix: true };
 */
export interface AllowlistPattern {
  readonly pattern: string;
  readonly isPrefix: boolean;
}

/**
 * Outcome of {@link parseAllowlistPattern}.
 *
 * @example
 * const r: AllowlistPatternResult = parseAllowlistPattern("quay.io/org/*");
 */
export type AllowlistPatternResult =
  | { readonly success: true; readonly data: AllowlistPattern }
  | { readonly success: false; readonly error: PullConfigError };

/**
 * Outcome of {@link createVerificationPolicy}.
 *
 * @example
 * const r: VerificationPolicyResult = createVerificationPolicy("AlwaysVerify");
 */
export type VerificationPolicyResult =
  | { readonly success: true; readonly policy: VerificationPolicy }
  | { readonly success: false; readonly error: PullConfigError };

/** Go's `unicode.IsSpace`, the set `strings.TrimSpace` removes. */
function isGoSpace(code: number): boolean {
  if (code <= 0xff) {
    return (code >= 0x09 && code <= 0x0d) || code === 0x20 || code === 0x85 || code === 0xa0;
  }
  return (
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

function hasOuterGoSpace(value: string): boolean {
  if (value === "") return false;
  const first = value.codePointAt(0) ?? 0;
  // The last code point: step back over a surrogate pair when there is one.
  let lastIndex = value.length - 1;
  const low = value.charCodeAt(lastIndex);
  if (low >= 0xdc00 && low <= 0xdfff && lastIndex > 0) lastIndex--;
  const last = value.codePointAt(lastIndex) ?? 0;
  return isGoSpace(first) || isGoSpace(last);
}

const invalid = (message: string): AllowlistPatternResult => ({
  success: false,
  error: new PullConfigError("INVALID_ALLOWLIST_PATTERN", message),
});

/**
 * Validates one `preloadedImagesVerificationAllowlist` entry with the kubelet's rules and
 * messages, in its order: no leading/trailing whitespace; a trailing `/*` makes a prefix;
 * nothing left → `the supplied pattern is too short`; any other `*` is refused; `/*` alone
 * needs a host; an exact entry must parse and be its own normalised name (no tag, no digest,
 * fully qualified: `nginx` is refused, `docker.io/library/nginx` accepted).
 *
 * @example
 * parseAllowlistPattern("registry.example/team/*");
 * // { success: true, data: { pattern: "registry.example/team/", isPrefix: true } }
 * parseAllowlistPattern("nginx:1.25").error?.message;
 * // "neither tag nor digest is accepted in an image reference: nginx:1.25"
 */
export function parseAllowlistPattern(pattern: string): AllowlistPatternResult {
  if (hasOuterGoSpace(pattern)) {
    return invalid(`leading/trailing spaces are not allowed: ${pattern}`);
  }
  const isPrefix = pattern.endsWith("/*");
  const trimmed = isPrefix ? pattern.slice(0, -1) : pattern;
  if (trimmed.length === 0) return invalid(`the supplied pattern is too short: ${pattern}`);
  if (trimmed.includes("*")) {
    return invalid(
      `not a valid wildcard pattern, only patterns ending with '/*' are allowed: ${pattern}`,
    );
  }
  if (isPrefix) {
    if (trimmed.length === 1) return invalid("at least registry hostname is required");
    return { success: true, data: { pattern: trimmed, isPrefix: true } };
  }
  const parsed = safeParseNormalizedNamed(trimmed);
  if (!parsed.success) {
    return invalid(`failed to parse as an image name: ${parsed.error.message}`);
  }
  if (parsed.reference.name !== trimmed) {
    return invalid(`neither tag nor digest is accepted in an image reference: ${pattern}`);
  }
  return { success: true, data: { pattern: trimmed, isPrefix: false } };
}

/**
 * Validates a whole allowlist (the kubelet's `ValidateAllowlistImagesPatterns`): the first bad
 * entry's error, or undefined when all are valid.
 *
 * @example
 * validateAllowlist(["docker.io/library/nginx", "*"])?.message;
 * // "not a valid wildcard pattern, only patterns ending with '/*' are allowed: *"
 */
export function validateAllowlist(patterns: readonly string[]): PullConfigError | undefined {
  for (const pattern of patterns) {
    const result = parseAllowlistPattern(pattern);
    if (!result.success) return result.error;
  }
  return undefined;
}

/** The name an allowlist is compared with (see {@link AllowlistMatching}). */
function allowlistSubject(image: string, matching: AllowlistMatching): string | undefined {
  if (matching === "raw") return image;
  const parsed = safeParseNormalizedNamed(image);
  return parsed.success ? parsed.reference.name : undefined;
}

/**
 * Options of {@link createVerificationPolicy}.
 *
 * @example
 * const options: VerificationPolicyOptions = { allowlistMatching: "normalized" };
 */
export interface VerificationPolicyOptions {
  /** Compare normalised names (default, 1.36) or raw pod image strings (1.33–1.35). */
  readonly allowlistMatching?: AllowlistMatching;
}

/**
 * Builds the kubelet's verification policy from its configuration
 * (`NewImagePullCredentialVerificationPolicy`). An unknown policy gives
 * `unknown image pull credential verification policy: <v>`; with
 * `NeverVerifyAllowlistedImages` a bad allowlist entry gives its validation error (the
 * allowlist is not even read for the other policies).
 *
 * | policy | verification required |
 * |---|---|
 * | `NeverVerify` | never |
 * | `NeverVerifyPreloadedImages` | iff the kubelet pulled the image (record or intent) |
 * | `NeverVerifyAllowlistedImages` | iff the image is not on the allowlist |
 * | `AlwaysVerify` | always |
 *
 * @example
 * const r = createVerificationPolicy("NeverVerifyAllowlistedImages", ["docker.io/library/*"]);
 * if (r.success) r.policy.requiresVerification("nginx:1.25", true); // false (normalised match)
 * createVerificationPolicy("Sometimes").success; // false
 */
export function createVerificationPolicy(
  policy: string,
  allowlist: readonly string[] = [],
  options: VerificationPolicyOptions = {},
): VerificationPolicyResult {
  switch (policy) {
    case "NeverVerify":
      return { success: true, policy: { name: policy, requiresVerification: () => false } };
    case "NeverVerifyPreloadedImages":
      return {
        success: true,
        policy: {
          name: policy,
          requiresVerification: (_image, pulledByKubelet) => pulledByKubelet,
        },
      };
    case "AlwaysVerify":
      return { success: true, policy: { name: policy, requiresVerification: () => true } };
    case "NeverVerifyAllowlistedImages":
      return allowlistPolicy(allowlist, options.allowlistMatching ?? "normalized");
    default:
      return {
        success: false,
        error: new PullConfigError(
          "UNKNOWN_VERIFICATION_POLICY",
          `unknown image pull credential verification policy: ${policy}`,
        ),
      };
  }
}

function allowlistPolicy(
  allowlist: readonly string[],
  matching: AllowlistMatching,
): VerificationPolicyResult {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const entry of allowlist) {
    const result = parseAllowlistPattern(entry);
    if (!result.success) return result;
    if (result.data.isPrefix) prefixes.push(result.data.pattern);
    else exact.add(result.data.pattern);
  }
  const matches = (image: string): boolean => {
    const subject = allowlistSubject(image, matching);
    if (subject === undefined) return false;
    return exact.has(subject) || prefixes.some((prefix) => subject.startsWith(prefix));
  };
  return {
    success: true,
    policy: {
      name: "NeverVerifyAllowlistedImages",
      // Independent of pulledByKubelet: only the allowlist decides.
      requiresVerification: (image) => !matches(image),
    },
  };
}
