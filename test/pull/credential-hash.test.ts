import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { credentialHash } from "../../src/pull/credential-hash.js";
import { credentialHashInput } from "../../src/pull/credentials.js";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

describe("credentialHash", () => {
  it.each([
    [{ username: "user", password: "pass" }],
    [{ username: "robot$team", password: "p<&>ss", email: "ops@example.com" }],
    [{ username: "ü", password: "パスワード😀" }],
    [{}],
  ])("is the SHA-256 hex of Go's JSON of %j", (credential) => {
    expect(credentialHash(credential)).toBe(sha256(credentialHashInput(credential)));
    expect(credentialHash(credential)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("matches a value computed independently for a known document", () => {
    // sha256 of '{"username":"user","password":"pass"}'
    expect(credentialHash({ username: "user", password: "pass" })).toBe(
      sha256('{"username":"user","password":"pass"}'),
    );
  });

  it("ignores where the credential came from and the password's property flags", () => {
    const hidden = Object.defineProperty({ username: "u" }, "password", {
      value: "p",
      enumerable: false,
    });
    expect(credentialHash(hidden)).toBe(credentialHash({ username: "u", password: "p" }));
    expect(
      credentialHash({
        username: "u",
        password: "p",
        source: { kind: "secret", uid: "1", namespace: "n", name: "s" },
      }),
    ).toBe(credentialHash({ username: "u", password: "p" }));
  });
});
