/**
 * The kubelet's pull decision (spec §3 and §6): back-off, limiter, pullers, KEP-2535 credential
 * checks and `EnsureImageExists`, over injected runtime, clock, credentials and records.
 * @module
 */
export type { Backoff, BackoffEntry, BackoffOptions } from "./backoff.js";
export { createBackoff, IMAGE_BACKOFF_INITIAL_MS, IMAGE_BACKOFF_MAX_MS } from "./backoff.js";
export type { Clock, ManualClock } from "./clock.js";
export { createManualClock } from "./clock.js";
export { credentialHash } from "./credential-hash.js";
export type {
  CredentialKind,
  CredentialLookup,
  PullCredential,
  PullCredentialSource,
  ServiceAccountCoordinates,
} from "./credentials.js";
export { credentialHashInput, credentialKind } from "./credentials.js";
export type { PullConfigErrorCode } from "./errors.js";
export { PullConfigError } from "./errors.js";
export { formatGoDuration, formatGoDurationNanos, truncateToMillisecond } from "./go-duration.js";
export type {
  EnsureImageRequest,
  ImageManager,
  ImageManagerOptions,
  PodIdentity,
  PullDecision,
  PullOutcome,
  RuntimeCallName,
} from "./image-manager.js";
export { createImageManager } from "./image-manager.js";
export type {
  AccessCheck,
  AccessRow,
  PodCredentials,
  PullManager,
  PullManagerOptions,
  RuntimeImageTags,
} from "./pull-manager.js";
export { createPullManager, WRITE_RECORD_WHILE_MATCHING_LIMIT } from "./pull-manager.js";
export type {
  MemoryPullRecords,
  MemoryPullRecordsOptions,
  PulledRecord,
  PullRecordStore,
  RecordedCredentials,
  RecordedSecret,
} from "./pull-records.js";
export { createMemoryPullRecords, mergePulledRecord } from "./pull-records.js";
export type { PullScheduler, PullSchedulerOptions, PullSchedulerStats } from "./pull-scheduler.js";
export {
  createPullScheduler,
  SERIAL_PULL_QUEUE_CAPACITY,
  validatePullScheduling,
} from "./pull-scheduler.js";
export type { TokenBucket, TokenBucketOptions } from "./rate-limiter.js";
export {
  createTokenBucket,
  DEFAULT_REGISTRY_BURST,
  DEFAULT_REGISTRY_PULL_QPS,
  PULL_QPS_EXCEEDED,
  validateRegistryLimits,
} from "./rate-limiter.js";
export type { PullEvent } from "./reasons.js";
export {
  aggregateErrorText,
  classifyPullError,
  PullEventReason,
  PullWaitingReason,
} from "./reasons.js";
export type {
  ImageRuntime,
  MemoryImage,
  MemoryPullBehaviour,
  MemoryRuntime,
  MemoryRuntimeCall,
  MemoryRuntimeOptions,
} from "./runtime.js";
export { createMemoryRuntime } from "./runtime.js";
export type {
  RegistryBehaviour,
  SimulationInput,
  SimulationResult,
  SimulationRow,
  SyncSchedule,
} from "./simulate.js";
export { MAX_SIMULATED_SYNCS, SIMULATED_PULL_ERROR, simulatePod } from "./simulate.js";
export type {
  AllowlistMatching,
  AllowlistPattern,
  AllowlistPatternResult,
  VerificationPolicy,
  VerificationPolicyOptions,
  VerificationPolicyResult,
} from "./verification-policy.js";
export {
  CredentialVerificationPolicy,
  createVerificationPolicy,
  DEFAULT_CREDENTIAL_VERIFICATION_POLICY,
  parseAllowlistPattern,
  validateAllowlist,
} from "./verification-policy.js";
