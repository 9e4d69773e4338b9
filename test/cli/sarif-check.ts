// Structural checks of a SARIF 2.1.0 log against the fields the schema requires and GitHub
// code scanning needs (shared by the unit and the end-to-end tests).

type Json = Record<string, unknown>;

function obj(value: unknown): Json | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Json)
    : undefined;
}

/** Every problem found, as readable sentences; empty when the log is acceptable. */
export function sarifProblems(log: unknown): string[] {
  const problems: string[] = [];
  const root = obj(log) ?? {};
  if (root.version !== "2.1.0") problems.push("version must be 2.1.0");
  if (typeof root.$schema !== "string" || !root.$schema.includes("sarif")) {
    problems.push("$schema must name the SARIF 2.1.0 schema");
  }
  const runs = Array.isArray(root.runs) ? root.runs : [];
  if (!Array.isArray(root.runs) || runs.length === 0)
    problems.push("runs must be a non-empty array");
  runs.forEach((runValue, r) => {
    const run = obj(runValue) ?? {};
    const driver = obj(obj(run.tool)?.driver);
    if (!driver || typeof driver.name !== "string") {
      problems.push(`runs[${r}].tool.driver.name must be a string`);
      return;
    }
    const rules = Array.isArray(driver.rules) ? driver.rules : [];
    const ids = new Set<string>();
    rules.forEach((ruleValue, i) => {
      const rule = obj(ruleValue) ?? {};
      const where = `runs[${r}].tool.driver.rules[${i}]`;
      if (typeof rule.id !== "string") problems.push(`${where}: id must be a string`);
      else ids.add(rule.id);
      if (typeof obj(rule.shortDescription)?.text !== "string") {
        problems.push(`${where}: shortDescription.text must be a string`);
      }
      if (typeof obj(rule.help)?.text !== "string")
        problems.push(`${where}: help.text must be a string`);
    });
    const results = Array.isArray(run.results) ? run.results : undefined;
    if (!results) problems.push(`runs[${r}].results must be an array`);
    (results ?? []).forEach((resultValue, i) => {
      const result = obj(resultValue) ?? {};
      const where = `runs[${r}].results[${i}]`;
      if (typeof result.ruleId !== "string" || !ids.has(result.ruleId)) {
        problems.push(`${where}: ruleId ${String(result.ruleId)} is not a rule of the driver`);
      }
      if (
        typeof result.ruleIndex === "number" &&
        obj(rules[result.ruleIndex])?.id !== result.ruleId
      ) {
        problems.push(`${where}: ruleIndex does not point at ruleId`);
      }
      if (!["none", "note", "warning", "error"].includes(String(result.level))) {
        problems.push(`${where}: level must be none, note, warning or error`);
      }
      if (typeof obj(result.message)?.text !== "string")
        problems.push(`${where}: message.text must be a string`);
      const locations = Array.isArray(result.locations) ? result.locations : [];
      if (locations.length === 0) problems.push(`${where}: at least one location is needed`);
      locations.forEach((locationValue, l) => {
        const physical = obj(obj(locationValue)?.physicalLocation);
        const uri = obj(physical?.artifactLocation)?.uri;
        const region = obj(physical?.region);
        const at = `${where}.locations[${l}]`;
        if (
          typeof uri !== "string" ||
          uri === "" ||
          uri.includes("\\") ||
          uri.startsWith("/") ||
          /^[a-zA-Z]:/.test(uri)
        ) {
          problems.push(`${at}: uri must be relative with forward slashes`);
        }
        const line = region?.startLine;
        if (typeof line !== "number" || !Number.isInteger(line) || line < 1) {
          problems.push(`${at}: region.startLine must be an integer >= 1`);
        }
        const column = region?.startColumn;
        if (
          column !== undefined &&
          (typeof column !== "number" || !Number.isInteger(column) || column < 1)
        ) {
          problems.push(`${at}: region.startColumn must be an integer >= 1`);
        }
      });
    });
  });
  return problems;
}
