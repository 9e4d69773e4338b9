/**
 * Kubernetes' field validation errors (apimachinery `field.Error`) with their exact texts.
 * @module
 */
import { goQuote } from "../internal/go-quote.js";

/**
 * The error types used by the checks in this package, spelled as Kubernetes prints them.
 *
 * @example
 * const t: FieldErrorType = "Required value";
 */
export type FieldErrorType = "Required value" | "Invalid value" | "Unsupported value" | "Forbidden";

/**
 * One validation error as data. `message` is Go's `err.Error()` byte for byte, e.g.
 * `spec.containers[0].image: Required value` or
 * `spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace`.
 *
 * @example
 * const e: FieldError = requiredError("spec.containers[0].image");
 * e.message; // => "spec.containers[0].image: Required value"
 */
export interface FieldError {
  readonly type: FieldErrorType;
  /** The field path, e.g. `spec.template.spec.containers[1].image`. */
  readonly field: string;
  /** The rejected value, when the error type prints one. */
  readonly badValue: string | null;
  readonly detail: string;
  readonly message: string;
}

function make(
  type: FieldErrorType,
  field: string,
  badValue: string | null,
  detail: string,
): FieldError {
  let body: string = type;
  if (badValue !== null) {
    body += `: ${goQuote(badValue)}`;
  }
  if (detail !== "") {
    body += `: ${detail}`;
  }
  return Object.freeze({ type, field, badValue, detail, message: `${field}: ${body}` });
}

/**
 * Go's `field.Required(path, detail)`.
 *
 * @example
 * requiredError("spec.volumes[0].image.reference").message;
 * // => "spec.volumes[0].image.reference: Required value"
 */
export function requiredError(field: string, detail = ""): FieldError {
  return make("Required value", field, null, detail);
}

/**
 * Go's `field.Invalid(path, value, detail)` for a string value (printed with `%q`).
 *
 * @example
 * invalidError("spec.containers[0].image", "nginx ", "must not have leading or trailing whitespace").message;
 * // => 'spec.containers[0].image: Invalid value: "nginx ": must not have leading or trailing whitespace'
 */
export function invalidError(field: string, value: string, detail: string): FieldError {
  return make("Invalid value", field, value, detail);
}

/**
 * Go's `field.NotSupported(path, value, validValues)`.
 *
 * @example
 * notSupportedError("spec.containers[0].imagePullPolicy", "always", ["Always", "IfNotPresent", "Never"]).message;
 * // => 'spec.containers[0].imagePullPolicy: Unsupported value: "always": supported values: "Always", "IfNotPresent", "Never"'
 */
export function notSupportedError(
  field: string,
  value: string,
  validValues: readonly string[],
): FieldError {
  const detail =
    validValues.length === 0
      ? ""
      : `supported values: ${validValues.map((v) => goQuote(v)).join(", ")}`;
  return make("Unsupported value", field, value, detail);
}

/**
 * Go's `field.Forbidden(path, detail)`.
 *
 * @example
 * forbiddenError("spec.template.spec.ephemeralContainers", "ephemeral containers not allowed in pod template").message;
 * // => "spec.template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template"
 */
export function forbiddenError(field: string, detail: string): FieldError {
  return make("Forbidden", field, null, detail);
}
