import { describe, expect, it } from "vitest";
import { createManualClock } from "../../src/pull/clock.js";
import { PullConfigError } from "../../src/pull/errors.js";
import {
  createTokenBucket,
  DEFAULT_REGISTRY_BURST,
  DEFAULT_REGISTRY_PULL_QPS,
  PULL_QPS_EXCEEDED,
  validateRegistryLimits,
} from "../../src/pull/rate-limiter.js";

describe("createTokenBucket", () => {
  it("starts full: burst pulls pass at once, the next one is refused", () => {
    const clock = createManualClock(0);
    const limiter = createTokenBucket({ qps: 5, burst: 10, clock });
    const accepted = Array.from({ length: 11 }, () => limiter.tryAccept());
    expect(accepted).toEqual([...Array(10).fill(true), false]);
  });

  it("refills at qps tokens per second, never beyond burst", () => {
    const clock = createManualClock(0);
    const limiter = createTokenBucket({ qps: 2, burst: 3, clock });
    for (let i = 0; i < 3; i++) expect(limiter.tryAccept()).toBe(true);
    expect(limiter.tryAccept()).toBe(false);
    clock.advance(499);
    expect(limiter.tryAccept()).toBe(false);
    clock.advance(1);
    expect(limiter.tryAccept()).toBe(true);
    expect(limiter.tryAccept()).toBe(false);
    clock.advance(60_000);
    const burst = Array.from({ length: 4 }, () => limiter.tryAccept());
    expect(burst).toEqual([true, true, true, false]);
  });

  it("a bucket of size 0 refuses everything (upstream 'excessive qps': 2000 qps, burst 0)", () => {
    const clock = createManualClock(0);
    const limiter = createTokenBucket({ qps: 2000, burst: 0, clock });
    for (let i = 0; i < 5; i++) {
      clock.advance(1_000);
      expect(limiter.tryAccept()).toBe(false);
    }
  });

  it("qps 400, burst 600 accepts the upstream test's pulls", () => {
    const clock = createManualClock(0);
    const limiter = createTokenBucket({ qps: 400, burst: 600, clock });
    expect([limiter.tryAccept(), limiter.tryAccept(), limiter.tryAccept()]).toEqual([
      true,
      true,
      true,
    ]);
  });

  it("a clock going backwards does not mint tokens", () => {
    const clock = createManualClock(10_000);
    const limiter = createTokenBucket({ qps: 1, burst: 1, clock });
    expect(limiter.tryAccept()).toBe(true);
    clock.set(0);
    expect(limiter.tryAccept()).toBe(false);
  });

  it("refuses qps 0 (the kubelet has no limiter then)", () => {
    expect(() => createTokenBucket({ qps: 0, burst: 1, clock: createManualClock() })).toThrow(
      PullConfigError,
    );
  });

  it("knows the kubelet's defaults and error text", () => {
    expect([DEFAULT_REGISTRY_PULL_QPS, DEFAULT_REGISTRY_BURST, PULL_QPS_EXCEEDED]).toEqual([
      5,
      10,
      "pull QPS exceeded",
    ]);
  });
});

describe("validateRegistryLimits (kubelet configuration validation)", () => {
  it.each([
    [5, 10, []],
    [0, 0, []],
    [
      -1,
      10,
      ["invalid configuration: registryPullQPS (--registry-qps) -1 must not be a negative number"],
    ],
    [
      5,
      -2,
      ["invalid configuration: registryBurst (--registry-burst) -2 must not be a negative number"],
    ],
    [
      -0.5,
      -1,
      [
        "invalid configuration: registryBurst (--registry-burst) -1 must not be a negative number",
        "invalid configuration: registryPullQPS (--registry-qps) -0.5 must not be a negative number",
      ],
    ],
  ] as const)("qps %s burst %s", (qps, burst, messages) => {
    const errors = validateRegistryLimits(qps, burst);
    expect(errors.map((e) => e.message)).toEqual(messages);
    for (const e of errors)
      expect(["INVALID_REGISTRY_QPS", "INVALID_REGISTRY_BURST"]).toContain(e.code);
  });
});
