// FamiliarName, FamiliarString and FamiliarMatch (Go path.Match on the familiar string, then the
// familiar name).
import { describe, expect, it } from "vitest";
import {
  familiarMatch,
  familiarName,
  familiarString,
  parseAnyReference,
  parseNormalizedNamed,
  parseReference,
} from "../../src/reference/index.js";

const D = `sha256:${"f".repeat(64)}`;

describe("familiarName / familiarString", () => {
  it.each([
    ["nginx", "nginx", "nginx"],
    ["nginx:1.27", "nginx", "nginx:1.27"],
    [`nginx:1@${D}`, "nginx", `nginx:1@${D}`],
    ["docker.io/library/redis", "redis", "redis"],
    ["index.docker.io/dmcgowan/app", "dmcgowan/app", "dmcgowan/app"],
    ["library/foo/bar", "library/foo/bar", "library/foo/bar"],
    ["ghcr.io/org/app:v1", "ghcr.io/org/app", "ghcr.io/org/app:v1"],
    ["localhost:5000/app", "localhost:5000/app", "localhost:5000/app"],
    [
      "registry-1.docker.io/library/x",
      "registry-1.docker.io/library/x",
      "registry-1.docker.io/library/x",
    ],
  ])("%s → %s / %s", (input, name, string) => {
    const ref = parseNormalizedNamed(input);
    expect(familiarName(ref)).toBe(name);
    expect(familiarString(ref)).toBe(string);
  });

  it("works on non-normalised references too (Parse results)", () => {
    const ref = parseReference("docker.io/library/foo:bar");
    expect(familiarString(ref)).toBe("foo:bar");
    expect(familiarName(parseReference("foo/bar"))).toBe("foo/bar");
  });

  it("a digest reference prints its digest; it has no familiar name", () => {
    const ref = parseAnyReference(D);
    expect(familiarString(ref)).toBe(D);
    expect(() => familiarName(ref)).toThrow(TypeError);
  });
});

describe("familiarMatch", () => {
  it.each([
    ["foo/**/ba[rz]", "foo/a/bar", true],
    ["foo/**/ba[rz]", "foo/any/bat", false],
    ["foo/*/baz:tag", "foo/c/baz:tag", true],
    // Falls back to the familiar name when the string with its tag does not match.
    ["foo/**/ba[rz]", "foo/c/baz:tag", true],
    ["*/foo/c/baz", "example.com/foo/c/baz:tag", true],
    ["nginx", "docker.io/library/nginx:1.27", true],
    ["nginx:*", "nginx:1.27", true],
    ["docker.io/*", "nginx", false],
    ["[^a]ginx", "nginx", true],
    ["[!a]ginx", "nginx", false], // "!" is not negation in Go
  ])("%j vs %j → %s", (pattern, ref, want) => {
    expect(familiarMatch(pattern, parseNormalizedNamed(ref))).toBe(want);
  });

  it("matches a digest reference against its digest only", () => {
    expect(familiarMatch("sha256:*", parseAnyReference(D))).toBe(true);
    expect(familiarMatch("nginx", parseAnyReference(D))).toBe(false);
  });

  it.each(["[-x]", "[", "a\\", "foo[", "[]a]"])("%j is a bad pattern", (pattern) => {
    expect(() => familiarMatch(pattern, parseNormalizedNamed("foo"))).toThrow(
      expect.objectContaining({ code: "BAD_PATTERN", message: "syntax error in pattern" }),
    );
  });
});

describe("non-references", () => {
  it.each([null, undefined, "nginx"])(
    "familiarString(%j) / familiarName(%j) throw TypeErrors",
    (value) => {
      expect(() => familiarString(value as never)).toThrow(
        new TypeError("familiarString: expected a reference"),
      );
      expect(() => familiarName(value as never)).toThrow(
        new TypeError("familiarName: expected a reference with a name"),
      );
    },
  );
});
