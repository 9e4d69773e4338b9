// Go's strings.ToLower as the parser needs it: which characters lower to ASCII (decides between
// "must be lowercase" and "invalid reference format"), whether lowering changes a string, and
// how lone surrogates are read (as U+FFFD, the text Go receives for them).
import { describe, expect, it } from "vitest";
import { goLowerAscii, goLowerChanges } from "../../src/reference/go-lower.js";
import {
  parseNormalizedNamed,
  parseReference,
  safeParseNormalizedNamed,
} from "../../src/reference/index.js";

describe("goLowerAscii", () => {
  it.each([
    ["IMAGE", "image"],
    ["İmage", "image"], // U+0130 lowers to "i" in Go (JavaScript gives "i" + U+0307)
    ["\u212aube", "kube"], // Kelvin sign
    ["a:TAG", "a:tag"],
    ["Foo_x/bar", "foo_x/bar"],
  ])("%s → %s", (input, want) => {
    expect(goLowerAscii(input)).toBe(want);
  });

  it.each([
    ["already lowercase (Go's retry needs a change)", "image"],
    ["non-ASCII that stays non-ASCII", "Éubuntu"],
    ["a lone surrogate (U+FFFD for Go)", "A\ud800"],
    ["the empty string", ""],
  ])("is null for %s", (_name, input) => {
    expect(goLowerAscii(input)).toBeNull();
  });

  it("only U+0130 and U+212A lower to ASCII among non-ASCII code points", () => {
    // The premise of goLowerAscii: checked against this runtime's Unicode tables.
    const toAscii: number[] = [];
    for (let cp = 0x80; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const lower = String.fromCodePoint(cp).toLowerCase();
      if (/[\x00-\x7f]/.test(lower)) toAscii.push(cp);
    }
    expect(toAscii).toEqual([0x130, 0x212a]);
  });
});

describe("goLowerChanges", () => {
  it.each([
    ["library/Foo", true],
    ["library/foo", false],
    ["İ", true],
    ["\u212a", true],
    ["Σ", true],
    ["ǅ", true], // titlecase: has a lowercase mapping
    ["Ⅰ", true], // Roman numeral one (Nl) lowers to ⅰ
    ["\u{10400}", true], // Deseret capital: astral, lowers to U+10428
    ["ſ", false], // already lowercase (its uppercase is S)
    ["ß", false],
    ["é", false],
    ["😀", false],
    ["\ud800", false], // lone surrogate: U+FFFD, unchanged
    ["a\udc00b", false],
    ["\ud800A", true],
  ])("%j → %s", (input, want) => {
    expect(goLowerChanges(input, 0, input.length)).toBe(want);
  });

  it("looks only at the given range", () => {
    expect(goLowerChanges("Ab", 1, 2)).toBe(false);
    expect(goLowerChanges("aB", 1, 2)).toBe(true);
  });
});

describe("Unicode through the parsers (Go's answers, from the conformance vectors)", () => {
  it.each([
    ["İ", "repository name must be lowercase"],
    ["aİ", "repository name must be lowercase"],
    ["\u212a", "repository name must be lowercase"],
    ["é", "invalid reference format"],
    ["aΣ", "invalid reference format"], // Σ lowers to σ: still not ASCII
    ["ǅ", "invalid reference format"],
    ["a\ud800", "invalid reference format"],
    ["a\ufffd", "invalid reference format"],
  ])("parseReference(%j) fails with %j", (input, message) => {
    expect(() => parseReference(input)).toThrow(message);
  });

  it.each([
    ["İ", "invalid reference format: repository name (library/İ) must be lowercase"],
    ["aΣ", "invalid reference format: repository name (library/aΣ) must be lowercase"],
    ["aſ", "invalid reference format"],
    ["aß", "invalid reference format"],
    ["a:İ", "repository name must be lowercase"],
    ["Éubuntu", "invalid reference format: repository name (library/Éubuntu) must be lowercase"],
    ["café/app", "invalid reference format"],
  ])("parseNormalizedNamed(%j) fails with %j", (input, message) => {
    expect(() => parseNormalizedNamed(input)).toThrow(message);
  });

  it("a lone surrogate behaves exactly like U+FFFD everywhere", () => {
    for (const [lone, replaced] of [
      ["a\ud800", "a\ufffd"],
      ["\udc00x/foo", "\ufffdx/foo"],
      ["foo:\ud800", "foo:\ufffd"],
      ["Foo\udbff", "Foo\ufffd"],
    ]) {
      const a = safeParseNormalizedNamed(lone!);
      const b = safeParseNormalizedNamed(replaced!);
      expect(a.success).toBe(false);
      expect(b.success).toBe(false);
      if (!a.success && !b.success) {
        expect(a.error.code).toBe(b.error.code);
        expect(a.error.message).toBe(b.error.message);
      }
    }
  });

  it("a valid surrogate pair is one character, like Go's rune", () => {
    expect(() => parseNormalizedNamed("a\u{10400}")).toThrow(
      "invalid reference format: repository name (library/a\u{10400}) must be lowercase",
    );
    expect(() => parseNormalizedNamed("a😀")).toThrow(/^invalid reference format$/);
  });
});
