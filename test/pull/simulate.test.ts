import { describe, expect, it } from "vitest";
import { PullConfigError } from "../../src/pull/errors.js";
import { MAX_SIMULATED_SYNCS, SIMULATED_PULL_ERROR, simulatePod } from "../../src/pull/simulate.js";

describe("simulatePod", () => {
  it("reproduces the §3.4 timeline: attempts, back-off holds and window ends", async () => {
    const result = await simulatePod({
      image: "registry.example/app:1.4",
      policy: "IfNotPresent",
      registry: { kind: "fails", error: "manifest unknown" },
      syncs: [0, 5, 10, 30, 70, 150, 310, 610].map((s) => s * 1000),
    });
    expect(
      result.rows.map((r) => [
        r.tMs / 1000,
        r.allowed,
        r.reason,
        (r.backoffMs ?? 0) / 1000,
        (r.backoffUntilMs ?? 0) / 1000,
      ]),
    ).toEqual([
      [0, true, "ErrImagePull", 10, 10],
      [5, false, "ImagePullBackOff", 10, 10],
      [10, true, "ErrImagePull", 20, 30],
      [30, true, "ErrImagePull", 40, 70],
      [70, true, "ErrImagePull", 80, 150],
      [150, true, "ErrImagePull", 160, 310],
      [310, true, "ErrImagePull", 300, 610],
      [610, true, "ErrImagePull", 300, 910],
    ]);
    expect(result.rows[1]?.message).toBe(
      'Back-off pulling image "registry.example/app:1.4": ErrImagePull: manifest unknown',
    );
    expect(result.pullAttempts).toBe(7);
    expect(result.startedAtMs).toBeUndefined();
  });

  it("a registry that fails 3 times: the pod starts at the 4th attempt, syncing every 5 s", async () => {
    const result = await simulatePod({
      image: "app:1",
      policy: "IfNotPresent",
      registry: { kind: "failsTimes", n: 3 },
      syncs: { untilMs: 300_000, everyMs: 5_000 },
    });
    expect(result.rows.map((r) => [r.tMs / 1000, r.reason ?? "started"])).toEqual([
      [0, "ErrImagePull"],
      [5, "ImagePullBackOff"],
      [10, "ErrImagePull"],
      [15, "ImagePullBackOff"],
      [20, "ImagePullBackOff"],
      [25, "ImagePullBackOff"],
      [30, "ErrImagePull"],
      [35, "ImagePullBackOff"],
      [40, "ImagePullBackOff"],
      [45, "ImagePullBackOff"],
      [50, "ImagePullBackOff"],
      [55, "ImagePullBackOff"],
      [60, "ImagePullBackOff"],
      [65, "ImagePullBackOff"],
      [70, "started"],
    ]);
    expect(result.rows[0]?.message).toBe(SIMULATED_PULL_ERROR);
    expect(result.startedAtMs).toBe(70_000);
    expect(result.pullAttempts).toBe(4);
    const last = result.rows.at(-1);
    expect(last?.events.map((e) => e.reason)).toEqual(["Pulling", "Pulled"]);
    // The success did not reset the window.
    expect(last?.backoffMs).toBe(40_000);
  });

  it("keeps syncing after the start when asked to (every start re-runs the decision)", async () => {
    const result = await simulatePod({
      image: "nginx:1.25",
      policy: "Always",
      present: true,
      syncs: [0, 60_000],
      untilStarted: false,
    });
    expect(result.rows.map((r) => [r.outcome, r.runtimeCalls])).toEqual([
      ["pulled", ["PullImage", "GetImageSize"]],
      ["pulled", ["PullImage", "GetImageSize"]],
    ]);
  });

  it("a present image under IfNotPresent starts at once without a pull", async () => {
    const result = await simulatePod({ image: "nginx:1.25", present: true, syncs: [0, 10_000] });
    expect(result.policy).toBe("IfNotPresent");
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]?.message).toBe(
      'Container image "nginx:1.25" already present on machine and can be accessed by the pod',
    );
    expect(result.rows[0]?.access).toEqual({ pullRequired: false, row: 2 });
  });

  it("Never with an absent image never starts", async () => {
    const result = await simulatePod({
      image: "nginx:1.25",
      policy: "Never",
      syncs: [0, 10_000, 20_000],
    });
    expect(result.rows.map((r) => r.reason)).toEqual([
      "ErrImageNeverPull",
      "ErrImageNeverPull",
      "ErrImageNeverPull",
    ]);
    expect(result.rows.every((r) => r.backoffMs === undefined)).toBe(true);
  });

  it("an unavailable registry and a bad signature get their own reasons", async () => {
    const unavailable = await simulatePod({
      image: "app:1",
      registry: { kind: "unavailable", detail: "connection refused" },
      syncs: [0],
    });
    expect(unavailable.rows[0]?.message).toBe(
      "image pull failed for app:1 because the registry is unavailable: connection refused",
    );
    const signature = await simulatePod({
      image: "app:1",
      registry: { kind: "signatureInvalid" },
      syncs: [0],
    });
    expect([signature.rows[0]?.reason, signature.rows[0]?.message]).toEqual([
      "SignatureValidationFailed",
      "image pull failed for app:1 because the signature validation failed",
    ]);
  });

  it("an invalid image name stops every sync before any runtime call", async () => {
    const result = await simulatePod({ image: "FAILED_IMAGE", syncs: [0, 1_000] });
    expect(result.rows.map((r) => [r.reason, r.runtimeCalls.length])).toEqual([
      ["InvalidImageName", 0],
      ["InvalidImageName", 0],
    ]);
    // The API server defaults an unparsable image to IfNotPresent.
    expect(result.policy).toBe("IfNotPresent");
  });

  it("a pull longer than the gap delays the next sync and shows in the Pulled message", async () => {
    const result = await simulatePod({
      image: "big:1",
      syncs: [0, 1_000],
      pullDurationMs: 95_250,
      imageSizeBytes: 734_003_200,
      untilStarted: false,
      policy: "Always",
    });
    expect(result.rows.map((r) => r.tMs)).toEqual([0, 95_250]);
    expect(result.rows[0]?.events[1]?.message).toBe(
      'Successfully pulled image "big:1" in 1m35.25s (1m35.25s including waiting). Image size: 734003200 bytes.',
    );
  });

  it("lets the back-off bounds be chosen", async () => {
    const result = await simulatePod({
      image: "app:1",
      registry: { kind: "fails" },
      backoff: { initialMs: 1_000, maxMs: 4_000 },
      syncs: { untilMs: 10_000, everyMs: 1_000 },
    });
    expect(result.rows.filter((r) => r.allowed).map((r) => r.tMs)).toEqual([
      0, 1_000, 3_000, 7_000,
    ]);
  });

  it.each([
    [{ untilMs: 10, everyMs: 0 }, "everyMs must be > 0"],
    [{ untilMs: Number.NaN, everyMs: 1 }, "must be finite"],
    [{ untilMs: MAX_SIMULATED_SYNCS * 10, everyMs: 1 }, "exceed the limit"],
    [[0, 10, 5], "must not decrease"],
    [[0, Number.POSITIVE_INFINITY], "not a finite number"],
  ])("refuses the schedule %j", async (syncs, message) => {
    await expect(simulatePod({ image: "app:1", syncs })).rejects.toThrow(message);
    await expect(simulatePod({ image: "app:1", syncs })).rejects.toBeInstanceOf(PullConfigError);
  });

  it("an empty schedule gives an empty timeline", async () => {
    const result = await simulatePod({ image: "app:1", syncs: [] });
    expect(result).toEqual({
      image: "app:1",
      policy: "IfNotPresent",
      rows: [],
      startedAtMs: undefined,
      pullAttempts: 0,
    });
  });
});
