/**
 * The kubelet's `EnsureImageExists` (pkg/kubelet/images/image_manager.go) as a function over an
 * injected runtime, clock, credentials and record store: it returns the decision as data —
 * waiting reason, message, events in order, image ref — and never throws for a failed pull.
 * @module
 */

import { goQuote } from "../internal/go-quote.js";
import {
  defaultPullPolicy,
  type PullPolicy,
  safeApplyDefaultImageTag,
  safeParseImageName,
} from "../policy/index.js";
import { type Backoff, createBackoff } from "./backoff.js";
import type { Clock } from "./clock.js";
import { credentialHash } from "./credential-hash.js";
import { type CredentialLookup, credentialKind, type PullCredential } from "./credentials.js";
import { errorText } from "./errors.js";
import { formatGoDuration, truncateToMillisecond } from "./go-duration.js";
import {
  type AccessCheck,
  createPullManager,
  type PodCredentials,
  type PullManager,
} from "./pull-manager.js";
import {
  createMemoryPullRecords,
  type PullRecordStore,
  type RecordedCredentials,
  type RecordedSecret,
} from "./pull-records.js";
import { createPullScheduler, type PullScheduler } from "./pull-scheduler.js";
import {
  createTokenBucket,
  DEFAULT_REGISTRY_BURST,
  DEFAULT_REGISTRY_PULL_QPS,
  PULL_QPS_EXCEEDED,
  type TokenBucket,
  validateRegistryLimits,
} from "./rate-limiter.js";
import {
  aggregateErrorText,
  classifyPullError,
  type PullEvent,
  PullEventReason,
  PullWaitingReason,
} from "./reasons.js";
import type { ImageRuntime } from "./runtime.js";
import {
  type AllowlistMatching,
  createVerificationPolicy,
  DEFAULT_CREDENTIAL_VERIFICATION_POLICY,
} from "./verification-policy.js";

/**
 * A runtime method the image manager called, in order.
 *
 * @example
 * decision.runtimeCalls; // ["GetImageRef", "PullImage", "GetImageSize"]
 */
export type RuntimeCallName = "GetImageRef" | "PullImage" | "GetImageSize";

/**
 * The pod the image is for: its UID keys the back-off (`<uid>_<image>`).
 *
 * @example
 * const pod: PodIdentity = { uid: "6f1c…", namespace: "shop", name: "web-0" };
 */
export interface PodIdentity {
  readonly uid: string;
  readonly namespace?: string;
  readonly name?: string;
}

/**
 * One `EnsureImageExists` call.
 *
 * @example
 * const request: EnsureImageRequest = { pod: { uid: "u1" }, image: "nginx:1.25", pullPolicy: "IfNotPresent" };
 */
export interface EnsureImageRequest {
  readonly pod: PodIdentity;
  /** The container's `image`, exactly as written in the pod spec. */
  readonly image: string;
  /**
   * The container's `imagePullPolicy`; when omitted, what the API server would have set
   * (`Always` for `:latest` or no tag, else `IfNotPresent`).
   */
  readonly pullPolicy?: PullPolicy;
  /** The pod's credentials (keyring of pull secrets, node config, plugins); none by default. */
  readonly credentials?: CredentialLookup;
}

/**
 * Which way the decision went.
 * - `invalid-image-name`: the image does not parse (InvalidImageName, no runtime call)
 * - `inspect-failed`: the runtime could not tell whether the image is present
 * - `never-pull`: policy Never and the image is absent (or present but not accessible)
 * - `present`: the local image is used
 * - `pulled`: pulled now
 * - `pull-failed`: the pull was tried and failed
 * - `back-off`: not tried, the key is inside its back-off window
 * - `error`: another failure (credentials could not be read, intent not recorded)
 *
 * @example
 * if (decision.outcome === "back-off") console.log("waiting for the back-off window");
 */
export type PullOutcome =
  | "invalid-image-name"
  | "inspect-failed"
  | "never-pull"
  | "present"
  | "pulled"
  | "pull-failed"
  | "back-off"
  | "error";

/**
 * What `EnsureImageExists` decided, as data.
 *
 * @example
 * if (!decision.ok) console.log(decision.reason, decision.message);
 */
export interface PullDecision {
  /** True when the container can start from `imageRef`. */
  readonly ok: boolean;
  readonly outcome: PullOutcome;
  /** The image ref (image ID) to create the container from; `""` on failure. */
  readonly imageRef: string;
  /** The container's waiting reason (`ErrImagePull`, …); undefined when ok. */
  readonly reason: string | undefined;
  /** The waiting message (`""` when the kubelet returns none). */
  readonly message: string;
  /** The events the kubelet records, in order. */
  readonly events: readonly PullEvent[];
  /** The image string handed to the runtime (`busybox` → `busybox:latest`); undefined when invalid. */
  readonly runtimeImage: string | undefined;
  /** The pull policy applied. */
  readonly pullPolicy: PullPolicy;
  /** The back-off key, `<pod UID>_<image as written>`. */
  readonly backoffKey: string;
  /** The runtime methods called, in order. */
  readonly runtimeCalls: readonly RuntimeCallName[];
  /** The credential of the successful pull (undefined: anonymous or no pull). */
  readonly credential: PullCredential | undefined;
  /** KEP-2535: the §6.4 row that decided about a present image (gate on, image present). */
  readonly access: AccessCheck | undefined;
  /** A successful pull: its duration (ms, truncated), the total including waiting, the size. */
  readonly pull?: {
    readonly durationMs: number;
    readonly totalDurationMs: number;
    readonly sizeBytes: number;
  };
}

/**
 * Options of {@link createImageManager}.
 *
 * @example
 * const options: ImageManagerOptions = { runtime: createMemoryRuntime(), clock: createManualClock(), serializeImagePulls: false, maxParallelImagePulls: 3 };
 */
export interface ImageManagerOptions {
  readonly runtime: ImageRuntime;
  readonly clock: Clock;
  /** The back-off to use (default: 10 s doubling to 300 s on `clock`). */
  readonly backoff?: Backoff;
  /** `serializeImagePulls`, default true. */
  readonly serializeImagePulls?: boolean;
  /** `maxParallelImagePulls`, default unset (unlimited when pulls are parallel). */
  readonly maxParallelImagePulls?: number;
  /** `registryPullQPS`, default 5; 0 turns the limiter off. */
  readonly registryPullQPS?: number;
  /** `registryBurst`, default 10. */
  readonly registryBurst?: number;
  /** Feature gate `KubeletEnsureSecretPulledImages`, on by default (beta since 1.35). */
  readonly ensureSecretPulledImages?: boolean;
  /** `imagePullCredentialsVerificationPolicy`, default `NeverVerifyPreloadedImages`. */
  readonly imagePullCredentialsVerificationPolicy?: string;
  /** `preloadedImagesVerificationAllowlist`. */
  readonly preloadedImagesVerificationAllowlist?: readonly string[];
  /** Allowlist comparison: normalised names (1.36, default) or raw image strings (1.33–1.35). */
  readonly allowlistMatching?: AllowlistMatching;
  /** KEP-2535 records (default: a fresh in-memory store). */
  readonly pullRecords?: PullRecordStore;
}

/**
 * The kubelet's image manager with its state (back-off, last pull errors, limiter, records).
 *
 * @example
 * const manager = createImageManager({ runtime: createMemoryRuntime(), clock: createManualClock() });
 * const decision = await manager.ensureImageExists({ pod: { uid: "u1" }, image: "nginx" });
 */
export interface ImageManager {
  readonly backoff: Backoff;
  readonly scheduler: PullScheduler;
  /** The KEP-2535 pull manager; undefined when the gate is off. */
  readonly pullManager: PullManager | undefined;
  /** The kubelet's `EnsureImageExists`, step by step (spec §3.3). Never rejects for a failed pull. */
  ensureImageExists(request: EnsureImageRequest): Promise<PullDecision>;
  /** The remembered `<reason>: <message>` of the last failed pull of a back-off key. */
  previousPullError(backoffKey: string): string | undefined;
}

/**
 * Creates the kubelet's image manager over injected interfaces. Throws {@link PullConfigError}
 * for a configuration the kubelet would refuse (negative QPS or burst, bad parallel settings,
 * an unknown verification policy, a bad allowlist entry).
 *
 * @example
 * const clock = createManualClock(0);
 * const runtime = createMemoryRuntime({ pullErrors: ["404 not found"] });
 * const manager = createImageManager({ runtime, clock });
 * const first = await manager.ensureImageExists({ pod: { uid: "u1" }, image: "app:v1", pullPolicy: "IfNotPresent" });
 * first.reason;  // "ErrImagePull"
 * first.message; // "404 not found"
 * clock.advance(5_000);
 * const second = await manager.ensureImageExists({ pod: { uid: "u1" }, image: "app:v1", pullPolicy: "IfNotPresent" });
 * second.reason;  // "ImagePullBackOff"
 * second.message; // 'Back-off pulling image "app:v1": ErrImagePull: 404 not found'
 */
export function createImageManager(options: ImageManagerOptions): ImageManager {
  const { runtime, clock } = options;
  const qps = options.registryPullQPS ?? DEFAULT_REGISTRY_PULL_QPS;
  const burst = options.registryBurst ?? DEFAULT_REGISTRY_BURST;
  const [limitProblem] = validateRegistryLimits(qps, burst);
  if (limitProblem !== undefined) throw limitProblem;
  const limiter: TokenBucket | undefined =
    qps === 0 ? undefined : createTokenBucket({ qps, burst, clock });
  const scheduler = createPullScheduler({
    ...(options.serializeImagePulls === undefined
      ? {}
      : { serializeImagePulls: options.serializeImagePulls }),
    ...(options.maxParallelImagePulls === undefined
      ? {}
      : { maxParallelImagePulls: options.maxParallelImagePulls }),
  });
  const backoff = options.backoff ?? createBackoff({ clock });
  const gate = options.ensureSecretPulledImages ?? true;
  let pullManager: PullManager | undefined;
  if (gate) {
    const policy = createVerificationPolicy(
      options.imagePullCredentialsVerificationPolicy ?? DEFAULT_CREDENTIAL_VERIFICATION_POLICY,
      options.preloadedImagesVerificationAllowlist ?? [],
      options.allowlistMatching === undefined
        ? {}
        : { allowlistMatching: options.allowlistMatching },
    );
    if (!policy.success) throw policy.error;
    pullManager = createPullManager({
      records: options.pullRecords ?? createMemoryPullRecords(),
      policy: policy.policy,
      clock,
    });
  }
  const previousErrors = new Map<string, string>();

  return {
    backoff,
    scheduler,
    pullManager,
    previousPullError: (key) => previousErrors.get(key),
    ensureImageExists: (request) =>
      ensure(request, { runtime, clock, backoff, scheduler, limiter, pullManager, previousErrors }),
  };
}

interface ManagerState {
  readonly runtime: ImageRuntime;
  readonly clock: Clock;
  readonly backoff: Backoff;
  readonly scheduler: PullScheduler;
  readonly limiter: TokenBucket | undefined;
  readonly pullManager: PullManager | undefined;
  readonly previousErrors: Map<string, string>;
}

/** The result of the puller: what the kubelet's `pullResult` carries. */
type PullAttempt =
  | {
      ok: true;
      imageRef: string;
      credential: PullCredential | undefined;
      sizeBytes: number;
      durationMs: number;
    }
  | { ok: false; error: string };

async function ensure(request: EnsureImageRequest, state: ManagerState): Promise<PullDecision> {
  const { runtime, clock, backoff, pullManager } = state;
  if (typeof request?.image !== "string" || typeof request.pod?.uid !== "string") {
    throw new TypeError("ensureImageExists: request.image and request.pod.uid must be strings");
  }
  const requested = request.image;
  const pullPolicy = request.pullPolicy ?? defaultPullPolicy(requested);
  const backoffKey = `${request.pod.uid}_${requested}`;
  const events: PullEvent[] = [];
  const calls: RuntimeCallName[] = [];
  const quoted = goQuote(requested);
  let access: AccessCheck | undefined;
  let runtimeImage: string | undefined;

  const decide = (
    outcome: PullOutcome,
    fields: {
      imageRef?: string;
      reason?: string;
      message: string;
      credential?: PullCredential;
      pull?: PullDecision["pull"];
    },
  ): PullDecision => ({
    ok: fields.reason === undefined,
    outcome,
    imageRef: fields.imageRef ?? "",
    reason: fields.reason,
    message: fields.message,
    events,
    runtimeImage,
    pullPolicy,
    backoffKey,
    runtimeCalls: calls,
    credential: fields.credential,
    access,
    ...(fields.pull === undefined ? {} : { pull: fields.pull }),
  });
  const event = (type: PullEvent["type"], reason: PullEvent["reason"], message: string) => {
    events.push({ type, reason, message });
  };
  const neverPull = () => {
    const message = `Container image ${quoted} is not present with pull policy of Never`;
    event("Warning", PullEventReason.ErrImageNeverPull, message);
    return decide("never-pull", { reason: PullWaitingReason.ErrImageNeverPull, message });
  };

  // Step 1: the runtime string; an unparsable image stops here, before any runtime call.
  const tagged = safeApplyDefaultImageTag(requested);
  if (!tagged.success) {
    const message = `Failed to apply default image tag ${quoted}: ${tagged.error.message}`;
    event("Warning", PullEventReason.InspectFailed, message);
    return decide("invalid-image-name", { reason: PullWaitingReason.InvalidImageName, message });
  }
  runtimeImage = tagged.data;
  const image = tagged.data;

  // Step 2: presence, asked only when the policy can use a local image.
  let imageRef = "";
  if (pullPolicy === "IfNotPresent" || pullPolicy === "Never") {
    calls.push("GetImageRef");
    try {
      imageRef = await runtime.getImageRef(image);
    } catch (e) {
      // The newest kubelet quotes the (still empty) image ref here, not the image.
      const message = `Failed to inspect image ${goQuote(imageRef)}: ${errorText(e)}`;
      event("Warning", PullEventReason.InspectFailed, message);
      return decide("inspect-failed", { reason: PullWaitingReason.ImageInspectError, message });
    }
    if (imageRef === "" && pullPolicy === "Never") return neverPull();
  }

  // Credentials are looked up at most once, and only when needed.
  let lookup: Promise<readonly PullCredential[]> | undefined;
  const pullCredentials = (): Promise<readonly PullCredential[]> => {
    lookup ??= (async () => {
      const parsed = safeParseImageName(image);
      if (!parsed.success) throw parsed.error;
      return (await request.credentials?.lookup(parsed.data.repoToPull)) ?? [];
    })();
    return lookup;
  };

  // Step 3: a present image.
  if (imageRef !== "") {
    if (pullManager === undefined) {
      const message = `Container image ${quoted} already present on machine`;
      event("Normal", PullEventReason.Pulled, message);
      return decide("present", { imageRef, message });
    }
    access = await pullManager.mustAttemptImagePull(requested, imageRef, () =>
      podCredentials(pullCredentials),
    );
    if (access.error !== undefined) {
      return decide("error", { reason: access.error, message: access.error });
    }
    if (!access.pullRequired) {
      const message = `Container image ${quoted} already present on machine and can be accessed by the pod`;
      event("Normal", PullEventReason.Pulled, message);
      return decide("present", { imageRef, message });
    }
  }
  // A present image the pod may not use looks exactly like an absent one under Never.
  if (pullPolicy === "Never") return neverPull();

  // Step 4: credentials.
  let credentials: readonly PullCredential[];
  try {
    credentials = await pullCredentials();
  } catch (e) {
    const text = errorText(e);
    return decide("error", { reason: text, message: text });
  }

  // Step 5: the pull, with intent records, back-off and the puller.
  if (pullManager !== undefined) {
    try {
      await pullManager.recordPullIntent(requested);
    } catch (e) {
      const text = errorText(e);
      return decide("error", {
        reason: text,
        message: `Failed to record image pull intent for container image ${quoted}: ${text}`,
      });
    }
  }
  const result = await backOffOrPull();
  if (pullManager !== undefined) {
    // The kubelet's deferred bookkeeping: every intent written above is settled here.
    if (result.ok && result.outcome === "pulled") {
      await pullManager.recordImagePulled(
        requested,
        result.imageRef,
        recordedCredentials(result.credential),
      );
    } else {
      await pullManager.recordImagePullFailed(requested);
    }
  }
  return result;

  async function backOffOrPull(): Promise<PullDecision> {
    if (backoff.isInBackOffSinceUpdate(backoffKey, backoff.clock.now())) {
      let message = `Back-off pulling image ${quoted}`;
      event("Normal", PullEventReason.BackOff, message);
      const previous = state.previousErrors.get(backoffKey);
      if (previous !== undefined) message = `${message}: ${previous}`;
      return decide("back-off", { reason: PullWaitingReason.ImagePullBackOff, message });
    }
    state.previousErrors.delete(backoffKey);
    event("Normal", PullEventReason.Pulling, `Pulling image ${quoted}`);
    const startedMs = clock.now();
    const attempt = await state.scheduler.run(() => pullOnce(image, credentials, state, calls));
    if (!attempt.ok) {
      event("Warning", PullEventReason.Failed, `Failed to pull image ${quoted}: ${attempt.error}`);
      backoff.next(backoffKey, backoff.clock.now());
      const { reason, message } = classifyPullError(requested, attempt.error);
      state.previousErrors.set(backoffKey, `${reason}: ${message}`);
      return decide("pull-failed", { reason, message });
    }
    const totalMs = truncateToMillisecond(clock.now() - startedMs);
    const durationMs = truncateToMillisecond(attempt.durationMs);
    event(
      "Normal",
      PullEventReason.Pulled,
      `Successfully pulled image ${quoted} in ${formatGoDuration(durationMs)} (${formatGoDuration(totalMs)} including waiting). Image size: ${attempt.sizeBytes} bytes.`,
    );
    backoff.gc();
    return decide("pulled", {
      imageRef: attempt.imageRef,
      message: "",
      ...(attempt.credential === undefined ? {} : { credential: attempt.credential }),
      pull: { durationMs, totalDurationMs: totalMs, sizeBytes: attempt.sizeBytes },
    });
  }
}

/**
 * The kubelet's throttled runtime and credential loop (`kuberuntime_image.go` PullImage): no
 * credentials → one anonymous pull; else each credential in order, the first success wins, no
 * anonymous retry; all failed → the aggregate error text.
 */
async function pullOnce(
  image: string,
  credentials: readonly PullCredential[],
  state: ManagerState,
  calls: RuntimeCallName[],
): Promise<PullAttempt> {
  const { runtime, clock, limiter } = state;
  const startedMs = clock.now();
  if (limiter !== undefined && !limiter.tryAccept()) return { ok: false, error: PULL_QPS_EXCEEDED };
  const tryOne = async (credential: PullCredential | undefined) => {
    calls.push("PullImage");
    return runtime.pullImage(image, credential);
  };
  let imageRef: string | undefined;
  let used: PullCredential | undefined;
  if (credentials.length === 0) {
    try {
      imageRef = await tryOne(undefined);
    } catch (e) {
      return { ok: false, error: errorText(e) };
    }
  } else {
    const errors: string[] = [];
    for (const credential of credentials) {
      try {
        imageRef = await tryOne(credential);
        used = credential;
        break;
      } catch (e) {
        errors.push(errorText(e));
      }
    }
    if (imageRef === undefined) return { ok: false, error: aggregateErrorText(errors) };
  }
  let sizeBytes = 0;
  if (imageRef !== "") {
    calls.push("GetImageSize");
    try {
      const reported = await runtime.getImageSize(image, imageRef);
      // Go prints a uint64 here: anything else a runtime might report counts as 0.
      sizeBytes = Number.isSafeInteger(reported) && reported > 0 ? reported : 0;
    } catch {
      // Best effort, as in the kubelet.
      sizeBytes = 0;
    }
  }
  return { ok: true, imageRef, credential: used, sizeBytes, durationMs: clock.now() - startedMs };
}

/** The pod's secrets and service account among the credentials that matched (§6.4 rows 9–11). */
async function podCredentials(
  pullCredentials: () => Promise<readonly PullCredential[]>,
): Promise<PodCredentials> {
  const secrets: RecordedSecret[] = [];
  let serviceAccount: PodCredentials["serviceAccount"];
  for (const credential of await pullCredentials()) {
    const kind = credentialKind(credential);
    if (kind.kind === "secret") {
      const { uid, namespace, name } = kind;
      secrets.push({ uid, namespace, name, credentialHash: credentialHash(credential) });
    } else if (kind.kind === "serviceAccount" && serviceAccount === undefined) {
      serviceAccount = kind.serviceAccount;
    }
  }
  return { secrets, serviceAccount };
}

/** What a successful pull adds to the pulled record (`trackedToImagePullCreds`). */
function recordedCredentials(credential: PullCredential | undefined): RecordedCredentials {
  const kind = credentialKind(credential);
  if (kind.kind === "secret") {
    const { uid, namespace, name } = kind;
    return {
      nodePodsAccessible: false,
      kubernetesSecrets: [{ uid, namespace, name, credentialHash: credentialHash(credential!) }],
      kubernetesServiceAccounts: [],
    };
  }
  if (kind.kind === "serviceAccount") {
    return {
      nodePodsAccessible: false,
      kubernetesSecrets: [],
      kubernetesServiceAccounts: [kind.serviceAccount],
    };
  }
  return { nodePodsAccessible: true, kubernetesSecrets: [], kubernetesServiceAccounts: [] };
}
