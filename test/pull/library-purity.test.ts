// src/pull must reach time, files and the network only through injected interfaces.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const dir = join(import.meta.dirname, "..", "..", "src", "pull");
const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));

/** Source without comments, so documentation may mention what code must not use. */
function code(file: string): string {
  return readFileSync(join(dir, file), "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:])\/\/.*$/gm, "$1");
}

const forbidden: ReadonlyArray<readonly [string, RegExp]> = [
  ["Date", /\bDate\s*[.(]|\bnew\s+Date\b/],
  ["performance.now", /\bperformance\s*\./],
  ["setTimeout/setInterval/setImmediate", /\bset(Timeout|Interval|Immediate)\s*\(/],
  ["process", /\bprocess\s*\./],
  ["fetch/XMLHttpRequest/WebSocket", /\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b/],
  ["node: imports", /from\s+["']node:|require\s*\(/],
  ["Math.random", /\bMath\.random\b/],
  ["Buffer", /\bBuffer\b/],
];

describe("src/pull is free of real clocks, timers, files and network", () => {
  it("has source files to check", () => {
    expect(files.length).toBeGreaterThan(10);
  });
  it.each(files)("%s", (file) => {
    const source = code(file);
    const found = forbidden.filter(([, pattern]) => pattern.test(source)).map(([name]) => name);
    expect(found).toEqual([]);
  });
  it("the check itself catches a use", () => {
    const [, datePattern] = forbidden[0] as readonly [string, RegExp];
    expect(datePattern.test("const t = Date.now();")).toBe(true);
  });
});
