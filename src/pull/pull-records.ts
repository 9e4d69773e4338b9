/**
 * KEP-2535 pull records: pull intents (keyed by the pod's image string) and pulled records
 * (keyed by the runtime's image ref), the store interface the pull manager writes through, an
 * in-memory store, and the kubelet's merge rules.
 * @module
 */
import type { ServiceAccountCoordinates } from "./credentials.js";

/**
 * A pod pull secret that was used (or verified) for an image, with the SHA-256 hex of the
 * credential it held.
 *
 * @example
 * const s: RecordedSecret = { uid: "u1", namespace: "ns", name: "regcred", credentialHash: "ab…" };
 */
export interface RecordedSecret {
  readonly uid: string;
  readonly namespace: string;
  readonly name: string;
  readonly credentialHash: string;
}

/**
 * Who may use a cached image under one repository name (`ImagePullCredentials`).
 *
 * @example
 * const anyone: RecordedCredentials = { nodePodsAccessible: true, kubernetesSecrets: [], kubernetesServiceAccounts: [] };
 */
export interface RecordedCredentials {
  /** Pulled anonymously or with node-wide credentials: every pod on the node may use it. */
  readonly nodePodsAccessible: boolean;
  /** Sorted by namespace, name, uid; unique per (uid, namespace, name). */
  readonly kubernetesSecrets: readonly RecordedSecret[];
  /** Sorted by namespace, name, uid; unique. */
  readonly kubernetesServiceAccounts: readonly ServiceAccountCoordinates[];
}

/**
 * What the kubelet knows about a pulled image (`ImagePulledRecord`).
 *
 * @example
 * const record: PulledRecord = {
 *   imageRef: "sha256:abc",
 *   lastUpdatedTimeMs: 0,
 *   credentialMapping: { "docker.io/library/nginx": { nodePodsAccessible: true, kubernetesSecrets: [], kubernetesServiceAccounts: [] } },
 * };
 */
export interface PulledRecord {
  readonly imageRef: string;
  /** Clock milliseconds of the last change. */
  readonly lastUpdatedTimeMs: number;
  /** Keyed by the normalised repository name without tag or digest. */
  readonly credentialMapping: Readonly<Record<string, RecordedCredentials>>;
}

type MaybePromise<T> = T | Promise<T>;

/**
 * Where pull intents and pulled records live (the kubelet keeps them as files under
 * `image_manager/pulling/` and `image_manager/pulled/`). Every method may be sync or async and
 * may throw: the pull manager handles failures as the kubelet does.
 *
 * @example
 * const store: PullRecordStore = createMemoryPullRecords();
 */
export interface PullRecordStore {
  writeImagePullIntent(image: string): MaybePromise<void>;
  imagePullIntentExists(image: string): MaybePromise<boolean>;
  deleteImagePullIntent(image: string): MaybePromise<void>;
  listImagePullIntents(): MaybePromise<readonly string[]>;
  getImagePulledRecord(imageRef: string): MaybePromise<PulledRecord | undefined>;
  writeImagePulledRecord(record: PulledRecord): MaybePromise<void>;
  deleteImagePulledRecord(imageRef: string): MaybePromise<void>;
  listImagePulledRecords(): MaybePromise<readonly PulledRecord[]>;
}

/**
 * An in-memory {@link PullRecordStore} that can also fail on demand, to try the error rows of
 * the decision.
 *
 * @example
 * const records = createMemoryPullRecords();
 * records.writeImagePullIntent("nginx");
 * records.intents(); // ["nginx"]
 */
export interface MemoryPullRecords extends PullRecordStore {
  writeImagePullIntent(image: string): void;
  imagePullIntentExists(image: string): boolean;
  deleteImagePullIntent(image: string): void;
  listImagePullIntents(): readonly string[];
  getImagePulledRecord(imageRef: string): PulledRecord | undefined;
  writeImagePulledRecord(record: PulledRecord): void;
  deleteImagePulledRecord(imageRef: string): void;
  listImagePulledRecords(): readonly PulledRecord[];
  /** The intents currently stored, in insertion order. */
  intents(): readonly string[];
  /** The pulled records currently stored, in insertion order. */
  pulled(): readonly PulledRecord[];
}

/**
 * Options of {@link createMemoryPullRecords}.
 *
 * @example
 * createMemoryPullRecords({ intents: ["nginx:1.25"], writeIntentError: "no space left on device" });
 */
export interface MemoryPullRecordsOptions {
  /** Pull intents present at start (for example left over from a previous kubelet run). */
  readonly intents?: readonly string[];
  /** Pulled records present at start. */
  readonly pulled?: readonly PulledRecord[];
  /** When set, reading a pulled record or an intent throws this text. */
  readonly readError?: string;
  /** When set, writing a pull intent throws this text. */
  readonly writeIntentError?: string;
  /** When set, writing a pulled record throws this text. */
  readonly writeRecordError?: string;
}

/**
 * Creates an in-memory pull-record store.
 *
 * @example
 * const records = createMemoryPullRecords({ readError: "permission denied" });
 */
export function createMemoryPullRecords(options: MemoryPullRecordsOptions = {}): MemoryPullRecords {
  const intents = new Set<string>(options.intents ?? []);
  const pulled = new Map<string, PulledRecord>();
  for (const record of options.pulled ?? []) pulled.set(record.imageRef, record);
  const failIf = (text: string | undefined) => {
    if (text !== undefined) throw new Error(text);
  };
  return {
    writeImagePullIntent(image) {
      failIf(options.writeIntentError);
      intents.add(image);
    },
    imagePullIntentExists(image) {
      failIf(options.readError);
      return intents.has(image);
    },
    deleteImagePullIntent(image) {
      intents.delete(image);
    },
    listImagePullIntents: () => [...intents],
    getImagePulledRecord(imageRef) {
      failIf(options.readError);
      return pulled.get(imageRef);
    },
    writeImagePulledRecord(record) {
      failIf(options.writeRecordError);
      pulled.set(record.imageRef, record);
    },
    deleteImagePulledRecord(imageRef) {
      pulled.delete(imageRef);
    },
    listImagePulledRecords: () => [...pulled.values()],
    intents: () => [...intents],
    pulled: () => [...pulled.values()],
  };
}

function compareCoordinates(
  a: { namespace: string; name: string; uid: string },
  b: { namespace: string; name: string; uid: string },
): number {
  // Go's strings.Compare orders by bytes; for these identifiers UTF-16 order is the same
  // except for astral characters, which Kubernetes names cannot contain.
  const byKey = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return byKey(a.namespace, b.namespace) || byKey(a.name, b.name) || byKey(a.uid, b.uid);
}

const coordinatesKey = (s: { uid: string; namespace: string; name: string }) =>
  JSON.stringify([s.uid, s.namespace, s.name]);

/**
 * Merges two lists unique per (uid, namespace, name). An added item replaces a kept one when
 * `replaces` says so (a secret whose hash changed); returns the merged list sorted by
 * namespace, name, uid, or undefined when nothing changed.
 */
function mergeByCoordinates<T extends { uid: string; namespace: string; name: string }>(
  current: readonly T[],
  added: readonly T[],
  replaces: (kept: T, next: T) => boolean,
): T[] | undefined {
  const merged = new Map<string, T>();
  for (const item of current) merged.set(coordinatesKey(item), item);
  let changed = false;
  for (const item of added) {
    const key = coordinatesKey(item);
    const kept = merged.get(key);
    if (kept === undefined || replaces(kept, item)) {
      changed = true;
      merged.set(key, item);
    }
  }
  return changed ? [...merged.values()].sort(compareCoordinates) : undefined;
}

/**
 * Merges newly used credentials into a pulled record for one repository name, with the
 * kubelet's rules (`pulledRecordMergeNewCreds`): nothing to add → unchanged; an unknown name →
 * added as is; a name already node-accessible → unchanged; node-accessible credentials → the
 * name becomes node-accessible and its secret and service-account lists are cleared; secrets
 * merge unique per (uid, namespace, name) with the newer hash winning; service accounts merge
 * as a set. Both lists stay sorted by namespace, name, uid. Returns the new record, or
 * undefined when nothing changed (so nothing needs writing).
 *
 * @example
 * const next = mergePulledRecord(record, "docker.io/library/nginx", {
 *   nodePodsAccessible: false,
 *   kubernetesSecrets: [{ uid: "u2", namespace: "ns", name: "other", credentialHash: "cd…" }],
 *   kubernetesServiceAccounts: [],
 * }, clock.now());
 */
export function mergePulledRecord(
  record: PulledRecord,
  repository: string,
  added: RecordedCredentials | undefined,
  nowMs: number,
): PulledRecord | undefined {
  if (added === undefined) return undefined;
  if (
    !added.nodePodsAccessible &&
    added.kubernetesSecrets.length === 0 &&
    added.kubernetesServiceAccounts.length === 0
  ) {
    return undefined;
  }
  const replace = (credentials: RecordedCredentials): PulledRecord => ({
    imageRef: record.imageRef,
    lastUpdatedTimeMs: nowMs,
    credentialMapping: { ...record.credentialMapping, [repository]: credentials },
  });
  const current = Object.hasOwn(record.credentialMapping, repository)
    ? record.credentialMapping[repository]
    : undefined;
  if (current === undefined) return replace(added);
  if (current.nodePodsAccessible) return undefined;
  if (added.nodePodsAccessible) {
    return replace({
      nodePodsAccessible: true,
      kubernetesSecrets: [],
      kubernetesServiceAccounts: [],
    });
  }
  if (added.kubernetesSecrets.length > 0) {
    const secrets = mergeByCoordinates(
      current.kubernetesSecrets,
      added.kubernetesSecrets,
      (kept, next) => kept.credentialHash !== next.credentialHash,
    );
    return secrets === undefined ? undefined : replace({ ...current, kubernetesSecrets: secrets });
  }
  const accounts = mergeByCoordinates(
    current.kubernetesServiceAccounts,
    added.kubernetesServiceAccounts,
    () => false,
  );
  return accounts === undefined
    ? undefined
    : replace({ ...current, kubernetesServiceAccounts: accounts });
}
