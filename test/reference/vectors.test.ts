// Every line of the Go-generated conformance vectors (distribution/reference v0.6.0, go-digest
// v1.0.0 with sha256/sha384/sha512) against our five parse functions, field by field. One test
// per function collects every mismatch and fails listing the first 20, naming input and field.
// The `parseImageName` field belongs to the policy area and is tested there.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  familiarName,
  familiarString,
  isNameOnly,
  parseAnyReference,
  parseDockerRef,
  parseNamed,
  parseNormalizedNamed,
  parseReference,
  type Reference,
  referenceKind,
  tagNameOnly,
} from "../../src/reference/index.js";

const GO_TYPES = {
  repository: "reference.repository",
  tagged: "reference.taggedReference",
  canonical: "reference.canonicalReference",
  "tagged+digested": "reference.reference",
  digest: "reference.digestReference",
} as const;

type Outcome = Record<string, unknown>;
interface VectorLine {
  readonly input: string;
  readonly source: string;
  readonly [fn: string]: unknown;
}

const lines: VectorLine[] = gunzipSync(
  readFileSync(join(import.meta.dirname, "../fixtures/reference-vectors.jsonl.gz")),
)
  .toString("utf8")
  .split("\n")
  .filter((l) => l !== "")
  .map((l) => JSON.parse(l) as VectorLine);

/** What Go would have printed for our result, in the vector file's shape. */
function describeRef(ref: Reference, withNormalizedExtras: boolean): Outcome {
  const out: Outcome = {
    ok: true,
    goType: GO_TYPES[referenceKind(ref)],
    string: String(ref),
    name: ref.name ?? null,
    domain: ref.domain ?? null,
    path: ref.path ?? null,
    tag: ref.tag ?? null,
    digest: ref.digest ?? null,
    familiarString: familiarString(ref),
    familiarName: ref.name === undefined ? null : familiarName(ref),
  };
  if (withNormalizedExtras) {
    out.tagNameOnly = String(tagNameOnly(ref));
    out.isNameOnly = isNameOnly(ref);
  }
  return out;
}

function run(fn: (s: string) => Reference, input: string, extras: boolean): Outcome {
  try {
    return describeRef(fn(input), extras);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : `non-error thrown: ${String(e)}` };
  }
}

const FUNCTIONS = [
  ["parseNormalizedNamed", parseNormalizedNamed],
  ["parseNamed", parseNamed],
  ["parse", parseReference],
  ["parseAnyReference", parseAnyReference],
  ["parseDockerRef", parseDockerRef],
] as const;

describe("reference-vectors.jsonl.gz", () => {
  it("holds all 22,862 lines", () => {
    expect(lines.length).toBe(22_862);
  });

  it.each(FUNCTIONS)("%s agrees with Go on every field of every line", (key, fn) => {
    const mismatches: string[] = [];
    let compared = 0;
    for (const line of lines) {
      const want = line[key] as Outcome;
      const got = run(fn, line.input, key === "parseNormalizedNamed");
      for (const field of Object.keys(want)) {
        compared++;
        if (JSON.stringify(got[field]) !== JSON.stringify(want[field])) {
          mismatches.push(
            `${JSON.stringify(line.input)} (${line.source}) ${field}: want ${JSON.stringify(want[field])}, got ${JSON.stringify(got[field])}`,
          );
        }
      }
      // A field we produce that Go's line lacks would be a shape error too (e.g. ok vs error).
      for (const field of Object.keys(got)) {
        if (!(field in want)) {
          mismatches.push(`${JSON.stringify(line.input)} ${field}: unexpected field`);
        }
      }
    }
    expect(compared).toBeGreaterThan(lines.length);
    expect(mismatches.length, mismatches.slice(0, 20).join("\n")).toBe(0);
  });
});
