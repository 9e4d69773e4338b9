import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../../src/cli/run.js";
import { runCli } from "../run-cli.js";

describe("pullpolicy --help", () => {
  it("lists every command", () => {
    const run = runCli(["--help"]);
    expect(run.status).toBe(0);
    for (const name of ["explain", "lint", "parse", "creds", "simulate"]) {
      expect(run.stdout).toContain(`  ${name} `);
    }
  });

  it("prints the help on stderr with exit code 2 when no command is given", () => {
    const run = runCli([]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Usage: pullpolicy <command>");
  });

  it("prints the version", () => {
    const run = runCli(["--version"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("names an unknown command", () => {
    const run = runCli(["lnt", "x"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'unknown command "lnt"; commands: explain, lint, parse, creds, simulate',
    );
  });

  it.each(COMMANDS.map((c) => c.spec))(
    "$name --help shows usage, every option and an example",
    (spec) => {
      for (const argv of [
        [spec.name, "--help"],
        [spec.name, "-h"],
        ["help", spec.name],
      ]) {
        const run = runCli(argv);
        expect(run.status).toBe(0);
        expect(run.stderr).toBe("");
        expect(run.stdout.startsWith(`Usage: pullpolicy ${spec.name}`)).toBe(true);
        for (const option of Object.keys(spec.options)) expect(run.stdout).toContain(`--${option}`);
        expect(run.stdout).toContain("--help");
        expect(run.stdout).toMatch(new RegExp(`Examples:\\n  pullpolicy ${spec.name} `));
        expect(run.stdout).toContain("Exit codes:");
      }
    },
  );

  it.each([
    [
      ["lint", "--format", "xml", "x"],
      'pullpolicy lint: --format must be one of text, json, sarif (got "xml")',
    ],
    [["explain"], "pullpolicy explain: missing file, directory or - (for standard input)"],
    [["explain", "--bogus", "x"], "pullpolicy explain: unknown option --bogus"],
    [["parse"], "pullpolicy parse: missing image reference"],
    [["simulate", "a", "b"], "pullpolicy simulate: too many arguments"],
    [
      ["simulate", "nginx", "--policy", "Sometimes"],
      "--policy must be one of Always, IfNotPresent, Never",
    ],
    [
      ["simulate", "nginx", "--until", "15"],
      '--until must be a duration such as 90s, 15m or 1h (got "15")',
    ],
    [["simulate", "nginx", "--fail", "x"], '--fail must be a whole number or "always" (got "x")'],
    [["lint", "--fail-on"], "pullpolicy lint: option --fail-on needs a value"],
    [["creds"], "pullpolicy creds: missing image"],
    [
      ["explain", "--stored", "-", "-"],
      "pullpolicy explain: standard input (-) can be read only once",
    ],
  ])("%j is a usage error with the usage line", (argv, message) => {
    const run = runCli(argv);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain(`Usage: pullpolicy ${argv[0]} `);
  });
});
