/**
 * Go's `time.Duration.String()` and the millisecond truncation the kubelet applies before it
 * prints a pull duration in the `Pulled` event.
 * @module
 */

import { formatGoDurationNanos } from "../internal/go-duration.js";

// The nanosecond formatter is shared with the credential-provider code; re-exported here
// because the pull area has always offered it.
export { formatGoDurationNanos };

/**
 * Formats a duration given in milliseconds like Go's `time.Duration.String()`. Sub-millisecond
 * fractions are kept to the nanosecond (`1.5` → `1.5ms`); a non-finite input prints as `0s`.
 *
 * @example
 * formatGoDuration(1500);  // "1.5s"
 * formatGoDuration(523);   // "523ms"
 * formatGoDuration(62003); // "1m2.003s"
 * formatGoDuration(0);     // "0s"
 */
export function formatGoDuration(ms: number): string {
  if (!Number.isFinite(ms)) return "0s";
  return formatGoDurationNanos(BigInt(Math.round(ms * 1_000_000)));
}

/**
 * Go's `d.Truncate(time.Millisecond)` on a millisecond value: rounds toward zero to a whole
 * number of milliseconds, as the kubelet does before printing a pull duration.
 *
 * @example
 * truncateToMillisecond(1523.9); // 1523
 */
export function truncateToMillisecond(ms: number): number {
  if (!Number.isFinite(ms)) return 0;
  // `Math.trunc(-0.5)` is -0, which would print as "0s" anyway; normalise it for equality.
  return Math.trunc(ms) + 0;
}
