import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sha256Bytes, sha256Hex, sha256HexOfByteString } from "../../src/internal/sha256.js";

describe("sha256", () => {
  it.each([
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    [
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    ],
  ])("FIPS 180-4 vector %j", (text, hex) => {
    expect(sha256Hex(text)).toBe(hex);
  });

  it("agrees with node:crypto on random text and bytes, at every padding boundary", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (s) => {
        expect(sha256Hex(s)).toBe(createHash("sha256").update(s, "utf8").digest("hex"));
      }),
    );
    for (let n = 0; n < 200; n++) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 7 + n) & 255);
      expect(Buffer.from(sha256Bytes(bytes)).toString("hex")).toBe(
        createHash("sha256").update(bytes).digest("hex"),
      );
      expect(sha256HexOfByteString(String.fromCharCode(...bytes))).toBe(
        createHash("sha256").update(bytes).digest("hex"),
      );
    }
  });
});
