import { describe, expect, it } from "vitest";
import { credentialHashInput, credentialKind } from "../../src/pull/credentials.js";

describe("credentialHashInput (Go json.Marshal of credentialprovider.AuthConfig)", () => {
  it.each([
    [{}, "{}"],
    [{ username: "u", password: "p" }, '{"username":"u","password":"p"}'],
    [
      { username: "u", password: "p", email: "e@x" },
      '{"username":"u","password":"p","email":"e@x"}',
    ],
    // Field order is the struct's, not the object's.
    [
      {
        registryToken: "r",
        identityToken: "i",
        serverAddress: "s",
        email: "e",
        auth: "a",
        password: "p",
        username: "u",
      },
      '{"username":"u","password":"p","auth":"a","email":"e","serveraddress":"s","identitytoken":"i","registrytoken":"r"}',
    ],
    // omitempty drops empty strings.
    [{ username: "", password: "p", email: "" }, '{"password":"p"}'],
    // HTML-safe escaping as json.Marshal does, and Go's short escapes.
    [{ password: "<a&b>" }, '{"password":"\\u003ca\\u0026b\\u003e"}'],
    [{ password: 'q"\\' }, '{"password":"q\\"\\\\"}'],
    [
      { password: "\n\r\t\b\f\u0001\u001f\u007f" },
      '{"password":"\\n\\r\\t\\b\\f\\u0001\\u001f\u007f"}',
    ],
    [{ password: "\u2028\u2029é😀" }, '{"password":"\\u2028\\u2029é😀"}'],
    [{ password: "\ud800x" }, '{"password":"\\ufffdx"}'],
  ])("%j", (credential, json) => {
    expect(credentialHashInput(credential)).toBe(json);
  });
});

describe("credentialKind", () => {
  it.each([
    [undefined, { kind: "node" }],
    [{}, { kind: "node" }],
    [{ source: { kind: "dockerConfig" } }, { kind: "node" }],
    [{ source: { kind: "plugin", provider: "ecr" } }, { kind: "node" }],
    [
      {
        source: { kind: "plugin", serviceAccount: { uid: "sa1", namespace: "ns", name: "puller" } },
      },
      { kind: "serviceAccount", serviceAccount: { uid: "sa1", namespace: "ns", name: "puller" } },
    ],
    [
      { source: { kind: "secret", uid: "u1", namespace: "ns", name: "regcred" } },
      { kind: "secret", uid: "u1", namespace: "ns", name: "regcred" },
    ],
  ])("%j", (credential, kind) => {
    expect(credentialKind(credential)).toEqual(kind);
  });
});
