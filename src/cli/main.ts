/**
 * The `pullpolicy` binary (dist/cli.js): wires the real process into {@link runCli}.
 * Node only; the library never imports anything under src/cli.
 */
import type { CliIo } from "./io.js";
import { runCli } from "./run.js";
import { cliVersion } from "./version.js";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return Buffer.concat(chunks).toString("utf8");
}

// `pullpolicy explain … | head` closes the pipe early: that is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const io: CliIo = {
  out: (text) => {
    process.stdout.write(text);
  },
  err: (text) => {
    process.stderr.write(text);
  },
  readStdin,
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  cwd: process.cwd(),
};

process.exitCode = await runCli(process.argv.slice(2), io, cliVersion());
