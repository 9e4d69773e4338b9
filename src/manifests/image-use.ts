/**
 * The walker's record of one image in a Kubernetes object.
 * @module
 */
import type { DefaultPolicyRule, PullPolicy } from "../policy/index.js";

/**
 * Re-exported from the defaulting engine, which defines them: where an image is written, and
 * where its effective policy came from.
 * @example
 * const use: { source: ImageSource; origin: PolicyOrigin } = { source: "container", origin: "explicit" };
 */
export type { ImageSource } from "../policy/pod-specs.js";
/** See {@link ImageSource}. @example const o: PolicyOrigin = "defaulted"; */
export type { PolicyOrigin } from "../policy/resolve-policies.js";

import type { ImageSource } from "../policy/pod-specs.js";
import type { PolicyOrigin } from "../policy/resolve-policies.js";

/**
 * What can be wrong with an image field:
 * - `IMAGE_REQUIRED`: empty image (API server: `Required value`)
 * - `IMAGE_WHITESPACE`: leading or trailing whitespace where the API server refuses it
 * - `UNSUPPORTED_PULL_POLICY`: a policy other than Always, IfNotPresent, Never
 * - `EPHEMERAL_IN_TEMPLATE`: ephemeral containers in a workload's pod template
 * - `INVALID_IMAGE_NAME`: accepted by the API server, rejected by the kubelet because
 *   ParseImageName fails (`FAILED_IMAGE`, `<your-image>`, `repo:Latest@sha256:123`): the container
 *   never starts and waits with reason `InvalidImageName`
 *
 * @example
 * const code: ImageFindingCode = "INVALID_IMAGE_NAME";
 */
export type ImageFindingCode =
  | "IMAGE_REQUIRED"
  | "IMAGE_WHITESPACE"
  | "UNSUPPORTED_PULL_POLICY"
  | "EPHEMERAL_IN_TEMPLATE"
  | "INVALID_IMAGE_NAME";

/**
 * A problem with one image field, with the upstream text: the API server's validation message
 * (`stage: "api-server"`, the create is refused) or the kubelet's event message (`stage: "node"`,
 * the object is accepted and the container fails to start).
 *
 * @example
 * const f: ImageFinding = { code: "INVALID_IMAGE_NAME", stage: "node", waitingReason: "InvalidImageName",
 *   message: 'Failed to apply default image tag "FAILED_IMAGE": couldn\'t parse image name "FAILED_IMAGE": invalid reference format: repository name (library/FAILED_IMAGE) must be lowercase' };
 */
export interface ImageFinding {
  readonly code: ImageFindingCode;
  readonly stage: "api-server" | "node";
  /** Upstream text: the field error (`spec.containers[0].image: Required value`) or the kubelet event. */
  readonly message: string;
  /** For `node` findings: the container's waiting reason. */
  readonly waitingReason?: "InvalidImageName";
}

/**
 * What Kubernetes' ParseImageName makes of the image (`null` when it fails).
 *
 * @example
 * const r: ImageNameSummary = { repoToPull: "docker.io/library/nginx", tag: "latest", digest: "" };
 */
export interface ImageNameSummary {
  readonly repoToPull: string;
  readonly tag: string;
  readonly digest: string;
}

/**
 * One image in a Kubernetes object: where it is, what is written, and the pull policy the API
 * server gives it, with the reason.
 *
 * @example
 * const [use] = findImages({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" },
 *   spec: { template: { spec: { containers: [{ name: "web", image: "nginx" }] } } } });
 * use.path;            // "spec.template.spec.containers[0]"
 * use.effectivePolicy; // "Always"
 */
export interface ImageUse {
  readonly kind: string;
  readonly apiVersion: string | null;
  readonly name: string | null;
  readonly namespace: string | null;
  /** The container or volume: `spec.template.spec.containers[0]`, `spec.volumes[1].image`; `items[2].` prefixed inside a List. */
  readonly path: string;
  /** The image field: `….containers[0].image` or `spec.volumes[1].image.reference`. */
  readonly imagePath: string;
  /** The policy field: `….containers[0].imagePullPolicy` or `spec.volumes[1].image.pullPolicy`. */
  readonly policyPath: string;
  readonly source: ImageSource;
  /** Container name, or volume name for an image volume; `null` when absent. */
  readonly containerName: string | null;
  /** The image as written, `""` when absent. */
  readonly image: string;
  /** The policy as written, `null` when absent. */
  readonly imagePullPolicy: string | null;
  /** The policy after API-server defaulting; an explicit value is kept as written, even an invalid one. */
  readonly effectivePolicy: PullPolicy | string;
  readonly policyOrigin: PolicyOrigin;
  /** The defaulting rule applied (`null` when the policy was not computed). */
  readonly rule: DefaultPolicyRule | null;
  /** One plain sentence: the rule that decided the effective policy. */
  readonly reason: string;
  /** ParseImageName's result, `null` when the image does not parse. */
  readonly imageName: ImageNameSummary | null;
  /** Problems with this image field, empty when there are none. */
  readonly findings: readonly ImageFinding[];
}
