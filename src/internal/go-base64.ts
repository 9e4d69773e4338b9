/**
 * Go's `encoding/base64` decoding with `StdEncoding` (padded) and `RawStdEncoding` (unpadded),
 * reimplemented without Node's buffer class or `atob`, so that it runs in browsers and agrees with Go on
 * every input: `\r` and `\n` are skipped anywhere (spaces are not), trailing bits need not be
 * zero (the encodings are not strict), and an error is Go's `CorruptInputError` text
 * `illegal base64 data at input byte N` with Go's offset N.
 *
 * Input and output are byte strings (one UTF-16 unit per byte, see `toByteString`): the kubelet
 * decodes the bytes of the `auth` string and splits the decoded bytes at the first `:`.
 * @module
 */

/**
 * Result of a decode: the decoded byte string, or Go's error text.
 * @example
 * const r: GoBase64Result = goBase64StdDecode("Zg=="); // { ok: true, bytes: "f" }
 */
export type GoBase64Result =
  | { readonly ok: true; readonly bytes: string }
  | { readonly ok: false; readonly error: string };

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
// Built in a pure IIFE so that a bundle which never decodes base64 drops the table.
const DECODE = /* @__PURE__ */ (() => {
  const t = new Int16Array(256).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) t[ALPHABET.charCodeAt(i)] = i;
  return t;
})();

const PAD = 0x3d;
const CR = 0x0d;
const LF = 0x0a;

function corrupt(offset: number): GoBase64Result {
  return { ok: false, error: `illegal base64 data at input byte ${offset}` };
}

function decode(src: string, padded: boolean): GoBase64Result {
  let out = "";
  const len = src.length;
  let si = 0;
  // One quantum (up to 4 symbols, newlines skipped) per turn, as Go's decodeQuantum.
  while (si < len) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let trailingGarbageAt = -1;
    let j = 0;
    for (; j < 4; j++) {
      if (si === len) {
        if (j === 0) return { ok: true, bytes: out };
        if (j === 1 || padded) return corrupt(si - j);
        dlen = j;
        break;
      }
      const c = src.charCodeAt(si);
      si++;
      const v = c < 256 ? (DECODE[c] as number) : -1;
      if (v >= 0) {
        dbuf[j] = v;
        continue;
      }
      if (c === LF || c === CR) {
        j--;
        continue;
      }
      if (!padded || c !== PAD) return corrupt(si - 1);
      // Padding: only after two or three symbols, and "==" after exactly two.
      if (j === 0 || j === 1) return corrupt(si - 1);
      if (j === 2) {
        while (si < len && (src.charCodeAt(si) === LF || src.charCodeAt(si) === CR)) si++;
        if (si === len) return corrupt(len);
        if (src.charCodeAt(si) !== PAD) return corrupt(si - 1);
        si++;
      }
      while (si < len && (src.charCodeAt(si) === LF || src.charCodeAt(si) === CR)) si++;
      if (si < len) trailingGarbageAt = si;
      dlen = j;
      break;
    }
    const val =
      ((dbuf[0] as number) << 18) |
      ((dbuf[1] as number) << 12) |
      ((dbuf[2] as number) << 6) |
      (dbuf[3] as number);
    if (dlen >= 2) out += String.fromCharCode((val >> 16) & 0xff);
    if (dlen >= 3) out += String.fromCharCode((val >> 8) & 0xff);
    if (dlen >= 4) out += String.fromCharCode(val & 0xff);
    if (trailingGarbageAt >= 0) return corrupt(trailingGarbageAt);
  }
  return { ok: true, bytes: out };
}

/**
 * Go's `base64.StdEncoding.DecodeString` (padding required).
 * @example
 * goBase64StdDecode("Zm9vOmJhcg=="); // { ok: true, bytes: "foo:bar" }
 * goBase64StdDecode("Zm9v YmFy");    // { ok: false, error: "illegal base64 data at input byte 4" }
 */
export function goBase64StdDecode(src: string): GoBase64Result {
  return decode(src, true);
}

/**
 * Go's `base64.RawStdEncoding.DecodeString` (no padding; any `=` is an error).
 * @example
 * goBase64RawStdDecode("dXNlcjpwYXNz"); // { ok: true, bytes: "user:pass" }
 */
export function goBase64RawStdDecode(src: string): GoBase64Result {
  return decode(src, false);
}

/**
 * Go's `base64.StdEncoding.EncodeToString` of a byte string (padded).
 * @example
 * goBase64StdEncode("foo:bar"); // "Zm9vOmJhcg=="
 */
export function goBase64StdEncode(bytes: string): string {
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const v =
      (bytes.charCodeAt(i) << 16) | (bytes.charCodeAt(i + 1) << 8) | bytes.charCodeAt(i + 2);
    out +=
      ALPHABET[(v >> 18) & 63]! +
      ALPHABET[(v >> 12) & 63]! +
      ALPHABET[(v >> 6) & 63]! +
      ALPHABET[v & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const v = bytes.charCodeAt(i) << 16;
    out += `${ALPHABET[(v >> 18) & 63]}${ALPHABET[(v >> 12) & 63]}==`;
  } else if (rest === 2) {
    const v = (bytes.charCodeAt(i) << 16) | (bytes.charCodeAt(i + 1) << 8);
    out += `${ALPHABET[(v >> 18) & 63]}${ALPHABET[(v >> 12) & 63]}${ALPHABET[(v >> 6) & 63]}=`;
  }
  return out;
}
