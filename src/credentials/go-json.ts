/**
 * A JSON reader that accepts and rejects exactly what Go's `encoding/json` does, with Go's
 * syntax error texts (`invalid character 'x' looking for beginning of value`,
 * `unexpected end of JSON input`, …), and keeps objects as ordered key/value lists.
 *
 * The kubelet decodes docker config JSON with `encoding/json`, and a pull fails with that
 * error text, so we need its exact words; `JSON.parse` would also quote a stretch of the input
 * (possibly a password) in its messages. Objects stay lists of pairs so that `__proto__` or
 * `constructor` are ordinary keys and duplicate keys are visible to the decoder, as in Go.
 *
 * Works on byte strings (one unit per UTF-8 byte); string values come back as text, with every
 * byte that is not valid UTF-8 replaced by U+FFFD and lone `\uD800` escapes likewise, as Go does.
 * Iterative (an explicit stack), so deep nesting cannot overflow; like Go it stops at depth 10000.
 * @module
 */

import { fromByteString } from "../internal/go-path-match.js";
import { goQuoteText } from "../internal/go-url.js";

/**
 * A decoded JSON value; objects keep their keys in document order, duplicates included.
 * @example
 * const v: GoJSONValue = { kind: "object", entries: [["a", { kind: "null" }]] };
 */
export type GoJSONValue =
  | { readonly kind: "object"; readonly entries: readonly (readonly [string, GoJSONValue])[] }
  | { readonly kind: "array"; readonly items: readonly GoJSONValue[] }
  | { readonly kind: "string"; readonly value: string }
  | { readonly kind: "number"; readonly raw: string }
  | { readonly kind: "bool"; readonly value: boolean }
  | { readonly kind: "null" };

/**
 * Result of {@link parseGoJSON}: the value or Go's `SyntaxError` text.
 * @example
 * const r: GoJSONResult = parseGoJSONBytes("[1]"); // { ok: true, value: { kind: "array", … } }
 */
export type GoJSONResult =
  | { readonly ok: true; readonly value: GoJSONValue }
  | { readonly ok: false; readonly error: string };

const MAX_DEPTH = 10000;

/** Go's scanner quoteChar: the byte shown as a Go-quoted rune U+00XX between single quotes. */
function quoteChar(c: number): string {
  if (c === 0x27) return "'\\''";
  if (c === 0x22) return "'\"'";
  const q = goQuoteText(String.fromCharCode(c));
  return `'${q.slice(1, -1)}'`;
}

class Fail {
  constructor(readonly text: string) {}
}

const EOF_TEXT = "unexpected end of JSON input";

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function hexVal(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

interface Frame {
  readonly kind: "object" | "array";
  readonly entries: [string, GoJSONValue][];
  readonly items: GoJSONValue[];
  key: string;
}

/** Reader state over one byte string. */
class Reader {
  pos = 0;
  constructor(readonly s: string) {}

  /**
   * Go's scanner reports an unfinished token at the end by feeding it one space; this returns
   * the error that space provokes for a token ending here, or the generic EOF text.
   */
  error(context: string): Fail {
    if (this.pos >= this.s.length) return new Fail(`invalid character ' ' ${context}`);
    return new Fail(`invalid character ${quoteChar(this.s.charCodeAt(this.pos))} ${context}`);
  }

  skipSpace(): void {
    while (this.pos < this.s.length && isSpace(this.s.charCodeAt(this.pos))) this.pos++;
  }

  peek(): number {
    return this.pos < this.s.length ? this.s.charCodeAt(this.pos) : -1;
  }

  literal(word: string): Fail | null {
    // The first letter is already known to match.
    for (let i = 1; i < word.length; i++) {
      const want = word.charCodeAt(i);
      if (this.peek() !== want) return this.error(`in literal ${word} (expecting '${word[i]}')`);
      this.pos++;
    }
    return null;
  }

  number(): string | Fail {
    const start = this.pos;
    if (this.peek() === 0x2d) {
      this.pos++;
      const c = this.peek();
      if (!isDigit(c)) return this.error("in numeric literal");
    }
    if (this.peek() === 0x30) this.pos++;
    else while (isDigit(this.peek())) this.pos++;
    if (this.peek() === 0x2e) {
      this.pos++;
      if (!isDigit(this.peek())) return this.error("after decimal point in numeric literal");
      while (isDigit(this.peek())) this.pos++;
    }
    const e = this.peek();
    if (e === 0x65 || e === 0x45) {
      this.pos++;
      const sign = this.peek();
      if (sign === 0x2b || sign === 0x2d) this.pos++;
      if (!isDigit(this.peek())) return this.error("in exponent of numeric literal");
      while (isDigit(this.peek())) this.pos++;
    }
    return this.s.slice(start, this.pos);
  }

  /** A string starting at the opening quote; returns its text (Go's unquote semantics). */
  string(): string | Fail {
    this.pos++;
    let out = "";
    let runStart = this.pos;
    const s = this.s;
    for (;;) {
      if (this.pos >= s.length) return new Fail(EOF_TEXT);
      const c = s.charCodeAt(this.pos);
      if (c === 0x22) {
        out += fromByteString(s.slice(runStart, this.pos));
        this.pos++;
        return out;
      }
      if (c < 0x20) return this.error("in string literal");
      if (c !== 0x5c) {
        this.pos++;
        continue;
      }
      out += fromByteString(s.slice(runStart, this.pos));
      this.pos++;
      if (this.pos >= s.length) return new Fail(`invalid character ' ' in string escape code`);
      const e = s.charCodeAt(this.pos);
      const simple = SIMPLE_ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        this.pos++;
      } else if (e === 0x75) {
        this.pos++;
        const first = this.hex4();
        if (first instanceof Fail) return first;
        let cp = first;
        if (first >= 0xd800 && first < 0xdc00) {
          // A high surrogate pairs only with an immediately following \uDC00-\uDFFF escape.
          const save = this.pos;
          if (s.charCodeAt(this.pos) === 0x5c && s.charCodeAt(this.pos + 1) === 0x75) {
            this.pos += 2;
            const second = this.hex4();
            if (second instanceof Fail) return second;
            if (second >= 0xdc00 && second < 0xe000) {
              cp = 0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00);
            } else {
              this.pos = save;
              cp = 0xfffd;
            }
          } else cp = 0xfffd;
        } else if (first >= 0xdc00 && first < 0xe000) cp = 0xfffd;
        out += String.fromCodePoint(cp);
      } else {
        return this.error("in string escape code");
      }
      runStart = this.pos;
    }
  }

  hex4(): number | Fail {
    let v = 0;
    for (let i = 0; i < 4; i++) {
      const d = hexVal(this.peek());
      if (d < 0) return this.error("in \\u hexadecimal character escape");
      v = v * 16 + d;
      this.pos++;
    }
    return v;
  }
}

const SIMPLE_ESCAPES: Readonly<Record<number, string>> = {
  98: "\b",
  102: "\f",
  110: "\n",
  114: "\r",
  116: "\t",
  92: "\\",
  47: "/",
  34: '"',
};

/**
 * Parses JSON given as a byte string with Go's acceptance rules and error texts.
 * @example
 * parseGoJSONBytes('{"a":1}').ok;  // true
 * parseGoJSONBytes("{'a':1}");      // { ok: false, error: "invalid character '\\'' looking for beginning of object key string" }
 */
export function parseGoJSONBytes(s: string): GoJSONResult {
  const r = new Reader(s);
  const stack: Frame[] = [];
  let result: GoJSONValue | undefined;
  // Each turn reads one value (or closes containers), then decides what may follow.
  for (;;) {
    r.skipSpace();
    let value: GoJSONValue | undefined;
    const c = r.peek();
    if (c === -1) return { ok: false, error: EOF_TEXT };
    if (c === 0x7b || c === 0x5b) {
      if (stack.length + 1 > MAX_DEPTH) {
        return { ok: false, error: `invalid character ${quoteChar(c)} exceeded max depth` };
      }
      r.pos++;
      const frame: Frame = {
        kind: c === 0x7b ? "object" : "array",
        entries: [],
        items: [],
        key: "",
      };
      stack.push(frame);
      r.skipSpace();
      if (frame.kind === "object") {
        const k = r.peek();
        if (k === 0x7d) {
          r.pos++;
          stack.pop();
          value = { kind: "object", entries: frame.entries };
        } else {
          const key = readKey(r);
          if (key instanceof Fail) return { ok: false, error: key.text };
          frame.key = key;
          continue;
        }
      } else if (r.peek() === 0x5d) {
        r.pos++;
        stack.pop();
        value = { kind: "array", items: frame.items };
      } else {
        if (r.peek() === -1) return { ok: false, error: EOF_TEXT };
        continue;
      }
    } else if (c === 0x22) {
      const str = r.string();
      if (str instanceof Fail) return { ok: false, error: str.text };
      value = { kind: "string", value: str };
    } else if (c === 0x2d || isDigit(c)) {
      const num = r.number();
      if (num instanceof Fail) return { ok: false, error: num.text };
      value = { kind: "number", raw: num };
    } else if (c === 0x74 || c === 0x66 || c === 0x6e) {
      const word = c === 0x74 ? "true" : c === 0x66 ? "false" : "null";
      r.pos++;
      const bad = r.literal(word);
      if (bad !== null) return { ok: false, error: bad.text };
      value = word === "null" ? { kind: "null" } : { kind: "bool", value: word === "true" };
    } else {
      return { ok: false, error: r.error("looking for beginning of value").text };
    }
    // Attach the value and consume separators / closers until a new value is due.
    for (;;) {
      const top = stack[stack.length - 1];
      if (top === undefined) {
        result = value;
        r.skipSpace();
        if (r.pos < s.length) return { ok: false, error: r.error("after top-level value").text };
        return { ok: true, value: result };
      }
      if (top.kind === "object") top.entries.push([top.key, value]);
      else top.items.push(value);
      r.skipSpace();
      const n = r.peek();
      if (n === -1) return { ok: false, error: EOF_TEXT };
      if (top.kind === "object") {
        if (n === 0x2c) {
          r.pos++;
          r.skipSpace();
          const key = readKey(r);
          if (key instanceof Fail) return { ok: false, error: key.text };
          top.key = key;
          break;
        }
        if (n !== 0x7d) return { ok: false, error: r.error("after object key:value pair").text };
        r.pos++;
        stack.pop();
        value = { kind: "object", entries: top.entries };
      } else {
        if (n === 0x2c) {
          r.pos++;
          break;
        }
        if (n !== 0x5d) return { ok: false, error: r.error("after array element").text };
        r.pos++;
        stack.pop();
        value = { kind: "array", items: top.items };
      }
    }
  }
}

/** Reads `"key"` then `:`, leaving the reader before the value. */
function readKey(r: Reader): string | Fail {
  const c = r.peek();
  if (c === -1) return new Fail(EOF_TEXT);
  if (c !== 0x22) return r.error("looking for beginning of object key string");
  const key = r.string();
  if (key instanceof Fail) return key;
  r.skipSpace();
  const colon = r.peek();
  if (colon === -1) return new Fail(EOF_TEXT);
  if (colon !== 0x3a) return r.error("after object key");
  r.pos++;
  return key;
}

/**
 * Converts an already-parsed JavaScript value (e.g. from `JSON.parse` or a YAML reader) into a
 * {@link GoJSONValue}, so that the same Go decoding rules apply. Own enumerable keys only, so a
 * `__proto__` key that JSON.parse created as an own property is kept as an ordinary key.
 * Properties whose value is `undefined` are absent (as with `JSON.stringify`). Returns null for
 * values JSON cannot hold (functions, symbols, bigint, cycles, a top-level undefined).
 * @example
 * fromJavaScriptValue({ a: [1, "x"] })?.kind; // "object"
 */
export function fromJavaScriptValue(value: unknown): GoJSONValue | null {
  return convert(value, new Set());
}

function convert(value: unknown, seen: Set<object>): GoJSONValue | null {
  if (value === null) return { kind: "null" };
  switch (typeof value) {
    case "string":
      return { kind: "string", value: toWellFormed(value) };
    case "number":
      return Number.isFinite(value) ? { kind: "number", raw: String(value) } : null;
    case "boolean":
      return { kind: "bool", value };
    case "object": {
      if (seen.has(value)) return null;
      seen.add(value);
      try {
        if (Array.isArray(value)) {
          const items: GoJSONValue[] = [];
          for (const item of value) {
            const v = convert(item, seen);
            if (v === null) return null;
            items.push(v);
          }
          return { kind: "array", items };
        }
        const entries: [string, GoJSONValue][] = [];
        for (const key of Object.keys(value)) {
          const raw = (value as Record<string, unknown>)[key];
          // As in JSON.stringify, a property whose value is undefined is absent.
          if (raw === undefined) continue;
          const v = convert(raw, seen);
          if (v === null) return null;
          entries.push([key, v]);
        }
        return { kind: "object", entries };
      } finally {
        seen.delete(value);
      }
    }
    default:
      return null;
  }
}

/** Replaces lone surrogates with U+FFFD, as Go's JSON decoder does for `\uD800`. */
function toWellFormed(text: string): string {
  let out = "";
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    const next = text.charCodeAt(i + 1);
    if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      i++;
      continue;
    }
    out += `${text.slice(last, i)}\ufffd`;
    last = i + 1;
  }
  return last === 0 ? text : out + text.slice(last);
}
