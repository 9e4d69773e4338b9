// Go's Parse (no normalisation): the spec's selected cases, the domain/path decision, lengths.
import { describe, expect, it } from "vitest";
import { parseReference, referenceKind } from "../../src/reference/index.js";

const D = `sha256:${"b".repeat(64)}`;

describe("parseReference", () => {
  it.each([
    ["test.com:5000", { name: "test.com", domain: "", path: "test.com", tag: "5000" }],
    ["test:5000/repo", { domain: "test:5000", path: "repo" }],
    ["foo/bar", { domain: "foo", path: "bar" }], // leftmost-first: the domain reading wins
    ["foo_bar.com:8080", { name: "foo_bar.com", tag: "8080" }],
    ["exa_mple.com/foo", { domain: "", path: "exa_mple.com/foo" }],
    ["xn--n3h.com/myimage:xn--n3h.com", { domain: "xn--n3h.com", tag: "xn--n3h.com" }],
    ["[2001:db8::1]:5000/repo", { domain: "[2001:db8::1]:5000", path: "repo" }],
    ["[2001:db8::1]/repo", { domain: "[2001:db8::1]", path: "repo" }],
    ["localhost", { domain: "", path: "localhost" }],
    ["localhost/app", { domain: "localhost", path: "app" }],
    [`localhost:8080@${D}`, { name: "localhost", tag: "8080", digest: D }],
    ["Foo/bar", { domain: "Foo", path: "bar" }],
  ])("%s", (input, want) => {
    expect(parseReference(input)).toMatchObject(want);
  });

  it.each([
    ["Uppercase:tag", "repository name must be lowercase"],
    ["Foo_x/bar", "repository name must be lowercase"],
    ["", "repository name must have at least one component"],
    ["aa/asdf$$^/aa", "invalid reference format"],
    [`validname@invaliddigest:${"f".repeat(64)}`, "unsupported digest algorithm"],
    ["[fe80::1%eth0]:5000/repo", "invalid reference format"],
    ["[::1]", "invalid reference format"],
    ["http://url", "invalid reference format"],
    [" nginx", "invalid reference format"],
    ["nginx ", "invalid reference format"],
  ])("%j fails with %j", (input, message) => {
    expect(() => parseReference(input)).toThrow(
      new RegExp(`^${message.replace(/[$^[\]]/g, "\\$&")}$`),
    );
  });

  it("the 255 limit counts the path only", () => {
    expect(parseReference("a".repeat(255)).path).toHaveLength(255);
    expect(() => parseReference("a".repeat(256))).toThrow("not be more than 255");
    const longDomain = `${"d".repeat(1000)}.com`;
    expect(parseReference(`${longDomain}/${"a".repeat(255)}`).domain).toBe(longDomain);
    expect(() => parseReference(`${longDomain}/${"a".repeat(256)}`)).toThrow(
      "not be more than 255",
    );
    expect(() => parseReference(`x/${"a".repeat(254)}`)).not.toThrow(); // domain "x", path 254
  });

  it("the path length is checked before the digest", () => {
    expect(() => parseReference(`${"a".repeat(256)}@md5:${"0".repeat(32)}`)).toThrow("255");
  });

  it("types the result as Go would", () => {
    expect(referenceKind(parseReference("a"))).toBe("repository");
    expect(referenceKind(parseReference("a:b"))).toBe("tagged");
    expect(referenceKind(parseReference(`a@${D}`))).toBe("canonical");
    expect(referenceKind(parseReference(`a:b@${D}`))).toBe("tagged+digested");
  });
});
