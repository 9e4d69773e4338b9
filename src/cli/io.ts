/**
 * What a command needs from the outside world, passed in so that commands can run in tests
 * without a terminal, and so that colour and stdin are decided in one place.
 */

/**
 * The process around a command.
 * @example
 * const io: CliIo = createMemoryIo({ stdin: "kind: Pod" });
 */
export interface CliIo {
  /** Writes to standard output. */
  readonly out: (text: string) => void;
  /** Writes to standard error. */
  readonly err: (text: string) => void;
  /** Reads all of standard input (used for the path `-`). */
  readonly readStdin: () => Promise<string>;
  /** Environment variables (NO_COLOR, FORCE_COLOR). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether standard output is a terminal (colour is used only then). */
  readonly stdoutIsTTY: boolean;
  /** The working directory, for relative paths in reports. */
  readonly cwd: string;
}

/**
 * An in-memory {@link CliIo} that records everything written; for tests and embedding.
 * @example
 * const io = createMemoryIo({ stdin: "kind: Pod" });
 * io.out("hello\n");
 * io.stdout(); // "hello\n"
 */
export function createMemoryIo(
  options: {
    readonly stdin?: string;
    readonly env?: Readonly<Record<string, string | undefined>>;
    readonly tty?: boolean;
    readonly cwd?: string;
  } = {},
): CliIo & { readonly stdout: () => string; readonly stderr: () => string } {
  let out = "";
  let err = "";
  return {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    readStdin: async () => options.stdin ?? "",
    env: options.env ?? {},
    stdoutIsTTY: options.tty ?? false,
    cwd: options.cwd ?? "/",
    stdout: () => out,
    stderr: () => err,
  };
}
