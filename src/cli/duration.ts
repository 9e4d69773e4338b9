/**
 * Durations on the command line, written as Go writes them: `15m`, `90s`, `1h30m`, `500ms`.
 */

const UNITS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/**
 * Parses a duration into milliseconds, or returns undefined when it is not one. A bare number
 * is not accepted: the unit must be written.
 * @example
 * parseDuration("1h30m"); // 5_400_000
 * parseDuration("15");    // undefined
 */
export function parseDuration(text: string): number | undefined {
  let i = 0;
  let total = 0;
  if (text === "") return undefined;
  if (text === "0") return 0;
  while (i < text.length) {
    const start = i;
    while (
      i < text.length &&
      (((text[i] ?? "") >= "0" && (text[i] ?? "") <= "9") || text[i] === ".")
    )
      i++;
    if (i === start) return undefined;
    const value = Number(text.slice(start, i));
    if (!Number.isFinite(value)) return undefined;
    const unitStart = i;
    while (i < text.length && (text[i] ?? "") >= "a" && (text[i] ?? "") <= "z") i++;
    const unit = UNITS[text.slice(unitStart, i)];
    if (unit === undefined) return undefined;
    total += value * unit;
  }
  return total;
}
