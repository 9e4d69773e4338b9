/**
 * Docker config files as the kubelet reads them (pkg/credentialprovider/config.go): the
 * `config.json` form `{"auths": {…}}` and the legacy `.dockercfg` bare map, decoded with Go's
 * `encoding/json` rules and error texts.
 *
 * - Entry fields read: `username`, `password`, `email`, `auth` (matched like Go: exact name,
 *   then case-insensitively). Any other field (`identitytoken`, `registrytoken`, …) is ignored
 *   (listed in `ignoredFields` so tools can warn). `null` leaves a field empty.
 * - A non-empty `auth` overrides username/password: padded base64 when the value, trimmed of
 *   white space, ends with `=`, else unpadded; `\r`/`\n` skipped, spaces not; split at the first
 *   `:`; no colon → `unable to parse auth field, must be formatted as base64(username:password)`.
 * - A wrong JSON type anywhere fails the whole document with Go's `UnmarshalTypeError` text.
 * - `credHelpers` / `credsStore` are not read by the kubelet; they are kept here, visible, so
 *   tools can warn that the node will not use them.
 * - Keys are ordinary strings (`__proto__` is a registry key like any other): entries are kept
 *   as a list in document order; a repeated key keeps its first position and its last value.
 * @module
 */

import * as z from "zod/mini";
import { goBase64RawStdDecode, goBase64StdDecode } from "../internal/go-base64.js";
import { fromByteString, toByteString } from "../internal/go-path-match.js";
import { lazy } from "../internal/lazy.js";
import { type CredentialSource, redactingPrototype, withHiddenPassword } from "./credential.js";
import { CredentialError, CredentialErrorCode } from "./errors.js";
import { fromJavaScriptValue, type GoJSONValue, parseGoJSONBytes } from "./go-json.js";

/**
 * One registry entry of a docker config. Its password never prints (see `Credential`).
 * @example
 * const [entry] = parseDockerConfig('{"reg.io":{"auth":"dTpw"}}').entries;
 * entry.username; // "u" (String(entry) hides the password)
 */
export interface DockerConfigEntry {
  /** The registry key exactly as written in the file (`https://index.docker.io/v1/`, …). */
  readonly registry: string;
  /** Username (from `auth` when that is set). */
  readonly username: string;
  /** Password (from `auth` when that is set). Non-enumerable; redacted in every printed form. */
  readonly password: string;
  /** Email, `""` when absent. */
  readonly email: string;
  /** Fields of the entry the kubelet ignores, e.g. `identitytoken`. */
  readonly ignoredFields: readonly string[];
}

/**
 * The two file formats.
 * @example
 * parseDockerConfig(text, { format: "dockercfg" satisfies DockerConfigFormat });
 */
export type DockerConfigFormat = "config.json" | "dockercfg";

/**
 * A decoded docker config.
 * @example
 * const cfg: DockerConfig = parseDockerConfig('{"auths":{}}'); // cfg.format === "config.json"
 */
export interface DockerConfig {
  /** Which format was decoded. */
  readonly format: DockerConfigFormat;
  /** Registry entries in document order. */
  readonly entries: readonly DockerConfigEntry[];
  /** `credHelpers` of a config.json (ignored by the kubelet), registry → helper. */
  readonly credHelpers: readonly (readonly [string, string])[];
  /** `credsStore` of a config.json (ignored by the kubelet), when present. */
  readonly credsStore?: string;
  /** Where the credentials come from; every keyring credential carries it. */
  readonly source: CredentialSource;
}

/**
 * Options of {@link parseDockerConfig}.
 * @example
 * parseDockerConfig(text, { format: "auto", source: { kind: "dockerConfig", file: "/root/.docker/config.json" } });
 */
export interface ParseDockerConfigOptions {
  /**
   * `"config.json"`, `"dockercfg"`, or `"auto"` (default): config.json when the top-level object
   * has an `auths` key (Go's field matching), else the legacy bare map.
   */
  readonly format?: DockerConfigFormat | "auto";
  /** Where the config comes from (defaults to `{kind: "dockerConfig"}`). */
  readonly source?: CredentialSource;
}

const entryProto = /* @__PURE__ */ lazy(() => redactingPrototype("DockerConfigEntry"));
const ENTRY_FIELDS = ["username", "password", "email", "auth"] as const;
type EntryField = (typeof ENTRY_FIELDS)[number];

/** Go's field-name folding (foldName): ASCII case plus the two non-ASCII folds that reach ASCII. */
function foldName(name: string): string {
  let out = "";
  for (const ch of name) {
    if (ch === "\u017f") out += "S";
    else if (ch === "\u212a") out += "K";
    else out += ch.length === 1 && ch >= "a" && ch <= "z" ? ch.toUpperCase() : ch;
  }
  return out;
}

/** Go's struct field lookup: exact name first, then the folded name. */
function matchField<T extends string>(key: string, fields: readonly T[]): T | undefined {
  for (const f of fields) if (f === key) return f;
  const folded = foldName(key);
  for (const f of fields) if (foldName(f) === folded) return f;
  return undefined;
}

/** Go's UnmarshalTypeError text. */
function typeError(kind: string, type: string, struct?: string, field?: string): string {
  if (struct !== undefined && field !== undefined) {
    return `json: cannot unmarshal ${kind} into Go struct field ${struct}.${field} of type ${type}`;
  }
  return `json: cannot unmarshal ${kind} into Go value of type ${type}`;
}

class DecodeFailure {
  constructor(readonly text: string) {}
}

/**
 * Go's decodeDockerConfigFieldAuth: `[username, password]` or the error text.
 * @example
 * decodeDockerConfigAuth("Zm9vOmJhcg=="); // ["foo", "bar"]
 * decodeDockerConfigAuth("cGFudHM=");     // "unable to parse auth field, must be formatted as base64(username:password)"
 */
export function decodeDockerConfigAuth(auth: string): readonly [string, string] | string {
  const bytes = toByteString(auth);
  const decoded = goTrimSpace(auth).endsWith("=")
    ? goBase64StdDecode(bytes)
    : goBase64RawStdDecode(bytes);
  if (!decoded.ok) return decoded.error;
  const colon = decoded.bytes.indexOf(":");
  if (colon < 0)
    return "unable to parse auth field, must be formatted as base64(username:password)";
  return [
    fromByteString(decoded.bytes.slice(0, colon)),
    fromByteString(decoded.bytes.slice(colon + 1)),
  ];
}

/** Go's unicode.IsSpace, for TrimSpace. */
function isGoSpace(c: number): boolean {
  if (c <= 0xff) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0;
  return (
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

function goTrimSpace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isGoSpace(s.charCodeAt(start))) start++;
  while (end > start && isGoSpace(s.charCodeAt(end - 1))) end--;
  return s.slice(start, end);
}

interface EntryContext {
  /** Outer struct context: config.json adds `DockerConfigJSON.auths` to type errors. */
  readonly outer: boolean;
}

/** DockerConfigEntry.UnmarshalJSON, on a decoded value. */
function decodeEntry(
  registry: string,
  value: GoJSONValue,
  ctx: EntryContext,
): DockerConfigEntry | DecodeFailure {
  const fields: Record<EntryField, string> = { username: "", password: "", email: "", auth: "" };
  const ignored: string[] = [];
  if (value.kind !== "object" && value.kind !== "null") {
    const type = "credentialprovider.dockerConfigEntryWithAuth";
    return new DecodeFailure(
      ctx.outer
        ? typeError(value.kind, type, "DockerConfigJSON", "auths")
        : typeError(value.kind, type),
    );
  }
  if (value.kind === "object") {
    let saved: string | undefined;
    for (const [key, v] of value.entries) {
      const field = matchField(key, ENTRY_FIELDS);
      if (field === undefined) {
        ignored.push(key);
        continue;
      }
      if (v.kind === "string") fields[field] = v.value;
      else if (v.kind !== "null" && saved === undefined) {
        saved = ctx.outer
          ? typeError(v.kind, "string", "DockerConfigJSON", `auths.${field}`)
          : typeError(v.kind, "string", "dockerConfigEntryWithAuth", field);
      }
    }
    if (saved !== undefined) return new DecodeFailure(saved);
  }
  let { username, password } = fields;
  if (fields.auth.length > 0) {
    const decoded = decodeDockerConfigAuth(fields.auth);
    if (typeof decoded === "string") return new DecodeFailure(decoded);
    [username, password] = decoded;
  }
  return withHiddenPassword(
    entryProto(),
    { registry, username, email: fields.email, ignoredFields: Object.freeze(ignored) },
    password,
  );
}

/** Sets `registry` in an ordered entry list: first position, last value (a Go map write). */
function putEntry(
  list: DockerConfigEntry[],
  index: Map<string, number>,
  entry: DockerConfigEntry,
): void {
  const at = index.get(entry.registry);
  if (at === undefined) {
    index.set(entry.registry, list.length);
    list.push(entry);
  } else list[at] = entry;
}

function decodeAuthsMap(
  value: GoJSONValue & { kind: "object" },
  ctx: EntryContext,
  list: DockerConfigEntry[],
  index: Map<string, number>,
): DecodeFailure | null {
  for (const [registry, v] of value.entries) {
    const entry = decodeEntry(registry, v, ctx);
    if (entry instanceof DecodeFailure) return entry;
    putEntry(list, index, entry);
  }
  return null;
}

interface Decoded {
  readonly format: DockerConfigFormat;
  readonly entries: DockerConfigEntry[];
  readonly credHelpers: [string, string][];
  readonly credsStore?: string;
}

function decodeLegacy(value: GoJSONValue): Decoded | DecodeFailure {
  const entries: DockerConfigEntry[] = [];
  if (value.kind === "null") return { format: "dockercfg", entries, credHelpers: [] };
  if (value.kind !== "object") {
    return new DecodeFailure(typeError(value.kind, "credentialprovider.DockerConfig"));
  }
  const failure = decodeAuthsMap(value, { outer: false }, entries, new Map());
  return failure ?? { format: "dockercfg", entries, credHelpers: [] };
}

function decodeConfigJSON(value: GoJSONValue): Decoded | DecodeFailure {
  const entries: DockerConfigEntry[] = [];
  const credHelpers: [string, string][] = [];
  let credsStore: string | undefined;
  if (value.kind === "null") return { format: "config.json", entries, credHelpers };
  if (value.kind !== "object") {
    return new DecodeFailure(typeError(value.kind, "credentialprovider.DockerConfigJSON"));
  }
  const index = new Map<string, number>();
  // Go keeps decoding after a type mismatch and reports the first one at the end; an error from
  // an entry's own UnmarshalJSON (bad auth, …) ends decoding at once.
  let saved: string | undefined;
  for (const [key, v] of value.entries) {
    if (key === "credHelpers" && v.kind === "object") {
      for (const [reg, helper] of v.entries) {
        if (helper.kind === "string") credHelpers.push([reg, helper.value]);
      }
    } else if (key === "credsStore" && v.kind === "string") credsStore = v.value;
    const field = matchField(key, ["auths", "HttpHeaders"] as const);
    if (field === "auths") {
      if (v.kind === "object") {
        const failure = decodeAuthsMap(v, { outer: true }, entries, index);
        if (failure !== null) return failure;
      } else if (v.kind !== "null" && saved === undefined) {
        saved = typeError(v.kind, "credentialprovider.DockerConfig", "DockerConfigJSON", "auths");
      }
    } else if (field === "HttpHeaders") {
      if (v.kind === "object") {
        for (const [, h] of v.entries) {
          if (h.kind !== "string" && h.kind !== "null" && saved === undefined) {
            saved = typeError(h.kind, "string", "DockerConfigJSON", "HttpHeaders");
          }
        }
      } else if (v.kind !== "null" && saved === undefined) {
        saved = typeError(v.kind, "map[string]string", "DockerConfigJSON", "HttpHeaders");
      }
    }
  }
  if (saved !== undefined) return new DecodeFailure(saved);
  const out: Decoded = { format: "config.json", entries, credHelpers };
  return credsStore === undefined ? out : { ...out, credsStore };
}

/**
 * Result of {@link safeParseDockerConfig}.
 * @example
 * const r: DockerConfigResult = safeParseDockerConfig("{"); // { ok: false, error: CredentialError }
 */
export type DockerConfigResult =
  | { readonly ok: true; readonly config: DockerConfig }
  | { readonly ok: false; readonly error: CredentialError };

function toTree(json: unknown): GoJSONValue | CredentialError {
  if (typeof json === "string") {
    const parsed = parseGoJSONBytes(toByteString(json));
    if (!parsed.ok)
      return new CredentialError(CredentialErrorCode.InvalidDockerConfig, parsed.error);
    return parsed.value;
  }
  if (json instanceof Uint8Array) {
    let bytes = "";
    for (let i = 0; i < json.length; i += 8192) {
      bytes += String.fromCharCode(...json.subarray(i, i + 8192));
    }
    const parsed = parseGoJSONBytes(bytes);
    if (!parsed.ok)
      return new CredentialError(CredentialErrorCode.InvalidDockerConfig, parsed.error);
    return parsed.value;
  }
  const tree = fromJavaScriptValue(json);
  if (tree === null) {
    return new CredentialError(
      CredentialErrorCode.InvalidArgument,
      "parseDockerConfig: expected JSON text, bytes, or a JSON-compatible value",
    );
  }
  return tree;
}

function detectFormat(tree: GoJSONValue): DockerConfigFormat {
  if (tree.kind !== "object") return "config.json";
  for (const [key] of tree.entries) if (matchField(key, ["auths"] as const)) return "config.json";
  return "dockercfg";
}

// The options come from callers (tools, CLI flags): checked at the boundary. The document itself
// goes through the Go-exact decoder above, whose error texts zod could not reproduce.
// Built on first use so that importing pullpolicy builds no schema (see internal/lazy.ts).
const optionsSchema = /* @__PURE__ */ lazy(() => {
  const sourceSchema = z.union([
    z.object({
      kind: z.literal("secret"),
      uid: z.string(),
      namespace: z.string(),
      name: z.string(),
    }),
    z.object({ kind: z.literal("dockerConfig"), file: z.optional(z.string()) }),
    z.object({
      kind: z.literal("plugin"),
      provider: z.string(),
      serviceAccount: z.optional(z.object({ namespace: z.string(), name: z.string() })),
    }),
  ]);
  return z.object({
    format: z.optional(z.enum(["config.json", "dockercfg", "auto"])),
    source: z.optional(sourceSchema),
  });
});

/**
 * Like {@link parseDockerConfig} but returns the error instead of throwing.
 * @example
 * const r = safeParseDockerConfig('{"auths":{"r":{"auth":"pants"}}}');
 * r.ok || r.error.message; // "illegal base64 data at input byte 4"
 */
export function safeParseDockerConfig(
  json: string | Uint8Array | unknown,
  options: ParseDockerConfigOptions = {},
): DockerConfigResult {
  const checked = z.safeParse(optionsSchema(), options);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const path = issue === undefined ? "" : issue.path.map(String).join(".");
    return {
      ok: false,
      error: new CredentialError(
        CredentialErrorCode.InvalidArgument,
        `parseDockerConfig options.${path}: invalid value`,
      ),
    };
  }
  const tree = toTree(json);
  if (tree instanceof CredentialError) return { ok: false, error: tree };
  const requested = options.format ?? "auto";
  const format = requested === "auto" ? detectFormat(tree) : requested;
  const decoded = format === "config.json" ? decodeConfigJSON(tree) : decodeLegacy(tree);
  if (decoded instanceof DecodeFailure) {
    return {
      ok: false,
      error: new CredentialError(CredentialErrorCode.InvalidDockerConfig, decoded.text),
    };
  }
  const config: DockerConfig = {
    format: decoded.format,
    entries: Object.freeze(decoded.entries),
    credHelpers: Object.freeze(decoded.credHelpers),
    ...(decoded.credsStore === undefined ? {} : { credsStore: decoded.credsStore }),
    source: options.source ?? { kind: "dockerConfig" },
  };
  return { ok: true, config: Object.freeze(config) };
}

/**
 * Decodes a docker config — `config.json` (`{"auths": …}`) or the legacy `.dockercfg` bare map —
 * exactly as the kubelet's Go decoder does. Accepts JSON text, UTF-8 bytes, or an already
 * parsed value. Throws {@link CredentialError} (code `INVALID_DOCKER_CONFIG`) with Go's error
 * text, which is what a pull using such a pull secret fails with; for a node config file the
 * kubelet logs `error occurred while trying to unmarshal json` instead and skips the file.
 * @example
 * const cfg = parseDockerConfig('{"auths":{"ghcr.io":{"auth":"Ym90OnMzY3JldA=="}}}');
 * cfg.entries[0].username; // "bot"
 * cfg.entries[0].password; // "s3cret" (never printed: String(cfg.entries[0]) shows [redacted])
 * parseDockerConfig('{"auths":{"r":{"email":false}}}');
 * // throws: json: cannot unmarshal bool into Go struct field DockerConfigJSON.auths.email of type string
 */
export function parseDockerConfig(
  json: string | Uint8Array | unknown,
  options: ParseDockerConfigOptions = {},
): DockerConfig {
  const r = safeParseDockerConfig(json, options);
  if (!r.ok) throw r.error;
  return r.config;
}

/**
 * An entry for {@link dockerConfigFromEntries}.
 * @example
 * dockerConfigFromEntries([["reg.io", { username: "u", password: "p" } satisfies DockerConfigEntryInit]]);
 */
export interface DockerConfigEntryInit {
  readonly username?: string;
  readonly password?: string;
  readonly email?: string;
}

/**
 * Builds a {@link DockerConfig} from registry → credential pairs (e.g. a plugin's `auth` map),
 * without JSON. Pairs are kept in the given order.
 * @example
 * const cfg = dockerConfigFromEntries([["*.gcr.io", { username: "u", password: "p" }]],
 *   { kind: "plugin", provider: "gcp" });
 */
export function dockerConfigFromEntries(
  pairs: Iterable<readonly [string, DockerConfigEntryInit]>,
  source: CredentialSource = { kind: "dockerConfig" },
): DockerConfig {
  const list: DockerConfigEntry[] = [];
  const index = new Map<string, number>();
  for (const [registry, init] of pairs) {
    putEntry(
      list,
      index,
      withHiddenPassword(
        entryProto(),
        { registry, username: init.username ?? "", email: init.email ?? "", ignoredFields: [] },
        init.password ?? "",
      ),
    );
  }
  return Object.freeze({
    format: "config.json",
    entries: Object.freeze(list),
    credHelpers: Object.freeze([]),
    source,
  });
}
