// Every error code with the input that produces it and Go's exact message; the error's shape;
// isImageReferenceError; the TypeError every function throws for a non-string argument.
import { describe, expect, it } from "vitest";
import {
  familiarMatch,
  ImageReferenceError,
  type ImageReferenceErrorCode,
  isImageReferenceError,
  parseAnyReference,
  parseDockerRef,
  parseNamed,
  parseNormalizedNamed,
  parseReference,
  safeParseReference,
  withDigest,
  withName,
  withTag,
} from "../../src/reference/index.js";

const HEX64 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

/** [code, how to provoke it, Go's err.Error()] */
const TABLE: ReadonlyArray<readonly [ImageReferenceErrorCode, () => unknown, string]> = [
  ["REFERENCE_INVALID_FORMAT", () => parseReference("aa/asdf$$^/aa"), "invalid reference format"],
  ["REFERENCE_INVALID_FORMAT", () => parseNormalizedNamed(""), "invalid reference format"],
  ["REFERENCE_INVALID_FORMAT", () => withName("example.com/repo:tag"), "invalid reference format"],
  ["TAG_INVALID_FORMAT", () => withTag(withName("busybox"), "-foo"), "invalid tag format"],
  ["DIGEST_INVALID_FORMAT", () => withDigest(withName("busybox"), "foo"), "invalid digest format"],
  [
    "NAME_CONTAINS_UPPERCASE",
    () => parseReference("Uppercase:tag"),
    "repository name must be lowercase",
  ],
  [
    "NAME_CONTAINS_UPPERCASE",
    () => parseNormalizedNamed("example.com/a:\u212a"), // Kelvin sign: Go lowers it to "k"
    "repository name must be lowercase",
  ],
  ["NAME_EMPTY", () => parseReference(""), "repository name must have at least one component"],
  [
    "NAME_TOO_LONG",
    () => parseReference("a".repeat(256)),
    "repository name must not be more than 255 characters",
  ],
  [
    "NAME_TOO_LONG",
    () => parseNormalizedNamed("a".repeat(248)),
    "repository name must not be more than 255 characters",
  ],
  [
    "NAME_TOO_LONG",
    () => withName(`example.com/${"a".repeat(256)}`),
    "repository name must not be more than 255 characters",
  ],
  ["NAME_NOT_CANONICAL", () => parseNamed("nginx"), "repository name must be canonical"],
  [
    "REMOTE_NAME_NOT_LOWERCASE",
    () => parseNormalizedNamed("FOO"),
    "invalid reference format: repository name (library/FOO) must be lowercase",
  ],
  [
    "REMOTE_NAME_NOT_LOWERCASE",
    () => parseNormalizedNamed(`foo@SHA256:${HEX64}`),
    "invalid reference format: repository name (library/foo@SHA256) must be lowercase",
  ],
  [
    "REMOTE_NAME_NOT_LOWERCASE",
    () => parseDockerRef("docker.io/Library/foo"),
    "invalid reference format: repository name (Library/foo) must be lowercase",
  ],
  [
    "IDENTIFIER_AS_NAME",
    () => parseNormalizedNamed(HEX64),
    `invalid repository name (${HEX64}), cannot specify 64-byte hexadecimal strings`,
  ],
  [
    "DIGEST_UNSUPPORTED",
    () => parseReference(`foo@md5:${"0".repeat(32)}`),
    "unsupported digest algorithm",
  ],
  [
    "DIGEST_UNSUPPORTED",
    () => parseAnyReference(`foo@sha256+b64:${HEX64}`),
    "unsupported digest algorithm",
  ],
  [
    "DIGEST_INVALID_LENGTH",
    () => parseReference(`foo@sha256:${HEX64.slice(1)}`),
    "invalid checksum digest length",
  ],
  [
    "DIGEST_INVALID_LENGTH",
    () => parseReference(`foo@sha512:${HEX64}`),
    "invalid checksum digest length",
  ],
  [
    "DIGEST_CHECKSUM_INVALID_FORMAT",
    () => parseReference(`foo@sha256:${HEX64.toUpperCase()}`),
    "invalid checksum digest format",
  ],
  [
    "DIGEST_CHECKSUM_INVALID_FORMAT",
    () => parseReference(`foo@SHA256:${HEX64}`),
    "invalid checksum digest format",
  ],
  [
    "BAD_PATTERN",
    () => familiarMatch("[-x]", parseNormalizedNamed("foo")),
    "syntax error in pattern",
  ],
  // Go ≥ 1.16 validates the whole pattern even after the name stopped matching.
  [
    "BAD_PATTERN",
    () => familiarMatch("x[", parseNormalizedNamed("foo")),
    "syntax error in pattern",
  ],
];

describe("error codes and Go's messages", () => {
  it.each(TABLE.map(([code, run, message]) => [code, message, run] as const))(
    "%s: %s",
    (code, message, run) => {
      const e = thrown(run);
      expect(e).toBeInstanceOf(ImageReferenceError);
      expect(e).toBeInstanceOf(Error);
      expect(isImageReferenceError(e)).toBe(true);
      const err = e as ImageReferenceError;
      expect(err.code).toBe(code);
      expect(err.message).toBe(message);
      expect(err.name).toBe("ImageReferenceError");
      expect(String(err)).toBe(`ImageReferenceError: ${message}`);
    },
  );

  it("covers every code but the safe-form NOT_A_STRING, which safe.test.ts covers", () => {
    const codes = new Set(TABLE.map(([code]) => code));
    expect([...codes].sort()).toEqual(
      [
        "BAD_PATTERN",
        "DIGEST_CHECKSUM_INVALID_FORMAT",
        "DIGEST_INVALID_FORMAT",
        "DIGEST_INVALID_LENGTH",
        "DIGEST_UNSUPPORTED",
        "IDENTIFIER_AS_NAME",
        "NAME_CONTAINS_UPPERCASE",
        "NAME_EMPTY",
        "NAME_NOT_CANONICAL",
        "NAME_TOO_LONG",
        "REFERENCE_INVALID_FORMAT",
        "REMOTE_NAME_NOT_LOWERCASE",
        "TAG_INVALID_FORMAT",
      ].sort(),
    );
  });

  it("quotes a lone surrogate as U+FFFD, the text Go receives for it", () => {
    const e = thrown(() => parseNormalizedNamed("A\ud800")) as ImageReferenceError;
    expect(e.message).toBe(
      "invalid reference format: repository name (library/A\ufffd) must be lowercase",
    );
  });

  it("the code and name are not enumerable noise: JSON shows the code", () => {
    const e = thrown(() => parseReference("")) as ImageReferenceError;
    expect(JSON.parse(JSON.stringify(e))).toEqual({ code: "NAME_EMPTY" });
    expect(Object.keys(e)).toEqual(["code"]);
  });
});

describe("isImageReferenceError", () => {
  it.each([
    ["a plain Error", new Error("invalid reference format")],
    ["a TypeError", new TypeError("x")],
    ["a look-alike plain object", { name: "ImageReferenceError", code: "NAME_EMPTY", message: "" }],
    ["null", null],
    ["a string", "invalid reference format"],
  ])("is false for %s", (_name, value) => {
    expect(isImageReferenceError(value)).toBe(false);
  });

  it("is true for the error of another copy of the package (same name and a code)", () => {
    class ImageReferenceErrorCopy extends Error {
      readonly code = "NAME_EMPTY";
      override readonly name = "ImageReferenceError";
    }
    expect(isImageReferenceError(new ImageReferenceErrorCopy("x"))).toBe(true);
  });
});

describe("non-string arguments", () => {
  const FNS = {
    parseReference,
    parseNamed,
    parseNormalizedNamed,
    parseAnyReference,
    parseDockerRef,
    withName,
  } as const;
  it.each(Object.entries(FNS))("%s throws a TypeError naming itself", (name, fn) => {
    for (const value of [42, null, undefined, {}, ["nginx"], Symbol("x")]) {
      const e = thrown(() => (fn as (s: unknown) => unknown)(value));
      expect(e).toBeInstanceOf(TypeError);
      expect((e as TypeError).message).toMatch(new RegExp(`^${name}: expected a string, got `));
    }
  });

  it("withTag / withDigest / familiarMatch reject non-string tags, digests and patterns", () => {
    const ref = withName("foo");
    expect(() => withTag(ref, 1 as never)).toThrow(
      new TypeError("withTag: expected a string, got number"),
    );
    expect(() => withDigest(ref, null as never)).toThrow(
      new TypeError("withDigest: expected a string, got null"),
    );
    expect(() => familiarMatch([] as never, ref)).toThrow(
      new TypeError("familiarMatch: expected a string, got array"),
    );
  });

  it("the safe form of a non-string fails with NOT_A_STRING instead of throwing", () => {
    const r = safeParseReference(42 as never);
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.code).toBe("NOT_A_STRING");
      expect(r.error.message).toBe("safeParseReference: expected a string, got number");
    }
  });
});
