import { describe, expect, it } from "vitest";
import { parseDuration } from "../../src/cli/duration.js";

describe("parseDuration", () => {
  it.each([
    ["0", 0],
    ["0s", 0],
    ["90s", 90_000],
    ["15m", 900_000],
    ["1h30m", 5_400_000],
    ["500ms", 500],
    ["1.5s", 1500],
    ["2m3s", 123_000],
  ])("%s → %i ms", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });
  it.each(["", "15", "m", "1x", "-5s", "1h 30m", "s5"])("%j is not a duration", (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});
