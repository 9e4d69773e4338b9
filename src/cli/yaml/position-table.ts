/**
 * Positions recorded beside parsed data: for each mapping or sequence, the line and column
 * where each of its values starts. The fast YAML and JSON readers fill such a table while they
 * read; a lookup walks the data and the table together.
 */
import type { LoadedDocument } from "./load.js";
import { type PathSegment, type Position, parseObjectPath } from "./position.js";

/** For each object or array, the positions of its values by key or index. */
export type PositionTable = WeakMap<object, Map<PathSegment, Position>>;

/**
 * The position of the value at `path` inside `root`, or undefined when it is not there.
 * @example
 * lookupPosition(value, table, ["spec", "containers", 0, "image"]); // { line: 9, column: 14 }
 */
export function lookupPosition(
  root: unknown,
  positions: PositionTable,
  path: readonly PathSegment[],
): Position | undefined {
  let node: unknown = root;
  let pos: Position | undefined;
  for (const seg of path) {
    if (node === null || typeof node !== "object") return undefined;
    const table = positions.get(node);
    const key = Array.isArray(node) ? seg : String(seg);
    pos = table?.get(key);
    if (pos === undefined) return undefined;
    node = Array.isArray(node)
      ? node[typeof seg === "number" ? seg : Number.NaN]
      : (node as Record<string, unknown>)[String(seg)];
  }
  return pos;
}

/**
 * A loaded document whose positions come from a table.
 * @example
 * const doc = documentWithTable(0, value, table);
 * doc.positionOf("spec.containers[0].image");
 */
export function documentWithTable(
  index: number,
  value: unknown,
  positions: PositionTable,
): LoadedDocument {
  return {
    index,
    value,
    positionOf: (path) =>
      lookupPosition(value, positions, typeof path === "string" ? parseObjectPath(path) : path),
  };
}
