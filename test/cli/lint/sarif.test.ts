import { describe, expect, it } from "vitest";
import { checkRow } from "../../../src/cli/lint/check.js";
import { RULES } from "../../../src/cli/lint/rules.js";
import { SARIF_SCHEMA, toSarif } from "../../../src/cli/lint/sarif.js";
import { deployment, rowsOf } from "../rows.js";
import { sarifProblems } from "../sarif-check.js";

describe("toSarif", () => {
  const rows = rowsOf(deployment("image: nginx:latest\nimagePullPolicy: Never"), "k8s/web.yaml");
  const findings = rows.flatMap(checkRow);
  const log = toSarif(findings, "1.2.3");

  it("is a valid SARIF 2.1.0 log", () => {
    expect(sarifProblems(log)).toEqual([]);
    expect(log.$schema).toBe(SARIF_SCHEMA);
  });

  it("lists every rule and points each result at the image field", () => {
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(run.results.map((r) => [r.ruleId, r.level])).toEqual([
      ["latest-tag", "warning"],
      ["never-pull-policy", "warning"],
    ]);
    const location = run.results[0]!.locations[0]!.physicalLocation;
    expect(location.artifactLocation.uri).toBe("k8s/web.yaml");
    expect(location.region).toEqual({ startLine: 11, startColumn: 18 });
    expect(run.results[0]!.ruleIndex).toBe(RULES.findIndex((r) => r.id === "latest-tag"));
  });

  it("maps info to note", () => {
    const info = toSarif(rowsOf(deployment("image: nginx:1.2")).flatMap(checkRow), "1");
    expect(info.runs[0]!.results.map((r) => r.level)).toEqual(["note", "note"]);
  });
});

describe("sarifProblems", () => {
  it("finds what GitHub would reject", () => {
    expect(sarifProblems({})).toContain("version must be 2.1.0");
    expect(
      sarifProblems({
        version: "2.1.0",
        $schema: SARIF_SCHEMA,
        runs: [
          {
            tool: { driver: { name: "x", rules: [{ id: "a" }] } },
            results: [
              {
                ruleId: "b",
                level: "fatal",
                message: {},
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: { uri: "C:\\x.yaml" },
                      region: { startLine: 0 },
                    },
                  },
                ],
              },
            ],
          },
        ],
      }),
    ).toEqual([
      "runs[0].tool.driver.rules[0]: shortDescription.text must be a string",
      "runs[0].tool.driver.rules[0]: help.text must be a string",
      "runs[0].results[0]: ruleId b is not a rule of the driver",
      "runs[0].results[0]: level must be none, note, warning or error",
      "runs[0].results[0]: message.text must be a string",
      "runs[0].results[0].locations[0]: uri must be relative with forward slashes",
      "runs[0].results[0].locations[0]: region.startLine must be an integer >= 1",
    ]);
  });
});
