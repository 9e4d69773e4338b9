/**
 * A credential plugin's answer (`CredentialProviderResponse`, §5.2–§5.3): decoded and checked as
 * the kubelet does (pkg/credentialprovider/plugin/plugin.go), turned into a keyring, and its
 * cache keys computed exactly: the base (`Image` → the image, `Registry` → the part before the
 * first `/`, `Global` → `global`), combined with the service-account key as
 * length-prefixed fields (Go's cryptobyte: uint16 length + bytes; annotations as a uint32 count
 * then sorted key/value pairs), and whether/how long the entry is cached (`cacheDuration` 0 → not
 * cached; absent → `defaultCacheDuration`, 0 → not cached).
 *
 * Keys are byte strings (one unit per byte), as Go strings are; `keyHex` shows them printably.
 * @module
 */

import * as z from "zod/mini";
import { parseGoDuration } from "../internal/go-duration.js";
import { toByteString } from "../internal/go-path-match.js";
import { goQuoteText } from "../internal/go-url.js";
import { lazy } from "../internal/lazy.js";
import { sha256Hex } from "../internal/sha256.js";
import { type CredentialSource, redactingPrototype, withHiddenPassword } from "./credential.js";
import { dockerConfigFromEntries } from "./docker-config.js";
import { CredentialError, CredentialErrorCode } from "./errors.js";
import { fromJavaScriptValue, type GoJSONValue, parseGoJSONBytes } from "./go-json.js";
import { createKeyring, type Keyring } from "./keyring.js";
import type { CredentialProvider } from "./provider-config.js";

/**
 * The three cache key types a plugin may return.
 * @example
 * response.cacheKeyType === PluginCacheKeyType.Registry;
 */
export const PluginCacheKeyType = {
  Image: "Image",
  Registry: "Registry",
  Global: "Global",
} as const;

/**
 * A decoded CredentialProviderResponse. Passwords inside `auth` never print.
 * @example
 * const r: CredentialProviderResponse = parseCredentialProviderResponse(stdout, provider.apiVersion);
 */
export interface CredentialProviderResponse {
  readonly apiVersion: string;
  /** As returned; {@link providerCacheEntry} rejects values other than Image/Registry/Global. */
  readonly cacheKeyType: string;
  /** Explicit `cacheDuration` in nanoseconds, absent when the plugin gave none. */
  readonly cacheDuration?: bigint;
  /** matchKey → credentials, in document order. */
  readonly auth: readonly (readonly [
    string,
    { readonly username: string; readonly password: string },
  ])[];
}

const GLOBAL_CACHE_KEY = "global";

// Built on first use so that importing pullpolicy builds no schema (see internal/lazy.ts).
const responseSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    apiVersion: z.string(),
    kind: z.literal("CredentialProviderResponse"),
    cacheKeyType: z.optional(z.string()),
    cacheDuration: z.optional(z.nullable(z.string())),
    auth: z.optional(z.nullable(z.unknown())),
  }),
);

function responseError(message: string): CredentialError {
  return new CredentialError(CredentialErrorCode.InvalidProviderResponse, message);
}

/** The kubelet hides decode details: they may contain credentials. */
const DECODE_ERROR = "error decoding credential provider plugin response from stdout";

/**
 * Decodes a plugin's stdout (JSON text or a parsed object) as the kubelet does for a provider
 * speaking `expectedApiVersion`: a different apiVersion is refused with the kubelet's message;
 * any other decoding problem gives the kubelet's deliberately vague
 * `error decoding credential provider plugin response from stdout`.
 * @example
 * const r = parseCredentialProviderResponse('{"apiVersion":"credentialprovider.kubelet.k8s.io/v1",' +
 *   '"kind":"CredentialProviderResponse","cacheKeyType":"Registry","cacheDuration":"6h",' +
 *   '"auth":{"*.registry.io":{"username":"u","password":"p"}}}',
 *   "credentialprovider.kubelet.k8s.io/v1");
 * r.cacheKeyType; // "Registry"
 */
export function parseCredentialProviderResponse(
  content: string | unknown,
  expectedApiVersion: string,
): CredentialProviderResponse {
  let tree: GoJSONValue | null;
  if (typeof content === "string") {
    const parsed = parseGoJSONBytes(toByteString(content));
    if (!parsed.ok) throw responseError(`error reading GVK from response: ${parsed.error}`);
    tree = parsed.value;
  } else tree = fromJavaScriptValue(content);
  if (tree === null || tree.kind !== "object") throw responseError(DECODE_ERROR);
  let apiVersion = "";
  for (const [k, v] of tree.entries)
    if (k === "apiVersion" && v.kind === "string") apiVersion = v.value;
  if (apiVersion !== expectedApiVersion) {
    throw responseError(
      `apiVersion from credential plugin response did not match expected apiVersion:${expectedApiVersion}, actual apiVersion:${apiVersion}`,
    );
  }
  const plain: Record<string, unknown> = Object.create(null);
  let authTree: GoJSONValue | undefined;
  for (const [k, v] of tree.entries) {
    if (k === "auth") authTree = v;
    else plain[k] = v.kind === "string" ? v.value : v.kind === "null" ? null : v.kind;
  }
  const shaped = z.safeParse(responseSchema(), { ...plain });
  if (!shaped.success) throw responseError(DECODE_ERROR);
  let cacheDuration: bigint | undefined;
  if (shaped.data.cacheDuration !== undefined && shaped.data.cacheDuration !== null) {
    const d = parseGoDuration(shaped.data.cacheDuration);
    if (!d.ok) throw responseError(DECODE_ERROR);
    cacheDuration = d.nanoseconds;
  }
  const auth: [string, { username: string; password: string }][] = [];
  if (authTree !== undefined && authTree.kind !== "null") {
    if (authTree.kind !== "object") throw responseError(DECODE_ERROR);
    for (const [key, entry] of authTree.entries) {
      if (entry.kind !== "object") throw responseError(DECODE_ERROR);
      let username = "";
      let password = "";
      for (const [f, v] of entry.entries) {
        if (v.kind !== "string" && v.kind !== "null") throw responseError(DECODE_ERROR);
        if (v.kind === "string" && f === "username") username = v.value;
        if (v.kind === "string" && f === "password") password = v.value;
      }
      const at = auth.findIndex(([k]) => k === key);
      const value = hidePassword({ username }, password);
      if (at >= 0) auth[at] = [key, value];
      else auth.push([key, value]);
    }
  }
  return {
    apiVersion,
    cacheKeyType: shaped.data.cacheKeyType ?? "",
    ...(cacheDuration === undefined ? {} : { cacheDuration }),
    auth,
  };
}

const authProto = /* @__PURE__ */ lazy(() => redactingPrototype("AuthConfig"));

function hidePassword(
  fields: { username: string },
  password: string,
): { username: string; password: string } {
  return withHiddenPassword(authProto(), fields, password);
}

/**
 * Service-account mode inputs (what the kubelet knows about the pod's service account).
 * @example
 * serviceAccountCacheKey({ namespace: "ns", name: "sa", uid: "u", annotations: {}, token: "t",
 *   cacheType: "Token" } satisfies ProviderServiceAccount);
 */
export interface ProviderServiceAccount {
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  /** The required/optional annotations that were found on the service account. */
  readonly annotations: Readonly<Record<string, string>>;
  /** The bound token handed to the plugin (only its hash enters a `Token` cache key). */
  readonly token: string;
  /** `tokenAttributes.cacheType` of the provider. */
  readonly cacheType: string;
}

/** Go's cryptobyte uint16-length-prefixed field. */
function lengthPrefixed(bytes: string): string {
  if (bytes.length > 0xffff) {
    throw responseError("cryptobyte: pending child length exceeds 2-byte length prefix");
  }
  return String.fromCharCode(bytes.length >> 8, bytes.length & 0xff) + bytes;
}

function uint32(n: number): string {
  return String.fromCharCode((n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
}

/**
 * The service-account part of a plugin cache key (`generateServiceAccountCacheKey`): namespace,
 * name, UID, the annotations (count, then sorted pairs) and, for cacheType `Token`, `"token"`
 * and `sha256:<hex>` of the token. A byte string.
 * @example
 * serviceAccountCacheKey({ namespace: "ns", name: "sa", uid: "u", annotations: {}, token: "t",
 *   cacheType: "ServiceAccount" }).length; // 2+2 + 2+2 + 2+1 + 4 = 15
 */
export function serviceAccountCacheKey(sa: ProviderServiceAccount): string {
  const keys = Object.keys(sa.annotations)
    .map(toByteString)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let out =
    lengthPrefixed(toByteString(sa.namespace)) +
    lengthPrefixed(toByteString(sa.name)) +
    lengthPrefixed(toByteString(sa.uid)) +
    uint32(keys.length);
  const byBytes = new Map(
    Object.keys(sa.annotations).map((k) => [toByteString(k), sa.annotations[k] ?? ""]),
  );
  for (const k of keys)
    out += lengthPrefixed(k) + lengthPrefixed(toByteString(byBytes.get(k) ?? ""));
  if (sa.cacheType === "Token") {
    out +=
      lengthPrefixed("token") +
      lengthPrefixed(sa.token === "" ? "" : `sha256:${sha256Hex(sa.token)}`);
  }
  return out;
}

/**
 * Go's `generateCacheKey(base, serviceAccountKey)`: both length-prefixed. A byte string.
 * @example
 * pluginCacheKey("global", "") === "\u0000\u0006global\u0000\u0000"; // true
 */
export function pluginCacheKey(base: string, serviceAccountKey = ""): string {
  return lengthPrefixed(toByteString(base)) + lengthPrefixed(serviceAccountKey);
}

/**
 * The keys the kubelet tries, in order, before running the plugin for `image`: image, then
 * registry (before the first `/`), then global — each combined with the service-account key.
 * @example
 * pluginCacheLookupKeys("registry.io:5000/org/app").map(hexOfByteString);
 */
export function pluginCacheLookupKeys(image: string, serviceAccountKey = ""): string[] {
  const registry = image.split("/")[0] ?? "";
  return [image, registry, GLOBAL_CACHE_KEY].map((base) => pluginCacheKey(base, serviceAccountKey));
}

/**
 * Printable hex of a byte string (for showing cache keys).
 * @example
 * hexOfByteString("\u0000\u0006global"); // "0006676c6f62616c"
 */
export function hexOfByteString(bytes: string): string {
  let out = "";
  for (let i = 0; i < bytes.length; i++) out += bytes.charCodeAt(i).toString(16).padStart(2, "0");
  return out;
}

/**
 * What the kubelet does with one plugin response for one image.
 * @example
 * const d: ProviderCacheDecision = providerCacheEntry(response, { image, defaultCacheDuration: 0n });
 */
export type ProviderCacheDecision =
  | {
      readonly accepted: true;
      /** `image`, `registry` or `global`: the base of the cache key. */
      readonly cacheKeyBase: string;
      /** The full key (byte string) and its hex, or null when the response is not cached. */
      readonly cacheKey: string | null;
      readonly cacheKeyHex: string | null;
      /** Time to live in nanoseconds, or null when not cached. */
      readonly ttl: bigint | null;
    }
  | { readonly accepted: false; readonly reason: string };

/**
 * The kubelet's handling of a decoded response for `image`: the §5.2 service-account token
 * echo check, the cacheKeyType check, and the cache key and lifetime (§5.3). Returns data.
 * @example
 * providerCacheEntry(response, { image: "registry.io/app", defaultCacheDuration: 0n });
 * // { accepted: true, cacheKeyBase: "registry.io", cacheKey: null, cacheKeyHex: null, ttl: null }
 */
export function providerCacheEntry(
  response: CredentialProviderResponse,
  context: {
    readonly image: string;
    readonly defaultCacheDuration: bigint;
    readonly serviceAccount?: ProviderServiceAccount;
  },
): ProviderCacheDecision {
  const sa = context.serviceAccount;
  if (sa !== undefined && sa.token !== "" && sa.cacheType !== "Token") {
    for (const [, entry] of response.auth) {
      if (entry.password === sa.token) {
        return {
          accepted: false,
          reason: `Credential provider plugin returned the service account token as the password for image ${goQuoteText(context.image)}, which is not allowed when service account cache type is not set to 'Token'`,
        };
      }
    }
  }
  let base: string;
  switch (response.cacheKeyType) {
    case PluginCacheKeyType.Image:
      base = context.image;
      break;
    case PluginCacheKeyType.Registry:
      base = context.image.split("/")[0] ?? "";
      break;
    case PluginCacheKeyType.Global:
      base = GLOBAL_CACHE_KEY;
      break;
    default:
      return {
        accepted: false,
        reason: `credential provider plugin did not return a valid cacheKeyType: ${goQuoteText(response.cacheKeyType)}`,
      };
  }
  const ttl = response.cacheDuration ?? context.defaultCacheDuration;
  if (ttl === 0n)
    return { accepted: true, cacheKeyBase: base, cacheKey: null, cacheKeyHex: null, ttl: null };
  const key = pluginCacheKey(base, sa === undefined ? "" : serviceAccountCacheKey(sa));
  return {
    accepted: true,
    cacheKeyBase: base,
    cacheKey: key,
    cacheKeyHex: hexOfByteString(key),
    ttl,
  };
}

/**
 * The keyring a plugin's answer contributes: its `auth` map added like a docker config (§4.4),
 * so its keys must match the image too; credentials are tagged with the provider.
 * @example
 * keyringFromProviderResponse(response, provider).lookup("registry.io/app");
 */
export function keyringFromProviderResponse(
  response: CredentialProviderResponse,
  provider: Pick<CredentialProvider, "name">,
  serviceAccount?: { readonly namespace: string; readonly name: string },
): Keyring {
  const source: CredentialSource =
    serviceAccount === undefined
      ? { kind: "plugin", provider: provider.name }
      : { kind: "plugin", provider: provider.name, serviceAccount };
  return createKeyring(
    dockerConfigFromEntries(
      response.auth.map(([k, v]) => [k, { username: v.username, password: v.password }] as const),
      source,
    ),
  );
}
