/**
 * Ways to silence findings: `--ignore GLOB` over familiar image names, and the annotation
 * `pullpolicy.dev/ignore: "rule-id,rule-id"` (or `"*"`) on the object or on its pod template.
 */
import picomatch from "picomatch";
import { familiarName, familiarString, safeParseNormalizedNamed } from "../../index.js";
import type { ImageRow } from "../scan.js";
import type { Finding } from "./check.js";

export { IGNORE_ANNOTATION } from "../scan.js";

/**
 * A predicate telling whether an image is ignored by any of the globs. Each glob is matched
 * (picomatch, `*` does not cross `/`, `**` does) against the familiar name (`nginx`,
 * `quay.io/org/app`), the familiar string with tag or digest (`nginx:1.25`) and the image as
 * written.
 * @example
 * const ignored = createImageIgnore(["quay.io/**", "nginx"]);
 * ignored("nginx:1.25"); // true
 */
export function createImageIgnore(globs: readonly string[]): (image: string) => boolean {
  if (globs.length === 0) return () => false;
  const match = picomatch([...globs], { dot: true });
  return (image) => {
    if (match(image)) return true;
    const parsed = safeParseNormalizedNamed(image);
    if (!parsed.success) return false;
    return match(familiarName(parsed.reference)) || match(familiarString(parsed.reference));
  };
}

/**
 * The rule ids an annotation value names: comma or space separated; `*` or `all` means every rule.
 * @example
 * parseIgnoreAnnotation("latest-tag, never-pull-policy"); // Set {"latest-tag", "never-pull-policy"}
 */
export function parseIgnoreAnnotation(value: string): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const part of value.split(/[\s,]+/)) {
    const id = part.trim();
    if (id !== "") ids.add(id === "all" ? "*" : id);
  }
  return ids;
}

/**
 * The rule ids silenced for a row by annotations on its object and its pod template.
 * @example
 * silencedRules(row).has("latest-tag");
 */
export function silencedRules(row: ImageRow): ReadonlySet<string> {
  const out = new Set<string>();
  for (const value of row.ignoreAnnotations) {
    for (const id of parseIgnoreAnnotation(value)) out.add(id);
  }
  return out;
}

/**
 * Whether a finding is silenced by the row's annotations.
 * @example
 * isSilenced(finding); // true when the object says pullpolicy.dev/ignore: "*"
 */
export function isSilenced(finding: Finding, silenced: ReadonlySet<string>): boolean {
  return silenced.has("*") || silenced.has(finding.ruleId);
}
