/**
 * Go's normalising parsers: ParseNormalizedNamed (what Kubernetes uses), ParseNamed,
 * ParseAnyReference and ParseDockerRef.
 * @module
 */

import { isValidDigest, validateDigest } from "./digest.js";
import {
  ImageReferenceError,
  identifierAsNameError,
  referenceError,
  remoteNotLowercaseError,
  requireString,
} from "./errors.js";
import { goLowerChanges } from "./go-lower.js";
import { isIdentifier, scan, scanReference } from "./grammar.js";
import { orThrow, PATH_MAX_LENGTH, parseResult, referenceFromScan } from "./parse.js";
import {
  digestReference,
  type NamedReference,
  namedReference,
  type Reference,
} from "./reference.js";

const DEFAULT_DOMAIN = "docker.io";
const LEGACY_DEFAULT_DOMAIN = "index.docker.io";
const LOCALHOST = "localhost";
const OFFICIAL_PREFIX = "library/";
const DEFAULT_TAG = "latest";

/**
 * Go's splitDockerDomain, literally: `[domain, remainder]`.
 * @example
 * splitDockerDomain("ubuntu");          // ["docker.io", "library/ubuntu"]
 * splitDockerDomain("Foo/bar");         // ["Foo", "bar"]
 */
export function splitDockerDomain(name: string): readonly [domain: string, remainder: string] {
  const slash = name.indexOf("/");
  if (slash < 0) return [DEFAULT_DOMAIN, OFFICIAL_PREFIX + name];
  const first = name.slice(0, slash);
  const rest = name.slice(slash + 1);
  let domain: string;
  let remainder: string;
  if (first === LOCALHOST) [domain, remainder] = [first, rest];
  else if (first === LEGACY_DEFAULT_DOMAIN) [domain, remainder] = [DEFAULT_DOMAIN, rest];
  else if (first.includes(".") || first.includes(":")) [domain, remainder] = [first, rest];
  else if (goLowerChanges(first, 0, first.length)) [domain, remainder] = [first, rest];
  else [domain, remainder] = [DEFAULT_DOMAIN, name];
  if (domain === DEFAULT_DOMAIN && !remainder.includes("/"))
    remainder = OFFICIAL_PREFIX + remainder;
  return [domain, remainder];
}

/**
 * ParseNormalizedNamed transliterated step by step from Go (the specification the fast path
 * below must agree with; it also produces every error).
 */
export function parseNormalizedSlow(s: string): NamedReference | ImageReferenceError {
  if (isIdentifier(s)) return identifierAsNameError(s);
  const [domain, remainder] = splitDockerDomain(s);
  const colon = remainder.indexOf(":");
  const remote = colon < 0 ? remainder : remainder.slice(0, colon);
  if (goLowerChanges(remote, 0, remote.length)) return remoteNotLowercaseError(remote);
  // Parse never returns a nameless reference here: the input always has a domain prefix.
  return parseResult(`${domain}/${remainder}`);
}

/** Whether `s[start, end)` holds an ASCII capital. */
function hasAsciiUpper(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) return true;
  }
  return false;
}

/**
 * How splitDockerDomain reads the first `/`-component `s[0, slash)`: 0 = a plain lowercase
 * namespace (Docker Hub), 1 = contains "." or ":" (a domain), 2 = changes under lowercasing.
 */
function firstComponentKind(s: string, slash: number): 0 | 1 | 2 {
  let upper = false;
  for (let i = 0; i < slash; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2e || c === 0x3a) return 1;
    if ((c >= 0x41 && c <= 0x5a) || c >= 0x80) upper = true;
  }
  return upper && goLowerChanges(s, 0, slash) ? 2 : 0;
}

/**
 * ParseNormalizedNamed as a value. Instead of building `domain + "/" + remainder` and parsing it,
 * the remainder is scanned in place; whenever a check could fail in a way whose message depends
 * on that order, the literal transliteration above decides.
 */
export function parseNormalizedResult(s: string): NamedReference | ImageReferenceError {
  const len = s.length;
  if (len === 64 && isIdentifier(s)) return identifierAsNameError(s);
  const slash = s.indexOf("/");
  // ownDomain: Go parses `s` itself (its first component is the domain, or reads as a path);
  // otherwise the domain is docker.io and the remainder begins at `start`.
  let ownDomain = false;
  let start = 0;
  let library = false;
  if (slash < 0) {
    library = true;
  } else if (slash === 9 && s.startsWith(LOCALHOST)) {
    ownDomain = true;
  } else if (slash === 15 && s.startsWith(LEGACY_DEFAULT_DOMAIN)) {
    start = 16;
    library = s.indexOf("/", 16) < 0;
  } else {
    const kind = firstComponentKind(s, slash);
    if (kind === 1 && slash === 9 && s.startsWith(DEFAULT_DOMAIN)) {
      start = 10;
      library = s.indexOf("/", 10) < 0;
    } else if (kind !== 0) {
      ownDomain = true;
    }
  }
  if (!scanReference(s, start, ownDomain)) return parseNormalizedSlow(s);
  const { nameEnd, tagStart, digestStart } = scan;
  // Without a tag, Go's "remote" runs up to the digest's ":", so it includes the algorithm.
  if (tagStart < 0 && digestStart >= 0 && hasAsciiUpper(s, digestStart, scan.digestColon)) {
    return parseNormalizedSlow(s);
  }
  if (ownDomain) return referenceFromScan(s);
  if (nameEnd - start + (library ? OFFICIAL_PREFIX.length : 0) > PATH_MAX_LENGTH) {
    return referenceError("NAME_TOO_LONG");
  }
  let digest = "";
  if (digestStart >= 0) {
    const problem = validateDigest(s, digestStart, scan.digestColon, len);
    if (problem !== null) return referenceError(problem);
    digest = s.slice(digestStart);
  }
  const remote = s.slice(start, nameEnd);
  const path = library ? OFFICIAL_PREFIX + remote : remote;
  return namedReference(
    library ? `docker.io/library/${remote}` : `docker.io/${remote}`,
    DEFAULT_DOMAIN,
    path,
    tagStart < 0 ? "" : s.slice(tagStart, digestStart < 0 ? len : digestStart - 1),
    digest,
  );
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

/** ParseNamed as a value. */
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

/** ParseAnyReference as a value. */
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

/** ParseDockerRef as a value. */
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
