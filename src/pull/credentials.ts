/**
 * What the pull decision needs from registry credentials, as minimal structural interfaces:
 * any keyring whose `lookup` returns objects with these fields fits, including the one built by
 * this package's credentials module.
 * @module
 */

/**
 * Where a credential came from. The kubelet tells three kinds apart for KEP-2535: a pod pull
 * secret (`kind: "secret"` with its coordinates), a credential provider plugin in service-account
 * mode (`kind: "plugin"` with `serviceAccount`), and node-wide credentials (everything else:
 * node docker config, plugins without a service account, or no source at all).
 *
 * @example
 * const fromSecret: PullCredentialSource = { kind: "secret", uid: "u1", namespace: "ns", name: "regcred" };
 */
export interface PullCredentialSource {
  readonly kind: string;
  readonly uid?: string;
  readonly namespace?: string;
  readonly name?: string;
  /** Plugins in service-account mode; the UID may be missing from a source that omits it. */
  readonly serviceAccount?:
    | { readonly uid?: string; readonly namespace: string; readonly name: string }
    | undefined;
}

/**
 * A Kubernetes ServiceAccount by coordinates.
 *
 * @example
 * const sa: ServiceAccountCoordinates = { uid: "sa-uid", namespace: "team", name: "puller" };
 */
export interface ServiceAccountCoordinates {
  readonly uid: string;
  readonly namespace: string;
  readonly name: string;
}

/**
 * One registry credential as the pull loop hands it to the runtime (CRI `AuthConfig`). Only
 * `username`/`password` (and `email`) come from docker config entries; the other fields exist
 * for plugin credentials. Never printed by this module.
 *
 * @example
 * const credential: PullCredential = {
 *   username: "robot",
 *   password: "s3cret",
 *   source: { kind: "secret", uid: "u1", namespace: "ns", name: "regcred" },
 * };
 */
export interface PullCredential {
  readonly username?: string;
  readonly password?: string;
  readonly email?: string | undefined;
  readonly auth?: string;
  readonly serverAddress?: string;
  readonly identityToken?: string;
  readonly registryToken?: string;
  readonly source?: PullCredentialSource | undefined;
}

/**
 * Gives the credentials that match an image, in the order the kubelet tries them (pod secrets,
 * node docker config, plugins). `lookup` receives `repoToPull` (the normalised name without
 * tag or digest). It may throw (or reject): for example a malformed pull secret, whose error
 * text then becomes the pod's waiting reason and message, as in the kubelet.
 *
 * @example
 * const none: CredentialLookup = { lookup: () => [] };
 */
export interface CredentialLookup {
  lookup(repoToPull: string): readonly PullCredential[] | Promise<readonly PullCredential[]>;
}

/** Go `encoding/json` string escaping (HTML-safe, as `json.Marshal` does). */
function goJsonString(value: string): string {
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    switch (code) {
      case 0x22:
        out += '\\"';
        break;
      case 0x5c:
        out += "\\\\";
        break;
      case 0x08:
        out += "\\b";
        break;
      case 0x0c:
        out += "\\f";
        break;
      case 0x0a:
        out += "\\n";
        break;
      case 0x0d:
        out += "\\r";
        break;
      case 0x09:
        out += "\\t";
        break;
      case 0x3c:
      case 0x3e:
      case 0x26:
      case 0x2028:
      case 0x2029:
        out += `\\u${code.toString(16).padStart(4, "0")}`;
        break;
      default:
        if (code < 0x20) out += `\\u00${code.toString(16).padStart(2, "0")}`;
        // A lone surrogate is invalid UTF-8 to Go, which writes U+FFFD in its place.
        else if (code >= 0xd800 && code <= 0xdfff) out += "\\ufffd";
        else out += char;
    }
  }
  return `${out}"`;
}

/**
 * The JSON document the kubelet hashes for a credential: Go's `json.Marshal` of its
 * `AuthConfig` (fields `username`, `password`, `auth`, `email`, `serveraddress`,
 * `identitytoken`, `registrytoken` in that order, empty ones omitted, HTML characters escaped).
 * Contains the password: it is only ever fed to the hash.
 *
 * @example
 * credentialHashInput({ username: "u", password: "p<" }); // '{"username":"u","password":"p\\u003c"}'
 */
export function credentialHashInput(credential: PullCredential): string {
  const fields: ReadonlyArray<readonly [string, string | undefined]> = [
    ["username", credential.username],
    ["password", credential.password],
    ["auth", credential.auth],
    ["email", credential.email],
    ["serveraddress", credential.serverAddress],
    ["identitytoken", credential.identityToken],
    ["registrytoken", credential.registryToken],
  ];
  const parts: string[] = [];
  for (const [key, value] of fields) {
    if (typeof value === "string" && value !== "") parts.push(`"${key}":${goJsonString(value)}`);
  }
  return `{${parts.join(",")}}`;
}

/**
 * How KEP-2535 sees a credential: from a pod secret (with coordinates), from a service-account
 * plugin (with the service account), or node-wide.
 *
 * @example
 * credentialKind({ source: { kind: "dockerConfig" } }); // { kind: "node" }
 */
export type CredentialKind =
  | {
      readonly kind: "secret";
      readonly uid: string;
      readonly namespace: string;
      readonly name: string;
    }
  | { readonly kind: "serviceAccount"; readonly serviceAccount: ServiceAccountCoordinates }
  | { readonly kind: "node" };

/**
 * Classifies a credential's source for KEP-2535 (see {@link CredentialKind}).
 *
 * @example
 * credentialKind({ source: { kind: "secret", uid: "u", namespace: "ns", name: "s" } }).kind; // "secret"
 * credentialKind(undefined).kind; // "node" (an anonymous pull is node-wide too)
 */
export function credentialKind(credential: PullCredential | undefined): CredentialKind {
  const source = credential?.source;
  if (source?.kind === "secret") {
    return {
      kind: "secret",
      uid: source.uid ?? "",
      namespace: source.namespace ?? "",
      name: source.name ?? "",
    };
  }
  if (source?.serviceAccount !== undefined) {
    const { uid = "", namespace, name } = source.serviceAccount;
    return { kind: "serviceAccount", serviceAccount: { uid, namespace, name } };
  }
  return { kind: "node" };
}
