import { describe, expect, it } from "vitest";
import { allStrings, type CommandSpec, lastString, parseCommandArgs } from "../../src/cli/args.js";
import { UsageError } from "../../src/cli/errors.js";

const spec: CommandSpec = {
  name: "lint",
  summary: "s",
  usage: "lint <paths>",
  description: "d",
  options: {
    format: { type: "string", choices: ["text", "json"], description: "f" },
    ignore: { type: "string", multiple: true, description: "i" },
    json: { type: "boolean", description: "j" },
  },
  minPositionals: 1,
  maxPositionals: 2,
  positionalName: "path",
  examples: [],
};

describe("parseCommandArgs", () => {
  it.each([
    [["a"], { positionals: ["a"], format: undefined, ignore: [], json: false }],
    [["a", "--json"], { positionals: ["a"], format: undefined, ignore: [], json: true }],
    [
      ["--format", "json", "a", "b"],
      { positionals: ["a", "b"], format: "json", ignore: [], json: false },
    ],
    [["--format=text", "-"], { positionals: ["-"], format: "text", ignore: [], json: false }],
    [
      ["--ignore", "x", "a", "--ignore", "y/**"],
      { positionals: ["a"], format: undefined, ignore: ["x", "y/**"], json: false },
    ],
    [
      ["--format", "text", "--format", "json", "a"],
      { positionals: ["a"], format: "json", ignore: [], json: false },
    ],
    [
      ["--", "--not-an-option"],
      { positionals: ["--not-an-option"], format: undefined, ignore: [], json: false },
    ],
  ])("%j", (argv, want) => {
    const args = parseCommandArgs(spec, argv);
    expect(args.help).toBe(false);
    expect(args.positionals).toEqual(want.positionals);
    expect(lastString(args, "format")).toBe(want.format);
    expect(allStrings(args, "ignore")).toEqual(want.ignore);
    expect(args.flags.has("json")).toBe(want.json);
  });

  it.each([
    [["--bogus", "a"], "unknown option --bogus"],
    [["a", "--format"], "option --format needs a value"],
    [["--format", "xml", "a"], '--format must be one of text, json (got "xml")'],
    [[], "missing path"],
    [["a", "b", "c"], "too many arguments: expected at most 2 path, got 3"],
    [["--json=yes", "a"], "option --json does not take a value"],
  ])("%j is a usage error", (argv, message) => {
    let caught: unknown;
    try {
      parseCommandArgs(spec, argv);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as UsageError).message).toBe(message);
    expect((caught as UsageError).command).toBe("lint");
  });

  it("accepts --help and -h without the required positionals", () => {
    expect(parseCommandArgs(spec, ["--help"]).help).toBe(true);
    expect(parseCommandArgs(spec, ["-h"]).help).toBe(true);
  });
});
