// Property tests (fast-check) over the whole reference API: round trips through String(ref),
// only ImageReferenceError is ever thrown (full Unicode, lone surrogates included), the fast
// ParseNormalizedNamed path agrees with the literal transliteration of Go's code, and parse time
// grows linearly with input length up to 1 MB.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ImageReferenceError } from "../../src/reference/errors.js";
import {
  isImageReferenceError,
  parseAnyReference,
  parseDockerRef,
  parseNamed,
  parseNormalizedNamed,
  parseReference,
  type Reference,
} from "../../src/reference/index.js";
import { parseNormalizedResult, parseNormalizedSlow } from "../../src/reference/normalize.js";

const RUNS = Number(process.env.REFERENCE_PROPERTY_RUNS ?? 3000);

// ---- generators -----------------------------------------------------------------------------

/** One UTF-16 code unit of any value: reaches lone surrogates, which fc's string units avoid. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Characters that matter to the grammar, weighted so that near-valid references are common. */
const interesting = fc.constantFrom(
  ..."abcxyz019ABCZ.-_/:@[]%+ ".split(""),
  "İ",
  "\u212a",
  "é",
  "\ud800",
  "\udc00",
  "\ufffd",
  "😀",
);

const alnum = fc.stringMatching(/^[a-z0-9]{1,6}$/);
const separator = fc.constantFrom(".", "_", "__", "-", "--", "---");
const pathComponent = fc
  .tuple(alnum, fc.array(fc.tuple(separator, alnum), { maxLength: 3 }))
  .map(([head, rest]) => head + rest.map(([sep, a]) => sep + a).join(""));
const domain = fc.oneof(
  fc.constantFrom("docker.io", "index.docker.io", "localhost", "ghcr.io", "Foo", "exa_mple.com"),
  fc.constantFrom("registry.example.com:5000", "[::1]:5000", "[2001:db8::1]", "127.0.0.1:80"),
  fc.stringMatching(
    /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,4}[a-zA-Z0-9])?(\.[a-z0-9]{1,4}){0,2}(:[0-9]{1,5})?$/,
  ),
);
const tag = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,20}$/);
const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));
const digest = fc.oneof(
  hex(64).map((h) => `sha256:${h}`),
  hex(96).map((h) => `sha384:${h}`),
  hex(128).map((h) => `sha512:${h}`),
  hex(40).map((h) => `sha256:${h}`),
  hex(32).map((h) => `md5:${h}`),
  hex(64).map((h) => `SHA256:${h.toUpperCase()}`),
);
/** Grammar-shaped references, mostly valid. */
const reference = fc
  .tuple(
    fc.option(domain, { nil: undefined }),
    fc.array(pathComponent, { minLength: 1, maxLength: 4 }),
    fc.option(tag, { nil: undefined }),
    fc.option(digest, { nil: undefined }),
  )
  .map(
    ([d, path, t, g]) =>
      (d === undefined ? "" : `${d}/`) +
      path.join("/") +
      (t === undefined ? "" : `:${t}`) +
      (g === undefined ? "" : `@${g}`),
  );
/** A grammar-shaped reference with one character inserted, replaced or removed. */
const mutated = fc
  .tuple(reference, fc.nat(), interesting, fc.constantFrom("insert", "replace", "delete"))
  .map(([s, at, ch, how]) => {
    const i = at % (s.length + 1);
    if (how === "insert") return s.slice(0, i) + ch + s.slice(i);
    if (how === "replace") return s.slice(0, i) + ch + s.slice(i + 1);
    return s.slice(0, i) + s.slice(i + 1);
  });
const anyString = fc.oneof(
  reference,
  mutated,
  fc.string({ unit: interesting, maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: codeUnit, maxLength: 40 }),
);

// ---- helpers --------------------------------------------------------------------------------

const PARSERS = {
  parseReference,
  parseNamed,
  parseNormalizedNamed,
  parseAnyReference,
  parseDockerRef,
} as const;

/** The fields of a reference as plain data, for comparisons. */
const fields = (ref: Reference) => ({ ...ref, string: String(ref) });

function outcome(fn: (s: string) => Reference, s: string) {
  try {
    return { ok: true as const, ref: fields(fn(s)) };
  } catch (e) {
    return { ok: false as const, error: e };
  }
}

// ---- properties -----------------------------------------------------------------------------

describe("properties", () => {
  it("generators produce accepted references often enough to mean something", () => {
    const sample = fc.sample(reference, 500);
    const accepted = sample.filter((s) => outcome(parseNormalizedNamed, s).ok).length;
    expect(accepted).toBeGreaterThan(200);
  });

  it.each(Object.entries(PARSERS))(
    "%s: every accepted reference round-trips through String(ref)",
    (_name, parse) => {
      fc.assert(
        fc.property(anyString, (s) => {
          const first = outcome(parse, s);
          if (!first.ok) return;
          // String(ref) is Go's canonical form; Parse reads it back to the same value, and the
          // normalising parsers map it to itself.
          const reparse = parse === parseReference ? parseReference : parseNormalizedNamed;
          const again = reparse(first.ref.string);
          expect(fields(again)).toEqual(first.ref);
        }),
        { numRuns: RUNS },
      );
    },
  );

  it.each(Object.entries(PARSERS))(
    "%s: throws nothing but ImageReferenceError on any string",
    (_name, parse) => {
      fc.assert(
        fc.property(anyString, (s) => {
          const result = outcome(parse, s);
          if (!result.ok) {
            expect(result.error).toBeInstanceOf(ImageReferenceError);
            expect(isImageReferenceError(result.error)).toBe(true);
          }
        }),
        { numRuns: RUNS },
      );
    },
  );

  it("the fast ParseNormalizedNamed agrees with the literal transliteration of Go's code", () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const fast = parseNormalizedResult(s);
        const slow = parseNormalizedSlow(s);
        if (fast instanceof ImageReferenceError || slow instanceof ImageReferenceError) {
          expect(fast).toBeInstanceOf(ImageReferenceError);
          expect(slow).toBeInstanceOf(ImageReferenceError);
          expect((fast as ImageReferenceError).message).toBe((slow as ImageReferenceError).message);
          expect((fast as ImageReferenceError).code).toBe((slow as ImageReferenceError).code);
        } else {
          expect(fields(fast)).toEqual(fields(slow));
        }
      }),
      { numRuns: RUNS * 3 },
    );
  });
});

// ---- linear time ----------------------------------------------------------------------------

/**
 * Milliseconds one call takes: the minimum over a few samples (robust against a loaded machine),
 * each sample averaging `calls` calls (so a fast small input is not lost in timer resolution).
 */
function minTime(run: () => void, calls: number, samples = 5): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    for (let k = 0; k < calls; k++) run();
    best = Math.min(best, (performance.now() - t0) / calls);
  }
  return best;
}

const PATHOLOGICAL: ReadonlyArray<readonly [string, (n: number) => string]> = [
  ["a…a!", (n) => `${"a".repeat(n)}!`],
  ["a-a-…!", (n) => `${"a-".repeat(n / 2)}!`],
  ["a.a.…!", (n) => `${"a.".repeat(n / 2)}!`],
  ["a_a_…!", (n) => `${"a_".repeat(n / 2)}!`],
  ["A…A (uppercase retry)", (n) => "A".repeat(n)],
  ["a/a/…/A", (n) => `${"a/".repeat(n / 2)}A`],
  ["domain label of n chars", (n) => `${"a".repeat(n)}.com/app:v1`],
  ["tag-like digits after a colon", (n) => `a:${"1".repeat(n)}`],
  ["digest with n hex digits", (n) => `app@sha256:${"a".repeat(n)}`],
  ["digest with n hex digits then !", (n) => `app@sha256:${"a".repeat(n)}!`],
  ["n colons", (n) => ":".repeat(n)],
  ["n slashes", (n) => "/".repeat(n)],
  ["n @", (n) => "@".repeat(n)],
  ["İ × n", (n) => "İ".repeat(n)],
  ["[::…", (n) => `[${":".repeat(n)}`],
];

describe("linear time", () => {
  it.each(PATHOLOGICAL)("%s: time(1 MB) / time(100 KB) stays linear", (_name, make) => {
    const small = make(100_000);
    const large = make(1_000_000);
    for (const parse of Object.values(PARSERS)) {
      const run = (s: string) => () => {
        try {
          parse(s);
        } catch {
          // errors are expected: only time matters here
        }
      };
      run(small)(); // warm up
      const ratio = minTime(run(large), 1) / Math.max(minTime(run(small), 10), 0.001);
      // Linear is ~10; quadratic would be ~100.
      expect(ratio).toBeLessThan(30);
    }
  });

  it("a 1 MB domain label is valid: no length cap changes an answer", () => {
    const label = "a".repeat(1_000_000);
    const ref = parseNormalizedNamed(`${label}.example.com/app:v1`);
    expect(ref.domain?.length).toBe(1_000_000 + 12);
    expect(ref.path).toBe("app");
  });
});
