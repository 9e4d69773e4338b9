/**
 * The error every reference function reports, with a stable `code` and Go's exact message.
 * @module
 */

import { GO_ERR_BAD_PATTERN } from "../internal/go-path-match.js";

/**
 * Stable identifiers of reference errors; each names the Go error value it mirrors.
 * @example
 * const code: ImageReferenceErrorCode = "NAME_CONTAINS_UPPERCASE";
 */
export type ImageReferenceErrorCode =
  /** reference.ErrReferenceInvalidFormat: "invalid reference format". */
  | "REFERENCE_INVALID_FORMAT"
  /** reference.ErrTagInvalidFormat: "invalid tag format" (withTag). */
  | "TAG_INVALID_FORMAT"
  /** reference.ErrDigestInvalidFormat: "invalid digest format" (withDigest). */
  | "DIGEST_INVALID_FORMAT"
  /** reference.ErrNameContainsUppercase: "repository name must be lowercase". */
  | "NAME_CONTAINS_UPPERCASE"
  /** reference.ErrNameEmpty: "repository name must have at least one component". */
  | "NAME_EMPTY"
  /** reference.ErrNameTooLong: "repository name must not be more than 255 characters". */
  | "NAME_TOO_LONG"
  /** reference.ErrNameNotCanonical: "repository name must be canonical" (parseNamed). */
  | "NAME_NOT_CANONICAL"
  /** ParseNormalizedNamed: "invalid reference format: repository name (…) must be lowercase". */
  | "REMOTE_NAME_NOT_LOWERCASE"
  /** ParseNormalizedNamed: "invalid repository name (…), cannot specify 64-byte hexadecimal strings". */
  | "IDENTIFIER_AS_NAME"
  /** digest.ErrDigestUnsupported: "unsupported digest algorithm". */
  | "DIGEST_UNSUPPORTED"
  /** digest.ErrDigestInvalidLength: "invalid checksum digest length". */
  | "DIGEST_INVALID_LENGTH"
  /** digest.ErrDigestInvalidFormat: "invalid checksum digest format". */
  | "DIGEST_CHECKSUM_INVALID_FORMAT"
  /** path.ErrBadPattern: "syntax error in pattern" (familiarMatch). */
  | "BAD_PATTERN"
  /** Not a Go error: a safe* function was given a non-string (the throwing forms throw TypeError). */
  | "NOT_A_STRING";

/** Go's fixed error texts, by code (the formatted ones are built by {@link referenceError}). */
const FIXED_MESSAGES = {
  REFERENCE_INVALID_FORMAT: "invalid reference format",
  TAG_INVALID_FORMAT: "invalid tag format",
  DIGEST_INVALID_FORMAT: "invalid digest format",
  NAME_CONTAINS_UPPERCASE: "repository name must be lowercase",
  NAME_EMPTY: "repository name must have at least one component",
  NAME_TOO_LONG: "repository name must not be more than 255 characters",
  NAME_NOT_CANONICAL: "repository name must be canonical",
  DIGEST_UNSUPPORTED: "unsupported digest algorithm",
  DIGEST_INVALID_LENGTH: "invalid checksum digest length",
  DIGEST_CHECKSUM_INVALID_FORMAT: "invalid checksum digest format",
  BAD_PATTERN: GO_ERR_BAD_PATTERN,
} as const satisfies Partial<Record<ImageReferenceErrorCode, string>>;

/**
 * Codes whose message is always the same text.
 * @example
 * const code: FixedImageReferenceErrorCode = "NAME_EMPTY";
 */
export type FixedImageReferenceErrorCode = keyof typeof FIXED_MESSAGES;

/**
 * A reference that Go's `distribution/reference` rejects. `message` is Go's `err.Error()` for
 * the same input, byte for byte; `code` is a stable identifier to branch on.
 * @example
 * try {
 *   parseNormalizedNamed("FOO");
 * } catch (e) {
 *   if (isImageReferenceError(e)) console.log(e.code, e.message);
 *   // REMOTE_NAME_NOT_LOWERCASE invalid reference format: repository name (library/FOO) must be lowercase
 * }
 */
export class ImageReferenceError extends Error {
  /** Stable identifier of the failure. */
  declare readonly code: ImageReferenceErrorCode;

  constructor(code: ImageReferenceErrorCode, message: string) {
    super(message);
    this.code = code;
  }

  static {
    // On the prototype (not per instance) so errors stay cheap and `name` is not enumerable.
    Object.defineProperty(ImageReferenceError.prototype, "name", {
      value: "ImageReferenceError",
      writable: true,
      configurable: true,
    });
  }
}

/**
 * Whether `e` is an {@link ImageReferenceError} (also across copies of the package loaded twice,
 * e.g. its ESM and CJS builds side by side).
 * @example
 * isImageReferenceError(new Error("x")); // false
 */
export function isImageReferenceError(e: unknown): e is ImageReferenceError {
  return (
    e instanceof ImageReferenceError ||
    (e instanceof Error &&
      e.name === "ImageReferenceError" &&
      typeof (e as { code?: unknown }).code === "string")
  );
}

/**
 * The error with Go's fixed text for `code`.
 * @example
 * referenceError("NAME_EMPTY").message; // "repository name must have at least one component"
 */
export function referenceError(code: FixedImageReferenceErrorCode): ImageReferenceError {
  return new ImageReferenceError(code, FIXED_MESSAGES[code]);
}

/**
 * ParseNormalizedNamed's lowercase error for Go's "remote" (the remainder up to its first ":").
 * @example
 * remoteNotLowercaseError("library/FOO").message;
 * // "invalid reference format: repository name (library/FOO) must be lowercase"
 */
export function remoteNotLowercaseError(remote: string): ImageReferenceError {
  // JavaScript may hold a lone surrogate, which Go never sees: text reaches Go as UTF-8 (JSON
  // decoding or encoding turns it into U+FFFD), so the message quotes Go's view to stay
  // byte-identical. With the u flag, only an unpaired surrogate is in category Cs.
  const goText = remote.replace(/\p{Cs}/gu, "\ufffd");
  return new ImageReferenceError(
    "REMOTE_NAME_NOT_LOWERCASE",
    `invalid reference format: repository name (${goText}) must be lowercase`,
  );
}

/**
 * ParseNormalizedNamed's error for an input that is a 64-hex identifier.
 * @example
 * identifierAsNameError("a".repeat(64)).code; // "IDENTIFIER_AS_NAME"
 */
export function identifierAsNameError(s: string): ImageReferenceError {
  return new ImageReferenceError(
    "IDENTIFIER_AS_NAME",
    `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`,
  );
}

/**
 * The failure a safe* form returns for a non-string argument.
 * @example
 * notAStringError("safeParseReference", 1).message; // "safeParseReference: expected a string, got number"
 */
export function notAStringError(fn: string, value: unknown): ImageReferenceError {
  return new ImageReferenceError("NOT_A_STRING", notAStringMessage(fn, value));
}

function notAStringMessage(fn: string, value: unknown): string {
  const kind = value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
  return `${fn}: expected a string, got ${kind}`;
}

/**
 * Throws the TypeError a throwing function reports for a non-string argument.
 * @example
 * requireString("parseReference", 42); // throws TypeError "parseReference: expected a string, got number"
 */
export function requireString(fn: string, value: unknown): asserts value is string {
  if (typeof value !== "string") throw new TypeError(notAStringMessage(fn, value));
}
