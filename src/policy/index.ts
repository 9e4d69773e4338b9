// Public surface of src/policy: Kubernetes' ParseImageName, imagePullPolicy defaulting on create
// and update, the API server's image validation, and the AlwaysPullImages admission plugin.
export {
  type AdmissionError,
  type AdmissionIgnoreReason,
  type AdmissionOperation,
  type AdmissionRequest,
  type AdmissionResource,
  type AdmitResult,
  admitAlwaysPullImages,
  type PolicyChange,
  type ValidateResult,
  validateAlwaysPullImages,
} from "./always-pull-images.js";
export {
  applyDefaultImageTag,
  type SafeApplyDefaultImageTagResult,
  safeApplyDefaultImageTag,
} from "./apply-default-image-tag.js";
export {
  applyPullPolicyDefaults,
  applyPullPolicyDefaultsOnUpdate,
  type DefaultingOptions,
  type SafeDefaultingResult,
  safeApplyPullPolicyDefaults,
  safeApplyPullPolicyDefaultsOnUpdate,
  type UpdateDefaultingOptions,
} from "./apply-pull-policy-defaults.js";
export {
  type DefaultPolicyDecision,
  type DefaultPolicyRule,
  defaultPullPolicy,
  explainDefaultPullPolicy,
} from "./default-pull-policy.js";
export type { FieldError, FieldErrorType } from "./field-error.js";
export {
  isManifestShapeError,
  ManifestShapeError,
  type ShapeIssue,
} from "./manifest-shape-error.js";
export {
  DEFAULT_IMAGE_TAG,
  type ParsedImageName,
  parseImageName,
  type SafeParseImageNameResult,
  safeParseImageName,
} from "./parse-image-name.js";
export { isPullPolicy, PULL_POLICIES, type PullPolicy } from "./pull-policy.js";
export type { UpdateMode } from "./resolve-policies.js";
export {
  type ImageFieldError,
  type ValidateImageFieldsOptions,
  validateImageFields,
} from "./validate-image-fields.js";
export {
  isWorkloadKind,
  podSpecPath,
  WORKLOAD_KINDS,
  type WorkloadKind,
} from "./workload-kinds.js";
