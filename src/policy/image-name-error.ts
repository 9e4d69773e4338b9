/**
 * The error `ParseImageName` returns: the reference library's error wrapped with the image.
 * @module
 */

import { goQuote } from "../internal/go-quote.js";
import { ImageReferenceError } from "../reference/index.js";

/**
 * Wraps a reference-parse error the way Kubernetes does (`fmt.Errorf("couldn't parse image name
 * %q: %v", image, err)`), keeping the library's stable `code` so callers can still branch on it.
 * @example
 * imageNameError("http://url", referenceError).message;
 * // => 'couldn\'t parse image name "http://url": invalid reference format'
 */
export function imageNameError(image: string, cause: ImageReferenceError): ImageReferenceError {
  const message = `couldn't parse image name ${goQuote(image)}: ${cause.message}`;
  return new ImageReferenceError(cause.code, message);
}
