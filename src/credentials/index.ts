// Public surface of src/credentials: registry credentials exactly as the kubelet resolves them.

export type { GoDurationResult } from "../internal/go-duration.js";
export { parseGoDuration } from "../internal/go-duration.js";
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
export type { DockerRegistrySecret, DockerRegistrySecretInit } from "./docker-registry-secret.js";
export {
  createDockerRegistrySecret,
  DEFAULT_DOCKER_SERVER,
  dockerConfigJSONFor,
} from "./docker-registry-secret.js";
export { CredentialError, CredentialErrorCode } from "./errors.js";
export type { Keyring, SkippedKeyringEntry } from "./keyring.js";
export { createKeyring, normalizeKeyringKey, unionKeyrings } from "./keyring.js";
export type {
  NodeDockerConfigAttempt,
  NodeDockerConfigOptions,
  NodeDockerConfigResult,
} from "./node-docker-config.js";
export { findNodeDockerConfig } from "./node-docker-config.js";
export type {
  CredentialProvider,
  CredentialProviderConfig,
  CredentialProviderConfigFile,
  CredentialProviderConfigOptions,
  ServiceAccountTokenAttributes,
} from "./provider-config.js";
export {
  CREDENTIAL_PROVIDER_API_VERSIONS,
  CREDENTIAL_PROVIDER_CONFIG_VERSIONS,
  mergeCredentialProviderConfigs,
  parseCredentialProviderConfig,
  providersForImage,
  SERVICE_ACCOUNT_TOKEN_CACHE_TYPES,
  validateCredentialProviderConfig,
} from "./provider-config.js";
export type {
  CredentialProviderRequest,
  ProviderInvocation,
  ProviderInvocationContext,
} from "./provider-invocation.js";
export { credentialProviderInvocation } from "./provider-invocation.js";
export type {
  CredentialProviderResponse,
  ProviderCacheDecision,
  ProviderServiceAccount,
} from "./provider-response.js";
export {
  hexOfByteString,
  keyringFromProviderResponse,
  PluginCacheKeyType,
  parseCredentialProviderResponse,
  pluginCacheKey,
  pluginCacheLookupKeys,
  providerCacheEntry,
  serviceAccountCacheKey,
} from "./provider-response.js";
export type { PullSecret, PullSecretOptions } from "./pull-secrets.js";
export {
  dockerConfigsFromPullSecrets,
  keyringFromPullSecrets,
  PullSecretType,
} from "./pull-secrets.js";
export type { URLsMatchResult } from "./url-match.js";
export { urlsMatch, urlsMatchDetailed } from "./url-match.js";
