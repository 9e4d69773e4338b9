/**
 * Recognises unrendered Helm / Go templates, so that `{{ .Values.image }}` is reported as "render
 * the chart first" rather than as a baffling YAML error or a strange image name.
 */
import type { Position } from "./position.js";

/**
 * The position of the first `{{` that stands where YAML structure or a value begins (at the
 * start of a line, or right after `key: ` or `- `), outside quoted strings and block scalars.
 * A `{{` inside a string (Prometheus alert text, for instance) is data, not a template, and is
 * not reported. Linear in the length of the text.
 * @example
 * findTemplateMarker("image: {{ .Values.image }}\n"); // { line: 1, column: 8 }
 * findTemplateMarker('summary: "{{ $labels.pod }} is down"\n'); // undefined
 */
export function findTemplateMarker(text: string): Position | undefined {
  if (!text.includes("{{")) return undefined;
  const lines = text.split("\n");
  // Indentation of the line that opened a block scalar (| or >); -1 when not inside one.
  let blockParentIndent = -1;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] ?? "";
    const indent = leadingSpaces(line);
    const blank = indent === line.length || line.trim() === "";
    if (blockParentIndent >= 0) {
      if (blank || indent > blockParentIndent) continue;
      blockParentIndent = -1;
    }
    if (blank) continue;
    const at = valueStart(line, indent);
    if (line.startsWith("{{", at)) return { line: n + 1, column: at + 1 };
    if (line.startsWith("{{", indent)) return { line: n + 1, column: indent + 1 };
    if (opensBlockScalar(line)) blockParentIndent = indent;
  }
  return undefined;
}

function leadingSpaces(line: string): number {
  let i = 0;
  while (i < line.length && line[i] === " ") i++;
  return i;
}

/** Where the value of this line begins: after any `- ` markers and a `key: `. */
function valueStart(line: string, indent: number): number {
  let i = indent;
  while (line[i] === "-" && (line[i + 1] === " " || i + 1 === line.length)) {
    i += 1;
    while (line[i] === " ") i++;
  }
  const first = line[i];
  if (first === '"' || first === "'" || first === "{" || first === "[") return i;
  // A plain key ends at the first ": " (a plain scalar cannot contain ": ").
  const colon = line.indexOf(": ", i);
  const hash = line.indexOf(" #", i);
  if (colon < 0 || (hash >= 0 && hash < colon)) return i;
  let j = colon + 2;
  while (line[j] === " ") j++;
  return j;
}

/** A line whose value is `|` or `>` with optional indicators and comment. */
function opensBlockScalar(line: string): boolean {
  let end = line.length;
  const hash = line.indexOf(" #");
  if (hash >= 0) end = hash;
  let i = end - 1;
  while (i >= 0 && line[i] === " ") i--;
  // Skip chomping and indentation indicators (at most two characters: one of +-, one digit).
  let k = 0;
  while (k < 2 && i >= 0 && (line[i] === "+" || line[i] === "-" || isDigit(line[i]))) {
    i--;
    k++;
  }
  if (i < 0 || (line[i] !== "|" && line[i] !== ">")) return false;
  return i === 0 || line[i - 1] === " ";
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}
