/**
 * Go's `strings.ToLower`, as far as the reference parser needs it.
 *
 * Go lowercases rune by rune with Unicode's simple case mapping; JavaScript's `toLowerCase`
 * uses the full mapping, which differs in one place that matters here: U+0130 `İ` lowers to
 * `i` in Go but to `i` + U+0307 in JavaScript. Two answers are needed:
 *
 * - Parse re-checks the grammar on the lowercased input. The grammar is ASCII, so only the
 *   characters whose Go lowercase is ASCII can make it match: ASCII capitals, U+0130 `İ` → `i`
 *   and U+212A (Kelvin sign) → `k`. Anything else non-ASCII stays non-ASCII and fails.
 * - ParseNormalizedNamed and splitDockerDomain ask whether lowercasing changes a string at all.
 *   For one character the full and simple mappings agree on "changes or not" (the only
 *   unconditional special lowercase mapping is `İ`, which changes under both), so
 *   `toLowerCase` answers it for any code point.
 *
 * A lone surrogate counts as U+FFFD, which lowercasing leaves alone: Go never sees a lone
 * surrogate, because the text reaches it as UTF-8 (JSON and UTF-8 encoders turn it into U+FFFD).
 * @module
 */

/** A character whose Go lowercase is not ASCII (anything but ASCII, `İ` and the Kelvin sign). */
const OTHER_THAN_ASCII_I_KELVIN = /[^\0-\x7f\u0130\u212a]/;
const CAPITAL_I_WITH_DOT_ALL = /\u0130/g;

/**
 * Go's `strings.ToLower(s)` when that differs from `s` and is ASCII; otherwise null, because
 * then re-checking the ASCII grammar on it cannot succeed (Go's retry needs `lower != s`, and a
 * non-ASCII character never matches). ASCII capitals, `İ` → `i` and the Kelvin sign → `k` are
 * the only characters whose Go lowercase is ASCII. Linear: a few native passes.
 * @example
 * goLowerAscii("İMAGE"); // "image"
 * goLowerAscii("image"); // null (unchanged)
 * goLowerAscii("é");     // null (not ASCII)
 */
export function goLowerAscii(s: string): string | null {
  // Single-class searches and replacements only: each is one linear native pass.
  if (OTHER_THAN_ASCII_I_KELVIN.test(s)) return null;
  // JavaScript lowercases the Kelvin sign to "k" too, but "İ" to "i" + U+0307: map it first.
  const lower = s.replace(CAPITAL_I_WITH_DOT_ALL, "i").toLowerCase();
  return lower === s ? null : lower;
}

/**
 * Whether Go's `strings.ToLower(s[start, end))` differs from that text.
 * @example
 * goLowerChanges("library/Foo", 0, 11); // true
 * goLowerChanges("ſ", 0, 1);            // false (already lowercase)
 */
export function goLowerChanges(s: string, start: number, end: number): boolean {
  // Whole-string lowercasing changes the text exactly when some character changes (see above);
  // a lone surrogate is left alone, as Go leaves U+FFFD.
  const text = s.slice(start, end);
  return text.toLowerCase() !== text;
}
