/**
 * A timeline simulator: one pod's image, the node's cache, a registry that behaves a given way,
 * and the times the pod worker syncs; the result is what the kubelet does at each sync.
 * @module
 */
import { defaultPullPolicy, type PullPolicy } from "../policy/index.js";
import { createBackoff } from "./backoff.js";
import { createManualClock } from "./clock.js";
import type { CredentialLookup } from "./credentials.js";
import { PullConfigError } from "./errors.js";
import {
  createImageManager,
  type PullDecision,
  type PullOutcome,
  type RuntimeCallName,
} from "./image-manager.js";
import type { AccessCheck } from "./pull-manager.js";
import type { PullRecordStore } from "./pull-records.js";
import type { PullEvent } from "./reasons.js";
import { createMemoryRuntime, type MemoryPullBehaviour } from "./runtime.js";

/**
 * The default error text of a failing registry in simulations.
 *
 * @example
 * simulatePod({ image: "app:1", registry: { kind: "fails" }, syncs: [0] }); // fails with SIMULATED_PULL_ERROR
 */
export const SIMULATED_PULL_ERROR = "failed to pull and unpack image: not found";

/**
 * How the registry answers pulls.
 * - `succeeds`: every pull works
 * - `failsTimes`: the first `n` pulls fail with `error`, later ones work
 * - `fails`: every pull fails with `error`
 * - `unavailable`: every pull fails with `RegistryUnavailable` (plus `: detail`)
 * - `signatureInvalid`: every pull fails with `SignatureValidationFailed` (plus `: detail`)
 *
 * @example
 * const flaky: RegistryBehaviour = { kind: "failsTimes", n: 3, error: "i/o timeout" };
 */
export type RegistryBehaviour =
  | { readonly kind: "succeeds" }
  | { readonly kind: "failsTimes"; readonly n: number; readonly error?: string }
  | { readonly kind: "fails"; readonly error?: string }
  | { readonly kind: "unavailable"; readonly detail?: string }
  | { readonly kind: "signatureInvalid"; readonly detail?: string };

/**
 * When the pod worker syncs: explicit times, or every `everyMs` from 0 through `untilMs`.
 *
 * @example
 * const everyTenSeconds: SyncSchedule = { untilMs: 600_000, everyMs: 10_000 };
 */
export type SyncSchedule =
  | readonly number[]
  | { readonly untilMs: number; readonly everyMs: number; readonly fromMs?: number };

/**
 * The most syncs one simulation runs.
 *
 * @example
 * MAX_SIMULATED_SYNCS; // 10000
 */
export const MAX_SIMULATED_SYNCS = 10_000;

/**
 * One simulated pod.
 *
 * @example
 * const input: SimulationInput = {
 *   image: "registry.example/app:1.4",
 *   policy: "IfNotPresent",
 *   registry: { kind: "failsTimes", n: 4 },
 *   syncs: { untilMs: 300_000, everyMs: 10_000 },
 * };
 */
export interface SimulationInput {
  /** The container's image as written. */
  readonly image: string;
  /** The pull policy (default: what the API server would set). */
  readonly policy?: PullPolicy;
  /** Whether the image is in the node's cache at the start (default false). */
  readonly present?: boolean;
  /** How the registry behaves (default: succeeds). */
  readonly registry?: RegistryBehaviour;
  /** Sync times in milliseconds (non-decreasing) or a schedule. */
  readonly syncs: SyncSchedule;
  /** Stop at the first sync that lets the container start (default true). */
  readonly untilStarted?: boolean;
  /** The pod UID (default `pod-uid`). */
  readonly podUid?: string;
  /** Back-off bounds (default 10 s and 300 s). */
  readonly backoff?: { readonly initialMs?: number; readonly maxMs?: number };
  /** How long each pull takes on the simulated clock (default 0). */
  readonly pullDurationMs?: number;
  /** Size reported for the image (default 0). */
  readonly imageSizeBytes?: number;
  /** `registryPullQPS` (default 0 here: one pod never meets the node-wide limiter). */
  readonly registryPullQPS?: number;
  readonly registryBurst?: number;
  /** Feature gate `KubeletEnsureSecretPulledImages` (default on). */
  readonly ensureSecretPulledImages?: boolean;
  readonly imagePullCredentialsVerificationPolicy?: string;
  readonly preloadedImagesVerificationAllowlist?: readonly string[];
  readonly pullRecords?: PullRecordStore;
  readonly credentials?: CredentialLookup;
}

/**
 * What the kubelet did at one sync.
 *
 * @example
 * const row: SimulationRow = rows[0];
 * row.reason; // "ErrImagePull"
 */
export interface SimulationRow {
  /** The sync time in milliseconds. */
  readonly tMs: number;
  /** The container can start. */
  readonly ok: boolean;
  readonly outcome: PullOutcome;
  /** The back-off let the kubelet go on (false only for `ImagePullBackOff`). */
  readonly allowed: boolean;
  /** A pull was started at this sync (a `Pulling` event). */
  readonly attempted: boolean;
  readonly reason: string | undefined;
  readonly message: string;
  readonly events: readonly PullEvent[];
  readonly runtimeCalls: readonly RuntimeCallName[];
  readonly imageRef: string;
  /** The back-off window of the pod's key after this sync, in ms (undefined: none). */
  readonly backoffMs: number | undefined;
  /** When that window ends (`lastUpdate + window`), in ms (undefined: none). */
  readonly backoffUntilMs: number | undefined;
  /** KEP-2535 row for a present image. */
  readonly access: AccessCheck | undefined;
}

/**
 * The simulated timeline.
 *
 * @example
 * const { rows, startedAtMs } = await simulatePod(input);
 */
export interface SimulationResult {
  readonly image: string;
  readonly policy: PullPolicy;
  readonly rows: readonly SimulationRow[];
  /** The first sync at which the container could start, undefined if none did. */
  readonly startedAtMs: number | undefined;
  /** Number of pulls started. */
  readonly pullAttempts: number;
}

function behaviour(registry: RegistryBehaviour | undefined): MemoryPullBehaviour | undefined {
  switch (registry?.kind) {
    case undefined:
    case "succeeds":
      return undefined;
    case "failsTimes": {
      const { n, error = SIMULATED_PULL_ERROR } = registry;
      return ({ attempt }) => (attempt <= n ? error : undefined);
    }
    case "fails": {
      const error = registry.error ?? SIMULATED_PULL_ERROR;
      return () => error;
    }
    case "unavailable": {
      const text = `RegistryUnavailable${registry.detail === undefined ? "" : `: ${registry.detail}`}`;
      return () => text;
    }
    case "signatureInvalid": {
      const text = `SignatureValidationFailed${registry.detail === undefined ? "" : `: ${registry.detail}`}`;
      return () => text;
    }
  }
}

function syncTimes(schedule: SyncSchedule): number[] {
  const bad = (message: string) => new PullConfigError("INVALID_SIMULATION", message);
  let times: number[];
  if (Array.isArray(schedule)) {
    times = [...(schedule as readonly number[])];
  } else {
    const { untilMs, everyMs, fromMs = 0 } = schedule as Exclude<SyncSchedule, readonly number[]>;
    if (!Number.isFinite(everyMs) || everyMs <= 0)
      throw bad(`simulatePod: everyMs must be > 0, got ${everyMs}`);
    if (!Number.isFinite(untilMs) || !Number.isFinite(fromMs)) {
      throw bad("simulatePod: untilMs and fromMs must be finite numbers");
    }
    const count = Math.floor((untilMs - fromMs) / everyMs) + 1;
    if (count > MAX_SIMULATED_SYNCS) {
      throw bad(`simulatePod: ${count} syncs exceed the limit of ${MAX_SIMULATED_SYNCS}`);
    }
    times = [];
    for (let i = 0; i < count; i++) times.push(fromMs + i * everyMs);
  }
  if (times.length > MAX_SIMULATED_SYNCS) {
    throw bad(`simulatePod: ${times.length} syncs exceed the limit of ${MAX_SIMULATED_SYNCS}`);
  }
  for (let i = 0; i < times.length; i++) {
    const t = times[i] as number;
    if (!Number.isFinite(t)) throw bad(`simulatePod: sync time ${i} is not a finite number`);
    if (i > 0 && t < (times[i - 1] as number)) {
      throw bad("simulatePod: sync times must not decrease");
    }
  }
  return times;
}

/**
 * Simulates the kubelet's pull decision for one pod over time: at each sync it runs
 * `EnsureImageExists` against an in-memory cache and registry on a manual clock, and reports
 * the reason, message, events and back-off window. Throws {@link PullConfigError} for an
 * impossible schedule or configuration; never for a failing pull.
 *
 * @example
 * const result = await simulatePod({
 *   image: "registry.example/app:1.4",
 *   policy: "IfNotPresent",
 *   registry: { kind: "failsTimes", n: 3 },
 *   syncs: { untilMs: 120_000, everyMs: 5_000 },
 * });
 * result.rows.map((r) => `${r.tMs / 1000}s ${r.reason ?? "started"}`);
 * // ["0s ErrImagePull", "5s ImagePullBackOff", "10s ErrImagePull", "15s ImagePullBackOff", …]
 */
export async function simulatePod(input: SimulationInput): Promise<SimulationResult> {
  const times = syncTimes(input.syncs);
  const clock = createManualClock(times[0] ?? 0);
  const pull = behaviour(input.registry);
  const runtime = createMemoryRuntime({
    present: input.present === true ? [input.image] : [],
    defaultSizeBytes: input.imageSizeBytes ?? 0,
    clock,
    pullDurationMs: input.pullDurationMs ?? 0,
    ...(pull === undefined ? {} : { pull }),
  });
  const backoff = createBackoff({ clock, ...input.backoff });
  const manager = createImageManager({
    runtime,
    clock,
    backoff,
    registryPullQPS: input.registryPullQPS ?? 0,
    ...(input.registryBurst === undefined ? {} : { registryBurst: input.registryBurst }),
    ...(input.ensureSecretPulledImages === undefined
      ? {}
      : { ensureSecretPulledImages: input.ensureSecretPulledImages }),
    ...(input.imagePullCredentialsVerificationPolicy === undefined
      ? {}
      : { imagePullCredentialsVerificationPolicy: input.imagePullCredentialsVerificationPolicy }),
    ...(input.preloadedImagesVerificationAllowlist === undefined
      ? {}
      : { preloadedImagesVerificationAllowlist: input.preloadedImagesVerificationAllowlist }),
    ...(input.pullRecords === undefined ? {} : { pullRecords: input.pullRecords }),
  });
  const podUid = input.podUid ?? "pod-uid";
  const rows: SimulationRow[] = [];
  let startedAtMs: number | undefined;
  let pullAttempts = 0;
  let policy: PullPolicy | undefined = input.policy;

  for (const t of times) {
    // A pull longer than the gap between syncs delays the next sync, as a busy worker would.
    if (t > clock.now()) clock.set(t);
    const tMs = clock.now();
    const decision: PullDecision = await manager.ensureImageExists({
      pod: { uid: podUid },
      image: input.image,
      ...(policy === undefined ? {} : { pullPolicy: policy }),
      ...(input.credentials === undefined ? {} : { credentials: input.credentials }),
    });
    policy = decision.pullPolicy;
    const attempted = decision.events.some((e) => e.reason === "Pulling");
    if (attempted) pullAttempts++;
    const entry = manager.backoff.entry(decision.backoffKey);
    const live =
      entry !== undefined && clock.now() - entry.lastUpdateMs <= manager.backoff.maxMs * 2;
    rows.push({
      tMs,
      ok: decision.ok,
      outcome: decision.outcome,
      allowed: decision.outcome !== "back-off",
      attempted,
      reason: decision.reason,
      message: decision.message,
      events: decision.events,
      runtimeCalls: decision.runtimeCalls,
      imageRef: decision.imageRef,
      backoffMs: live ? entry.backoffMs : undefined,
      backoffUntilMs: live ? entry.lastUpdateMs + entry.backoffMs : undefined,
      access: decision.access,
    });
    if (decision.ok && startedAtMs === undefined) {
      startedAtMs = tMs;
      if (input.untilStarted ?? true) break;
    }
  }
  return {
    image: input.image,
    policy: policy ?? defaultPullPolicy(input.image),
    rows,
    startedAtMs,
    pullAttempts,
  };
}
