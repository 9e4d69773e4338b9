// The Reference value: plain readonly data, Go's String(), and the Go type derived from fields.
import { describe, expect, it } from "vitest";
import {
  parseAnyReference,
  parseNormalizedNamed,
  parseReference,
  type Reference,
  referenceKind,
} from "../../src/reference/index.js";

const D = `sha256:${"e".repeat(64)}`;

describe("Reference", () => {
  it.each([
    ["nginx", "repository", "docker.io/library/nginx", ["name", "domain", "path"]],
    ["nginx:1.27", "tagged", "docker.io/library/nginx:1.27", ["name", "domain", "path", "tag"]],
    [
      `nginx@${D}`,
      "canonical",
      `docker.io/library/nginx@${D}`,
      ["name", "domain", "path", "digest"],
    ],
    [
      `nginx:1.27@${D}`,
      "tagged+digested",
      `docker.io/library/nginx:1.27@${D}`,
      ["name", "domain", "path", "tag", "digest"],
    ],
  ] as const)("%s is a %s printing %s with exactly the fields %j", (input, kind, string, keys) => {
    const ref = parseNormalizedNamed(input);
    expect(referenceKind(ref)).toBe(kind);
    expect(String(ref)).toBe(string);
    expect(`${ref}`).toBe(string);
    expect(ref.toString()).toBe(string);
    expect(Object.keys(ref)).toEqual(keys);
  });

  it("a digest reference has only the digest", () => {
    const ref = parseAnyReference("e".repeat(64));
    expect(referenceKind(ref)).toBe("digest");
    expect(String(ref)).toBe(D);
    expect(Object.keys(ref)).toEqual(["digest"]);
  });

  it("is plain data: JSON, spread and structuredClone see only the fields", () => {
    const ref = parseReference("localhost:5000/app:v1");
    const data = { name: "localhost:5000/app", domain: "localhost:5000", path: "app", tag: "v1" };
    expect(JSON.parse(JSON.stringify(ref))).toEqual(data);
    expect({ ...ref }).toEqual(data);
    expect(structuredClone(ref)).toEqual(data);
    expect(Object.hasOwn(ref, "toString")).toBe(false);
  });

  it('a name without a domain has domain "" (Go\'s Domain())', () => {
    const ref = parseReference("test_com");
    expect(ref.domain).toBe("");
    expect(ref.name).toBe("test_com");
    expect(ref.path).toBe("test_com");
  });
});

describe("referenceKind", () => {
  it.each([
    [{ name: "a", domain: "", path: "a" }, "repository"],
    [{ name: "a", domain: "", path: "a", tag: "t" }, "tagged"],
    [{ name: "a", domain: "", path: "a", digest: D }, "canonical"],
    [{ name: "a", domain: "", path: "a", tag: "t", digest: D }, "tagged+digested"],
    [{ digest: D }, "digest"],
  ] as const)("reads the kind of a hand-made %j from its fields", (ref, kind) => {
    expect(referenceKind(ref as Reference)).toBe(kind);
  });
});

describe("non-references", () => {
  it.each([null, undefined, "nginx", 42])(
    "referenceKind(%j) throws a TypeError naming itself",
    (value) => {
      expect(() => referenceKind(value as never)).toThrow(
        new TypeError("referenceKind: expected a reference"),
      );
    },
  );
});
