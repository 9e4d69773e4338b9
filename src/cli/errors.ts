/**
 * Errors the command line reports to a person. Both end the run with exit code 2: a usage error
 * means the command line itself was wrong, an input error means a file could not be used.
 * Everything else (a finding, an invalid reference given to `parse`) is data, not an error.
 */

/**
 * The command line was wrong: unknown option, missing argument, bad value.
 * @example
 * throw new UsageError("lint", "--fail-on must be one of error, warning, info, none");
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
  readonly code = "USAGE";
  /** The command whose usage line is printed with the message, or "" for the top level. */
  readonly command: string;
  constructor(command: string, message: string) {
    super(message);
    this.command = command;
  }
}

/**
 * An input could not be read or understood: a missing file, invalid YAML, a Helm template.
 * The message already names the file (and line and column when known).
 * @example
 * throw new InputError("MISSING_FILE", "deploy.yaml: no such file or directory");
 */
export class InputError extends Error {
  override readonly name = "InputError";
  readonly code: InputErrorCode;
  constructor(code: InputErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/**
 * Stable codes of {@link InputError}.
 * @example
 * const code: InputErrorCode = "HELM_TEMPLATE";
 */
export type InputErrorCode =
  | "MISSING_FILE"
  | "UNREADABLE"
  | "YAML_SYNTAX"
  | "HELM_TEMPLATE"
  | "JSON_SYNTAX"
  | "BAD_INPUT";

/**
 * Exit codes of every command.
 * @example
 * process.exitCode = ExitCode.usage; // 2
 */
export const ExitCode = {
  /** Nothing to report (or nothing at or above `--fail-on`). */
  ok: 0,
  /** Findings at or above `--fail-on`, or an invalid reference given to `parse`. */
  findings: 1,
  /** Usage or input errors. */
  usage: 2,
} as const;

/**
 * One of the values of {@link ExitCode}.
 * @example
 * const code: ExitCodeValue = ExitCode.findings; // 1
 */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
