/**
 * The only notion of time the pull decision has: an injected clock in milliseconds.
 * @module
 */

/**
 * A source of the current time in milliseconds (any epoch: only differences matter).
 * The pull decision reads time only through this interface, so a test or a simulation controls
 * it completely; a real caller passes `{ now: () => Date.now() }`.
 *
 * @example
 * const clock: Clock = { now: () => performance.now() };
 */
export interface Clock {
  /** The current time in milliseconds. */
  now(): number;
}

/**
 * A clock that moves only when told to: the kubelet's fake clock.
 *
 * @example
 * const clock = createManualClock(0);
 * clock.advance(1_000);
 * clock.now(); // 1000
 */
export interface ManualClock extends Clock {
  /** Moves the clock forward (or backward, with a negative value) by `ms`. */
  advance(ms: number): void;
  /** Sets the clock to `ms`. */
  set(ms: number): void;
}

function assertFinite(value: number, what: string): void {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new TypeError(`createManualClock: ${what} must be a finite number, got ${String(value)}`);
  }
}

/**
 * Creates a {@link ManualClock} starting at `startMs`.
 *
 * @example
 * const clock = createManualClock(5_000);
 * clock.set(10_000);
 * clock.now(); // 10000
 */
export function createManualClock(startMs = 0): ManualClock {
  assertFinite(startMs, "the start time");
  let current = startMs;
  return {
    now: () => current,
    advance(ms: number) {
      assertFinite(ms, "the step");
      current += ms;
    },
    set(ms: number) {
      assertFinite(ms, "the time");
      current = ms;
    },
  };
}
