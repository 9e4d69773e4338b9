/**
 * The Secret that `kubectl create secret docker-registry` builds (kubectl
 * pkg/cmd/create/create_secret_docker.go), field for field: type
 * `kubernetes.io/dockerconfigjson`, one data key `.dockerconfigjson` holding Go's
 * `json.Marshal` of `{"auths": {<server>: {username, password, email, auth}}}` (empty fields
 * omitted, `auth` = base64(`username:password`)), the default server
 * `https://index.docker.io/v1/`, and kubectl's validation messages.
 *
 * The result necessarily contains the password (base64 in `data`): it is the object to apply.
 * @module
 */

import { goBase64StdEncode } from "../internal/go-base64.js";
import { toByteString } from "../internal/go-path-match.js";
import { CredentialError, CredentialErrorCode } from "./errors.js";

/**
 * Options of {@link createDockerRegistrySecret} (kubectl's flags).
 * @example
 * createDockerRegistrySecret({ name: "regcred", server: "ghcr.io", username: "bot", password: "pw" } satisfies DockerRegistrySecretInit);
 */
export interface DockerRegistrySecretInit {
  /** Secret name (required). */
  readonly name: string;
  /** Namespace; omitted from the object when not given (kubectl without `-n`). */
  readonly namespace?: string;
  /** `--docker-server`, default `https://index.docker.io/v1/`. */
  readonly server?: string;
  /** `--docker-username` (required). */
  readonly username: string;
  /** `--docker-password` (required). */
  readonly password: string;
  /** `--docker-email` (optional). */
  readonly email?: string;
}

/**
 * The Secret object, in kubectl's field order.
 * @example
 * const s: DockerRegistrySecret = createDockerRegistrySecret(init); // s.type === "kubernetes.io/dockerconfigjson"
 */
export interface DockerRegistrySecret {
  readonly kind: "Secret";
  readonly apiVersion: "v1";
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly creationTimestamp: null;
  };
  readonly data: { readonly ".dockerconfigjson": string };
  readonly type: "kubernetes.io/dockerconfigjson";
}

/**
 * kubectl's default `--docker-server`.
 * @example
 * DEFAULT_DOCKER_SERVER; // "https://index.docker.io/v1/"
 */
export const DEFAULT_DOCKER_SERVER = "https://index.docker.io/v1/";

const HEX = "0123456789abcdef";

/**
 * Go's `encoding/json` string encoding (HTML-safe, U+2028/9 escaped), on text.
 * @example
 * goJSONString("a<b"); // '"a\\u003cb"'
 */
export function goJSONString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c >= 0xd800 && c <= 0xdfff) out += "\\ufffd";
    else if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += "\\\\";
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c === 0x09) out += "\\t";
    else if (c === 0x08) out += "\\b";
    else if (c === 0x0c) out += "\\f";
    else if (c < 0x20 || c === 0x3c || c === 0x3e || c === 0x26 || c === 0x2028 || c === 0x2029) {
      out += `\\u${HEX[(c >> 12) & 15]}${HEX[(c >> 8) & 15]}${HEX[(c >> 4) & 15]}${HEX[c & 15]}`;
    } else out += ch;
  }
  return `${out}"`;
}

/**
 * The `.dockerconfigjson` text kubectl writes for one server (Go `json.Marshal` output).
 * @example
 * dockerConfigJSONFor("ghcr.io", "bot", "s3cret", "");
 * // '{"auths":{"ghcr.io":{"username":"bot","password":"s3cret","auth":"Ym90OnMzY3JldA=="}}}'
 */
export function dockerConfigJSONFor(
  server: string,
  username: string,
  password: string,
  email: string,
): string {
  const auth = goBase64StdEncode(toByteString(`${username}:${password}`));
  const fields: string[] = [];
  if (username !== "") fields.push(`"username":${goJSONString(username)}`);
  if (password !== "") fields.push(`"password":${goJSONString(password)}`);
  if (email !== "") fields.push(`"email":${goJSONString(email)}`);
  fields.push(`"auth":${goJSONString(auth)}`);
  return `{"auths":{${goJSONString(server)}:{${fields.join(",")}}}}`;
}

/**
 * What `kubectl create secret docker-registry NAME --docker-server=… --docker-username=…
 * --docker-password=… [--docker-email=…] [-n NS] --dry-run=client -o json` prints.
 * Throws {@link CredentialError} with kubectl's messages when the name or a required flag is
 * missing.
 * @example
 * const s = createDockerRegistrySecret({ name: "regcred", namespace: "shop",
 *   server: "registry.example.com", username: "ci", password: "s3cret" });
 * s.type;                       // "kubernetes.io/dockerconfigjson"
 * atob(s.data[".dockerconfigjson"]);
 * // '{"auths":{"registry.example.com":{"username":"ci","password":"s3cret","auth":"Y2k6czNjcmV0"}}}'
 */
export function createDockerRegistrySecret(init: DockerRegistrySecretInit): DockerRegistrySecret {
  if (typeof init !== "object" || init === null) {
    throw new CredentialError(
      CredentialErrorCode.InvalidArgument,
      "createDockerRegistrySecret: expected an options object",
    );
  }
  const name = typeof init.name === "string" ? init.name : "";
  if (name.length === 0) {
    throw new CredentialError(CredentialErrorCode.InvalidArgument, "name must be specified");
  }
  const server = init.server ?? DEFAULT_DOCKER_SERVER;
  const username = typeof init.username === "string" ? init.username : "";
  const password = typeof init.password === "string" ? init.password : "";
  if (
    username.length === 0 ||
    password.length === 0 ||
    typeof server !== "string" ||
    server.length === 0
  ) {
    throw new CredentialError(
      CredentialErrorCode.InvalidArgument,
      "either --from-file or the combination of --docker-username, --docker-password and --docker-server is required",
    );
  }
  const json = dockerConfigJSONFor(server, username, password, init.email ?? "");
  const metadata =
    init.namespace === undefined || init.namespace === ""
      ? { name, creationTimestamp: null }
      : { name, namespace: init.namespace, creationTimestamp: null };
  return {
    kind: "Secret",
    apiVersion: "v1",
    metadata,
    data: { ".dockerconfigjson": goBase64StdEncode(toByteString(json)) },
    type: "kubernetes.io/dockerconfigjson",
  };
}
