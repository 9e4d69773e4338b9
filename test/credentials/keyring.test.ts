import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createKeyring,
  dockerConfigFromEntries,
  isDefaultRegistryMatch,
  normalizeKeyringKey,
  parseDockerConfig,
  unionKeyrings,
  urlsMatch,
} from "../../src/credentials/index.js";
import { globLabelAffixes } from "../../src/credentials/keyring.js";
import { goPathMatchByteStrings, toByteString } from "../../src/internal/go-path-match.js";

function one(key: string, username: string) {
  return dockerConfigFromEntries([[key, { username, password: `pw-${username}` }]]);
}

// §4.4 table: config key → keyring key (or skipped).
const normalisation: readonly (readonly [string, string | null])[] = [
  ["https://index.docker.io/v1/", "index.docker.io"],
  ["index.docker.io", "index.docker.io"],
  ["https://quay.io/v1/", "quay.io"],
  ["http://quay.io/v2/foo", "quay.io/foo"],
  ["quay.io/v1", "quay.io/v1"],
  ["quay.io/v1/", "quay.io"],
  ["quay.io/v3/x", "quay.io/v3/x"],
  ["https://quay.io:443/", "quay.io:443"],
  ["registry.io/ns/", "registry.io/ns/"],
  ["Registry.IO", "Registry.IO"],
  ["https://registry.io/ns?x=1", "registry.io/ns"],
  ["my registry", null],
  ["registry.io:abc", null],
];

describe("keyring Add: §4.4 key normalisation", () => {
  it.each(normalisation)("%j → %j", (configKey, want) => {
    const r = normalizeKeyringKey(configKey);
    if (want === null) expect(r.ok).toBe(false);
    else expect(r).toEqual({ ok: true, key: want });
    const kr = createKeyring(one(configKey, "u"));
    expect(kr.index).toEqual(want === null ? [] : [want]);
    expect(kr.skipped.map((s) => s.entry)).toEqual(want === null ? [configKey] : []);
  });

  it("keeps Go's error text for skipped entries", () => {
    const kr = createKeyring(one("registry.io:abc", "a"), one("my registry", "b"));
    expect(kr.skipped.map((s) => s.error)).toEqual([
      'parse "https://registry.io:abc": invalid port ":abc" after host',
      'parse "https://my registry": invalid character " " in host name',
    ]);
  });

  it("sorts the de-duplicated index in reverse byte order (not UTF-16 order)", () => {
    const kr = createKeyring(
      one("a.io", "1"),
      one("\u{1F600}.io", "2"),
      one("\uFF21.io", "3"),
      one("a.io/", "4"),
    );
    // UTF-8: U+1F600 (F0 ..) sorts after U+FF21 (EF ..); UTF-16 would put U+1F600 (D83D) first.
    expect(kr.index).toEqual(["\u{1F600}.io", "\uFF21.io", "a.io"]);
    expect(kr.lookup("a.io/x").map((c) => c.username)).toEqual(["1", "4"]);
  });
});

describe("keyring Lookup: §4.5.1 upstream tables", () => {
  // TestDockerKeyringForGlob: Lookup(target + "/foo/bar") finds the credential.
  const hits: readonly (readonly [string, string])[] = [
    ["https://hello.kubernetes.io", "hello.kubernetes.io"],
    ["https://*.docker.io", "prefix.docker.io"],
    ["https://prefix.*.io", "prefix.docker.io"],
    ["https://prefix.docker.*", "prefix.docker.io"],
    ["https://*.docker.io/path", "prefix.docker.io/path"],
    ["https://prefix.*.io/path", "prefix.docker.io/path/subpath"],
    ["https://prefix.docker.*/path", "prefix.docker.io/path"],
    ["https://*.docker.io:8888", "prefix.docker.io:8888"],
    ["https://prefix.*.io:8888", "prefix.docker.io:8888"],
    ["https://prefix.docker.*:8888", "prefix.docker.io:8888"],
    ["https://*.docker.io/path:1111", "prefix.docker.io/path:1111"],
    ["https://*.docker.io/v1/", "prefix.docker.io/path:1111"],
    ["https://*.docker.io/v2/", "prefix.docker.io/path:1111"],
    ["https://prefix.docker.*/path:1111", "prefix.docker.io/path:1111"],
    ["prefix.docker.io:1111", "prefix.docker.io:1111/path"],
    ["*.docker.io:1111", "prefix.docker.io:1111/path"],
  ];
  it.each(hits)("TestDockerKeyringForGlob %j finds %j", (key, target) => {
    const kr = createKeyring(
      parseDockerConfig({ [key]: { email: "foo@bar.baz", username: "foo", password: "bar" } }),
    );
    const creds = kr.lookup(`${target}/foo/bar`);
    expect(creds.map((c) => [c.username, c.password, c.email])).toEqual([
      ["foo", "bar", "foo@bar.baz"],
    ]);
  });

  // TestKeyringMiss.
  const misses: readonly (readonly [string, string])[] = [
    ["https://hello.kubernetes.io", "world.mesos.org/foo/bar"],
    ["https://*.docker.com", "prefix.docker.io"],
    ["https://suffix.*.io", "prefix.docker.io"],
    ["https://prefix.docker.c*", "prefix.docker.io"],
    ["https://prefix.*.io/path:1111", "prefix.docker.io/path/subpath:1111"],
    ["suffix.*.io", "prefix.docker.io"],
  ];
  it.each(misses)("TestKeyringMiss %j does not serve %j", (key, lookup) => {
    const kr = createKeyring(one(key, "foo"));
    expect(kr.lookup(`${lookup}/foo/bar`)).toEqual([]);
  });

  it("Docker Hub credentials: fallback on an exact index.docker.io key only (TestKeyring*DockerHub)", () => {
    const kr = createKeyring(one("https://index.docker.io/v1/", "hub"));
    expect(kr.lookup("world.mesos.org/foo/bar")).toEqual([]);
    expect(kr.lookup("google/docker-registry").map((c) => c.username)).toEqual(["hub"]);
    expect(kr.lookup("jenkins").map((c) => c.username)).toEqual(["hub"]);
    const qualified = kr.lookup("index.docker.io/v1//google/docker-registry");
    expect(qualified.length).toBeGreaterThanOrEqual(1);
    expect(qualified.length).toBeLessThanOrEqual(2);
    // The kubelet looks up normalised names: docker.io/... reaches index.docker.io by fallback.
    expect(kr.lookup("docker.io/library/nginx").map((c) => c.key)).toEqual(["index.docker.io"]);
    // A globbed key is not a fallback.
    expect(createKeyring(one("*.docker.io", "g")).lookup("docker.io/library/nginx")).toEqual([]);
  });

  // TestDockerKeyringLookup: grace = bar.example.com/pong, ada = bar.example.com.
  const lookupRows: readonly (readonly [string, readonly string[]])[] = [
    ["bar.example.com", ["ada"]],
    ["bar.example.com/pong", ["grace", "ada"]],
    ["bar.example.com/ping", ["ada"]],
    ["bar.example.com/pongz", ["grace", "ada"]],
    ["bar.example.com/pong/pang", ["grace", "ada"]],
    ["example.com", []],
    ["foo.example.com", []],
  ];
  it.each(lookupRows)("TestDockerKeyringLookup %j → %j", (image, want) => {
    const kr = createKeyring(
      parseDockerConfig({
        "bar.example.com/pong": { username: "grace", password: "x", email: "grace@example.com" },
        "bar.example.com": { username: "ada", password: "y", email: "ada@example.com" },
      }),
    );
    expect(kr.lookup(image).map((c) => c.username)).toEqual(want);
  });

  it.each(["quay.io", "quay.io/foo", "quay.io/foo/bar"])("TestIssue3797: %j → rex", (image) => {
    const kr = createKeyring(one("https://quay.io/v1/", "rex"));
    expect(kr.lookup(image).map((c) => c.username)).toEqual(["rex"]);
  });

  it.each([
    ["foo/bar", true],
    ["docker.io/foo/bar", true],
    ["index.docker.io/foo/bar", true],
    ["foo", true],
    ["", false],
    ["registry.tld/foo/bar", false],
    ["registry:5000/foo/bar", false],
    ["myhostdocker.io/foo/bar", false],
  ] as const)("TestIsDefaultRegistryMatch %j → %j", (image, want) => {
    expect(isDefaultRegistryMatch(image)).toBe(want);
  });
});

describe("keyring: order, union, sources", () => {
  it("appends credentials of one key in insertion order across configs", () => {
    const kr = createKeyring(one("reg.io", "first"), one("https://reg.io/", "second"));
    expect(kr.index).toEqual(["reg.io"]);
    expect(kr.lookup("reg.io/app").map((c) => c.username)).toEqual(["first", "second"]);
  });

  it("walks keys in reverse byte order: more specific paths first", () => {
    const kr = createKeyring(
      one("quay.io", "host"),
      one("quay.io/coreos", "org"),
      one("*.io", "glob"),
    );
    expect(kr.index).toEqual(["quay.io/coreos", "quay.io", "*.io"]);
    expect(kr.lookup("quay.io/coreos/etcd").map((c) => c.username)).toEqual([
      "org",
      "host",
      "glob",
    ]);
  });

  it("unionKeyrings concatenates members in order and skips missing ones", () => {
    const secrets = createKeyring(one("reg.io", "secret"));
    const node = createKeyring(one("reg.io", "node"));
    const plugin = createKeyring(one("*.io", "plugin"));
    const all = unionKeyrings(secrets, null, node, undefined, plugin);
    expect(all.lookup("reg.io/x").map((c) => c.username)).toEqual(["secret", "node", "plugin"]);
    expect(all.index).toEqual(["reg.io", "reg.io", "*.io"]);
    expect(unionKeyrings().lookup("reg.io/x")).toEqual([]);
  });

  it("tags credentials with their config's source", () => {
    const cfg = parseDockerConfig('{"auths":{"reg.io":{"auth":"dTpw"}}}', {
      source: { kind: "dockerConfig", file: "/var/lib/kubelet/config.json" },
    });
    const [c] = createKeyring(cfg).lookup("reg.io/x");
    expect(c?.source).toEqual({ kind: "dockerConfig", file: "/var/lib/kubelet/config.json" });
    expect(c?.key).toBe("reg.io");
  });

  it("treats __proto__ and constructor as ordinary registry keys", () => {
    const cfg = parseDockerConfig('{"__proto__":{"username":"p"},"constructor":{"username":"c"}}');
    const kr = createKeyring(cfg);
    expect(kr.index).toEqual(["constructor", "__proto__"]);
    expect(kr.lookup("__proto__/x").map((c) => c.username)).toEqual(["p"]);
    expect(({} as Record<string, unknown>).username).toBeUndefined();
  });

  it("a lookup with an unparsable image finds nothing but may still use the Docker Hub fallback", () => {
    const kr = createKeyring(one("index.docker.io", "hub"), one("*", "any"));
    expect(kr.lookup("a b").map((c) => c.username)).toEqual(["hub"]);
    expect(kr.lookup("reg.io:x/app")).toEqual([]);
  });

  it("lookup rejects a non-string image", () => {
    expect(() => createKeyring().lookup(42 as unknown as string)).toThrow(TypeError);
  });

  it("looks up among 10,000 keys without scanning them all (candidates by host)", () => {
    const configs = [];
    for (let i = 0; i < 10_000; i++) configs.push(one(`registry-${i}.example.com`, `u${i}`));
    configs.push(one("*.example.com", "glob"));
    const kr = createKeyring(...configs);
    expect(kr.lookup("registry-4242.example.com/app").map((c) => c.username)).toEqual([
      "u4242",
      "glob",
    ]);
    expect(kr.lookup("other.example.com/app").map((c) => c.username)).toEqual(["glob"]);
  });
});

describe("keyring lookup index: same answers as Go's linear scan", () => {
  // Go's Lookup, literally: every index key in order through URLsMatchStr, then the fallback.
  function naiveLookup(
    kr: ReturnType<typeof createKeyring>,
    byKey: Map<string, string[]>,
    image: string,
  ): string[] {
    const out: string[] = [];
    for (const k of kr.index) if (urlsMatch(k, image)) out.push(...(byKey.get(k) ?? []));
    if (out.length > 0) return out;
    if (isDefaultRegistryMatch(image)) return byKey.get("index.docker.io") ?? [];
    return [];
  }

  const label = fc.constantFrom(
    "a",
    "b",
    "reg",
    "*",
    "r*",
    "*g",
    "[a-c]",
    "[^a]",
    "\\*",
    "io",
    "docker",
    "index",
  );
  const host = fc.array(label, { minLength: 1, maxLength: 4 }).map((ls) => ls.join("."));
  const port = fc.constantFrom("", ":5000", ":443", ":");
  const path = fc.constantFrom("", "/", "/ns", "/ns/app", "/v1/", "/v2/ns", "/n");
  const scheme = fc.constantFrom("", "https://", "http://");
  const key = fc.tuple(scheme, host, port, path).map(([s, h, p, q]) => `${s}${h}${p}${q}`);
  const image = fc
    .tuple(
      fc.array(fc.constantFrom("a", "b", "reg", "io", "docker", "index", "c", "*"), {
        minLength: 1,
        maxLength: 4,
      }),
      port,
      path,
    )
    .map(([ls, p, q]) => `${ls.join(".")}${p}${q}/x`);

  // The indexed lookup against the linear scan, for keys[i] held by user `${i}`.
  function expectLinearScanAnswers(keys: readonly string[], images: readonly string[]): void {
    const kr = createKeyring(...keys.map((k, i) => one(k, `${i}`)));
    const byKey = new Map<string, string[]>();
    for (const k of kr.index) byKey.set(k, []);
    keys.forEach((k, i) => {
      const n = normalizeKeyringKey(k);
      if (n.ok) byKey.get(n.key)?.push(`${i}`);
    });
    for (const img of images) {
      expect(
        kr.lookup(img).map((c) => c.username),
        img,
      ).toEqual(naiveLookup(kr, byKey, img));
    }
  }

  it("agrees on random keyrings and images", () => {
    fc.assert(
      fc.property(
        fc.array(key, { maxLength: 25 }),
        fc.array(image, { minLength: 1, maxLength: 10 }),
        expectLinearScanAnswers,
      ),
      { numRuns: 300 },
    );
  });

  // Label patterns shaped for the prefix/suffix index: affixes, '?', escapes, classes, UTF-8,
  // and malformed patterns (which never match), as fixed shapes and as random concatenations.
  const affixLabel = fc.oneof(
    fc.constantFrom(
      "*-12",
      "*-1",
      "*2",
      "ab*",
      "a*",
      "a*b",
      "ab*-12",
      "a*b*-12",
      "*",
      "**b",
      "?x*",
      "?",
      "a?",
      "?b",
      "\\a*",
      "a\\*",
      "*\\b",
      "*\\-12",
      "a\\",
      "[a-c]*",
      "*[a-c]",
      "[^a]*-12",
      "[ab]b",
      "a[",
      "*a[",
      "a*[",
      "[]a]*",
      "]a*",
      "*a]",
      "*\u00e9",
      "\u00e9*",
      "?\u00e9",
      "*?\u00e9",
      "a",
      "ab",
      "-12",
    ),
    fc
      .array(
        fc.constantFrom(
          "a",
          "b",
          "x",
          "-12",
          "2",
          "*",
          "?",
          "[a-c]",
          "\\a",
          "\\*",
          "[",
          "]",
          "\u00e9",
        ),
        {
          minLength: 1,
          maxLength: 4,
        },
      )
      .map((parts) => parts.join("")),
  );
  const affixKey = fc
    .tuple(
      fc.array(affixLabel, { minLength: 1, maxLength: 3 }),
      fc.constantFrom("", "", ":5000"),
      fc.constantFrom("", "", "/ns"),
    )
    .map(([ls, p, q]) => `${ls.join(".")}${p}${q}`);
  // After url.Parse only '*' and the brackets of an IPv6 literal reach a label ('?' starts the
  // query, '\\' and other brackets are rejected): `[fe80::1a]` without a port is the glob
  // class {f,e,8,0,:,1,a}, so its key serves the image `a/x`.
  const reachableKey = fc.oneof(
    affixKey,
    fc.constantFrom(
      "[fe80::1a]",
      "[fe80::1a]/ns",
      "[fe80::1a]:5000",
      "[::ffff:1.2.3.4]",
      "[fe80::1%252A]",
      "[fe80::1%2541*]",
      "*a].io",
      "a]*.io",
    ),
  );
  const imageLabel = fc
    .array(fc.constantFrom("a", "b", "x", "-1", "2", "-12", "c", "\u00e9", "*", "]"), {
      minLength: 1,
      maxLength: 3,
    })
    .map((parts) => parts.join(""));
  const affixImage = fc
    .tuple(
      fc.array(imageLabel, { minLength: 1, maxLength: 3 }),
      fc.constantFrom("", "", ":5000"),
      fc.constantFrom("/x", "/ns/x"),
    )
    .map(([ls, p, q]) => `${ls.join(".")}${p}${q}`);

  // An image the key (usually) matches, so that most lookups have hits to lose: `*` becomes
  // `filler`, `?` a letter, a class its first member, `\c` the byte c.
  function imageFor(key: string, filler: string): string {
    let out = "";
    for (let i = 0; i < key.length; i++) {
      const c = key.charAt(i);
      if (c === "\\" && i + 1 < key.length) out += key.charAt(++i);
      else if (c === "*") out += filler;
      else if (c === "?") out += "z";
      else if (c === "[" && key.indexOf("]", i + 2) > 0) {
        out += key.charAt(i + 1) === "^" ? "z" : key.charAt(i + 1);
        i = key.indexOf("]", i + 2);
      } else out += c;
    }
    return `${out}/x`;
  }

  it("agrees on globs filed by a literal prefix or suffix of a label", () => {
    fc.assert(
      fc.property(
        fc.array(reachableKey, { maxLength: 30 }),
        fc.array(affixImage, { minLength: 1, maxLength: 10 }),
        fc.constantFrom("", "x", "-1", "\u00e9", "ab"),
        (keys, images, filler) => {
          expectLinearScanAnswers(keys, [...images, ...keys.map((k) => imageFor(k, filler))]);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe("globLabelAffixes: what every label a pattern matches starts and ends with", () => {
  const rows: readonly (readonly [string, string, string])[] = [
    ["*-12", "", "-12"],
    ["ab*", "ab", ""],
    ["a*b", "a", "b"],
    ["ab*-12", "ab", "-12"],
    ["*", "", ""],
    ["?x*", "", ""],
    ["x?", "x", ""],
    ["?x", "", "x"],
    // An escape ends the affix (`\\*` is a literal '*', but the affix stays plain bytes).
    ["a\\*b", "a", "b"],
    ["*\\bc", "", "bc"],
    ["\\a*", "", ""],
    ["[a-c]x*", "", ""],
    ["*x[a-c]", "", ""],
    ["[fe80::1a]", "", ""],
    ["*a]b", "", "b"],
    // Malformed (never matches): any affix is harmless.
    ["ab[", "ab", ""],
    ["a\\", "a", ""],
    ["abc", "abc", "abc"],
    ["", "", ""],
  ];
  it.each(rows)("%j → prefix %j, suffix %j", (pattern, prefix, suffix) => {
    expect(globLabelAffixes(pattern)).toEqual({ prefix, suffix });
  });

  it("never excludes a label that Go's filepath.Match accepts", () => {
    const piece = fc.constantFrom("a", "b", "-1", "2", "*", "?", "[a-c]", "[^a]", "\\", "\\*");
    const text = fc.constantFrom("a", "b", "-1", "2", "*", "?", "\\", "[", "]", "\u00e9", "c");
    fc.assert(
      fc.property(
        fc.array(fc.oneof(piece, text), { maxLength: 6 }).map((ps) => toByteString(ps.join(""))),
        fc.array(text, { maxLength: 6 }).map((ps) => toByteString(ps.join(""))),
        (pattern, name) => {
          const { prefix, suffix } = globLabelAffixes(pattern);
          if (goPathMatchByteStrings(pattern, name).matched) {
            expect(name.startsWith(prefix) && name.endsWith(suffix), `${pattern} ~ ${name}`).toBe(
              true,
            );
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  // Reverse byte order puts `*.*.*.*` before `*.*-N.*.*` ('.' > '-').
  it("finds the matching key among 10,000 globs with no literal label", () => {
    const kr = createKeyring(
      dockerConfigFromEntries(
        Array.from({ length: 10_000 }, (_, i) => [`*.*-${i}.*.*`, { username: `${i}` }] as const),
      ),
      one("*.*.*.*", "any"),
      one("*-42.example.*", "suffix"),
    );
    expect(kr.lookup("eu.tenant-4242.example.com/app").map((c) => c.username)).toEqual([
      "any",
      "4242",
    ]);
    expect(kr.lookup("eu.tenant-42.example.com/app").map((c) => c.username)).toEqual(["any", "42"]);
    expect(kr.lookup("eu-42.example.io/app").map((c) => c.username)).toEqual(["suffix"]);
    expect(kr.lookup("eu.tenant-x42.example.com/app").map((c) => c.username)).toEqual(["any"]);
  });
});
