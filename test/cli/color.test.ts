import { describe, expect, it } from "vitest";
import { createColors, shouldColor, visibleWidth } from "../../src/cli/color.js";

describe("shouldColor", () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: "1" }, false],
    [true, { NO_COLOR: "" }, true],
    [false, { FORCE_COLOR: "1" }, true],
    [false, { FORCE_COLOR: "0" }, false],
    [true, { NO_COLOR: "1", FORCE_COLOR: "1" }, false],
    [true, { TERM: "dumb" }, false],
  ] as const)("tty=%s env=%j → %s", (tty, env, want) => {
    expect(shouldColor(tty, env)).toBe(want);
  });
});

describe("createColors", () => {
  it("leaves text alone when off", () => {
    const c = createColors(false);
    expect(c.red("x") + c.bold("y") + c.dim("z")).toBe("xyz");
  });
  it("wraps text in SGR codes when on", () => {
    expect(createColors(true).red("x")).toBe("\u001b[31mx\u001b[39m");
  });
});

describe("visibleWidth", () => {
  it.each([
    ["", 0],
    ["abc", 3],
    ["\u001b[31mab\u001b[39m", 2],
    ["\u001b[1m\u001b[31mé\u001b[39m\u001b[22m", 1],
    ["😀", 1],
  ])("%j → %i", (s, n) => {
    expect(visibleWidth(s)).toBe(n);
  });
});
