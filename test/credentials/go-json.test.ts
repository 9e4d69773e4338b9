import { describe, expect, it } from "vitest";
import { parseGoJSONBytes } from "../../src/credentials/go-json.js";
import { toByteString } from "../../src/internal/go-path-match.js";

// Go encoding/json syntax errors (scanner.go), input → message.
const errors: readonly (readonly [string, string])[] = [
  ["", "unexpected end of JSON input"],
  ["   ", "unexpected end of JSON input"],
  ["{", "unexpected end of JSON input"],
  ['{"a"', "unexpected end of JSON input"],
  ['{"a":', "unexpected end of JSON input"],
  ['"abc', "unexpected end of JSON input"],
  ["[1,", "unexpected end of JSON input"],
  ["x", "invalid character 'x' looking for beginning of value"],
  ["{'a':1}", "invalid character '\\'' looking for beginning of object key string"],
  ['{"a" 1}', "invalid character '1' after object key"],
  ['{"a":1 "b":2}', "invalid character '\"' after object key:value pair"],
  ['{"a":1,}', "invalid character '}' looking for beginning of object key string"],
  ["[1 2]", "invalid character '2' after array element"],
  ["[1,]", "invalid character ']' looking for beginning of value"],
  ["{} {}", "invalid character '{' after top-level value"],
  ["01", "invalid character '1' after top-level value"],
  ["-", "invalid character ' ' in numeric literal"],
  ["-x", "invalid character 'x' in numeric literal"],
  ["1.", "invalid character ' ' after decimal point in numeric literal"],
  ["1.e", "invalid character 'e' after decimal point in numeric literal"],
  ["1e", "invalid character ' ' in exponent of numeric literal"],
  ["1e+", "invalid character ' ' in exponent of numeric literal"],
  ["tru", "invalid character ' ' in literal true (expecting 'e')"],
  ["trux", "invalid character 'x' in literal true (expecting 'e')"],
  ["fals", "invalid character ' ' in literal false (expecting 'e')"],
  ["nul", "invalid character ' ' in literal null (expecting 'l')"],
  ["nx", "invalid character 'x' in literal null (expecting 'u')"],
  ['"a\nb"', "invalid character '\\n' in string literal"],
  ['"\\x"', "invalid character 'x' in string escape code"],
  ['"\\', "invalid character ' ' in string escape code"],
  ['"\\u12x4"', "invalid character 'x' in \\u hexadecimal character escape"],
  ["\u00e9", "invalid character 'Ã' looking for beginning of value"],
];

describe("parseGoJSONBytes: Go's syntax errors", () => {
  it.each(errors)("%j → %j", (input, message) => {
    expect(parseGoJSONBytes(toByteString(input))).toEqual({ ok: false, error: message });
  });

  it("stops at depth 10000 like Go", () => {
    const deep = `${"[".repeat(10001)}${"]".repeat(10001)}`;
    expect(parseGoJSONBytes(deep)).toEqual({
      ok: false,
      error: "invalid character '[' exceeded max depth",
    });
    expect(parseGoJSONBytes(`${"[".repeat(10000)}${"]".repeat(10000)}`).ok).toBe(true);
  });
});

describe("parseGoJSONBytes: values", () => {
  it("keeps object entries in order with duplicates", () => {
    const r = parseGoJSONBytes('{"b":1,"a":[true,null,"x"],"b":2}');
    expect(r).toEqual({
      ok: true,
      value: {
        kind: "object",
        entries: [
          ["b", { kind: "number", raw: "1" }],
          [
            "a",
            {
              kind: "array",
              items: [
                { kind: "bool", value: true },
                { kind: "null" },
                { kind: "string", value: "x" },
              ],
            },
          ],
          ["b", { kind: "number", raw: "2" }],
        ],
      },
    });
  });

  it("decodes escapes; lone surrogates and invalid bytes become U+FFFD", () => {
    const str = (json: string) => {
      const r = parseGoJSONBytes(json);
      return r.ok && r.value.kind === "string" ? r.value.value : null;
    };
    expect(str('"a\\n\\t\\"\\\\\\/\\b\\f\\r"')).toBe('a\n\t"\\/\b\f\r');
    expect(str('"\\ud83d\\ude00"')).toBe("\u{1F600}");
    expect(str('"\\ud83dx"')).toBe("\ufffdx");
    expect(str('"\\ude00"')).toBe("\ufffd");
    expect(str('"\\ud83d\\u0041"')).toBe("\ufffdA");
    expect(str(`"a${String.fromCharCode(0xff)}b"`)).toBe("a\ufffdb");
    expect(str(toByteString('"é"'))).toBe("é");
  });

  it("is linear on long inputs", () => {
    const big = `[${'"x",'.repeat(200_000)}1]`;
    const t0 = performance.now();
    expect(parseGoJSONBytes(big).ok).toBe(true);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
