/**
 * The kubelet's credential keyring (`BasicDockerKeyring` and `UnionDockerKeyring` in
 * pkg/credentialprovider/keyring.go), with the same keys, the same order and the same Docker Hub
 * fallback, and a lookup that stays fast with many keys.
 *
 * Add (§4.4): each config key gets `https://` unless it starts with `http://` or `https://`, is
 * parsed with Go's `url.Parse` (a failure skips the entry; `skipped` keeps Go's error text), and
 * becomes `host + path` with a leading `/v1/` or `/v2/` cut to `/`, or just `host` when the path
 * is empty or `/`. Keys are de-duplicated and sorted in reverse byte order.
 *
 * Lookup (§4.5): every key that URL-matches the image contributes all its credentials, in index
 * order; when none does and the image is a Docker Hub image, the credentials of an exact
 * `index.docker.io` key are returned.
 *
 * Speed: each key is parsed once at creation and filed by (port, label count) under an exact
 * host and path, or a glob under the rarest of: one literal label, or the literal prefix or
 * suffix of one label pattern (`ab*`, `*-12`); only globs with none of these (`*`, `?x*`) are
 * tried on every lookup. A lookup parses the image once and only checks the few keys that can
 * match (for exact hosts: the keys whose path is a prefix of the image path; for affixes: the
 * keys filed under a prefix or suffix of the image's label), then restores the index order.
 * Go's map iteration order within one config is random; we add entries in document order.
 * @module
 */

import { fromByteString, toByteString } from "../internal/go-path-match.js";
import { goURLParseByteString } from "../internal/go-url.js";
import { type Credential, type CredentialSource, createCredential } from "./credential.js";
import { isDefaultRegistryMatch } from "./default-registry.js";
import type { DockerConfig } from "./docker-config.js";
import { matchSplitURLs, type SplitRegistryURL, splitSchemelessURL } from "./url-match.js";

/**
 * A config entry that Add ignored, with Go's `url.Parse` error text.
 * @example
 * for (const s of keyring.skipped) console.log(`${s.entry}: ${s.error}`);
 */
export interface SkippedKeyringEntry {
  /** The registry key as written in the config. */
  readonly entry: string;
  /** Go's error, e.g. `parse "https://%zz": invalid URL escape "%zz"`. */
  readonly error: string;
  /** The config it came from. */
  readonly source: CredentialSource;
}

/**
 * A credential keyring (Go: DockerKeyring).
 * @example
 * const keyring: Keyring = createKeyring(parseDockerConfig(text));
 * keyring.lookup("quay.io/org/app"); // credentials in the kubelet's order
 */
export interface Keyring {
  /**
   * The credentials the kubelet would try for `image` (a normalised name such as
   * `docker.io/library/nginx`), in order. Empty when none applies.
   */
  lookup(image: string): readonly Credential[];
  /** The normalised keys in lookup order (for a union: each member's index in turn). */
  readonly index: readonly string[];
  /** Config entries that Add skipped, and why. */
  readonly skipped: readonly SkippedKeyringEntry[];
}

interface KeyEntry {
  readonly keyBytes: string;
  readonly credentials: Credential[];
  /** Position in the reverse-sorted index. */
  rank: number;
  /** The key re-parsed as Lookup parses it; null when that parse fails (it never matches). */
  split: SplitRegistryURL | null;
}

/**
 * Keys filed under a literal text that the target must start (or end) with: the target tries
 * only its own prefixes (suffixes) of the lengths present, so a probe costs a few map lookups.
 */
interface AffixIndex {
  readonly byText: Map<string, KeyEntry[]>;
  /** Distinct text lengths, ascending; a target only tries slices of these lengths. */
  readonly lengths: number[];
}

/** Where a glob key is filed: one label position and what the target label must be there. */
interface Filing {
  readonly position: number;
  /** `label`: equal to `text`; `prefix` / `suffix`: starts / ends with `text`. */
  readonly kind: "label" | "prefix" | "suffix";
  readonly text: string;
  /** The same filing keyring-wide (with port and label count): how keys sharing it are counted. */
  readonly slot: string;
}

interface Bucket {
  /** Literal hosts (no glob metacharacter in any label): host → keys by path prefix. */
  readonly exact: Map<string, AffixIndex>;
  readonly byLabel: Map<string, KeyEntry[]>;
  /** Label position → glob keys filed by a literal prefix of that label's pattern (`ab*`). */
  readonly prefixes: Map<number, AffixIndex>;
  /** Label position → glob keys filed by a literal suffix of that label's pattern (`*-12`). */
  readonly suffixes: Map<number, AffixIndex>;
  /** Globs with no literal label, prefix or suffix (`*`, `?x*`): tried on every lookup. */
  readonly wild: KeyEntry[];
}

const DEFAULT_REGISTRY_HOST = "index.docker.io";

function isLiteralLabel(label: string): boolean {
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    // '*', '?', '[' and '\' are the only bytes with a meaning in filepath.Match.
    if (c === 0x2a || c === 0x3f || c === 0x5b || c === 0x5c) return false;
  }
  return true;
}

/**
 * Whether an affix scan must stop at this byte: the metacharacters, plus ']' so that a suffix
 * never reaches back into a class. The affix is then plain bytes that filepath.Match compares
 * one for one (a '\' escape ends it too: simpler than decoding escapes, and still sound).
 * Through url.Parse only '*' and an IPv6 literal's brackets reach a label; this does not rely
 * on it.
 */
function endsAffix(c: number): boolean {
  return c === 0x2a || c === 0x3f || c === 0x5b || c === 0x5d || c === 0x5c;
}

/**
 * The literal bytes every name that Go's `filepath.Match(pattern, name)` accepts must start
 * with (the pattern up to its first metacharacter: the first chunk is anchored at the start)
 * and end with (after its last one: the last chunk must reach the end of the name), on byte
 * strings; `""` when there is none. A malformed pattern matches nothing, so its affixes are
 * harmless. Used by the keyring index; exported for its tests.
 * @example
 * globLabelAffixes("*-12");  // { prefix: "", suffix: "-12" }
 * globLabelAffixes("ab*c?"); // { prefix: "ab", suffix: "" }
 */
export function globLabelAffixes(pattern: string): {
  readonly prefix: string;
  readonly suffix: string;
} {
  let start = 0;
  while (start < pattern.length && !endsAffix(pattern.charCodeAt(start))) start++;
  let end = pattern.length;
  while (end > 0 && !endsAffix(pattern.charCodeAt(end - 1))) end--;
  return { prefix: pattern.slice(0, start), suffix: pattern.slice(end) };
}

/** Every way a glob key could be filed: its literal labels and its labels' literal affixes. */
function filingsOf({ labels, port }: SplitRegistryURL): Filing[] {
  const out: Filing[] = [];
  const add = (position: number, kind: Filing["kind"], text: string): void => {
    const slot = `${port}\u0000${labels.length}\u0000${position}\u0000${kind}\u0000${text}`;
    out.push({ position, kind, text, slot });
  };
  labels.forEach((label, position) => {
    if (isLiteralLabel(label)) {
      add(position, "label", label);
      return;
    }
    const { prefix, suffix } = globLabelAffixes(label);
    if (prefix.length > 0) add(position, "prefix", prefix);
    if (suffix.length > 0) add(position, "suffix", suffix);
  });
  return out;
}

function pushTo(map: Map<string, KeyEntry[]>, key: string, entry: KeyEntry): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [entry]);
  else list.push(entry);
}

function addToAffixIndex(index: AffixIndex, text: string, entry: KeyEntry): void {
  if (!index.lengths.includes(text.length)) {
    index.lengths.push(text.length);
    index.lengths.sort((a, b) => a - b);
  }
  pushTo(index.byText, text, entry);
}

function affixIndexAt<K>(map: Map<K, AffixIndex>, key: K): AffixIndex {
  let index = map.get(key);
  if (index === undefined) {
    index = { byText: new Map(), lengths: [] };
    map.set(key, index);
  }
  return index;
}

/** Calls `visit` with every key list filed under a prefix (or suffix) of `text`. */
function probeAffixes(
  index: AffixIndex,
  text: string,
  fromEnd: boolean,
  visit: (list: readonly KeyEntry[]) => void,
): void {
  for (const len of index.lengths) {
    if (len > text.length) break;
    const part =
      len === text.length ? text : fromEnd ? text.slice(text.length - len) : text.slice(0, len);
    const list = index.byText.get(part);
    if (list !== undefined) visit(list);
  }
}

/** Go's Add key normalisation on one config key: the key byte string or the error text. */
function normaliseKey(registry: string): { readonly key: string } | { readonly error: string } {
  let value = toByteString(registry);
  if (!value.startsWith("https://") && !value.startsWith("http://")) value = `https://${value}`;
  const parsed = goURLParseByteString(value);
  if (!parsed.ok) return { error: parsed.error };
  let path = parsed.url.path;
  if (path.startsWith("/v2/") || path.startsWith("/v1/")) path = path.slice(3);
  return { key: path.length > 0 && path !== "/" ? parsed.url.host + path : parsed.url.host };
}

/**
 * The keyring key the kubelet files a docker config key under (§4.4), or Go's parse error.
 * @example
 * normalizeKeyringKey("https://index.docker.io/v1/"); // { ok: true, key: "index.docker.io" }
 * normalizeKeyringKey("http://quay.io/v2/foo");       // { ok: true, key: "quay.io/foo" }
 * normalizeKeyringKey("registry.io:abc");             // { ok: false, error: 'parse "https://registry.io:abc": invalid port ":abc" after host' }
 */
export function normalizeKeyringKey(
  registry: string,
): { readonly ok: true; readonly key: string } | { readonly ok: false; readonly error: string } {
  const r = normaliseKey(registry);
  return "key" in r ? { ok: true, key: fromByteString(r.key) } : { ok: false, error: r.error };
}

class BasicKeyring implements Keyring {
  readonly index: readonly string[];
  readonly skipped: readonly SkippedKeyringEntry[];
  private readonly byKey: Map<string, KeyEntry>;
  private readonly buckets = new Map<string, Bucket>();

  constructor(configs: readonly DockerConfig[]) {
    const byKey = new Map<string, KeyEntry>();
    const skipped: SkippedKeyringEntry[] = [];
    for (const config of configs) {
      for (const entry of config.entries) {
        const normal = normaliseKey(entry.registry);
        if ("error" in normal) {
          skipped.push({ entry: entry.registry, error: normal.error, source: config.source });
          continue;
        }
        let slot = byKey.get(normal.key);
        if (slot === undefined) {
          slot = { keyBytes: normal.key, credentials: [], rank: 0, split: null };
          byKey.set(normal.key, slot);
        }
        slot.credentials.push(
          createCredential({
            key: fromByteString(normal.key),
            username: entry.username,
            password: entry.password,
            email: entry.email,
            source: config.source,
          }),
        );
      }
    }
    // Byte strings compare like Go strings; the kubelet walks the index in reverse order.
    const sorted = [...byKey.values()].sort((a, b) =>
      a.keyBytes < b.keyBytes ? 1 : a.keyBytes > b.keyBytes ? -1 : 0,
    );
    sorted.forEach((e, i) => {
      e.rank = i;
      const parsed = splitSchemelessURL(e.keyBytes);
      if (parsed.ok) e.split = parsed.url;
    });
    // A glob key is filed under its rarest literal label or label affix, so that e.g. 10,000
    // keys `*.tenant-N.example.com` (or `*.*-N.*.*`) spread over 10,000 slots instead of
    // sharing "com" (or being tried one by one on every lookup).
    const filings: Filing[][] = [];
    const slotCounts = new Map<string, number>();
    for (const e of sorted) {
      if (e.split === null || e.split.labels.every(isLiteralLabel)) continue;
      const options = filingsOf(e.split);
      filings[e.rank] = options;
      for (const f of options) slotCounts.set(f.slot, (slotCounts.get(f.slot) ?? 0) + 1);
    }
    for (const e of sorted) this.file(e, filings[e.rank] ?? [], slotCounts);
    this.byKey = byKey;
    this.index = Object.freeze(sorted.map((e) => fromByteString(e.keyBytes)));
    this.skipped = Object.freeze(skipped);
  }

  /** Files a key parsed once (as Lookup's URLsMatchStr would parse it each time). */
  private file(
    e: KeyEntry,
    options: readonly Filing[],
    slotCounts: ReadonlyMap<string, number>,
  ): void {
    const split = e.split;
    if (split === null) return;
    const { labels, port } = split;
    const bucketKey = `${port}\u0000${labels.length}`;
    let bucket = this.buckets.get(bucketKey);
    if (bucket === undefined) {
      bucket = {
        exact: new Map(),
        byLabel: new Map(),
        prefixes: new Map(),
        suffixes: new Map(),
        wild: [],
      };
      this.buckets.set(bucketKey, bucket);
    }
    if (labels.every(isLiteralLabel)) {
      addToAffixIndex(affixIndexAt(bucket.exact, labels.join(".")), split.path, e);
      return;
    }
    let best: Filing | undefined;
    let bestCount = Number.POSITIVE_INFINITY;
    for (const f of options) {
      const count = slotCounts.get(f.slot) ?? 0;
      // On a tie a literal label wins: one map lookup instead of one per affix length.
      if (
        count < bestCount ||
        (count === bestCount && f.kind === "label" && best?.kind !== "label")
      ) {
        best = f;
        bestCount = count;
      }
    }
    if (best === undefined) bucket.wild.push(e);
    else if (best.kind === "label") pushTo(bucket.byLabel, `${best.position}\u0000${best.text}`, e);
    else {
      const byPosition = best.kind === "prefix" ? bucket.prefixes : bucket.suffixes;
      addToAffixIndex(affixIndexAt(byPosition, best.position), best.text, e);
    }
  }

  lookup(image: string): readonly Credential[] {
    if (typeof image !== "string") {
      throw new TypeError("Keyring.lookup(image): image must be a string");
    }
    const target = splitSchemelessURL(toByteString(image));
    if (target.ok) {
      const matched = this.matching(target.url);
      if (matched.length > 0) {
        if (matched.length === 1) return (matched[0] as KeyEntry).credentials.slice();
        matched.sort((a, b) => a.rank - b.rank);
        return matched.flatMap((e) => e.credentials);
      }
    }
    if (isDefaultRegistryMatch(image)) {
      const hub = this.byKey.get(DEFAULT_REGISTRY_HOST);
      if (hub !== undefined) return hub.credentials.slice();
    }
    return [];
  }

  private matching(target: SplitRegistryURL): KeyEntry[] {
    const out: KeyEntry[] = [];
    const bucket = this.buckets.get(`${target.port}\u0000${target.labels.length}`);
    if (bucket === undefined) return out;
    // The index only narrows the candidates; Go's match on the whole key decides.
    const check = (list: readonly KeyEntry[] | undefined): void => {
      if (list === undefined) return;
      for (const e of list) {
        if (e.split !== null && matchSplitURLs(e.split, target).matched) out.push(e);
      }
    };
    const host = bucket.exact.get(target.labels.join("."));
    if (host !== undefined) {
      // Same port, same literal labels: such a key matches exactly when its path is a prefix of
      // the target's (filepath.Match of a literal label is string equality).
      probeAffixes(host, target.path, false, (list) => {
        for (const e of list) out.push(e);
      });
    }
    if (bucket.byLabel.size > 0) {
      for (let i = 0; i < target.labels.length; i++) {
        check(bucket.byLabel.get(`${i}\u0000${target.labels[i]}`));
      }
    }
    for (const [i, index] of bucket.prefixes) {
      probeAffixes(index, target.labels[i] as string, false, check);
    }
    for (const [i, index] of bucket.suffixes) {
      probeAffixes(index, target.labels[i] as string, true, check);
    }
    check(bucket.wild);
    return out;
  }
}

/**
 * Builds the kubelet's basic keyring from docker configs, adding every entry of each config in
 * order (Go: `BasicDockerKeyring.Add` per config). The keyring is immutable.
 * @example
 * const kr = createKeyring(parseDockerConfig(
 *   '{"auths":{"bar.example.com/pong":{"username":"grace","password":"x"},' +
 *   '"bar.example.com":{"username":"ada","password":"y"}}}'));
 * kr.lookup("bar.example.com/pong/x").map((c) => c.username); // ["grace", "ada"]
 * kr.index;   // ["bar.example.com/pong", "bar.example.com"]
 * kr.skipped; // []
 */
export function createKeyring(...configs: DockerConfig[]): Keyring {
  return new BasicKeyring(configs);
}

/**
 * Go's `UnionDockerKeyring`: the members' credentials one after the other (missing members are
 * skipped). The kubelet's order is pod secrets, then the node's docker config, then plugins.
 * @example
 * const all = unionKeyrings(podSecretsKeyring, nodeConfigKeyring, pluginKeyring);
 * all.lookup("ghcr.io/org/app"); // secrets' credentials first
 */
export function unionKeyrings(...keyrings: readonly (Keyring | null | undefined)[]): Keyring {
  const members = keyrings.filter((k): k is Keyring => k !== null && k !== undefined);
  return {
    lookup(image: string): readonly Credential[] {
      return members.flatMap((k) => k.lookup(image));
    },
    index: Object.freeze(members.flatMap((k) => k.index)),
    skipped: Object.freeze(members.flatMap((k) => k.skipped)),
  };
}
