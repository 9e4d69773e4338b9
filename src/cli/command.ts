/**
 * The shape every command module has: its spec (options, help) and its run function.
 */
import type { CommandSpec, ParsedArgs } from "./args.js";
import type { ExitCodeValue } from "./errors.js";
import type { CliIo } from "./io.js";

/**
 * A command of the `pullpolicy` binary.
 * @example
 * const c: Command = parseCommand; await c.run(parseCommandArgs(c.spec, ["nginx"]), io);
 */
export interface Command {
  readonly spec: CommandSpec;
  /** Runs the command; returns the exit code. Throws UsageError / InputError for exit 2. */
  readonly run: (args: ParsedArgs, io: CliIo) => Promise<ExitCodeValue>;
}
