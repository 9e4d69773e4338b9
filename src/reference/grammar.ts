/**
 * The image-reference grammar of `distribution/reference` v0.6.0 as a hand-written scanner.
 *
 * Grammar (written down once; every function below implements one production):
 *
 * ```
 * reference        := name [ ":" tag ] [ "@" digest ]
 * name             := [ domain "/" ] remote-name
 * domain           := host [ ":" port ]
 * host             := domain-name | "[" ipv6 "]"
 * domain-name      := domain-component ( "." domain-component )*
 * domain-component := [a-zA-Z0-9] | [a-zA-Z0-9] [a-zA-Z0-9-]* [a-zA-Z0-9]
 * port             := [0-9]+
 * ipv6             := [a-fA-F0-9:]+
 * remote-name      := path-component ( "/" path-component )*
 * path-component   := alnum ( separator alnum )*
 * alnum            := [a-z0-9]+
 * separator        := "." | "_" | "__" | "-"+
 * tag              := [A-Za-z0-9_] [A-Za-z0-9_.-]{0,127}
 * digest           := algorithm ":" hex
 * algorithm        := alg-component ( [-_+.] alg-component )*
 * alg-component    := [A-Za-z] [A-Za-z0-9]*
 * hex              := [0-9a-fA-F]{32,}
 * identifier       := [a-f0-9]{64}
 * ```
 *
 * Go matches these with one anchored regular expression and reads its capture groups. The
 * groups are unambiguous except for the domain: Go's leftmost-first `(?:(domain)/)?` prefers to
 * take the optional domain, and a domain can hold no `/`, so the domain is exactly the text
 * before the first `/` whenever that text is a valid `domain` and the rest is a valid
 * remote-name; otherwise there is no domain and the whole name must be a remote-name. (So Go's
 * Parse reads `foo/bar` as domain `foo`, path `bar`.) Likewise the tag separator is the last `:`
 * after the last `/` of the part before `@`, because a name holds `:` only inside a domain, which
 * a `/` always follows. Each check below therefore looks at a slice once: the whole scan is
 * linear in the input length, with no backtracking and no regular expression.
 *
 * JavaScript strings are UTF-16; every production is ASCII, so any code unit above 0x7f simply
 * fails to match, which is what Go's byte-wise regex does with a multi-byte UTF-8 sequence.
 * @module
 */

// Every numeric constant of the scanner is declared here, before the first computed value: the
// bundler inlines such constants (it stops at the first statement that is not one), which keeps
// the browser bundle small.

// Character classes as bit flags in a 128-entry table: one load and one AND per character.
// Hot loops prefer table lookups to chains of range tests: the class of the next character is
// hard to predict (hex digits, separators), and a mispredicted branch costs more than a load.
const LOWER_ALNUM = 1; // [a-z0-9]: path components
const ALNUM = 2; // [a-zA-Z0-9]: domain components
const WORD = 4; // [A-Za-z0-9_]: the first character of a tag
const HEX = 8; // [0-9a-fA-F]: digest hex (and, with ":", bracketed IPv6 hosts)
const LOWER_HEX = 16; // [0-9a-f]: identifiers, validated digests
const TAG_CHAR = 32; // [A-Za-z0-9_.-]: the rest of a tag
const ALPHA = 64; // [A-Za-z]: digest algorithm components
const DIGIT = 128; // [0-9]: ports

const SLASH = 0x2f;
const COLON = 0x3a;
const DOT = 0x2e;
const DASH = 0x2d;
const UNDERSCORE = 0x5f;
const PLUS = 0x2b;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;

/** The longest tag Go accepts: one leading character plus `{0,127}`. */
const TAG_MAX = 128;

const ALG_COLON = 2; // exit: the ":" that ends a complete algorithm
const ALG_FAIL = 3;

// Path-component states (see phase B): a component may only end in P_ALNUM.
const P_NEED_ALNUM = 0; // component start, or after "." / "__" / "/": an alnum must follow
const P_ALNUM = 1; // just read an alnum: may end, or take any separator
const P_UNDERSCORE = 2; // after one "_": a second "_" or an alnum must follow
const P_DASHES = 3; // inside a run of "-": more dashes or an alnum must follow
const P_DEAD = 4; // the first component can no longer be a path component

// Domain-component states (phase A only): a domain component may not start or end with "-".
const D_NEED_ALNUM = 0; // component start: an alnum must follow
const D_ALNUM = 1; // just read an alnum: may end, or take "-", "." or ":port"
const D_DASH = 2; // just read "-": an alnum or another "-" must follow
const D_DEAD = 3; // the first component can no longer be a domain

const F_EXITS = 40;
const F_FAIL = 40; // neither a path component nor a domain any more, or a foreign character
const F_END = 41; // "/", ":" or "@": the component ends here (the state is kept)

// Exits of the table (after P_DEAD): the name ended at ":" (a tag follows) or "@" (a digest).
const P_TO_TAG = 5;
const P_TO_DIGEST = 6;

const CLASS = /* @__PURE__ */ (() => {
  const t = new Uint8Array(128);
  for (let c = 0x30; c <= 0x39; c++) {
    t[c] = LOWER_ALNUM | ALNUM | WORD | HEX | LOWER_HEX | TAG_CHAR | DIGIT;
  }
  for (let c = 0x61; c <= 0x7a; c++) {
    t[c] = LOWER_ALNUM | ALNUM | WORD | TAG_CHAR | ALPHA | (c <= 0x66 ? HEX | LOWER_HEX : 0);
  }
  for (let c = 0x41; c <= 0x5a; c++) {
    t[c] = ALNUM | WORD | TAG_CHAR | ALPHA | (c <= 0x46 ? HEX : 0);
  }
  t[0x5f] = WORD | TAG_CHAR; // "_"
  t[0x2e] = TAG_CHAR; // "."
  t[0x2d] = TAG_CHAR; // "-"
  return t;
})();

/** Whether code unit `c` is in class `flag`; non-ASCII is in no class. */
function is(c: number, flag: number): boolean {
  return c < 128 && (CLASS[c]! & flag) !== 0;
}

/**
 * Whether `s[i, end)` is exactly a tag: 1 to 128 of `[A-Za-z0-9_.-]`, not starting with `.`/`-`.
 * @example
 * isTag("v1.2", 0, 4); // true
 */
export function isTag(s: string, i: number, end: number): boolean {
  if (end - i < 1 || end - i > TAG_MAX || !is(s.charCodeAt(i), WORD)) return false;
  for (i++; i < end; i++) if (!is(s.charCodeAt(i), TAG_CHAR)) return false;
  return true;
}

// The digest algorithm as a transition table: ALG_STEP[state << 7 | c] (states: ALG_* above).
const ALG_STEP = /* @__PURE__ */ (() => {
  const t = new Uint8Array(2 << 7).fill(ALG_FAIL);
  for (let c = 0; c < 128; c++) {
    // A component starts with a letter, then takes letters and digits.
    if ((CLASS[c]! & ALPHA) !== 0) t[c] = 1;
    if ((CLASS[c]! & ALNUM) !== 0) t[(1 << 7) | c] = 1;
  }
  // A separator ends a component; another must start after it.
  for (const sep of [DASH, UNDERSCORE, PLUS, DOT]) t[(1 << 7) | sep] = 0;
  t[(1 << 7) | COLON] = ALG_COLON;
  return t;
})();

/**
 * If `s[i, end)` is exactly a digest of the reference grammar (`algorithm:hex`, 32+ hex digits),
 * returns the index of its `:`; else -1. Also notes in `scan.digestUpperHex` whether the hex
 * holds a capital, which go-digest rejects afterwards (so the hex is read only once).
 * @example
 * digestColon("sha256:" + "a".repeat(64), 0, 71); // 6
 */
export function digestColon(s: string, i: number, end: number): number {
  // ALG_STEP states: 0 = a component must start with a letter; 1 = inside a component.
  let st = 0;
  // Capitals in the algorithm decide two of Go's messages later: note them on the way.
  let capital = 0;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    const next = c < 128 ? ALG_STEP[(st << 7) | c]! : ALG_FAIL;
    if (next > 1) {
      if (next === ALG_FAIL) return -1;
      break; // the ":" after a complete algorithm
    }
    st = next;
    const k = CLASS[c]!;
    capital |= k & ALNUM & ~((k & LOWER_ALNUM) << 1); // ALNUM === LOWER_ALNUM << 1
  }
  if (i >= end) return -1;
  scan.digestCapitalAlgorithm = capital !== 0;
  const colon = i;
  if (end - colon - 1 < 32) return -1;
  // Branch-free: AND the classes of all digits, then ask whether all were hex / lowercase hex.
  let all = HEX | LOWER_HEX;
  for (i++; i < end; i++) {
    const c = s.charCodeAt(i);
    all &= c < 128 ? CLASS[c]! : 0;
  }
  if ((all & HEX) === 0) return -1;
  scan.digestUpperHex = (all & LOWER_HEX) === 0;
  return colon;
}

/**
 * Whether `s[i, end)` holds only `[0-9a-f]`.
 * @example
 * isLowerHex("00ff", 0, 4); // true
 */
export function isLowerHex(s: string, i: number, end: number): boolean {
  for (; i < end; i++) if (!is(s.charCodeAt(i), LOWER_HEX)) return false;
  return true;
}

/**
 * Whether `s` is an identifier: exactly 64 lowercase hex digits (Go's anchoredIdentifierRegexp).
 * @example
 * isIdentifier("f".repeat(64)); // true
 */
export function isIdentifier(s: string): boolean {
  return s.length === 64 && isLowerHex(s, 0, 64);
}

/**
 * Where the last successful {@link scanReference} found each part. One shared record, so a scan
 * allocates nothing; read it right after the call.
 * @example
 * if (scanReference("nginx:1", 0, true)) scan.tagStart; // 6
 */
export const scan = {
  /** Index of the `/` that ends the domain, or -1 when the name has no domain. */
  domainEnd: -1,
  /** End of the name (the index of the tag's `:` or the digest's `@`, or the input length). */
  nameEnd: 0,
  /** Start of the tag (after `:`), or -1. The tag ends at `digestStart - 1` or the input end. */
  tagStart: -1,
  /** Start of the digest (after `@`), or -1. The digest runs to the end of the input. */
  digestStart: -1,
  /** Index of the digest's `:`, or -1. */
  digestColon: -1,
  /** Whether the digest's hex holds A-F (the grammar allows it, go-digest does not). */
  digestUpperHex: false,
  /** Whether the digest's algorithm holds a capital. */
  digestCapitalAlgorithm: false,
  /** Index of the first `/`, or -1 (splitDockerDomain cuts there). */
  firstSlash: -1,
  /** Whether the first component, before `firstSlash`, is also a valid path component. */
  firstIsPath: false,
  /** Whether the first component holds ".", ":" or a capital: splitDockerDomain's domain test. */
  firstLooksLikeDomain: false,
};

/** Next path-component state after separator `c` ("." "/" "_" "-"), from state `p`. */
function pathSeparator(p: number, c: number): number {
  if (c === UNDERSCORE)
    return p === P_ALNUM ? P_UNDERSCORE : p === P_UNDERSCORE ? P_NEED_ALNUM : P_DEAD;
  if (c === DASH) return p === P_ALNUM || p === P_DASHES ? P_DASHES : P_DEAD;
  return p === P_ALNUM ? P_NEED_ALNUM : P_DEAD; // "." and "/" need an alnum on both sides
}

// Phase A as a transition table over product states st = (p * 4 + d) * 2 + looksLikeDomain,
// p a path-component state, d a domain-component state, looksLikeDomain whether a "." or a
// capital was seen (splitDockerDomain's test). Values from F_EXITS on end the component (F_*
// above).

/** The domain-component transition for `c` (alnum, ".", "-" or "_"). */
function domainStep(d: number, c: number): number {
  if (d === D_DEAD) return D_DEAD;
  if (is(c, ALNUM)) return D_ALNUM;
  if (c === DASH) return d === D_ALNUM || d === D_DASH ? D_DASH : D_DEAD;
  if (c === DOT) return d === D_ALNUM ? D_NEED_ALNUM : D_DEAD;
  return D_DEAD; // "_" never appears in a host name
}

/** Whether `c` may appear inside a name component: an alnum, ".", "-" or "_". */
function isNameChar(c: number): boolean {
  return is(c, ALNUM) || c === DOT || c === DASH || c === UNDERSCORE;
}

/** The path-component transition for `c` (alnum, ".", "-", "_" or "/"). */
function pathStep(p: number, c: number): number {
  if (is(c, LOWER_ALNUM)) return p === P_DEAD ? P_DEAD : P_ALNUM;
  if (is(c, ALNUM)) return P_DEAD; // a capital: fine in a domain, never in a path
  return pathSeparator(p, c);
}

const FIRST_STEP = /* @__PURE__ */ (() => {
  const t = new Uint8Array(F_EXITS << 7).fill(F_FAIL);
  for (let p = 0; p <= P_DEAD; p++) {
    for (let d = 0; d <= D_DEAD; d++) {
      for (let looks = 0; looks < 2; looks++) {
        const st = (p * 4 + d) * 2 + looks;
        for (let c = 0; c < 128; c++) {
          if (c === SLASH || c === COLON || c === 0x40) {
            t[(st << 7) | c] = F_END;
          } else if (isNameChar(c)) {
            const np = pathStep(p, c);
            const nd = domainStep(d, c);
            const nl = looks === 1 || c === DOT || (is(c, ALNUM) && !is(c, LOWER_ALNUM)) ? 1 : 0;
            if (np !== P_DEAD || nd !== D_DEAD) t[(st << 7) | c] = (np * 4 + nd) * 2 + nl;
          }
        }
      }
    }
  }
  return t;
})();

// Phase B as a transition table, PATH_STEP[state << 7 | c], built from pathStep so the rules are
// written once: the path is the longest part of a typical reference, and one load per character
// beats a chain of comparisons there.
const PATH_STEP = /* @__PURE__ */ (() => {
  const t = new Uint8Array(4 << 7).fill(P_DEAD);
  for (let p = P_NEED_ALNUM; p <= P_DASHES; p++) {
    for (let c = 0; c < 128; c++)
      if (isNameChar(c) || c === SLASH) t[(p << 7) | c] = pathStep(p, c);
  }
  t[(P_ALNUM << 7) | COLON] = P_TO_TAG;
  t[(P_ALNUM << 7) | 0x40] = P_TO_DIGEST;
  return t;
})();

/**
 * Scans `s[start, s.length)` as a whole reference in one left-to-right pass (Go's anchored
 * ReferenceRegexp, then its anchored name regexp for the domain) and records the parts in
 * {@link scan}. With `allowDomain` false the name is read as a remote-name only. Returns whether
 * the input matches.
 *
 * Phase A reads the first component as a path component and as a domain at once (two small
 * state machines side by side); the character that ends it decides: `/` (domain wins when both
 * fit: Go's optional domain group is tried first), `:` (a port if digits and `/` follow, else a
 * tag), `@` or the end (then it was the whole name). Phase B reads the remaining components,
 * phase C the tag, phase D the digest. Each character is looked at once, except the digits after
 * a first-component `:`, which are read again as a tag when no `/` follows them.
 * @example
 * scanReference("localhost:5000/app:v1", 0, true); // true; scan.domainEnd === 14
 */
export function scanReference(s: string, start: number, allowDomain: boolean): boolean {
  const len = s.length;
  let i = start;
  let p = P_NEED_ALNUM;
  let c = 0;
  scan.domainEnd = -1;
  scan.firstSlash = -1;
  scan.firstIsPath = false;
  scan.firstLooksLikeDomain = false;
  scan.tagStart = -1;
  scan.digestStart = -1;
  scan.digestColon = -1;
  if (i >= len) return false;

  // ---- Phase A: the first component.
  if (s.charCodeAt(i) === LBRACKET) {
    // Only a bracketed IPv6 host starts with "[": it must be a domain, so a "/" must follow.
    if (!allowDomain) return false;
    let j = i + 1;
    let looks = false;
    for (; j < len; j++) {
      const h = s.charCodeAt(j);
      if (h !== COLON && !is(h, HEX)) break; // inside "[...]": hex digits and ":"
      // splitDockerDomain looks for ":" or a capital (A-F here) before calling it a domain.
      if (h === COLON || (h >= 0x41 && h <= 0x46)) looks = true;
    }
    if (j === i + 1 || j >= len || s.charCodeAt(j) !== RBRACKET) return false;
    j++;
    if (j < len && s.charCodeAt(j) === COLON) {
      looks = true;
      const digitsStart = ++j;
      while (j < len && is(s.charCodeAt(j), DIGIT)) j++;
      if (j === digitsStart) return false;
    }
    if (j >= len || s.charCodeAt(j) !== SLASH) return false;
    scan.firstLooksLikeDomain = looks;
    scan.domainEnd = scan.firstSlash = j;
    i = j + 1;
  } else {
    // FIRST_STEP reads the component as a path component and as a domain at once.
    let st = 0;
    let next = 0;
    for (; i < len; i++) {
      c = s.charCodeAt(i);
      next = c < 128 ? FIRST_STEP[(st << 7) | c]! : F_FAIL;
      if (next >= F_EXITS) break;
      st = next;
    }
    if (next === F_FAIL) return false;
    p = st >> 3;
    const d = allowDomain ? (st >> 1) & 3 : D_DEAD;
    scan.firstLooksLikeDomain = (st & 1) === 1;
    if (i >= len) {
      // The whole input is one name component (no tag, no digest).
      scan.nameEnd = len;
      return p === P_ALNUM;
    }
    if (c === SLASH) {
      if (d !== D_ALNUM && p !== P_ALNUM) return false;
      scan.firstIsPath = p === P_ALNUM;
      if (d === D_ALNUM) scan.domainEnd = i;
      scan.firstSlash = i;
      i++;
    } else if (c === COLON) {
      scan.firstLooksLikeDomain = true;
      // A port only if digits and then "/" follow; otherwise the ":" starts the tag.
      let j = i + 1;
      while (j < len && is(s.charCodeAt(j), DIGIT)) j++;
      if (d === D_ALNUM && j > i + 1 && j < len && s.charCodeAt(j) === SLASH) {
        scan.domainEnd = scan.firstSlash = j;
        i = j + 1;
      } else {
        return p === P_ALNUM && scanSuffix(s, i);
      }
    } else {
      // "@": the first component was the whole name.
      return p === P_ALNUM && scanSuffix(s, i);
    }
  }

  // ---- Phase B: the remaining path components, after the first "/" (table-driven).
  p = P_NEED_ALNUM;
  for (; i < len; i++) {
    c = s.charCodeAt(i);
    const next = c < 128 ? PATH_STEP[(p << 7) | c]! : P_DEAD;
    if (next > P_DASHES) return next !== P_DEAD && scanSuffix(s, i);
    p = next;
  }
  scan.nameEnd = len;
  return p === P_ALNUM;
}

/**
 * Phases C and D: what follows the name, which ends at `nameEnd` with ":" (a tag, then maybe
 * "@" and a digest) or "@" (a digest).
 */
function scanSuffix(s: string, nameEnd: number): boolean {
  const len = s.length;
  let i = nameEnd + 1;
  scan.nameEnd = nameEnd;
  if (s.charCodeAt(nameEnd) === COLON) {
    const tagStart = i;
    if (i >= len || !is(s.charCodeAt(i), WORD)) return false;
    // Stop as soon as the tag is too long: no need to read the rest of a huge input.
    const stop = Math.min(len, tagStart + TAG_MAX + 1);
    for (i++; i < stop; i++) {
      const c = s.charCodeAt(i);
      if (is(c, TAG_CHAR)) continue;
      if (c !== 0x40 /* @ */) return false;
      break;
    }
    if (i - tagStart > TAG_MAX) return false;
    scan.tagStart = tagStart;
    if (i >= len) return true;
    i++; // past the "@"
  }
  const colon = digestColon(s, i, len);
  if (colon < 0) return false;
  scan.digestStart = i;
  scan.digestColon = colon;
  return true;
}

/**
 * Go's anchored name regexp with its two captures: `[domain, path]` (domain `""` when absent),
 * or null when `s` is not a name. Used by WithName and by the regexp conformance rows.
 * @example
 * matchName("simple/name"); // ["simple", "name"]
 * matchName("test_com/foo"); // ["", "test_com/foo"]
 */
export function matchName(s: string): readonly [domain: string, path: string] | null {
  // A name is a reference that ends where its name does (no tag, no digest).
  if (!scanReference(s, 0, true) || scan.nameEnd !== s.length) return null;
  const { domainEnd } = scan;
  return domainEnd < 0 ? ["", s] : [s.slice(0, domainEnd), s.slice(domainEnd + 1)];
}

/**
 * Go's anchored DomainRegexp: whether `s` is exactly a host with an optional port.
 * @example
 * matchDomain("localhost:5000"); // true
 * matchDomain("-ab.com");        // false
 */
export function matchDomain(s: string): boolean {
  // The scanner takes a domain only in front of a "/": give it one and see whether it was taken.
  return scanReference(`${s}/a`, 0, true) && scan.domainEnd === s.length;
}

/**
 * Go's ReferenceRegexp with its three captures `[name, tag, digest]` (`""` when absent), or
 * null when `s` does not match.
 * @example
 * matchReference("localhost:8080@sha256:" + "b".repeat(64)); // ["localhost", "8080", "sha256:bbb…"]
 */
export function matchReference(
  s: string,
): readonly [name: string, tag: string, digest: string] | null {
  if (!scanReference(s, 0, true)) return null;
  const { nameEnd, tagStart, digestStart } = scan;
  const tagEnd = digestStart < 0 ? s.length : digestStart - 1;
  return [
    s.slice(0, nameEnd),
    tagStart < 0 ? "" : s.slice(tagStart, tagEnd),
    digestStart < 0 ? "" : s.slice(digestStart),
  ];
}

/**
 * Whether `s` is exactly a digest of the reference grammar (Go's anchoredDigestRegexp).
 * @example
 * isDigestFormat("sha256:" + "0".repeat(32)); // true
 */
export function isDigestFormat(s: string): boolean {
  return digestColon(s, 0, s.length) >= 0;
}
