import { describe, expect, it } from "vitest";
import type { CommandSpec } from "../../src/cli/args.js";
import { commandHelp, mainHelp } from "../../src/cli/help.js";

const spec: CommandSpec = {
  name: "demo",
  summary: "A demo command",
  usage: "demo <x> [--fast]",
  description: "Does a demo.",
  options: {
    fast: { type: "boolean", description: "Go fast" },
    level: {
      type: "string",
      valueName: "N",
      choices: ["1", "2"],
      defaultText: "1",
      description: "The level",
    },
    tag: { type: "string", multiple: true, short: "t", description: "A tag" },
  },
  minPositionals: 1,
  positionalName: "x",
  examples: ["pullpolicy demo a", "pullpolicy demo --fast b"],
  notes: ["Exit codes: 0 always."],
};

describe("commandHelp", () => {
  it("shows usage, description, options with values, choices and defaults, notes and examples", () => {
    expect(commandHelp(spec)).toBe(
      [
        "Usage: pullpolicy demo <x> [--fast]",
        "",
        "Does a demo.",
        "",
        "Options:",
        "  --fast           Go fast.",
        "  --level N        The level. One of: 1, 2. Default: 1.",
        "  -t, --tag VALUE  A tag (repeatable).",
        "  -h, --help       Show this help.",
        "",
        "Exit codes: 0 always.",
        "",
        "Examples:",
        "  pullpolicy demo a",
        "  pullpolicy demo --fast b",
        "",
      ].join("\n"),
    );
  });
});

describe("mainHelp", () => {
  it("lists commands with their summaries", () => {
    const text = mainHelp([spec], "9.9.9");
    expect(text.startsWith("pullpolicy 9.9.9: ")).toBe(true);
    expect(text).toContain("\n  demo  A demo command\n");
  });
});
