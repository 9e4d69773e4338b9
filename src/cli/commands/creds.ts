/**
 * `pullpolicy creds <image>`: the registry credentials the kubelet would try for an image, in
 * order, where each comes from and which keyring key matched, with passwords redacted; and the
 * config entries the kubelet ignores, with why.
 */
import { readFileSync } from "node:fs";
import {
  type Credential,
  createKeyring,
  type DockerConfig,
  type Keyring,
  REDACTED,
  safeParseDockerConfig,
  safeParseImageName,
  unionKeyrings,
} from "../../index.js";
import { allStrings, lastString } from "../args.js";
import { type Colors, createColors, shouldColor } from "../color.js";
import type { Command } from "../command.js";
import { ExitCode } from "../errors.js";
import { describeFsError } from "../files.js";
import { stableJson } from "../json.js";
import { loadPullSecrets, type PullSecretsResult } from "../pull-secrets.js";
import { renderTable } from "../table.js";

/**
 * One ignored configuration entry, and why the kubelet ignores it.
 * @example
 * const i: IgnoredEntry = { file: "config.json", entry: "credsStore = \"desktop\"", why: "the kubelet ignores credsStore" };
 */
export interface IgnoredEntry {
  readonly file: string;
  readonly entry: string;
  readonly why: string;
}

/**
 * The JSON form of `creds --json`.
 * @example
 * const report = JSON.parse(stdout) as CredsReport; report.credentials[0]?.password; // "[redacted]"
 */
export interface CredsReport {
  readonly image: string;
  /** The name the keyring is searched with (ParseImageName's repoToPull). */
  readonly lookup: string | null;
  readonly namespace: string;
  readonly credentials: readonly {
    readonly order: number;
    readonly key: string;
    readonly username: string;
    readonly password: typeof REDACTED;
    readonly email: string | null;
    readonly source: string;
    /** `key`: the key matched the name; `docker-hub-fallback`: found through index.docker.io. */
    readonly match: "key" | "docker-hub-fallback";
  }[];
  /** True when no credential matched: the kubelet pulls without credentials. */
  readonly anonymous: boolean;
  readonly ignored: readonly IgnoredEntry[];
  /** A pull-secret error that makes every pull of this pod fail, or null. */
  readonly pullError: string | null;
  /** Why the image cannot be pulled at all (InvalidImageName), or null. */
  readonly imageError: string | null;
}

/**
 * The `creds` command: its options and help, and what it does.
 * @example
 * await credsCommand.run(parseCommandArgs(credsCommand.spec, ["ghcr.io/org/app:1", "--config", "config.json"]), io);
 */
export const credsCommand: Command = {
  spec: {
    name: "creds",
    summary: "The registry credentials the kubelet would try for an image, in order (redacted)",
    usage: "creds <image> [--config FILE]... [--secret FILE]... [--namespace NS] [--json]",
    description:
      "Builds the kubelet's keyring from the pod's pull secrets (first) and the node's docker config files (then), looks the image up exactly as the kubelet does (normalised name, reverse-sorted keys, host globs per label, path prefixes, the Docker Hub fallback), and prints every credential it would try, in order, with its source and matching key. Passwords are always shown as [redacted]. Config entries the kubelet ignores (credHelpers, credsStore, keys current kubelets cannot parse, secrets of the wrong type or namespace) are listed with the reason.",
    options: {
      config: {
        type: "string",
        multiple: true,
        valueName: "FILE",
        description:
          'A node docker config: config.json ({"auths": …}) or a legacy .dockercfg; several are tried in the order given',
      },
      secret: {
        type: "string",
        multiple: true,
        valueName: "FILE",
        description:
          "A YAML or JSON file of Secrets (kubernetes.io/dockerconfigjson or kubernetes.io/dockercfg): the pod's imagePullSecrets, in order",
      },
      namespace: {
        type: "string",
        valueName: "NS",
        defaultText: "default",
        description: "The pod's namespace: a pod can use only pull secrets of its own namespace",
      },
      json: { type: "boolean", description: "Print one JSON object" },
    },
    minPositionals: 1,
    maxPositionals: 1,
    positionalName:
      "image (for example: pullpolicy creds ghcr.io/org/app:1.0 --config config.json)",
    examples: [
      "pullpolicy creds ghcr.io/acme/api:2.4.1 --config ~/.docker/config.json",
      "pullpolicy creds registry.acme.internal:5000/tools/migrate --namespace shop --secret pull-secret.yaml --config /var/lib/kubelet/config.json",
      "pullpolicy creds nginx --config examples/manifests/credentials/node-docker-config.json --json",
    ],
    notes: [
      "Order: pull-secret matches first (by key, longest-sorting first, then secret order), then node config matches. Once any credential matched, the kubelet does not retry anonymously.",
      "Exit codes: 0 when the kubelet can attempt the pull, 1 when it cannot (invalid image name, or a malformed pull secret that fails every pull of the pod), 2 on a usage error or an unreadable file.",
    ],
  },
  run: async (args, io) => {
    const image = args.positionals[0] ?? "";
    const namespace = lastString(args, "namespace") ?? "default";
    const ignored: IgnoredEntry[] = [];
    const nodeConfigs: DockerConfig[] = [];
    for (const file of allStrings(args, "config")) {
      const text = readText(file);
      const parsed = safeParseDockerConfig(text, { source: { kind: "dockerConfig", file } });
      if (!parsed.ok) {
        // The kubelet skips a node config it cannot decode and goes on without it.
        ignored.push({
          file,
          entry: "(whole file)",
          why: `the kubelet cannot decode it and skips the file: ${parsed.error.message}`,
        });
        continue;
      }
      nodeConfigs.push(parsed.config);
      ignored.push(...ignoredHelpers(parsed.config, file));
    }
    const secretTexts = allStrings(args, "secret").map((file) => ({
      file,
      text: readText(file),
    }));
    const secrets: PullSecretsResult = loadPullSecrets(secretTexts, namespace);
    ignored.push(...secrets.ignored);
    for (const secret of secrets.configs)
      ignored.push(...ignoredHelpers(secret.config, secret.label));

    const nodeKeyring = nodeConfigs.length > 0 ? createKeyring(...nodeConfigs) : undefined;
    const secretKeyring =
      secrets.configs.length > 0
        ? createKeyring(...secrets.configs.map((c) => c.config))
        : undefined;
    const keyring: Keyring = unionKeyrings(secretKeyring, nodeKeyring);
    for (const skip of keyring.skipped) {
      ignored.push({
        file:
          skip.source.kind === "dockerConfig" ? (skip.source.file ?? "") : sourceLabel(skip.source),
        entry: `auths[${JSON.stringify(skip.entry)}]`,
        why: `current kubelets cannot parse this registry key and skip it: ${skip.error}`,
      });
    }

    const parsedImage = safeParseImageName(image);
    const lookup = parsedImage.success ? parsedImage.data.repoToPull : null;
    const found: readonly Credential[] = lookup === null ? [] : keyring.lookup(lookup);
    const report: CredsReport = {
      image,
      lookup,
      namespace,
      credentials: found.map((cred, i) => ({
        order: i + 1,
        key: cred.key,
        username: cred.username,
        password: REDACTED,
        email: cred.email === undefined || cred.email === "" ? null : cred.email,
        source: sourceLabel(cred.source),
        match:
          cred.key === "index.docker.io" && lookup?.startsWith("docker.io/")
            ? "docker-hub-fallback"
            : "key",
      })),
      anonymous: lookup !== null && found.length === 0,
      ignored,
      pullError: secrets.error,
      imageError: parsedImage.success ? null : parsedImage.error.message,
    };
    if (args.flags.has("json")) io.out(stableJson(report));
    else io.out(formatCreds(report, createColors(shouldColor(io.stdoutIsTTY, io.env))));
    return report.imageError !== null || report.pullError !== null
      ? ExitCode.findings
      : ExitCode.ok;
  },
};

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw describeFsError(file, error);
  }
}

function ignoredHelpers(config: DockerConfig, file: string): IgnoredEntry[] {
  const out: IgnoredEntry[] = [];
  for (const [registry, helper] of config.credHelpers) {
    out.push({
      file,
      entry: `credHelpers[${JSON.stringify(registry)}] = ${JSON.stringify(helper)}`,
      why: "the kubelet never runs docker credential helpers; use a kubelet credential provider plugin or an auths entry",
    });
  }
  if (config.credsStore !== undefined) {
    out.push({
      file,
      entry: `credsStore = ${JSON.stringify(config.credsStore)}`,
      why: "the kubelet ignores credsStore: credentials kept in a desktop or OS store are invisible to it",
    });
  }
  for (const entry of config.entries) {
    for (const field of entry.ignoredFields) {
      out.push({
        file,
        entry: `auths[${JSON.stringify(entry.registry)}].${field}`,
        why: "the kubelet reads only username, password, email and auth; identity and registry tokens are not supported",
      });
    }
  }
  return out;
}

/**
 * A short label for where a credential or config came from.
 * @example
 * sourceLabel({ kind: "secret", uid: "", namespace: "shop", name: "acme" }); // "secret shop/acme"
 */
export function sourceLabel(source: Credential["source"]): string {
  if (source.kind === "secret") return `secret ${source.namespace}/${source.name}`;
  if (source.kind === "dockerConfig") return `node config ${source.file ?? ""}`.trimEnd();
  return `plugin ${source.provider}`;
}

/**
 * The text form.
 * @example
 * formatCreds(report, createColors(false));
 */
export function formatCreds(report: CredsReport, c: Colors): string {
  let out = "";
  if (report.imageError !== null) {
    out += `${c.red("InvalidImageName")}: the kubelet tries no credential for ${JSON.stringify(report.image)}: ${report.imageError}\n`;
  } else if (report.pullError !== null) {
    out += `${c.red("every pull of this pod fails")}: a pull secret cannot be decoded: ${report.pullError}\n`;
  } else if (report.credentials.length === 0) {
    out += `No credential matches ${c.bold(report.lookup ?? "")}: the kubelet pulls ${JSON.stringify(report.image)} without credentials.\n`;
  } else {
    out += `The kubelet tries these credentials for ${c.bold(report.lookup ?? "")}, in order:\n\n`;
    out += renderTable(
      ["#", "SOURCE", "KEY", "USERNAME", "PASSWORD", "EMAIL"].map((h) => c.dim(h)),
      report.credentials.map((cred) => [
        String(cred.order),
        cred.source,
        cred.match === "key" ? cred.key : `${cred.key} (Docker Hub fallback)`,
        cred.username,
        cred.password,
        cred.email ?? "-",
      ]),
    )
      .split("\n")
      .map((l) => (l === "" ? l : `  ${l}`))
      .join("\n");
    out += `\nThe first that the registry accepts is used; if all fail, the pull fails (no anonymous retry).\n`;
  }
  if (report.ignored.length > 0) {
    out += `\n${c.yellow("Ignored by the kubelet")}:\n`;
    for (const i of report.ignored) out += `  ${i.file}: ${i.entry}: ${i.why}\n`;
  }
  return out;
}
