import fc from "fast-check";
import picomatch from "picomatch";
import { describe, expect, it } from "vitest";
import {
  decodeRune,
  fromByteString,
  GO_ERR_BAD_PATTERN,
  goPathMatch,
  goPathMatchBytes,
  isValidGoPathPattern,
  lastRuneSize,
  toByteString,
  utf8Encode,
} from "../../src/internal/go-path-match.js";

type Row = readonly [pattern: string, name: string, matched: boolean, bad: boolean];

// Go's own path/match_test.go table (restated as data).
const goUpstream: readonly Row[] = [
  ["abc", "abc", true, false],
  ["*", "abc", true, false],
  ["*c", "abc", true, false],
  ["a*", "a", true, false],
  ["a*", "abc", true, false],
  ["a*", "ab/c", false, false],
  ["a*/b", "abc/b", true, false],
  ["a*/b", "a/c/b", false, false],
  ["a*b*c*d*e*/f", "axbxcxdxe/f", true, false],
  ["a*b*c*d*e*/f", "axbxcxdxexxx/f", true, false],
  ["a*b*c*d*e*/f", "axbxcxdxe/xxx/f", false, false],
  ["a*b*c*d*e*/f", "axbxcxdxexxx/fff", false, false],
  ["a*b?c*x", "abxbbxdbxebxczzx", true, false],
  ["a*b?c*x", "abxbbxdbxebxczzy", false, false],
  ["ab[c]", "abc", true, false],
  ["ab[b-d]", "abc", true, false],
  ["ab[e-g]", "abc", false, false],
  ["ab[^c]", "abc", false, false],
  ["ab[^b-d]", "abc", false, false],
  ["ab[^e-g]", "abc", true, false],
  ["a\\*b", "a*b", true, false],
  ["a\\*b", "ab", false, false],
  ["a?b", "a☺b", true, false],
  ["a[^a]b", "a☺b", true, false],
  ["a???b", "a☺b", false, false],
  ["a[^a][^a][^a]b", "a☺b", false, false],
  ["[a-ζ]*", "α", true, false],
  ["*[a-ζ]", "A", false, false],
  ["a?b", "a/b", false, false],
  ["a*b", "a/b", false, false],
  ["[\\]a]", "]", true, false],
  ["[\\-]", "-", true, false],
  ["[x\\-]", "x", true, false],
  ["[x\\-]", "-", true, false],
  ["[x\\-]", "z", false, false],
  ["[\\-x]", "x", true, false],
  ["[\\-x]", "-", true, false],
  ["[\\-x]", "a", false, false],
  ["[]a]", "]", false, true],
  ["[-]", "-", false, true],
  ["[x-]", "x", false, true],
  ["[x-]", "-", false, true],
  ["[x-]", "z", false, true],
  ["[-x]", "x", false, true],
  ["[-x]", "-", false, true],
  ["[-x]", "a", false, true],
  ["\\", "a", false, true],
  ["[a-b-c]", "a", false, true],
  ["[", "a", false, true],
  ["[^", "a", false, true],
  ["[^bc", "a", false, true],
  ["a[", "a", false, true],
  ["a[", "ab", false, true],
  ["a[", "x", false, true],
  ["a/b[", "x", false, true],
  ["*x", "xxx", true, false],
];

// Derived from Go's algorithm; the first group is where picomatch (and shells) answer otherwise.
const derived: readonly Row[] = [
  // `[!a]` is a class of '!' and 'a' in Go, not a negation.
  ["[!a]", "b", false, false],
  ["[!a]", "!", true, false],
  ["[!a]", "a", true, false],
  ["[^a]", "b", true, false],
  ["[^a]", "a", false, false],
  // Backslash escapes a metacharacter, and a plain letter.
  ["\\?", "?", true, false],
  ["\\?", "x", false, false],
  ["\\a", "a", true, false],
  ["a\\", "a", false, true],
  ["[\\", "a", false, true],
  ["[a\\", "a", false, true],
  // Stars never cross '/'.
  ["*", "a/b", false, false],
  ["*/*", "a/b", true, false],
  ["**", "a/b", false, false],
  ["*", "", true, false],
  ["", "", true, false],
  ["", "a", false, false],
  ["?", "", false, false],
  ["?", "/", false, false],
  ["[^a]", "/", true, false],
  ["[/]", "/", true, false],
  // Classes must be non-empty and ranges well-formed.
  ["[]", "a", false, true],
  ["[^]", "a", false, true],
  ["[^]a]", "b", false, true],
  ["[a-]", "a", false, true],
  ["[z-a]", "m", false, false],
  ["[a-a]", "a", true, false],
  ["[]]", "]", false, true],
  ["[\\]]", "]", true, false],
  ["[*]", "*", true, false],
  ["[*]x*", "*xyz", true, false],
  ["[?]", "?", true, false],
  ["[?]", "a", false, false],
  ["[[]", "[", true, false],
  ["]", "]", true, false],
  ["a]", "a]", true, false],
  // Go ≥ 1.16 validates the rest of the pattern after a mismatch.
  ["x*[", "y", false, true],
  ["a*b[", "zz", false, true],
  ["b*[", "a", false, true],
  ["a*x[", "abc", false, true],
  ["*[", "", false, true],
  ["x[a-]", "y", false, true],
  ["a[", "", false, true],
  // ... and an error in an earlier chunk beats a later match.
  ["a*[", "ab", false, true],
  // Multi-byte runes: '?' takes a whole rune, '*' steps bytes (Go works on UTF-8 bytes).
  ["?", "é", true, false],
  ["??", "é", false, false],
  ["?", "😀", true, false],
  ["??", "😀", false, false],
  ["[😀]", "😀", true, false],
  ["[^😀]", "😀", false, false],
  ["*??", "€", true, false],
  ["*???", "😀", true, false],
  ["*??", "é", false, false],
  ["[é-ü]", "ö", true, false],
  ["é*", "éa", true, false],
  ["*é", "aé", true, false],
  // Host-label style globs as Kubernetes uses them.
  ["*", "kubernetes", true, false],
  ["k*", "quay", false, false],
  ["*-good", "prefix-good", true, false],
  ["reg[0-9]", "reg1", true, false],
  ["reg[", "reg1", false, true],
  ["[::1]", "[::1]", false, false],
  ["[::1]", ":", true, false],
  ["c*", "c", true, false],
];

function show(pattern: string, name: string): string {
  return `goPathMatch(${JSON.stringify(pattern)}, ${JSON.stringify(name)})`;
}

describe("goPathMatch: Go's path/match_test.go table", () => {
  it.each(goUpstream.map((r) => [show(r[0], r[1]), ...r] as const))("%s", (_, p, n, m, bad) => {
    expect(goPathMatch(p, n)).toEqual({ matched: m, error: bad ? GO_ERR_BAD_PATTERN : null });
    expect(isValidGoPathPattern(p)).toBe(!bad);
  });
});

describe("goPathMatch: derived cases", () => {
  it.each(derived.map((r) => [show(r[0], r[1]), ...r] as const))("%s", (_, p, n, m, bad) => {
    expect(goPathMatch(p, n)).toEqual({ matched: m, error: bad ? GO_ERR_BAD_PATTERN : null });
    expect(isValidGoPathPattern(p)).toBe(!bad);
  });

  it("differs from picomatch where Go differs from shells", () => {
    const differing: readonly (readonly [string, string])[] = [
      ["a[", "a["],
      ["*", ".hidden"],
      ["[]a]", "]"],
      ["[a-b-c]", "a"],
      ["a/**", "a/b/c"],
      ["\\", "\\"],
    ];
    for (const [p, n] of differing) {
      expect(goPathMatch(p, n).matched, `${p} vs ${n}`).not.toBe(picomatch.isMatch(n, p));
    }
  });
});

describe("utf8Encode / decodeRune", () => {
  it("encodes like TextEncoder, including lone surrogates", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        expect(Array.from(utf8Encode(s))).toEqual(Array.from(new TextEncoder().encode(s)));
      }),
    );
    expect(Array.from(utf8Encode("\ud800x"))).toEqual([0xef, 0xbf, 0xbd, 0x78]);
  });

  it.each([
    ["ascii", [0x41], 0x41, 1],
    ["2-byte", [0xc3, 0xa9], 0xe9, 2],
    ["3-byte", [0xe2, 0x82, 0xac], 0x20ac, 3],
    ["4-byte", [0xf0, 0x9f, 0x98, 0x80], 0x1f600, 4],
    ["stray continuation", [0x82, 0xac], 0xfffd, 1],
    ["truncated", [0xe2, 0x82], 0xfffd, 1],
    ["overlong", [0xc0, 0x80], 0xfffd, 1],
    ["surrogate", [0xed, 0xa0, 0x80], 0xfffd, 1],
    ["above U+10FFFF", [0xf4, 0x90, 0x80, 0x80], 0xfffd, 1],
    ["empty", [], 0xfffd, 0],
  ] as const)("%s", (_, bytes, rune, size) => {
    const b = String.fromCharCode(...bytes);
    expect(decodeRune(b, 0, b.length)).toBe(rune);
    expect(lastRuneSize()).toBe(size);
  });

  it("agrees with a strict UTF-8 decoder on every lead byte and every range edge after it", () => {
    // Oracle: the shortest prefix that is exactly one valid UTF-8 character, else U+FFFD size 1
    // (Go's DecodeRuneInString). The bytes after the lead from the boundaries of their ranges.
    const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    const oracle = (bytes: number[]): readonly [number, number] => {
      if (bytes.length === 0) return [0xfffd, 0];
      for (let n = 1; n <= Math.min(4, bytes.length); n++) {
        let text: string;
        try {
          text = strict.decode(Uint8Array.from(bytes.slice(0, n)));
        } catch {
          continue;
        }
        const cp = text.codePointAt(0)!;
        if (String.fromCodePoint(cp) === text) return [cp, n];
      }
      return [0xfffd, 1];
    };
    const edges = [
      0x00, 0x7f, 0x80, 0x81, 0x8f, 0x90, 0x9e, 0x9f, 0xa0, 0xa1, 0xbe, 0xbf, 0xc0, 0xff,
    ];
    let differences = 0;
    for (let b0 = 0; b0 < 256; b0++) {
      for (const b1 of edges) {
        for (const b2 of [0x7f, 0x80, 0xbf, 0xc0]) {
          for (const b3 of [0x80, 0xc0]) {
            const bytes = [b0, b1, b2, b3];
            for (let end = 0; end <= 4; end++) {
              const [rune, size] = oracle(bytes.slice(0, end));
              const got = decodeRune(String.fromCharCode(...bytes), 0, end);
              if (got !== rune || lastRuneSize() !== size) differences++;
            }
          }
        }
      }
    }
    expect(differences).toBe(0);
  });
});

describe("byte strings", () => {
  it("round-trips valid text and maps bad bytes to U+FFFD one by one, like Go's JSON", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        expect(fromByteString(toByteString(s))).toBe(s);
        expect(toByteString(s).length).toBe(utf8Encode(s).length);
      }),
    );
    expect(toByteString("abc")).toBe("abc");
    expect(fromByteString("\xe2\x82")).toBe("\ufffd\ufffd");
    expect(fromByteString("a\xffb")).toBe("a\ufffdb");
  });

  it("goPathMatchBytes agrees with goPathMatch", () => {
    expect(goPathMatchBytes(utf8Encode("*??"), utf8Encode("€")).matched).toBe(true);
    expect(goPathMatchBytes(utf8Encode("a["), utf8Encode("a")).error).toBe(GO_ERR_BAD_PATTERN);
  });
});

describe("goPathMatch: properties", () => {
  it("a literal pattern without metacharacters matches exactly itself", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        fc.pre(!/[*?[\\]/.test(a));
        expect(goPathMatch(a, a).matched).toBe(true);
        expect(goPathMatch(a, b).matched).toBe(a === b);
      }),
    );
  });

  it("never throws, and an error never comes with a match", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "*", "?", "[", "]", "^", "-", "\\", "/", "é") }),
        fc.string(),
        (p, n) => {
          const r = goPathMatch(p, n);
          if (r.error !== null) expect(r.matched).toBe(false);
          expect(r.error === null).toBe(isValidGoPathPattern(p));
        },
      ),
    );
  });

  it("is polynomial, not exponential, on star-heavy patterns", () => {
    const p = `${"*a".repeat(30)}b`;
    const n = "a".repeat(3000);
    const t0 = performance.now();
    expect(goPathMatch(p, n).matched).toBe(false);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
