/**
 * A fast reader for the block-style YAML that nearly every Kubernetes manifest is written in.
 *
 * Why it exists: eemeli `yaml` spends about 0.2 ms on a 25-line Deployment, which alone would
 * take most of the 3-second budget for 10,000 documents. This reader handles the common subset
 * (block mappings and sequences, plain and quoted scalars including multi-line ones, literal
 * block scalars, flow collections on one line, comments, `---`) several times faster, and gives
 * up on anything else (anchors, tags, folded scalars, multi-line flow collections, tabs…), so
 * that the caller falls back to `yaml` for the whole file. Giving up is always safe; accepting
 * must give exactly what `yaml` gives (same values with the core schema, same positions), which
 * test/cli/yaml/fast.test.ts checks on every file of the corpus and on generated documents.
 */
import type { LoadedDocument } from "./load.js";
import type { PathSegment } from "./position.js";
import { documentWithTable, type PositionTable } from "./position-table.js";

/** Thrown inside the reader to give up; never escapes {@link fastParseDocuments}. */
const BAIL = Symbol("bail");

interface Line {
  /** The line text, without its newline. */
  readonly text: string;
  /** 1-based line number. */
  readonly number: number;
  /** Count of leading spaces. */
  readonly indent: number;
  /** Blank or a comment only. */
  readonly empty: boolean;
}

/**
 * Parses every document of `text`, or returns undefined when the text uses YAML beyond the
 * subset this reader supports (the caller then uses the full parser).
 * @example
 * fastParseDocuments("kind: Pod\n")?.[0]?.value; // { kind: "Pod" }
 * fastParseDocuments("a: &x 1\n"); // undefined (anchors are left to the full parser)
 */
export function fastParseDocuments(text: string): LoadedDocument[] | undefined {
  const out: LoadedDocument[] = [];
  return fastVisitDocuments(text, (doc) => {
    out.push(doc);
  })
    ? out
    : undefined;
}

/**
 * Parses the documents of `text` one at a time and hands each to `visit` before parsing the
 * next, so that a long stream never holds all its documents at once. Returns false when the
 * reader gave up (possibly after some documents were visited: the caller must then discard what
 * `visit` produced and use the full parser).
 * @example
 * fastVisitDocuments("a: 1\n---\nb: 2\n", (doc) => console.log(doc.index)); // 0, 1; true
 */
export function fastVisitDocuments(text: string, visit: (doc: LoadedDocument) => void): boolean {
  // Tabs, carriage returns and a byte order mark are rare in manifests and full of corner
  // cases: leave them to the full parser.
  if (text.includes("\t") || text.includes("\r") || text.charCodeAt(0) === 0xfeff) {
    return false;
  }
  let lines: Lines;
  let segments: [number, number][];
  try {
    lines = new Lines(text);
    segments = splitDocuments(lines);
  } catch {
    return false;
  }
  for (let index = 0; index < segments.length; index++) {
    const [from, to] = segments[index] as [number, number];
    const positions: PositionTable = new Map();
    let value: unknown;
    try {
      value = new Reader(lines, from, to, positions).document();
    } catch {
      // BAIL, or a bug in the fast reader: either way the full parser decides.
      return false;
    }
    visit(documentWithTable(index, value, positions, () => lines.starts));
  }
  return true;
}

/**
 * The lines of a text, computed on demand from one array of offsets, so that a 400,000-line
 * file does not hold 400,000 line objects.
 */
class Lines {
  readonly count: number;
  /** Offset at which each line starts. */
  readonly starts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    let i = text.indexOf("\n");
    while (i >= 0) {
      starts.push(i + 1);
      i = text.indexOf("\n", i + 1);
    }
    this.starts = starts;
    this.count = starts.length;
  }
  /** The text offset of column `col` (0-based) of a line. */
  offset(line: Line, col: number): number {
    return (this.starts[line.number - 1] ?? 0) + col;
  }
  private lastIndex = -1;
  private last: Line | undefined;
  at(i: number): Line | undefined {
    // The reader asks for the same line several times in a row; build it once.
    if (i === this.lastIndex) return this.last;
    if (i < 0 || i >= this.count) return undefined;
    const start = this.starts[i] as number;
    const next = this.starts[i + 1];
    const t = this.text.slice(start, next === undefined ? this.text.length : next - 1);
    let indent = 0;
    while (t.charCodeAt(indent) === 32) indent++;
    const empty = indent === t.length || t.charCodeAt(indent) === 35; /* # */
    this.lastIndex = i;
    this.last = { text: t, number: i + 1, indent, empty };
    return this.last;
  }
}

/** Document boundaries at `---` lines, as the YAML stream counts documents. */
function splitDocuments(lines: Lines): [number, number][] {
  const segments: [number, number][] = [];
  let start = 0;
  let sawMarker = false;
  let contentSinceStart = false;
  for (let i = 0; i < lines.count; i++) {
    const line = lines.at(i) as Line;
    const t = line.text;
    if (t.startsWith("%") || t.startsWith("...")) throw BAIL;
    const marker = t.startsWith("---") && (t.length === 3 || t.charCodeAt(3) === 32);
    if (!marker) {
      if (!line.empty) contentSinceStart = true;
      continue;
    }
    const restTrim = t.slice(3).trim();
    if (restTrim !== "" && !restTrim.startsWith("#")) throw BAIL; // content after ---
    if (sawMarker || contentSinceStart) segments.push([start, i]);
    sawMarker = true;
    contentSinceStart = false;
    start = i + 1;
  }
  if (sawMarker || contentSinceStart) segments.push([start, lines.count]);
  return segments;
}

class Reader {
  private i: number;
  constructor(
    private readonly lines: Lines,
    from: number,
    private readonly end: number,
    private readonly positions: PositionTable,
  ) {
    this.i = from;
  }

  document(): unknown {
    const line = this.nextContent();
    if (line === undefined) return null;
    const first = line.text.charCodeAt(line.indent);
    // A document that is just `{}` or `[]` (what serialisers write for an empty object).
    const value =
      first === 123 || first === 91
        ? this.inlineValue(line, line.indent, -1)
        : this.block(line.indent, line.indent);
    if (this.nextContent() !== undefined) throw BAIL; // something left over: let yaml judge
    return value;
  }

  /** The next non-empty line (without consuming it), or undefined at the end. */
  private nextContent(): Line | undefined {
    while (this.i < this.end) {
      const line = this.lines.at(this.i);
      if (line && !line.empty) return line;
      this.i++;
    }
    return undefined;
  }

  /**
   * The line of the next entry of a collection at `indent`, or undefined when the collection
   * ends. The first entry may sit after "- " on a less indented line, so it is taken as it is.
   */
  private entryLine(
    indent: number,
    first: boolean,
    belongs: (text: string) => boolean,
  ): Line | undefined {
    const line = first ? this.lines.at(this.i) : this.nextContent();
    if (line === undefined || first) return line;
    if (line.indent < indent) return undefined;
    if (line.indent > indent) throw BAIL;
    return belongs(line.text) ? line : undefined;
  }

  /** A block collection whose first line starts at column `col` (0-based) of the current line. */
  private block(col: number, parentIndent: number): unknown {
    const line = this.lines.at(this.i);
    if (!line) throw BAIL;
    if (col < parentIndent) throw BAIL;
    if (isSeqEntry(line.text, col)) return this.sequence(col);
    return this.mapping(col);
  }

  /** A block sequence; with `inline`, its first entry starts at `indent` on the current line (`- - x`). */
  private sequence(indent: number, inline = false): unknown[] {
    const out: unknown[] = [];
    const table = new Map<PathSegment, number>();
    this.positions.set(out, table);
    let first = inline;
    for (;;) {
      // Another key at this indentation ends the sequence: it was the value of the previous key.
      const line = this.entryLine(indent, first, (text) => isSeqEntry(text, indent));
      if (line === undefined) break;
      first = false;
      let c = indent + 1;
      while (line.text.charCodeAt(c) === 32) c++;
      const index = out.length;
      if (c >= line.text.length || line.text.charCodeAt(c) === 35) {
        // "-" alone: the item is on the following lines, or null.
        this.i++;
        const next = this.nextContent();
        if (next !== undefined && next.indent > indent) {
          table.set(index, this.lines.offset(next, next.indent));
          out.push(this.block(next.indent, indent));
        } else {
          out.push(null);
        }
        continue;
      }
      table.set(index, this.lines.offset(line, c));
      if (isSeqEntry(line.text, c)) {
        out.push(this.sequence(c, true)); // "- - x": a sequence inside a sequence
      } else if (looksLikeMappingEntry(line.text, c)) {
        out.push(this.mapping(c));
      } else {
        out.push(this.inlineValue(line, c, indent));
      }
    }
    return out;
  }

  private mapping(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const table = new Map<PathSegment, number>();
    this.positions.set(out, table);
    let first = true;
    for (;;) {
      // A sibling sequence entry at this indentation ends the mapping.
      const line = this.entryLine(indent, first, (text) => !isSeqEntry(text, indent));
      if (line === undefined) break;
      first = false;
      const { key, valueCol } = readKey(line.text, indent);
      if (key === "__proto__") throw BAIL;
      let c = valueCol;
      while (line.text.charCodeAt(c) === 32) c++;
      if (c >= line.text.length || line.text.charCodeAt(c) === 35) {
        this.i++;
        const next = this.nextContent();
        if (next !== undefined && next.indent > indent) {
          table.set(key, this.lines.offset(next, next.indent));
          out[key] = this.block(next.indent, indent);
        } else if (next !== undefined && next.indent === indent && isSeqEntry(next.text, indent)) {
          // "key:\n- item": a sequence may sit at the key's own indentation.
          table.set(key, this.lines.offset(next, next.indent));
          out[key] = this.sequence(indent);
        } else {
          out[key] = null;
        }
        continue;
      }
      if (c === valueCol) throw BAIL; // "key:value" without a space is not a mapping entry
      table.set(key, this.lines.offset(line, c));
      out[key] = this.inlineValue(line, c, indent);
    }
    return out;
  }

  /** A value that starts on the current line at column `c`; consumes the line (and a block scalar's lines). */
  private inlineValue(line: Line, c: number, parentIndent: number): unknown {
    let text = line.text;
    const ch = text[c];
    this.i++;
    let value: unknown;
    let end: number;
    if ((ch === '"' || ch === "'") && closingQuote(text, c + 1, ch) < 0) {
      // The string goes on over the next lines; `text` becomes the line where it ends.
      [value, text, end] = this.multiLineQuoted(text, c, ch, parentIndent);
    } else if (ch === '"') {
      [value, end] = doubleQuoted(text, c);
    } else if (ch === "'") {
      [value, end] = singleQuoted(text, c);
    } else if (ch === "|") {
      return this.literal(text, c, parentIndent);
    } else if (ch === "[" || ch === "{") {
      [value, end] = this.flow(line, c);
    } else {
      if (ch === undefined || "&*!%@`>?-:,]}#".includes(ch)) {
        // Indicators start anchors, aliases, tags, folded scalars and other rare forms. A plain
        // scalar may start with "-", "?" or ":" followed by a non-space (e.g. "-c"), which is
        // common in command lines, so accept exactly that.
        const next = text[c + 1];
        if (!((ch === "-" || ch === "?" || ch === ":") && next !== undefined && next !== " ")) {
          throw BAIL;
        }
      }
      const [raw, stop] = plainScalar(text, c);
      end = stop;
      // A plain scalar may go on over more indented lines (long descriptions in CRDs).
      const rest =
        skipSpaces(text, stop) < text.length ? undefined : this.plainContinuation(parentIndent);
      value = resolvePlain(rest === undefined ? raw : raw + rest);
    }
    // Only spaces and a comment may follow a scalar on its line.
    let k = end;
    while (text.charCodeAt(k) === 32) k++;
    if (k < text.length && !(text.charCodeAt(k) === 35 && k > end)) throw BAIL;
    // A more indented line after a scalar would continue it (multi-line plain) or be an error.
    const next = this.nextContent();
    if (next !== undefined && next.indent > parentIndent) throw BAIL;
    return value;
  }

  /**
   * A quoted scalar that continues over the following lines, folded as YAML folds it (one space
   * per line break, a line feed per blank line, white space around breaks dropped). Escapes in a
   * multi-line double-quoted string, continuation lines not indented past the parent (which
   * only go-yaml accepts) and an empty first line are left to yaml. Returns the value, the line
   * where the string ends and the index after its closing quote.
   */
  private multiLineQuoted(
    first: string,
    c: number,
    quote: '"' | "'",
    parentIndent: number,
  ): [string, string, number] {
    const decode = (raw: string): string => {
      if (quote === "'") return raw.replaceAll("''", "'");
      if (raw.includes("\\")) throw BAIL;
      return raw;
    };
    const head = first.slice(c + 1).trimEnd();
    if (head.trim() === "") throw BAIL;
    let out = decode(head);
    let blanks = 0;
    for (let j = this.i; j < this.end; j++) {
      const line = this.lines.at(j) as Line;
      const t = line.text;
      if (line.indent === t.length) {
        blanks++;
        continue;
      }
      if (line.indent <= parentIndent) throw BAIL;
      const fold = blanks > 0 ? "\n".repeat(blanks) : " ";
      blanks = 0;
      const close = closingQuote(t, line.indent, quote);
      if (close < 0) {
        out += fold + decode(t.slice(line.indent).trimEnd());
        continue;
      }
      out += fold + decode(t.slice(line.indent, close));
      this.i = j + 1;
      return [out, t, close + 1];
    }
    throw BAIL; // never closed
  }

  /**
   * The continuation lines of a multi-line plain scalar, folded as YAML folds them (one space
   * between lines, a line feed for each blank line), or undefined when there are none. Lines
   * that could mean something else (comments, indicators, `key: value`) are left to yaml.
   */
  private plainContinuation(parentIndent: number): string | undefined {
    let out = "";
    let blanks = 0;
    let j = this.i;
    for (; j < this.end; j++) {
      const line = this.lines.at(j) as Line;
      if (line.indent === line.text.length) {
        blanks++;
        continue;
      }
      if (line.indent <= parentIndent) break;
      const t = line.text.slice(line.indent).trimEnd();
      if ("-?:,[]{}#&*!|>'\"%@`".includes(t[0] ?? "#")) throw BAIL;
      if (t.includes(": ") || t.endsWith(":") || t.includes(" #")) throw BAIL;
      out += (blanks > 0 ? "\n".repeat(blanks) : " ") + t;
      blanks = 0;
    }
    if (out === "") return undefined;
    this.i = j;
    return out;
  }

  /**
   * A flow collection that opens at column `c` and closes on the same line (`["sh", "-c"]`,
   * `{cpu: 100m, memory: 1Gi}`); anything spanning lines or beyond plain and quoted scalars and
   * nested flow collections is left to yaml. Returns the value and the index after it.
   */
  private flow(line: Line, c: number): [unknown, number] {
    const text = line.text;
    const seq = text[c] === "[";
    const close = seq ? "]" : "}";
    const out: unknown[] | Record<string, unknown> = seq ? [] : {};
    const table = new Map<PathSegment, number>();
    this.positions.set(out, table);
    let k = skipSpaces(text, c + 1);
    if (text[k] === close) return [out, k + 1];
    for (let index = 0; ; index++) {
      k = skipSpaces(text, k);
      if (seq) {
        const start = k;
        const [value, end] = this.flowItem(line, k);
        table.set(index, this.lines.offset(line, start));
        (out as unknown[]).push(value);
        k = end;
      } else {
        const [key, afterKey] = flowKey(text, k);
        if (key === "__proto__") throw BAIL;
        k = skipSpaces(text, afterKey + 1); // past ":"
        const start = k;
        const [value, end] = this.flowItem(line, k);
        table.set(key, this.lines.offset(line, start));
        (out as Record<string, unknown>)[key] = value;
        k = end;
      }
      k = skipSpaces(text, k);
      if (text[k] === close) return [out, k + 1];
      if (text[k] !== ",") throw BAIL;
      k = skipSpaces(text, k + 1);
      if (text[k] === close || text[k] === ",") throw BAIL; // trailing or empty entries
    }
  }

  /** One flow entry value: quoted, plain, or a nested flow collection. */
  private flowItem(line: Line, k: number): [unknown, number] {
    const text = line.text;
    const ch = text[k];
    if (ch === '"') return doubleQuoted(text, k);
    if (ch === "'") return singleQuoted(text, k);
    if (ch === "[" || ch === "{") return this.flow(line, k);
    if (ch === undefined || "&*!%@`|>?:,]}#".includes(ch)) {
      // "-x" and ":x" style plain scalars are fine; every other indicator is left to yaml.
      if (!(ch === "-" && text[k + 1] !== undefined && !" ,]}".includes(text[k + 1] ?? ""))) {
        throw BAIL;
      }
    }
    let end = k;
    for (; end < text.length; end++) {
      const c = text[end];
      if (c === "," || c === "]" || c === "}" || c === "[" || c === "{") break;
      if (c === "#" && text[end - 1] === " ") throw BAIL; // a comment: the collection spans lines
      if (c === ":") {
        const next = text[end + 1];
        // "a: b" inside a sequence is an implicit pair, inside a mapping value an error.
        if (next === undefined || next === " " || next === "," || next === "]" || next === "}") {
          throw BAIL;
        }
      }
    }
    if (text[end] === "[" || text[end] === "{") throw BAIL;
    let stop = end;
    while (stop > k && text.charCodeAt(stop - 1) === 32) stop--;
    if (stop === k) throw BAIL; // an empty entry
    return [resolvePlain(text.slice(k, stop)), stop];
  }

  /** A literal block scalar (`|`, `|-`); `|+` and explicit indentation are left to yaml. */
  private literal(text: string, c: number, parentIndent: number): string {
    let k = c + 1;
    let strip = false;
    if (text[k] === "-") {
      strip = true;
      k++;
    }
    const header = text.slice(k).trim();
    if (header !== "" && !(header.startsWith("#") && text.charCodeAt(k) === 32)) throw BAIL;
    // Content lines: the first non-blank line fixes the indentation.
    let contentIndent = -1;
    const parts: string[] = [];
    let j = this.i;
    let maxBlankSpaces = 0;
    for (; j < this.end; j++) {
      const line = this.lines.at(j);
      if (!line) break;
      const blank = line.indent === line.text.length;
      if (blank) {
        if (contentIndent >= 0 && line.text.length > contentIndent) throw BAIL; // spaces as content
        maxBlankSpaces = Math.max(maxBlankSpaces, line.text.length);
        parts.push("");
        continue;
      }
      if (contentIndent < 0) {
        if (line.indent <= parentIndent) break;
        if (maxBlankSpaces > line.indent) throw BAIL; // leading blank lines indented too far
        contentIndent = line.indent;
      } else if (line.indent < contentIndent) {
        break;
      }
      parts.push(line.text.slice(contentIndent));
    }
    this.i = j;
    // Trailing blank lines are not content under clip and strip chomping.
    while (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
    if (contentIndent < 0 || parts.length === 0) return "";
    const body = parts.join("\n");
    return strip ? body : `${body}\n`;
  }
}

function skipSpaces(text: string, k: number): number {
  while (text.charCodeAt(k) === 32) k++;
  return k;
}

/** A flow mapping key (quoted or plain) followed by ":"; returns the key and the index of ":". */
function flowKey(text: string, k: number): [string, number] {
  const ch = text[k];
  if (ch === '"' || ch === "'") {
    const [key, end] = ch === '"' ? doubleQuoted(text, k) : singleQuoted(text, k);
    const colon = skipSpaces(text, end);
    if (text[colon] !== ":") throw BAIL;
    return [key, colon];
  }
  if (ch === undefined || "-?:,[]{}#&*!|>%@`'\"".includes(ch)) throw BAIL;
  let end = k;
  for (; end < text.length; end++) {
    const c = text[end];
    if (c === "," || c === "[" || c === "]" || c === "{" || c === "}" || c === "#") throw BAIL;
    if (c === ":") {
      const next = text[end + 1];
      if (next === " " || next === "," || next === "}" || next === "]" || next === undefined) break;
    }
  }
  if (text[end] !== ":") throw BAIL;
  let stop = end;
  while (stop > k && text.charCodeAt(stop - 1) === 32) stop--;
  const key = text.slice(k, stop);
  if (typeof resolvePlain(key) !== "string") throw BAIL;
  return [key, end];
}

/**
 * Index of the quote that closes a quoted scalar, scanning from `from` (just after the opening
 * quote, or at the start of a continuation line); -1 when the line ends first.
 */
function closingQuote(text: string, from: number, quote: '"' | "'"): number {
  for (let k = from; k < text.length; k++) {
    const ch = text[k];
    if (quote === '"') {
      if (ch === "\\") k++;
      else if (ch === '"') return k;
    } else if (ch === "'") {
      if (text[k + 1] !== "'") return k;
      k++;
    }
  }
  return -1;
}

/** `- ` or a lone `-` at column `col`. */
function isSeqEntry(text: string, col: number): boolean {
  if (text.charCodeAt(col) !== 45 /* - */) return false;
  const next = text.charCodeAt(col + 1);
  return Number.isNaN(next) || next === 32;
}

/** Whether the text from `c` is `key: …` (or `key:` at the end). */
function looksLikeMappingEntry(text: string, c: number): boolean {
  const ch = text[c];
  // A flow collection here is a value; as a mapping key it would be rare, and the check after
  // the value sends that case to yaml.
  if (ch === "[" || ch === "{") return false;
  if (ch === '"' || ch === "'") {
    const [, end] = ch === '"' ? doubleQuoted(text, c) : singleQuoted(text, c);
    let k = end;
    while (text.charCodeAt(k) === 32) k++;
    return text[k] === ":" && (k + 1 === text.length || text.charCodeAt(k + 1) === 32);
  }
  const colon = findMappingColon(text, c);
  return colon >= 0;
}

/** Index of the `:` that ends a plain key starting at `c`, or -1. Stops at a comment. */
function findMappingColon(text: string, c: number): number {
  for (let k = c; k < text.length; k++) {
    const ch = text.charCodeAt(k);
    if (ch === 35 /* # */ && k > c && text.charCodeAt(k - 1) === 32) return -1;
    if (ch === 58 /* : */) {
      const next = text.charCodeAt(k + 1);
      if (Number.isNaN(next) || next === 32) return k;
    }
  }
  return -1;
}

/** Reads `key:` at column `c`; returns the key and the column just after the colon. */
function readKey(text: string, c: number): { key: string; valueCol: number } {
  const ch = text[c];
  if (ch === '"' || ch === "'") {
    const [key, end] = ch === '"' ? doubleQuoted(text, c) : singleQuoted(text, c);
    let k = end;
    while (text.charCodeAt(k) === 32) k++;
    if (text[k] !== ":") throw BAIL;
    const after = text.charCodeAt(k + 1);
    if (!(Number.isNaN(after) || after === 32)) throw BAIL;
    return { key, valueCol: k + 1 };
  }
  if (ch === undefined || ",[]{}#&*!|>%@`".includes(ch)) throw BAIL;
  // "-", "?" and ":" start a plain key only when a non-space follows ("-k: v").
  if ((ch === "-" || ch === "?" || ch === ":") && (text[c + 1] ?? " ") === " ") throw BAIL;
  const colon = findMappingColon(text, c);
  if (colon < 0) throw BAIL;
  const key = text.slice(c, colon).trimEnd();
  // Keys that the core schema reads as null, booleans or numbers become different strings in a
  // plain object ("1.0" → "1"); leave those to yaml.
  if (typeof resolvePlain(key) !== "string") throw BAIL;
  return { key, valueCol: colon + 1 };
}

/** A plain scalar on one line: up to a comment or the end, trailing spaces removed. */
function plainScalar(text: string, c: number): [string, number] {
  let k = c;
  for (; k < text.length; k++) {
    const ch = text.charCodeAt(k);
    if (ch === 35 /* # */ && text.charCodeAt(k - 1) === 32) break;
    if (ch === 58 /* : */) {
      const next = text.charCodeAt(k + 1);
      // "a: b: c" is an error and "a: b:" ends in a mapping indicator: let yaml report them.
      if (Number.isNaN(next) || next === 32) throw BAIL;
    }
  }
  let stop = k;
  while (stop > c && text.charCodeAt(stop - 1) === 32) stop--;
  return [text.slice(c, stop), stop];
}

const ESCAPES: Readonly<Record<string, string>> = {
  "0": "\0",
  a: "\u0007",
  b: "\b",
  t: "\t",
  n: "\n",
  v: "\v",
  f: "\f",
  r: "\r",
  e: "\u001b",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  N: "\u0085",
  _: "\u00a0",
  L: "\u2028",
  P: "\u2029",
};

/** A double-quoted scalar that closes on the same line; returns its value and the index after it. */
function doubleQuoted(text: string, c: number): [string, number] {
  let out = "";
  let k = c + 1;
  while (k < text.length) {
    const ch = text[k] as string;
    if (ch === '"') return [out, k + 1];
    if (ch !== "\\") {
      out += ch;
      k++;
      continue;
    }
    const e = text[k + 1];
    if (e === undefined) throw BAIL; // escaped line break: multi-line
    const simple = ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      k += 2;
      continue;
    }
    const width = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : 0;
    if (width === 0) throw BAIL;
    const hex = text.slice(k + 2, k + 2 + width);
    if (hex.length !== width || !isHex(hex)) throw BAIL;
    const cp = Number.parseInt(hex, 16);
    if (cp > 0x10ffff) throw BAIL;
    out += String.fromCodePoint(cp);
    k += 2 + width;
  }
  throw BAIL; // not closed on this line
}

function isHex(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) | 0x20;
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/** A single-quoted scalar that closes on the same line. */
function singleQuoted(text: string, c: number): [string, number] {
  let out = "";
  let k = c + 1;
  while (k < text.length) {
    const ch = text[k] as string;
    if (ch === "'") {
      if (text[k + 1] === "'") {
        out += "'";
        k += 2;
        continue;
      }
      return [out, k + 1];
    }
    out += ch;
    k++;
  }
  throw BAIL;
}

// The core schema of YAML 1.2 as the `yaml` package applies it to plain scalars. These
// expressions are anchored and have no nested or overlapping repetition: linear time.
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/**
 * The value of a plain scalar under the core schema.
 * @example
 * resolvePlain("8080"); // 8080
 */
export function resolvePlain(s: string): unknown {
  if (s === "" || s === "~" || s === "null" || s === "Null" || s === "NULL") return null;
  const c = s.charCodeAt(0);
  // Only digits, signs, dots and the letters of true/false can start a non-string.
  const maybe =
    (c >= 48 && c <= 57) ||
    c === 43 ||
    c === 45 ||
    c === 46 ||
    c === 116 ||
    c === 84 ||
    c === 102 ||
    c === 70;
  if (!maybe) return s;
  if (BOOL.test(s)) return c === 116 || c === 84;
  if (OCT.test(s)) return Number.parseInt(s.slice(2), 8);
  if (INT.test(s)) return Number.parseInt(s, 10);
  if (HEX.test(s)) return Number.parseInt(s.slice(2), 16);
  if (FLOAT_SPECIAL.test(s)) {
    if (s.slice(-3).toLowerCase() === "nan") return Number.NaN;
    return s[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return Number.parseFloat(s);
  return s;
}
