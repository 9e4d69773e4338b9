// Runs the BUILT command line (dist/cli.js, built by `npm test`'s pretest step) as a user would.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../support/corpus.js";

/** The CLI under test; PULLPOLICY_CLI points at another build. */
export const CLI = process.env.PULLPOLICY_CLI ?? join(REPO_ROOT, "dist", "cli.js");

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(
  args: readonly string[],
  options: {
    readonly input?: string;
    readonly env?: Record<string, string>;
    readonly cwd?: string;
  } = {},
): CliRun {
  if (!existsSync(CLI)) {
    throw new Error(`${CLI} does not exist: run \`npm run build\` first (npm test does it).`);
  }
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && k !== "FORCE_COLOR" && k !== "NO_COLOR") env[k] = v;
  }
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    input: options.input ?? "",
    encoding: "utf8",
    env: { ...env, ...options.env },
    maxBuffer: 1 << 28,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Parses stdout as JSON, with the output in the error when it is not. */
export function json<T = unknown>(run: CliRun): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`not JSON (exit ${run.status}):\n${run.stdout.slice(0, 2000)}\n${run.stderr}`);
  }
}
