/**
 * Pod image pull secrets → keyring, as the kubelet does it (`secrets.MakeDockerKeyring`,
 * pkg/credentialprovider/secrets/secrets.go, §4.6):
 *
 * - only `kubernetes.io/dockerconfigjson` with a non-empty `.dockerconfigjson`, or
 *   `kubernetes.io/dockercfg` with a non-empty `.dockercfg`, are read; any other type/key pair
 *   (an Opaque secret holding `.dockerconfigjson`, …) is ignored;
 * - `data` values are base64 (as in the API); `stringData` is merged over `data` the way the API
 *   server does on write, so a manifest written with `stringData` works too;
 * - one secret that fails to decode fails the whole call with Go's error text (the pod's pulls
 *   then fail with it);
 * - all valid secrets go into ONE keyring, each credential tagged with the secret's
 *   UID/namespace/name; no valid secret → the node keyring alone, else the union
 *   (secrets first, then the node keyring).
 *
 * A pod can only reference pull secrets of its own namespace: a secret whose
 * `metadata.namespace` is set and differs from the pod's is refused with a clear error (the
 * kubelet would never fetch it). A secret without a namespace is taken to be in the pod's.
 * @module
 */

import * as z from "zod/mini";
import { goBase64StdDecode } from "../internal/go-base64.js";
import { toByteString } from "../internal/go-path-match.js";
import { goQuoteText } from "../internal/go-url.js";
import { lazy } from "../internal/lazy.js";
import { type DockerConfig, safeParseDockerConfig } from "./docker-config.js";
import { CredentialError, CredentialErrorCode } from "./errors.js";
import { createKeyring, type Keyring, unionKeyrings } from "./keyring.js";

/**
 * The secret types and data keys the kubelet reads.
 * @example
 * secret.type === PullSecretType.DockerConfigJSON; // "kubernetes.io/dockerconfigjson"
 */
export const PullSecretType = {
  DockerConfigJSON: "kubernetes.io/dockerconfigjson",
  DockerCfg: "kubernetes.io/dockercfg",
} as const;

// Built on first use so that importing pullpolicy builds no schema (see internal/lazy.ts).
const secretSchema = /* @__PURE__ */ lazy(() => {
  // Maps are checked by hand, not with z.record, so that a `__proto__` key stays an own
  // property of the caller's object and is never assigned onto a fresh object by the validator.
  const stringMap = z.custom<Readonly<Record<string, string>>>(
    (v) =>
      typeof v === "object" &&
      v !== null &&
      !Array.isArray(v) &&
      Object.keys(v).every((k) => typeof (v as Record<string, unknown>)[k] === "string"),
    { message: "expected an object of strings" },
  );
  return z.object({
    metadata: z.optional(
      z.object({
        name: z.optional(z.string()),
        namespace: z.optional(z.string()),
        uid: z.optional(z.string()),
      }),
    ),
    type: z.optional(z.string()),
    data: z.optional(z.nullable(stringMap)),
    stringData: z.optional(z.nullable(stringMap)),
  });
});

/**
 * The fields of a Secret that matter here (extra fields are allowed and ignored).
 * @example
 * const s: PullSecret = { metadata: { name: "regcred", namespace: "shop" },
 *   type: "kubernetes.io/dockerconfigjson", data: { ".dockerconfigjson": "e30=" } };
 */
export interface PullSecret {
  readonly metadata?: {
    readonly name?: string;
    readonly namespace?: string;
    readonly uid?: string;
  };
  readonly type?: string;
  readonly data?: Readonly<Record<string, string>> | null;
  readonly stringData?: Readonly<Record<string, string>> | null;
}

/**
 * Options of {@link keyringFromPullSecrets}.
 * @example
 * keyringFromPullSecrets(secrets, { podNamespace: "shop" } satisfies PullSecretOptions);
 */
export interface PullSecretOptions {
  /** The pod's namespace: secrets from any other namespace are refused. */
  readonly podNamespace: string;
}

function describeIssues(error: z.core.$ZodError, index: number): string {
  return error.issues
    .map((issue) => {
      const path = [`secrets[${index}]`, ...issue.path.map(String)].join(".");
      return `${path}: ${issue.message}`;
    })
    .join("; ");
}

/** A secret's bytes for `key`: stringData wins over data (API server merge); null when absent. */
function secretValue(secret: PullSecret, key: string): string | null | CredentialError {
  const plain = secret.stringData;
  if (plain !== undefined && plain !== null && Object.hasOwn(plain, key)) {
    return toByteString(plain[key] as string);
  }
  const data = secret.data;
  if (data !== undefined && data !== null && Object.hasOwn(data, key)) {
    const decoded = goBase64StdDecode(toByteString(data[key] as string));
    if (!decoded.ok)
      return new CredentialError(CredentialErrorCode.InvalidPullSecret, decoded.error);
    return decoded.bytes;
  }
  return null;
}

/**
 * The docker configs the kubelet reads from a pod's pull secrets, in order (validates the
 * namespace rule and fails on the first malformed secret, like the kubelet).
 * @example
 * const configs = dockerConfigsFromPullSecrets([secret], { podNamespace: "default" });
 */
export function dockerConfigsFromPullSecrets(
  secrets: readonly unknown[],
  options: PullSecretOptions,
): DockerConfig[] {
  if (!Array.isArray(secrets)) {
    throw new CredentialError(
      CredentialErrorCode.InvalidArgument,
      "secrets: expected an array of Secret objects",
    );
  }
  if (typeof options?.podNamespace !== "string") {
    throw new CredentialError(
      CredentialErrorCode.InvalidArgument,
      "options.podNamespace: expected string",
    );
  }
  const configs: DockerConfig[] = [];
  secrets.forEach((raw, index) => {
    const parsed = z.safeParse(secretSchema(), raw);
    if (!parsed.success) {
      throw new CredentialError(
        CredentialErrorCode.InvalidArgument,
        describeIssues(parsed.error, index),
      );
    }
    const secret = parsed.data as PullSecret;
    const name = secret.metadata?.name ?? "";
    const namespace = secret.metadata?.namespace ?? options.podNamespace;
    const subject = `secret ${goQuoteText(`${namespace}/${name}`)}`;
    if (namespace !== options.podNamespace) {
      throw new CredentialError(
        CredentialErrorCode.ForeignNamespaceSecret,
        `image pull ${subject} is in namespace ${goQuoteText(namespace)}, not in the pod's namespace ${goQuoteText(options.podNamespace)}: a pod can only use pull secrets of its own namespace`,
        { subject },
      );
    }
    let key: string;
    let format: "config.json" | "dockercfg";
    if (secret.type === PullSecretType.DockerConfigJSON) {
      key = ".dockerconfigjson";
      format = "config.json";
    } else if (secret.type === PullSecretType.DockerCfg) {
      key = ".dockercfg";
      format = "dockercfg";
    } else return;
    const bytes = secretValue(secret, key);
    if (bytes instanceof CredentialError) {
      throw new CredentialError(CredentialErrorCode.InvalidPullSecret, bytes.message, { subject });
    }
    if (bytes === null || bytes.length === 0) return;
    const source = { kind: "secret" as const, uid: secret.metadata?.uid ?? "", namespace, name };
    // Decode the raw bytes: Go sees bytes, and text would have lost invalid UTF-8 already.
    const result = safeParseDockerConfig(byteStringToBytes(bytes), { format, source });
    if (!result.ok) {
      throw new CredentialError(CredentialErrorCode.InvalidPullSecret, result.error.message, {
        subject,
      });
    }
    configs.push(result.config);
  });
  return configs;
}

function byteStringToBytes(bytes: string): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes.charCodeAt(i);
  return out;
}

/**
 * The kubelet's keyring for a pod (`MakeDockerKeyring`): its pull secrets' credentials first,
 * then `nodeKeyring` (the node's docker config and credential plugins, e.g. from
 * `unionKeyrings(nodeConfigKeyring, pluginKeyring)`). Throws {@link CredentialError} with Go's
 * text when a secret does not decode, and `FOREIGN_NAMESPACE_SECRET` for a secret of another
 * namespace.
 * @example
 * const kr = keyringFromPullSecrets([regcred], { podNamespace: "shop" }, nodeKeyring);
 * kr.lookup("registry.example.com/shop/api").map(String);
 */
export function keyringFromPullSecrets(
  secrets: readonly unknown[],
  options: PullSecretOptions,
  nodeKeyring?: Keyring | null,
): Keyring {
  const configs = dockerConfigsFromPullSecrets(secrets, options);
  const node = nodeKeyring ?? null;
  if (configs.length === 0) return node ?? createKeyring();
  const fromSecrets = createKeyring(...configs);
  return node === null ? fromSecrets : unionKeyrings(fromSecrets, node);
}
