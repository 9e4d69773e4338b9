/**
 * The kubelet's waiting reasons and event reasons for image pulls, and how a runtime error
 * becomes one of them.
 * @module
 */

/**
 * Container waiting reasons the image manager produces (the text of its error values).
 * A few failures (a bad pull secret, a failed intent write) use the raw error text instead.
 *
 * @example
 * decision.reason === PullWaitingReason.ImagePullBackOff;
 */
export const PullWaitingReason = {
  ImagePullBackOff: "ImagePullBackOff",
  ImageInspectError: "ImageInspectError",
  ErrImagePull: "ErrImagePull",
  ErrImageNeverPull: "ErrImageNeverPull",
  InvalidImageName: "InvalidImageName",
  RegistryUnavailable: "RegistryUnavailable",
  SignatureValidationFailed: "SignatureValidationFailed",
} as const;

/**
 * One of the {@link PullWaitingReason} values.
 *
 * @example
 * const reason: PullWaitingReason = "ErrImagePull";
 */
export type PullWaitingReason = (typeof PullWaitingReason)[keyof typeof PullWaitingReason];

/**
 * Event reasons recorded by the image manager (pkg/kubelet/events).
 *
 * @example
 * events.filter((e) => e.reason === PullEventReason.BackOff);
 */
export const PullEventReason = {
  Pulling: "Pulling",
  Pulled: "Pulled",
  Failed: "Failed",
  InspectFailed: "InspectFailed",
  ErrImageNeverPull: "ErrImageNeverPull",
  BackOff: "BackOff",
} as const;

/**
 * One of the {@link PullEventReason} values.
 *
 * @example
 * const reason: PullEventReason = "BackOff";
 */
export type PullEventReason = (typeof PullEventReason)[keyof typeof PullEventReason];

/**
 * A Kubernetes Event as the image manager records it.
 *
 * @example
 * const e: PullEvent = { type: "Normal", reason: "Pulling", message: 'Pulling image "nginx"' };
 */
export interface PullEvent {
  readonly type: "Normal" | "Warning";
  readonly reason: PullEventReason;
  readonly message: string;
}

/**
 * Classifies a failed pull as the kubelet does (`evalCRIPullErr`): an error text starting with
 * `RegistryUnavailable` or `SignatureValidationFailed` gets its own reason and a sentence, with
 * the rest of the text (typically `: details`) kept; anything else is `ErrImagePull` with the
 * error text as message.
 *
 * @example
 * classifyPullError("typo_image", "SignatureValidationFailed");
 * // { reason: "SignatureValidationFailed",
 * //   message: "image pull failed for typo_image because the signature validation failed" }
 * classifyPullError("app", "RegistryUnavailable: dial tcp: i/o timeout").message;
 * // "image pull failed for app because the registry is unavailable: dial tcp: i/o timeout"
 */
export function classifyPullError(
  image: string,
  errorText: string,
): { reason: PullWaitingReason; message: string } {
  const registry = PullWaitingReason.RegistryUnavailable;
  if (errorText.startsWith(registry)) {
    return {
      reason: registry,
      message: `image pull failed for ${image} because the registry is unavailable${errorText.slice(registry.length)}`,
    };
  }
  const signature = PullWaitingReason.SignatureValidationFailed;
  if (errorText.startsWith(signature)) {
    return {
      reason: signature,
      message: `image pull failed for ${image} because the signature validation failed${errorText.slice(signature.length)}`,
    };
  }
  return { reason: PullWaitingReason.ErrImagePull, message: errorText };
}

/**
 * The text of Kubernetes' error aggregate (`utilerrors.NewAggregate(errs).Error()`), used when
 * every credential failed: one error → its text; several → the distinct texts in order joined
 * with `, ` inside brackets; all identical → that one text.
 *
 * @example
 * aggregateErrorText(["401 Unauthorized"]);                      // "401 Unauthorized"
 * aggregateErrorText(["401 Unauthorized", "403 Forbidden"]);     // "[401 Unauthorized, 403 Forbidden]"
 * aggregateErrorText(["401 Unauthorized", "401 Unauthorized"]); // "401 Unauthorized"
 */
export function aggregateErrorText(texts: readonly string[]): string {
  if (texts.length === 0) return "";
  if (texts.length === 1) return texts[0] as string;
  const distinct = [...new Set(texts)];
  const joined = distinct.join(", ");
  return distinct.length === 1 ? joined : `[${joined}]`;
}
