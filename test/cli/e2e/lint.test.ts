import { describe, expect, it } from "vitest";
import { RULES } from "../../../src/cli/lint/rules.js";
import { json, runCli } from "../run-cli.js";
import { sarifProblems } from "../sarif-check.js";

interface Finding {
  file: string;
  line: number | null;
  column: number | null;
  ruleId: string;
  severity: string;
  message: string;
  docIndex: number;
  kind: string;
  path: string;
  image: string;
}

const EXAMPLES = "examples/manifests/";

describe("pullpolicy lint (examples)", () => {
  const run = runCli(["lint", "--format", "json", EXAMPLES]);
  const findings = json<Finding[]>(run);

  it("fires every rule at least once on the examples", () => {
    expect(run.status).toBe(1);
    expect(new Set(findings.map((f) => f.ruleId))).toEqual(new Set(RULES.map((r) => r.id)));
  });

  it("points each finding at the file, line and column of the image field", () => {
    const never = findings.find((f) => f.ruleId === "never-pull-policy");
    expect(never).toMatchObject({
      file: "examples/manifests/batch.yaml",
      line: 30,
      column: 18,
      severity: "warning",
      kind: "Job",
      docIndex: 1,
      path: "spec.template.spec.containers[0]",
    });
    for (const f of findings) {
      expect(f.line).toBeGreaterThan(0);
      expect(f.column).toBeGreaterThan(0);
    }
  });

  it("honours the pullpolicy.dev/ignore annotation", () => {
    const lab = findings.filter((f) => f.image === "ghcr.io/acme/node-agent:latest");
    expect(lab).toEqual([]);
  });

  it.each([
    ["error", 1],
    ["warning", 1],
    ["info", 1],
    ["none", 0],
  ])("--fail-on %s exits %i", (failOn, status) => {
    expect(runCli(["lint", "--fail-on", failOn, EXAMPLES]).status).toBe(status);
  });

  it("exits 0 on a clean manifest and 1 only for findings at or above --fail-on", () => {
    const clean =
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27@sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n    imagePullPolicy: IfNotPresent\n";
    const pinnedOnly = clean.replace("nginx:1.27@", "nginx@");
    expect(runCli(["lint", "-"], { input: pinnedOnly })).toMatchObject({
      status: 0,
      stdout: "no findings\n",
    });
    // tag + digest is a warning
    expect(runCli(["lint", "-"], { input: clean }).status).toBe(1);
    // an info finding does not fail the default threshold
    const info = pinnedOnly.replace("    imagePullPolicy: IfNotPresent\n", "");
    expect(runCli(["lint", "-"], { input: info }).status).toBe(0);
    expect(runCli(["lint", "--fail-on", "info", "-"], { input: info }).status).toBe(1);
  });

  it("skips images matched by --ignore globs over familiar names", () => {
    const all = runCli([
      "lint",
      "--format",
      "json",
      "--ignore",
      "nginx/*",
      "--ignore",
      "fluent/*",
      "--ignore",
      "REGION-docker.pkg.dev/**",
      EXAMPLES,
    ]);
    const images = new Set(json<Finding[]>(all).map((f) => f.image));
    expect(images.has("fluent/fluent-bit")).toBe(false);
    expect(images.has("nginx/nginx-prometheus-exporter:latest")).toBe(false);
    expect(images.has("nginx:1.27.2")).toBe(true); // familiar name "nginx" is not under nginx/
    // An invalid image has no familiar name; the glob is matched against it as written.
    expect(images.has("REGION-docker.pkg.dev/PROJECT_ID/agents/node-agent:1.4.0")).toBe(false);
    expect(
      runCli(["lint", "--format", "json", "--ignore", "**", EXAMPLES]).stdout.includes('"busybox'),
    ).toBe(false);
  });

  it("prints compiler-style text with a summary", () => {
    const text = runCli(["lint", EXAMPLES]);
    expect(text.stdout).toContain(
      'examples/manifests/batch.yaml:30:18: warning: Job reports/warm-cache, container "warm": imagePullPolicy is Never: on a node without "registry.acme.internal:5000/tools/warm-cache:0.9.0" the container waits with ErrImageNeverPull [never-pull-policy]\n',
    );
    expect(text.stdout).toMatch(
      /\n\d+ findings in \d+ files: 2 error, \d+ warning, \d+ info; \d+ at or above --fail-on warning\n$/,
    );
  });
});

describe("pullpolicy lint --format sarif", () => {
  it("is SARIF 2.1.0 that code scanning accepts, one result per finding", () => {
    const run = runCli(["lint", "--format", "sarif", EXAMPLES]);
    expect(run.status).toBe(1);
    const log = json<{
      runs: {
        results: {
          ruleId: string;
          locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
        }[];
      }[];
    }>(run);
    expect(sarifProblems(log)).toEqual([]);
    const results = log.runs[0]?.results ?? [];
    const plain = json<Finding[]>(runCli(["lint", "--format", "json", EXAMPLES]));
    expect(results.map((r) => r.ruleId)).toEqual(plain.map((f) => f.ruleId));
    expect(results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(
      "examples/manifests/agents-daemonset.yaml",
    );
  });

  it("uses paths relative to the working directory", () => {
    const run = runCli(["lint", "--format", "sarif", "manifests/batch.yaml"], { cwd: "examples" });
    const log = json<{
      runs: {
        results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
      }[];
    }>(run);
    expect(sarifProblems(log)).toEqual([]);
    expect(log.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(
      "manifests/batch.yaml",
    );
  });
});
