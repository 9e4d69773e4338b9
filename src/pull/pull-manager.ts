/**
 * KEP-2535's pull manager: records pull intents and pulled records, and decides whether a pod
 * may start from an image already on the node (`MustAttemptImagePull`, spec §6.4).
 * @module
 */
import { safeParseImageName } from "../policy/index.js";
import type { Clock } from "./clock.js";
import type { ServiceAccountCoordinates } from "./credentials.js";
import { errorText } from "./errors.js";
import {
  mergePulledRecord,
  type PulledRecord,
  type PullRecordStore,
  type RecordedCredentials,
  type RecordedSecret,
} from "./pull-records.js";
import type { VerificationPolicy } from "./verification-policy.js";

/**
 * Past this many recorded secrets for a name, a match found while checking is no longer written
 * back (the kubelet's `writeRecordWhileMatchingLimit`, against namespace churn).
 *
 * @example
 * WRITE_RECORD_WHILE_MATCHING_LIMIT; // 100
 */
export const WRITE_RECORD_WHILE_MATCHING_LIMIT = 100;

/**
 * The pod's own credentials that matter for KEP-2535: the pull secrets that matched the image
 * (with their credential hashes) and the first service account of a plugin in service-account
 * mode.
 *
 * @example
 * const creds: PodCredentials = { secrets: [], serviceAccount: undefined };
 */
export interface PodCredentials {
  readonly secrets: readonly RecordedSecret[];
  readonly serviceAccount: ServiceAccountCoordinates | undefined;
}

/**
 * The §6.4 decision row that applied:
 * 1 records unreadable → verify; 2 policy needs no verification → use; 3 no pulled record →
 * verify; 4 image name unparsable → verify; 5 no entry for the name → verify; 6 node-accessible
 * → use; 7 entry without secrets or service accounts → verify; 8 the pod's credentials could not
 * be fetched → error; 9 a pod secret has a recorded hash → use; 10 a recorded secret's
 * coordinates with a new hash → use (only under 100 recorded secrets); 11 the pod's service
 * account is recorded → use; 12 otherwise → verify. Row 0: no image ref (the image is absent).
 *
 * @example
 * if (decision.access?.row === 9) console.log("a secret with the same credential was recorded");
 */
export type AccessRow = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

/**
 * Whether the pod must pull (verify its credentials) before using a present image.
 *
 * @example
 * const check: AccessCheck = { pullRequired: false, row: 6 };
 */
export interface AccessCheck {
  readonly pullRequired: boolean;
  readonly row: AccessRow;
  /** Row 8: the error text of the failed credential lookup. */
  readonly error?: string;
}

/**
 * The kubelet's pull manager over an injected record store, verification policy and clock.
 *
 * @example
 * const manager = createPullManager({ records: createMemoryPullRecords(), policy, clock });
 * await manager.recordPullIntent("nginx");
 */
export interface PullManager {
  readonly records: PullRecordStore;
  readonly policy: VerificationPolicy;
  /** Writes an intent before a pull; rejects with `failed to record image pull intent: <err>`. */
  recordPullIntent(image: string): Promise<void>;
  /** After a successful pull: write or merge the pulled record, then drop one intent. */
  recordImagePulled(
    image: string,
    imageRef: string,
    credentials: RecordedCredentials | undefined,
  ): Promise<void>;
  /** After a failed (or backed-off) pull: drop one intent. */
  recordImagePullFailed(image: string): Promise<void>;
  /** The §6.4 decision for a present image. Never rejects: errors become rows 1 and 8. */
  mustAttemptImagePull(
    image: string,
    imageRef: string,
    getPodCredentials: () => Promise<PodCredentials>,
  ): Promise<AccessCheck>;
  /** In-flight pull count of an image (the in-memory intent counter). */
  intentCount(image: string): number;
  /** Image GC: drop pulled records older than `untilMs` whose image ref is not in use. */
  pruneUnknownRecords(imageRefsInUse: readonly string[], untilMs: number): Promise<void>;
  /**
   * Kubelet start: each leftover intent whose image string is one of a runtime image's tags or
   * digests becomes a pulled record without credentials (forcing verification later) and the
   * intent is deleted.
   */
  recoverIntents(images: readonly RuntimeImageTags[]): Promise<void>;
}

/**
 * A runtime image with the names it is known by (CRI `ListImages`).
 *
 * @example
 * const img: RuntimeImageTags = { id: "sha256:abc", repoTags: ["nginx:1.25"], repoDigests: [] };
 */
export interface RuntimeImageTags {
  readonly id: string;
  readonly repoTags: readonly string[];
  readonly repoDigests: readonly string[];
}

/**
 * Options of {@link createPullManager}.
 *
 * @example
 * const options: PullManagerOptions = { records: createMemoryPullRecords(), policy, clock: createManualClock() };
 */
export interface PullManagerOptions {
  readonly records: PullRecordStore;
  readonly policy: VerificationPolicy;
  readonly clock: Clock;
}

/** `trimImageTagDigest`: the normalised name records are keyed by, or undefined. */
function repositoryOf(image: string): string | undefined {
  const parsed = safeParseImageName(image);
  return parsed.success ? parsed.data.repoToPull : undefined;
}

/**
 * Creates the KEP-2535 pull manager.
 *
 * @example
 * const policy = createVerificationPolicy("NeverVerifyPreloadedImages");
 * if (policy.success) {
 *   const manager = createPullManager({ records: createMemoryPullRecords(), policy: policy.policy, clock });
 *   const check = await manager.mustAttemptImagePull("nginx", "sha256:abc", async () => ({ secrets: [], serviceAccount: undefined }));
 *   check.row; // 2: preloaded (never pulled by the kubelet), no verification
 * }
 */
export function createPullManager(options: PullManagerOptions): PullManager {
  const { records, policy, clock } = options;
  const counters = new Map<string, number>();

  const writeIfChanged = async (
    image: string,
    imageRef: string,
    credentials: RecordedCredentials | undefined,
  ): Promise<void> => {
    const repository = repositoryOf(image);
    if (repository === undefined) throw new Error(`invalid image name "${image}"`);
    let existing: PulledRecord | undefined;
    try {
      existing = await records.getImagePulledRecord(imageRef);
    } catch {
      // The kubelet logs the read failure and writes a fresh record.
      existing = undefined;
    }
    let next: PulledRecord | undefined;
    if (existing === undefined) {
      next = {
        imageRef,
        lastUpdatedTimeMs: clock.now(),
        // Without credentials the record only marks the image as kubelet-pulled, which forces
        // verification on the next use.
        credentialMapping: credentials === undefined ? {} : { [repository]: credentials },
      };
    } else {
      next = mergePulledRecord(existing, repository, credentials, clock.now());
    }
    if (next !== undefined) await records.writeImagePulledRecord(next);
  };

  const decrement = async (image: string): Promise<void> => {
    const count = counters.get(image) ?? 0;
    if (count <= 1) {
      try {
        await records.deleteImagePullIntent(image);
      } catch {
        // Kept in step with the file: the counter goes only when the intent is gone.
        return;
      }
      counters.delete(image);
      return;
    }
    counters.set(image, count - 1);
  };

  return {
    records,
    policy,
    async recordPullIntent(image) {
      try {
        await records.writeImagePullIntent(image);
      } catch (e) {
        throw new Error(`failed to record image pull intent: ${errorText(e)}`);
      }
      counters.set(image, (counters.get(image) ?? 0) + 1);
    },
    async recordImagePulled(image, imageRef, credentials) {
      try {
        await writeIfChanged(image, imageRef, credentials);
      } catch {
        // A record that could not be written leaves the intent in place on purpose: the image
        // still counts as kubelet-pulled and the next start turns the intent into a record.
        return;
      }
      await decrement(image);
    },
    recordImagePullFailed: (image) => decrement(image),
    intentCount: (image) => counters.get(image) ?? 0,

    async mustAttemptImagePull(image, imageRef, getPodCredentials) {
      if (imageRef === "") return { pullRequired: true, row: 0 };
      let record: PulledRecord | undefined;
      let pulledByKubelet: boolean;
      try {
        record = await records.getImagePulledRecord(imageRef);
        pulledByKubelet =
          record !== undefined ||
          (counters.get(image) ?? 0) > 0 ||
          (await records.imagePullIntentExists(image));
      } catch {
        return { pullRequired: true, row: 1 };
      }
      if (!policy.requiresVerification(image, pulledByKubelet)) {
        return { pullRequired: false, row: 2 };
      }
      if (record === undefined) return { pullRequired: true, row: 3 };
      const repository = repositoryOf(image);
      if (repository === undefined) return { pullRequired: true, row: 4 };
      const cached = Object.hasOwn(record.credentialMapping, repository)
        ? record.credentialMapping[repository]
        : undefined;
      if (cached === undefined) return { pullRequired: true, row: 5 };
      if (cached.nodePodsAccessible) return { pullRequired: false, row: 6 };
      if (cached.kubernetesSecrets.length === 0 && cached.kubernetesServiceAccounts.length === 0) {
        return { pullRequired: true, row: 7 };
      }
      let pod: PodCredentials;
      try {
        pod = await getPodCredentials();
      } catch (e) {
        return { pullRequired: true, row: 8, error: errorText(e) };
      }
      const underLimit = cached.kubernetesSecrets.length < WRITE_RECORD_WHILE_MATCHING_LIMIT;
      const remember = async (secret: RecordedSecret) => {
        try {
          await writeIfChanged(image, imageRef, {
            nodePodsAccessible: false,
            kubernetesSecrets: [secret],
            kubernetesServiceAccounts: [],
          });
        } catch {
          // Only logged by the kubelet: the decision stands.
        }
      };
      for (const podSecret of pod.secrets) {
        for (const recorded of cached.kubernetesSecrets) {
          const hashesMatch =
            recorded.credentialHash.length > 0 &&
            podSecret.credentialHash === recorded.credentialHash;
          const sameSecret =
            podSecret.uid === recorded.uid &&
            podSecret.namespace === recorded.namespace &&
            podSecret.name === recorded.name;
          if (hashesMatch) {
            if (!sameSecret && underLimit) await remember(podSecret);
            return { pullRequired: false, row: 9 };
          }
          if (sameSecret && underLimit) {
            await remember(podSecret);
            return { pullRequired: false, row: 10 };
          }
        }
      }
      const sa = pod.serviceAccount;
      if (
        sa !== undefined &&
        cached.kubernetesServiceAccounts.some(
          (r) => r.uid === sa.uid && r.namespace === sa.namespace && r.name === sa.name,
        )
      ) {
        return { pullRequired: false, row: 11 };
      }
      return { pullRequired: true, row: 12 };
    },

    async pruneUnknownRecords(imageRefsInUse, untilMs) {
      const inUse = new Set(imageRefsInUse);
      let all: readonly PulledRecord[];
      try {
        all = await records.listImagePulledRecords();
      } catch {
        return;
      }
      for (const record of all) {
        if (record.lastUpdatedTimeMs >= untilMs || inUse.has(record.imageRef)) continue;
        try {
          await records.deleteImagePulledRecord(record.imageRef);
        } catch {
          // Logged by the kubelet; the next GC tries again.
        }
      }
    },

    async recoverIntents(images) {
      let intents: readonly string[];
      try {
        intents = await records.listImagePullIntents();
      } catch {
        return;
      }
      const pending = new Set(intents);
      for (const runtimeImage of images) {
        const names = new Set(
          [...runtimeImage.repoDigests, ...runtimeImage.repoTags].filter((n) => pending.has(n)),
        );
        for (const name of names) {
          try {
            await writeIfChanged(name, runtimeImage.id, undefined);
          } catch {
            continue;
          }
          try {
            await records.deleteImagePullIntent(name);
          } catch {
            // Left for the next start.
          }
        }
      }
    },
  };
}
