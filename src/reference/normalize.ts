/**
 * Go's normalising parsers: ParseNormalizedNamed (what Kubernetes uses), ParseNamed,
 * ParseAnyReference and ParseDockerRef.
 * @module
 */

import { isValidDigest } from "./digest.js";
import {
  ImageReferenceError,
  identifierAsNameError,
  referenceError,
  remoteNotLowercaseError,
  requireString,
} from "./errors.js";
import { goLowerChanges } from "./go-lower.js";
import { isIdentifier, scan, scanReference } from "./grammar.js";
import {
  orThrow,
  PATH_MAX_LENGTH,
  parseResult,
  referenceFromScan,
  withScannedSuffix,
} from "./parse.js";
import {
  digestReference,
  type NamedReference,
  namedReference,
  type Reference,
} from "./reference.js";

/**
 * Docker Hub's domain, the one familiar names leave out.
 * @example
 * DEFAULT_DOMAIN; // "docker.io"
 */
export const DEFAULT_DOMAIN = "docker.io";
const LEGACY_DEFAULT_DOMAIN = "index.docker.io";
const LOCALHOST = "localhost";
/**
 * The path prefix of Docker Hub's official images.
 * @example
 * OFFICIAL_PREFIX + "nginx"; // "library/nginx"
 */
export const OFFICIAL_PREFIX = "library/";
/**
 * The tag Docker assumes when a reference names none.
 * @example
 * DEFAULT_TAG; // "latest"
 */
export const DEFAULT_TAG = "latest";

/**
 * Go's splitDockerDomain on offsets: the domain, where the remainder starts in `name`, and
 * whether Go prefixes that remainder with `library/`. (Offsets rather than new strings, so that
 * a long input is not copied before it is rejected.)
 */
function splitDockerDomainAt(
  name: string,
): readonly [domain: string, start: number, library: boolean] {
  const slash = name.indexOf("/");
  if (slash < 0) return [DEFAULT_DOMAIN, 0, true];
  const first = name.slice(0, slash);
  let domain = DEFAULT_DOMAIN;
  let start = 0;
  if (first === LEGACY_DEFAULT_DOMAIN) start = slash + 1;
  else if (
    first === LOCALHOST ||
    first.includes(".") ||
    first.includes(":") ||
    goLowerChanges(first, 0, slash)
  ) {
    domain = first;
    start = slash + 1;
  }
  return [domain, start, domain === DEFAULT_DOMAIN && name.indexOf("/", start) < 0];
}

/**
 * Go's splitDockerDomain: `[domain, remainder]`.
 * @example
 * splitDockerDomain("ubuntu");  // ["docker.io", "library/ubuntu"]
 * splitDockerDomain("Foo/bar"); // ["Foo", "bar"]
 */
export function splitDockerDomain(name: string): readonly [domain: string, remainder: string] {
  const [domain, start, library] = splitDockerDomainAt(name);
  return [domain, (library ? OFFICIAL_PREFIX : "") + name.slice(start)];
}

/**
 * ParseNormalizedNamed following Go's code step by step (the specification the fast path below
 * must agree with; it also produces every error).
 * @example
 * (parseNormalizedSlow("FOO") as ImageReferenceError).code; // "REMOTE_NAME_NOT_LOWERCASE"
 */
export function parseNormalizedSlow(s: string): NamedReference | ImageReferenceError {
  if (isIdentifier(s)) return identifierAsNameError(s);
  const [domain, start, library] = splitDockerDomainAt(s);
  const prefix = library ? OFFICIAL_PREFIX : "";
  // Go's "remote": the remainder up to its first ":" ("library/" is lowercase already).
  const colon = s.indexOf(":", start);
  const remoteEnd = colon < 0 ? s.length : colon;
  if (goLowerChanges(s, start, remoteEnd)) {
    return remoteNotLowercaseError(prefix + s.slice(start, remoteEnd));
  }
  // Parse never returns a nameless reference here: the input always has a domain prefix.
  return parseResult(`${domain}/${prefix}${s.slice(start)}`);
}

/** A capital or a non-ASCII code unit (one class: a linear native search). */
const CAPITAL_OR_NON_ASCII = /[A-Z\u0080-\uffff]/;

/**
 * ParseNormalizedNamed as a value. Instead of building `domain + "/" + remainder` and parsing
 * that, it scans the input once as Go's Parse would and reads splitDockerDomain's decision off
 * the scan: when the first component is not a domain for splitDockerDomain, the input is a
 * Docker Hub remainder, valid exactly when it scans with its first component as a path
 * component. Any failure, and the one case where Go's lowercase check looks beyond the path
 * (a digest algorithm without a tag), is handed to the literal transliteration above, so every
 * error comes out in Go's order.
 * @example
 * String(parseNormalizedResult("nginx")); // "docker.io/library/nginx"
 */
export function parseNormalizedResult(s: string): NamedReference | ImageReferenceError {
  const len = s.length;
  if (len === 64 && isIdentifier(s)) return identifierAsNameError(s);
  if (!scanReference(s, 0, true)) {
    // The scan failing means Go's Parse(domain + "/" + remainder) fails too. Without capitals
    // and non-ASCII, neither Go's lowercase check nor Parse's lowercase retry can change the
    // verdict, so skip rebuilding the string (a 1 MB reject stays one pass or two).
    return !CAPITAL_OR_NON_ASCII.test(s)
      ? referenceError("REFERENCE_INVALID_FORMAT")
      : parseNormalizedSlow(s);
  }
  const { nameEnd, tagStart, digestStart, firstSlash } = scan;
  // Without a tag, Go's lowercase check runs up to the digest's ":", over the algorithm.
  if (tagStart < 0 && digestStart >= 0 && scan.digestCapitalAlgorithm) {
    return parseNormalizedSlow(s);
  }
  // splitDockerDomain: where the Docker Hub remainder starts, or -1 when `s` names its domain.
  let start = 0;
  let library = false;
  if (firstSlash < 0) {
    library = true;
  } else if (firstSlash === 9 && s.startsWith(LOCALHOST)) {
    start = -1;
  } else if (firstSlash === 15 && s.startsWith(LEGACY_DEFAULT_DOMAIN)) {
    start = 16;
    library = s.indexOf("/", 16) < 0;
  } else if (firstSlash === 9 && s.startsWith(DEFAULT_DOMAIN)) {
    start = 10;
    library = s.indexOf("/", 10) < 0;
  } else if (scan.firstLooksLikeDomain) {
    start = -1;
  } else if (!scan.firstIsPath) {
    // Scanned as a domain only (e.g. "[fd00]"), but Docker Hub reads it as a path: invalid.
    return parseNormalizedSlow(s);
  }
  if (start < 0) return referenceFromScan(s);
  const remote = s.slice(start, nameEnd);
  const path = library ? OFFICIAL_PREFIX + remote : remote;
  if (path.length > PATH_MAX_LENGTH) return referenceError("NAME_TOO_LONG");
  return withScannedSuffix(s, `${DEFAULT_DOMAIN}/${path}`, DEFAULT_DOMAIN, path);
}

/**
 * Parses a reference the way Docker and Kubernetes do (Go's `ParseNormalizedNamed`): familiar
 * names gain `docker.io` and, for single names, `library/`; `index.docker.io` becomes
 * `docker.io`. This is what the kubelet and the API server use.
 * @throws {ImageReferenceError} with Go's message when Go returns an error.
 * @throws {TypeError} when `s` is not a string.
 * @example
 * String(parseNormalizedNamed("nginx"));                 // "docker.io/library/nginx"
 * parseNormalizedNamed("localhost:5000").tag;            // "5000" (a name with a tag!)
 * parseNormalizedNamed("ghcr.io/org/app:1.2").domain;    // "ghcr.io"
 */
export function parseNormalizedNamed(s: string): NamedReference {
  requireString("parseNormalizedNamed", s);
  return orThrow(parseNormalizedResult(s));
}

/**
 * ParseNamed as a value.
 * @example
 * (parseNamedResult("nginx") as ImageReferenceError).code; // "NAME_NOT_CANONICAL"
 */
export function parseNamedResult(s: string): NamedReference | ImageReferenceError {
  const ref = parseNormalizedResult(s);
  if (ref instanceof ImageReferenceError) return ref;
  return ref.toString() === s ? ref : referenceError("NAME_NOT_CANONICAL");
}

/**
 * Go's `ParseNamed`: like {@link parseNormalizedNamed}, but the input must already be in
 * canonical form (`docker.io/library/nginx`, not `nginx`).
 * @throws {ImageReferenceError} e.g. "repository name must be canonical".
 * @throws {TypeError} when `s` is not a string.
 * @example
 * parseNamed("docker.io/library/nginx:1.27").tag; // "1.27"
 * parseNamed("nginx"); // throws "repository name must be canonical"
 */
export function parseNamed(s: string): NamedReference {
  requireString("parseNamed", s);
  return orThrow(parseNamedResult(s));
}

/**
 * ParseAnyReference as a value.
 * @example
 * String(parseAnyResult("a".repeat(64))); // "sha256:aaaa…"
 */
export function parseAnyResult(s: string): Reference | ImageReferenceError {
  if (isIdentifier(s)) return digestReference(`sha256:${s}`);
  if (isValidDigest(s)) return digestReference(s);
  return parseNormalizedResult(s);
}

/**
 * Go's `ParseAnyReference`: a 64-hex identifier or a valid digest gives a digest-only
 * reference (no name); anything else is parsed with {@link parseNormalizedNamed}.
 * @throws {ImageReferenceError} with Go's message when Go returns an error.
 * @throws {TypeError} when `s` is not a string.
 * @example
 * String(parseAnyReference("a".repeat(64))); // "sha256:aaaa…"
 * parseAnyReference("redis").name;           // "docker.io/library/redis"
 */
export function parseAnyReference(s: string): Reference {
  requireString("parseAnyReference", s);
  return orThrow(parseAnyResult(s));
}

/**
 * ParseDockerRef as a value.
 * @example
 * String(parseDockerRefResult("busybox")); // "docker.io/library/busybox:latest"
 */
export function parseDockerRefResult(s: string): NamedReference | ImageReferenceError {
  const ref = parseNormalizedResult(s);
  if (ref instanceof ImageReferenceError) return ref;
  const { name, domain, path, tag, digest } = ref;
  // Go re-splits Name() with WithName, which yields the same domain and path again.
  if (tag !== undefined && digest !== undefined)
    return namedReference(name, domain, path, "", digest);
  if (tag === undefined && digest === undefined) {
    return namedReference(name, domain, path, DEFAULT_TAG, "");
  }
  return ref;
}

/**
 * Go's `ParseDockerRef`: {@link parseNormalizedNamed}, then a digest wins over a tag and a bare
 * name gets `:latest`.
 * @throws {ImageReferenceError} with Go's message when Go returns an error.
 * @throws {TypeError} when `s` is not a string.
 * @example
 * String(parseDockerRef("busybox")); // "docker.io/library/busybox:latest"
 * String(parseDockerRef("busybox:1@sha256:" + "a".repeat(64))); // "docker.io/library/busybox@sha256:aaaa…"
 */
export function parseDockerRef(s: string): NamedReference {
  requireString("parseDockerRef", s);
  return orThrow(parseDockerRefResult(s));
}
