/**
 * The slice of Go's `net/url.Parse`, `net/netip.ParseAddr`, `net.SplitHostPort` and
 * `strconv.Quote` that Kubernetes' credential keyring depends on, reimplemented so that every
 * accept/reject and every error text is the one current Go gives.
 *
 * The keyring parses `"https://" + key` and `"https://" + image` with `url.Parse` and compares
 * hosts, ports and paths, so the exact parse decides which registry receives a password. The
 * behaviour followed is Go 1.25.8+ / 1.26.1+ with `GODEBUG=urlstrictcolons=0` (what the
 * conformance vectors were produced with): a `[` in a host is accepted only at its start, as a
 * valid IPv6 literal (`invalid IP-literal` otherwise), and the port is whatever follows the LAST
 * colon of a bracket-less host.
 *
 * Everything works on "byte strings" (one UTF-16 unit per UTF-8 byte, see `toByteString`),
 * because Go strings are bytes: `%FF` in a host decodes to one byte that is not valid UTF-8, and
 * an error quotes a cut-off multi-byte character as `\xe2\x82`. Error texts are returned as
 * ordinary text.
 *
 * Not modelled (the keyring never reads them): `RawPath`, `RawFragment`, `OmitHost`, the
 * decoded userinfo (only validated: a password in a URL is never kept), `ParseRequestURI`.
 * @module
 */

import { decodeRune, fromByteString, lastRuneSize, toByteString } from "./go-path-match.js";
import { goQuote } from "./go-quote.js";

/**
 * The fields of Go's `url.URL` that this slice produces. Strings are text (see module doc).
 * @example
 * const r = goURLParse("https://reg.io/ns");
 * if (r.ok) r.url.host; // "reg.io"
 */
export interface GoURL {
  /** Lower-cased scheme, `""` when none. */
  readonly scheme: string;
  /** Opaque data of a rootless URL such as `mailto:x`. */
  readonly opaque: string;
  /** Whether a `userinfo@` part was present (its content is validated, never kept). */
  readonly hasUserinfo: boolean;
  /** `host` or `host:port`, percent-decoded (IPv6 literals keep their brackets). */
  readonly host: string;
  /** Percent-decoded path. */
  readonly path: string;
  /** Whether the URL ended in a lone `?`. */
  readonly forceQuery: boolean;
  /** Query without the `?`, still encoded. */
  readonly rawQuery: string;
  /** Percent-decoded fragment. */
  readonly fragment: string;
}

/**
 * Result of {@link goURLParse}: the URL, or Go's `url.Error` text (`parse "…": why`).
 * @example
 * const r: GoURLParseResult = goURLParse("https://a b"); // { ok: false, error: … }
 */
export type GoURLParseResult =
  | { readonly ok: true; readonly url: GoURL }
  | { readonly ok: false; readonly error: string };

// Percent-decoding modes of Go's unescape (only those Parse uses).
const MODE_PATH = 1;
const MODE_HOST = 3;
const MODE_ZONE = 4;
const MODE_USER = 5;
const MODE_FRAGMENT = 7;
type Mode = 1 | 3 | 4 | 5 | 7;

const LOWER_HEX = "0123456789abcdef";

/**
 * Go's `strconv.Quote` of a byte string, returned as a byte string: bytes outside valid UTF-8
 * become `\xNN`, non-printable runes `\uNNNN`/`\UNNNNNNNN` or a short escape.
 * @example
 * goQuoteByteString("a\u00e2\u0082"); // "\"a\\xe2\\x82\""
 */
export function goQuoteByteString(bytes: string): string {
  let out = '"';
  const len = bytes.length;
  for (let i = 0; i < len; ) {
    const start = i;
    const r = decodeRune(bytes, i, len);
    const width = lastRuneSize();
    i += width;
    if (width === 1 && r === 0xfffd) {
      const b = bytes.charCodeAt(start);
      out += `\\x${LOWER_HEX[b >> 4]}${LOWER_HEX[b & 15]}`;
    } else if (r < 0x80 && r >= 0x20 && r !== 0x22 && r !== 0x5c && r !== 0x7f) {
      out += bytes[start];
    } else {
      // A whole valid rune: strconv's escaping of one rune, shared with goQuote.
      out += toByteString(goQuote(String.fromCodePoint(r)).slice(1, -1));
    }
  }
  return `${out}"`;
}

/**
 * Go's `strconv.Quote` (`%q`) of text, judged on its UTF-8 bytes.
 * @example
 * goQuoteText("reg\t.io"); // "\"reg\\t.io\""
 */
export function goQuoteText(text: string): string {
  return fromByteString(goQuoteByteString(toByteString(text)));
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

function unhex(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return 0;
}

function isAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/** Go's shouldEscape, for the modes Parse uses (computed once into {@link ESCAPE_TABLES}). */
function computeShouldEscape(c: number, mode: Mode): boolean {
  if (isAlnum(c)) return false;
  if (mode === MODE_HOST || mode === MODE_ZONE) {
    // Sub-delims, ':' for the port, brackets for IPv6, and < > " which Go lets through.
    if ("!$&'()*+,;=:[]<>\"".includes(String.fromCharCode(c))) return false;
  }
  switch (c) {
    case 0x2d: // -
    case 0x5f: // _
    case 0x2e: // .
    case 0x7e: // ~
      return false;
    case 0x24: // $
    case 0x26: // &
    case 0x2b: // +
    case 0x2c: // ,
    case 0x2f: // /
    case 0x3a: // :
    case 0x3b: // ;
    case 0x3d: // =
    case 0x3f: // ?
    case 0x40: // @
      if (mode === MODE_PATH) return c === 0x3f;
      if (mode === MODE_USER) return c === 0x40 || c === 0x2f || c === 0x3f || c === 0x3a;
      if (mode === MODE_FRAGMENT) return false;
      break;
  }
  if (mode === MODE_FRAGMENT && (c === 0x21 || c === 0x28 || c === 0x29 || c === 0x2a)) {
    return false;
  }
  return true;
}

/** shouldEscape answers for ASCII bytes, one table per mode, so the scanners never allocate. */
const ESCAPE_TABLES: Readonly<Record<Mode, Uint8Array>> = /* @__PURE__ */ (() => {
  const tables = {} as Record<Mode, Uint8Array>;
  for (const mode of [MODE_PATH, MODE_HOST, MODE_ZONE, MODE_USER, MODE_FRAGMENT] as const) {
    const t = new Uint8Array(128);
    for (let c = 0; c < 128; c++) t[c] = computeShouldEscape(c, mode) ? 1 : 0;
    tables[mode] = t;
  }
  return tables;
})();

function shouldEscape(c: number, mode: Mode): boolean {
  return c < 128 ? ESCAPE_TABLES[mode][c] === 1 : computeShouldEscape(c, mode);
}

/** An error of unescape, as Go's text (byte string). */
class UnescapeFailure {
  constructor(readonly text: string) {}
}

function escapeError(s: string): UnescapeFailure {
  return new UnescapeFailure(`invalid URL escape ${goQuoteByteString(s)}`);
}

/** Go's unescape on a byte string: the decoded byte string, or the failure. */
function goUnescape(s: string, mode: Mode): string | UnescapeFailure {
  let n = 0;
  const len = s.length;
  for (let i = 0; i < len; ) {
    const c = s.charCodeAt(i);
    if (c === 0x25) {
      n++;
      if (i + 2 >= len || !isHex(s.charCodeAt(i + 1)) || !isHex(s.charCodeAt(i + 2))) {
        return escapeError(s.slice(i, i + 3));
      }
      const three = s.slice(i, i + 3);
      // In a host, %-encoding may only stand for non-ASCII bytes (and %25 in IPv6 zones).
      if (mode === MODE_HOST && unhex(s.charCodeAt(i + 1)) < 8 && three !== "%25") {
        return escapeError(three);
      }
      if (mode === MODE_ZONE) {
        const v = (unhex(s.charCodeAt(i + 1)) << 4) | unhex(s.charCodeAt(i + 2));
        if (three !== "%25" && v !== 0x20 && shouldEscape(v, MODE_HOST)) return escapeError(three);
      }
      i += 3;
    } else {
      if ((mode === MODE_HOST || mode === MODE_ZONE) && c < 0x80 && shouldEscape(c, mode)) {
        return new UnescapeFailure(
          `invalid character ${goQuoteByteString(s[i] ?? "")} in host name`,
        );
      }
      i++;
    }
  }
  if (n === 0) return s;
  let out = "";
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x25) {
      out += String.fromCharCode((unhex(s.charCodeAt(i + 1)) << 4) | unhex(s.charCodeAt(i + 2)));
      i += 2;
    } else out += s[i];
  }
  return out;
}

function containsCTLByte(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** Go's validOptionalPort: "" or ":" followed by digits only. */
function validOptionalPort(port: string): boolean {
  if (port === "") return true;
  if (port.charCodeAt(0) !== 0x3a) return false;
  for (let i = 1; i < port.length; i++) {
    const c = port.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

// A pure IIFE: bundles that never parse URLs drop the table.
const USERINFO_PUNCT = /* @__PURE__ */ (() => {
  const t = new Uint8Array(128);
  for (const ch of "-._:~!$&'()*+,;=%@") t[ch.charCodeAt(0)] = 1;
  return t;
})();

/** Go's validUserinfo, on the runes of a byte string. */
function validUserinfo(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Any byte ≥ 0x80 starts a non-ASCII rune (or is invalid): neither is allowed.
    if (c >= 0x80) return false;
    if (!isAlnum(c) && USERINFO_PUNCT[c] !== 1) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// netip.ParseAddr: only whether the text is an IP address (and IPv4 or not), with Go's errors.

/** "6" for an IPv6 address, "4" for IPv4, or the failure (its text is a byte string). */
type AddrVerdict = "4" | "6" | UnescapeFailure;

function addrError(input: string, msg: string, at = ""): UnescapeFailure {
  let text = `ParseAddr(${goQuoteByteString(input)}): ${msg}`;
  if (at !== "") text += ` (at ${goQuoteByteString(at)})`;
  return new UnescapeFailure(text);
}

/** Go's parseIPv4Fields over in[off:end]; errors name the whole input `in`. */
function checkIPv4Fields(input: string, off: number, end: number): UnescapeFailure | null {
  const s = input.slice(off, end);
  let val = 0;
  let pos = 0;
  let digLen = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      if (digLen === 1 && val === 0)
        return addrError(input, "IPv4 field has octet with leading zero");
      val = val * 10 + (c - 0x30);
      digLen++;
      if (val > 255) return addrError(input, "IPv4 field has value >255");
    } else if (c === 0x2e) {
      if (i === 0 || i === s.length - 1 || s.charCodeAt(i - 1) === 0x2e) {
        return addrError(input, "IPv4 field must have at least one digit", s.slice(i));
      }
      if (pos === 3) return addrError(input, "IPv4 address too long");
      pos++;
      val = 0;
      digLen = 0;
    } else {
      return addrError(input, "unexpected character", s.slice(i));
    }
  }
  if (pos < 3) return addrError(input, "IPv4 address too short");
  return null;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

function checkIPv6(input: string): UnescapeFailure | null {
  let s = input;
  let zone = "";
  const pct = s.indexOf("%");
  if (pct !== -1) {
    zone = s.slice(pct + 1);
    s = s.slice(0, pct);
    if (zone === "") return addrError(input, "zone must be a non-empty string");
  }
  let ellipsis = -1;
  if (s.length >= 2 && s.charCodeAt(0) === 0x3a && s.charCodeAt(1) === 0x3a) {
    ellipsis = 0;
    s = s.slice(2);
    if (s.length === 0) return null;
  }
  let i = 0;
  while (i < 16) {
    let off = 0;
    let acc = 0;
    for (; off < s.length; off++) {
      const d = hexValue(s.charCodeAt(off));
      if (d < 0) break;
      acc = acc * 16 + d;
      if (off > 3) return addrError(input, "each group must have 4 or less digits", s);
      if (acc > 0xffff) return addrError(input, "IPv6 field has value >=2^16", s);
    }
    if (off === 0) {
      return addrError(input, "each colon-separated field must have at least one digit", s);
    }
    if (off < s.length && s.charCodeAt(off) === 0x2e) {
      if (ellipsis < 0 && i !== 12) {
        return addrError(
          input,
          "embedded IPv4 address must replace the final 2 fields of the address",
          s,
        );
      }
      if (i + 4 > 16) {
        return addrError(
          input,
          "too many hex fields to fit an embedded IPv4 at the end of the address",
          s,
        );
      }
      let end = input.length;
      if (zone.length > 0) end -= zone.length + 1;
      const err = checkIPv4Fields(input, end - s.length, end);
      if (err !== null) return err;
      s = "";
      i += 4;
      break;
    }
    i += 2;
    s = s.slice(off);
    if (s.length === 0) break;
    if (s.charCodeAt(0) !== 0x3a) return addrError(input, "unexpected character, want colon", s);
    if (s.length === 1) return addrError(input, "colon must be followed by more characters", s);
    s = s.slice(1);
    if (s.charCodeAt(0) === 0x3a) {
      if (ellipsis >= 0) return addrError(input, "multiple :: in address", s);
      ellipsis = i;
      s = s.slice(1);
      if (s.length === 0) break;
    }
  }
  if (s.length !== 0) return addrError(input, "trailing garbage after address", s);
  if (i < 16) {
    if (ellipsis < 0) return addrError(input, "address string too short");
  } else if (ellipsis >= 0) {
    return addrError(input, "the :: must expand to at least one field of zeros");
  }
  return null;
}

/** Go's netip.ParseAddr verdict on a byte string. */
function parseAddr(s: string): AddrVerdict {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2e) return checkIPv4Fields(s, 0, s.length) ?? "4";
    if (c === 0x3a) return checkIPv6(s) ?? "6";
    if (c === 0x25) return addrError(s, "missing IPv6 address");
  }
  return addrError(s, "unable to parse IP");
}

// ---------------------------------------------------------------------------------------------

/** Go's parseHost (current Go, urlstrictcolons=0): the decoded host or the failure. */
function parseHost(host: string): string | UnescapeFailure {
  const open = host.lastIndexOf("[");
  if (open > 0) return new UnescapeFailure("invalid IP-literal");
  if (open === 0) {
    const close = host.lastIndexOf("]");
    if (close < 0) return new UnescapeFailure("missing ']' in host");
    const colonPort = host.slice(close + 1);
    if (!validOptionalPort(colonPort)) {
      return new UnescapeFailure(`invalid port ${goQuoteByteString(colonPort)} after host`);
    }
    const port = goUnescape(colonPort, MODE_HOST);
    if (port instanceof UnescapeFailure) return port;
    const hostname = host.slice(1, close);
    let decoded: string;
    const zone = hostname.indexOf("%25");
    if (zone >= 0) {
      const head = goUnescape(hostname.slice(0, zone), MODE_HOST);
      if (head instanceof UnescapeFailure) return head;
      const tail = goUnescape(hostname.slice(zone), MODE_ZONE);
      if (tail instanceof UnescapeFailure) return tail;
      decoded = head + tail;
    } else {
      const all = goUnescape(hostname, MODE_HOST);
      if (all instanceof UnescapeFailure) return all;
      decoded = all;
    }
    const verdict = parseAddr(decoded);
    if (verdict instanceof UnescapeFailure) {
      return new UnescapeFailure(`invalid host: ${verdict.text}`);
    }
    // Only IPv6 may be bracketed (IPv4-mapped IPv6 counts as IPv6).
    if (verdict === "4") return new UnescapeFailure("invalid IP-literal");
    return `[${decoded}]${port}`;
  }
  const colon = host.lastIndexOf(":");
  if (colon !== -1) {
    const colonPort = host.slice(colon);
    if (!validOptionalPort(colonPort)) {
      return new UnescapeFailure(`invalid port ${goQuoteByteString(colonPort)} after host`);
    }
  }
  return goUnescape(host, MODE_HOST);
}

/** Go's getScheme: [scheme, rest] or the failure. */
function getScheme(raw: string): readonly [string, string] | UnescapeFailure {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) continue;
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
      if (i === 0) return ["", raw];
      continue;
    }
    if (c === 0x3a) {
      if (i === 0) return new UnescapeFailure("missing protocol scheme");
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ["", raw];
  }
  return ["", raw];
}

/** A scheme holds only ASCII letters, digits and "+-.", so toLowerCase is Go's ToLower here. */
function asciiLower(s: string): string {
  return s.toLowerCase();
}

interface MutableURL {
  scheme: string;
  opaque: string;
  hasUserinfo: boolean;
  host: string;
  path: string;
  forceQuery: boolean;
  rawQuery: string;
  fragment: string;
}

/** Go's parse(rawURL, viaRequest=false) on a byte string. */
function parseNoFragment(raw: string): MutableURL | UnescapeFailure {
  if (containsCTLByte(raw)) return new UnescapeFailure("net/url: invalid control character in URL");
  const url: MutableURL = {
    scheme: "",
    opaque: "",
    hasUserinfo: false,
    host: "",
    path: "",
    forceQuery: false,
    rawQuery: "",
    fragment: "",
  };
  if (raw === "*") {
    url.path = "*";
    return url;
  }
  const schemed = getScheme(raw);
  if (schemed instanceof UnescapeFailure) return schemed;
  url.scheme = asciiLower(schemed[0]);
  let rest = schemed[1];
  const q = rest.indexOf("?");
  if (q === rest.length - 1 && q >= 0) {
    url.forceQuery = true;
    rest = rest.slice(0, -1);
  } else if (q >= 0) {
    url.rawQuery = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  if (!rest.startsWith("/")) {
    if (url.scheme !== "") {
      url.opaque = rest;
      return url;
    }
    const slash = rest.indexOf("/");
    const segment = slash < 0 ? rest : rest.slice(0, slash);
    if (segment.includes(":")) {
      return new UnescapeFailure("first path segment in URL cannot contain colon");
    }
  }
  if ((url.scheme !== "" || !rest.startsWith("///")) && rest.startsWith("//")) {
    let authority = rest.slice(2);
    rest = "";
    const slash = authority.indexOf("/");
    if (slash >= 0) {
      rest = authority.slice(slash);
      authority = authority.slice(0, slash);
    }
    const at = authority.lastIndexOf("@");
    const host = parseHost(at < 0 ? authority : authority.slice(at + 1));
    if (host instanceof UnescapeFailure) return host;
    url.host = host;
    if (at >= 0) {
      const userinfo = authority.slice(0, at);
      if (!validUserinfo(userinfo)) return new UnescapeFailure("net/url: invalid userinfo");
      const colon = userinfo.indexOf(":");
      const parts = colon < 0 ? [userinfo] : [userinfo.slice(0, colon), userinfo.slice(colon + 1)];
      for (const part of parts) {
        const decoded = goUnescape(part, MODE_USER);
        if (decoded instanceof UnescapeFailure) return decoded;
      }
      url.hasUserinfo = true;
    }
  }
  const path = goUnescape(rest, MODE_PATH);
  if (path instanceof UnescapeFailure) return path;
  url.path = path;
  return url;
}

/**
 * Go's `url.Parse` on a byte string (see `toByteString`). The URL's fields stay byte strings;
 * an error is Go's `url.Error` text as ordinary text.
 * @example
 * goURLParseByteString("https://reg.io:5000/a").ok; // true
 */
export function goURLParseByteString(raw: string): GoURLParseResult {
  const hash = raw.indexOf("#");
  const u = hash < 0 ? raw : raw.slice(0, hash);
  const parsed = parseNoFragment(u);
  if (parsed instanceof UnescapeFailure) {
    return { ok: false, error: fromByteString(`parse ${goQuoteByteString(u)}: ${parsed.text}`) };
  }
  if (hash >= 0 && hash < raw.length - 1) {
    const frag = goUnescape(raw.slice(hash + 1), MODE_FRAGMENT);
    if (frag instanceof UnescapeFailure) {
      return { ok: false, error: fromByteString(`parse ${goQuoteByteString(raw)}: ${frag.text}`) };
    }
    parsed.fragment = frag;
  }
  return { ok: true, url: parsed };
}

/**
 * Go's `url.Parse(raw)`: the parsed URL with decoded text fields, or Go's error text, e.g.
 * `parse "https://reg .io": invalid character " " in host name`.
 * @example
 * goURLParse("https://u@reg.io:5000/v2/x?q#f");
 * // { ok: true, url: { scheme: "https", host: "reg.io:5000", path: "/v2/x", rawQuery: "q", … } }
 * goURLParse("https://a[b]").ok; // false — "parse \"https://a[b]\": invalid IP-literal"
 */
export function goURLParse(raw: string): GoURLParseResult {
  const result = goURLParseByteString(toByteString(raw));
  if (!result.ok) return result;
  const u = result.url;
  return {
    ok: true,
    url: {
      scheme: u.scheme,
      opaque: fromByteString(u.opaque),
      hasUserinfo: u.hasUserinfo,
      host: fromByteString(u.host),
      path: fromByteString(u.path),
      forceQuery: u.forceQuery,
      rawQuery: fromByteString(u.rawQuery),
      fragment: fromByteString(u.fragment),
    },
  };
}

/**
 * Result of {@link goSplitHostPort}: host and port, or Go's `net.AddrError` text.
 * @example
 * const r: GoSplitHostPortResult = goSplitHostPort("reg.io:5000"); // { ok: true, host: "reg.io", port: "5000" }
 */
export type GoSplitHostPortResult =
  | { readonly ok: true; readonly host: string; readonly port: string }
  | { readonly ok: false; readonly error: string };

function addrErr(hostport: string, why: string): GoSplitHostPortResult {
  return { ok: false, error: `address ${hostport}: ${why}` };
}

/**
 * Go's `net.SplitHostPort`: splits `host:port`, `[ipv6]:port`; fails (with Go's `AddrError`
 * text) on a missing port, too many colons, or stray brackets. Works on text or byte strings
 * alike (only ASCII delimiters are inspected).
 * @example
 * goSplitHostPort("reg.io:5000"); // { ok: true, host: "reg.io", port: "5000" }
 * goSplitHostPort("[::1]");       // { ok: false, error: "address [::1]: missing port in address" }
 */
export function goSplitHostPort(hostport: string): GoSplitHostPortResult {
  const missingPort = "missing port in address";
  const tooManyColons = "too many colons in address";
  const i = hostport.lastIndexOf(":");
  if (i < 0) return addrErr(hostport, missingPort);
  let host: string;
  let j = 0;
  let k = 0;
  if (hostport.charCodeAt(0) === 0x5b) {
    const end = hostport.indexOf("]");
    if (end < 0) return addrErr(hostport, "missing ']' in address");
    if (end + 1 === hostport.length) return addrErr(hostport, missingPort);
    if (end + 1 !== i) {
      if (hostport.charCodeAt(end + 1) === 0x3a) return addrErr(hostport, tooManyColons);
      return addrErr(hostport, missingPort);
    }
    host = hostport.slice(1, end);
    j = 1;
    k = end + 1;
  } else {
    host = hostport.slice(0, i);
    if (host.includes(":")) return addrErr(hostport, tooManyColons);
  }
  if (hostport.indexOf("[", j) >= 0) return addrErr(hostport, "unexpected '[' in address");
  if (hostport.indexOf("]", k) >= 0) return addrErr(hostport, "unexpected ']' in address");
  return { ok: true, host, port: hostport.slice(i + 1) };
}
