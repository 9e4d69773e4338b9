/**
 * Go's familiar forms: the short names the Docker CLI shows (`nginx` for
 * `docker.io/library/nginx`), and FamiliarMatch.
 * @module
 */

import { goPathMatch } from "../internal/go-path-match.js";
import { referenceError, requireString } from "./errors.js";
import { requireNamed } from "./helpers.js";
import { DEFAULT_DOMAIN, OFFICIAL_PREFIX } from "./normalize.js";
import { type Reference, requireReference } from "./reference.js";

/** Go's familiarizeName: drops `docker.io`, then `library/` when nothing nests below it. */
function familiarOf(domain: string | undefined, path: string | undefined, name: string): string {
  if (domain !== DEFAULT_DOMAIN || path === undefined) return name;
  if (path.startsWith(OFFICIAL_PREFIX) && path.indexOf("/", OFFICIAL_PREFIX.length) < 0) {
    return path.slice(OFFICIAL_PREFIX.length);
  }
  return path;
}

/**
 * Go's `FamiliarName`: the name as the Docker CLI shows it.
 * @throws {TypeError} when `ref` has no name.
 * @example
 * familiarName(parseNormalizedNamed("docker.io/library/redis"));  // "redis"
 * familiarName(parseNormalizedNamed("library/foo/bar"));          // "library/foo/bar"
 * familiarName(parseNormalizedNamed("ghcr.io/org/app"));          // "ghcr.io/org/app"
 */
export function familiarName(ref: Reference): string {
  requireNamed("familiarName", ref);
  return familiarOf(ref.domain, ref.path, ref.name);
}

/**
 * Go's `FamiliarString`: familiar name plus `:tag` and `@digest` as present; a digest-only
 * reference prints its digest.
 * @example
 * familiarString(parseNormalizedNamed("nginx:1.27")); // "nginx:1.27"
 */
export function familiarString(ref: Reference): string {
  requireReference("familiarString", ref);
  const { name, tag, digest } = ref;
  if (name === undefined) return digest ?? String(ref);
  let out = familiarOf(ref.domain, ref.path, name);
  if (tag !== undefined) out += `:${tag}`;
  if (digest !== undefined) out += `@${digest}`;
  return out;
}

/**
 * Go's `FamiliarMatch`: Go `path.Match` of `pattern` against the familiar string, then (for a
 * named reference) against the familiar name.
 * @throws {ImageReferenceError} code `BAD_PATTERN`, "syntax error in pattern", for a malformed
 *   pattern (from the first match, as Go reports it).
 * @throws {TypeError} when `pattern` is not a string.
 * @example
 * familiarMatch("foo/**\/ba[rz]", parseNormalizedNamed("foo/a/bar")); // true
 * familiarMatch("*\/foo/c/baz", parseNormalizedNamed("example.com/foo/c/baz:tag")); // true
 */
export function familiarMatch(pattern: string, ref: Reference): boolean {
  requireString("familiarMatch", pattern);
  const first = goPathMatch(pattern, familiarString(ref));
  if (first.error !== null) throw referenceError("BAD_PATTERN");
  if (first.matched || ref.name === undefined) return first.matched;
  return goPathMatch(pattern, familiarName(ref)).matched;
}
