// Where the npm peer parsers disagree with Go (data for docs/PERFORMANCE.md, not a timed test).
// Each row is an input from the conformance vectors; each character of `expected` is what one
// peer (in the order of PEER_ORDER) does compared with Go's answer for that input:
//   "."  same accept/reject as Go (and the same normalized string when the peer produces one)
//   "A"  accepts what Go rejects          "R"  rejects what Go accepts
//   "≠"  accepts, but normalizes differently from Go
//   "!"  throws an undocumented exception (a crash inside the peer)
// A peer upgrade that changes behaviour, or a vector that changes, fails this test, and the
// table in docs/PERFORMANCE.md must then be updated with it.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

interface Outcome {
  readonly accepted: boolean;
  readonly normalized: string | null;
  readonly error: string | null;
  readonly threw?: boolean;
}
interface Candidate {
  readonly name: string;
  readonly goField: "parseNormalizedNamed" | "parse";
  outcome(s: string): Outcome;
}
interface GoResult {
  readonly ok: boolean;
  readonly string?: string;
  readonly error?: string;
}
interface Vector {
  readonly input: string;
  readonly parseNormalizedNamed: GoResult;
  readonly parse: GoResult;
}

// bench/peers.mjs is plain JavaScript shared with the benchmarks; load it by URL so the type
// checker does not look for declarations, and state the shape it has here.
const peersUrl = new URL("../../bench/peers.mjs", import.meta.url).href;
const { peers } = (await import(peersUrl)) as { peers(): Candidate[] };

const PEER_ORDER = [
  "@swimlane/docker-reference",
  "@codefresh-io/docker-reference",
  "docker-parse-image",
  "parse-docker-image-name",
  "dockerode parseRepositoryTag",
] as const;

const ROWS: readonly { readonly input: string; readonly expected: string; readonly why: string }[] =
  [
    { input: "docker/docker", expected: ".....", why: "plain Docker Hub name" },
    { input: "docker.io/library/foo/bar", expected: "..R..", why: "three path components" },
    {
      input: "LOCALDOMAIN/debian",
      expected: "RR...",
      why: "capitalised first component is a domain for Go",
    },
    {
      input: "[fc00::1]:5000/docker",
      expected: "RR.R.",
      why: "IPv6 registry (distribution/reference v0.6.0)",
    },
    { input: "docker/Docker", expected: "..A.A", why: "uppercase repository" },
    { input: "https://github.com/docker/docker", expected: "..A.A", why: "a URL" },
    { input: "-docker", expected: "..A.A", why: "leading separator" },
    { input: "docker///docker", expected: "....A", why: "empty path components" },
    { input: "", expected: "....A", why: "empty string" },
    { input: "\u212a", expected: "..A!A", why: "Kelvin sign: Go lowercases it to k" },
    { input: "a\u200b", expected: "..A!A", why: "zero-width space" },
  ];

function verdict(o: Outcome, go: GoResult): string {
  if (o.threw === true) return "!";
  if (o.accepted !== go.ok) return o.accepted ? "A" : "R";
  if (o.accepted && o.normalized !== null && o.normalized !== go.string) return "≠";
  return ".";
}

const vectors = new Map<string, Vector>(
  gunzipSync(readFileSync(new URL("../fixtures/reference-vectors.jsonl.gz", import.meta.url)))
    .toString("utf8")
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => {
      const v = JSON.parse(line) as Vector;
      return [v.input, v] as const;
    }),
);
const candidates = peers();

describe("npm peers compared with Go on selected conformance vectors", () => {
  it("covers the peers in the documented order", () => {
    expect(candidates.map((c) => c.name)).toEqual([...PEER_ORDER]);
  });

  it.each(ROWS)("$why: $input", ({ input, expected }) => {
    const v = vectors.get(input);
    expect(v, `${JSON.stringify(input)} is not a conformance vector`).toBeDefined();
    if (v === undefined) return;
    const actual = candidates.map((c) => verdict(c.outcome(input), v[c.goField])).join("");
    expect(actual).toBe(expected);
  });
});
