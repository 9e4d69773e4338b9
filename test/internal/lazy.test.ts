import { describe, expect, it } from "vitest";
import { lazy } from "../../src/internal/lazy.js";

describe("lazy", () => {
  it("does not build until the getter is first called", () => {
    let builds = 0;
    lazy(() => ++builds);
    expect(builds).toBe(0);
  });

  it("builds once and returns the same value on every call", () => {
    let builds = 0;
    const get = lazy(() => ({ n: ++builds }));
    const first = get();
    expect(get()).toBe(first);
    expect(get()).toBe(first);
    expect(builds).toBe(1);
  });

  it.each([
    ["undefined", undefined],
    ["null", null],
    ["0", 0],
    ["false", false],
    ["empty string", ""],
  ])("caches a falsy value (%s) instead of rebuilding", (_label, value) => {
    let builds = 0;
    const get = lazy(() => {
      builds++;
      return value;
    });
    expect(get()).toBe(value);
    expect(get()).toBe(value);
    expect(builds).toBe(1);
  });

  it("does not cache a throw: the next call builds again", () => {
    let builds = 0;
    const get = lazy(() => {
      builds++;
      if (builds === 1) throw new Error("first build fails");
      return "built";
    });
    expect(get).toThrow("first build fails");
    expect(get()).toBe("built");
    expect(get()).toBe("built");
    expect(builds).toBe(2);
  });

  it("keeps separate getters separate", () => {
    const a = lazy(() => ({ name: "a" }));
    const b = lazy(() => ({ name: "b" }));
    expect(a()).not.toBe(b());
    expect([a().name, b().name]).toEqual(["a", "b"]);
  });
});
