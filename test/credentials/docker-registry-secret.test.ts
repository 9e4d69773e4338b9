import { describe, expect, it } from "vitest";
import {
  CredentialError,
  createDockerRegistrySecret,
  createKeyring,
  parseDockerConfig,
} from "../../src/credentials/index.js";

const decode = (b64: string) =>
  new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));

describe("createDockerRegistrySecret: what kubectl create secret docker-registry writes", () => {
  it("builds the Secret field for field, in kubectl's order", () => {
    const s = createDockerRegistrySecret({
      name: "regcred",
      namespace: "shop",
      server: "registry.example.com",
      username: "ci",
      password: "s3cret",
      email: "ci@example.com",
    });
    expect(JSON.stringify(s)).toBe(
      JSON.stringify({
        kind: "Secret",
        apiVersion: "v1",
        metadata: { name: "regcred", namespace: "shop", creationTimestamp: null },
        data: {
          ".dockerconfigjson": btoa(
            '{"auths":{"registry.example.com":{"username":"ci","password":"s3cret","email":"ci@example.com","auth":"Y2k6czNjcmV0"}}}',
          ),
        },
        type: "kubernetes.io/dockerconfigjson",
      }),
    );
  });

  it("omits an empty email and namespace, defaults the server to Docker Hub's", () => {
    const s = createDockerRegistrySecret({ name: "hub", username: "u", password: "p" });
    expect(s.metadata).toEqual({ name: "hub", creationTimestamp: null });
    expect(decode(s.data[".dockerconfigjson"])).toBe(
      '{"auths":{"https://index.docker.io/v1/":{"username":"u","password":"p","auth":"dTpw"}}}',
    );
  });

  it("escapes like Go's json.Marshal (HTML-safe) and base64s UTF-8", () => {
    const s = createDockerRegistrySecret({
      name: "x",
      server: "r<&>",
      username: "ü",
      password: 'a"b\\\n\u2028',
    });
    expect(decode(s.data[".dockerconfigjson"])).toBe(
      `{"auths":{"r\\u003c\\u0026\\u003e":{"username":"ü","password":"a\\"b\\\\\\n\\u2028","auth":"${btoa(
        String.fromCharCode(...new TextEncoder().encode('ü:a"b\\\n\u2028')),
      )}"}}}`,
    );
  });

  it("round-trips through the kubelet's decoder", () => {
    const s = createDockerRegistrySecret({
      name: "r",
      server: "ghcr.io",
      username: "bot",
      password: "pw:with:colons",
    });
    const kr = createKeyring(parseDockerConfig(decode(s.data[".dockerconfigjson"])));
    const [c] = kr.lookup("ghcr.io/org/app");
    expect([c?.username, c?.password]).toEqual(["bot", "pw:with:colons"]);
  });

  it.each([
    [{ name: "", username: "u", password: "p" }, "name must be specified"],
    [
      { name: "n", username: "", password: "p" },
      "either --from-file or the combination of --docker-username, --docker-password and --docker-server is required",
    ],
    [
      { name: "n", username: "u", password: "" },
      "either --from-file or the combination of --docker-username, --docker-password and --docker-server is required",
    ],
    [
      { name: "n", username: "u", password: "p", server: "" },
      "either --from-file or the combination of --docker-username, --docker-password and --docker-server is required",
    ],
  ])("validates like kubectl: %j", (init, message) => {
    expect(() => createDockerRegistrySecret(init)).toThrow(CredentialError);
    expect(() => createDockerRegistrySecret(init)).toThrow(message);
  });
});
