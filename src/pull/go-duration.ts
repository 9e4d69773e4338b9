/**
 * Go's `time.Duration.String()` and the millisecond truncation the kubelet applies before it
 * prints a pull duration in the `Pulled` event.
 * @module
 */

const NS_PER_MICRO = 1_000n;
const NS_PER_MILLI = 1_000_000n;
const NS_PER_SECOND = 1_000_000_000n;

/**
 * Prints `value / 10^prec` as Go does: the fractional digits without trailing zeros, no dot
 * when the fraction is zero. Returns the text and the integer part left to print.
 */
function splitFraction(value: bigint, prec: number): { fraction: string; rest: bigint } {
  let digits = "";
  let rest = value;
  let significant = false;
  for (let i = 0; i < prec; i++) {
    const digit = rest % 10n;
    significant = significant || digit !== 0n;
    if (significant) digits = digit.toString() + digits;
    rest /= 10n;
  }
  return { fraction: significant ? `.${digits}` : "", rest };
}

/**
 * Formats a duration given in nanoseconds exactly like Go's `time.Duration.String()`:
 * `0s`, `999ns`, `1.5µs`, `523ms`, `1.5s`, `1m2.003s`, `2h0m0s`, with a leading `-` when
 * negative.
 *
 * @example
 * formatGoDurationNanos(1_500_000_000n); // "1.5s"
 * formatGoDurationNanos(1_500n);         // "1.5µs"
 */
export function formatGoDurationNanos(nanos: bigint): string {
  const negative = nanos < 0n;
  const u = negative ? -nanos : nanos;
  let out: string;
  if (u < NS_PER_SECOND) {
    if (u === 0n) return "0s";
    let unit: string;
    let prec: number;
    if (u < NS_PER_MICRO) {
      unit = "ns";
      prec = 0;
    } else if (u < NS_PER_MILLI) {
      unit = "µs";
      prec = 3;
    } else {
      unit = "ms";
      prec = 6;
    }
    const { fraction, rest } = splitFraction(u, prec);
    out = `${rest}${fraction}${unit}`;
  } else {
    const { fraction, rest: totalSeconds } = splitFraction(u, 9);
    out = `${totalSeconds % 60n}${fraction}s`;
    const totalMinutes = totalSeconds / 60n;
    if (totalMinutes > 0n) {
      out = `${totalMinutes % 60n}m${out}`;
      const hours = totalMinutes / 60n;
      if (hours > 0n) out = `${hours}h${out}`;
    }
  }
  return negative ? `-${out}` : out;
}

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
