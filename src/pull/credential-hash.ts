/**
 * The hash KEP-2535 records for a pod-secret credential.
 * @module
 */
import { sha256Hex } from "../internal/sha256.js";
import { credentialHashInput, type PullCredential } from "./credentials.js";

/**
 * The kubelet's credential hash: the SHA-256 hex of Go's `json.Marshal` of the credential's
 * `AuthConfig` (see {@link credentialHashInput}). Two secrets holding the same username,
 * password and email hash the same, which is how a pod with a different secret for the same
 * account is recognised (§6.4 row 9).
 *
 * @example
 * credentialHash({ username: "u", password: "p" }).length; // 64
 */
export function credentialHash(credential: PullCredential): string {
  return sha256Hex(credentialHashInput(credential));
}
