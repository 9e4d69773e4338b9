/**
 * `pullpolicy simulate`: the kubelet's timeline for one container image: each pod sync, whether
 * it pulled, the waiting reason, the message, and the back-off window, computed by the library's
 * EnsureImageExists on a simulated clock.
 */
import {
  formatGoDuration,
  isPullPolicy,
  type RegistryBehaviour,
  type SimulationResult,
  simulatePod,
} from "../../index.js";
import { lastString } from "../args.js";
import { type Colors, createColors, shouldColor } from "../color.js";
import type { Command } from "../command.js";
import { parseDuration } from "../duration.js";
import { ExitCode, UsageError } from "../errors.js";
import { stableJson } from "../json.js";
import { renderTable } from "../table.js";

/**
 * The `simulate` command: its options and help, and what it does.
 * @example
 * await simulateCommand.run(parseCommandArgs(simulateCommand.spec, ["app:1", "--fail", "3"]), io);
 */
export const simulateCommand: Command = {
  spec: {
    name: "simulate",
    summary: "The kubelet's timeline of pull attempts, reasons and back-off for one image",
    usage:
      "simulate <image> [--policy Always|IfNotPresent|Never] [--present] [--fail N|always] [--registry ok|unavailable|signature] [--until 15m] [--every 10s] [--pull-time 0s] [--json]",
    description:
      "Runs the kubelet's EnsureImageExists at every pod sync on a simulated clock, against a node cache and a registry that behave as you say, and prints what happens at each sync: the pull attempts, the waiting reason (ErrImagePull, ImagePullBackOff, ErrImageNeverPull, InvalidImageName…), the message, and the back-off window (10 s doubling to 300 s). Stops at the first sync that lets the container start, or at --until.",
    options: {
      policy: {
        type: "string",
        valueName: "P",
        choices: ["Always", "IfNotPresent", "Never"],
        defaultText: "what the API server would default for the image",
        description: "The container's imagePullPolicy",
      },
      present: { type: "boolean", description: "The image is already in the node's cache" },
      fail: {
        type: "string",
        valueName: "N",
        defaultText: "0",
        description: "The registry fails the first N pulls (or every pull with `always`)",
      },
      registry: {
        type: "string",
        valueName: "MODE",
        choices: ["ok", "unavailable", "signature"],
        defaultText: "ok",
        description:
          "unavailable: every pull fails with RegistryUnavailable; signature: with SignatureValidationFailed",
      },
      error: {
        type: "string",
        valueName: "TEXT",
        description:
          "The error text of a failed pull (default: failed to pull and unpack image: not found)",
      },
      until: {
        type: "string",
        valueName: "DURATION",
        defaultText: "15m",
        description: "How long to simulate (Go duration: 90s, 15m, 1h)",
      },
      every: {
        type: "string",
        valueName: "DURATION",
        defaultText: "10s",
        description: "Time between pod syncs (the kubelet retries a failing pod about every 10s)",
      },
      "pull-time": {
        type: "string",
        valueName: "DURATION",
        defaultText: "0s",
        description: "How long each pull takes on the simulated clock",
      },
      json: { type: "boolean", description: "Print the timeline as one JSON object" },
    },
    minPositionals: 1,
    maxPositionals: 1,
    positionalName: "image (for example: pullpolicy simulate registry.example/app:1.4 --fail 5)",
    examples: [
      "pullpolicy simulate registry.example/app:1.4 --policy IfNotPresent --fail 5",
      "pullpolicy simulate nginx:1.27 --policy Never",
      "pullpolicy simulate ghcr.io/org/app:2 --registry unavailable --until 30m",
      "pullpolicy simulate nginx:1.27 --present --policy IfNotPresent --json",
    ],
    notes: [
      "Exit codes: 0 when the container starts within --until, 1 when it does not, 2 on a usage error.",
    ],
  },
  run: async (args, io) => {
    const image = args.positionals[0] ?? "";
    const policyText = lastString(args, "policy");
    const untilMs = durationOption(lastString(args, "until") ?? "15m", "until");
    const everyMs = durationOption(lastString(args, "every") ?? "10s", "every");
    if (everyMs <= 0) throw new UsageError("simulate", "--every must be longer than 0s");
    if (untilMs / everyMs > 10_000) {
      throw new UsageError(
        "simulate",
        "--until / --every gives more than 10000 syncs; use a longer --every",
      );
    }
    const registry = registryBehaviour(
      lastString(args, "registry") ?? "ok",
      lastString(args, "fail"),
      lastString(args, "error"),
    );
    const result = await simulatePod({
      image,
      ...(policyText !== undefined && isPullPolicy(policyText) ? { policy: policyText } : {}),
      present: args.flags.has("present"),
      registry,
      syncs: { untilMs, everyMs },
      pullDurationMs: durationOption(lastString(args, "pull-time") ?? "0s", "pull-time"),
    });
    if (args.flags.has("json")) io.out(stableJson(toJson(result, args.flags.has("present"))));
    else
      io.out(formatSimulation(result, createColors(shouldColor(io.stdoutIsTTY, io.env)), untilMs));
    return result.startedAtMs === undefined ? ExitCode.findings : ExitCode.ok;
  },
};

function durationOption(text: string, name: string): number {
  const ms = parseDuration(text);
  if (ms === undefined) {
    throw new UsageError(
      "simulate",
      `--${name} must be a duration such as 90s, 15m or 1h (got ${JSON.stringify(text)})`,
    );
  }
  return ms;
}

/**
 * The registry behaviour for `--registry`, `--fail` and `--error`.
 * @example
 * registryBehaviour("ok", "3", undefined); // { kind: "failsTimes", n: 3 }
 */
export function registryBehaviour(
  mode: string,
  fail: string | undefined,
  error: string | undefined,
): RegistryBehaviour {
  if (mode === "unavailable") {
    return error === undefined ? { kind: "unavailable" } : { kind: "unavailable", detail: error };
  }
  if (mode === "signature") {
    return error === undefined
      ? { kind: "signatureInvalid" }
      : { kind: "signatureInvalid", detail: error };
  }
  if (fail === undefined || fail === "0") return { kind: "succeeds" };
  if (fail === "always") return error === undefined ? { kind: "fails" } : { kind: "fails", error };
  const n = Number(fail);
  if (!Number.isInteger(n) || n < 0 || fail.trim() !== fail || fail === "") {
    throw new UsageError(
      "simulate",
      `--fail must be a whole number or "always" (got ${JSON.stringify(fail)})`,
    );
  }
  return error === undefined ? { kind: "failsTimes", n } : { kind: "failsTimes", n, error };
}

function toJson(result: SimulationResult, present: boolean) {
  return {
    image: result.image,
    policy: result.policy,
    present,
    startedAtMs: result.startedAtMs ?? null,
    pullAttempts: result.pullAttempts,
    rows: result.rows.map((r) => ({
      tMs: r.tMs,
      time: formatGoDuration(r.tMs),
      ok: r.ok,
      outcome: r.outcome,
      attempted: r.attempted,
      reason: r.reason ?? null,
      message: r.message,
      backoffMs: r.backoffMs ?? null,
      backoffUntilMs: r.backoffUntilMs ?? null,
      events: r.events.map((e) => ({ type: e.type, reason: e.reason, message: e.message })),
    })),
  };
}

/**
 * The text form: a header, the table of syncs, and a compact timeline.
 * @example
 * formatSimulation(result, createColors(false), 900_000);
 */
export function formatSimulation(result: SimulationResult, c: Colors, untilMs: number): string {
  let out = `${c.bold(result.image)}  policy ${result.policy}\n\n`;
  const rows = result.rows.map((r) => [
    formatGoDuration(r.tMs),
    r.attempted ? "pull" : r.runtimeCalls.includes("GetImageRef") ? "check" : "-",
    r.ok
      ? c.green(r.outcome === "present" ? "started (cached)" : "started")
      : c.red(r.reason ?? r.outcome),
    r.backoffMs === undefined
      ? "-"
      : `${formatGoDuration(r.backoffMs)} (until ${formatGoDuration(r.backoffUntilMs ?? 0)})`,
    r.message || r.events.map((e) => e.message).join("; "),
  ]);
  out += renderTable(
    ["TIME", "ACTION", "RESULT", "BACK-OFF", "MESSAGE"].map((h) => c.dim(h)),
    rows,
  );
  out += `\n${c.bold("timeline")} ${compactTimeline(result)}\n`;
  out +=
    result.startedAtMs === undefined
      ? `${c.red("not started")} within ${formatGoDuration(untilMs)} (${result.pullAttempts} pull attempt${result.pullAttempts === 1 ? "" : "s"})\n`
      : `${c.green("started")} at ${formatGoDuration(result.startedAtMs)} after ${result.pullAttempts} pull attempt${result.pullAttempts === 1 ? "" : "s"}\n`;
  return out;
}

/**
 * One line: consecutive syncs with the same result are grouped (`20s–60s ImagePullBackOff ×5`).
 * @example
 * compactTimeline(result); // "0s ErrImagePull → 10s ErrImagePull → 20s ImagePullBackOff → …"
 */
export function compactTimeline(result: SimulationResult): string {
  const parts: string[] = [];
  let i = 0;
  const rows = result.rows;
  while (i < rows.length) {
    const r = rows[i];
    if (!r) break;
    const label = r.ok ? "started" : (r.reason ?? r.outcome);
    let j = i;
    // Only non-attempts group: every pull attempt is worth its own entry.
    while (!r.attempted && j + 1 < rows.length) {
      const next = rows[j + 1];
      if (!next || next.attempted || next.ok || (next.reason ?? next.outcome) !== label) break;
      j++;
    }
    const from = formatGoDuration(r.tMs);
    const last = rows[j];
    parts.push(
      j === i
        ? `${from} ${label}`
        : `${from}–${formatGoDuration(last?.tMs ?? r.tMs)} ${label} ×${j - i + 1}`,
    );
    i = j + 1;
  }
  return parts.join(" → ");
}
