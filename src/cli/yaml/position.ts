/**
 * Object paths as the walker writes them (`spec.template.spec.containers[0].image`,
 * `items[2].spec.volumes[1].image.reference`) turned into segments for position lookups.
 */

/**
 * A line and column, both 1-based, as editors and SARIF count them.
 * @example
 * const p: Position = { line: 12, column: 18 };
 */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * One step of an object path: a mapping key or a sequence index.
 * @example
 * const path: PathSegment[] = ["spec", "containers", 0, "image"];
 */
export type PathSegment = string | number;

/**
 * Splits a dotted path with `[n]` indexes into segments. Keys are the plain words the walker
 * produces; a key that contains `.` or `[` cannot be written in this notation and is not needed.
 * @example
 * parseObjectPath("spec.containers[0].image"); // ["spec", "containers", 0, "image"]
 */
export function parseObjectPath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  let key = "";
  let i = 0;
  while (i < path.length) {
    const c = path[i];
    if (c === ".") {
      if (key !== "") out.push(key);
      key = "";
      i++;
    } else if (c === "[") {
      if (key !== "") out.push(key);
      key = "";
      const end = path.indexOf("]", i);
      if (end < 0) break;
      const digits = path.slice(i + 1, end);
      const n = Number(digits);
      out.push(digits !== "" && Number.isInteger(n) && n >= 0 ? n : digits);
      i = end + 1;
    } else {
      key += c;
      i++;
    }
  }
  if (key !== "") out.push(key);
  return out;
}

/**
 * Line and column (1-based) of a 0-based offset, given the offsets where lines start.
 * @example
 * positionAt([0, 4], 5); // { line: 2, column: 2 }
 */
export function positionAt(lineStarts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (lineStarts[lo] ?? 0) + 1 };
}

/**
 * Offsets at which each line of `text` starts (the first is always 0).
 * @example
 * lineStartsOf("a\nbc\n"); // [0, 2, 5]
 */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  let i = text.indexOf("\n");
  while (i >= 0) {
    starts.push(i + 1);
    i = text.indexOf("\n", i + 1);
  }
  return starts;
}
