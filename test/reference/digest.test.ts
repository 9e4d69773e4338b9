// go-digest v1.0.0 with sha256, sha384 and sha512 registered: Validate after the grammar, and
// Parse on any string (what ParseAnyReference tries first).
import { describe, expect, it } from "vitest";
import { isValidDigest, validateDigest } from "../../src/reference/digest.js";
import { digestColon, scan } from "../../src/reference/grammar.js";

const hex = (n: number, c = "a") => c.repeat(n);

/** validateDigest on a digest that passed the grammar, as Parse calls it. */
function validate(d: string) {
  const colon = digestColon(d, 0, d.length);
  expect(colon).toBeGreaterThan(0);
  return validateDigest(d, 0, colon, d.length, scan.digestCapitalAlgorithm, scan.digestUpperHex);
}

describe("validateDigest (go-digest Digest.Validate)", () => {
  it.each([
    [`sha256:${hex(64)}`, null],
    [`sha384:${hex(96)}`, null],
    [`sha512:${hex(128)}`, null],
    [`sha256:${hex(63)}`, "DIGEST_INVALID_LENGTH"],
    [`sha256:${hex(65)}`, "DIGEST_INVALID_LENGTH"],
    [`sha384:${hex(64)}`, "DIGEST_INVALID_LENGTH"],
    [`sha512:${hex(96)}`, "DIGEST_INVALID_LENGTH"],
    [`sha256:${hex(64, "A")}`, "DIGEST_CHECKSUM_INVALID_FORMAT"],
    [`sha256:${hex(63)}B`, "DIGEST_CHECKSUM_INVALID_FORMAT"],
    // Length is checked before case.
    [`sha256:${hex(63, "A")}`, "DIGEST_INVALID_LENGTH"],
    [`md5:${hex(32)}`, "DIGEST_UNSUPPORTED"],
    [`sha1:${hex(40)}`, "DIGEST_UNSUPPORTED"],
    [`sha256+b64:${hex(64)}`, "DIGEST_UNSUPPORTED"],
    [`invaliddigest:${hex(64, "f")}`, "DIGEST_UNSUPPORTED"],
    [`sha25:${hex(64)}`, "DIGEST_UNSUPPORTED"],
    [`sha2566:${hex(64)}`, "DIGEST_UNSUPPORTED"],
    // An unknown algorithm with a capital fails go-digest's own (lowercase) pattern first.
    [`SHA256:${hex(64)}`, "DIGEST_CHECKSUM_INVALID_FORMAT"],
    [`Md5:${hex(32)}`, "DIGEST_CHECKSUM_INVALID_FORMAT"],
  ])("%s → %s", (d, want) => {
    expect(validate(d)).toBe(want);
  });
});

describe("isValidDigest (go-digest Parse succeeds)", () => {
  it.each([
    [`sha256:${hex(64)}`, true],
    [`sha384:${hex(96)}`, true],
    [`sha512:${hex(128)}`, true],
    [`sha256:${hex(64, "A")}`, false],
    [`sha256:${hex(63)}`, false],
    [`md5:${hex(32)}`, false],
    [`:${hex(64)}`, false],
    ["sha256:", false],
    ["sha256", false],
    [hex(64), false],
    [`sha256:${hex(64)}:`, false],
  ])("%s → %s", (d, want) => {
    expect(isValidDigest(d)).toBe(want);
  });
});
