/**
 * Argument parsing for every command: a thin, typed layer over `node:util` parseArgs that turns
 * its errors into {@link UsageError}s naming the command, checks choices and positional counts,
 * and gives every command `--help`.
 */
import { parseArgs } from "node:util";
import { UsageError } from "./errors.js";

/**
 * One option of a command.
 * @example
 * const json: OptionSpec = { type: "boolean", description: "Print JSON" };
 */
export interface OptionSpec {
  readonly type: "string" | "boolean";
  /** The option may be repeated; its values are collected in order. */
  readonly multiple?: boolean;
  readonly short?: string;
  /** Placeholder shown in help, e.g. `FILE`. */
  readonly valueName?: string;
  /** The only values accepted. */
  readonly choices?: readonly string[];
  /** Shown in help; applied by the command, not here. */
  readonly defaultText?: string;
  readonly description: string;
}

/**
 * What a command accepts and how its help reads.
 * @example
 * commandHelp(parseCommand.spec); // uses every field of the spec
 */
export interface CommandSpec {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The usage line after `pullpolicy `, e.g. `parse <ref>... [--json]`. */
  readonly usage: string;
  /** A few sentences for `--help`. */
  readonly description: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Minimum number of positional arguments. */
  readonly minPositionals: number;
  /** Maximum number of positional arguments (absent: unlimited). */
  readonly maxPositionals?: number;
  /** What the positional arguments are, for error messages, e.g. "an image reference". */
  readonly positionalName: string;
  /** Complete command lines shown under "Examples". */
  readonly examples: readonly string[];
  /** Extra help paragraphs (exit codes, annotations). */
  readonly notes?: readonly string[];
}

/**
 * The result of parsing one command's arguments.
 * @example
 * parseCommandArgs(lintCommand.spec, ["--format", "json", "k8s/"]).positionals; // ["k8s/"]
 */
export interface ParsedArgs {
  readonly help: boolean;
  readonly positionals: readonly string[];
  readonly strings: ReadonlyMap<string, readonly string[]>;
  readonly flags: ReadonlySet<string>;
}

/**
 * Parses `argv` (the words after the command name) against `spec`.
 * Throws {@link UsageError} for unknown options, missing values, values outside `choices`, and a
 * wrong number of positional arguments (unless `--help` is given).
 * @example
 * const args = parseCommandArgs(parseSpec, ["nginx", "--json"]);
 * args.flags.has("json"); // true
 */
export function parseCommandArgs(spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  const options: Record<
    string,
    { type: "string" | "boolean"; multiple?: boolean; short?: string }
  > = { help: { type: "boolean", short: "h" } };
  for (const [name, o] of Object.entries(spec.options)) {
    options[name] = {
      type: o.type,
      ...(o.multiple ? { multiple: true } : {}),
      ...(o.short ? { short: o.short } : {}),
    };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      options,
      allowPositionals: true,
      strict: true,
      tokens: false,
    });
  } catch (error) {
    throw new UsageError(spec.name, describeParseError(error));
  }
  const strings = new Map<string, string[]>();
  const flags = new Set<string>();
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === undefined) continue;
    if (typeof value === "boolean") {
      if (value) flags.add(name);
      continue;
    }
    const list = Array.isArray(value) ? value.map(String) : [String(value)];
    const choices = spec.options[name]?.choices;
    for (const v of list) {
      if (choices && !choices.includes(v)) {
        throw new UsageError(
          spec.name,
          `--${name} must be one of ${choices.join(", ")} (got ${JSON.stringify(v)})`,
        );
      }
    }
    strings.set(name, list);
  }
  const help = flags.has("help");
  const positionals = parsed.positionals;
  if (!help) {
    if (positionals.length < spec.minPositionals) {
      throw new UsageError(spec.name, `missing ${spec.positionalName}`);
    }
    if (spec.maxPositionals !== undefined && positionals.length > spec.maxPositionals) {
      throw new UsageError(
        spec.name,
        `too many arguments: expected ${spec.maxPositionals === 1 ? "one" : `at most ${spec.maxPositionals}`} ${spec.positionalName}, got ${positionals.length}`,
      );
    }
  }
  return { help, positionals, strings, flags };
}

/**
 * The last value of a string option (a later `--x` overrides an earlier one), or undefined.
 * @example
 * lastString(parseCommandArgs(spec, ["--format", "json"]), "format"); // "json"
 */
export function lastString(args: ParsedArgs, name: string): string | undefined {
  const list = args.strings.get(name);
  return list === undefined ? undefined : list[list.length - 1];
}

/**
 * Every value of a repeatable string option, in the order given.
 * @example
 * allStrings(parseCommandArgs(spec, ["--ignore", "a", "--ignore", "b"]), "ignore"); // ["a", "b"]
 */
export function allStrings(args: ParsedArgs, name: string): readonly string[] {
  return args.strings.get(name) ?? [];
}

function describeParseError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const m = error.message;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    // Node's message goes on about `--`; keep the part a person needs.
    const quote = m.indexOf("'");
    const end = quote < 0 ? -1 : m.indexOf("'", quote + 1);
    const opt = end > quote ? m.slice(quote + 1, end) : m;
    return `unknown option ${opt}`;
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const start = m.indexOf("'--");
    const end = start < 0 ? -1 : m.indexOf(" ", start);
    if (start >= 0 && end > start && m.includes("argument missing")) {
      return `option ${m.slice(start + 1, end)} needs a value`;
    }
    if (m.includes("does not take an argument")) {
      return m.replace(/^Option '([^']*)'.*$/, "option $1 does not take a value");
    }
  }
  return m;
}
