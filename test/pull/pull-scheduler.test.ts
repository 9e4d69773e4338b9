import { describe, expect, it } from "vitest";
import { PullConfigError } from "../../src/pull/errors.js";
import {
  createPullScheduler,
  SERIAL_PULL_QUEUE_CAPACITY,
  validatePullScheduling,
} from "../../src/pull/pull-scheduler.js";

/** A task that stays running until released, recording when it started. */
function gate() {
  let release!: () => void;
  const done = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { done, release };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("createPullScheduler", () => {
  it("serializes by default: one pull at a time, first in first out", async () => {
    const scheduler = createPullScheduler();
    expect(scheduler.mode).toBe("serial");
    const started: number[] = [];
    const gates = [gate(), gate(), gate()];
    const runs = gates.map((g, i) =>
      scheduler.run(async () => {
        started.push(i);
        await g.done;
        return i;
      }),
    );
    await tick();
    expect(started).toEqual([0]);
    expect(scheduler.stats()).toEqual({ running: 1, queued: 2, blockedOnFullQueue: 0 });
    gates[1]?.release();
    gates[0]?.release();
    await tick();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates[2]?.release();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect(scheduler.stats()).toEqual({ running: 0, queued: 0, blockedOnFullQueue: 0 });
  });

  it("serialized: beyond a queue of 10 the senders are blocked", async () => {
    const scheduler = createPullScheduler({ serializeImagePulls: true, maxParallelImagePulls: 1 });
    const g = gate();
    const runs = Array.from({ length: 13 }, () => scheduler.run(() => g.done));
    await tick();
    expect(SERIAL_PULL_QUEUE_CAPACITY).toBe(10);
    expect(scheduler.stats()).toEqual({ running: 1, queued: 10, blockedOnFullQueue: 2 });
    g.release();
    await Promise.all(runs);
  });

  it("parallel with maxParallelImagePulls 5: the 6th and 7th wait (upstream TestMaxParallelImagePullsLimit)", async () => {
    const scheduler = createPullScheduler({ serializeImagePulls: false, maxParallelImagePulls: 5 });
    expect(scheduler.maxParallel).toBe(5);
    const gates = Array.from({ length: 7 }, () => gate());
    let calls = 0;
    const runs = gates.map((g) =>
      scheduler.run(async () => {
        calls++;
        await g.done;
      }),
    );
    await tick();
    expect(calls).toBe(5);
    gates[0]?.release();
    gates[1]?.release();
    await tick();
    await tick();
    expect(calls).toBe(7);
    for (const g of gates) g.release();
    await Promise.all(runs);
    expect(calls).toBe(7);
  });

  it("parallel without a limit runs everything at once", async () => {
    const scheduler = createPullScheduler({ serializeImagePulls: false });
    expect(scheduler.maxParallel).toBeUndefined();
    const g = gate();
    let calls = 0;
    const runs = Array.from({ length: 50 }, () =>
      scheduler.run(async () => {
        calls++;
        await g.done;
      }),
    );
    await tick();
    expect(calls).toBe(50);
    expect(scheduler.stats().queued).toBe(0);
    g.release();
    await Promise.all(runs);
  });

  it("a failing task frees its slot and rejects with its own error", async () => {
    const scheduler = createPullScheduler();
    await expect(
      scheduler.run(() => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    await expect(scheduler.run(() => 42)).resolves.toBe(42);
  });
});

describe("validatePullScheduling (kubelet configuration validation)", () => {
  it.each([
    [{}, []],
    [{ serializeImagePulls: false, maxParallelImagePulls: 3 }, []],
    [{ serializeImagePulls: true, maxParallelImagePulls: 1 }, []],
    [
      { serializeImagePulls: false, maxParallelImagePulls: 0 },
      ["invalid configuration: maxParallelImagePulls 0 must be a positive number"],
    ],
    [
      { maxParallelImagePulls: 5 },
      [
        "invalid configuration: maxParallelImagePulls cannot be larger than 1 unless SerializeImagePulls (--serialize-image-pulls) is set to false",
      ],
    ],
    [
      { serializeImagePulls: true, maxParallelImagePulls: -1 },
      ["invalid configuration: maxParallelImagePulls -1 must be a positive number"],
    ],
  ] as const)("%o", (options, messages) => {
    expect(validatePullScheduling(options).map((e) => e.message)).toEqual(messages);
  });

  it("createPullScheduler refuses what validation refuses", () => {
    expect(() => createPullScheduler({ maxParallelImagePulls: 2 })).toThrow(PullConfigError);
    expect(() =>
      createPullScheduler({ serializeImagePulls: false, maxParallelImagePulls: 0.5 }),
    ).toThrow("must be a positive number");
  });
});
