/**
 * Colour for people, plain text for machines: colour is used only when standard output is a
 * terminal and NO_COLOR is unset (https://no-color.org); FORCE_COLOR turns it on regardless.
 */

/**
 * Styling functions; each returns its input unchanged when colour is off.
 * @example
 * const c: Colors = createColors(true); c.red("error");
 */
export interface Colors {
  readonly enabled: boolean;
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly green: (s: string) => string;
  readonly cyan: (s: string) => string;
}

/**
 * Whether to colour output, from the terminal state and the environment.
 * @example
 * shouldColor(true, { NO_COLOR: "1" }); // false
 */
export function shouldColor(
  isTTY: boolean,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  // NO_COLOR counts when present and non-empty, as the convention says.
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== "" && force !== "0" && force !== "false") return true;
  if (env.TERM === "dumb") return false;
  return isTTY;
}

/**
 * Builds the styling functions.
 * @example
 * createColors(false).red("x"); // "x"
 */
export function createColors(enabled: boolean): Colors {
  const wrap =
    (open: number, close: number) =>
    (s: string): string =>
      enabled ? `\u001b[${open}m${s}\u001b[${close}m` : s;
  return {
    enabled,
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    green: wrap(32, 39),
    cyan: wrap(36, 39),
  };
}

/**
 * The visible width of a string, ignoring colour escapes.
 * @example
 * visibleWidth("\u001b[31mab\u001b[39m"); // 2
 */
export function visibleWidth(s: string): number {
  let width = 0;
  let i = 0;
  while (i < s.length) {
    if (s.charCodeAt(i) === 0x1b && s[i + 1] === "[") {
      // Skip a CSI sequence: parameters then one final byte in @..~.
      i += 2;
      while (i < s.length) {
        const c = s.charCodeAt(i);
        i++;
        if (c >= 0x40 && c <= 0x7e) break;
      }
      continue;
    }
    const cp = s.codePointAt(i) ?? 0;
    i += cp > 0xffff ? 2 : 1;
    width++;
  }
  return width;
}
