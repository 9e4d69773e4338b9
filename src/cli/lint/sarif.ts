/**
 * SARIF 2.1.0 output for GitHub code scanning: one run, the rule catalogue in
 * tool.driver.rules, one result per finding with a relative, forward-slash artifact URI and the
 * line and column of the image field.
 */
import type { Finding } from "./check.js";
import { RULES, type Severity } from "./rules.js";

/**
 * The schema URI GitHub documents for uploads.
 * @example
 * toSarif([], "1.0.0").$schema === SARIF_SCHEMA; // true
 */
export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

const LEVEL: Readonly<Record<Severity, "error" | "warning" | "note">> = {
  error: "error",
  warning: "warning",
  info: "note",
};

/**
 * Builds the SARIF log for a set of findings.
 * @example
 * const log = toSarif(findings, "0.1.0");
 * log.runs[0].results.length === findings.length; // true
 */
export function toSarif(findings: readonly Finding[], version: string) {
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "pullpolicy",
            version,
            semanticVersion: version,
            informationUri: "https://www.npmjs.com/package/pullpolicy",
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.name,
              shortDescription: { text: r.short },
              fullDescription: { text: r.full },
              help: { text: `${r.full}\n\n${r.help}`, markdown: `${r.full}\n\n**Fix:** ${r.help}` },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { tags: ["kubernetes", "container-image", "imagePullPolicy"] },
            })),
          },
        },
        originalUriBaseIds: { "%SRCROOT%": { uri: "./" } },
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: index.get(f.ruleId) ?? 0,
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: {
                  uri: f.row.file.uri === "-" ? "stdin" : f.row.file.uri,
                  uriBaseId: "%SRCROOT%",
                },
                region: {
                  startLine: f.row.position?.line ?? 1,
                  startColumn: f.row.position?.column ?? 1,
                },
              },
              logicalLocations: [
                {
                  name: f.row.use.containerName ?? "",
                  fullyQualifiedName: `${f.row.use.kind}/${f.row.use.namespace ? `${f.row.use.namespace}/` : ""}${f.row.use.name ?? ""}/${f.row.use.path}`,
                  kind: "object",
                },
              ],
            },
          ],
          partialFingerprints: {
            // Stable across line moves: the object, the container path and the rule.
            "pullpolicy/v1": `${f.row.file.uri}|${f.row.use.kind}|${f.row.use.namespace ?? ""}|${f.row.use.name ?? ""}|${f.row.use.path}|${f.ruleId}`,
          },
        })),
      },
    ],
  };
}
