/**
 * Credentials as the kubelet holds them (`TrackedAuthConfig`: an AuthConfig plus where it came
 * from), built so that the password cannot leave by accident: it is a non-enumerable property
 * (so spreading, `Object.entries` and `structuredClone` drop it) and `toString`, `toJSON`
 * (`JSON.stringify`) and Node's `util.inspect` (through `Symbol.for("nodejs.util.inspect.custom")`,
 * which needs no Node import) all print `[redacted]`. Read `credential.password` to use it.
 * @module
 */

/**
 * What every printed form shows instead of a password.
 * @example
 * String(credential).includes(REDACTED); // true
 */
export const REDACTED = "[redacted]";

/**
 * Where a credential came from (the pull helper needs secret coordinates for KEP-2535).
 * @example
 * const src: CredentialSource = { kind: "secret", uid: "9f1c", namespace: "shop", name: "regcred" };
 */
export type CredentialSource =
  | {
      readonly kind: "secret";
      readonly uid: string;
      readonly namespace: string;
      readonly name: string;
    }
  | { readonly kind: "dockerConfig"; readonly file?: string }
  | {
      readonly kind: "plugin";
      readonly provider: string;
      readonly serviceAccount?: { readonly namespace: string; readonly name: string };
    };

/**
 * A registry credential found by a keyring lookup.
 * @example
 * for (const c of keyring.lookup("ghcr.io/org/app")) console.log(String(c)); // password redacted
 */
export interface Credential {
  /** The normalised keyring key it is filed under (e.g. `quay.io/org`). */
  readonly key: string;
  /** Username to send. */
  readonly username: string;
  /** Password to send. Non-enumerable; never printed (see module doc). */
  readonly password: string;
  /** Email from the docker config, when one was given. */
  readonly email?: string;
  /** Where it came from. */
  readonly source: CredentialSource;
}

/**
 * A credential with its password replaced by {@link REDACTED}, safe to print or serialise.
 * @example
 * const safe: RedactedCredential = redactCredential(credential); // safe.password === "[redacted]"
 */
export interface RedactedCredential {
  readonly key: string;
  readonly username: string;
  readonly password: typeof REDACTED;
  readonly email?: string;
  readonly source: CredentialSource;
}

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

interface HasPassword {
  readonly password: string;
}

/** Fields shown in place of the whole object: everything enumerable plus a redacted password. */
function publicView(target: object): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const key of Object.keys(target)) {
    view[key] = (target as Record<string, unknown>)[key];
  }
  view.password = REDACTED;
  return view;
}

function makeProto(typeName: string): object {
  const proto = {
    toJSON(this: object): Record<string, unknown> {
      return publicView(this);
    },
    toString(this: object): string {
      return `${typeName} ${JSON.stringify(publicView(this))}`;
    },
    [INSPECT](this: object): string {
      return `${typeName} ${JSON.stringify(publicView(this))}`;
    },
  };
  for (const key of ["toJSON", "toString"]) {
    Object.defineProperty(proto, key, { enumerable: false });
  }
  Object.defineProperty(proto, INSPECT, { enumerable: false });
  return Object.freeze(proto);
}

const CREDENTIAL_PROTO = /* @__PURE__ */ makeProto("Credential");

/**
 * Creates a frozen object whose `password` is non-enumerable and redacted in every printed form.
 * Used for {@link Credential} and for docker config entries.
 * @example
 * const c = withHiddenPassword(redactingPrototype("Login"), { username: "u" }, "s3cret");
 * String(c).includes("s3cret"); // false
 * c.password;                   // "s3cret"
 */
export function withHiddenPassword<T extends object>(
  proto: object,
  fields: T,
  password: string,
): T & HasPassword {
  const obj = Object.create(proto) as T & HasPassword;
  Object.assign(obj, fields);
  Object.defineProperty(obj, "password", { value: password, enumerable: false });
  return Object.freeze(obj);
}

/**
 * A prototype giving `toString` / `toJSON` / inspect with a redacted password, labelled
 * `typeName` (for other password-carrying records such as docker config entries).
 * @example
 * const proto = redactingPrototype("DockerConfigEntry");
 */
export function redactingPrototype(typeName: string): object {
  return makeProto(typeName);
}

/**
 * Fields of {@link createCredential}.
 * @example
 * createCredential({ key: "reg.io", username: "u", password: "p", source: { kind: "dockerConfig" } } satisfies CredentialInit);
 */
export interface CredentialInit {
  readonly key: string;
  readonly username: string;
  readonly password: string;
  readonly email?: string | undefined;
  readonly source: CredentialSource;
}

/**
 * Creates a {@link Credential} whose password never prints.
 * @example
 * const c = createCredential({ key: "ghcr.io", username: "bot", password: "s3cret",
 *   source: { kind: "dockerConfig" } });
 * JSON.stringify(c); // '{"key":"ghcr.io","username":"bot","source":{"kind":"dockerConfig"},"password":"[redacted]"}'
 * c.password;        // "s3cret"
 */
export function createCredential(init: CredentialInit): Credential {
  const fields: { key: string; username: string; email?: string; source: CredentialSource } = {
    key: init.key,
    username: init.username,
    source: init.source,
  };
  if (init.email !== undefined && init.email !== "") fields.email = init.email;
  return withHiddenPassword(CREDENTIAL_PROTO, fields, init.password);
}

/**
 * A plain, printable copy of a credential with the password replaced by `[redacted]`.
 * @example
 * redactCredential(c).password; // "[redacted]"
 */
export function redactCredential(credential: Credential): RedactedCredential {
  const out: {
    key: string;
    username: string;
    password: typeof REDACTED;
    email?: string;
    source: CredentialSource;
  } = {
    key: credential.key,
    username: credential.username,
    password: REDACTED,
    source: credential.source,
  };
  if (credential.email !== undefined) out.email = credential.email;
  return out;
}
