import { describe, expect, it } from "vitest";
import {
  formatGoDuration,
  formatGoDurationNanos,
  truncateToMillisecond,
} from "../../src/pull/go-duration.js";

// Expected strings are what Go's time.Duration.String() prints for the same nanoseconds.
const nanosCases: ReadonlyArray<readonly [bigint, string]> = [
  [0n, "0s"],
  [1n, "1ns"],
  [999n, "999ns"],
  [1_000n, "1µs"],
  [1_100n, "1.1µs"],
  [2_200_000n, "2.2ms"],
  [523_000_000n, "523ms"],
  [1_000_000_000n, "1s"],
  [1_500_000_000n, "1.5s"],
  [3_300_000_000n, "3.3s"],
  [62_003_000_000n, "1m2.003s"],
  [60_000_000_000n, "1m0s"],
  [3_600_000_000_000n, "1h0m0s"],
  [2n * 3_600_000_000_000n + 3n * 60_000_000_000n + 4_500_000_000n, "2h3m4.5s"],
  [-1_000n, "-1µs"],
  [-1_500_000_000n, "-1.5s"],
  [1_000_000_001n, "1.000000001s"],
  [9_223_372_036_854_775_807n, "2562047h47m16.854775807s"],
];

describe("formatGoDurationNanos", () => {
  it.each(nanosCases)("%s ns → %s", (nanos, text) => {
    expect(formatGoDurationNanos(nanos)).toBe(text);
  });
});

describe("formatGoDuration (milliseconds)", () => {
  it.each([
    [0, "0s"],
    [1500, "1.5s"],
    [523, "523ms"],
    [62_003, "1m2.003s"],
    [1.5, "1.5ms"],
    [0.001, "1µs"],
    [300_000, "5m0s"],
    [-250, "-250ms"],
    [Number.NaN, "0s"],
    [Number.POSITIVE_INFINITY, "0s"],
  ] as const)("%s ms → %s", (ms, text) => {
    expect(formatGoDuration(ms)).toBe(text);
  });
});

describe("truncateToMillisecond", () => {
  it.each([
    [1523.9, 1523],
    [0.999, 0],
    [-1.5, -1],
    [-0.5, 0],
    [Number.NaN, 0],
  ] as const)("%s → %s", (ms, truncated) => {
    expect(Object.is(truncateToMillisecond(ms), truncated)).toBe(true);
  });
});
