/**
 * Go's `strconv.Quote` (what `fmt` prints for `%q` of a string), reimplemented for messages that
 * Kubernetes formats with `%q`: `couldn't parse image name %q`, field errors
 * (`Invalid value: %q`), admission errors (`pods %q is forbidden`) and kubelet events.
 *
 * Go walks the UTF-8 bytes of the string rune by rune. A JavaScript string is UTF-16, so the one
 * case that cannot be mirrored byte for byte is a lone surrogate: Go never sees one, because
 * Kubernetes objects arrive as JSON and Go's JSON decoder turns an unpaired `\ud800` escape into
 * U+FFFD. We do the same, and U+FFFD is printable, so it is written as itself.
 * @module
 */

/** Go's `unicode.IsPrint` minus ASCII space: categories L, M, N, P, S. Tests one code point. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

const HEX = "0123456789abcdef";

function hex(value: number, width: number): string {
  let out = "";
  for (let shift = (width - 1) * 4; shift >= 0; shift -= 4) {
    out += HEX[(value >>> shift) & 0xf];
  }
  return out;
}

/** Escapes Go writes with a single letter (strconv's appendEscapedRune). */
const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  7: "\\a",
  8: "\\b",
  12: "\\f",
  10: "\\n",
  13: "\\r",
  9: "\\t",
  11: "\\v",
};

function isGoPrintable(codePoint: number, char: string): boolean {
  if (codePoint < 0x80) {
    // ASCII: space through tilde. Checked by range so the regex only sees non-ASCII text.
    return codePoint >= 0x20 && codePoint <= 0x7e;
  }
  return PRINTABLE.test(char);
}

/**
 * Quotes a string exactly as Go's `strconv.Quote` / `fmt.Sprintf("%q", s)` does: double quotes,
 * `\"` and `\\`, the short escapes `\a \b \f \n \r \t \v`, `\xNN` for other ASCII control
 * characters and DEL, `\uNNNN` / `\UNNNNNNNN` for non-printable runes beyond ASCII, and every
 * printable rune (Unicode letters, marks, numbers, punctuation, symbols) written as itself.
 * Linear in the length of the input.
 *
 * @example
 * goQuote("a\tb");        // => "\"a\\tb\""
 * goQuote("a\u200b");     // => "\"a\\u200b\""
 * goQuote("café");        // => "\"café\""
 */
export function goQuote(value: string): string {
  let out = '"';
  for (const char of value) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
      // A lone surrogate: what Go's JSON decoder would have handed Kubernetes (see module doc).
      out += "\ufffd";
      continue;
    }
    if (codePoint === 0x22 || codePoint === 0x5c) {
      out += `\\${char}`;
      continue;
    }
    if (isGoPrintable(codePoint, char)) {
      out += char;
      continue;
    }
    const short = SHORT_ESCAPES[codePoint];
    if (short !== undefined) {
      out += short;
    } else if (codePoint < 0x20 || codePoint === 0x7f) {
      out += `\\x${hex(codePoint, 2)}`;
    } else if (codePoint < 0x10000) {
      out += `\\u${hex(codePoint, 4)}`;
    } else {
      out += `\\U${hex(codePoint, 8)}`;
    }
  }
  return `${out}"`;
}
