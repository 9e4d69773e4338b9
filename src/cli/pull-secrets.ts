/**
 * Pull secrets for `creds --secret`: the Secret objects in the given files turned into docker
 * configs the way the kubelet reads a pod's imagePullSecrets (spec §4.6): only the
 * `kubernetes.io/dockerconfigjson` + `.dockerconfigjson` and `kubernetes.io/dockercfg` +
 * `.dockercfg` pairs count, only secrets of the pod's namespace, and one secret that fails to
 * decode fails every pull of the pod.
 */
import { type DockerConfig, safeParseDockerConfig } from "../index.js";
import { InputError } from "./errors.js";
import { loadManifestText } from "./yaml/load.js";

/** A decoded pull secret. */
export interface PullSecretConfig {
  /** `secret <namespace>/<name>` for messages. */
  readonly label: string;
  readonly config: DockerConfig;
}

/** The usable secrets, the ignored ones with why, and a decode error that fails every pull. */
export interface PullSecretsResult {
  readonly configs: readonly PullSecretConfig[];
  readonly ignored: readonly {
    readonly file: string;
    readonly entry: string;
    readonly why: string;
  }[];
  readonly error: string | null;
}

const PAIRS = [
  { type: "kubernetes.io/dockerconfigjson", key: ".dockerconfigjson", format: "config.json" },
  { type: "kubernetes.io/dockercfg", key: ".dockercfg", format: "dockercfg" },
] as const;

/**
 * Reads every Secret in the given texts (YAML or JSON, several documents, Lists) as the pull
 * secrets of a pod in `namespace`, in order. Throws InputError for text that is not YAML.
 * @example
 * loadPullSecrets([{ file: "s.yaml", text }], "shop").configs.length;
 */
export function loadPullSecrets(
  files: readonly { readonly file: string; readonly text: string }[],
  namespace: string,
): PullSecretsResult {
  const configs: PullSecretConfig[] = [];
  const ignored: { file: string; entry: string; why: string }[] = [];
  let error: string | null = null;
  for (const { file, text } of files) {
    for (const doc of loadManifestText(text, file).documents) {
      for (const object of secretsIn(doc.value)) {
        const meta = record(object.metadata);
        const name = typeof meta.name === "string" ? meta.name : "(unnamed)";
        const ns = typeof meta.namespace === "string" ? meta.namespace : namespace;
        const label = `secret ${ns}/${name}`;
        if (ns !== namespace) {
          ignored.push({
            file,
            entry: label,
            why: `a pod in namespace ${JSON.stringify(namespace)} can use only pull secrets of its own namespace`,
          });
          continue;
        }
        const type = typeof object.type === "string" ? object.type : "Opaque";
        const data = record(object.data);
        const stringData = record(object.stringData);
        const pair = PAIRS.find((p) => p.type === type);
        let raw: { value: string } | undefined;
        try {
          raw = pair ? secretValue(pair.key, data, stringData) : undefined;
        } catch (e) {
          throw new InputError("BAD_INPUT", `${file}: ${label}: ${(e as Error).message}`);
        }
        if (!pair || raw === undefined || raw.value === "") {
          ignored.push({
            file,
            entry: label,
            why: `type ${JSON.stringify(type)} without a non-empty ${pair ? pair.key : ".dockerconfigjson/.dockercfg"}: the kubelet reads only kubernetes.io/dockerconfigjson with .dockerconfigjson and kubernetes.io/dockercfg with .dockercfg`,
          });
          continue;
        }
        const parsed = safeParseDockerConfig(raw.value, {
          format: pair.format,
          source: {
            kind: "secret",
            uid: typeof meta.uid === "string" ? meta.uid : "",
            namespace: ns,
            name,
          },
        });
        if (!parsed.ok) {
          error ??= `${label}: ${parsed.error.message}`;
          continue;
        }
        configs.push({ label, config: parsed.config });
      }
    }
  }
  return { configs, ignored, error };
}

function secretsIn(value: unknown): Record<string, unknown>[] {
  const v = record(value);
  if (typeof v.kind === "string" && v.kind.endsWith("List") && Array.isArray(v.items)) {
    return v.items.flatMap(secretsIn);
  }
  return v.kind === "Secret" ? [v] : [];
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The secret value for a key: stringData wins over data (as the API server merges them). */
function secretValue(
  key: string,
  data: Record<string, unknown>,
  stringData: Record<string, unknown>,
): { value: string } | undefined {
  const plain = stringData[key];
  if (typeof plain === "string") return { value: plain };
  const encoded = data[key];
  if (typeof encoded !== "string") return undefined;
  const decoded = decodeStdBase64(encoded);
  if (decoded === undefined) {
    throw new InputError(
      "BAD_INPUT",
      `secret data ${key} is not valid base64: the API server would refuse this Secret`,
    );
  }
  return { value: decoded };
}

/**
 * Standard padded base64 as the API server decodes Secret data; undefined when invalid.
 * @example
 * decodeStdBase64("YTpi"); // "a:b"
 */
export function decodeStdBase64(text: string): string | undefined {
  if (text.length % 4 !== 0) return undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ok =
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      (c >= 48 && c <= 57) ||
      c === 43 ||
      c === 47 ||
      (c === 61 && i >= text.length - 2);
    if (!ok) return undefined;
  }
  if (text.endsWith("=") && !text.endsWith("==") && text[text.length - 2] === "=") return undefined;
  return Buffer.from(text, "base64").toString("utf8");
}
