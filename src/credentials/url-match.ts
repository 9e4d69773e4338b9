/**
 * Kubernetes' `URLsMatchStr(glob, target)` (pkg/credentialprovider/keyring.go): whether a docker
 * config key (a host glob with optional port and path) applies to an image name.
 *
 * Both strings are parsed as `"https://" + s` with Go's `url.Parse`, so `?` starts a query and
 * `#` a fragment, `user@` is dropped, and anything Go rejects is an error (then: no match). The
 * port (after `net.SplitHostPort`; none when that fails) must be string-equal, the host must
 * have the same number of dot-separated labels, the target path must start with the glob path
 * (a plain string prefix), and every label must match with Go's `filepath.Match`.
 * @module
 */

import { goPathMatchByteStrings, toByteString } from "../internal/go-path-match.js";
import { goSplitHostPort, goURLParseByteString } from "../internal/go-url.js";

/**
 * A schemeless registry URL split the way URLsMatch reads it (all byte strings).
 * @example
 * const r = splitSchemelessURL("reg.io:5000/ns");
 * if (r.ok) r.url.labels; // ["reg", "io"]
 */
export interface SplitRegistryURL {
  /** Host labels (split on `.`, port removed when SplitHostPort succeeds). */
  readonly labels: readonly string[];
  /** The port, `""` when SplitHostPort fails (no port, or an IPv6 literal without one). */
  readonly port: string;
  /** The decoded URL path. */
  readonly path: string;
  /** The decoded host with port, as Go's `url.Host`. */
  readonly host: string;
}

/**
 * Result of parsing: the split URL or Go's `url.Parse` error text.
 * @example
 * const r: SplitRegistryURLResult = splitSchemelessURL("a b"); // { ok: false, error: … }
 */
export type SplitRegistryURLResult =
  | { readonly ok: true; readonly url: SplitRegistryURL }
  | { readonly ok: false; readonly error: string };

/**
 * Go's `ParseSchemelessURL` followed by `SplitURL`, on a byte string.
 * @example
 * splitSchemelessURL("reg.io:5000/ns"); // { ok: true, url: { labels: ["reg","io"], port: "5000", path: "/ns", … } }
 */
export function splitSchemelessURL(byteString: string): SplitRegistryURLResult {
  const parsed = goURLParseByteString(`https://${byteString}`);
  if (!parsed.ok) return parsed;
  const host = parsed.url.host;
  const split = goSplitHostPort(host);
  const hostname = split.ok ? split.host : host;
  const port = split.ok ? split.port : "";
  return { ok: true, url: { labels: hostname.split("."), port, path: parsed.url.path, host } };
}

/**
 * The answer of {@link urlsMatchDetailed}: Go's `(bool, error)`, error text `""` when none.
 * @example
 * const r: URLsMatchResult = urlsMatchDetailed("*.io", "gcr.io/x"); // { matched: true, error: "" }
 */
export interface URLsMatchResult {
  /** Whether the glob applies to the target. */
  readonly matched: boolean;
  /** Go's error text (`url.Parse` or `filepath.Match`), `""` when there was no error. */
  readonly error: string;
}

/**
 * Go's `URLsMatch` on two split URLs (byte strings): `""` error, or the pattern error text.
 * @example
 * const g = splitSchemelessURL("*.io"), t = splitSchemelessURL("gcr.io/x");
 * if (g.ok && t.ok) matchSplitURLs(g.url, t.url); // { matched: true, error: "" }
 */
export function matchSplitURLs(glob: SplitRegistryURL, target: SplitRegistryURL): URLsMatchResult {
  if (glob.port !== target.port) return NO_MATCH;
  if (glob.labels.length !== target.labels.length) return NO_MATCH;
  if (!target.path.startsWith(glob.path)) return NO_MATCH;
  for (let i = 0; i < glob.labels.length; i++) {
    const r = goPathMatchByteStrings(glob.labels[i] as string, target.labels[i] as string);
    if (r.error !== null) return { matched: false, error: r.error };
    if (!r.matched) return NO_MATCH;
  }
  return MATCH;
}

const MATCH: URLsMatchResult = /* @__PURE__ */ Object.freeze({ matched: true, error: "" });
const NO_MATCH: URLsMatchResult = /* @__PURE__ */ Object.freeze({ matched: false, error: "" });

/**
 * Kubernetes' `URLsMatchStr(glob, target)` with its error: `{matched, error}` where `error` is
 * Go's text (`parse "https://reg .io": invalid character " " in host name`,
 * `syntax error in pattern`) or `""`.
 * @example
 * urlsMatchDetailed("*.kubernetes.io", "prefix.kubernetes.io"); // { matched: true, error: "" }
 * urlsMatchDetailed("a[", "a");  // { matched: false, error: 'parse "https://a[": invalid IP-literal' }
 */
export function urlsMatchDetailed(glob: string, target: string): URLsMatchResult {
  if (typeof glob !== "string" || typeof target !== "string") {
    throw new TypeError("urlsMatchDetailed(glob, target): both arguments must be strings");
  }
  const g = splitSchemelessURL(toByteString(glob));
  if (!g.ok) return { matched: false, error: g.error };
  const t = splitSchemelessURL(toByteString(target));
  if (!t.ok) return { matched: false, error: t.error };
  return matchSplitURLs(g.url, t.url);
}

/**
 * Kubernetes' `URLsMatchStr(glob, target)`: whether the docker config key `glob` applies to the
 * image name `target` (an error counts as no match, as in the kubelet's Lookup).
 * @example
 * urlsMatch("*.kubernetes.io", "prefix.kubernetes.io"); // true
 * urlsMatch("registry.io/ns", "registry.io/nsfoo/img"); // true (plain string prefix)
 * urlsMatch("registry.io:443", "registry.io/x");        // false (ports compared as strings)
 * urlsMatch("r?g.io", "reg.io/x");                      // false ('?' starts a URL query)
 */
export function urlsMatch(glob: string, target: string): boolean {
  if (typeof glob !== "string" || typeof target !== "string") {
    throw new TypeError("urlsMatch(glob, target): both arguments must be strings");
  }
  return urlsMatchDetailed(glob, target).matched;
}
