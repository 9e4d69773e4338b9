/**
 * Everything the CLI says about one image reference, as plain data with a fixed field order:
 * shared by `parse` (which prints it) and `explain` (which uses the normalized form).
 */
import {
  applyDefaultImageTag,
  explainDefaultPullPolicy,
  familiarName,
  familiarString,
  safeParseDockerRef,
  safeParseNormalizedNamed,
} from "../index.js";

/**
 * The forms of one reference; `null` for what the reference does not have.
 * @example
 * const r: ReferenceReport = describeReference("localhost:5000"); r.tag; // "5000"
 */
export interface ReferenceReport {
  readonly input: string;
  readonly valid: boolean;
  /** String() of ParseNormalizedNamed, e.g. `docker.io/library/nginx:1.25`. */
  readonly normalized: string | null;
  /** FamiliarString, e.g. `nginx:1.25`. */
  readonly familiar: string | null;
  readonly name: string | null;
  readonly familiarName: string | null;
  readonly domain: string | null;
  readonly path: string | null;
  readonly tag: string | null;
  readonly digest: string | null;
  /** String() of ParseDockerRef (the tag is dropped when a digest is present; `latest` added when neither). */
  readonly dockerRef: string | null;
  readonly dockerRefError: string | null;
  /** The image string the kubelet hands the container runtime (applyDefaultImageTag). */
  readonly kubeletImage: string | null;
  /** The policy the API server gives a container with this image and no imagePullPolicy. */
  readonly defaultPullPolicy: "Always" | "IfNotPresent";
  readonly defaultPolicyReason: string;
  readonly error: { readonly code: string; readonly message: string } | null;
}

/**
 * Parses one reference and describes every form of it. Never throws.
 * @example
 * describeReference("nginx").normalized; // "docker.io/library/nginx"
 * describeReference("FAILED_IMAGE").error?.message;
 * // "invalid reference format: repository name (library/FAILED_IMAGE) must be lowercase"
 */
export function describeReference(input: string): ReferenceReport {
  const parsed = safeParseNormalizedNamed(input);
  const policy = explainDefaultPullPolicy(input);
  if (!parsed.success) {
    return {
      input,
      valid: false,
      normalized: null,
      familiar: null,
      name: null,
      familiarName: null,
      domain: null,
      path: null,
      tag: null,
      digest: null,
      dockerRef: null,
      dockerRefError: null,
      kubeletImage: null,
      defaultPullPolicy: policy.policy,
      defaultPolicyReason: policy.reason,
      error: { code: parsed.error.code, message: parsed.error.message },
    };
  }
  const ref = parsed.reference;
  const docker = safeParseDockerRef(input);
  return {
    input,
    valid: true,
    normalized: String(ref),
    familiar: familiarString(ref),
    name: ref.name,
    familiarName: familiarName(ref),
    domain: ref.domain,
    path: ref.path,
    tag: ref.tag ?? null,
    digest: ref.digest ?? null,
    dockerRef: docker.success ? String(docker.reference) : null,
    dockerRefError: docker.success ? null : docker.error.message,
    kubeletImage: applyDefaultImageTag(input),
    defaultPullPolicy: policy.policy,
    defaultPolicyReason: policy.reason,
    error: null,
  };
}
