// The canary test: a password must never leave a Credential (or a docker config entry, or a
// plugin auth entry) by accident — not via toString, JSON.stringify, util.inspect, template
// strings, spreading, structuredClone, or any error message, even for malformed input.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  CredentialError,
  createCredential,
  createKeyring,
  keyringFromProviderResponse,
  keyringFromPullSecrets,
  parseCredentialProviderResponse,
  parseDockerConfig,
  REDACTED,
  redactCredential,
  safeParseDockerConfig,
} from "../../src/credentials/index.js";

const CANARY = "Canary-p4ssw0rd-7c1f";
const b64 = (s: string) => btoa(s);

function printedForms(value: object): string[] {
  return [
    String(value),
    `${value}`,
    JSON.stringify(value),
    JSON.stringify({ nested: [value] }),
    inspect(value),
    inspect(value, { showHidden: true, depth: 10 }),
    inspect({ deep: { value } }, { depth: 10 }),
    JSON.stringify({ ...value }),
    JSON.stringify(structuredClone({ ...value })),
    Object.entries(value).join(","),
  ];
}

function expectNoCanary(texts: readonly string[]): void {
  for (const t of texts) expect(t).not.toContain(CANARY);
}

describe("no password ever prints", () => {
  it("Credential: every printed form is redacted, the value stays readable", () => {
    const c = createCredential({
      key: "reg.io",
      username: "bot",
      password: CANARY,
      email: "bot@example.com",
      source: { kind: "secret", uid: "u-1", namespace: "ns", name: "regcred" },
    });
    expectNoCanary(printedForms(c));
    expect(c.password).toBe(CANARY);
    expect(JSON.parse(JSON.stringify(c))).toEqual({
      key: "reg.io",
      username: "bot",
      email: "bot@example.com",
      source: { kind: "secret", uid: "u-1", namespace: "ns", name: "regcred" },
      password: REDACTED,
    });
    expect(String(c)).toContain(REDACTED);
    expect(inspect(c)).toContain(REDACTED);
    expect(redactCredential(c).password).toBe(REDACTED);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it("credentials found by a keyring lookup, and docker config entries", () => {
    const cfg = parseDockerConfig({ auths: { "reg.io": { auth: b64(`bot:${CANARY}`) } } });
    expectNoCanary(printedForms(cfg.entries[0] as object));
    expectNoCanary([JSON.stringify(cfg), inspect(cfg, { depth: 10 }), String(cfg.entries)]);
    const found = createKeyring(cfg).lookup("reg.io/app");
    expect(found[0]?.password).toBe(CANARY);
    expectNoCanary([JSON.stringify(found), inspect(found, { depth: 10 }), found.join()]);
  });

  it("plugin responses and their keyring", () => {
    const response = parseCredentialProviderResponse(
      {
        apiVersion: "credentialprovider.kubelet.k8s.io/v1",
        kind: "CredentialProviderResponse",
        cacheKeyType: "Image",
        auth: { "reg.io": { username: "u", password: CANARY } },
      },
      "credentialprovider.kubelet.k8s.io/v1",
    );
    expectNoCanary([
      JSON.stringify(response, (_, v) => (typeof v === "bigint" ? String(v) : v)),
      inspect(response, { depth: 10 }),
    ]);
    const kr = keyringFromProviderResponse(response, { name: "p" });
    expect(kr.lookup("reg.io/x")[0]?.password).toBe(CANARY);
    expectNoCanary([JSON.stringify(kr.lookup("reg.io/x")), inspect(kr.lookup("reg.io/x"))]);
  });

  it("errors for malformed input containing the canary never quote it", () => {
    const bad = [
      `{"auths":{"reg.io":{"password":"${CANARY}","auth":"${CANARY}"}}}`,
      `{"auths":{"reg.io":{"password":"${CANARY}"}},}`,
      `{"auths":{"reg.io":{"password":"${CANARY}\n"}}}`,
      `{"auths":{"reg.io":{"password":"${CANARY}", "email": 5}}}`,
      `{"reg.io":{"password":"${CANARY}"} "x"}`,
      `{"auths":{"reg.io":{"auth":"${b64(CANARY)}"}}}`,
      `${CANARY}`,
      `{"auths":{"reg.io":{"password":${CANARY}}}}`,
    ];
    const messages: string[] = [];
    for (const json of bad) {
      const r = safeParseDockerConfig(json);
      expect(r.ok).toBe(false);
      if (!r.ok)
        messages.push(
          r.error.message,
          String(r.error),
          inspect(r.error),
          JSON.stringify(r.error),
          r.error.stack ?? "",
        );
    }
    expectNoCanary(messages);
  });

  it("pull-secret errors and plugin-response errors never quote the canary", () => {
    const secret = (data: string) => ({
      metadata: { name: "regcred", namespace: "ns" },
      type: "kubernetes.io/dockerconfigjson",
      data: { ".dockerconfigjson": b64(data) },
    });
    const texts: string[] = [];
    for (const json of [
      `{"auths":{"r":{"password":"${CANARY}","auth":"x${CANARY}"}}}`,
      `{"auths":${CANARY}}`,
    ]) {
      try {
        keyringFromPullSecrets([secret(json)], { podNamespace: "ns" });
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(CredentialError);
        texts.push(String(e), inspect(e), (e as Error).stack ?? "");
      }
    }
    for (const body of [
      `{"apiVersion":"x","kind":"CredentialProviderResponse","auth":{"r":{"password":"${CANARY}"}}}`,
      `{"apiVersion":"credentialprovider.kubelet.k8s.io/v1","kind":"CredentialProviderResponse","auth":{"r":{"password":"${CANARY}","username":1}}}`,
      `{"apiVersion":"credentialprovider.kubelet.k8s.io/v1","auth":${CANARY}}`,
    ]) {
      try {
        parseCredentialProviderResponse(body, "credentialprovider.kubelet.k8s.io/v1");
        expect.unreachable();
      } catch (e) {
        texts.push(String(e), inspect(e));
      }
    }
    expectNoCanary(texts);
  });
});
