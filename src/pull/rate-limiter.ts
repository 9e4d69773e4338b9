/**
 * The kubelet's registry pull limiter (`registryPullQPS` / `registryBurst`): a token bucket
 * consulted with a non-blocking try, on an injected clock.
 * @module
 */
import type { Clock } from "./clock.js";
import { PullConfigError } from "./errors.js";

/**
 * The kubelet's default `registryPullQPS`.
 *
 * @example
 * createImageManager({ runtime, clock, registryPullQPS: DEFAULT_REGISTRY_PULL_QPS });
 */
export const DEFAULT_REGISTRY_PULL_QPS = 5;
/**
 * The kubelet's default `registryBurst`.
 *
 * @example
 * createImageManager({ runtime, clock, registryBurst: DEFAULT_REGISTRY_BURST });
 */
export const DEFAULT_REGISTRY_BURST = 10;
/**
 * The error text of a pull refused by the limiter (the kubelet's own).
 *
 * @example
 * decision.message === PULL_QPS_EXCEEDED; // a pull refused by the limiter
 */
export const PULL_QPS_EXCEEDED = "pull QPS exceeded";

/**
 * A token bucket with a non-blocking `tryAccept`.
 *
 * @example
 * const limiter = createTokenBucket({ qps: 1, burst: 1, clock: createManualClock(0) });
 * limiter.tryAccept(); // true
 * limiter.tryAccept(); // false: the next token comes after 1 s
 */
export interface TokenBucket {
  /** Takes one token if one is available now; never waits. */
  tryAccept(): boolean;
}

/**
 * Options of {@link createTokenBucket}.
 *
 * @example
 * createTokenBucket({ qps: 5, burst: 10, clock: createManualClock() });
 */
export interface TokenBucketOptions {
  /** Tokens added per second; must be > 0. */
  readonly qps: number;
  /** Capacity of the bucket, which starts full; 0 refuses everything. */
  readonly burst: number;
  readonly clock: Clock;
}

/**
 * Validates `registryPullQPS` / `registryBurst` the way the kubelet's configuration validation
 * does, returning its error texts (empty when valid).
 *
 * @example
 * validateRegistryLimits(5, 10); // []
 * validateRegistryLimits(-1, 10);
 * // ["invalid configuration: registryPullQPS (--registry-qps) -1 must not be a negative number"]
 */
export function validateRegistryLimits(qps: number, burst: number): PullConfigError[] {
  const errors: PullConfigError[] = [];
  if (!(burst >= 0) || !Number.isInteger(burst)) {
    errors.push(
      new PullConfigError(
        "INVALID_REGISTRY_BURST",
        `invalid configuration: registryBurst (--registry-burst) ${burst} must not be a negative number`,
      ),
    );
  }
  if (!(qps >= 0) || !Number.isFinite(qps)) {
    errors.push(
      new PullConfigError(
        "INVALID_REGISTRY_QPS",
        `invalid configuration: registryPullQPS (--registry-qps) ${qps} must not be a negative number`,
      ),
    );
  }
  return errors;
}

/**
 * Creates a token bucket that behaves like client-go's `NewTokenBucketRateLimiter(qps, burst)`
 * (golang.org/x/time/rate underneath): full at first, refilled continuously at `qps` per
 * second up to `burst`, one token per accepted pull.
 *
 * @example
 * const clock = createManualClock(0);
 * const limiter = createTokenBucket({ qps: 2000, burst: 0, clock });
 * limiter.tryAccept(); // false: a bucket of size 0 never holds a token
 */
export function createTokenBucket(options: TokenBucketOptions): TokenBucket {
  const { qps, burst, clock } = options;
  const [problem] = validateRegistryLimits(qps, burst);
  if (problem !== undefined) throw problem;
  if (qps === 0) {
    throw new PullConfigError(
      "INVALID_REGISTRY_QPS",
      "createTokenBucket: qps must be > 0 (the kubelet uses no limiter at all when it is 0)",
    );
  }
  let tokens = 0;
  let last: number | undefined;

  return {
    tryAccept() {
      const now = clock.now();
      // Before the first call the bucket is full (rate's zero "last" lies in the far past).
      let available = burst;
      let from = now;
      if (last !== undefined) {
        from = now < last ? now : last;
        available = Math.min(burst, tokens + ((now - from) / 1000) * qps);
      }
      const after = available - 1;
      // rate.Limiter accepts when the wait for the missing fraction rounds down to 0 ns.
      const waitNs = after < 0 ? Math.trunc((1e9 * -after) / qps) : 0;
      if (burst < 1 || waitNs > 0) return false;
      tokens = after;
      last = now;
      return true;
    },
  };
}
