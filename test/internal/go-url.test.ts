import { describe, expect, it } from "vitest";
import { goQuoteText, goSplitHostPort, goURLParse } from "../../src/internal/go-url.js";

describe("goURLParse: the slice the keyring uses", () => {
  it("splits scheme, userinfo, host, path, query, fragment", () => {
    expect(goURLParse("HTTPS://u:p@reg.io:5000/v2/a%20b?q=1#frag")).toEqual({
      ok: true,
      url: {
        scheme: "https",
        opaque: "",
        hasUserinfo: true,
        host: "reg.io:5000",
        path: "/v2/a b",
        forceQuery: false,
        rawQuery: "q=1",
        fragment: "frag",
      },
    });
    const force = goURLParse("https://reg.io/x?");
    expect(force.ok && [force.url.forceQuery, force.url.rawQuery]).toEqual([true, ""]);
    const opaque = goURLParse("mailto:a@b");
    expect(opaque.ok && opaque.url.opaque).toBe("a@b");
  });

  // Go's error texts (current Go with urlstrictcolons=0).
  const errors: readonly (readonly [string, string])[] = [
    ["https://reg .io", 'parse "https://reg .io": invalid character " " in host name'],
    ["https://a[b]", 'parse "https://a[b]": invalid IP-literal'],
    ["https://[::1", "parse \"https://[::1\": missing ']' in host"],
    ["https://[1.2.3.4]", 'parse "https://[1.2.3.4]": invalid IP-literal'],
    ["https://[]", 'parse "https://[]": invalid host: ParseAddr(""): unable to parse IP'],
    [
      "https://[v1.x]",
      'parse "https://[v1.x]": invalid host: ParseAddr("v1.x"): unexpected character (at "v1.x")',
    ],
    ["https://[::1]x", 'parse "https://[::1]x": invalid port "x" after host'],
    [
      "https://[::1%25]",
      'parse "https://[::1%25]": invalid host: ParseAddr("::1%"): zone must be a non-empty string',
    ],
    [
      "https://[1::2::3]",
      'parse "https://[1::2::3]": invalid host: ParseAddr("1::2::3"): multiple :: in address (at ":3")',
    ],
    [
      "https://[12345::]",
      'parse "https://[12345::]": invalid host: ParseAddr("12345::"): each group must have 4 or less digits (at "12345::")',
    ],
    [
      "https://[1:2]",
      'parse "https://[1:2]": invalid host: ParseAddr("1:2"): address string too short',
    ],
    [
      "https://[::01.2.3.4]",
      'parse "https://[::01.2.3.4]": invalid host: ParseAddr("::01.2.3.4"): IPv4 field has octet with leading zero',
    ],
    ["https://reg.io:abc", 'parse "https://reg.io:abc": invalid port ":abc" after host'],
    ["https://%zz", 'parse "https://%zz": invalid URL escape "%zz"'],
    ["https://%41", 'parse "https://%41": invalid URL escape "%41"'],
    ["https://r/%", 'parse "https://r/%": invalid URL escape "%"'],
    ["https://r/%€", 'parse "https://r/%€": invalid URL escape "%\\xe2\\x82"'],
    ["https://r#%zz", 'parse "https://r#%zz": invalid URL escape "%zz"'],
    ["https://ü@r", 'parse "https://ü@r": net/url: invalid userinfo'],
    ["https://r\u007f", 'parse "https://r\\x7f": net/url: invalid control character in URL'],
    ["://x", 'parse "://x": missing protocol scheme'],
    ["1a:b/x", 'parse "1a:b/x": first path segment in URL cannot contain colon'],
    ["https://a{b}/", 'parse "https://a{b}/": invalid character "{" in host name'],
  ];
  it.each(errors)("%j → %j", (raw, error) => {
    expect(goURLParse(raw)).toEqual({ ok: false, error });
  });

  it("accepts valid IPv6 literals, zones and IPv4-mapped addresses", () => {
    for (const raw of [
      "https://[::1]:5000",
      "https://[fe80::1%25en0]",
      "https://[::ffff:1.2.3.4]",
      "https://[1:2:3:4:5:6:7:8]",
    ]) {
      expect(goURLParse(raw).ok).toBe(true);
    }
    const zone = goURLParse("https://[fe80::1%25en0]:80/x");
    expect(zone.ok && zone.url.host).toBe("[fe80::1%en0]:80");
  });

  it("decodes non-ASCII host escapes to bytes (shown as U+FFFD when not UTF-8)", () => {
    const r = goURLParse("https://%C3%A9.io/%FF");
    expect(r.ok && [r.url.host, r.url.path]).toEqual(["é.io", "/\ufffd"]);
  });
});

describe("goSplitHostPort", () => {
  it.each([
    ["reg.io:5000", { ok: true, host: "reg.io", port: "5000" }],
    ["[::1]:80", { ok: true, host: "::1", port: "80" }],
    ["reg.io:", { ok: true, host: "reg.io", port: "" }],
    ["reg.io", { ok: false, error: "address reg.io: missing port in address" }],
    ["[::1]", { ok: false, error: "address [::1]: missing port in address" }],
    ["a:b:c", { ok: false, error: "address a:b:c: too many colons in address" }],
    ["[::1", { ok: false, error: "address [::1: missing ']' in address" }],
    ["[::1]:80:90", { ok: false, error: "address [::1]:80:90: too many colons in address" }],
    ["[::1]x:80", { ok: false, error: "address [::1]x:80: missing port in address" }],
    ["a[b:80", { ok: false, error: "address a[b:80: unexpected '[' in address" }],
    ["a]b:80", { ok: false, error: "address a]b:80: unexpected ']' in address" }],
  ] as const)("%j", (input, want) => {
    expect(goSplitHostPort(input)).toEqual(want);
  });
});

describe("goQuoteText (strconv.Quote)", () => {
  it.each([
    ["abc", '"abc"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ["\t\n\r\u0007\b\f\v", '"\\t\\n\\r\\a\\b\\f\\v"'],
    ["\u0000\u001f\u007f", '"\\x00\\x1f\\x7f"'],
    ["é☺😀", '"é☺😀"'],
    ["\u00a0\u200b", '"\\u00a0\\u200b"'],
    ["\u{e0001}", '"\\U000e0001"'],
  ])("%j → %s", (input, want) => {
    expect(goQuoteText(input)).toBe(want);
  });
});

describe("goURLParse: linear time", () => {
  function time(f: () => void): number {
    let best = Number.POSITIVE_INFINITY;
    for (let r = 0; r < 3; r++) {
      const t0 = performance.now();
      f();
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  }
  it.each([
    ["long host", (n: number) => `https://${"a.".repeat(n)}io/x`],
    ["long path of escapes", (n: number) => `https://r/${"%41".repeat(n)}`],
    ["brackets", (n: number) => `https://[${"1:".repeat(n)}]`],
    ["colons", (n: number) => `https://${"a:".repeat(n)}1`],
    ["userinfo", (n: number) => `https://${"u".repeat(n)}@r`],
  ])("%s grows linearly", (_, make) => {
    const small = make(20_000);
    const big = make(200_000);
    goURLParse(small);
    const ratio =
      time(() => goURLParse(big)) /
      Math.max(
        time(() => goURLParse(small)),
        0.05,
      );
    expect(ratio).toBeLessThan(40);
  });
});
