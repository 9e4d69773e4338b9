/**
 * Go's `reference.Parse`: the grammar, no normalisation.
 * @module
 */

import { validateDigest } from "./digest.js";
import { ImageReferenceError, referenceError, requireString } from "./errors.js";
import { goLowerAscii } from "./go-lower.js";
import { scan, scanReference } from "./grammar.js";
import { type NamedReference, namedReference } from "./reference.js";

/**
 * Go's RepositoryNameTotalLengthMax, checked against the path only (v0.6.0).
 * @example
 * "a".repeat(PATH_MAX_LENGTH + 1); // a path Parse rejects as too long
 */
export const PATH_MAX_LENGTH = 255;

/**
 * Builds the reference from a successful `scanReference(s, 0, true)` (still in `scan`), with the
 * checks Go's Parse runs after the regex: the path length, then the digest.
 * @example
 * if (scanReference("app:v1", 0, true)) referenceFromScan("app:v1"); // { name: "app", tag: "v1", … }
 */
export function referenceFromScan(s: string): NamedReference | ImageReferenceError {
  const { domainEnd, nameEnd } = scan;
  const pathStart = domainEnd + 1;
  if (nameEnd - pathStart > PATH_MAX_LENGTH) return referenceError("NAME_TOO_LONG");
  // A bare name is the whole input: share it rather than copy.
  const name = nameEnd === s.length ? s : s.slice(0, nameEnd);
  return withScannedSuffix(
    s,
    name,
    domainEnd < 0 ? "" : s.slice(0, domainEnd),
    domainEnd < 0 ? name : s.slice(pathStart, nameEnd),
  );
}

/**
 * The tail shared by Parse and ParseNormalizedNamed once the name is known: go-digest's check of
 * the digest the last scan found, then the reference with that scan's tag and digest.
 * @example
 * if (scanReference("app:v1", 0, true)) withScannedSuffix("app:v1", "app", "", "app").tag; // "v1"
 */
export function withScannedSuffix(
  s: string,
  name: string,
  domain: string,
  path: string,
): NamedReference | ImageReferenceError {
  const { tagStart, digestStart } = scan;
  let digest = "";
  if (digestStart >= 0) {
    const problem = validateDigest(
      s,
      digestStart,
      scan.digestColon,
      s.length,
      scan.digestCapitalAlgorithm,
      scan.digestUpperHex,
    );
    if (problem !== null) return referenceError(problem);
    digest = s.slice(digestStart);
  }
  const tag = tagStart < 0 ? "" : s.slice(tagStart, digestStart < 0 ? s.length : digestStart - 1);
  return namedReference(name, domain, path, tag, digest);
}

/**
 * Go's Parse as a value: the reference, or the error Go returns.
 * @example
 * (parseResult("") as ImageReferenceError).code; // "NAME_EMPTY"
 */
export function parseResult(s: string): NamedReference | ImageReferenceError {
  if (scanReference(s, 0, true)) return referenceFromScan(s);
  if (s === "") return referenceError("NAME_EMPTY");
  // Go retries the grammar on strings.ToLower(s) to tell "uppercase" from "malformed".
  const lower = goLowerAscii(s);
  if (lower !== null && scanReference(lower, 0, true)) {
    return referenceError("NAME_CONTAINS_UPPERCASE");
  }
  return referenceError("REFERENCE_INVALID_FORMAT");
}

/**
 * Returns the value or throws the error: the shared tail of every throwing parse function.
 * @example
 * orThrow(parseResult("nginx")).name; // "nginx"
 */
export function orThrow<R>(result: R | ImageReferenceError): R {
  if (result instanceof ImageReferenceError) throw result;
  return result;
}

/**
 * Parses `s` exactly as Go's `reference.Parse` (no normalisation: `nginx` stays `nginx`, and a
 * first component such as `foo` in `foo/bar` is read as a domain when it can be one).
 * @throws {ImageReferenceError} with Go's message when Go returns an error.
 * @throws {TypeError} when `s` is not a string.
 * @example
 * const ref = parseReference("localhost:5000/app:v1");
 * ref.domain; // "localhost:5000"
 * ref.tag;    // "v1"
 * parseReference("Uppercase:tag"); // throws "repository name must be lowercase"
 */
export function parseReference(s: string): NamedReference {
  requireString("parseReference", s);
  return orThrow(parseResult(s));
}
