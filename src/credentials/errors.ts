/**
 * The one error type of the credentials area. Messages carry Kubernetes' own text (Go's
 * `err.Error()`) and are built only from structure, never from secret values, so an error can be
 * logged whole.
 * @module
 */

/**
 * Stable codes for {@link CredentialError}.
 * @example
 * if (err instanceof CredentialError && err.code === CredentialErrorCode.InvalidPullSecret) retry();
 */
export const CredentialErrorCode = {
  /** A docker config (config.json / .dockercfg) that Go's decoder rejects. */
  InvalidDockerConfig: "INVALID_DOCKER_CONFIG",
  /** A pull secret whose docker config fails to decode (fails the whole secret list). */
  InvalidPullSecret: "INVALID_PULL_SECRET",
  /** A pull secret from another namespace than the pod's. */
  ForeignNamespaceSecret: "FOREIGN_NAMESPACE_SECRET",
  /** A CredentialProviderConfig that the kubelet refuses. */
  InvalidProviderConfig: "INVALID_PROVIDER_CONFIG",
  /** A CredentialProviderResponse that the kubelet discards. */
  InvalidProviderResponse: "INVALID_PROVIDER_RESPONSE",
  /** An argument of the wrong shape (not a string, not an object, …). */
  InvalidArgument: "INVALID_ARGUMENT",
} as const;

/**
 * One of the {@link CredentialErrorCode} values.
 * @example
 * if (err instanceof CredentialError && err.code === CredentialErrorCode.InvalidPullSecret) retry();
 */
export type CredentialErrorCode = (typeof CredentialErrorCode)[keyof typeof CredentialErrorCode];

/**
 * Error thrown by the credentials functions; `message` is the upstream text.
 * @example
 * try { parseDockerConfig("{"); } catch (e) {
 *   if (e instanceof CredentialError) console.log(e.code, e.message);
 *   // INVALID_DOCKER_CONFIG unexpected end of JSON input
 * }
 */
export class CredentialError extends Error {
  /** Stable machine-readable code. */
  readonly code: CredentialErrorCode;
  /** Every problem found, when there are several (provider config validation); else `[message]`. */
  readonly problems: readonly string[];
  /** What the error is about, when that is not the whole input (e.g. `secret "ns/name"`). */
  readonly subject?: string;

  constructor(
    code: CredentialErrorCode,
    message: string,
    options: { readonly problems?: readonly string[]; readonly subject?: string } = {},
  ) {
    super(message);
    this.name = "CredentialError";
    this.code = code;
    this.problems = options.problems ?? [message];
    if (options.subject !== undefined) this.subject = options.subject;
  }
}
