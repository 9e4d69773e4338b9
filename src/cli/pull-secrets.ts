/**
 * Pull secrets for `creds --secret`: the Secret objects in the given files, decoded by the
 * library the way the kubelet reads a pod's imagePullSecrets (spec §4.6). The CLI adds only the
 * reporting: which secrets were ignored and why, and the decode error that fails every pull.
 */
import {
  CredentialError,
  CredentialErrorCode,
  type DockerConfig,
  dockerConfigsFromPullSecrets,
  PullSecretType,
} from "../index.js";
import { loadManifestText } from "./yaml/load.js";

/**
 * A decoded pull secret.
 * @example
 * const { configs } = loadPullSecrets([{ file, text }], "shop"); configs[0]?.label; // "secret shop/acme-registry"
 */
export interface PullSecretConfig {
  /** `secret <namespace>/<name>` for messages. */
  readonly label: string;
  readonly config: DockerConfig;
}

/**
 * The usable secrets, the ignored ones with why, and a decode error that fails every pull.
 * @example
 * const r: PullSecretsResult = loadPullSecrets([{ file, text }], "shop"); r.error; // null
 */
export interface PullSecretsResult {
  readonly configs: readonly PullSecretConfig[];
  readonly ignored: readonly {
    readonly file: string;
    readonly entry: string;
    readonly why: string;
  }[];
  readonly error: string | null;
}

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
        let decoded: DockerConfig[];
        try {
          // One secret at a time, so that one refused secret does not hide the others.
          decoded = dockerConfigsFromPullSecrets([object], { podNamespace: namespace });
        } catch (e) {
          if (!(e instanceof CredentialError)) throw e;
          if (e.code === CredentialErrorCode.InvalidPullSecret) error ??= `${label}: ${e.message}`;
          else ignored.push({ file, entry: label, why: e.message });
          continue;
        }
        const config = decoded[0];
        if (config === undefined) {
          const type = typeof object.type === "string" ? object.type : "Opaque";
          ignored.push({
            file,
            entry: label,
            why: `type ${JSON.stringify(type)}: the kubelet reads only ${PullSecretType.DockerConfigJSON} with a non-empty .dockerconfigjson and ${PullSecretType.DockerCfg} with a non-empty .dockercfg`,
          });
          continue;
        }
        configs.push({ label, config });
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
