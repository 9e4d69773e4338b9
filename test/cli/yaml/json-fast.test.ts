// The fast JSON reader must agree with eemeli `yaml` (values and positions) on any JSON.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments } from "yaml";
import { fastParseJson } from "../../../src/cli/yaml/json-fast.js";
import type { PathSegment } from "../../../src/cli/yaml/position.js";

/** What eemeli `yaml` (the reference the fast reader must agree with) makes of a text. */
function reference(text: string) {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false, merge: false });
  const list = Array.isArray(docs) ? docs : [];
  return {
    ok: list.every((d) => d.errors.length === 0),
    values: list.map((d) => d.toJS() ?? null),
    /** Every non-null scalar with its path and 1-based position. */
    leaves: list.map((d) => {
      const out: { path: PathSegment[]; line: number; column: number }[] = [];
      const walk = (node: unknown, path: PathSegment[]) => {
        if (isMap(node)) {
          const last = new Map<string, unknown>();
          for (const pair of node.items) {
            last.set(String(isScalar(pair.key) ? pair.key.value : pair.key), pair.value);
          }
          for (const [k, v] of last) walk(v, [...path, k]);
        } else if (isSeq(node)) {
          node.items.forEach((v, i) => {
            walk(v, [...path, i]);
          });
        } else if (isScalar(node) && node.value !== null && node.range) {
          const p = lineCounter.linePos(node.range[0]);
          out.push({ path, line: p.line, column: p.col });
        }
      };
      walk(d.contents, []);
      return out;
    }),
  };
}

/** Asserts that the JSON reader either declines `text` or agrees with `yaml` on it entirely. */
function expectAgreement(text: string, where: string): boolean {
  const one = fastParseJson(text);
  const fast = one ? [one] : undefined;
  if (fast === undefined) return false;
  const ref = reference(text);
  expect(ref.ok, `${where}: the fast reader accepted text that yaml rejects`).toBe(true);
  expect(
    fast.map((d) => d.value),
    `${where}: values differ`,
  ).toEqual(ref.values);
  ref.leaves.forEach((leaves, i) => {
    for (const leaf of leaves) {
      expect(fast[i]?.positionOf(leaf.path), `${where}: doc ${i} ${leaf.path.join(".")}`).toEqual({
        line: leaf.line,
        column: leaf.column,
      });
    }
  });
  return true;
}

describe("fast JSON reader", () => {
  it.each([
    ['{"kind": "Pod", "spec": {"containers": [{"image": "nginx"}]}}'],
    ['{\n  "a": [1, 2.5e3, true, null, "x\\n\\u00e9"],\n  "b": {}\n}\n'],
    ['[\r\n  {"a\\"b": 1},\r\n  []\r\n]'],
    ['{"a": 1, "a": {"b": [2]}}'],
  ])("agrees with yaml on %j", (text) => {
    expect(expectAgreement(text, text)).toBe(true);
  });

  it("declines what is not JSON", () => {
    expect(fastParseJson("kind: Pod\n")).toBeUndefined();
    expect(fastParseJson('{"a": 1} # comment')).toBeUndefined();
    expect(fastParseJson("{a: 1}")).toBeUndefined();
  });

  it("agrees with yaml on generated JSON in any indentation", () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 4 }),
        fc.constantFrom(0, 1, 2, "\t"),
        (value, indent) => {
          const text = JSON.stringify({ root: value }, null, indent);
          expect(expectAgreement(text, text)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
