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

// Character classes as bit flags in a 128-entry table: one load and one AND per character.
const LOWER_ALNUM = 1; // [a-z0-9]: path components
const ALNUM = 2; // [a-zA-Z0-9]: domain components
const WORD = 4; // [A-Za-z0-9_]: tags
const HEX = 8; // [0-9a-fA-F]: digest hex
const LOWER_HEX = 16; // [0-9a-f]: identifiers, validated digests
const IPV6 = 32; // [a-fA-F0-9:]: bracketed IPv6 hosts
const ALPHA = 64; // [A-Za-z]: digest algorithm components
const DIGIT = 128; // [0-9]: ports

const CLASS = /* @__PURE__ */ (() => {
  const t = new Uint8Array(128);
  for (let c = 0x30; c <= 0x39; c++)
    t[c] = LOWER_ALNUM | ALNUM | WORD | HEX | LOWER_HEX | IPV6 | DIGIT;
  for (let c = 0x61; c <= 0x7a; c++) {
    t[c] = LOWER_ALNUM | ALNUM | WORD | ALPHA | (c <= 0x66 ? HEX | LOWER_HEX | IPV6 : 0);
  }
  for (let c = 0x41; c <= 0x5a; c++) t[c] = ALNUM | WORD | ALPHA | (c <= 0x46 ? HEX | IPV6 : 0);
  t[0x5f] = WORD; // '_'
  t[0x3a] = IPV6; // ':'
  return t;
})();

/** Whether code unit `c` is in class `flag`; non-ASCII is in no class. */
function is(c: number, flag: number): boolean {
  return c < 128 && (CLASS[c]! & flag) !== 0;
}

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

/**
 * Whether `s[i, end)` is exactly a remote-name (path components joined by `/`).
 * @example
 * isRemoteName("library/ubuntu", 0, 14); // true
 */
export function isRemoteName(s: string, i: number, end: number): boolean {
  // States: 0 = an alnum must come next (component start, after "." or "__");
  // 1 = just read an alnum (the only state a component may end in);
  // 2 = after one "_" (a second "_" or an alnum may follow); 3 = inside a dash run.
  let st = 0;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (is(c, LOWER_ALNUM)) {
      st = 1;
    } else if (c === SLASH || c === DOT) {
      // "/" ends a component and "." is a one-character separator: both need an alnum before.
      if (st !== 1) return false;
      st = 0;
    } else if (c === UNDERSCORE) {
      // "_" or "__", never three: the second underscore demands an alnum next.
      if (st === 1) st = 2;
      else if (st === 2) st = 0;
      else return false;
    } else if (c === DASH) {
      // Any number of dashes, but only between alnums.
      if (st === 1 || st === 3) st = 3;
      else return false;
    } else {
      return false;
    }
  }
  return st === 1;
}

/**
 * Whether `s[i, end)` is exactly a `domain` (host and optional port), Go's anchored DomainRegexp.
 * @example
 * isDomain("localhost:5000", 0, 14); // true
 */
export function isDomain(s: string, i: number, end: number): boolean {
  if (i >= end) return false;
  if (s.charCodeAt(i) === LBRACKET) {
    // "[" ipv6 "]": the class excludes "]", so the first non-member must be the closing bracket.
    let j = i + 1;
    while (j < end && is(s.charCodeAt(j), IPV6)) j++;
    if (j === i + 1 || j >= end || s.charCodeAt(j) !== RBRACKET) return false;
    return j + 1 === end || isPort(s, j + 1, end);
  }
  // States: 0 = a component must start (alnum); 1 = just read an alnum (may end, "." or ":");
  // 2 = just read "-" (an alnum or another "-" must follow: no component ends in "-").
  let st = 0;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (is(c, ALNUM)) st = 1;
    else if (c === DASH) {
      if (st === 0) return false;
      st = 2;
    } else if (c === DOT) {
      if (st !== 1) return false;
      st = 0;
    } else if (c === COLON) {
      return st === 1 && isPort(s, i, end);
    } else {
      return false;
    }
  }
  return st === 1;
}

/** Whether `s[i, end)` is ":" followed by one or more digits (no range check, like Go). */
function isPort(s: string, i: number, end: number): boolean {
  if (s.charCodeAt(i) !== COLON || i + 1 >= end) return false;
  for (i++; i < end; i++) if (!is(s.charCodeAt(i), DIGIT)) return false;
  return true;
}

/**
 * Whether `s[i, end)` is exactly a tag: 1 to 128 of `[A-Za-z0-9_.-]`, not starting with `.`/`-`.
 * @example
 * isTag("v1.2", 0, 4); // true
 */
export function isTag(s: string, i: number, end: number): boolean {
  if (end - i < 1 || end - i > TAG_MAX || !is(s.charCodeAt(i), WORD)) return false;
  for (i++; i < end; i++) {
    const c = s.charCodeAt(i);
    if (!is(c, WORD) && c !== DOT && c !== DASH) return false;
  }
  return true;
}

/**
 * If `s[i, end)` is exactly a digest of the reference grammar (`algorithm:hex`, 32+ hex digits),
 * returns the index of its `:`; else -1.
 * @example
 * digestColon("sha256:" + "a".repeat(64), 0, 71); // 6
 */
export function digestColon(s: string, i: number, end: number): number {
  // States: 0 = an algorithm component must start with a letter; 1 = inside a component.
  let st = 0;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (st === 0) {
      if (!is(c, ALPHA)) return -1;
      st = 1;
    } else if (c === COLON) {
      break;
    } else if (c === DASH || c === UNDERSCORE || c === PLUS || c === DOT) {
      st = 0;
    } else if (!is(c, ALNUM)) {
      return -1;
    }
  }
  // Reached only with st === 1 at a ":" (a separator leaves st === 0 and fails the next char).
  if (i >= end) return -1;
  const colon = i;
  if (end - colon - 1 < 32) return -1;
  for (i++; i < end; i++) if (!is(s.charCodeAt(i), HEX)) return -1;
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
};

/**
 * Scans `s[start, s.length)` as a whole reference (Go's anchored ReferenceRegexp, then the
 * anchored name regexp to split the domain off) and records the parts in {@link scan}. With
 * `allowDomain` false the name is read as a remote-name only (the caller already knows the
 * domain). Returns whether the input matches.
 * @example
 * scanReference("localhost:5000/app:v1", 0, true); // true; scan.domainEnd === 14
 */
export function scanReference(s: string, start: number, allowDomain: boolean): boolean {
  const len = s.length;
  let end = len;
  // The digest holds no "@", and neither does anything before it: the first "@" splits.
  const at = s.indexOf("@", start);
  if (at >= 0) {
    const colon = digestColon(s, at + 1, len);
    if (colon < 0) return false;
    scan.digestStart = at + 1;
    scan.digestColon = colon;
    end = at;
  } else {
    scan.digestStart = -1;
    scan.digestColon = -1;
  }
  if (end <= start) return false;
  // A ":" with no "/" after it (before the "@") can only be the tag separator.
  const colon = s.lastIndexOf(":", end - 1);
  let nameEnd = end;
  if (colon >= start) {
    const slashAfter = s.indexOf("/", colon + 1);
    if (slashAfter < 0 || slashAfter >= end) {
      if (!isTag(s, colon + 1, end)) return false;
      nameEnd = colon;
    }
  }
  scan.tagStart = nameEnd === end ? -1 : nameEnd + 1;
  scan.nameEnd = nameEnd;
  const slash = s.indexOf("/", start);
  if (slash < 0 || slash >= nameEnd) {
    scan.domainEnd = -1;
    return isRemoteName(s, start, nameEnd);
  }
  if (!isRemoteName(s, slash + 1, nameEnd)) return false;
  // Leftmost-first: the optional domain group is tried first and wins whenever it fits.
  if (allowDomain && isDomain(s, start, slash)) {
    scan.domainEnd = slash;
    return true;
  }
  scan.domainEnd = -1;
  return isRemoteName(s, start, slash);
}

/**
 * Go's anchored name regexp with its two captures: `[domain, path]` (domain `""` when absent),
 * or null when `s` is not a name. Used by WithName and by the regexp conformance rows.
 * @example
 * matchName("simple/name"); // ["simple", "name"]
 * matchName("test_com/foo"); // ["", "test_com/foo"]
 */
export function matchName(s: string): readonly [domain: string, path: string] | null {
  const len = s.length;
  const slash = s.indexOf("/");
  if (slash < 0) return isRemoteName(s, 0, len) ? ["", s] : null;
  if (!isRemoteName(s, slash + 1, len)) return null;
  if (isDomain(s, 0, slash)) return [s.slice(0, slash), s.slice(slash + 1)];
  return isRemoteName(s, 0, slash) ? ["", s] : null;
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
