/**
 * `pullpolicy lint`: risky image and pull-policy choices in manifests, as text, JSON or SARIF,
 * with an exit code for CI.
 */
import { allStrings, lastString } from "../args.js";
import { type Colors, createColors, shouldColor } from "../color.js";
import type { Command } from "../command.js";
import { ExitCode } from "../errors.js";
import { stableJson } from "../json.js";
import { checkRow, type Finding } from "../lint/check.js";
import { RULES, reaches, type Severity } from "../lint/rules.js";
import { toSarif } from "../lint/sarif.js";
import {
  createImageIgnore,
  IGNORE_ANNOTATION,
  isSilenced,
  silencedRules,
} from "../lint/suppress.js";
import { type ScanResult, scanManifests, scanSummary } from "../scan.js";
import { cliVersion } from "../version.js";
import { reportScanProblems } from "./report-problems.js";

/**
 * One record of `lint --format json`; fields in this order.
 * @example
 * const findings = JSON.parse(stdout) as LintRecord[]; findings[0]?.ruleId; // "latest-tag"
 */
export interface LintRecord {
  readonly file: string;
  readonly line: number | null;
  readonly column: number | null;
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly docIndex: number;
  readonly kind: string;
  readonly namespace: string | null;
  readonly name: string | null;
  readonly path: string;
  readonly image: string;
  readonly imagePullPolicy: string | null;
  readonly effectivePolicy: string;
}

const ruleList = RULES.map((r) => `  ${r.id.padEnd(27)} ${r.severity.padEnd(8)} ${r.short}`).join(
  "\n",
);

/**
 * The `lint` command: its options and help, and what it does.
 * @example
 * await lintCommand.run(parseCommandArgs(lintCommand.spec, ["--format", "sarif", "k8s/"]), io);
 */
export const lintCommand: Command = {
  spec: {
    name: "lint",
    summary: "Find risky images and pull policies; text, JSON or SARIF for code scanning",
    usage:
      "lint [--format text|json|sarif] [--ignore GLOB]... [--fail-on error|warning|info|none] <files|dirs|->...",
    description:
      "Checks every container, init container, ephemeral container and image volume in the manifests against the rules below. Each finding points to the file, line and column of the image field.",
    options: {
      format: {
        type: "string",
        valueName: "FORMAT",
        choices: ["text", "json", "sarif"],
        defaultText: "text",
        description: "Output format (sarif: SARIF 2.1.0 for GitHub code scanning)",
      },
      ignore: {
        type: "string",
        multiple: true,
        valueName: "GLOB",
        description:
          "Skip images whose familiar name or familiar reference matches this picomatch glob (nginx, quay.io/org/**, *:1.*)",
      },
      "fail-on": {
        type: "string",
        valueName: "SEVERITY",
        choices: ["error", "warning", "info", "none"],
        defaultText: "warning",
        description: "Exit with 1 when a finding has this severity or a higher one",
      },
    },
    minPositionals: 1,
    positionalName: "file, directory or - (for standard input)",
    examples: [
      "pullpolicy lint examples/manifests/",
      "pullpolicy lint --format sarif k8s/ > pullpolicy.sarif",
      "pullpolicy lint --ignore 'registry.k8s.io/**' --fail-on error deploy/",
      "helm template ./chart | pullpolicy lint -",
    ],
    notes: [
      `Rules (id, severity, what it finds):\n${ruleList}`,
      `Silence rules for one object with the annotation ${IGNORE_ANNOTATION}: "rule-id,rule-id" (or "*" for all), on the object's metadata or on its pod template's metadata.`,
      "Exit codes: 0 no finding at or above --fail-on, 1 findings at or above --fail-on, 2 usage or input errors (missing file, YAML syntax error, unrendered Helm template).",
    ],
  },
  run: async (args, io) => {
    const format = lastString(args, "format") ?? "text";
    const failOn = (lastString(args, "fail-on") ?? "warning") as Severity | "none";
    const ignored = createImageIgnore(allStrings(args, "ignore"));
    const scan = await scanManifests(args.positionals, io);
    const findings = lintScan(scan, ignored);
    if (format === "json") io.out(stableJson(findings.map(toRecord)));
    else if (format === "sarif") io.out(stableJson(toSarif(findings, cliVersion())));
    else {
      const c = createColors(shouldColor(io.stdoutIsTTY, io.env));
      io.out(formatText(findings, c));
    }
    reportScanProblems(scan, io);
    if (format === "text") {
      io.err(`${scanSummary(scan)}\n`);
      io.out(`${summaryLine(findings, failOn)}\n`);
    }
    if (scan.errors.length > 0) return ExitCode.usage;
    return findings.some((f) => reaches(f.severity, failOn)) ? ExitCode.findings : ExitCode.ok;
  },
};

/**
 * Every finding of a scan after `--ignore` and annotations, in file and line order.
 * @example
 * lintScan(scan, () => false).length;
 */
export function lintScan(scan: ScanResult, ignored: (image: string) => boolean): Finding[] {
  const findings: Finding[] = [];
  for (const row of scan.rows) {
    if (ignored(row.use.image)) continue;
    const silenced = silencedRules(row);
    for (const f of checkRow(row)) if (!isSilenced(f, silenced)) findings.push(f);
  }
  // Rows come in file and document order; within a file, order by position then rule.
  const fileOrder = new Map<string, number>();
  for (const f of findings)
    if (!fileOrder.has(f.row.file.name)) fileOrder.set(f.row.file.name, fileOrder.size);
  return findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        (fileOrder.get(a.f.row.file.name) ?? 0) - (fileOrder.get(b.f.row.file.name) ?? 0) ||
        (a.f.row.position?.line ?? 0) - (b.f.row.position?.line ?? 0) ||
        (a.f.row.position?.column ?? 0) - (b.f.row.position?.column ?? 0) ||
        a.i - b.i,
    )
    .map(({ f }) => f);
}

function toRecord(f: Finding): LintRecord {
  const u = f.row.use;
  return {
    file: f.row.file.name,
    line: f.row.position?.line ?? null,
    column: f.row.position?.column ?? null,
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    docIndex: f.row.docIndex,
    kind: u.kind,
    namespace: u.namespace,
    name: u.name,
    path: u.path,
    image: u.image,
    imagePullPolicy: u.imagePullPolicy,
    effectivePolicy: String(u.effectivePolicy),
  };
}

/**
 * Compiler-style lines: `file:line:col: severity: message [rule-id]`.
 * @example
 * formatText(findings, createColors(false));
 */
export function formatText(findings: readonly Finding[], c: Colors): string {
  let out = "";
  for (const f of findings) {
    const pos = f.row.position ? `:${f.row.position.line}:${f.row.position.column}` : "";
    const sev =
      f.severity === "error"
        ? c.red("error")
        : f.severity === "warning"
          ? c.yellow("warning")
          : c.cyan("info");
    out += `${c.bold(`${f.row.file.name}${pos}`)}: ${sev}: ${f.message} ${c.dim(`[${f.ruleId}]`)}\n`;
  }
  return out;
}

/**
 * The closing line of text output.
 * @example
 * summaryLine([], "warning"); // "no findings"
 */
export function summaryLine(findings: readonly Finding[], failOn: Severity | "none"): string {
  if (findings.length === 0) return "no findings";
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const files = new Set(findings.map((f) => f.row.file.name)).size;
  const failing = findings.filter((f) => reaches(f.severity, failOn)).length;
  return `${findings.length} finding${findings.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}: ${count("error")} error, ${count("warning")} warning, ${count("info")} info; ${failing} at or above --fail-on ${failOn}`;
}
