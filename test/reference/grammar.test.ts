// The scanner, state by state: what each input records in `scan`, the boundaries of every
// production, and the leftmost-first domain/path decision of Go's anchored regexp.
import { describe, expect, it } from "vitest";
import {
  digestColon,
  isDigestFormat,
  isIdentifier,
  isTag,
  matchDomain,
  matchName,
  matchReference,
  scan,
  scanReference,
} from "../../src/reference/grammar.js";

const HEX64 = "a".repeat(64);

type Scan = Partial<typeof scan>;

/** [input, allowDomain, expected scan fields, or false when it must not match] */
const SCANS: ReadonlyArray<readonly [string, boolean, Scan | false]> = [
  ["nginx", true, { domainEnd: -1, nameEnd: 5, tagStart: -1, digestStart: -1, firstSlash: -1 }],
  ["nginx:1.27", true, { domainEnd: -1, nameEnd: 5, tagStart: 6, firstSlash: -1 }],
  [
    "foo/bar",
    true,
    { domainEnd: 3, nameEnd: 7, firstSlash: 3, firstIsPath: true, firstLooksLikeDomain: false },
  ],
  ["foo/bar", false, { domainEnd: -1, nameEnd: 7, firstSlash: 3, firstIsPath: true }],
  ["Foo/bar", true, { domainEnd: 3, firstIsPath: false, firstLooksLikeDomain: true }],
  ["Foo/bar", false, false],
  [
    "exa_mple.com/foo",
    true,
    { domainEnd: -1, firstSlash: 12, firstIsPath: true, firstLooksLikeDomain: true },
  ],
  [
    "a:5000/b",
    true,
    { domainEnd: 6, nameEnd: 8, tagStart: -1, firstSlash: 6, firstLooksLikeDomain: true },
  ],
  ["a:5000/b", false, false],
  ["a:5000", true, { domainEnd: -1, nameEnd: 1, tagStart: 2, firstSlash: -1 }],
  ["a:50x0/b", true, false],
  [
    `localhost:8080@sha256:${HEX64}`,
    true,
    { domainEnd: -1, nameEnd: 9, tagStart: 10, digestStart: 15, digestColon: 21 },
  ],
  [
    "[::1]:5000/app",
    true,
    { domainEnd: 10, nameEnd: 14, firstSlash: 10, firstIsPath: false, firstLooksLikeDomain: true },
  ],
  ["[fd00]/app", true, { domainEnd: 6, firstIsPath: false, firstLooksLikeDomain: false }],
  ["[FD00]/app", true, { domainEnd: 6, firstLooksLikeDomain: true }],
  ["[::1]", true, false],
  ["[::1]/app", false, false],
  ["[]/app", true, false],
  ["[::1]:/app", true, false],
  ["[fe80::1%eth0]:5000/repo", true, false],
  [
    `app@sha256:${HEX64}`,
    true,
    { nameEnd: 3, tagStart: -1, digestStart: 4, digestColon: 10, digestUpperHex: false },
  ],
  [`app@sha256:${HEX64.toUpperCase()}`, true, { digestUpperHex: true }],
  [`app@Sha256:${HEX64}`, true, { digestCapitalAlgorithm: true, digestUpperHex: false }],
  [`app@sha256:${HEX64}`, true, { digestCapitalAlgorithm: false }],
  [`a:${"t".repeat(200)}`, true, false],
  [`a/b:t@sha256:${HEX64}`, true, { domainEnd: 1, nameEnd: 3, tagStart: 4, digestStart: 6 }],
  ["", true, false],
  ["/", true, false],
  ["a/", true, false],
  ["a//b", true, false],
  ["a:", true, false],
  ["a@", true, false],
  ["a:b:c", true, false],
  ["a:b/c", true, false],
  ["a@b@c", true, false],
];

describe("scanReference", () => {
  it.each(SCANS.map(([s, d, want]) => [s, d, want] as const))(
    "%j (domain %s)",
    (s, allowDomain, want) => {
      const ok = scanReference(s, 0, allowDomain);
      expect(ok).toBe(want !== false);
      if (want !== false) expect(scan).toMatchObject(want);
    },
  );

  it("scans from an offset, as ParseNormalizedNamed's remainder", () => {
    expect(scanReference("docker.io/nginx:1", 10, false)).toBe(true);
    expect(scan).toMatchObject({ domainEnd: -1, nameEnd: 15, tagStart: 16 });
    expect(scanReference("docker.io/", 10, false)).toBe(false);
  });

  describe("path components", () => {
    it.each([
      ["a.b", true],
      ["a_b", true],
      ["a__b", true],
      ["a___b", false],
      ["a-b", true],
      ["a---b", true],
      ["a..b", false],
      ["a._b", false],
      ["a_-b", false],
      ["a-_b", false],
      ["a.", false],
      ["a_", false],
      ["a-", false],
      [".a", false],
      ["_a", false],
      ["-a", false],
      ["x/a.b/c__d/e--f", true],
      ["x/A", false],
    ])("%j → %s", (s, ok) => {
      expect(scanReference(s, 0, true)).toBe(ok);
    });
  });

  describe("domains (first component followed by /)", () => {
    it.each([
      ["a-b.com", "a-b.com"],
      ["a--b.com", "a--b.com"],
      ["-ab.com", null],
      ["ab-.com", null],
      ["ab.-com", null],
      ["Asdf.com", "Asdf.com"],
      ["192.168.1.1:75050", "192.168.1.1:75050"],
      ["[2001:db8::1]:5000", "[2001:db8::1]:5000"],
      ["[fd00:1:2::3]75050", null],
      ["a.b:", null],
    ])("%j → domain %j", (domain, want) => {
      const ok = scanReference(`${domain}/app`, 0, true);
      if (want === null) {
        // Not a domain: the input can only match with the component read as a path.
        expect(ok && scan.domainEnd === -1).toBe(ok);
      } else {
        expect(ok).toBe(true);
        expect(scan.domainEnd).toBe(want.length);
      }
    });
  });
});

describe("isTag", () => {
  it.each([
    ["latest", true],
    ["v1.2-rc_3", true],
    ["_x", true],
    ["9", true],
    [".x", false],
    ["-x", false],
    ["", false],
    ["a/b", false],
    ["a:b", false],
    ["a".repeat(128), true],
    ["a".repeat(129), false],
  ])("%j → %s", (tag, ok) => {
    expect(isTag(tag, 0, tag.length)).toBe(ok);
  });

  it("the 128 limit holds inside a reference too", () => {
    expect(scanReference(`a:${"t".repeat(128)}`, 0, true)).toBe(true);
    expect(scanReference(`a:${"t".repeat(129)}`, 0, true)).toBe(false);
    expect(scanReference(`a:${"t".repeat(129)}@sha256:${HEX64}`, 0, true)).toBe(false);
  });
});

describe("digestColon / isDigestFormat", () => {
  it.each([
    [`sha256:${HEX64}`, 6],
    [`sha256:${"0".repeat(32)}`, 6],
    [`sha256:${"0".repeat(31)}`, -1],
    [`SHA256:${HEX64}`, 6],
    [`sha256+b64:${HEX64}`, 10],
    [`a.b_c-d+e:${HEX64}`, 9],
    [`a1:${HEX64}`, 2],
    [`1a:${HEX64}`, -1],
    [`a-:${HEX64}`, -1],
    [`a--b:${HEX64}`, -1],
    [`:${HEX64}`, -1],
    [`sha256:${HEX64}g`, -1],
    [`sha256:${HEX64}:`, -1],
    ["sha256", -1],
  ])("%j → %s", (d, colon) => {
    expect(digestColon(d, 0, d.length)).toBe(colon);
    expect(isDigestFormat(d)).toBe(colon >= 0);
  });
});

describe("isIdentifier", () => {
  it.each([
    [HEX64, true],
    [HEX64.slice(1), false],
    [`${HEX64}a`, false],
    [HEX64.toUpperCase(), false],
    [`g${HEX64.slice(1)}`, false],
  ])("%j → %s", (s, ok) => {
    expect(isIdentifier(s)).toBe(ok);
  });
});

describe("regexp equivalents", () => {
  it("matchName prefers the domain reading, as Go's leftmost-first regexp does", () => {
    expect(matchName("simple/name")).toEqual(["simple", "name"]);
    expect(matchName("test_com/foo")).toEqual(["", "test_com/foo"]);
    expect(matchName("foo_bar.com:8080")).toBeNull();
    expect(matchName("a:1")).toBeNull();
    expect(matchName(`a@sha256:${HEX64}`)).toBeNull();
  });

  it("matchDomain is the anchored DomainRegexp", () => {
    expect(matchDomain("localhost:8080")).toBe(true);
    expect(matchDomain("a/b")).toBe(false);
    expect(matchDomain("")).toBe(false);
  });

  it("matchReference returns the three captures", () => {
    expect(matchReference("a/b:t")).toEqual(["a/b", "t", ""]);
    expect(matchReference("a/b:t@x")).toBeNull();
  });
});
