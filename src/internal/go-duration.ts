/**
 * Go's `time.ParseDuration` and `Duration.String()`, exactly (nanoseconds as bigint, int64
 * range, the float64 rounding of fractions, Go's error texts). Credential provider configs and
 * responses carry durations as Go duration strings (`defaultCacheDuration: "12h"`,
 * `cacheDuration: "1m30s"`), and validation messages print them back with `String()`.
 * @module
 */

import { toByteString } from "./go-path-match.js";

/**
 * Result of {@link parseGoDuration}: nanoseconds, or Go's error text.
 * @example
 * const r: GoDurationResult = parseGoDuration("12h"); // { ok: true, nanoseconds: 43200000000000n }
 */
export type GoDurationResult =
  | { readonly ok: true; readonly nanoseconds: bigint }
  | { readonly ok: false; readonly error: string };

const UNITS: ReadonlyMap<string, bigint> = new Map([
  ["ns", 1n],
  ["us", 1000n],
  ["\u00c2\u00b5s", 1000n], // U+00B5 MICRO SIGN, as UTF-8 bytes
  ["\u00ce\u00bcs", 1000n], // U+03BC GREEK SMALL LETTER MU, as UTF-8 bytes
  ["ms", 1000000n],
  ["s", 1000000000n],
  ["m", 60000000000n],
  ["h", 3600000000000n],
]);

const TWO_63 = 1n << 63n;
const HEX = "0123456789abcdef";

/** The time package's own quote: ASCII kept (with `\"` `\\`), everything else as `\xNN` bytes. */
function timeQuote(bytes: string): string {
  let out = '"';
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes.charCodeAt(i);
    if (c >= 0x80 || c < 0x20) out += `\\x${HEX[c >> 4]}${HEX[c & 15]}`;
    else out += c === 0x22 || c === 0x5c ? `\\${bytes[i]}` : bytes[i];
  }
  return `${out}"`;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * Go's `time.ParseDuration`: `"1h30m"`, `"-1.5s"`, `"300ms"`, `"0"`, units ns us µs μs ms s m h.
 * @example
 * parseGoDuration("1m30s");  // { ok: true, nanoseconds: 90000000000n }
 * parseGoDuration("10");     // { ok: false, error: 'time: missing unit in duration "10"' }
 * parseGoDuration("1d");     // { ok: false, error: 'time: unknown unit "d" in duration "1d"' }
 */
export function parseGoDuration(text: string): GoDurationResult {
  const orig = toByteString(text);
  const invalid = (): GoDurationResult => ({
    ok: false,
    error: `time: invalid duration ${timeQuote(orig)}`,
  });
  let s = orig;
  let neg = false;
  if (s !== "" && (s[0] === "-" || s[0] === "+")) {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  if (s === "0") return { ok: true, nanoseconds: 0n };
  if (s === "") return invalid();
  let d = 0n;
  while (s !== "") {
    const c0 = s.charCodeAt(0);
    if (!(c0 === 0x2e || isDigit(c0))) return invalid();
    // Leading integer, with Go's overflow rule.
    let v = 0n;
    let i = 0;
    for (; i < s.length && isDigit(s.charCodeAt(i)); i++) {
      if (v > TWO_63 / 10n) return invalid();
      v = v * 10n + BigInt(s.charCodeAt(i) - 0x30);
      if (v > TWO_63) return invalid();
    }
    const pre = i > 0;
    s = s.slice(i);
    let f = 0n;
    let scale = 1;
    let post = false;
    if (s !== "" && s[0] === ".") {
      s = s.slice(1);
      let j = 0;
      let overflow = false;
      for (; j < s.length && isDigit(s.charCodeAt(j)); j++) {
        if (overflow) continue;
        if (f > (TWO_63 - 1n) / 10n) {
          overflow = true;
          continue;
        }
        const y = f * 10n + BigInt(s.charCodeAt(j) - 0x30);
        if (y > TWO_63) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      post = j > 0;
      s = s.slice(j);
    }
    if (!pre && !post) return invalid();
    let u = 0;
    for (; u < s.length; u++) {
      const c = s.charCodeAt(u);
      if (c === 0x2e || isDigit(c)) break;
    }
    if (u === 0) return { ok: false, error: `time: missing unit in duration ${timeQuote(orig)}` };
    const unitName = s.slice(0, u);
    s = s.slice(u);
    const unit = UNITS.get(unitName);
    if (unit === undefined) {
      return {
        ok: false,
        error: `time: unknown unit ${timeQuote(unitName)} in duration ${timeQuote(orig)}`,
      };
    }
    if (v > TWO_63 / unit) return invalid();
    v *= unit;
    if (f > 0n) {
      // Go computes the fraction in float64: float64(f) * (float64(unit) / scale), truncated.
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > TWO_63) return invalid();
    }
    d += v;
    if (d > TWO_63) return invalid();
  }
  if (neg) return { ok: true, nanoseconds: -d };
  if (d > TWO_63 - 1n) return invalid();
  return { ok: true, nanoseconds: d };
}

/** Go's fmtFrac: the fraction of v/10^prec without trailing zeros; returns [text, v/10^prec]. */
function fmtFrac(v: bigint, prec: number): [string, bigint] {
  let out = "";
  let print = false;
  for (let i = 0; i < prec; i++) {
    const digit = v % 10n;
    print = print || digit !== 0n;
    if (print) out = digit.toString() + out;
    v /= 10n;
  }
  return [print ? `.${out}` : "", v];
}

/**
 * Go's `time.Duration.String()`: `"1h30m0s"`, `"1.5s"`, `"300ms"`, `"0s"`.
 * @example
 * formatGoDurationNanos(90_000_000_000n); // "1m30s"
 * formatGoDurationNanos(-60_000_000_000n); // "-1m0s"
 */
export function formatGoDurationNanos(nanoseconds: bigint): string {
  const neg = nanoseconds < 0n;
  let u = neg ? -nanoseconds : nanoseconds;
  let out: string;
  if (u < 1000000000n) {
    if (u === 0n) return "0s";
    let unit: string;
    let prec: number;
    if (u < 1000n) {
      unit = "ns";
      prec = 0;
    } else if (u < 1000000n) {
      unit = "\u00b5s";
      prec = 3;
    } else {
      unit = "ms";
      prec = 6;
    }
    const [frac, rest] = fmtFrac(u, prec);
    out = `${rest}${frac}${unit}`;
  } else {
    const [frac, secs] = fmtFrac(u, 9);
    u = secs;
    out = `${u % 60n}${frac}s`;
    u /= 60n;
    if (u > 0n) {
      out = `${u % 60n}m${out}`;
      u /= 60n;
      if (u > 0n) out = `${u}h${out}`;
    }
  }
  return neg ? `-${out}` : out;
}
