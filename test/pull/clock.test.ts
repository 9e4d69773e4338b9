import { describe, expect, it } from "vitest";
import { createManualClock } from "../../src/pull/clock.js";

describe("createManualClock", () => {
  it("starts where told and moves only when told", () => {
    const clock = createManualClock(5);
    expect(clock.now()).toBe(5);
    expect(clock.now()).toBe(5);
    clock.advance(10);
    expect(clock.now()).toBe(15);
    clock.set(3);
    expect(clock.now()).toBe(3);
    clock.advance(-1);
    expect(clock.now()).toBe(2);
  });

  it("defaults to 0", () => {
    expect(createManualClock().now()).toBe(0);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])("rejects %s with a TypeError", (bad) => {
    expect(() => createManualClock(bad)).toThrow(TypeError);
    const clock = createManualClock();
    expect(() => clock.advance(bad)).toThrow(/finite number/);
    expect(() => clock.set(bad)).toThrow(/finite number/);
    expect(clock.now()).toBe(0);
  });
});
