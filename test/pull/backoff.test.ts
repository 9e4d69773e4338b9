import { describe, expect, it } from "vitest";
import {
  createBackoff,
  IMAGE_BACKOFF_INITIAL_MS,
  IMAGE_BACKOFF_MAX_MS,
} from "../../src/pull/backoff.js";
import { createManualClock } from "../../src/pull/clock.js";
import { PullConfigError } from "../../src/pull/errors.js";

const KEY = "pod-uid_busybox";

describe("createBackoff: the §3.4 timeline (failure at every attempt)", () => {
  // [attempt at (s), allowed?, window after the failure (s), window ends (s)]
  const timeline: ReadonlyArray<readonly [number, boolean, number | null, number | null]> = [
    [0, true, 10, 10],
    [5, false, null, null],
    [10, true, 20, 30],
    [30, true, 40, 70],
    [70, true, 80, 150],
    [150, true, 160, 310],
    [310, true, 300, 610],
    [610, true, 300, 910],
  ];

  it("uses the kubelet's constants by default", () => {
    const backoff = createBackoff({ clock: createManualClock() });
    expect(backoff.initialMs).toBe(IMAGE_BACKOFF_INITIAL_MS);
    expect(backoff.maxMs).toBe(IMAGE_BACKOFF_MAX_MS);
    expect([IMAGE_BACKOFF_INITIAL_MS, IMAGE_BACKOFF_MAX_MS]).toEqual([10_000, 300_000]);
  });

  it("follows the table row by row", () => {
    const clock = createManualClock(0);
    const backoff = createBackoff({ clock });
    for (const [at, allowed, window, ends] of timeline) {
      clock.set(at * 1000);
      const inBackoff = backoff.isInBackOffSinceUpdate(KEY, clock.now());
      expect({ at, allowed: !inBackoff }).toEqual({ at, allowed });
      if (allowed) {
        backoff.next(KEY, clock.now());
        const entry = backoff.entry(KEY);
        expect({
          at,
          window: entry?.backoffMs,
          ends: (entry?.lastUpdateMs ?? 0) + (entry?.backoffMs ?? 0),
        }).toEqual({
          at,
          window: (window ?? 0) * 1000,
          ends: (ends ?? 0) * 1000,
        });
        expect(backoff.get(KEY)).toBe((window ?? 0) * 1000);
      }
    }
  });

  it("restarts at 10 s only after strictly more than 600 s without an update", () => {
    const clock = createManualClock(0);
    const backoff = createBackoff({ clock });
    for (const t of [0, 10, 30, 70]) {
      clock.set(t * 1000);
      backoff.next(KEY, clock.now());
    }
    expect(backoff.get(KEY)).toBe(80_000);
    // Exactly 600 s later: not expired, the window doubles.
    clock.set(670_000);
    expect(backoff.isInBackOffSinceUpdate(KEY, clock.now())).toBe(false);
    backoff.next(KEY, clock.now());
    expect(backoff.get(KEY)).toBe(160_000);
    // 600.001 s later: expired, back to the initial window.
    clock.set(670_000 + 600_001);
    backoff.next(KEY, clock.now());
    expect(backoff.get(KEY)).toBe(10_000);
  });

  it("treats an expired key as out of back-off even with a huge window", () => {
    const clock = createManualClock(0);
    const backoff = createBackoff({ clock, initialMs: 1_000_000, maxMs: 100 });
    backoff.next(KEY, 0);
    expect(backoff.isInBackOffSinceUpdate(KEY, 200)).toBe(true);
    expect(backoff.isInBackOffSinceUpdate(KEY, 201)).toBe(false);
  });

  it("records the clock's now as the update time, not the event time", () => {
    const clock = createManualClock(50_000);
    const backoff = createBackoff({ clock });
    backoff.next(KEY, 0);
    expect(backoff.entry(KEY)).toEqual({ backoffMs: 10_000, lastUpdateMs: 50_000 });
  });

  it("has a strict window: in back-off at 9.999 s, out at 10 s", () => {
    const clock = createManualClock(0);
    const backoff = createBackoff({ clock });
    backoff.next(KEY, 0);
    expect(backoff.isInBackOffSinceUpdate(KEY, 9_999)).toBe(true);
    expect(backoff.isInBackOffSinceUpdate(KEY, 10_000)).toBe(false);
    expect(backoff.isInBackOffSinceUpdate("other", 0)).toBe(false);
  });

  it("isInBackOffSince measures from the event time to now", () => {
    const clock = createManualClock(0);
    const backoff = createBackoff({ clock });
    expect(backoff.isInBackOffSince(KEY, 0)).toBe(false);
    backoff.next(KEY, 0);
    clock.set(15_000);
    expect(backoff.isInBackOffSince(KEY, 6_000)).toBe(true);
    expect(backoff.isInBackOffSince(KEY, 5_000)).toBe(false);
    expect(backoff.isInBackOffSince(KEY, 600_001)).toBe(false);
  });

  it("gc drops only keys not updated for strictly more than 2 × max", () => {
    const clock = createManualClock(0);
    const backoff = createBackoff({ clock });
    backoff.next("old", 0);
    clock.set(1_000);
    backoff.next("young", 1_000);
    clock.set(600_000);
    backoff.gc();
    expect(backoff.entry("old")).toBeDefined();
    clock.set(600_001);
    backoff.gc();
    expect(backoff.entry("old")).toBeUndefined();
    expect(backoff.entry("young")).toBeDefined();
  });

  it("reset and deleteEntry forget a key; nothing else does", () => {
    const clock = createManualClock(0);
    const backoff = createBackoff({ clock });
    backoff.next("a", 0);
    backoff.next("b", 0);
    backoff.reset("a");
    backoff.deleteEntry("b");
    expect(backoff.get("a")).toBe(0);
    expect(backoff.entry("b")).toBeUndefined();
  });

  it.each([
    [{ initialMs: -1 }, /initialMs/],
    [{ maxMs: Number.NaN }, /maxMs/],
    [{ initialMs: Number.POSITIVE_INFINITY }, /initialMs/],
  ])("rejects bad bounds %o", (bounds, message) => {
    let thrown: unknown;
    try {
      createBackoff({ clock: createManualClock(), ...bounds });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(PullConfigError);
    expect((thrown as PullConfigError).code).toBe("INVALID_BACKOFF");
    expect((thrown as PullConfigError).message).toMatch(message);
  });
});
