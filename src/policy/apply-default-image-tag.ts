/**
 * The kubelet's `applyDefaultImageTag` (pkg/kubelet/images): the image string it hands to the
 * container runtime (spec §3.3 step 1).
 * @module
 */
import { ImageReferenceError } from "../reference/index.js";
import { notAString, safeParseImageName } from "./parse-image-name.js";

/**
 * Outcome of {@link safeApplyDefaultImageTag}.
 *
 * @example
 * const r: SafeApplyDefaultImageTagResult = safeApplyDefaultImageTag("busybox");
 * if (r.success) r.data; // "busybox:latest"
 */
export type SafeApplyDefaultImageTagResult =
  | { readonly success: true; readonly data: string }
  | { readonly success: false; readonly error: ImageReferenceError };

/**
 * The runtime image string, without throwing. On a `ParseImageName` failure it returns that error:
 * the kubelet stops there (Warning `InspectFailed`, waiting reason `InvalidImageName`) and never
 * calls the runtime, so there is no runtime string for an unparsable image.
 *
 * @example
 * safeApplyDefaultImageTag("FAILED_IMAGE").success; // => false
 */
export function safeApplyDefaultImageTag(image: string): SafeApplyDefaultImageTagResult {
  if (typeof image !== "string") {
    return {
      success: false,
      error: new ImageReferenceError("NOT_A_STRING", notAString("safeApplyDefaultImageTag", image)),
    };
  }
  const parsed = safeParseImageName(image);
  if (!parsed.success) {
    return parsed;
  }
  const { tag, digest } = parsed.data;
  // Plain concatenation, never normalisation: the kubelet keeps `busybox`, not
  // `docker.io/library/busybox`, so the runtime sees the short name the user wrote.
  const needsTag = digest === "" && tag !== "" && !image.endsWith(`:${tag}`);
  return { success: true, data: needsTag ? `${image}:${tag}` : image };
}

/**
 * The kubelet's runtime image string: the image as written with `:<tag>` appended when
 * `ParseImageName` found no digest, a non-empty tag, and the image does not already end in
 * `:<tag>`; no normalisation. For an unparsable image it throws the `ParseImageName` error
 * (`couldn't parse image name "…": …`), which is exactly where the kubelet gives up with
 * `InvalidImageName`; use {@link safeApplyDefaultImageTag} to get it as data.
 *
 * @example
 * applyDefaultImageTag("busybox");            // => "busybox:latest"
 * applyDefaultImageTag("url:5000/repo");      // => "url:5000/repo:latest"
 * applyDefaultImageTag("localhost:5000");     // => "localhost:5000" (tag "5000" already written)
 * applyDefaultImageTag("root@sha256:" + "e".repeat(64)); // unchanged: digest-only
 */
export function applyDefaultImageTag(image: string): string {
  if (typeof image !== "string") {
    throw new TypeError(notAString("applyDefaultImageTag", image));
  }
  const result = safeApplyDefaultImageTag(image);
  if (!result.success) {
    throw result.error;
  }
  return result.data;
}
