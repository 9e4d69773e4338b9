/**
 * The container runtime as the image manager sees it (the CRI image service), and an in-memory
 * implementation to try the decision without a node.
 * @module
 */
import type { ManualClock } from "./clock.js";
import type { PullCredential } from "./credentials.js";

type MaybePromise<T> = T | Promise<T>;

/**
 * The local image cache and registry access, injected. Each method may return a value or a
 * promise; throwing (or rejecting) reports a runtime error, whose text the kubelet puts in its
 * events and messages.
 *
 * @example
 * const runtime: ImageRuntime = {
 *   getImageRef: (image) => (image === "nginx:latest" ? "sha256:abc" : ""),
 *   pullImage: () => "sha256:abc",
 *   getImageSize: () => 1024,
 * };
 */
export interface ImageRuntime {
  /**
   * CRI ImageStatus: the image ref (image ID) of a present image, `""` when absent. Receives the
   * runtime image string (tag defaulted, not normalised: `busybox:latest`).
   */
  getImageRef(image: string): MaybePromise<string>;
  /**
   * CRI PullImage with one credential, or anonymously when `credential` is undefined. Returns
   * the image ref. The text of a thrown error decides the reason: a text starting with
   * `RegistryUnavailable` or `SignatureValidationFailed` gets its own.
   */
  pullImage(image: string, credential: PullCredential | undefined): MaybePromise<string>;
  /** Image size in bytes, best effort (a failure counts as 0). */
  getImageSize(image: string, imageRef: string): MaybePromise<number>;
}

/**
 * A present image for {@link createMemoryRuntime}: its runtime image string, and optionally
 * its ref and size.
 *
 * @example
 * const img: MemoryImage = { image: "nginx:1.25", ref: "sha256:abc", sizeBytes: 1_000_000 };
 */
export interface MemoryImage {
  readonly image: string;
  readonly ref?: string;
  readonly sizeBytes?: number;
}

/**
 * One call the in-memory runtime received, in order.
 *
 * @example
 * const call: MemoryRuntimeCall = { method: "PullImage", image: "nginx:latest", credentialIndex: undefined };
 */
export interface MemoryRuntimeCall {
  readonly method: "GetImageRef" | "PullImage" | "GetImageSize";
  readonly image: string;
  /** PullImage only: whether a credential was passed (never the credential itself). */
  readonly withCredential?: boolean;
}

/**
 * Decides one PullImage of the in-memory runtime: return an error text to fail it, or
 * undefined to succeed. `attempt` counts PullImage calls from 1.
 *
 * @example
 * const flaky: MemoryPullBehaviour = ({ attempt }) => (attempt <= 2 ? "i/o timeout" : undefined);
 */
export type MemoryPullBehaviour = (request: {
  readonly image: string;
  readonly credential: PullCredential | undefined;
  readonly attempt: number;
}) => string | undefined;

/**
 * Options of {@link createMemoryRuntime}.
 *
 * @example
 * createMemoryRuntime({ present: ["nginx:1.25"], pullErrors: ["404 not found"], clock, pullDurationMs: 1_500 });
 */
export interface MemoryRuntimeOptions {
  /**
   * Images present at start: runtime image strings (`nginx:1.25`, `busybox:latest`; an entry
   * without tag or digest is also found under `:latest`) or {@link MemoryImage}s. The ref
   * defaults to the image string, as in the kubelet's fake runtime.
   */
  readonly present?: ReadonlyArray<string | MemoryImage>;
  /** When set, every GetImageRef throws this text. */
  readonly inspectError?: string;
  /** Failure texts of the first PullImage calls, in order; later calls succeed. */
  readonly pullErrors?: readonly string[];
  /** Full control over each pull (takes precedence over `pullErrors`). */
  readonly pull?: MemoryPullBehaviour;
  /** Size reported for images pulled without an explicit size (default 0). */
  readonly defaultSizeBytes?: number;
  /** A manual clock advanced by `pullDurationMs` during each PullImage, to show durations. */
  readonly clock?: ManualClock;
  readonly pullDurationMs?: number;
}

/**
 * An in-memory {@link ImageRuntime} that records its calls; a successful pull makes the image
 * present.
 *
 * @example
 * const runtime = createMemoryRuntime({ present: ["nginx:1.25"] });
 * runtime.getImageRef("nginx:1.25"); // "nginx:1.25"
 */
export interface MemoryRuntime extends ImageRuntime {
  getImageRef(image: string): string;
  pullImage(image: string, credential: PullCredential | undefined): string;
  getImageSize(image: string, imageRef: string): number;
  /** Every call so far. */
  readonly calls: readonly MemoryRuntimeCall[];
  /** Forgets the recorded calls (between simulated syncs). */
  clearCalls(): void;
  /** Runtime image strings present now. */
  images(): readonly string[];
}

/**
 * Creates an in-memory runtime.
 *
 * @example
 * const runtime = createMemoryRuntime({ present: ["busybox:1.36"], pullErrors: ["404 not found"] });
 */
export function createMemoryRuntime(options: MemoryRuntimeOptions = {}): MemoryRuntime {
  const present = new Map<string, { ref: string; sizeBytes: number }>();
  const defaultSize = options.defaultSizeBytes ?? 0;
  const add = (entry: string | MemoryImage) => {
    const image = typeof entry === "string" ? entry : entry.image;
    const ref = (typeof entry === "string" ? undefined : entry.ref) ?? image;
    const sizeBytes = (typeof entry === "string" ? undefined : entry.sizeBytes) ?? defaultSize;
    present.set(image, { ref, sizeBytes });
  };
  for (const entry of options.present ?? []) add(entry);
  const calls: MemoryRuntimeCall[] = [];
  let attempts = 0;

  const find = (image: string) => {
    const exact = present.get(image);
    if (exact !== undefined) return exact;
    // `nginx` listed as present answers for `nginx:latest`, the string the kubelet asks for.
    return image.endsWith(":latest") ? present.get(image.slice(0, -":latest".length)) : undefined;
  };

  return {
    calls,
    clearCalls() {
      calls.length = 0;
    },
    images: () => [...present.keys()],
    getImageRef(image) {
      calls.push({ method: "GetImageRef", image });
      if (options.inspectError !== undefined) throw new Error(options.inspectError);
      return find(image)?.ref ?? "";
    },
    pullImage(image, credential) {
      calls.push({ method: "PullImage", image, withCredential: credential !== undefined });
      attempts++;
      if (options.clock !== undefined && options.pullDurationMs !== undefined) {
        options.clock.advance(options.pullDurationMs);
      }
      const failure =
        options.pull !== undefined
          ? options.pull({ image, credential, attempt: attempts })
          : options.pullErrors?.[attempts - 1];
      if (failure !== undefined) throw new Error(failure);
      const existing = find(image);
      if (existing !== undefined) return existing.ref;
      present.set(image, { ref: image, sizeBytes: defaultSize });
      return image;
    },
    getImageSize(image) {
      calls.push({ method: "GetImageSize", image });
      return find(image)?.sizeBytes ?? 0;
    },
  };
}
