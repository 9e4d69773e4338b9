// Public surface of src/credentials: registry credentials exactly as the kubelet resolves them.

export type {
  Credential,
  CredentialInit,
  CredentialSource,
  RedactedCredential,
} from "./credential.js";
export { createCredential, REDACTED, redactCredential } from "./credential.js";
export { isDefaultRegistryMatch } from "./default-registry.js";
export type {
  DockerConfig,
  DockerConfigEntry,
  DockerConfigEntryInit,
  DockerConfigFormat,
  DockerConfigResult,
  ParseDockerConfigOptions,
} from "./docker-config.js";
export {
  decodeDockerConfigAuth,
  dockerConfigFromEntries,
  parseDockerConfig,
  safeParseDockerConfig,
} from "./docker-config.js";
export { CredentialError, CredentialErrorCode } from "./errors.js";
export type { Keyring, SkippedKeyringEntry } from "./keyring.js";
export { createKeyring, normalizeKeyringKey, unionKeyrings } from "./keyring.js";
export type { URLsMatchResult } from "./url-match.js";
export { urlsMatch, urlsMatchDetailed } from "./url-match.js";
