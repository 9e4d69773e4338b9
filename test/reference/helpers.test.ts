// WithName, WithTag, WithDigest, TrimNamed, TagNameOnly, IsNameOnly: Go's behaviour, including
// what Go's types make impossible (a nameless reference) turned into TypeErrors.
import { describe, expect, it } from "vitest";
import {
  isNameOnly,
  parseAnyReference,
  parseNormalizedNamed,
  type Reference,
  referenceKind,
  tagNameOnly,
  trimNamed,
  withDigest,
  withName,
  withTag,
} from "../../src/reference/index.js";

const D = `sha256:${"1".repeat(64)}`;

describe("withName", () => {
  it.each([
    ["test.com/foo", "test.com", "foo"],
    ["test_com/foo", "", "test_com/foo"],
    ["foo", "", "foo"],
    ["Foo/bar", "Foo", "bar"],
    [`example.com/${"a".repeat(255)}`, "example.com", "a".repeat(255)],
    // The limit is on the path only: a long domain label is fine.
    [`${"a".repeat(300)}.com/foo`, `${"a".repeat(300)}.com`, "foo"],
  ])("%s → domain %j, path %j", (name, domain, path) => {
    const ref = withName(name);
    expect(ref).toMatchObject({ name, domain, path });
    expect(referenceKind(ref)).toBe("repository");
  });

  it.each(["", ":justtag", "foo:tag", `foo@${D}`, "a//b", "Foo/Bar"])("rejects %j", (name) => {
    expect(() => withName(name)).toThrow("invalid reference format");
  });
});

describe("withTag", () => {
  it("adds, replaces, and keeps a digest", () => {
    const base = withName("test.com:8000/foo");
    expect(String(withTag(base, "TAG5"))).toBe("test.com:8000/foo:TAG5");
    expect(String(withTag(withTag(base, "a"), "b"))).toBe("test.com:8000/foo:b");
    const both = withTag(withDigest(base, D), "t");
    expect(String(both)).toBe(`test.com:8000/foo:t@${D}`);
    expect(referenceKind(both)).toBe("tagged+digested");
  });

  it.each(["", "-foo", ".foo", "a/b", "a".repeat(129)])("rejects the tag %j", (tag) => {
    expect(() => withTag(withName("foo"), tag)).toThrow("invalid tag format");
  });

  it("takes a hand-made named value with only a name, as Go does for a Named without Domain()", () => {
    const ref = withTag({ name: "example.com/foo" }, "v1");
    expect(ref).toMatchObject({
      name: "example.com/foo",
      domain: "",
      path: "example.com/foo",
      tag: "v1",
    });
  });
});

describe("withDigest", () => {
  it("adds, and keeps a tag", () => {
    expect(String(withDigest(withName("foo"), D))).toBe(`foo@${D}`);
    const both = withDigest(withTag(withName("foo"), "latest"), D);
    expect(String(both)).toBe(`foo:latest@${D}`);
  });

  it("checks the shape only, like Go (an unregistered algorithm is accepted)", () => {
    const md5 = `md5:${"0".repeat(32)}`;
    expect(withDigest(withName("foo"), md5).digest).toBe(md5);
  });

  it.each(["foo", "sha256:abc", `${D}x`, ""])("rejects %j", (digest) => {
    expect(() => withDigest(withName("foo"), digest)).toThrow("invalid digest format");
  });
});

describe("trimNamed / tagNameOnly / isNameOnly", () => {
  it.each([
    ["nginx", "docker.io/library/nginx", "docker.io/library/nginx:latest", true],
    ["nginx:1", "docker.io/library/nginx", "docker.io/library/nginx:1", false],
    [`nginx@${D}`, "docker.io/library/nginx", `docker.io/library/nginx@${D}`, false],
    [`nginx:1@${D}`, "docker.io/library/nginx", `docker.io/library/nginx:1@${D}`, false],
  ])("%s: trim %s, tagNameOnly %s, isNameOnly %s", (input, trimmed, tagged, nameOnly) => {
    const ref = parseNormalizedNamed(input);
    expect(String(trimNamed(ref))).toBe(trimmed);
    expect(referenceKind(trimNamed(ref))).toBe("repository");
    expect(String(tagNameOnly(ref))).toBe(tagged);
    expect(isNameOnly(ref)).toBe(nameOnly);
  });

  it("tagNameOnly returns a tagged or digested reference unchanged", () => {
    const ref = parseNormalizedNamed("nginx:1");
    expect(tagNameOnly(ref)).toBe(ref);
  });

  it("trimNamed splits a hand-made name the way Go's splitDomain does", () => {
    expect(trimNamed({ name: "example.com/foo" })).toMatchObject({
      domain: "example.com",
      path: "foo",
    });
    expect(trimNamed({ name: "not a name" })).toMatchObject({ domain: "", path: "not a name" });
  });
});

describe("a nameless reference where Go requires Named", () => {
  const digestOnly: Reference = parseAnyReference("1".repeat(64));
  it.each([
    ["withTag", () => withTag(digestOnly, "t")],
    ["withDigest", () => withDigest(digestOnly, D)],
    ["trimNamed", () => trimNamed(digestOnly)],
    ["tagNameOnly", () => tagNameOnly(digestOnly)],
    ["isNameOnly", () => isNameOnly(digestOnly)],
    ["withTag", () => withTag(null as never, "t")],
  ])("%s throws a TypeError", (name, run) => {
    expect(run).toThrow(new TypeError(`${name}: expected a reference with a name`));
  });
});
