import { describe, expect, it } from "vitest";
import {
  CredentialError,
  createKeyring,
  dockerConfigFromEntries,
  dockerConfigsFromPullSecrets,
  keyringFromPullSecrets,
} from "../../src/credentials/index.js";

const b64 = (s: string) => btoa(s);
const configJSON = (user: string) => `{"auths":{"reg.io":{"username":"${user}","password":"p"}}}`;
const legacy = (user: string) => `{"reg.io":{"username":"${user}","password":"p"}}`;

function secret(name: string, type: string, data: Record<string, string>, extra: object = {}) {
  return { metadata: { name, namespace: "shop", uid: `uid-${name}` }, type, data, ...extra };
}

const node = createKeyring(
  dockerConfigFromEntries([["reg.io", { username: "node", password: "n" }]]),
);

describe("keyringFromPullSecrets: §4.6", () => {
  // type / data key pairs the kubelet reads.
  const pairs: readonly (readonly [string, string, string, boolean])[] = [
    ["kubernetes.io/dockerconfigjson", ".dockerconfigjson", configJSON("a"), true],
    ["kubernetes.io/dockercfg", ".dockercfg", legacy("a"), true],
    ["Opaque", ".dockerconfigjson", configJSON("a"), false],
    ["kubernetes.io/dockerconfigjson", ".dockercfg", legacy("a"), false],
    ["kubernetes.io/dockercfg", ".dockerconfigjson", configJSON("a"), false],
    ["kubernetes.io/dockerconfigjson", ".dockerconfigjson", "", false],
  ];
  it.each(pairs)("type %s with key %s is read: %s", (type, key, json, read) => {
    const kr = keyringFromPullSecrets(
      [secret("s", type, { [key]: b64(json) })],
      { podNamespace: "shop" },
      node,
    );
    expect(kr.lookup("reg.io/app").map((c) => c.username)).toEqual(read ? ["a", "node"] : ["node"]);
  });

  it("puts all valid secrets into one keyring (sorted by key), then the node keyring", () => {
    const secrets = [
      secret("one", "kubernetes.io/dockerconfigjson", {
        ".dockerconfigjson": b64(configJSON("first")),
      }),
      secret("two", "kubernetes.io/dockercfg", {
        ".dockercfg": b64('{"reg.io/team":{"username":"team"}}'),
      }),
      secret("three", "kubernetes.io/dockerconfigjson", {
        ".dockerconfigjson": b64(configJSON("third")),
      }),
    ];
    const kr = keyringFromPullSecrets(secrets, { podNamespace: "shop" }, node);
    const found = kr.lookup("reg.io/team/app");
    expect(found.map((c) => c.username)).toEqual(["team", "first", "third", "node"]);
    expect(found[0]?.source).toEqual({
      kind: "secret",
      uid: "uid-two",
      namespace: "shop",
      name: "two",
    });
  });

  it("no valid secret → the node keyring itself", () => {
    expect(keyringFromPullSecrets([], { podNamespace: "shop" }, node)).toBe(node);
    expect(keyringFromPullSecrets([], { podNamespace: "shop" }).lookup("reg.io/x")).toEqual([]);
  });

  it("reads stringData (merged over data as the API server does)", () => {
    const s = secret(
      "s",
      "kubernetes.io/dockerconfigjson",
      { ".dockerconfigjson": b64(configJSON("old")) },
      {
        stringData: { ".dockerconfigjson": configJSON("new") },
      },
    );
    const kr = keyringFromPullSecrets([s], { podNamespace: "shop" });
    expect(kr.lookup("reg.io/x").map((c) => c.username)).toEqual(["new"]);
  });

  it("one malformed secret fails the whole call with Go's text", () => {
    const good = secret("good", "kubernetes.io/dockerconfigjson", {
      ".dockerconfigjson": b64(configJSON("a")),
    });
    const cases: readonly (readonly [string, string])[] = [
      ["{", "unexpected end of JSON input"],
      ['{"auths":{"reg.io":{"auth":"pants"}}}', "illegal base64 data at input byte 4"],
      [
        '{"auths":{"reg.io":{"auth":"cGFudHM="}}}',
        "unable to parse auth field, must be formatted as base64(username:password)",
      ],
      [
        '{"auths":{"reg.io":{"email":false}}}',
        "json: cannot unmarshal bool into Go struct field DockerConfigJSON.auths.email of type string",
      ],
    ];
    for (const [json, message] of cases) {
      const bad = secret("bad", "kubernetes.io/dockerconfigjson", {
        ".dockerconfigjson": b64(json),
      });
      let caught: unknown;
      try {
        keyringFromPullSecrets([good, bad], { podNamespace: "shop" }, node);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(CredentialError);
      expect((caught as CredentialError).message).toBe(message);
      expect((caught as CredentialError).code).toBe("INVALID_PULL_SECRET");
      expect((caught as CredentialError).subject).toBe('secret "shop/bad"');
    }
  });

  it("legacy secrets decode as a bare map (an auths key is a registry there)", () => {
    const s = secret("s", "kubernetes.io/dockercfg", {
      ".dockercfg": b64('{"auths":{"username":"x"}}'),
    });
    const [cfg] = dockerConfigsFromPullSecrets([s], { podNamespace: "shop" });
    expect(cfg?.entries.map((e) => e.registry)).toEqual(["auths"]);
  });

  it("bad base64 in data is Go's error", () => {
    const s = secret("s", "kubernetes.io/dockerconfigjson", { ".dockerconfigjson": "!!!" });
    expect(() => keyringFromPullSecrets([s], { podNamespace: "shop" })).toThrow(
      "illegal base64 data at input byte 0",
    );
  });

  it("refuses a secret from another namespace with a clear error", () => {
    const s = {
      ...secret("s", "kubernetes.io/dockerconfigjson", {
        ".dockerconfigjson": b64(configJSON("a")),
      }),
      metadata: { name: "s", namespace: "other" },
    };
    try {
      keyringFromPullSecrets([s], { podNamespace: "shop" });
      expect.unreachable();
    } catch (e) {
      expect((e as CredentialError).code).toBe("FOREIGN_NAMESPACE_SECRET");
      expect((e as CredentialError).message).toBe(
        'image pull secret "other/s" is in namespace "other", not in the pod\'s namespace "shop": a pod can only use pull secrets of its own namespace',
      );
    }
  });

  it("a secret without a namespace is taken to be in the pod's", () => {
    const s = {
      metadata: { name: "s" },
      type: "kubernetes.io/dockerconfigjson",
      data: { ".dockerconfigjson": b64(configJSON("a")) },
    };
    const [c] = keyringFromPullSecrets([s], { podNamespace: "shop" }).lookup("reg.io/x");
    expect(c?.source).toEqual({ kind: "secret", uid: "", namespace: "shop", name: "s" });
  });

  it("reports a wrong shape with its path, never crashes", () => {
    expect(() => keyringFromPullSecrets([{ type: 5 }], { podNamespace: "shop" })).toThrow(
      /secrets\[0\]\.type/,
    );
    expect(() => keyringFromPullSecrets([{ data: { k: 1 } }], { podNamespace: "shop" })).toThrow(
      /secrets\[0\]\.data/,
    );
    expect(() =>
      keyringFromPullSecrets("x" as unknown as unknown[], { podNamespace: "shop" }),
    ).toThrow(CredentialError);
    expect(() => keyringFromPullSecrets([], {} as { podNamespace: string })).toThrow(
      /podNamespace/,
    );
  });

  it("a __proto__ data key is an ordinary key and pollutes nothing", () => {
    const s = JSON.parse(
      '{"type":"kubernetes.io/dockerconfigjson","data":{"__proto__":"eA==",".dockerconfigjson":"e30="}}',
    );
    expect(() => keyringFromPullSecrets([s], { podNamespace: "shop" })).not.toThrow();
    expect(({} as Record<string, unknown>)[".dockerconfigjson"]).toBeUndefined();
  });
});
