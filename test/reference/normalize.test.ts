// ParseNormalizedNamed (what Kubernetes uses), splitDockerDomain, ParseNamed, ParseAnyReference,
// ParseDockerRef: the spec's selected cases and the paths of the fast scanner.
import { describe, expect, it } from "vitest";
import {
  parseAnyReference,
  parseDockerRef,
  parseNamed,
  parseNormalizedNamed,
  referenceKind,
} from "../../src/reference/index.js";
import { splitDockerDomain } from "../../src/reference/normalize.js";

const HEX = "dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c";
const D = `sha256:${HEX}`;

describe("splitDockerDomain", () => {
  it.each([
    ["ubuntu", "docker.io", "library/ubuntu"],
    ["ubuntu:1", "docker.io", "library/ubuntu:1"],
    ["foo/bar", "docker.io", "foo/bar"],
    ["localhost/foo", "localhost", "foo"],
    ["localhost:5000/foo", "localhost:5000", "foo"],
    ["index.docker.io/foo", "docker.io", "library/foo"],
    ["index.docker.io/foo/bar", "docker.io", "foo/bar"],
    ["docker.io/foo", "docker.io", "library/foo"],
    ["registry-1.docker.io/foo", "registry-1.docker.io", "foo"],
    ["Foo/bar", "Foo", "bar"],
    ["İ/bar", "İ", "bar"],
    ["[::1]/bar", "[::1]", "bar"],
    ["[fd00]/bar", "docker.io", "[fd00]/bar"],
  ])("%s → %s + %s", (input, domain, remainder) => {
    expect(splitDockerDomain(input)).toEqual([domain, remainder]);
  });
});

describe("parseNormalizedNamed", () => {
  it.each([
    ["nginx", "docker.io/library/nginx", "docker.io", "library/nginx"],
    ["Docker/docker", "Docker/docker", "Docker", "docker"],
    ["192.168.0.1", "docker.io/library/192.168.0.1", "docker.io", "library/192.168.0.1"],
    ["index.docker.io/debian", "docker.io/library/debian", "docker.io", "library/debian"],
    ["library/foo/bar", "docker.io/library/foo/bar", "docker.io", "library/foo/bar"],
    ["localhost", "docker.io/library/localhost", "docker.io", "library/localhost"],
    ["localhost:5000", "docker.io/library/localhost:5000", "docker.io", "library/localhost"],
    ["localhost/app", "localhost/app", "localhost", "app"],
    [`sha256:${HEX}`, `docker.io/library/sha256:${HEX}`, "docker.io", "library/sha256"],
    [HEX.slice(1), `docker.io/library/${HEX.slice(1)}`, "docker.io", `library/${HEX.slice(1)}`],
    ["exa_mple.com/foo", "exa_mple.com/foo", "", "exa_mple.com/foo"],
    ["foo/bar", "docker.io/foo/bar", "docker.io", "foo/bar"],
    ["[::1]:5000/app:v1", "[::1]:5000/app:v1", "[::1]:5000", "app"],
    [`ghcr.io/org/app:1.2@${D}`, `ghcr.io/org/app:1.2@${D}`, "ghcr.io", "org/app"],
  ])("%s → %s (domain %j, path %j)", (input, string, domain, path) => {
    const ref = parseNormalizedNamed(input);
    expect(String(ref)).toBe(string);
    expect(ref.domain).toBe(domain);
    expect(ref.path).toBe(path);
  });

  it.each([
    [
      "docker/Docker",
      "invalid reference format: repository name (docker/Docker) must be lowercase",
    ],
    ["FOO", "invalid reference format: repository name (library/FOO) must be lowercase"],
    ["[fc00::1]:5000", "invalid reference format"],
    ["[fd00]/app", "invalid reference format"],
    ["", "invalid reference format"],
    ["http://url", "invalid reference format"],
    [HEX, `invalid repository name (${HEX}), cannot specify 64-byte hexadecimal strings`],
    [`foo@md5:${"0".repeat(32)}`, "unsupported digest algorithm"],
    ["Foo_x/bar", "repository name must be lowercase"],
  ])("%j fails with %j", (input, message) => {
    expect(() => parseNormalizedNamed(input)).toThrow(message);
  });

  it("the 255 limit counts the normalised path (library/ included)", () => {
    expect(parseNormalizedNamed(`docker.io/library/${"a".repeat(247)}`).path).toHaveLength(255);
    expect(() => parseNormalizedNamed(`docker.io/library/${"a".repeat(248)}`)).toThrow("255");
    expect(parseNormalizedNamed("a".repeat(247)).path).toHaveLength(255);
    expect(() => parseNormalizedNamed("a".repeat(255))).toThrow("255");
    expect(parseNormalizedNamed(`example.com/${"a".repeat(255)}`).path).toHaveLength(255);
  });
});

describe("parseNamed", () => {
  it.each([
    "docker.io/library/foo",
    "test.com/foo",
    "test:8080/foo",
    `docker.io/library/foo:1@${D}`,
  ])("accepts the canonical %s", (input) => {
    expect(String(parseNamed(input))).toBe(input);
  });

  it.each([
    "foo",
    "library/foo",
    "docker.io/foo",
    "test.com",
    "test_com/foo",
    "index.docker.io/library/foo",
  ])("rejects %s as not canonical", (input) => {
    expect(() => parseNamed(input)).toThrow("repository name must be canonical");
  });
});

describe("parseAnyReference", () => {
  it("reads a 64-hex identifier as a sha256 digest reference", () => {
    const ref = parseAnyReference(HEX);
    expect(referenceKind(ref)).toBe("digest");
    expect(String(ref)).toBe(D);
  });

  it("reads a valid digest as a digest reference, an invalid one as a name", () => {
    expect(referenceKind(parseAnyReference(D))).toBe("digest");
    expect(String(parseAnyReference(`sha512:${"a".repeat(128)}`))).toBe(
      `sha512:${"a".repeat(128)}`,
    );
    expect(String(parseAnyReference(`sha256:${HEX.slice(1)}`))).toBe(
      `docker.io/library/sha256:${HEX.slice(1)}`,
    );
  });

  it("reads 63 hex digits as a name", () => {
    expect(String(parseAnyReference(HEX.slice(1)))).toBe(`docker.io/library/${HEX.slice(1)}`);
  });
});

describe("parseDockerRef", () => {
  it.each([
    ["library/busybox", "docker.io/library/busybox:latest"],
    ["busybox:1", "docker.io/library/busybox:1"],
    [`busybox@${D}`, `docker.io/library/busybox@${D}`],
    [`gcr.io/library/busybox:latest@${D}`, `gcr.io/library/busybox@${D}`],
  ])("%s → %s", (input, want) => {
    expect(String(parseDockerRef(input))).toBe(want);
  });

  it("a digest wins over the tag: the result is canonical", () => {
    expect(referenceKind(parseDockerRef(`busybox:1@${D}`))).toBe("canonical");
  });
});
