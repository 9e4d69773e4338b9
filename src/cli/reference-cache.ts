/**
 * Normalized references of image strings, computed once per distinct string: manifests repeat
 * the same images many times, and explain runs over thousands of documents.
 */
import { safeParseNormalizedNamed } from "../index.js";

/**
 * A memo of ParseNormalizedNamed results.
 * @example
 * const cache: ReferenceCache = createReferenceCache(); cache.normalized("FAILED_IMAGE"); // null
 */
export interface ReferenceCache {
  /** String() of ParseNormalizedNamed, or null when the image does not parse. */
  readonly normalized: (image: string) => string | null;
}

/**
 * Creates an empty cache.
 * @example
 * createReferenceCache().normalized("nginx"); // "docker.io/library/nginx"
 */
export function createReferenceCache(): ReferenceCache {
  const memo = new Map<string, string | null>();
  return {
    normalized: (image) => {
      let value = memo.get(image);
      if (value === undefined) {
        const parsed = safeParseNormalizedNamed(image);
        value = parsed.success ? String(parsed.reference) : null;
        memo.set(image, value);
      }
      return value;
    },
  };
}
