/**
 * `pullpolicy parse <ref>...`: every form of an image reference, as Kubernetes and Docker read
 * it, or the exact error Go's distribution/reference gives.
 */
import { createColors, shouldColor } from "../color.js";
import type { Command } from "../command.js";
import { ExitCode } from "../errors.js";
import { stableJson } from "../json.js";
import { describeReference, type ReferenceReport } from "../reference-report.js";

/**
 * The `parse` command: its options and help, and what it does.
 * @example
 * await parseCommand.run(parseCommandArgs(parseCommand.spec, ["nginx"]), io);
 */
export const parseCommand: Command = {
  spec: {
    name: "parse",
    summary: "Show every form of image references, or Go's exact error",
    usage: "parse <ref>... [--json]",
    description:
      "Parses each image reference as Kubernetes does (distribution/reference ParseNormalizedNamed) and prints its forms: normalized, familiar, domain, path, tag, digest, the ParseDockerRef form, the pull policy the API server would default, and the image string the kubelet hands the runtime. An invalid reference prints Go's error message byte for byte.",
    options: {
      json: { type: "boolean", description: "Print one JSON array, one record per reference" },
    },
    minPositionals: 1,
    positionalName: "image reference (for example: pullpolicy parse nginx)",
    examples: [
      "pullpolicy parse nginx",
      "pullpolicy parse localhost:5000/app:v1 ghcr.io/org/app:1.2@sha256:<64 hex>",
      "pullpolicy parse --json Foo/bar FAILED_IMAGE",
    ],
    notes: [
      "Exit codes: 0 when every reference is valid, 1 when at least one is invalid (its error is printed), 2 on a usage error.",
    ],
  },
  run: async (args, io) => {
    const reports = args.positionals.map(describeReference);
    if (args.flags.has("json")) {
      io.out(stableJson(reports));
    } else {
      const c = createColors(shouldColor(io.stdoutIsTTY, io.env));
      io.out(reports.map((r) => formatReport(r, c)).join("\n"));
    }
    return reports.every((r) => r.valid) ? ExitCode.ok : ExitCode.findings;
  },
};

function formatReport(r: ReferenceReport, c: ReturnType<typeof createColors>): string {
  const rows: [string, string][] = [];
  if (r.valid) {
    rows.push(["normalized", r.normalized ?? ""]);
    rows.push(["familiar", r.familiar ?? ""]);
    rows.push(["name", r.name ?? ""]);
    rows.push(["familiar name", r.familiarName ?? ""]);
    rows.push(["domain", r.domain ?? ""]);
    rows.push(["path", r.path ?? ""]);
    rows.push(["tag", r.tag ?? c.dim("(none)")]);
    rows.push(["digest", r.digest ?? c.dim("(none)")]);
    rows.push(["docker ref", r.dockerRef ?? c.red(`error: ${r.dockerRefError ?? ""}`)]);
    rows.push(["kubelet image", r.kubeletImage ?? ""]);
    rows.push(["default policy", `${r.defaultPullPolicy} (${r.defaultPolicyReason})`]);
  } else {
    rows.push(["error", c.red(r.error?.message ?? "")]);
    rows.push(["error code", r.error?.code ?? ""]);
    rows.push(["default policy", `${r.defaultPullPolicy} (${r.defaultPolicyReason})`]);
    rows.push(["on a node", "InvalidImageName: the API server accepts it, the kubelet refuses it"]);
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  const head = r.valid ? c.bold(r.input) : `${c.bold(r.input)} ${c.red("(invalid)")}`;
  return `${head}\n${rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join("\n")}\n`;
}
