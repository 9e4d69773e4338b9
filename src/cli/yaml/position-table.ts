/**
 * Positions recorded beside parsed data: for each mapping or sequence, the offset in the text
 * where each of its values starts. Offsets are plain numbers (no object per value) and become
 * line and column only when asked, which keeps a 10,000-object document cheap to hold.
 */
import type { LoadedDocument } from "./load.js";
import { type PathSegment, type Position, parseObjectPath, positionAt } from "./position.js";

/**
 * For each object or array, the 0-based text offsets of its values by key or index.
 * @example
 * const table: PositionTable = new Map(); table.set(value, new Map([["kind", 6]]));
 */
export type PositionTable = Map<object, Map<PathSegment, number>>;

/**
 * The text offset of the value at `path` inside `root`, or undefined when it is not there.
 * @example
 * lookupOffset(value, table, ["spec", "containers", 0, "image"]); // 131
 */
export function lookupOffset(
  root: unknown,
  positions: PositionTable,
  path: readonly PathSegment[],
): number | undefined {
  let node: unknown = root;
  let offset: number | undefined;
  for (const seg of path) {
    if (node === null || typeof node !== "object") return undefined;
    const table = positions.get(node);
    const key = Array.isArray(node) ? seg : String(seg);
    offset = table?.get(key);
    if (offset === undefined) return undefined;
    node = Array.isArray(node)
      ? node[typeof seg === "number" ? seg : Number.NaN]
      : (node as Record<string, unknown>)[String(seg)];
  }
  return offset;
}

/**
 * A loaded document whose positions come from a table of offsets and the text's line starts
 * (computed by `lineStarts` on first use).
 * @example
 * const doc = documentWithTable(0, value, table, () => lineStartsOf(text));
 * doc.positionOf("spec.containers[0].image"); // { line: 9, column: 14 }
 */
export function documentWithTable(
  index: number,
  value: unknown,
  positions: PositionTable,
  lineStarts: () => readonly number[],
): LoadedDocument {
  return {
    index,
    value,
    positionOf: (path): Position | undefined => {
      const offset = lookupOffset(
        value,
        positions,
        typeof path === "string" ? parseObjectPath(path) : path,
      );
      return offset === undefined ? undefined : positionAt(lineStarts(), offset);
    },
  };
}
