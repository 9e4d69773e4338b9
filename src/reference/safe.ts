/**
 * Non-throwing forms of the parse functions: every outcome comes back as data.
 * @module
 */

import { ImageReferenceError, notAStringError } from "./errors.js";
import {
  parseAnyResult,
  parseDockerRefResult,
  parseNamedResult,
  parseNormalizedResult,
} from "./normalize.js";
import { parseResult } from "./parse.js";
import type { NamedReference, Reference } from "./reference.js";

/**
 * The outcome of a safe* parse: the reference, or the error the throwing form would throw
 * (for a non-string argument, an error with code `NOT_A_STRING`).
 * @example
 * const r: SafeParseResult = safeParseNormalizedNamed("nginx");
 * if (r.success) console.log(String(r.reference)); else console.log(r.error.code);
 */
export type SafeParseResult<R extends Reference = NamedReference> =
  | { readonly success: true; readonly reference: R }
  | { readonly success: false; readonly error: ImageReferenceError };

function settle<R extends Reference>(
  fn: string,
  s: unknown,
  parse: (s: string) => R | ImageReferenceError,
): SafeParseResult<R> {
  if (typeof s !== "string") return { success: false, error: notAStringError(fn, s) };
  const result = parse(s);
  return result instanceof ImageReferenceError
    ? { success: false, error: result }
    : { success: true, reference: result };
}

/**
 * {@link parseReference} that never throws.
 * @example
 * safeParseReference("Uppercase:tag"); // { success: false, error: { code: "NAME_CONTAINS_UPPERCASE", … } }
 */
export function safeParseReference(s: string): SafeParseResult {
  return settle("safeParseReference", s, parseResult);
}

/**
 * {@link parseNamed} that never throws.
 * @example
 * safeParseNamed("nginx").success; // false (not canonical)
 */
export function safeParseNamed(s: string): SafeParseResult {
  return settle("safeParseNamed", s, parseNamedResult);
}

/**
 * {@link parseNormalizedNamed} that never throws.
 * @example
 * const r = safeParseNormalizedNamed("nginx:1.27");
 * if (r.success) String(r.reference); // "docker.io/library/nginx:1.27"
 */
export function safeParseNormalizedNamed(s: string): SafeParseResult {
  return settle("safeParseNormalizedNamed", s, parseNormalizedResult);
}

/**
 * {@link parseAnyReference} that never throws.
 * @example
 * safeParseAnyReference("a".repeat(64)).success; // true (a digest reference)
 */
export function safeParseAnyReference(s: string): SafeParseResult<Reference> {
  return settle("safeParseAnyReference", s, parseAnyResult);
}

/**
 * {@link parseDockerRef} that never throws.
 * @example
 * safeParseDockerRef("busybox").success; // true
 */
export function safeParseDockerRef(s: string): SafeParseResult {
  return settle("safeParseDockerRef", s, parseDockerRefResult);
}
