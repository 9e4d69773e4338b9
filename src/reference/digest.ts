/**
 * go-digest v1.0.0 validation with sha256, sha384 and sha512 registered (what Kubernetes links).
 * @module
 */

import { isLowerHex } from "./grammar.js";

/**
 * Hex length of a registered algorithm named by `s[start, end)`, or 0 when it is not one of
 * sha256 / sha384 / sha512 (compared exactly: go-digest looks algorithms up by exact name).
 */
function registeredHexLength(s: string, start: number, end: number): number {
  const algorithm = s.slice(start, end);
  return algorithm === "sha256"
    ? 64
    : algorithm === "sha384"
      ? 96
      : algorithm === "sha512"
        ? 128
        : 0;
}

/**
 * Outcomes of {@link validateDigest}: null when valid, else the go-digest error's code.
 * @example
 * const problem: DigestProblem = "DIGEST_INVALID_LENGTH";
 */
export type DigestProblem =
  | "DIGEST_UNSUPPORTED"
  | "DIGEST_INVALID_LENGTH"
  | "DIGEST_CHECKSUM_INVALID_FORMAT";

/**
 * go-digest's `Digest.Validate` for a digest `s[start, end)` that already matched the reference
 * grammar (`algorithm:hex{32,}`, `:` at `colon`), given what the scan noted: whether the
 * algorithm holds a capital and whether the hex holds A-F. Returns null when valid.
 * @example
 * validateDigest("md5:" + "0".repeat(32), 0, 3, 36, false, false); // "DIGEST_UNSUPPORTED"
 */
export function validateDigest(
  s: string,
  start: number,
  colon: number,
  end: number,
  capitalAlgorithm: boolean,
  upperHex: boolean,
): DigestProblem | null {
  const hexLength = registeredHexLength(s, start, colon);
  if (hexLength === 0) {
    // Unknown algorithm: go-digest's own pattern wants a lowercase algorithm; the grammar
    // already guarantees everything else it checks, so only case decides the message.
    return capitalAlgorithm ? "DIGEST_CHECKSUM_INVALID_FORMAT" : "DIGEST_UNSUPPORTED";
  }
  if (end - colon - 1 !== hexLength) return "DIGEST_INVALID_LENGTH";
  return upperHex ? "DIGEST_CHECKSUM_INVALID_FORMAT" : null;
}

/**
 * Whether go-digest's `digest.Parse(s)` succeeds: a registered algorithm, `:`, and exactly the
 * right number of lowercase hex digits.
 * @example
 * isValidDigest("sha256:" + "e".repeat(64)); // true
 * isValidDigest("sha256:" + "E".repeat(64)); // false
 */
export function isValidDigest(s: string): boolean {
  const colon = s.indexOf(":");
  if (colon <= 0) return false;
  const hexLength = registeredHexLength(s, 0, colon);
  return (
    hexLength !== 0 && s.length - colon - 1 === hexLength && isLowerHex(s, colon + 1, s.length)
  );
}
