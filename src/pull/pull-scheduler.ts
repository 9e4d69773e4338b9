/**
 * Serialized versus parallel image pulls (`serializeImagePulls`, `maxParallelImagePulls`).
 * @module
 */
import { PullConfigError } from "./errors.js";

/**
 * The kubelet's `maxImagePullRequests`: the serial puller's queue capacity.
 *
 * @example
 * SERIAL_PULL_QUEUE_CAPACITY; // 10
 */
export const SERIAL_PULL_QUEUE_CAPACITY = 10;

/**
 * How pulls are admitted.
 *
 * @example
 * createPullScheduler({ serializeImagePulls: false, maxParallelImagePulls: 5 });
 */
export interface PullSchedulerOptions {
  /** One pull at a time through a queue (the kubelet's default, true). */
  readonly serializeImagePulls?: boolean;
  /**
   * With parallel pulls, at most this many at once; unset means unlimited. The kubelet rejects
   * values < 1 and values > 1 together with serialized pulls.
   */
  readonly maxParallelImagePulls?: number;
}

/**
 * What the scheduler is doing right now.
 *
 * @example
 * scheduler.stats(); // { running: 1, queued: 2, blockedOnFullQueue: 0 }
 */
export interface PullSchedulerStats {
  /** Pulls running. */
  readonly running: number;
  /** Pulls accepted into the serial queue (at most 10) or waiting for a parallel slot. */
  readonly queued: number;
  /**
   * Serialized only: requests that could not even enter the full queue; in the kubelet their
   * pod workers are blocked on the channel send.
   */
  readonly blockedOnFullQueue: number;
}

/**
 * Admits pull tasks the way the kubelet's serial or parallel puller does.
 *
 * @example
 * const scheduler = createPullScheduler({ serializeImagePulls: false, maxParallelImagePulls: 2 });
 * const ref = await scheduler.run(async () => "sha256:abc");
 */
export interface PullScheduler {
  /** The mode in force. */
  readonly mode: "serial" | "parallel";
  /** The parallel limit in force, undefined when unlimited (serial runs one at a time). */
  readonly maxParallel: number | undefined;
  /** Runs `task` when a slot is free; the promise settles with the task's outcome. */
  run<T>(task: () => Promise<T> | T): Promise<T>;
  stats(): PullSchedulerStats;
}

/**
 * Validates `serializeImagePulls` / `maxParallelImagePulls` as the kubelet's configuration
 * validation does, returning its error texts (empty when valid).
 *
 * @example
 * validatePullScheduling({ serializeImagePulls: true, maxParallelImagePulls: 5 })[0]?.message;
 * // "invalid configuration: maxParallelImagePulls cannot be larger than 1 unless SerializeImagePulls (--serialize-image-pulls) is set to false"
 */
export function validatePullScheduling(options: PullSchedulerOptions): PullConfigError[] {
  const errors: PullConfigError[] = [];
  const serialize = options.serializeImagePulls ?? true;
  const max = options.maxParallelImagePulls;
  if (max !== undefined && (!Number.isInteger(max) || max < 1)) {
    errors.push(
      new PullConfigError(
        "INVALID_MAX_PARALLEL_IMAGE_PULLS",
        `invalid configuration: maxParallelImagePulls ${max} must be a positive number`,
      ),
    );
  }
  if (serialize && max !== undefined && max > 1) {
    errors.push(
      new PullConfigError(
        "INVALID_MAX_PARALLEL_IMAGE_PULLS",
        "invalid configuration: maxParallelImagePulls cannot be larger than 1 unless SerializeImagePulls (--serialize-image-pulls) is set to false",
      ),
    );
  }
  return errors;
}

/**
 * Creates the kubelet's puller admission: serialized (one worker, FIFO, queue of 10) or
 * parallel (a semaphore of `maxParallelImagePulls`, or unlimited). Throws
 * {@link PullConfigError} for a configuration the kubelet would refuse.
 *
 * @example
 * const serial = createPullScheduler({});                     // one pull at a time
 * const open = createPullScheduler({ serializeImagePulls: false }); // unlimited
 */
export function createPullScheduler(options: PullSchedulerOptions = {}): PullScheduler {
  const [problem] = validatePullScheduling(options);
  if (problem !== undefined) throw problem;
  const serial = options.serializeImagePulls ?? true;
  const limit = serial ? 1 : options.maxParallelImagePulls;
  let running = 0;
  const waiting: Array<() => void> = [];

  const release = () => {
    running--;
    const wake = waiting.shift();
    if (wake !== undefined) {
      running++;
      wake();
    }
  };
  const acquire = (): Promise<void> => {
    if (limit === undefined || running < limit) {
      running++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => waiting.push(resolve));
  };

  return {
    mode: serial ? "serial" : "parallel",
    maxParallel: serial ? undefined : options.maxParallelImagePulls,
    async run<T>(task: () => Promise<T> | T): Promise<T> {
      await acquire();
      try {
        return await task();
      } finally {
        release();
      }
    },
    stats() {
      const queued = serial ? Math.min(waiting.length, SERIAL_PULL_QUEUE_CAPACITY) : waiting.length;
      return {
        running,
        queued,
        blockedOnFullQueue: serial ? Math.max(0, waiting.length - SERIAL_PULL_QUEUE_CAPACITY) : 0,
      };
    },
  };
}
