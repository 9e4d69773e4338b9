import { describe, expect, it } from "vitest";
import {
  CredentialError,
  decodeDockerConfigAuth,
  parseDockerConfig,
  safeParseDockerConfig,
} from "../../src/credentials/index.js";

const NO_COLON = "unable to parse auth field, must be formatted as base64(username:password)";

// §4.2 table: auth value → [username, password] or the error text.
const authRows: readonly (readonly [string, readonly [string, string] | string])[] = [
  ["Zm9vOmJhcg==", ["foo", "bar"]],
  ["cGFudHM=", NO_COLON],
  ["pants", "illegal base64 data at input byte 4"],
  ["dXNlcjpwYXNz", ["user", "pass"]],
  ["dXNlcjpwYXNzCg==", ["user", "pass\n"]],
  ["Zm9vOmJhcjpiYXo=", ["foo", "bar:baz"]],
  ["Om5vdXNlcg==", ["", "nouser"]],
  ["dXNlcjo=", ["user", ""]],
  ["dXNlcg==", NO_COLON],
  ["dXNlcg", NO_COLON],
  ["dXNlcjpwYXNz====", "illegal base64 data at input byte 12"],
  ["dXNlcjpwYXNz ", "illegal base64 data at input byte 12"],
  ["dXNlcjpwYXNzMQ== ", "illegal base64 data at input byte 16"],
  ["dXNlcjpw\nYXNz", ["user", "pass"]],
];

describe("parseDockerConfig: §4.2 auth decoding", () => {
  it.each(authRows)("auth %j → %j", (auth, want) => {
    expect(decodeDockerConfigAuth(auth)).toEqual(want);
    const r = safeParseDockerConfig({ auths: { "reg.io": { auth } } });
    if (typeof want === "string") {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toBe(want);
    } else {
      expect(r.ok).toBe(true);
      if (r.ok)
        expect([r.config.entries[0]?.username, r.config.entries[0]?.password]).toEqual(want);
    }
  });

  it("auth overrides username/password (upstream: ping/pong wins)", () => {
    const cfg = parseDockerConfig(
      '{"reg.io":{"username":"foo","password":"bar","auth":"cGluZzpwb25n"}}',
    );
    expect(cfg.format).toBe("dockercfg");
    expect([cfg.entries[0]?.username, cfg.entries[0]?.password]).toEqual(["ping", "pong"]);
  });

  it('upstream {"auth":"pants","email":"foo@example.com"} fails the whole document', () => {
    expect(() =>
      parseDockerConfig('{"reg.io":{"auth":"pants","email":"foo@example.com"}}'),
    ).toThrow("illegal base64 data at input byte 4");
  });

  it("empty auth keeps username/password as given", () => {
    const cfg = parseDockerConfig({ auths: { r: { username: "u", password: "p", auth: "" } } });
    expect([cfg.entries[0]?.username, cfg.entries[0]?.password]).toEqual(["u", "p"]);
  });
});

describe("parseDockerConfig: JSON shapes and Go's type errors", () => {
  const typeErrors: readonly (readonly [string, string])[] = [
    [
      '{"auths":{"r":{"email":false}}}',
      "json: cannot unmarshal bool into Go struct field DockerConfigJSON.auths.email of type string",
    ],
    [
      '{"r":{"email":false}}',
      "json: cannot unmarshal bool into Go struct field dockerConfigEntryWithAuth.email of type string",
    ],
    [
      '{"r":{"username":1}}',
      "json: cannot unmarshal number into Go struct field dockerConfigEntryWithAuth.username of type string",
    ],
    [
      '{"auths":{"r":5}}',
      "json: cannot unmarshal number into Go struct field DockerConfigJSON.auths of type credentialprovider.dockerConfigEntryWithAuth",
    ],
    [
      '{"r":[1]}',
      "json: cannot unmarshal array into Go value of type credentialprovider.dockerConfigEntryWithAuth",
    ],
    [
      '{"auths":5}',
      "json: cannot unmarshal number into Go struct field DockerConfigJSON.auths of type credentialprovider.DockerConfig",
    ],
    [
      '{"auths":{},"HttpHeaders":[]}',
      "json: cannot unmarshal array into Go struct field DockerConfigJSON.HttpHeaders of type map[string]string",
    ],
    [
      '{"auths":{},"HttpHeaders":{"X":1}}',
      "json: cannot unmarshal number into Go struct field DockerConfigJSON.HttpHeaders of type string",
    ],
  ];
  it.each(typeErrors)("%s → %s", (json, message) => {
    const r = safeParseDockerConfig(json);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toBeInstanceOf(CredentialError);
      expect(r.error.code).toBe("INVALID_DOCKER_CONFIG");
      expect(r.error.message).toBe(message);
    }
  });

  it("top-level wrong types, with an explicit format", () => {
    expect(() => parseDockerConfig("[]", { format: "config.json" })).toThrow(
      "json: cannot unmarshal array into Go value of type credentialprovider.DockerConfigJSON",
    );
    expect(() => parseDockerConfig('"x"', { format: "dockercfg" })).toThrow(
      "json: cannot unmarshal string into Go value of type credentialprovider.DockerConfig",
    );
    expect(parseDockerConfig("null", { format: "dockercfg" }).entries).toEqual([]);
  });

  it("ignores unknown fields (identitytoken) but lists them; null leaves a field empty", () => {
    const cfg = parseDockerConfig({
      auths: {
        "reg.io": { username: "u", password: null, identitytoken: "tok", registrytoken: 5 },
      },
    });
    const e = cfg.entries[0];
    expect([e?.username, e?.password, e?.email]).toEqual(["u", "", ""]);
    expect(e?.ignoredFields).toEqual(["identitytoken", "registrytoken"]);
  });

  it("matches field names like Go: exact first, then case-insensitively", () => {
    const cfg = parseDockerConfig('{"AUTHS":{"r":{"UserName":"u","PASSWORD":"p","Email":"e"}}}');
    expect(cfg.format).toBe("config.json");
    expect([cfg.entries[0]?.username, cfg.entries[0]?.password, cfg.entries[0]?.email]).toEqual([
      "u",
      "p",
      "e",
    ]);
  });

  it("keeps credHelpers and credsStore visible (the kubelet ignores them)", () => {
    const cfg = parseDockerConfig(
      '{"auths":{},"credHelpers":{"gcr.io":"gcloud","123.dkr.ecr.us-east-1.amazonaws.com":"ecr-login"},"credsStore":"desktop"}',
    );
    expect(cfg.credHelpers).toEqual([
      ["gcr.io", "gcloud"],
      ["123.dkr.ecr.us-east-1.amazonaws.com", "ecr-login"],
    ]);
    expect(cfg.credsStore).toBe("desktop");
    expect(cfg.entries).toEqual([]);
  });

  it("a repeated registry key keeps its first position and its last value (a Go map write)", () => {
    const cfg = parseDockerConfig(
      '{"a":{"username":"1"},"b":{"username":"2"},"a":{"username":"3"}}',
    );
    expect(cfg.entries.map((e) => [e.registry, e.username])).toEqual([
      ["a", "3"],
      ["b", "2"],
    ]);
  });

  it("__proto__ and constructor are registry keys; nothing is polluted", () => {
    const text =
      '{"auths":{"__proto__":{"username":"x","password":"y"},"constructor":{"auth":"dTpw"}}}';
    const fromText = parseDockerConfig(text);
    const fromObject = parseDockerConfig(JSON.parse(text));
    for (const cfg of [fromText, fromObject]) {
      expect(cfg.entries.map((e) => e.registry)).toEqual(["__proto__", "constructor"]);
      expect(cfg.entries[1]?.username).toBe("u");
    }
    expect(({} as Record<string, unknown>).username).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it("accepts UTF-8 bytes and replaces invalid bytes with U+FFFD like Go", () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"r":{"username":"a'),
      0xff,
      ...new TextEncoder().encode('b"}}'),
    ]);
    expect(parseDockerConfig(bytes).entries[0]?.username).toBe("a\ufffdb");
  });

  it("rejects values JSON cannot hold", () => {
    expect(() => parseDockerConfig(undefined)).toThrow(CredentialError);
    expect(() => parseDockerConfig({ auths: { r: { username: () => 1 } } })).toThrow(
      /JSON-compatible/,
    );
  });

  it("checks its options at the boundary", () => {
    const bad = safeParseDockerConfig("{}", { format: "yaml" as "auto" });
    expect(bad.ok || bad.error.message).toBe("parseDockerConfig options.format: invalid value");
    const badSource = safeParseDockerConfig("{}", { source: { kind: "secret" } as never });
    expect(badSource.ok || badSource.error.code).toBe("INVALID_ARGUMENT");
  });

  it("auto-detects the format by an auths key", () => {
    expect(parseDockerConfig("{}").format).toBe("dockercfg");
    expect(parseDockerConfig('{"auths":null}').format).toBe("config.json");
  });
});
