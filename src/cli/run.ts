/**
 * The dispatcher: picks the command, parses its arguments, prints help, and turns errors into
 * messages and exit codes. Everything a person can get wrong ends here with exit code 2 and a
 * sentence saying what to do.
 */
import { parseCommandArgs } from "./args.js";
import type { Command } from "./command.js";
import { credsCommand } from "./commands/creds.js";
import { explainCommand } from "./commands/explain.js";
import { lintCommand } from "./commands/lint.js";
import { parseCommand } from "./commands/parse.js";
import { simulateCommand } from "./commands/simulate.js";
import { ExitCode, InputError, UsageError } from "./errors.js";
import { commandHelp, mainHelp } from "./help.js";
import type { CliIo } from "./io.js";

/**
 * Every command, in the order `pullpolicy --help` lists them.
 * @example
 * COMMANDS.map((c) => c.spec.name); // ["explain", "lint", "parse", "creds", "simulate"]
 */
export const COMMANDS: readonly Command[] = [
  explainCommand,
  lintCommand,
  parseCommand,
  credsCommand,
  simulateCommand,
];

/**
 * Runs the command line `argv` (without `node` and the script) and returns the exit code.
 * @example
 * const io = createMemoryIo();
 * await runCli(["parse", "nginx"], io, "0.1.0"); // 0
 */
export async function runCli(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  const [name, ...rest] = argv;
  const specs = COMMANDS.map((c) => c.spec);
  if (name === undefined) {
    io.err(mainHelp(specs, version));
    return ExitCode.usage;
  }
  if (name === "--help" || name === "-h") {
    io.out(mainHelp(specs, version));
    return ExitCode.ok;
  }
  if (name === "--version" || name === "-V" || name === "version") {
    io.out(`${version}\n`);
    return ExitCode.ok;
  }
  if (name === "help") {
    const target = COMMANDS.find((c) => c.spec.name === rest[0]);
    io.out(target ? commandHelp(target.spec) : mainHelp(specs, version));
    return target || rest[0] === undefined ? ExitCode.ok : ExitCode.usage;
  }
  const command = COMMANDS.find((c) => c.spec.name === name);
  try {
    if (!command) {
      throw new UsageError(
        "",
        name.startsWith("-")
          ? `unknown option ${name} (options go after the command)`
          : `unknown command ${JSON.stringify(name)}; commands: ${specs.map((s) => s.name).join(", ")}`,
      );
    }
    const args = parseCommandArgs(command.spec, rest);
    if (args.help) {
      io.out(commandHelp(command.spec));
      return ExitCode.ok;
    }
    return await command.run(args, io);
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    const command = COMMANDS.find((c) => c.spec.name === error.command);
    const prefix = command ? `pullpolicy ${command.spec.name}` : "pullpolicy";
    io.err(`${prefix}: ${error.message}\n`);
    if (command) {
      io.err(`Usage: pullpolicy ${command.spec.usage}\n`);
      io.err(`Run \`pullpolicy ${command.spec.name} --help\` for options and examples.\n`);
    } else {
      io.err("Run `pullpolicy --help` for the list of commands.\n");
    }
    return ExitCode.usage;
  }
  if (error instanceof InputError) {
    io.err(`pullpolicy: ${error.message}\n`);
    return ExitCode.usage;
  }
  // Anything else is a bug in pullpolicy, not a mistake of the person running it.
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.err(`pullpolicy: internal error, please report it: ${message}\n`);
  return ExitCode.usage;
}
