/**
 * `pullpolicy explain`: for every container, init container, ephemeral container and image
 * volume in the given manifests, the policy as written, the policy Kubernetes gives it and why.
 */

import { type AdmissionOutcome, createAdmissionView } from "../admission.js";
import { allStrings, lastString } from "../args.js";
import { type Colors, createColors, shouldColor } from "../color.js";
import type { Command } from "../command.js";
import { ExitCode, UsageError } from "../errors.js";
import { stableJson } from "../json.js";
import { createNodeView, type NodeOutcome, readNodeImages } from "../node-view.js";
import { createReferenceCache } from "../reference-cache.js";
import { type ImageRow, type ScanResult, scanManifests, scanSummary } from "../scan.js";
import { loadStoredObjects } from "../stored.js";
import { renderTable } from "../table.js";
import { reportScanProblems } from "./report-problems.js";

/**
 * One record of `explain --json`; fields in this order, `null` when absent.
 * @example
 * const records = JSON.parse(stdout) as ExplainRecord[]; records[0]?.effectivePolicy; // "Always"
 */
export interface ExplainRecord {
  readonly file: string;
  readonly docIndex: number;
  readonly kind: string;
  readonly apiVersion: string | null;
  readonly namespace: string | null;
  readonly name: string | null;
  readonly path: string;
  readonly source: string;
  readonly containerName: string | null;
  readonly image: string;
  /** String() of ParseNormalizedNamed, `null` when the image does not parse. */
  readonly reference: string | null;
  readonly imagePullPolicy: string | null;
  readonly effectivePolicy: string;
  /** `explicit` (written), `defaulted` (computed by the API server) or `stored` (kept from the stored object on an update). */
  readonly policyOrigin: string;
  readonly reason: string;
  /** Line and column of the image field. */
  readonly line: number | null;
  readonly column: number | null;
  /** With --always-pull-images: the policy of the Pods after admission. */
  readonly admittedPolicy?: string;
  readonly admissionReason?: string;
  /** With --node-images: what the kubelet does on that node. */
  readonly node?: NodeOutcome;
}

/**
 * The `explain` command: its options and help, and what it does.
 * @example
 * await explainCommand.run(parseCommandArgs(explainCommand.spec, ["k8s/"]), io);
 */
export const explainCommand: Command = {
  spec: {
    name: "explain",
    summary: "For every container and image volume: the pull policy Kubernetes gives it, and why",
    usage:
      "explain [--json] [--always-pull-images] [--node-images FILE] [--stored PATH]... [--update-mode merge|replace] <files|dirs|->...",
    description:
      "Reads Kubernetes manifests (YAML or JSON, several documents per file, List objects, directories searched recursively for *.yaml, *.yml and *.json, and - for standard input) and prints one row per container, init container, ephemeral container and image volume: the object, the path, the image, its normalized reference, the policy as written, the effective policy after API-server defaulting, and the rule that decided it.",
    options: {
      json: {
        type: "boolean",
        description:
          "Print one JSON array: {file, docIndex, kind, apiVersion, namespace, name, path, source, containerName, image, reference, imagePullPolicy, effectivePolicy, policyOrigin, reason, line, column} per image",
      },
      "always-pull-images": {
        type: "boolean",
        description:
          "Also apply the AlwaysPullImages admission plugin to the Pods these objects create",
      },
      stored: {
        type: "string",
        multiple: true,
        valueName: "PATH",
        description:
          "The objects as stored in the cluster (kubectl get -o yaml; files, directories or -): explain the inputs as updates of them, where a policy the update does not mention keeps its stored value",
      },
      "update-mode": {
        type: "string",
        valueName: "MODE",
        choices: ["merge", "replace"],
        defaultText: "merge (kubectl apply, patch)",
        description: "With --stored: how the update is sent (replace: a PUT of the whole object)",
      },
      "node-images": {
        type: "string",
        valueName: "FILE",
        description:
          "A file listing the images present on a node (one per line, # comments); adds what the kubelet would do there",
      },
    },
    minPositionals: 1,
    positionalName: "file, directory or - (for standard input)",
    examples: [
      "pullpolicy explain examples/manifests/",
      "kubectl get deploy -o yaml | pullpolicy explain -",
      "pullpolicy explain --json deploy.yaml | jq '.[] | select(.effectivePolicy == \"Always\")'",
      "pullpolicy explain --always-pull-images --node-images node-images.txt k8s/",
      "kubectl get deploy web -o yaml > live.yaml && pullpolicy explain --stored live.yaml web.yaml",
    ],
    notes: [
      "Objects that carry no pod spec (Services, ConfigMaps, custom resources) are skipped and counted on standard error.",
      "Exit codes: 0 when every input was read, 2 on a usage error or an input that cannot be read (missing file, YAML syntax error, unrendered Helm template); the other inputs are still explained.",
    ],
  },
  run: async (args, io) => {
    const nodeFile = lastString(args, "node-images");
    const nodeImages = nodeFile === undefined ? undefined : readNodeImages(nodeFile);
    const storedPaths = allStrings(args, "stored");
    if (storedPaths.length === 0 && lastString(args, "update-mode") !== undefined) {
      throw new UsageError("explain", "--update-mode needs --stored");
    }
    if (storedPaths.includes("-") && args.positionals.includes("-")) {
      throw new UsageError(
        "explain",
        "standard input (-) can be read only once: give --stored or the manifests as a file",
      );
    }
    const stored = storedPaths.length > 0 ? await loadStoredObjects(storedPaths, io) : undefined;
    const updateMode = lastString(args, "update-mode") === "replace" ? "replace" : "merge";
    const scan = await scanManifests(args.positionals, io, {
      keepObjects: args.flags.has("always-pull-images"),
      ...(stored === undefined ? {} : { stored, updateMode }),
    });
    const records = await buildRecords(scan, {
      admission: args.flags.has("always-pull-images"),
      nodeImages,
    });
    if (args.flags.has("json")) {
      io.out(stableJson(records));
    } else {
      const c = createColors(shouldColor(io.stdoutIsTTY, io.env));
      io.out(
        formatExplain(records, c, nodeImages !== undefined, args.flags.has("always-pull-images")),
      );
    }
    reportScanProblems(scan, io);
    if (!args.flags.has("json")) io.err(`${scanSummary(scan)}\n`);
    return scan.errors.length > 0 ? ExitCode.usage : ExitCode.ok;
  },
};

/**
 * Turns scanned rows into explain records.
 * @example
 * const records = await buildRecords(await scanManifests(["pod.yaml"], io), { admission: false });
 */
export async function buildRecords(
  scan: ScanResult,
  options: { readonly admission: boolean; readonly nodeImages?: readonly string[] | undefined },
): Promise<ExplainRecord[]> {
  const refs = createReferenceCache();
  const admit = options.admission ? createAdmissionView() : undefined;
  const node = options.nodeImages ? createNodeView(options.nodeImages) : undefined;
  const records: ExplainRecord[] = [];
  for (const row of scan.rows) {
    const base = baseRecord(row, refs.normalized(row.use.image));
    let admitted: AdmissionOutcome | undefined;
    let record: ExplainRecord = base;
    if (admit) {
      admitted = admit(row);
      record = { ...record, admittedPolicy: admitted.policy, admissionReason: admitted.reason };
    }
    if (node) {
      const policy = admitted?.policy ?? String(row.use.effectivePolicy);
      record = { ...record, node: await node(row.use.image, policy) };
    }
    records.push(record);
  }
  return records;
}

function baseRecord(row: ImageRow, reference: string | null): ExplainRecord {
  const u = row.use;
  return {
    file: row.file.name,
    docIndex: row.docIndex,
    kind: u.kind,
    apiVersion: u.apiVersion,
    namespace: u.namespace,
    name: u.name,
    path: u.path,
    source: u.source,
    containerName: u.containerName,
    image: u.image,
    reference,
    imagePullPolicy: u.imagePullPolicy,
    effectivePolicy: String(u.effectivePolicy),
    policyOrigin: u.policyOrigin,
    reason: u.reason,
    line: row.position?.line ?? null,
    column: row.position?.column ?? null,
  };
}

/**
 * The text form: one table per file.
 * @example
 * formatExplain(records, createColors(false), false, false);
 */
export function formatExplain(
  records: readonly ExplainRecord[],
  c: Colors,
  withNode: boolean,
  withAdmission: boolean,
): string {
  if (records.length === 0) return "no containers or image volumes found\n";
  const byFile = new Map<string, ExplainRecord[]>();
  for (const r of records) {
    const list = byFile.get(r.file);
    if (list) list.push(r);
    else byFile.set(r.file, [r]);
  }
  const header = ["OBJECT", "PATH", "IMAGE", "REFERENCE", "WRITTEN", "EFFECTIVE"];
  if (withAdmission) header.push("ADMITTED");
  if (withNode) header.push("ON NODE");
  header.push("REASON");
  let out = "";
  for (const [file, list] of byFile) {
    out += `${c.bold(file)}\n`;
    const rows = list.map((r) => {
      const cells = [
        objectLabel(r),
        r.path,
        r.image === "" ? c.red('""') : r.image,
        r.reference ?? c.red("(invalid)"),
        r.imagePullPolicy ?? c.dim("-"),
        policyCell(r.effectivePolicy, c),
      ];
      if (withAdmission) cells.push(policyCell(r.admittedPolicy ?? r.effectivePolicy, c));
      if (withNode) cells.push(nodeCell(r.node, c));
      cells.push(withAdmission && r.admissionReason ? r.admissionReason : r.reason);
      return cells;
    });
    out += renderTable(
      header.map((h) => c.dim(h)),
      rows,
    )
      .split("\n")
      .map((line) => (line === "" ? line : `  ${line}`))
      .join("\n");
    out += "\n";
  }
  return out;
}

function objectLabel(r: ExplainRecord): string {
  const where = r.namespace ? `${r.namespace}/` : "";
  return `${r.kind} ${where}${r.name ?? "(unnamed)"}`;
}

function policyCell(policy: string, c: Colors): string {
  if (policy === "Always") return c.cyan(policy);
  if (policy === "Never") return c.yellow(policy);
  if (policy === "IfNotPresent") return policy;
  return c.red(policy);
}

function nodeCell(node: NodeOutcome | undefined, c: Colors): string {
  if (!node) return "";
  if (node.reason) return c.red(node.reason);
  return node.outcome === "present" ? c.green("uses cached image") : "pulls";
}
