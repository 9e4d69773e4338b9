import { describe, expect, it } from "vitest";
import { createManualClock } from "../../src/pull/clock.js";
import { createMemoryRuntime } from "../../src/pull/runtime.js";

describe("createMemoryRuntime", () => {
  it("answers GetImageRef from the present images; a name without tag also answers for :latest", () => {
    const runtime = createMemoryRuntime({
      present: ["nginx", { image: "redis:7", ref: "sha256:r", sizeBytes: 99 }],
    });
    expect(runtime.getImageRef("nginx:latest")).toBe("nginx");
    expect(runtime.getImageRef("redis:7")).toBe("sha256:r");
    expect(runtime.getImageRef("redis:6")).toBe("");
    expect(runtime.getImageSize("redis:7", "sha256:r")).toBe(99);
    expect(runtime.calls.map((c) => c.method)).toEqual([
      "GetImageRef",
      "GetImageRef",
      "GetImageRef",
      "GetImageSize",
    ]);
    runtime.clearCalls();
    expect(runtime.calls).toEqual([]);
  });

  it("a successful pull makes the image present", () => {
    const runtime = createMemoryRuntime({ defaultSizeBytes: 5 });
    expect(runtime.pullImage("app:1", undefined)).toBe("app:1");
    expect(runtime.images()).toEqual(["app:1"]);
    expect(runtime.getImageRef("app:1")).toBe("app:1");
    expect(runtime.getImageSize("app:1", "app:1")).toBe(5);
  });

  it("fails the first pulls with pullErrors, then succeeds", () => {
    const runtime = createMemoryRuntime({ pullErrors: ["one", "two"] });
    expect(() => runtime.pullImage("a:1", undefined)).toThrow("one");
    expect(() => runtime.pullImage("a:1", undefined)).toThrow("two");
    expect(runtime.pullImage("a:1", undefined)).toBe("a:1");
  });

  it("passes the attempt number and credential to a pull behaviour, and records no secret", () => {
    const seen: unknown[] = [];
    const runtime = createMemoryRuntime({
      pull: ({ attempt, credential }) => {
        seen.push([attempt, credential?.username]);
        return undefined;
      },
    });
    runtime.pullImage("a:1", { username: "u", password: "CANARY" });
    runtime.pullImage("a:1", undefined);
    expect(seen).toEqual([
      [1, "u"],
      [2, undefined],
    ]);
    expect(runtime.calls).toEqual([
      { method: "PullImage", image: "a:1", withCredential: true },
      { method: "PullImage", image: "a:1", withCredential: false },
    ]);
  });

  it("an inspect error throws from GetImageRef", () => {
    const runtime = createMemoryRuntime({ inspectError: "rpc error: code = Unavailable" });
    expect(() => runtime.getImageRef("a:1")).toThrow("rpc error: code = Unavailable");
  });

  it("advances a manual clock by the pull duration", () => {
    const clock = createManualClock(0);
    const runtime = createMemoryRuntime({ clock, pullDurationMs: 1_500 });
    runtime.pullImage("a:1", undefined);
    expect(clock.now()).toBe(1_500);
  });
});
