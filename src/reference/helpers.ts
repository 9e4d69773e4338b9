/**
 * Go's reference constructors and transformers: WithName, WithTag, WithDigest, TrimNamed,
 * TagNameOnly, IsNameOnly.
 * @module
 */

import { type ImageReferenceError, referenceError, requireString } from "./errors.js";
import { isDigestFormat, isTag, matchName } from "./grammar.js";
import { DEFAULT_TAG } from "./normalize.js";
import { orThrow, PATH_MAX_LENGTH } from "./parse.js";
import { joinName, type NamedReference, namedReference, type Reference } from "./reference.js";

/**
 * Throws a TypeError unless `ref` has a name: Go's type system rejects a nameless reference
 * (a bare digest) at compile time where these functions take a `Named`.
 * @example
 * requireNamed("withTag", parseAnyReference("a".repeat(64))); // throws TypeError
 */
export function requireNamed(fn: string, ref: Reference): asserts ref is NamedReference {
  if (typeof ref !== "object" || ref === null || typeof ref.name !== "string") {
    throw new TypeError(`${fn}: expected a reference with a name`);
  }
}

/**
 * `ref` again with `tag` and `digest` (`""` for none). Values from this library carry their domain
 * and path; for a hand-made object with only a name, Go's fallback applies (`splitDomain` when
 * `split`, else the whole name as the path, as WithTag/WithDigest do).
 */
function rebuilt(ref: NamedReference, split: boolean, tag: string, digest: string): NamedReference {
  const [domain, path] =
    typeof ref.domain === "string" && typeof ref.path === "string"
      ? [ref.domain, ref.path]
      : (split && matchName(ref.name)) || ["", ref.name];
  return namedReference(joinName(domain, path), domain, path, tag, digest);
}

/**
 * WithName as a value: the reference, or the error Go returns.
 * @example
 * withNameResult("a:b") instanceof ImageReferenceError; // true
 */
export function withNameResult(name: string): NamedReference | ImageReferenceError {
  const parts = matchName(name);
  if (parts === null) return referenceError("REFERENCE_INVALID_FORMAT");
  if (parts[1].length > PATH_MAX_LENGTH) return referenceError("NAME_TOO_LONG");
  return namedReference(name, parts[0], parts[1], "", "");
}

/**
 * Go's `WithName`: a name-only reference from a name (no tag, no digest, no normalisation).
 * @throws {ImageReferenceError} "invalid reference format" or the 255-character path limit.
 * @throws {TypeError} when `name` is not a string.
 * @example
 * withName("test.com:8080/foo").domain; // "test.com:8080"
 * withName("example.com/repo:tag");     // throws "invalid reference format"
 */
export function withName(name: string): NamedReference {
  requireString("withName", name);
  return orThrow(withNameResult(name));
}

/**
 * Go's `WithTag`: `ref` with its tag set to `tag` (a digest is kept).
 * @throws {ImageReferenceError} "invalid tag format".
 * @throws {TypeError} when `ref` has no name or `tag` is not a string.
 * @example
 * String(withTag(withName("test.com/foo"), "v2")); // "test.com/foo:v2"
 */
export function withTag(ref: Reference, tag: string): NamedReference {
  requireNamed("withTag", ref);
  requireString("withTag", tag);
  if (!isTag(tag, 0, tag.length)) throw referenceError("TAG_INVALID_FORMAT");
  return rebuilt(ref, false, tag, ref.digest ?? "");
}

/**
 * Go's `WithDigest`: `ref` with its digest set to `digest` (a tag is kept). Like Go, only the
 * digest's shape is checked, not its algorithm.
 * @throws {ImageReferenceError} "invalid digest format".
 * @throws {TypeError} when `ref` has no name or `digest` is not a string.
 * @example
 * String(withDigest(withName("foo"), "sha256:" + "1".repeat(64))); // "foo@sha256:1111…"
 */
export function withDigest(ref: Reference, digest: string): NamedReference {
  requireNamed("withDigest", ref);
  requireString("withDigest", digest);
  if (!isDigestFormat(digest)) throw referenceError("DIGEST_INVALID_FORMAT");
  return rebuilt(ref, false, ref.tag ?? "", digest);
}

/**
 * Go's `TrimNamed`: the name alone, without tag or digest.
 * @throws {TypeError} when `ref` has no name.
 * @example
 * String(trimNamed(parseNormalizedNamed("nginx:1.27"))); // "docker.io/library/nginx"
 */
export function trimNamed(ref: Reference): NamedReference {
  requireNamed("trimNamed", ref);
  return rebuilt(ref, true, "", "");
}

/**
 * Go's `IsNameOnly`: neither tagged nor digested.
 * @throws {TypeError} when `ref` has no name.
 * @example
 * isNameOnly(parseNormalizedNamed("nginx"));   // true
 * isNameOnly(parseNormalizedNamed("nginx:1")); // false
 */
export function isNameOnly(ref: Reference): boolean {
  requireNamed("isNameOnly", ref);
  return ref.tag === undefined && ref.digest === undefined;
}

/**
 * Go's `TagNameOnly`: adds the tag `latest` to a name-only reference; anything else unchanged.
 * @throws {TypeError} when `ref` has no name.
 * @example
 * String(tagNameOnly(parseNormalizedNamed("nginx"))); // "docker.io/library/nginx:latest"
 */
export function tagNameOnly(ref: Reference): NamedReference {
  requireNamed("tagNameOnly", ref);
  return isNameOnly(ref) ? withTag(ref, DEFAULT_TAG) : ref;
}
