import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { goQuote } from "../../src/internal/go-quote.js";

// Expected values are what Go's strconv.Quote prints (fmt %q), written out by hand from its rules.
const TABLE: readonly (readonly [string, string, string])[] = [
  ["empty", "", '""'],
  ["plain ASCII", "nginx:1.25", '"nginx:1.25"'],
  ["double quote", 'a"b', '"a\\"b"'],
  ["backslash", "C:\\a", '"C:\\\\a"'],
  ["tab", "a\t", '"a\\t"'],
  ["newline", "a\n", '"a\\n"'],
  ["carriage return", "\r", '"\\r"'],
  ["bell, backspace, form feed, vertical tab", "\u0007\b\f\v", '"\\a\\b\\f\\v"'],
  ["NUL", "\u0000", '"\\x00"'],
  ["other ASCII control", "\u001b[0m", '"\\x1b[0m"'],
  ["DEL", "\u007f", '"\\x7f"'],
  ["space is printable", "a b", '"a b"'],
  ["Latin-1 letter", "café", '"café"'],
  ["NBSP is not printable (Zs)", "a\u00a0", '"a\\u00a0"'],
  ["soft hyphen is not printable (Cf)", "\u00ad", '"\\u00ad"'],
  ["zero-width space (Cf)", "a\u200b", '"a\\u200b"'],
  ["BOM (Cf)", "\ufeffa", '"\\ufeffa"'],
  ["line separator (Zl)", "\u2028", '"\\u2028"'],
  ["ideographic space (Zs)", "\u3000", '"\\u3000"'],
  ["CJK letters", "镜像", '"镜像"'],
  ["combining mark (Mn)", "e\u0301", '"e\u0301"'],
  ["emoji outside the BMP (So)", "😀", '"😀"'],
  ["private use outside the BMP", "\u{f0000}", '"\\U000f0000"'],
  ["private use in the BMP (Co)", "\ue000", '"\\ue000"'],
  ["unassigned code point", "\u0378", '"\\u0378"'],
  ["lone high surrogate becomes U+FFFD", "a\ud800b", '"a\ufffdb"'],
  ["lone low surrogate becomes U+FFFD", "\udc00", '"\ufffd"'],
  ["Kelvin sign and dotted I are letters", "\u212aİ", '"\u212aİ"'],
];

describe("goQuote", () => {
  it.each(TABLE)("%s", (_name, input, expected) => {
    expect(goQuote(input)).toBe(expected);
  });

  it("agrees with every quoted image in the conformance vectors' parseImageName errors", () => {
    const path = join(import.meta.dirname, "..", "fixtures", "reference-vectors.jsonl.gz");
    const lines = gunzipSync(readFileSync(path)).toString("utf8").split("\n");
    let checked = 0;
    for (const line of lines) {
      if (line === "") continue;
      const vector = JSON.parse(line) as { input: string; parseImageName: { error?: string } };
      const error = vector.parseImageName.error;
      if (error === undefined) continue;
      expect(
        error.startsWith(`couldn't parse image name ${goQuote(vector.input)}: `),
        vector.input,
      ).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it("is linear on a long input of escapes", () => {
    const input = "\u0000".repeat(200_000);
    expect(goQuote(input).length).toBe(2 + 4 * 200_000);
  });
});
