/**
 * Kubernetes' field validation errors (`k8s.io/apimachinery/pkg/util/validation/field`) and the
 * aggregate that joins them, rendered byte for byte as the kubelet prints them, plus
 * `IsQualifiedName` (the annotation-key rule) with its messages.
 * @module
 */

import { goQuoteText } from "../internal/go-url.js";

/**
 * One field error, already rendered (`providers.name: Invalid value: "a/b": …`).
 * @example
 * const e: FieldError = fieldRequired("providers.apiVersion"); // "providers.apiVersion: Required value"
 */
export type FieldError = string;

/**
 * `field.Required(path, detail)`.
 * @example
 * fieldRequired("providers", "at least 1 item in plugins is required");
 * // "providers: Required value: at least 1 item in plugins is required"
 */
export function fieldRequired(path: string, detail = ""): FieldError {
  return `${path}: Required value${detail === "" ? "" : `: ${detail}`}`;
}

/**
 * `field.Invalid(path, value, detail)` for a string value (printed with %q).
 * @example
 * fieldInvalidString("providers.name", "a/b", "provider name cannot contain '/'");
 * // 'providers.name: Invalid value: "a/b": provider name cannot contain \'/\''
 */
export function fieldInvalidString(path: string, value: string, detail: string): FieldError {
  return `${path}: Invalid value: ${goQuoteText(value)}${detail === "" ? "" : `: ${detail}`}`;
}

/**
 * `field.Invalid(path, value, detail)` for a value printed as-is (a Stringer or `%#v`).
 * @example
 * fieldInvalidRaw("providers.defaultCacheDuration", "-1m0s", "must be greater than or equal to 0");
 * // "providers.defaultCacheDuration: Invalid value: -1m0s: must be greater than or equal to 0"
 */
export function fieldInvalidRaw(path: string, printed: string, detail: string): FieldError {
  return `${path}: Invalid value: ${printed}${detail === "" ? "" : `: ${detail}`}`;
}

/**
 * `field.Duplicate(path, value)` for a string value.
 * @example
 * fieldDuplicate("providers.name", "ecr"); // 'providers.name: Duplicate value: "ecr"'
 */
export function fieldDuplicate(path: string, value: string): FieldError {
  return `${path}: Duplicate value: ${goQuoteText(value)}`;
}

/**
 * `field.Forbidden(path, detail)`.
 * @example
 * fieldForbidden("providers.tokenAttributes", "not allowed"); // "providers.tokenAttributes: Forbidden: not allowed"
 */
export function fieldForbidden(path: string, detail: string): FieldError {
  return `${path}: Forbidden: ${detail}`;
}

/**
 * `field.NotSupported(path, value, validValues)` for a string value.
 * @example
 * fieldNotSupported("x", "Pod", ["ServiceAccount", "Token"]);
 * // 'x: Unsupported value: "Pod": supported values: "ServiceAccount", "Token"'
 */
export function fieldNotSupported(
  path: string,
  value: string,
  valid: readonly string[],
): FieldError {
  const detail =
    valid.length === 0 ? "" : `: supported values: ${valid.map(goQuoteText).join(", ")}`;
  return `${path}: Unsupported value: ${goQuoteText(value)}${detail}`;
}

/**
 * `utilerrors.NewAggregate(errs).Error()`: one → itself; several → de-duplicated, in brackets.
 * @example
 * aggregateErrors(["a", "b", "a"]); // "[a, b]"
 * aggregateErrors(["a"]);           // "a"
 */
export function aggregateErrors(errors: readonly string[]): string {
  const seen: string[] = [];
  for (const e of errors) if (!seen.includes(e)) seen.push(e);
  if (errors.length === 1 || seen.length === 1) return seen[0] ?? "";
  return `[${seen.join(", ")}]`;
}

/**
 * Go's `%#v` of a []string.
 * @example
 * goStringSliceLiteral(["a", "b"]); // '[]string{"a", "b"}'
 */
export function goStringSliceLiteral(values: readonly string[]): string {
  return `[]string{${values.map(goQuoteText).join(", ")}}`;
}

const QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const QUALIFIED_NAME_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

/** apimachinery's RegexError text. */
function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  let out = `${msg} (e.g. `;
  examples.forEach((e, i) => {
    if (i > 0) out += " or ";
    out += `'${e}', `;
  });
  return `${out}regex used for validation is '${fmt}')`;
}

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Hand-written check of `^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$`. */
function isQualifiedNamePart(s: string): boolean {
  if (s.length === 0) return false;
  if (!isAlnum(s.charCodeAt(0)) || !isAlnum(s.charCodeAt(s.length - 1))) return false;
  for (let i = 1; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (!isAlnum(c) && c !== 0x2d && c !== 0x5f && c !== 0x2e) return false;
  }
  return true;
}

function isLowerAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);
}

/** Hand-written check of the DNS-1123 subdomain pattern (labels of [a-z0-9-], alnum at ends). */
function isDNS1123Subdomain(s: string): boolean {
  if (s.length === 0) return false;
  for (const label of s.split(".")) {
    if (label.length === 0) return false;
    if (!isLowerAlnum(label.charCodeAt(0)) || !isLowerAlnum(label.charCodeAt(label.length - 1)))
      return false;
    for (let i = 1; i < label.length - 1; i++) {
      const c = label.charCodeAt(i);
      if (!isLowerAlnum(c) && c !== 0x2d) return false;
    }
  }
  return true;
}

/**
 * apimachinery's `IsQualifiedName(value)`: the list of problems (empty when valid).
 * @example
 * isQualifiedName("example.com/my-key"); // []
 * isQualifiedName("a/b/c").length;       // 1
 */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split("/");
  let name: string;
  if (parts.length === 1) name = parts[0] as string;
  else if (parts.length === 2) {
    const prefix = parts[0] as string;
    name = parts[1] as string;
    if (prefix.length === 0) errs.push("prefix part must be non-empty");
    else {
      if (prefix.length > 253) errs.push("prefix part must be no more than 253 characters");
      if (!isDNS1123Subdomain(prefix)) {
        errs.push(
          `prefix part ${regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, "example.com")}`,
        );
      }
    }
  } else {
    return [
      `a qualified name ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc")} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push("name part must be non-empty");
  else if (name.length > 63) errs.push("name part must be no more than 63 characters");
  if (!isQualifiedNamePart(name)) {
    errs.push(
      `name part ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc")}`,
    );
  }
  return errs;
}
