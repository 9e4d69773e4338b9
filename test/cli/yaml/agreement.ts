// The oracle both fast readers (YAML block style and JSON) are held to: eemeli `yaml`, its
// values and the 1-based positions of every scalar.
import { expect } from "vitest";
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments } from "yaml";
import type { PathSegment } from "../../../src/cli/yaml/position.js";

/** What eemeli `yaml` (the reference the fast reader must agree with) makes of a text. */
export function reference(text: string) {
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

/** A fast reader's view of a text: its documents with values and positions, or undefined when it declines. */
export type FastRead = (
  text: string,
) => readonly { readonly value: unknown; positionOf(path: PathSegment[]): unknown }[] | undefined;

/** Asserts that a fast reader either declines `text` or agrees with `yaml` on it entirely. */
export function expectAgreement(read: FastRead, text: string, where: string): boolean {
  const fast = read(text);
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
