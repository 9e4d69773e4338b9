/**
 * Image references exactly as Go's `distribution/reference` v0.6.0 (with go-digest v1.0.0,
 * sha256/sha384/sha512 registered) reads them: the parser Kubernetes uses.
 * @module
 */

export type { ImageReferenceErrorCode } from "./errors.js";
export { ImageReferenceError, isImageReferenceError } from "./errors.js";
export { familiarMatch, familiarName, familiarString } from "./familiar.js";
export { isNameOnly, tagNameOnly, trimNamed, withDigest, withName, withTag } from "./helpers.js";
export {
  parseAnyReference,
  parseDockerRef,
  parseNamed,
  parseNormalizedNamed,
} from "./normalize.js";
export { parseReference } from "./parse.js";
export type { NamedReference, Reference, ReferenceKind } from "./reference.js";
export { referenceKind } from "./reference.js";
export type { SafeParseResult } from "./safe.js";
export {
  safeParseAnyReference,
  safeParseDockerRef,
  safeParseNamed,
  safeParseNormalizedNamed,
  safeParseReference,
} from "./safe.js";
