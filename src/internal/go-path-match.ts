/**
 * Go's `path.Match` (identical to `filepath.Match` on Unix), reimplemented over UTF-8 bytes.
 *
 * Kubernetes matches registry host labels with `filepath.Match`, so a credential is sent to a
 * host exactly when Go says the glob matches. JavaScript glob libraries (picomatch, minimatch)
 * disagree with Go on `[!a]` (a literal `!` in Go), `\` escapes, `*` crossing `/`, and on what a
 * malformed pattern does, so this module follows Go's algorithm step by step:
 *
 * - `*` matches any run of bytes other than `/`; `?` matches one rune other than `/`;
 *   `[...]` / `[^...]` classes with `lo-hi` ranges; `\c` matches `c` literally.
 * - Go works on the UTF-8 bytes of a string: a `*` may stop in the middle of a multi-byte
 *   character and a following `?` then consumes one stray continuation byte as U+FFFD. We encode
 *   both strings to UTF-8 (a lone UTF-16 surrogate becomes U+FFFD, as TextEncoder does) so that
 *   every answer is the one Go gives for the same text.
 * - A malformed pattern yields the error `syntax error in pattern` (Go's `ErrBadPattern`).
 *   Since Go 1.16 the remainder of the pattern is validated even after a mismatch, so `a[`
 *   against `b` is an error, not a plain "no".
 * - Time is O(len(pattern) × len(name)) at worst: like Go, only the most recent `*` is retried,
 *   never an exponential search.
 *
 * The API is stable: the reference helper uses it for `familiarMatch`.
 * @module
 */

/**
 * Go's `path.ErrBadPattern` text.
 * @example
 * goPathMatch("a[", "a").error === GO_ERR_BAD_PATTERN; // true
 */
export const GO_ERR_BAD_PATTERN = "syntax error in pattern" as const;

/**
 * The answer of {@link goPathMatch}: Go's `(matched bool, err error)` pair as data.
 * @example
 * const r: GoPathMatchResult = goPathMatch("*.io", "gcr.io"); // { matched: true, error: null }
 */
export interface GoPathMatchResult {
  /** Whether the whole name matches the pattern (always false when `error` is set). */
  readonly matched: boolean;
  /** `"syntax error in pattern"` when the pattern is malformed, else `null`. */
  readonly error: typeof GO_ERR_BAD_PATTERN | null;
}

// matchChunk outcomes besides a non-negative "rest starts here" index.
const CHUNK_FAILED = -1;
const CHUNK_BAD = -2;

// Byte values used by the matcher (declared before any computed value, so that the bundler
// inlines them).
const STAR = 0x2a;
const QUESTION = 0x3f;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const BACKSLASH = 0x5c;
const CARET = 0x5e;
const DASH = 0x2d;
const SLASH = 0x2f;

/**
 * The Unicode replacement character Go's UTF-8 decoder returns for a bad byte.
 * @example
 * decodeRune("\u00ff", 0, 1) === RUNE_ERROR; // true
 */
export const RUNE_ERROR = 0xfffd;

const MATCHED: GoPathMatchResult = /* @__PURE__ */ Object.freeze({ matched: true, error: null });
const NOT_MATCHED: GoPathMatchResult = /* @__PURE__ */ Object.freeze({
  matched: false,
  error: null,
});
const BAD_PATTERN: GoPathMatchResult = /* @__PURE__ */ Object.freeze({
  matched: false,
  error: GO_ERR_BAD_PATTERN,
});

/**
 * Encodes a JavaScript string as UTF-8 bytes. A lone surrogate becomes U+FFFD (EF BF BD), the
 * same as `TextEncoder`; written by hand because short strings encode faster in plain JS.
 * @example
 * utf8Encode("é"); // Uint8Array [0xc3, 0xa9]
 */
export function utf8Encode(text: string): Uint8Array {
  const len = text.length;
  let size = 0;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) size += 1;
    else if (c < 0x800) size += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < len && isLowSurrogate(text.charCodeAt(i + 1))) {
      size += 4;
      i++;
    } else size += 3;
  }
  const out = new Uint8Array(size);
  let o = 0;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      out[o++] = c;
    } else if (c < 0x800) {
      out[o++] = 0xc0 | (c >> 6);
      out[o++] = 0x80 | (c & 0x3f);
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < len ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && isLowSurrogate(next)) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        out[o++] = 0xf0 | (cp >> 18);
        out[o++] = 0x80 | ((cp >> 12) & 0x3f);
        out[o++] = 0x80 | ((cp >> 6) & 0x3f);
        out[o++] = 0x80 | (cp & 0x3f);
        i++;
      } else {
        out[o++] = 0xef;
        out[o++] = 0xbf;
        out[o++] = 0xbd;
      }
    } else {
      out[o++] = 0xe0 | (c >> 12);
      out[o++] = 0x80 | ((c >> 6) & 0x3f);
      out[o++] = 0x80 | (c & 0x3f);
    }
  }
  return out;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Size in bytes of the rune last decoded by {@link decodeRune}. */
let decodedSize = 0;

/**
 * Go's `utf8.DecodeRuneInString` on `bytes[start:end]`, where `bytes` is a byte string (see
 * {@link toByteString}): returns the rune and leaves its size in {@link lastRuneSize}. An invalid
 * or truncated sequence decodes as U+FFFD of size 1, exactly as Go does (overlong forms and
 * surrogates are invalid).
 * @example
 * decodeRune(toByteString("€x"), 0, 4); // 0x20ac, lastRuneSize() === 3
 */
export function decodeRune(bytes: string, start: number, end: number): number {
  decodedSize = 0;
  if (start >= end) return RUNE_ERROR;
  const b0 = bytes.charCodeAt(start);
  decodedSize = 1;
  if (b0 < 0x80) return b0;
  // Continuation bytes after a valid lead: C2-DF take 1, E0-EF 2, F0-F4 3; else the lead is bad.
  const need = b0 < 0xc2 ? 0 : b0 < 0xe0 ? 1 : b0 < 0xf0 ? 2 : b0 < 0xf5 ? 3 : 0;
  // A truncated sequence is one bad byte, as in Go.
  if (need === 0 || end - start <= need) return RUNE_ERROR;
  let rune = b0 & (0x7f >> (need + 1));
  for (let k = 1; k <= need; k++) {
    const b = bytes.charCodeAt(start + k);
    // The second byte's range also excludes overlong forms (E0, F0), surrogates (ED) and
    // code points past U+10FFFF (F4).
    const lo = k > 1 ? 0x80 : b0 === 0xe0 ? 0xa0 : b0 === 0xf0 ? 0x90 : 0x80;
    const hi = k > 1 ? 0xbf : b0 === 0xed ? 0x9f : b0 === 0xf4 ? 0x8f : 0xbf;
    if (b < lo || b > hi) return RUNE_ERROR;
    rune = (rune << 6) | (b & 0x3f);
  }
  decodedSize = need + 1;
  return rune;
}

/**
 * Size in bytes of the rune most recently returned by {@link decodeRune} (0 for empty input).
 * @example
 * decodeRune(toByteString("é"), 0, 2);
 * lastRuneSize(); // 2
 */
export function lastRuneSize(): number {
  return decodedSize;
}

/** Whether every UTF-16 unit of `text` is ASCII (then the text is its own byte string). */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

/**
 * The UTF-8 bytes of `text` as a "byte string": one UTF-16 unit per byte (0-255). Go strings are
 * byte strings, so comparing, slicing and sorting byte strings in JavaScript gives Go's answers
 * (a plain JS comparison would order by UTF-16 units). ASCII text is returned unchanged.
 * @example
 * toByteString("é"); // "\u00c3\u00a9"
 */
export function toByteString(text: string): string {
  if (isAscii(text)) return text;
  // TextEncoder gives the same bytes as utf8Encode (lone surrogates too) in a fraction of the
  // bundle: callers such as familiarMatch then do not pull the hand-written encoder in.
  return bytesToByteString(new TextEncoder().encode(text));
}

/**
 * Text for a byte string, decoding UTF-8 the way Go's `encoding/json` prints a Go string: every
 * byte that is not part of a valid sequence becomes U+FFFD.
 * @example
 * fromByteString("\u00c3\u00a9"); // "é"
 */
export function fromByteString(bytes: string): string {
  if (isAscii(bytes)) return bytes;
  let out = "";
  for (let i = 0; i < bytes.length; ) {
    const r = decodeRune(bytes, i, bytes.length);
    out += String.fromCodePoint(r);
    i += decodedSize;
  }
  return out;
}

// getEsc returns two values; kept in module state to avoid allocating per class member.
let escNext = 0;

/** Go's getEsc: one possibly escaped class member at p[c:end]; returns the rune or -1 (bad). */
function getEsc(p: string, c: number, end: number): number {
  const b = p.charCodeAt(c);
  if (c >= end || b === DASH || b === RBRACKET) return -1;
  if (b === BACKSLASH) {
    c++;
    if (c >= end) return -1;
  }
  const r = decodeRune(p, c, end);
  escNext = c + decodedSize;
  // A bad byte, or a member that runs into the end of the chunk (no room for its "]").
  return (r === RUNE_ERROR && decodedSize === 1) || escNext >= end ? -1 : r;
}

/**
 * Go's matchChunk: does p[cs:ce] (no `*` outside classes) match a prefix of s[si:]?
 * Returns the index after the match, CHUNK_FAILED, or CHUNK_BAD. Like Go, it keeps scanning
 * the chunk after a mismatch so that a malformed pattern is always reported.
 */
function matchChunk(p: string, cs: number, ce: number, s: string, si: number): number {
  const sLen = s.length;
  let failed = false;
  let c = cs;
  while (c < ce) {
    if (!failed && si >= sLen) failed = true;
    const b = p.charCodeAt(c);
    if (b === LBRACKET) {
      let r = 0;
      if (!failed) {
        r = decodeRune(s, si, sLen);
        si += decodedSize;
      }
      c++;
      let negated = false;
      if (c < ce && p.charCodeAt(c) === CARET) {
        negated = true;
        c++;
      }
      let match = false;
      let nrange = 0;
      for (;;) {
        if (c < ce && p.charCodeAt(c) === RBRACKET && nrange > 0) {
          c++;
          break;
        }
        const lo = getEsc(p, c, ce);
        if (lo < 0) return CHUNK_BAD;
        c = escNext;
        let hi = lo;
        if (p.charCodeAt(c) === DASH) {
          hi = getEsc(p, c + 1, ce);
          if (hi < 0) return CHUNK_BAD;
          c = escNext;
        }
        if (lo <= r && r <= hi) match = true;
        nrange++;
      }
      if (match === negated) failed = true;
    } else if (b === QUESTION) {
      if (!failed) {
        if (s.charCodeAt(si) === SLASH) failed = true;
        decodeRune(s, si, sLen);
        si += decodedSize;
      }
      c++;
    } else {
      if (b === BACKSLASH) {
        c++;
        if (c >= ce) return CHUNK_BAD;
      }
      if (!failed) {
        if (p.charCodeAt(c) !== s.charCodeAt(si)) failed = true;
        si++;
      }
      c++;
    }
  }
  return failed ? CHUNK_FAILED : si;
}

// scanChunk's results: the chunk is p[chunkStart:chunkEnd]; chunkStar says a `*` preceded it.
let chunkStar = false;
let chunkStart = 0;

/** Go's scanChunk from p[pi:]; returns the end of the chunk (where the rest begins). */
function scanChunk(p: string, pi: number): number {
  const pLen = p.length;
  chunkStar = false;
  while (pi < pLen && p.charCodeAt(pi) === STAR) {
    pi++;
    chunkStar = true;
  }
  chunkStart = pi;
  let inRange = false;
  let i = pi;
  for (; i < pLen; i++) {
    const b = p.charCodeAt(i);
    if (b === BACKSLASH) {
      if (i + 1 < pLen) i++;
    } else if (b === LBRACKET) inRange = true;
    else if (b === RBRACKET) inRange = false;
    else if (b === STAR && !inRange) break;
  }
  return i;
}

/**
 * {@link goPathMatch} on byte strings (see {@link toByteString}), for callers that convert once
 * and match often (the keyring pre-converts every host label).
 * @example
 * goPathMatchByteStrings("*.io", "gcr.io").matched; // true
 */
export function goPathMatchByteStrings(p: string, s: string): GoPathMatchResult {
  const pLen = p.length;
  const sLen = s.length;
  let pi = 0;
  let si = 0;
  pattern: while (pi < pLen) {
    const chunkEnd = scanChunk(p, pi);
    const star = chunkStar;
    const cs = chunkStart;
    pi = chunkEnd;
    if (star && cs === chunkEnd) {
      // A trailing star matches the rest unless it holds a '/'.
      return s.indexOf("/", si) < 0 ? MATCHED : NOT_MATCHED;
    }
    const t = matchChunk(p, cs, chunkEnd, s, si);
    // The last chunk must consume the whole name, otherwise the star may still help.
    if (t >= 0 && (t === sLen || pi < pLen)) {
      si = t;
      continue;
    }
    if (t === CHUNK_BAD) return BAD_PATTERN;
    if (star) {
      for (let i = si; i < sLen && s.charCodeAt(i) !== SLASH; i++) {
        const t2 = matchChunk(p, cs, chunkEnd, s, i + 1);
        if (t2 >= 0) {
          if (pi === pLen && t2 < sLen) continue;
          si = t2;
          continue pattern;
        }
        if (t2 === CHUNK_BAD) return BAD_PATTERN;
      }
    }
    // Go ≥ 1.16: a mismatch still reports a malformed remainder of the pattern.
    while (pi < pLen) {
      const end = scanChunk(p, pi);
      if (matchChunk(p, chunkStart, end, "", 0) === CHUNK_BAD) return BAD_PATTERN;
      pi = end;
    }
    return NOT_MATCHED;
  }
  return si === sLen ? MATCHED : NOT_MATCHED;
}

/**
 * Go's `path.Match(pattern, name)` / Unix `filepath.Match`: whether `name` matches the shell
 * pattern, or `error: "syntax error in pattern"` for a malformed pattern (then `matched` is
 * false). Never throws for string input.
 * @example
 * goPathMatch("*.io", "gcr.io");      // { matched: true, error: null }
 * goPathMatch("[!a]", "b");           // { matched: false, error: null } — '!' is literal in Go
 * goPathMatch("[^a]", "b");           // { matched: true, error: null }
 * goPathMatch("a[", "b");             // { matched: false, error: "syntax error in pattern" }
 */
export function goPathMatch(pattern: string, name: string): GoPathMatchResult {
  return goPathMatchByteStrings(toByteString(pattern), toByteString(name));
}

/**
 * Whether Go's `path.Match` accepts `pattern` as well-formed (it never returns ErrBadPattern
 * for it, whatever the name).
 * @example
 * isValidGoPathPattern("reg[0-9]"); // true
 * isValidGoPathPattern("reg[");     // false
 */
export function isValidGoPathPattern(pattern: string): boolean {
  const p = toByteString(pattern);
  const pLen = p.length;
  let pi = 0;
  while (pi < pLen) {
    const end = scanChunk(p, pi);
    if (matchChunk(p, chunkStart, end, "", 0) === CHUNK_BAD) return false;
    pi = end;
  }
  return true;
}

/**
 * {@link goPathMatch} on UTF-8 byte arrays.
 * @example
 * goPathMatchBytes(utf8Encode("*.io"), utf8Encode("gcr.io")).matched; // true
 */
export function goPathMatchBytes(p: Uint8Array, s: Uint8Array): GoPathMatchResult {
  return goPathMatchByteStrings(bytesToByteString(p), bytesToByteString(s));
}

function bytesToByteString(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return out;
}
