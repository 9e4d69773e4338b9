/**
 * client-go's `flowcontrol.Backoff` as the kubelet uses it for image pulls: per-key exponential
 * back-off, no jitter, on an injected clock.
 * @module
 */
import type { Clock } from "./clock.js";
import { PullConfigError } from "./errors.js";

/**
 * The kubelet's `imageBackOffPeriod`: the first back-off window after a failed pull.
 *
 * @example
 * createBackoff({ clock, initialMs: IMAGE_BACKOFF_INITIAL_MS }); // 10 s
 */
export const IMAGE_BACKOFF_INITIAL_MS = 10_000;
/**
 * The kubelet's `MaxImageBackOff`: windows double up to this cap.
 *
 * @example
 * createBackoff({ clock, maxMs: IMAGE_BACKOFF_MAX_MS }); // 300 s
 */
export const IMAGE_BACKOFF_MAX_MS = 300_000;

/**
 * What the back-off remembers for one key.
 *
 * @example
 * backoff.entry("pod-uid_nginx"); // { backoffMs: 20000, lastUpdateMs: 10000 }
 */
export interface BackoffEntry {
  /** The current window length in milliseconds. */
  readonly backoffMs: number;
  /** When the window was last moved (`next`), in clock milliseconds. */
  readonly lastUpdateMs: number;
}

/**
 * Per-key exponential back-off. Keys for image pulls are `<pod UID>_<image as written>`.
 *
 * @example
 * const clock = createManualClock(0);
 * const backoff = createBackoff({ clock });
 * backoff.next("uid_nginx", clock.now());
 * backoff.isInBackOffSinceUpdate("uid_nginx", 5_000); // true: 5 s < 10 s
 */
export interface Backoff {
  /** The window bounds this back-off was created with. */
  readonly initialMs: number;
  readonly maxMs: number;
  /** The clock `next` and `gc` read. */
  readonly clock: Clock;
  /**
   * Moves the key to its next window: the initial one when the key is new or expired
   * (`eventTimeMs − lastUpdate > 2 × max`), else double the current one, capped at max.
   * The update time recorded is the clock's now, not `eventTimeMs`.
   */
  next(key: string, eventTimeMs: number): void;
  /** True while `eventTimeMs − lastUpdate < window` (strict), unless the key expired. */
  isInBackOffSinceUpdate(key: string, eventTimeMs: number): boolean;
  /** True while `now − eventTimeMs < window` (strict), unless the key expired. */
  isInBackOffSince(key: string, eventTimeMs: number): boolean;
  /** The current window of a key in milliseconds, 0 when the key is unknown. */
  get(key: string): number;
  /** The stored entry of a key, for tools that show the window (undefined when unknown). */
  entry(key: string): BackoffEntry | undefined;
  /** Drops every key not updated for strictly more than 2 × max. */
  gc(): void;
  /** Forgets a key. */
  reset(key: string): void;
  /** Forgets a key (client-go has both names). */
  deleteEntry(key: string): void;
}

/**
 * Options of {@link createBackoff}.
 *
 * @example
 * const options: BackoffOptions = { clock: createManualClock(), initialMs: 1_000, maxMs: 60_000 };
 */
export interface BackoffOptions {
  /** First window, 10 s by default (the kubelet's value for images). */
  readonly initialMs?: number;
  /** Cap of the window, 300 s by default. */
  readonly maxMs?: number;
  /** The injected clock. */
  readonly clock: Clock;
}

function checkBound(value: number, name: string): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new PullConfigError(
      "INVALID_BACKOFF",
      `createBackoff: ${name} must be a finite number of milliseconds >= 0, got ${String(value)}`,
    );
  }
}

/**
 * Creates the kubelet's image back-off (`flowcontrol.NewBackOff(10s, 300s)`, jitter 0).
 * A success never resets a key; only `gc` after 2 × max without an update, or an expired key
 * meeting `next`, starts again from the initial window.
 *
 * @example
 * const clock = createManualClock(0);
 * const backoff = createBackoff({ clock });            // 10 s doubling to 300 s
 * backoff.next("pod-uid_busybox", clock.now());        // window 10 s from t=0
 * clock.set(10_000);
 * backoff.isInBackOffSinceUpdate("pod-uid_busybox", clock.now()); // false: 10 is not < 10
 */
export function createBackoff(options: BackoffOptions): Backoff {
  const initialMs = options.initialMs ?? IMAGE_BACKOFF_INITIAL_MS;
  const maxMs = options.maxMs ?? IMAGE_BACKOFF_MAX_MS;
  checkBound(initialMs, "initialMs");
  checkBound(maxMs, "maxMs");
  const { clock } = options;
  const entries = new Map<string, BackoffEntry>();
  const expired = (eventTimeMs: number, entry: BackoffEntry) =>
    eventTimeMs - entry.lastUpdateMs > maxMs * 2;

  return {
    initialMs,
    maxMs,
    clock,
    next(key, eventTimeMs) {
      const current = entries.get(key);
      const backoffMs =
        current === undefined || expired(eventTimeMs, current)
          ? initialMs
          : Math.min(current.backoffMs * 2, maxMs);
      entries.set(key, { backoffMs, lastUpdateMs: clock.now() });
    },
    isInBackOffSinceUpdate(key, eventTimeMs) {
      const entry = entries.get(key);
      if (entry === undefined || expired(eventTimeMs, entry)) return false;
      return eventTimeMs - entry.lastUpdateMs < entry.backoffMs;
    },
    isInBackOffSince(key, eventTimeMs) {
      const entry = entries.get(key);
      if (entry === undefined || expired(eventTimeMs, entry)) return false;
      return clock.now() - eventTimeMs < entry.backoffMs;
    },
    get: (key) => entries.get(key)?.backoffMs ?? 0,
    entry: (key) => entries.get(key),
    gc() {
      const now = clock.now();
      for (const [key, entry] of entries) {
        if (now - entry.lastUpdateMs > maxMs * 2) entries.delete(key);
      }
    },
    reset: (key) => {
      entries.delete(key);
    },
    deleteEntry: (key) => {
      entries.delete(key);
    },
  };
}
