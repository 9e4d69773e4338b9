/**
 * Kubelet credential provider plugins (§5): the `CredentialProviderConfig` file
 * (`--image-credential-provider-config`), decoded and validated with the kubelet's messages
 * (pkg/credentialprovider/plugin/config.go), a directory of such files merged in order, and which
 * providers apply to an image.
 *
 * Input is JSON text or an already-parsed object (the CLI reads YAML with the `yaml` package;
 * the library core stays free of a YAML dependency). Decoding is strict like the kubelet's
 * (unknown fields are errors). Where apimachinery's decoder would quote the whole document in its
 * message (it may hold `env` secrets), we name the problem without echoing the input, and JSON
 * type mismatches are reported as `<path>: expected <type>`; validation messages are the
 * kubelet's, byte for byte (`failed to validate credential provider config: …`).
 * @module
 */

import * as z from "zod/mini";
import { formatGoDurationNanos, parseGoDuration } from "../internal/go-duration.js";
import { toByteString } from "../internal/go-path-match.js";
import { goQuoteText } from "../internal/go-url.js";
import { lazy } from "../internal/lazy.js";
import { CredentialError, CredentialErrorCode } from "./errors.js";
import { fromJavaScriptValue, type GoJSONValue, parseGoJSONBytes } from "./go-json.js";
import {
  aggregateErrors,
  fieldDuplicate,
  fieldForbidden,
  fieldInvalidRaw,
  fieldInvalidString,
  fieldNotSupported,
  fieldRequired,
  goStringSliceLiteral,
  isQualifiedName,
} from "./k8s-field-errors.js";
import { splitSchemelessURL, urlsMatch } from "./url-match.js";

/**
 * The config file's API group and the versions the kubelet reads.
 * @example
 * CREDENTIAL_PROVIDER_CONFIG_VERSIONS.includes(doc.apiVersion);
 */
export const CREDENTIAL_PROVIDER_CONFIG_VERSIONS = [
  "kubelet.config.k8s.io/v1",
  "kubelet.config.k8s.io/v1beta1",
  "kubelet.config.k8s.io/v1alpha1",
] as const;

/**
 * The plugin API versions a provider may speak (`provider.apiVersion`), sorted as Go lists them.
 * @example
 * CREDENTIAL_PROVIDER_API_VERSIONS[0]; // "credentialprovider.kubelet.k8s.io/v1"
 */
export const CREDENTIAL_PROVIDER_API_VERSIONS = [
  "credentialprovider.kubelet.k8s.io/v1",
  "credentialprovider.kubelet.k8s.io/v1alpha1",
  "credentialprovider.kubelet.k8s.io/v1beta1",
] as const;

/**
 * Service-account token cache types (`tokenAttributes.cacheType`).
 * @example
 * SERVICE_ACCOUNT_TOKEN_CACHE_TYPES.join(", "); // "ServiceAccount, Token"
 */
export const SERVICE_ACCOUNT_TOKEN_CACHE_TYPES = ["ServiceAccount", "Token"] as const;

/**
 * `tokenAttributes` of a provider (service-account token mode).
 * @example
 * provider.tokenAttributes?.cacheType; // "ServiceAccount" | "Token"
 */
export interface ServiceAccountTokenAttributes {
  readonly serviceAccountTokenAudience: string;
  readonly requireServiceAccount?: boolean;
  readonly requiredServiceAccountAnnotationKeys: readonly string[];
  readonly optionalServiceAccountAnnotationKeys: readonly string[];
  readonly cacheType: string;
}

/**
 * One provider of a CredentialProviderConfig.
 * @example
 * for (const p of providersForImage(config, image)) console.log(p.name, p.matchImages);
 */
export interface CredentialProvider {
  /** Binary name in the plugin directory. */
  readonly name: string;
  /** Host globs (§4.5) the provider serves. */
  readonly matchImages: readonly string[];
  /** Cache time when the response gives none, in nanoseconds (absent when not set). */
  readonly defaultCacheDuration?: bigint;
  /** Plugin API version. */
  readonly apiVersion: string;
  /** Arguments passed to the binary. */
  readonly args: readonly string[];
  /** Environment variables added after the kubelet's own. */
  readonly env: readonly { readonly name: string; readonly value: string }[];
  /** Service-account token mode settings. */
  readonly tokenAttributes?: ServiceAccountTokenAttributes;
}

/**
 * A decoded (and, from {@link parseCredentialProviderConfig}, validated) config.
 * @example
 * const cfg: CredentialProviderConfig = parseCredentialProviderConfig(yamlParsedObject);
 */
export interface CredentialProviderConfig {
  readonly providers: readonly CredentialProvider[];
}

/**
 * Options for decoding and validating.
 * @example
 * parseCredentialProviderConfig(doc, { serviceAccountTokenForCredentialProviders: false });
 */
export interface CredentialProviderConfigOptions {
  /**
   * Feature gate `KubeletServiceAccountTokenForCredentialProviders` (default `true`, as in
   * Kubernetes 1.34+): when false, `tokenAttributes` is forbidden.
   */
  readonly serviceAccountTokenForCredentialProviders?: boolean;
}

/**
 * One file of a config directory.
 * @example
 * const f: CredentialProviderConfigFile = { fileName: "/etc/kubernetes/cp/ecr.yaml", content: parsed };
 */
export interface CredentialProviderConfigFile {
  /** File name (with its path as the kubelet would print it). */
  readonly fileName: string;
  /** The file's JSON text or its parsed content (e.g. from a YAML reader). */
  readonly content: string | unknown;
}

// Built on first use so that importing pullpolicy builds no schema (see internal/lazy.ts).
const configSchema = /* @__PURE__ */ lazy(() => {
  const stringList = z.array(z.string());
  const tokenAttributesSchema = z.object({
    serviceAccountTokenAudience: z.optional(z.string()),
    requireServiceAccount: z.optional(z.nullable(z.boolean())),
    requiredServiceAccountAnnotationKeys: z.optional(z.nullable(stringList)),
    optionalServiceAccountAnnotationKeys: z.optional(z.nullable(stringList)),
    cacheType: z.optional(z.string()),
  });
  const providerSchema = z.object({
    name: z.optional(z.string()),
    matchImages: z.optional(z.nullable(stringList)),
    defaultCacheDuration: z.optional(z.nullable(z.string())),
    apiVersion: z.optional(z.string()),
    args: z.optional(z.nullable(stringList)),
    env: z.optional(z.nullable(z.array(z.object({ name: z.string(), value: z.string() })))),
    tokenAttributes: z.optional(z.nullable(tokenAttributesSchema)),
  });
  return z.object({
    apiVersion: z.optional(z.string()),
    kind: z.optional(z.string()),
    providers: z.optional(z.nullable(z.array(providerSchema))),
  });
});

const KNOWN_FIELDS: Readonly<Record<string, readonly string[]>> = {
  config: ["apiVersion", "kind", "providers"],
  provider: [
    "name",
    "matchImages",
    "defaultCacheDuration",
    "apiVersion",
    "args",
    "env",
    "tokenAttributes",
  ],
  env: ["name", "value"],
  tokenAttributes: [
    "serviceAccountTokenAudience",
    "requireServiceAccount",
    "requiredServiceAccountAnnotationKeys",
    "optionalServiceAccountAnnotationKeys",
    "cacheType",
  ],
};

/** Strict decoding: unknown (or repeated) fields, with their paths. */
function unknownFields(tree: GoJSONValue): string[] {
  const out: string[] = [];
  const check = (v: GoJSONValue, kind: string, path: string): void => {
    if (v.kind !== "object") return;
    const known = KNOWN_FIELDS[kind] ?? [];
    const seen = new Set<string>();
    for (const [k, child] of v.entries) {
      const p = path === "" ? k : `${path}.${k}`;
      if (!known.includes(k)) out.push(`unknown field ${goQuoteText(p)}`);
      else if (seen.has(k)) out.push(`duplicate field ${goQuoteText(p)}`);
      seen.add(k);
      if (kind === "config" && k === "providers" && child.kind === "array") {
        child.items.forEach((item, i) => {
          check(item, "provider", `providers[${i}]`);
        });
      } else if (kind === "provider" && k === "env" && child.kind === "array") {
        child.items.forEach((item, i) => {
          check(item, "env", `${p}[${i}]`);
        });
      } else if (kind === "provider" && k === "tokenAttributes") {
        check(child, "tokenAttributes", p);
      }
    }
  };
  check(tree, "config", "");
  return out;
}

/** Back to a plain JS value (strings, arrays, objects built with null prototypes). */
function toPlain(v: GoJSONValue): unknown {
  switch (v.kind) {
    case "object": {
      const o: Record<string, unknown> = Object.create(null);
      for (const [k, child] of v.entries) o[k] = toPlain(child);
      return o;
    }
    case "array":
      return v.items.map(toPlain);
    case "string":
      return v.value;
    case "number":
      return Number(v.raw);
    case "bool":
      return v.value;
    case "null":
      return null;
  }
}

function decodeError(message: string): CredentialError {
  return new CredentialError(CredentialErrorCode.InvalidProviderConfig, message);
}

/** Decodes one document (no validation). */
function decodeConfig(content: string | unknown): CredentialProviderConfig | CredentialError {
  let tree: GoJSONValue | null;
  if (typeof content === "string") {
    const parsed = parseGoJSONBytes(toByteString(content));
    if (!parsed.ok) return decodeError(parsed.error);
    tree = parsed.value;
  } else tree = fromJavaScriptValue(content);
  if (tree === null || tree.kind !== "object") {
    return decodeError("couldn't decode CredentialProviderConfig: expected a JSON or YAML object");
  }
  const plain = toPlain(tree) as Record<string, unknown>;
  const apiVersion = typeof plain.apiVersion === "string" ? plain.apiVersion : "";
  const kind = typeof plain.kind === "string" ? plain.kind : "";
  if (kind === "") return decodeError("Object 'Kind' is missing in the document");
  if (apiVersion === "") return decodeError("Object 'apiVersion' is missing in the document");
  const slash = apiVersion.indexOf("/");
  const group = slash < 0 ? "" : apiVersion.slice(0, slash);
  if (
    !(CREDENTIAL_PROVIDER_CONFIG_VERSIONS as readonly string[]).includes(apiVersion) ||
    kind !== "CredentialProviderConfig"
  ) {
    if (group !== "kubelet.config.k8s.io" && kind === "CredentialProviderConfig") {
      return decodeError(`failed to decode CredentialProviderConfig, unexpected Group: ${group}`);
    }
    return decodeError(
      `no kind ${goQuoteText(kind)} is registered for version ${goQuoteText(apiVersion)}`,
    );
  }
  const strict = unknownFields(tree);
  if (strict.length > 0) return decodeError(`strict decoding error: ${strict.join(", ")}`);
  const shaped = z.safeParse(configSchema(), plain);
  if (!shaped.success) {
    const issue = shaped.error.issues[0];
    const path = issue === undefined ? "" : formatPath(issue.path);
    const expected = issue !== undefined && "expected" in issue ? String(issue.expected) : "";
    return decodeError(`${path}: ${expected === "" ? "invalid value" : `expected ${expected}`}`);
  }
  const providers: CredentialProvider[] = [];
  for (const p of shaped.data.providers ?? []) {
    let defaultCacheDuration: bigint | undefined;
    if (p.defaultCacheDuration !== undefined && p.defaultCacheDuration !== null) {
      const d = parseGoDuration(p.defaultCacheDuration);
      if (!d.ok) return decodeError(d.error);
      defaultCacheDuration = d.nanoseconds;
    }
    const t = p.tokenAttributes;
    const provider: CredentialProvider = {
      name: p.name ?? "",
      matchImages: p.matchImages ?? [],
      apiVersion: p.apiVersion ?? "",
      args: p.args ?? [],
      env: p.env ?? [],
      ...(defaultCacheDuration === undefined ? {} : { defaultCacheDuration }),
      ...(t === undefined || t === null
        ? {}
        : {
            tokenAttributes: {
              serviceAccountTokenAudience: t.serviceAccountTokenAudience ?? "",
              ...(t.requireServiceAccount === undefined || t.requireServiceAccount === null
                ? {}
                : { requireServiceAccount: t.requireServiceAccount }),
              requiredServiceAccountAnnotationKeys: t.requiredServiceAccountAnnotationKeys ?? [],
              optionalServiceAccountAnnotationKeys: t.optionalServiceAccountAnnotationKeys ?? [],
              cacheType: t.cacheType ?? "",
            },
          }),
    };
    providers.push(provider);
  }
  return { providers };
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path)
    out += typeof p === "number" ? `[${p}]` : `${out === "" ? "" : "."}${String(p)}`;
  return out;
}

function validateAnnotationKeys(path: string, keys: readonly string[]): string[] {
  const errs: string[] = [];
  const seen = new Set<string>();
  for (const k of keys) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(fieldInvalidString(path, k, msg));
    if (seen.has(k)) errs.push(fieldDuplicate(path, k));
    seen.add(k);
  }
  return errs;
}

function byteOrder(a: string, b: string): number {
  const x = toByteString(a);
  const y = toByteString(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The kubelet's `validateCredentialProviderConfig`: every problem, rendered as the kubelet
 * renders field errors (paths are `providers.<field>`, without an index, as upstream).
 * @example
 * validateCredentialProviderConfig({ providers: [] });
 * // ["providers: Required value: at least 1 item in plugins is required"]
 */
export function validateCredentialProviderConfig(
  config: CredentialProviderConfig,
  options: CredentialProviderConfigOptions = {},
): string[] {
  const gate = options.serviceAccountTokenForCredentialProviders ?? true;
  const errs: string[] = [];
  if (config.providers.length === 0) {
    errs.push(fieldRequired("providers", "at least 1 item in plugins is required"));
  }
  const seen = new Set<string>();
  for (const p of config.providers) {
    if (p.name.includes("/"))
      errs.push(fieldInvalidString("providers.name", p.name, "provider name cannot contain '/'"));
    if (p.name.includes(" "))
      errs.push(
        fieldInvalidString("providers.name", p.name, "provider name cannot contain spaces"),
      );
    if (p.name === ".")
      errs.push(fieldInvalidString("providers.name", p.name, "provider name cannot be '.'"));
    if (p.name === "..")
      errs.push(fieldInvalidString("providers.name", p.name, "provider name cannot be '..'"));
    if (seen.has(p.name)) errs.push(fieldDuplicate("providers.name", p.name));
    seen.add(p.name);
    if (p.apiVersion === "") errs.push(fieldRequired("providers.apiVersion"));
    else if (!(CREDENTIAL_PROVIDER_API_VERSIONS as readonly string[]).includes(p.apiVersion)) {
      errs.push(
        fieldNotSupported("providers.apiVersion", p.apiVersion, CREDENTIAL_PROVIDER_API_VERSIONS),
      );
    }
    if (p.matchImages.length === 0) {
      errs.push(
        fieldRequired("providers.matchImages", "at least 1 item in matchImages is required"),
      );
    }
    for (const m of p.matchImages) {
      const parsed = splitSchemelessURL(toByteString(m));
      if (!parsed.ok) {
        errs.push(
          fieldInvalidString("providers.matchImages", m, `match image is invalid: ${parsed.error}`),
        );
      }
    }
    if (p.defaultCacheDuration === undefined)
      errs.push(fieldRequired("providers.defaultCacheDuration"));
    else if (p.defaultCacheDuration < 0n) {
      errs.push(
        fieldInvalidRaw(
          "providers.defaultCacheDuration",
          formatGoDurationNanos(p.defaultCacheDuration),
          "must be greater than or equal to 0",
        ),
      );
    }
    const t = p.tokenAttributes;
    if (t !== undefined) {
      const path = "providers.tokenAttributes";
      if (!gate) {
        errs.push(
          fieldForbidden(
            path,
            "tokenAttributes is not supported when KubeletServiceAccountTokenForCredentialProviders feature gate is disabled",
          ),
        );
      }
      if (t.serviceAccountTokenAudience === "")
        errs.push(fieldRequired(`${path}.serviceAccountTokenAudience`));
      if (t.requireServiceAccount === undefined)
        errs.push(fieldRequired(`${path}.requireServiceAccount`));
      if (p.apiVersion !== "credentialprovider.kubelet.k8s.io/v1") {
        errs.push(
          fieldForbidden(
            path,
            "tokenAttributes is only supported for credentialprovider.kubelet.k8s.io/v1 API version",
          ),
        );
      }
      if (t.requireServiceAccount === false && t.requiredServiceAccountAnnotationKeys.length > 0) {
        errs.push(
          fieldForbidden(
            `${path}.requiredServiceAccountAnnotationKeys`,
            "requireServiceAccount cannot be false when requiredServiceAccountAnnotationKeys is set",
          ),
        );
      }
      errs.push(
        ...validateAnnotationKeys(
          `${path}.requiredServiceAccountAnnotationKeys`,
          t.requiredServiceAccountAnnotationKeys,
        ),
      );
      errs.push(
        ...validateAnnotationKeys(
          `${path}.optionalServiceAccountAnnotationKeys`,
          t.optionalServiceAccountAnnotationKeys,
        ),
      );
      const optional = new Set(t.optionalServiceAccountAnnotationKeys);
      const both = [...new Set(t.requiredServiceAccountAnnotationKeys)]
        .filter((k) => optional.has(k))
        .sort(byteOrder);
      if (both.length > 0) {
        errs.push(
          fieldInvalidRaw(
            path,
            goStringSliceLiteral(both),
            "annotation keys cannot be both required and optional",
          ),
        );
      }
      if (t.cacheType === "") {
        errs.push(
          fieldRequired(
            `${path}.cacheType`,
            `cacheType is required to be set when tokenAttributes is specified. Supported values are: ${SERVICE_ACCOUNT_TOKEN_CACHE_TYPES.join(", ")}`,
          ),
        );
      } else if (!(SERVICE_ACCOUNT_TOKEN_CACHE_TYPES as readonly string[]).includes(t.cacheType)) {
        errs.push(
          fieldNotSupported(`${path}.cacheType`, t.cacheType, SERVICE_ACCOUNT_TOKEN_CACHE_TYPES),
        );
      }
    }
  }
  return errs;
}

function validated(
  config: CredentialProviderConfig,
  options: CredentialProviderConfigOptions,
): CredentialProviderConfig {
  const errs = validateCredentialProviderConfig(config, options);
  if (errs.length > 0) {
    throw new CredentialError(
      CredentialErrorCode.InvalidProviderConfig,
      `failed to validate credential provider config: ${aggregateErrors(errs)}`,
      { problems: errs },
    );
  }
  return config;
}

/**
 * Decodes and validates one CredentialProviderConfig (JSON text or a parsed object, e.g. from
 * YAML), as the kubelet does at start-up; throws {@link CredentialError} with its message.
 * @example
 * const cfg = parseCredentialProviderConfig({
 *   apiVersion: "kubelet.config.k8s.io/v1", kind: "CredentialProviderConfig",
 *   providers: [{ name: "ecr-credential-provider", matchImages: ["*.dkr.ecr.*.amazonaws.com"],
 *     defaultCacheDuration: "12h", apiVersion: "credentialprovider.kubelet.k8s.io/v1" }] });
 * providersForImage(cfg, "123.dkr.ecr.us-east-1.amazonaws.com/app").map((p) => p.name);
 * // ["ecr-credential-provider"]
 */
export function parseCredentialProviderConfig(
  content: string | unknown,
  options: CredentialProviderConfigOptions = {},
): CredentialProviderConfig {
  const decoded = decodeConfig(content);
  if (decoded instanceof CredentialError) throw decoded;
  return validated(decoded, options);
}

/**
 * The directory form: the `*.json`, `*.yaml`, `*.yml` files sorted by name (byte order), each
 * decoded, providers concatenated (a name repeated across files is an error), then validated.
 * `directory` names the directory in the "no configuration files" message.
 * @example
 * mergeCredentialProviderConfigs([{ fileName: "/etc/kubelet/cp/10-ecr.yaml", content: ecr },
 *   { fileName: "/etc/kubelet/cp/20-gcr.yaml", content: gcr }], { directory: "/etc/kubelet/cp" });
 */
export function mergeCredentialProviderConfigs(
  files: readonly CredentialProviderConfigFile[],
  options: CredentialProviderConfigOptions & { readonly directory?: string } = {},
): CredentialProviderConfig {
  const chosen = files
    .filter((f) => /\.(json|yaml|yml)$/.test(f.fileName))
    .slice()
    .sort((a, b) => byteOrder(a.fileName, b.fileName));
  if (chosen.length === 0) {
    throw decodeError(
      `no configuration files found in directory ${goQuoteText(options.directory ?? "")}`,
    );
  }
  const providers: CredentialProvider[] = [];
  const names = new Set<string>();
  for (const file of chosen) {
    const decoded = decodeConfig(file.content);
    if (decoded instanceof CredentialError) {
      throw decodeError(`error decoding config ${goQuoteText(file.fileName)}: ${decoded.message}`);
    }
    for (const p of decoded.providers) {
      if (names.has(p.name)) {
        throw decodeError(
          `duplicate provider name ${goQuoteText(p.name)} found in configuration file(s)`,
        );
      }
      names.add(p.name);
      providers.push(p);
    }
  }
  return validated({ providers }, options);
}

/**
 * The providers the kubelet would ask for `image` (a normalised name): those with a
 * `matchImages` glob that URL-matches it (§4.5 rules, no Docker Hub fallback), in config order.
 * @example
 * providersForImage(cfg, "gcr.io/project/app").map((p) => p.name);
 */
export function providersForImage(
  config: CredentialProviderConfig,
  image: string,
): CredentialProvider[] {
  return config.providers.filter((p) => p.matchImages.some((m) => urlsMatch(m, image)));
}
