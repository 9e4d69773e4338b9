import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  goBase64RawStdDecode,
  goBase64StdDecode,
  goBase64StdEncode,
} from "../../src/internal/go-base64.js";

describe("goBase64StdDecode (padded)", () => {
  it.each([
    ["", { ok: true, bytes: "" }],
    ["Zg==", { ok: true, bytes: "f" }],
    ["Zm8=", { ok: true, bytes: "fo" }],
    ["Zm9v", { ok: true, bytes: "foo" }],
    ["Zm9vYmFy", { ok: true, bytes: "foobar" }],
    ["Zm9v\r\nYmFy\n", { ok: true, bytes: "foobar" }],
    ["Zm9=", { ok: true, bytes: "fo" }],
    ["Zg", { ok: false, error: "illegal base64 data at input byte 0" }],
    ["Zm9vY", { ok: false, error: "illegal base64 data at input byte 4" }],
    ["Zg=", { ok: false, error: "illegal base64 data at input byte 3" }],
    ["Zg=x", { ok: false, error: "illegal base64 data at input byte 2" }],
    ["Z===", { ok: false, error: "illegal base64 data at input byte 1" }],
    ["====", { ok: false, error: "illegal base64 data at input byte 0" }],
    ["Zm8=Zm8=", { ok: false, error: "illegal base64 data at input byte 4" }],
    ["Zm9v YmFy", { ok: false, error: "illegal base64 data at input byte 4" }],
    ["Zg==\n\nx", { ok: false, error: "illegal base64 data at input byte 6" }],
    ["Zg=\n=", { ok: true, bytes: "f" }],
    ["Zm9v!", { ok: false, error: "illegal base64 data at input byte 4" }],
  ] as const)("%j", (input, want) => {
    expect(goBase64StdDecode(input)).toEqual(want);
  });
});

describe("goBase64RawStdDecode (unpadded)", () => {
  it.each([
    ["Zg", { ok: true, bytes: "f" }],
    ["Zm8", { ok: true, bytes: "fo" }],
    ["Zm9v", { ok: true, bytes: "foo" }],
    ["Z", { ok: false, error: "illegal base64 data at input byte 0" }],
    ["Zm9vY", { ok: false, error: "illegal base64 data at input byte 4" }],
    ["Zg==", { ok: false, error: "illegal base64 data at input byte 2" }],
    ["Zm\n8", { ok: true, bytes: "fo" }],
  ] as const)("%j", (input, want) => {
    expect(goBase64RawStdDecode(input)).toEqual(want);
  });
});

describe("round trip against the platform's base64", () => {
  it("encode agrees with btoa and decode inverts it", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const s = String.fromCharCode(...bytes);
        expect(goBase64StdEncode(s)).toBe(btoa(s));
        expect(goBase64StdDecode(btoa(s))).toEqual({ ok: true, bytes: s });
        expect(goBase64RawStdDecode(btoa(s).replace(/=+$/, ""))).toEqual({ ok: true, bytes: s });
      }),
    );
  });
});
