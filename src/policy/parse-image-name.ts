/**
 * Kubernetes' `ParseImageName` (pkg/util/parsers): the one parser that both the API server's
 * pull-policy defaulting and the kubelet use to read a container image string.
 * @module
 */
import { ImageReferenceError, safeParseNormalizedNamed } from "../reference/index.js";
import { imageNameError } from "./image-name-error.js";

/**
 * What `ParseImageName` returns for an image string that parses.
 *
 * @example
 * const parsed: ParsedImageName = { repoToPull: "docker.io/library/nginx", tag: "latest", digest: "" };
 */
export interface ParsedImageName {
  /** The normalised name without tag or digest, e.g. `docker.io/library/busybox`. */
  readonly repoToPull: string;
  /** The tag; `"latest"` when the image has neither tag nor digest; `""` for a digest-only image. */
  readonly tag: string;
  /** The digest (`algorithm:hex`) or `""`. */
  readonly digest: string;
}

/**
 * Outcome of {@link safeParseImageName}: the parsed name, or the error `parseImageName` would throw.
 *
 * @example
 * const result: SafeParseImageNameResult = safeParseImageName("nginx");
 * if (result.success) console.log(result.data.tag); // "latest"
 */
export type SafeParseImageNameResult =
  | { readonly success: true; readonly data: ParsedImageName }
  | { readonly success: false; readonly error: ImageReferenceError };

/**
 * The default Docker tag, added only when an image has neither a tag nor a digest.
 *
 * @example
 * parseImageName("nginx").tag === DEFAULT_IMAGE_TAG; // => true
 */
export const DEFAULT_IMAGE_TAG = "latest";

/**
 * Parses an image string exactly as Kubernetes' `ParseImageName` does, without throwing.
 * `ParseNormalizedNamed` decides validity; `tag` becomes `"latest"` only when the image has neither
 * a tag nor a digest (`img@sha256:…` keeps `tag === ""`, `img:latest@sha256:…` keeps both).
 *
 * @example
 * safeParseImageName("localhost:5000");
 * // => { success: true, data: { repoToPull: "docker.io/library/localhost", tag: "5000", digest: "" } }
 * safeParseImageName("FAILED_IMAGE").success; // => false
 */
export function safeParseImageName(image: string): SafeParseImageNameResult {
  if (typeof image !== "string") {
    return {
      success: false,
      error: new ImageReferenceError("NOT_A_STRING", notAString("safeParseImageName", image)),
    };
  }
  const parsed = safeParseNormalizedNamed(image);
  if (!parsed.success) {
    return { success: false, error: imageNameError(image, parsed.error) };
  }
  const reference = parsed.reference;
  const digest = reference.digest ?? "";
  let tag = reference.tag ?? "";
  if (tag === "" && digest === "") {
    tag = DEFAULT_IMAGE_TAG;
  }
  return {
    success: true,
    data: Object.freeze({ repoToPull: reference.name ?? "", tag, digest }),
  };
}

/**
 * Kubernetes' `ParseImageName(image) → (repoToPull, tag, digest, err)`. Throws an
 * `ImageReferenceError` whose message is Kubernetes' text byte for byte:
 * `couldn't parse image name "<image, Go-quoted>": <reference error>`.
 *
 * @example
 * parseImageName("url:5000/repo@sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
 * // => { repoToPull: "url:5000/repo", tag: "", digest: "sha256:e3b0…b855" }
 * parseImageName("http://url"); // throws: couldn't parse image name "http://url": invalid reference format
 */
export function parseImageName(image: string): ParsedImageName {
  if (typeof image !== "string") {
    throw new TypeError(notAString("parseImageName", image));
  }
  const result = safeParseImageName(image);
  if (!result.success) {
    throw result.error;
  }
  return result.data;
}

/**
 * The text for a non-string argument, worded like the reference parser's: the value itself is
 * never printed (it may be sensitive).
 * @example
 * notAString("parseImageName", 42); // => "parseImageName: expected a string, got number"
 */
export function notAString(fn: string, value: unknown): string {
  const kind = value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
  return `${fn}: expected a string, got ${kind}`;
}
