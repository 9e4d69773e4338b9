import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  CredentialError,
  hexOfByteString,
  keyringFromProviderResponse,
  parseCredentialProviderResponse,
  pluginCacheKey,
  pluginCacheLookupKeys,
  providerCacheEntry,
  serviceAccountCacheKey,
} from "../../src/credentials/index.js";

const V1 = "credentialprovider.kubelet.k8s.io/v1";

function response(extra: Record<string, unknown> = {}) {
  return {
    apiVersion: V1,
    kind: "CredentialProviderResponse",
    cacheKeyType: "Registry",
    auth: { "*.registry.io": { username: "u", password: "p" } },
    ...extra,
  };
}

/** Go's cryptobyte uint16 length prefix, for building expected keys by hand. */
const lp = (s: string) => String.fromCharCode(s.length >> 8, s.length & 255) + s;

describe("parseCredentialProviderResponse", () => {
  it("decodes text or objects; keeps cacheDuration absent when not given", () => {
    const r1 = parseCredentialProviderResponse(
      JSON.stringify(response({ cacheDuration: "1m30s" })),
      V1,
    );
    expect(r1.cacheDuration).toBe(90_000_000_000n);
    expect(r1.auth.map(([k, v]) => [k, v.username, v.password])).toEqual([
      ["*.registry.io", "u", "p"],
    ]);
    const r2 = parseCredentialProviderResponse(response(), V1);
    expect("cacheDuration" in r2).toBe(false);
  });

  it.each([
    [
      response({ apiVersion: "credentialprovider.kubelet.k8s.io/v1beta1" }),
      "apiVersion from credential plugin response did not match expected apiVersion:credentialprovider.kubelet.k8s.io/v1, actual apiVersion:credentialprovider.kubelet.k8s.io/v1beta1",
    ],
    [response({ kind: "Other" }), "error decoding credential provider plugin response from stdout"],
    [
      response({ cacheDuration: "soon" }),
      "error decoding credential provider plugin response from stdout",
    ],
    [
      response({ auth: { r: { username: 5 } } }),
      "error decoding credential provider plugin response from stdout",
    ],
    [response({ auth: [] }), "error decoding credential provider plugin response from stdout"],
    ["{", "error reading GVK from response: unexpected end of JSON input"],
  ])("refuses %#", (input, message) => {
    expect(() => parseCredentialProviderResponse(input, V1)).toThrow(CredentialError);
    expect(() => parseCredentialProviderResponse(input, V1)).toThrow(message);
  });
});

describe("cache keys: §5.3", () => {
  const image = "registry.io:5000/org/app";

  it.each([
    ["Image", image],
    ["Registry", "registry.io:5000"],
    ["Global", "global"],
  ])("cacheKeyType %s → base %j", (cacheKeyType, base) => {
    const r = parseCredentialProviderResponse(response({ cacheKeyType, cacheDuration: "1h" }), V1);
    const d = providerCacheEntry(r, { image, defaultCacheDuration: 0n });
    expect(d).toEqual({
      accepted: true,
      cacheKeyBase: base,
      cacheKey: lp(base) + lp(""),
      cacheKeyHex: hexOfByteString(lp(base) + lp("")),
      ttl: 3_600_000_000_000n,
    });
  });

  it("an unknown cacheKeyType discards the response", () => {
    const r = parseCredentialProviderResponse(response({ cacheKeyType: "Pod" }), V1);
    expect(providerCacheEntry(r, { image, defaultCacheDuration: 0n })).toEqual({
      accepted: false,
      reason: 'credential provider plugin did not return a valid cacheKeyType: "Pod"',
    });
  });

  it.each([
    ["explicit 0 → not cached", "0s", 600_000_000_000n, null],
    ["absent → default", undefined, 600_000_000_000n, 600_000_000_000n],
    ["absent and default 0 → not cached", undefined, 0n, null],
    ["explicit wins over default", "30s", 600_000_000_000n, 30_000_000_000n],
  ] as const)("cacheDuration: %s", (_, cacheDuration, defaultCacheDuration, ttl) => {
    const r = parseCredentialProviderResponse(
      response(cacheDuration === undefined ? {} : { cacheDuration }),
      V1,
    );
    const d = providerCacheEntry(r, { image, defaultCacheDuration });
    expect(d.accepted && d.ttl).toBe(ttl === null ? null : ttl);
    expect(d.accepted && d.cacheKey === null).toBe(ttl === null);
  });

  it("lookup order: image, registry, global", () => {
    expect(pluginCacheLookupKeys(image)).toEqual([
      lp(image) + lp(""),
      lp("registry.io:5000") + lp(""),
      lp("global") + lp(""),
    ]);
    expect(pluginCacheKey("global", "sa")).toBe(`${lp("global")}${lp("sa")}`);
  });

  it("service-account key: fields, sorted annotations, token hash only for cacheType Token", () => {
    const sa = {
      namespace: "ns",
      name: "builder",
      uid: "uid-1",
      annotations: { "b.io/role": "x", "a.io/team": "y" },
      token: "tok",
      cacheType: "ServiceAccount",
    };
    const base = `${lp("ns")}${lp("builder")}${lp("uid-1")}\u0000\u0000\u0000\u0002${lp("a.io/team")}${lp("y")}${lp("b.io/role")}${lp("x")}`;
    expect(serviceAccountCacheKey(sa)).toBe(base);
    const hash = createHash("sha256").update("tok").digest("hex");
    expect(serviceAccountCacheKey({ ...sa, cacheType: "Token" })).toBe(
      `${base}${lp("token")}${lp(`sha256:${hash}`)}`,
    );
    const r = parseCredentialProviderResponse(
      response({ cacheKeyType: "Image", cacheDuration: "1m" }),
      V1,
    );
    const d = providerCacheEntry(r, { image, defaultCacheDuration: 0n, serviceAccount: sa });
    expect(d.accepted && d.cacheKey).toBe(lp(image) + lp(base));
  });

  it("rejects a response echoing the service-account token unless cacheType is Token (§5.2)", () => {
    const sa = {
      namespace: "ns",
      name: "sa",
      uid: "u",
      annotations: {},
      token: "the-token",
      cacheType: "ServiceAccount",
    };
    const r = parseCredentialProviderResponse(
      response({ auth: { "reg.io": { username: "x", password: "the-token" } } }),
      V1,
    );
    const d = providerCacheEntry(r, {
      image: "reg.io/app",
      defaultCacheDuration: 0n,
      serviceAccount: sa,
    });
    expect(d).toEqual({
      accepted: false,
      reason:
        "Credential provider plugin returned the service account token as the password for image \"reg.io/app\", which is not allowed when service account cache type is not set to 'Token'",
    });
    expect(
      providerCacheEntry(r, {
        image: "reg.io/app",
        defaultCacheDuration: 0n,
        serviceAccount: { ...sa, cacheType: "Token" },
      }).accepted,
    ).toBe(true);
  });

  it("a key field longer than 65535 bytes is an error, as in cryptobyte", () => {
    expect(() => pluginCacheKey("x".repeat(65536))).toThrow(CredentialError);
  });
});

describe("keyringFromProviderResponse: §5.2 step 6", () => {
  it("adds the auth map like a docker config, so its keys must match the image too", () => {
    const r = parseCredentialProviderResponse(
      response({
        auth: {
          "*.registry.io": { username: "glob", password: "1" },
          "other.io": { username: "o", password: "2" },
        },
      }),
      V1,
    );
    const kr = keyringFromProviderResponse(
      r,
      { name: "my-plugin" },
      { namespace: "ns", name: "sa" },
    );
    const found = kr.lookup("eu.registry.io/app");
    expect(found.map((c) => c.username)).toEqual(["glob"]);
    expect(found[0]?.source).toEqual({
      kind: "plugin",
      provider: "my-plugin",
      serviceAccount: { namespace: "ns", name: "sa" },
    });
    expect(kr.lookup("registry.io/app")).toEqual([]);
  });
});
