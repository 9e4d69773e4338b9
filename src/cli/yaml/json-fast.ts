/**
 * JSON read fast, with positions: `kubectl get … -o json` gives one large JSON document, which
 * the full YAML parser reads slowly. The value comes from the native `JSON.parse` (exact JSON
 * semantics: the last of duplicate keys wins, as in YAML); one linear scan of the text then
 * records where each value starts, in the same kind of table as the fast YAML reader.
 */
import type { LoadedDocument } from "./load.js";
import { lineStartsOf, type PathSegment } from "./position.js";
import { documentWithTable, type PositionTable } from "./position-table.js";

/**
 * The single document of a JSON text, or undefined when the text is not JSON (the caller then
 * reads it as YAML, which also reports errors with line and column).
 * @example
 * fastParseJson('{"kind": "Pod"}')?.positionOf("kind"); // { line: 1, column: 10 }
 * fastParseJson("kind: Pod"); // undefined
 */
export function fastParseJson(text: string): LoadedDocument | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  let positions: PositionTable = new Map();
  try {
    new PositionScanner(text, positions).value(value);
  } catch {
    // Nesting deeper than the stack allows: the data is valid JSON, only its positions are lost.
    positions = new Map();
  }
  let starts: number[] | undefined;
  return documentWithTable(0, value, positions, () => {
    starts ??= lineStartsOf(text);
    return starts;
  });
}

/**
 * Walks text already known to be valid JSON beside its parsed value. Structure is read from the
 * text; the value only tells which object each table belongs to (for duplicate keys the later
 * occurrence, the one JSON.parse kept, is recorded last and wins).
 */
class PositionScanner {
  private i = 0;
  constructor(
    private readonly text: string,
    private readonly positions: PositionTable,
  ) {}

  private skipSpace(): void {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.i);
      if (c === 32 || c === 10 || c === 9 || c === 13) {
        this.i++;
      } else {
        return;
      }
    }
  }

  /** Scans one value starting at the current position; `node` is its parsed counterpart. */
  value(node: unknown): void {
    this.skipSpace();
    const c = this.text.charCodeAt(this.i);
    if (c === 123 /* { */) this.object(node);
    else if (c === 91 /* [ */) this.array(node);
    else if (c === 34 /* " */) this.string();
    else this.scalar();
  }

  private tableFor(node: unknown): Map<PathSegment, number> {
    const table = new Map<PathSegment, number>();
    if (typeof node === "object" && node !== null) this.positions.set(node, table);
    return table;
  }

  private object(node: unknown): void {
    const table = this.tableFor(node);
    const record =
      typeof node === "object" && node !== null ? (node as Record<string, unknown>) : {};
    this.i++; // {
    this.skipSpace();
    if (this.text.charCodeAt(this.i) === 125) {
      this.i++;
      return;
    }
    for (;;) {
      this.skipSpace();
      const key = this.string();
      this.skipSpace();
      this.i++; // :
      this.skipSpace();
      table.set(key, this.i);
      this.value(record[key]);
      this.skipSpace();
      const c = this.text.charCodeAt(this.i++);
      if (c !== 44 /* , */) return; // }
    }
  }

  private array(node: unknown): void {
    const table = this.tableFor(node);
    const list = Array.isArray(node) ? node : [];
    this.i++; // [
    this.skipSpace();
    if (this.text.charCodeAt(this.i) === 93) {
      this.i++;
      return;
    }
    for (let index = 0; ; index++) {
      this.skipSpace();
      table.set(index, this.i);
      this.value(list[index]);
      this.skipSpace();
      const c = this.text.charCodeAt(this.i++);
      if (c !== 44 /* , */) return; // ]
    }
  }

  /** Scans a string and returns its value (JSON strings hold no raw line breaks). */
  private string(): string {
    const t = this.text;
    const start = this.i;
    let escaped = false;
    this.i++; // opening quote
    for (;;) {
      const c = t.charCodeAt(this.i);
      if (c === 92 /* \ */) {
        escaped = true;
        this.i += 2;
      } else if (c === 34 /* " */) {
        this.i++;
        break;
      } else {
        this.i++;
      }
    }
    const raw = t.slice(start, this.i);
    return escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  }

  /** Numbers, true, false, null: up to the next delimiter. */
  private scalar(): void {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.i);
      if (
        Number.isNaN(c) ||
        c === 44 ||
        c === 93 ||
        c === 125 ||
        c === 32 ||
        c === 10 ||
        c === 13 ||
        c === 9
      ) {
        return;
      }
      this.i++;
    }
  }
}
