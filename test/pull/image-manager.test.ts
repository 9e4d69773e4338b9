import { describe, expect, it } from "vitest";
import type { PullPolicy } from "../../src/policy/index.js";
import { createBackoff } from "../../src/pull/backoff.js";
import { createManualClock } from "../../src/pull/clock.js";
import { credentialHash } from "../../src/pull/credential-hash.js";
import type { CredentialLookup, PullCredential } from "../../src/pull/credentials.js";
import { createImageManager, type ImageManagerOptions } from "../../src/pull/image-manager.js";
import { createMemoryPullRecords } from "../../src/pull/pull-records.js";
import type { PullEvent } from "../../src/pull/reasons.js";
import { createMemoryRuntime, type MemoryRuntimeOptions } from "../../src/pull/runtime.js";

const HEX64 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

const normal = (reason: PullEvent["reason"], message: string): PullEvent => ({
  type: "Normal",
  reason,
  message,
});
const warning = (reason: PullEvent["reason"], message: string): PullEvent => ({
  type: "Warning",
  reason,
  message,
});
const pulling = (image: string) => normal("Pulling", `Pulling image "${image}"`);
const pulled = (image: string) =>
  normal(
    "Pulled",
    `Successfully pulled image "${image}" in 0s (0s including waiting). Image size: 0 bytes.`,
  );

interface Tick {
  readonly calls: readonly string[];
  readonly reason: string | undefined;
  readonly message: string;
  readonly events: readonly PullEvent[];
}

interface UpstreamCase {
  readonly name: string;
  readonly image: string;
  readonly policy: PullPolicy;
  readonly inspectError?: string;
  readonly pullError?: string;
  readonly qps: number;
  readonly burst: number;
  readonly ticks: readonly Tick[];
}

const pullOk = (image: string, calls: readonly string[]): Tick => ({
  calls,
  reason: undefined,
  message: "",
  events: [pulling(image), pulled(image)],
});
const presentTick: Tick = {
  calls: ["GetImageRef"],
  reason: undefined,
  message: 'Container image "present_image" already present on machine',
  events: [normal("Pulled", 'Container image "present_image" already present on machine')],
};
const neverTick: Tick = {
  calls: ["GetImageRef"],
  reason: "ErrImageNeverPull",
  message: 'Container image "missing_image" is not present with pull policy of Never',
  events: [
    warning(
      "ErrImageNeverPull",
      'Container image "missing_image" is not present with pull policy of Never',
    ),
  ],
};
const inspectTick: Tick = {
  calls: ["GetImageRef"],
  reason: "ImageInspectError",
  message: 'Failed to inspect image "": unknown inspectError',
  events: [warning("InspectFailed", 'Failed to inspect image "": unknown inspectError')],
};
const fetchFail: Tick = {
  calls: ["GetImageRef", "PullImage"],
  reason: "ErrImagePull",
  message: "404",
  events: [pulling("typo_image"), warning("Failed", 'Failed to pull image "typo_image": 404')],
};
const fetchBackOff: Tick = {
  calls: ["GetImageRef"],
  reason: "ImagePullBackOff",
  message: 'Back-off pulling image "typo_image": ErrImagePull: 404',
  events: [normal("BackOff", 'Back-off pulling image "typo_image"')],
};
const qpsFail: Tick = {
  calls: [],
  reason: "ErrImagePull",
  message: "pull QPS exceeded",
  events: [
    pulling("present_image"),
    warning("Failed", 'Failed to pull image "present_image": pull QPS exceeded'),
  ],
};
const qpsBackOff: Tick = {
  calls: [],
  reason: "ImagePullBackOff",
  message: 'Back-off pulling image "present_image": ErrImagePull: pull QPS exceeded',
  events: [normal("BackOff", 'Back-off pulling image "present_image"')],
};
const invalid = (image: string, error: string): Tick => ({
  calls: [],
  reason: "InvalidImageName",
  message: `Failed to apply default image tag "${image}": couldn't parse image name "${image}": ${error}`,
  events: [
    warning(
      "InspectFailed",
      `Failed to apply default image tag "${image}": couldn't parse image name "${image}": ${error}`,
    ),
  ],
});
const SIGNATURE_MESSAGE =
  "image pull failed for typo_image because the signature validation failed";
const signatureFail: Tick = {
  calls: ["GetImageRef", "PullImage"],
  reason: "SignatureValidationFailed",
  message: SIGNATURE_MESSAGE,
  events: [
    pulling("typo_image"),
    warning("Failed", 'Failed to pull image "typo_image": SignatureValidationFailed'),
  ],
};
const signatureBackOff: Tick = {
  calls: ["GetImageRef"],
  reason: "ImagePullBackOff",
  message: `Back-off pulling image "typo_image": SignatureValidationFailed: ${SIGNATURE_MESSAGE}`,
  events: [normal("BackOff", 'Back-off pulling image "typo_image"')],
};

/** Every case of upstream image_manager_test.go (§3.5), each tick one second after the last. */
const upstreamCases: readonly UpstreamCase[] = [
  {
    name: "image missing, pull",
    image: "missing_image",
    policy: "IfNotPresent",
    qps: 0,
    burst: 0,
    ticks: [pullOk("missing_image", ["GetImageRef", "PullImage", "GetImageSize"])],
  },
  {
    name: "image present, don't pull",
    image: "present_image",
    policy: "IfNotPresent",
    qps: 0,
    burst: 0,
    ticks: [presentTick, presentTick, presentTick],
  },
  {
    name: "image present, pull",
    image: "present_image",
    policy: "Always",
    qps: 0,
    burst: 0,
    ticks: Array(3).fill(pullOk("present_image", ["PullImage", "GetImageSize"])),
  },
  {
    name: "image missing, never pull",
    image: "missing_image",
    policy: "Never",
    qps: 0,
    burst: 0,
    ticks: [neverTick, neverTick, neverTick],
  },
  {
    name: "image missing, pull if not present (inspect error)",
    image: "missing_image",
    policy: "IfNotPresent",
    inspectError: "unknown inspectError",
    qps: 0,
    burst: 0,
    ticks: [inspectTick, inspectTick, inspectTick],
  },
  {
    name: "image missing, unable to fetch",
    image: "typo_image",
    policy: "IfNotPresent",
    pullError: "404",
    qps: 0,
    burst: 0,
    ticks: [fetchFail, fetchFail, fetchBackOff, fetchFail, fetchBackOff, fetchBackOff],
  },
  {
    name: "image present and qps>0, pull",
    image: "present_image",
    policy: "Always",
    qps: 400,
    burst: 600,
    ticks: Array(3).fill(pullOk("present_image", ["PullImage", "GetImageSize"])),
  },
  {
    name: "image present and excessive qps rate, pull",
    image: "present_image",
    policy: "Always",
    qps: 2000,
    burst: 0,
    ticks: [qpsFail, qpsFail, qpsBackOff],
  },
  {
    name: "invalid image name, no pull",
    image: "FAILED_IMAGE",
    policy: "Always",
    qps: 0,
    burst: 0,
    ticks: [
      invalid(
        "FAILED_IMAGE",
        "invalid reference format: repository name (library/FAILED_IMAGE) must be lowercase",
      ),
    ],
  },
  {
    name: "invalid image name with http, no pull",
    image: "http://url",
    policy: "Always",
    qps: 0,
    burst: 0,
    ticks: [invalid("http://url", "invalid reference format")],
  },
  {
    name: "invalid image name with sha256, no pull",
    image: HEX64,
    policy: "Always",
    qps: 0,
    burst: 0,
    ticks: [
      invalid(
        HEX64,
        `invalid repository name (${HEX64}), cannot specify 64-byte hexadecimal strings`,
      ),
    ],
  },
  {
    name: "image missing, SignatureValidationFailed",
    image: "typo_image",
    policy: "IfNotPresent",
    pullError: "SignatureValidationFailed",
    qps: 0,
    burst: 0,
    ticks: [signatureFail, signatureFail, signatureBackOff, signatureFail, signatureBackOff],
  },
];

/** The upstream test environment: back-off 1 s → 1 min on a fake clock stepped 1 s per tick. */
function upstreamEnv(c: UpstreamCase, extra: Partial<ImageManagerOptions> = {}) {
  const clock = createManualClock(1_700_000_000_000);
  const runtimeOptions: MemoryRuntimeOptions = {
    present: ["present_image:latest"],
    ...(c.inspectError === undefined ? {} : { inspectError: c.inspectError }),
    ...(c.pullError === undefined ? {} : { pull: () => c.pullError }),
  };
  const runtime = createMemoryRuntime(runtimeOptions);
  const manager = createImageManager({
    runtime,
    clock,
    backoff: createBackoff({ clock, initialMs: 1_000, maxMs: 60_000 }),
    registryPullQPS: c.qps,
    registryBurst: c.burst,
    ensureSecretPulledImages: false,
    ...extra,
  });
  return { clock, runtime, manager };
}

describe.each([
  ["serialized", { serializeImagePulls: true }],
  ["parallel", { serializeImagePulls: false }],
] as const)("§3.5 upstream image manager cases (%s puller, gate off)", (_mode, pullerOptions) => {
  it.each(upstreamCases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const { clock, manager } = upstreamEnv(c, pullerOptions);
    for (const [tick, expected] of c.ticks.entries()) {
      clock.advance(1_000);
      const decision = await manager.ensureImageExists({
        pod: { uid: "bar" },
        image: c.image,
        pullPolicy: c.policy,
      });
      expect({
        tick,
        calls: decision.runtimeCalls,
        reason: decision.reason,
        message: decision.message,
        events: decision.events,
      }).toEqual({
        tick,
        ...expected,
      });
      expect(decision.ok).toBe(expected.reason === undefined);
      expect(decision.backoffKey).toBe(`bar_${c.image}`);
    }
  });
});

describe("§3.5 with the feature gate on (the default)", () => {
  it("a preloaded image is used with the 'can be accessed by the pod' message", async () => {
    const c = upstreamCases[1] as UpstreamCase;
    const { clock, manager } = upstreamEnv(c, { ensureSecretPulledImages: true });
    for (let i = 0; i < 3; i++) {
      clock.advance(1_000);
      const d = await manager.ensureImageExists({
        pod: { uid: "bar" },
        image: "present_image",
        pullPolicy: "IfNotPresent",
      });
      expect(d.events).toEqual([
        normal(
          "Pulled",
          'Container image "present_image" already present on machine and can be accessed by the pod',
        ),
      ]);
      expect(d.message).toBe(
        'Container image "present_image" already present on machine and can be accessed by the pod',
      );
      expect(d.access).toEqual({ pullRequired: false, row: 2 });
      expect(d.imageRef).toBe("present_image:latest");
    }
  });

  it.each(
    upstreamCases
      .filter((c) => c.name !== "image present, don't pull")
      .map((c) => [c.name, c] as const),
  )("%s behaves as with the gate off", async (_name, c) => {
    const { clock, manager } = upstreamEnv(c, { ensureSecretPulledImages: true });
    for (const [tick, expected] of c.ticks.entries()) {
      clock.advance(1_000);
      const d = await manager.ensureImageExists({
        pod: { uid: "bar" },
        image: c.image,
        pullPolicy: c.policy,
      });
      expect({
        tick,
        calls: d.runtimeCalls,
        reason: d.reason,
        message: d.message,
        events: d.events,
      }).toEqual({
        tick,
        ...expected,
      });
    }
    // Every intent written before a pull (or a back-off) was settled.
    expect(manager.pullManager?.intentCount(c.image)).toBe(0);
  });
});

describe("ensureImageExists: step details", () => {
  const pod = { uid: "uid-1" };

  it("Always never asks the cache; IfNotPresent and Never do", async () => {
    for (const [policy, first] of [
      ["Always", "PullImage"],
      ["IfNotPresent", "GetImageRef"],
      ["Never", "GetImageRef"],
    ] as const) {
      const runtime = createMemoryRuntime({ present: ["nginx:1.25"] });
      const manager = createImageManager({ runtime, clock: createManualClock() });
      const d = await manager.ensureImageExists({ pod, image: "nginx:1.25", pullPolicy: policy });
      expect(d.runtimeCalls[0]).toBe(first);
      expect(d.ok).toBe(true);
    }
  });

  it("defaults the policy like the API server when none is given", async () => {
    const manager = createImageManager({
      runtime: createMemoryRuntime(),
      clock: createManualClock(),
    });
    expect((await manager.ensureImageExists({ pod, image: "nginx" })).pullPolicy).toBe("Always");
    expect((await manager.ensureImageExists({ pod, image: "nginx:1.25" })).pullPolicy).toBe(
      "IfNotPresent",
    );
  });

  it("hands the runtime the tag-defaulted string, never the normalised name", async () => {
    const runtime = createMemoryRuntime();
    const manager = createImageManager({ runtime, clock: createManualClock() });
    const d = await manager.ensureImageExists({
      pod,
      image: "busybox",
      pullPolicy: "IfNotPresent",
    });
    expect(d.runtimeImage).toBe("busybox:latest");
    expect(runtime.calls.map((c) => c.image)).toEqual([
      "busybox:latest",
      "busybox:latest",
      "busybox:latest",
    ]);
    expect(d.events[0]?.message).toBe('Pulling image "busybox"');
  });

  it("quotes images with Go's %q in messages", async () => {
    const manager = createImageManager({
      runtime: createMemoryRuntime(),
      clock: createManualClock(),
    });
    const d = await manager.ensureImageExists({ pod, image: "bad\timage", pullPolicy: "Always" });
    expect(d.reason).toBe("InvalidImageName");
    expect(
      d.message.startsWith(
        'Failed to apply default image tag "bad\\timage": couldn\'t parse image name "bad\\timage": ',
      ),
    ).toBe(true);
  });

  it("RegistryUnavailable keeps the detail and backs off with it", async () => {
    const clock = createManualClock(0);
    const runtime = createMemoryRuntime({
      pull: () => "RegistryUnavailable: dial tcp 10.0.0.1:443: i/o timeout",
    });
    const manager = createImageManager({ runtime, clock });
    const first = await manager.ensureImageExists({
      pod,
      image: "registry.example/app:1",
      pullPolicy: "IfNotPresent",
    });
    expect(first.reason).toBe("RegistryUnavailable");
    expect(first.message).toBe(
      "image pull failed for registry.example/app:1 because the registry is unavailable: dial tcp 10.0.0.1:443: i/o timeout",
    );
    clock.advance(9_999);
    const second = await manager.ensureImageExists({
      pod,
      image: "registry.example/app:1",
      pullPolicy: "IfNotPresent",
    });
    expect(second.message).toBe(
      'Back-off pulling image "registry.example/app:1": RegistryUnavailable: image pull failed for registry.example/app:1 because the registry is unavailable: dial tcp 10.0.0.1:443: i/o timeout',
    );
    expect(manager.previousPullError("uid-1_registry.example/app:1")).toBe(
      "RegistryUnavailable: image pull failed for registry.example/app:1 because the registry is unavailable: dial tcp 10.0.0.1:443: i/o timeout",
    );
  });

  it("keys the back-off by pod UID and the image as written", async () => {
    const clock = createManualClock(0);
    const manager = createImageManager({
      runtime: createMemoryRuntime({ pull: () => "denied" }),
      clock,
    });
    await manager.ensureImageExists({ pod, image: "app", pullPolicy: "Always" });
    // Same pod, image written differently: its own key, so it pulls.
    const other = await manager.ensureImageExists({
      pod,
      image: "app:latest",
      pullPolicy: "Always",
    });
    expect(other.outcome).toBe("pull-failed");
    // Another pod, same image: its own key too.
    const otherPod = await manager.ensureImageExists({
      pod: { uid: "uid-2" },
      image: "app",
      pullPolicy: "Always",
    });
    expect(otherPod.outcome).toBe("pull-failed");
    const again = await manager.ensureImageExists({ pod, image: "app", pullPolicy: "Always" });
    expect(again.outcome).toBe("back-off");
  });

  it("a success does not reset the back-off key; a later failure doubles the window", async () => {
    const clock = createManualClock(0);
    const runtime = createMemoryRuntime({
      pull: ({ attempt }) => (attempt === 2 ? undefined : "flaky"),
    });
    const manager = createImageManager({ runtime, clock });
    const image = "app:1";
    await manager.ensureImageExists({ pod, image, pullPolicy: "Always" });
    clock.set(10_000);
    expect((await manager.ensureImageExists({ pod, image, pullPolicy: "Always" })).ok).toBe(true);
    expect(manager.backoff.entry(`uid-1_${image}`)).toEqual({ backoffMs: 10_000, lastUpdateMs: 0 });
    clock.set(20_000);
    await manager.ensureImageExists({ pod, image, pullPolicy: "Always" });
    expect(manager.backoff.get(`uid-1_${image}`)).toBe(20_000);
  });

  it("reports Go-formatted pull durations: the pull itself and the total including waiting", async () => {
    const clock = createManualClock(0);
    const runtime = createMemoryRuntime({
      clock,
      pullDurationMs: 62_003.9,
      defaultSizeBytes: 7_340_032,
    });
    const manager = createImageManager({ runtime, clock });
    const d = await manager.ensureImageExists({ pod, image: "app:1", pullPolicy: "Always" });
    expect(d.events[1]).toEqual(
      normal(
        "Pulled",
        'Successfully pulled image "app:1" in 1m2.003s (1m2.003s including waiting). Image size: 7340032 bytes.',
      ),
    );
    expect(d.pull).toEqual({ durationMs: 62_003, totalDurationMs: 62_003, sizeBytes: 7_340_032 });
  });

  it("the total includes time queued behind another pull (serialized)", async () => {
    const clock = createManualClock(0);
    let releaseFirst!: () => void;
    const firstDone = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    const runtime = {
      getImageRef: () => "",
      pullImage: async (image: string) => {
        if (image === "slow:1") {
          await firstDone;
          clock.advance(500);
        }
        return `ref-${image}`;
      },
      getImageSize: () => 1,
    };
    const manager = createImageManager({ runtime, clock });
    const slow = manager.ensureImageExists({ pod, image: "slow:1", pullPolicy: "Always" });
    const queued = manager.ensureImageExists({ pod, image: "fast:1", pullPolicy: "Always" });
    await new Promise((r) => setImmediate(r));
    clock.advance(1_000);
    releaseFirst();
    const [a, b] = await Promise.all([slow, queued]);
    expect(a.events[1]?.message).toBe(
      'Successfully pulled image "slow:1" in 1.5s (1.5s including waiting). Image size: 1 bytes.',
    );
    expect(b.events[1]?.message).toBe(
      'Successfully pulled image "fast:1" in 0s (1.5s including waiting). Image size: 1 bytes.',
    );
  });

  it("image size is best effort; an empty image ref skips it", async () => {
    const failingSize = {
      getImageRef: () => "",
      pullImage: () => "sha256:x",
      getImageSize: (): number => {
        throw new Error("size unknown");
      },
    };
    const manager = createImageManager({ runtime: failingSize, clock: createManualClock() });
    const d = await manager.ensureImageExists({ pod, image: "a:1", pullPolicy: "Always" });
    expect(d.ok).toBe(true);
    expect(d.events[1]?.message).toContain("Image size: 0 bytes.");
    const emptyRef = { ...failingSize, pullImage: () => "" };
    const m2 = createImageManager({ runtime: emptyRef, clock: createManualClock() });
    const d2 = await m2.ensureImageExists({ pod, image: "a:1", pullPolicy: "Always" });
    expect(d2.runtimeCalls).toEqual(["PullImage"]);
    expect(d2.imageRef).toBe("");
  });

  it("accepts promises from every injected function", async () => {
    const runtime = {
      getImageRef: async () => "",
      pullImage: async () => "sha256:p",
      getImageSize: async () => 42,
    };
    const manager = createImageManager({ runtime, clock: createManualClock() });
    const d = await manager.ensureImageExists({
      pod,
      image: "a:1",
      pullPolicy: "IfNotPresent",
      credentials: { lookup: async () => [] },
    });
    expect(d.imageRef).toBe("sha256:p");
    expect(d.pull?.sizeBytes).toBe(42);
  });
});

describe("credentials: keyring order, no anonymous retry, aggregate errors (§4.7)", () => {
  const pod = { uid: "uid-1" };
  const cred = (username: string): PullCredential => ({ username, password: `pw-${username}` });
  const keyring = (creds: readonly PullCredential[], seen: string[] = []): CredentialLookup => ({
    lookup: (repo) => {
      seen.push(repo);
      return creds;
    },
  });

  it("looks credentials up by repoToPull, once", async () => {
    const seen: string[] = [];
    const runtime = createMemoryRuntime();
    const manager = createImageManager({ runtime, clock: createManualClock() });
    await manager.ensureImageExists({
      pod,
      image: "nginx",
      pullPolicy: "IfNotPresent",
      credentials: keyring([], seen),
    });
    expect(seen).toEqual(["docker.io/library/nginx"]);
    expect(runtime.calls.filter((c) => c.method === "PullImage")).toEqual([
      { method: "PullImage", image: "nginx:latest", withCredential: false },
    ]);
  });

  it("tries credentials in order and stops at the first success", async () => {
    const tried: (string | undefined)[] = [];
    const runtime = createMemoryRuntime({
      pull: ({ credential }) => {
        tried.push(credential?.username);
        return credential?.username === "second" ? undefined : `denied for ${credential?.username}`;
      },
    });
    const manager = createImageManager({ runtime, clock: createManualClock() });
    const creds = [cred("first"), cred("second"), cred("third")];
    const d = await manager.ensureImageExists({
      pod,
      image: "app:1",
      pullPolicy: "Always",
      credentials: keyring(creds),
    });
    expect(tried).toEqual(["first", "second"]);
    expect(d.credential).toBe(creds[1]);
    expect(d.runtimeCalls).toEqual(["PullImage", "PullImage", "GetImageSize"]);
  });

  it.each([
    [["401 Unauthorized"], "401 Unauthorized"],
    [["401 Unauthorized", "403 Forbidden"], "[401 Unauthorized, 403 Forbidden]"],
    [["401 Unauthorized", "401 Unauthorized"], "401 Unauthorized"],
    [["a", "b", "a"], "[a, b]"],
  ])("all fail %j → %j, with no anonymous retry", async (errors, text) => {
    const runtime = createMemoryRuntime({
      pull: ({ attempt }) => errors[attempt - 1] ?? "anonymous must not happen",
    });
    const manager = createImageManager({ runtime, clock: createManualClock() });
    const d = await manager.ensureImageExists({
      pod,
      image: "app:1",
      pullPolicy: "Always",
      credentials: keyring(errors.map((_, i) => cred(`c${i}`))),
    });
    expect(d.reason).toBe("ErrImagePull");
    expect(d.message).toBe(text);
    expect(d.events[1]).toEqual(warning("Failed", `Failed to pull image "app:1": ${text}`));
    expect(
      runtime.calls.filter((c) => c.method === "PullImage").every((c) => c.withCredential),
    ).toBe(true);
    expect(runtime.calls.filter((c) => c.method === "PullImage")).toHaveLength(errors.length);
  });

  it("a single RegistryUnavailable credential error is classified; an aggregate is not", async () => {
    const one = createImageManager({
      runtime: createMemoryRuntime({ pull: () => "RegistryUnavailable" }),
      clock: createManualClock(),
    });
    expect(
      (
        await one.ensureImageExists({
          pod,
          image: "a:1",
          pullPolicy: "Always",
          credentials: keyring([cred("x")]),
        })
      ).reason,
    ).toBe("RegistryUnavailable");
    const two = createImageManager({
      runtime: createMemoryRuntime({
        pull: ({ attempt }) => (attempt === 1 ? "RegistryUnavailable" : "other"),
      }),
      clock: createManualClock(),
    });
    const d = await two.ensureImageExists({
      pod,
      image: "a:1",
      pullPolicy: "Always",
      credentials: keyring([cred("x"), cred("y")]),
    });
    expect([d.reason, d.message]).toEqual(["ErrImagePull", "[RegistryUnavailable, other]"]);
  });

  it("a credential lookup that fails (a malformed pull secret) becomes the reason and message", async () => {
    const runtime = createMemoryRuntime();
    const manager = createImageManager({ runtime, clock: createManualClock() });
    const d = await manager.ensureImageExists({
      pod,
      image: "app:1",
      pullPolicy: "IfNotPresent",
      credentials: {
        lookup: () => {
          throw new Error("unexpected end of JSON input");
        },
      },
    });
    expect([d.ok, d.outcome, d.reason, d.message]).toEqual([
      false,
      "error",
      "unexpected end of JSON input",
      "unexpected end of JSON input",
    ]);
    expect(d.events).toEqual([]);
    expect(d.runtimeCalls).toEqual(["GetImageRef"]);
    // Not a pull failure: no back-off.
    expect(manager.backoff.entry("uid-1_app:1")).toBeUndefined();
  });

  it("never puts a password in the decision's events, message or calls", async () => {
    const secret = {
      username: "robot",
      password: "CANARY-p4ss",
      source: { kind: "secret", uid: "u", namespace: "n", name: "s" },
    };
    const runtime = createMemoryRuntime({ pull: () => "401 Unauthorized" });
    const manager = createImageManager({ runtime, clock: createManualClock() });
    const d = await manager.ensureImageExists({
      pod,
      image: "a:1",
      pullPolicy: "Always",
      credentials: keyring([secret]),
    });
    expect(JSON.stringify({ ...d, credential: undefined })).not.toContain("CANARY");
    expect(JSON.stringify(runtime.calls)).not.toContain("CANARY");
  });
});

describe("KEP-2535 through ensureImageExists (gate on)", () => {
  const tenantA = { uid: "pod-a" };
  const tenantB = { uid: "pod-b" };
  const secretA: PullCredential = {
    username: "team-a",
    password: "pw-a",
    source: { kind: "secret", uid: "sec-a", namespace: "team-a", name: "regcred" },
  };
  const only = (c: readonly PullCredential[]): CredentialLookup => ({ lookup: () => c });

  it("a secret-pulled image is recorded with the secret and its hash; another tenant must pull", async () => {
    const records = createMemoryPullRecords();
    const runtime = createMemoryRuntime({
      pull: ({ credential }) => (credential === undefined ? "401 Unauthorized" : undefined),
    });
    const manager = createImageManager({
      runtime,
      clock: createManualClock(5),
      pullRecords: records,
    });
    const image = "registry.example/private/app:1";
    const a = await manager.ensureImageExists({
      pod: tenantA,
      image,
      pullPolicy: "IfNotPresent",
      credentials: only([secretA]),
    });
    expect(a.outcome).toBe("pulled");
    expect(records.pulled()).toEqual([
      {
        imageRef: image,
        lastUpdatedTimeMs: 5,
        credentialMapping: {
          "registry.example/private/app": {
            nodePodsAccessible: false,
            kubernetesSecrets: [
              {
                uid: "sec-a",
                namespace: "team-a",
                name: "regcred",
                credentialHash: credentialHash(secretA),
              },
            ],
            kubernetesServiceAccounts: [],
          },
        },
      },
    ]);
    expect(records.intents()).toEqual([]);

    // Tenant B has no credentials: the present image is not revealed, it must pull, and fails.
    const b = await manager.ensureImageExists({ pod: tenantB, image, pullPolicy: "IfNotPresent" });
    expect(b.access).toEqual({ pullRequired: true, row: 12 });
    expect([b.outcome, b.message]).toEqual(["pull-failed", "401 Unauthorized"]);

    // Under Never, tenant B sees exactly what an absent image gives.
    const never = await manager.ensureImageExists({ pod: tenantB, image, pullPolicy: "Never" });
    const absent = await createImageManager({
      runtime: createMemoryRuntime(),
      clock: createManualClock(),
    }).ensureImageExists({
      pod: tenantB,
      image,
      pullPolicy: "Never",
    });
    expect([never.reason, never.message, never.events]).toEqual([
      absent.reason,
      absent.message,
      absent.events,
    ]);
    expect(never.runtimeCalls).toEqual(["GetImageRef"]);

    // Tenant A again: its secret is recorded, so the local image is used (row 9).
    const again = await manager.ensureImageExists({
      pod: tenantA,
      image,
      pullPolicy: "IfNotPresent",
      credentials: only([secretA]),
    });
    expect([again.outcome, again.access?.row]).toEqual(["present", 9]);
    expect(again.message).toBe(
      `Container image "${image}" already present on machine and can be accessed by the pod`,
    );
  });

  it("an anonymous pull makes the image node-accessible (row 6)", async () => {
    const manager = createImageManager({
      runtime: createMemoryRuntime(),
      clock: createManualClock(),
    });
    await manager.ensureImageExists({
      pod: tenantA,
      image: "nginx:1.25",
      pullPolicy: "IfNotPresent",
    });
    const b = await manager.ensureImageExists({
      pod: tenantB,
      image: "nginx:1.25",
      pullPolicy: "IfNotPresent",
    });
    expect([b.outcome, b.access]).toEqual(["present", { pullRequired: false, row: 6 }]);
  });

  it("row 8 through ensureImageExists: the lookup error is the reason, nothing is pulled", async () => {
    const records = createMemoryPullRecords({
      pulled: [
        {
          imageRef: "app:1",
          lastUpdatedTimeMs: 0,
          credentialMapping: {
            "docker.io/library/app": {
              nodePodsAccessible: false,
              kubernetesSecrets: [{ uid: "s", namespace: "n", name: "x", credentialHash: "h" }],
              kubernetesServiceAccounts: [],
            },
          },
        },
      ],
    });
    const runtime = createMemoryRuntime({ present: ["app:1"] });
    const manager = createImageManager({
      runtime,
      clock: createManualClock(),
      pullRecords: records,
    });
    const d = await manager.ensureImageExists({
      pod: tenantA,
      image: "app:1",
      pullPolicy: "IfNotPresent",
      credentials: {
        lookup: () => {
          throw new Error("invalid character 'x' looking for beginning of value");
        },
      },
    });
    expect([d.reason, d.message, d.events, d.access?.row]).toEqual([
      "invalid character 'x' looking for beginning of value",
      "invalid character 'x' looking for beginning of value",
      [],
      8,
    ]);
    expect(d.runtimeCalls).toEqual(["GetImageRef"]);
  });

  it("row 1 through ensureImageExists: unreadable records make IfNotPresent pull", async () => {
    const runtime = createMemoryRuntime({ present: ["app:1"] });
    const manager = createImageManager({
      runtime,
      clock: createManualClock(),
      pullRecords: createMemoryPullRecords({ readError: "input/output error" }),
    });
    const d = await manager.ensureImageExists({
      pod: tenantA,
      image: "app:1",
      pullPolicy: "IfNotPresent",
    });
    expect([d.outcome, d.access?.row, d.runtimeCalls]).toEqual([
      "pulled",
      1,
      ["GetImageRef", "PullImage", "GetImageSize"],
    ]);
  });

  it("an intent that cannot be written fails before the back-off check, with the kubelet's texts", async () => {
    const manager = createImageManager({
      runtime: createMemoryRuntime(),
      clock: createManualClock(),
      pullRecords: createMemoryPullRecords({ writeIntentError: "no space left on device" }),
    });
    const d = await manager.ensureImageExists({
      pod: tenantA,
      image: "app:1",
      pullPolicy: "IfNotPresent",
    });
    expect(d.reason).toBe("failed to record image pull intent: no space left on device");
    expect(d.message).toBe(
      'Failed to record image pull intent for container image "app:1": failed to record image pull intent: no space left on device',
    );
    expect(d.events).toEqual([]);
    expect(d.runtimeCalls).toEqual(["GetImageRef"]);
  });

  it("an allowlisted image is used even though another tenant pulled it with a secret", async () => {
    const records = createMemoryPullRecords();
    const runtime = createMemoryRuntime();
    const manager = createImageManager({
      runtime,
      clock: createManualClock(),
      pullRecords: records,
      imagePullCredentialsVerificationPolicy: "NeverVerifyAllowlistedImages",
      preloadedImagesVerificationAllowlist: ["registry.example/base/*"],
    });
    const image = "registry.example/base/runtime:2";
    await manager.ensureImageExists({
      pod: tenantA,
      image,
      pullPolicy: "IfNotPresent",
      credentials: only([secretA]),
    });
    const b = await manager.ensureImageExists({ pod: tenantB, image, pullPolicy: "IfNotPresent" });
    expect([b.outcome, b.access?.row]).toEqual(["present", 2]);
  });

  it("refuses a configuration the kubelet refuses", () => {
    const runtime = createMemoryRuntime();
    const clock = createManualClock();
    expect(() =>
      createImageManager({ runtime, clock, imagePullCredentialsVerificationPolicy: "Sometimes" }),
    ).toThrow("unknown image pull credential verification policy: Sometimes");
    expect(() =>
      createImageManager({
        runtime,
        clock,
        imagePullCredentialsVerificationPolicy: "NeverVerifyAllowlistedImages",
        preloadedImagesVerificationAllowlist: ["nginx"],
      }),
    ).toThrow("neither tag nor digest is accepted in an image reference: nginx");
    expect(() => createImageManager({ runtime, clock, registryPullQPS: -1 })).toThrow(
      "registryPullQPS",
    );
    expect(() => createImageManager({ runtime, clock, maxParallelImagePulls: 3 })).toThrow(
      "maxParallelImagePulls",
    );
    // With the gate off the policy is not read at all.
    expect(() =>
      createImageManager({
        runtime,
        clock,
        ensureSecretPulledImages: false,
        imagePullCredentialsVerificationPolicy: "x",
      }),
    ).not.toThrow();
  });
});

describe("ensureImageExists: wrong argument types", () => {
  it.each([
    [{ pod: { uid: "u" }, image: 42 }],
    [{ pod: {}, image: "nginx" }],
    [{ image: "nginx" }],
    [null],
  ])("%j is a TypeError naming the function", async (request) => {
    const manager = createImageManager({
      runtime: createMemoryRuntime(),
      clock: createManualClock(),
    });
    await expect(manager.ensureImageExists(request as never)).rejects.toThrow(
      /^ensureImageExists: request.image and request.pod.uid must be strings$/,
    );
  });
});

describe("upstream [KubeletEnsureSecretPulledImages] cases, against the real pull manager", () => {
  const IMAGE = "present_image";
  const REF = "present_image:latest";
  const REPO = "docker.io/library/present_image";
  const podSecret = (uid: string): PullCredential => ({
    username: "user",
    password: "pass",
    source: { kind: "secret", uid, namespace: "testns", name: "testname" },
  });
  const saCredential: PullCredential = {
    username: "sa-user",
    password: "sa-token",
    source: {
      kind: "plugin",
      serviceAccount: { uid: "sa-uid-123", namespace: "test-ns", name: "test-service-account" },
    },
  };
  const recordWith = (
    mapping: Record<string, { secrets?: string[]; sas?: string[] }>,
    hash?: string,
  ) => ({
    imageRef: REF,
    lastUpdatedTimeMs: 0,
    credentialMapping: Object.fromEntries(
      Object.entries(mapping).map(([repo, { secrets = [], sas = [] }]) => [
        repo,
        {
          nodePodsAccessible: false,
          kubernetesSecrets: secrets.map((uid) => ({
            uid,
            namespace: "testns",
            name: "testname",
            credentialHash: hash ?? credentialHash(podSecret(uid)),
          })),
          kubernetesServiceAccounts: sas.map((uid) => ({
            uid,
            namespace: "test-ns",
            name: "test-service-account",
          })),
        },
      ]),
    ),
  });
  const PULL = {
    calls: ["GetImageRef", "PullImage", "GetImageSize"],
    events: ["Pulling", "Pulled"],
    reason: undefined,
  };
  const USE = { calls: ["GetImageRef"], events: ["Pulled"], reason: undefined };
  const NEVER = {
    calls: ["GetImageRef"],
    events: ["ErrImageNeverPull"],
    reason: "ErrImageNeverPull",
  };

  it.each([
    {
      name: "image present, unknown to image pull manager, pull",
      policy: "IfNotPresent" as const,
      record: recordWith({ "docker.io/library/another_image": { secrets: ["testuid"] } }),
      creds: [podSecret("testuid")],
      // Upstream's mock never learns; a store that cannot write keeps the real manager from learning too.
      writeRecordError: "read-only file system",
      ticks: [PULL, PULL, PULL],
    },
    {
      name: "image present, unknown secret to image pull manager, pull",
      policy: "IfNotPresent" as const,
      record: recordWith({ [REPO]: { secrets: ["testuid"] } }, "hash-of-another-credential"),
      creds: [podSecret("someothertestuid")],
      writeRecordError: "read-only file system",
      ticks: [PULL, PULL, PULL],
    },
    {
      name: "image present, unknown secret to image pull manager, never pull policy -> fail",
      policy: "Never" as const,
      record: recordWith({ [REPO]: { secrets: ["testuid"] } }, "hash-of-another-credential"),
      creds: [podSecret("someothertestuid")],
      ticks: [NEVER, NEVER, NEVER],
    },
    {
      name: "image present, a secret matches one of known to the image pull manager, don't pull",
      policy: "IfNotPresent" as const,
      record: recordWith({ [REPO]: { secrets: ["testuid"] } }, "hash-of-another-credential"),
      creds: [podSecret("someothertestuid"), podSecret("testuid")],
      ticks: [USE, USE, USE],
    },
    {
      name: "image present, service account credentials available, don't pull",
      policy: "IfNotPresent" as const,
      record: undefined,
      creds: [saCredential],
      ticks: [USE],
    },
    {
      name: "image present, service account allowed by pull manager, don't pull",
      policy: "IfNotPresent" as const,
      record: recordWith({ [REPO]: { sas: ["sa-uid-123"] } }),
      creds: [saCredential],
      ticks: [USE],
    },
    {
      name: "image present, mixed credentials (secrets + service accounts), pull required",
      policy: "IfNotPresent" as const,
      record: recordWith(
        { [REPO]: { secrets: ["different-secret-uid"], sas: ["sa-uid-456"] } },
        "other",
      ),
      creds: [podSecret("secret-uid"), saCredential],
      ticks: [PULL],
    },
    {
      name: "image present, only node credentials (no source), proceed without tracking",
      policy: "IfNotPresent" as const,
      record: undefined,
      creds: [{ username: "node-user", password: "node-pass" }],
      ticks: [USE],
    },
  ])("$name", async ({ policy, record, creds, writeRecordError, ticks }) => {
    const clock = createManualClock(0);
    const manager = createImageManager({
      runtime: createMemoryRuntime({ present: [REF] }),
      clock,
      backoff: createBackoff({ clock, initialMs: 1_000, maxMs: 60_000 }),
      registryPullQPS: 0,
      pullRecords: createMemoryPullRecords({
        ...(record === undefined ? {} : { pulled: [record] }),
        ...(writeRecordError === undefined ? {} : { writeRecordError }),
      }),
    });
    for (const [tick, expected] of ticks.entries()) {
      clock.advance(1_000);
      const d = await manager.ensureImageExists({
        pod: { uid: "bar" },
        image: IMAGE,
        pullPolicy: policy,
        credentials: { lookup: () => creds },
      });
      expect({
        tick,
        calls: d.runtimeCalls,
        events: d.events.map((e) => e.reason),
        reason: d.reason,
      }).toEqual({
        tick,
        ...expected,
      });
    }
  });

  it("the real manager learns: after a pull with a secret, the same secret uses the image", async () => {
    const clock = createManualClock(0);
    const manager = createImageManager({
      runtime: createMemoryRuntime({ present: [REF] }),
      clock,
      pullRecords: createMemoryPullRecords({
        pulled: [recordWith({ "docker.io/library/another_image": { secrets: ["testuid"] } })],
      }),
    });
    const request = {
      pod: { uid: "bar" },
      image: IMAGE,
      pullPolicy: "IfNotPresent" as const,
      credentials: { lookup: () => [podSecret("testuid")] },
    };
    expect((await manager.ensureImageExists(request)).access).toEqual({
      pullRequired: true,
      row: 5,
    });
    const second = await manager.ensureImageExists(request);
    expect([second.outcome, second.access?.row]).toEqual(["present", 9]);
  });
});
