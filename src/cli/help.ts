/**
 * Help texts, built from the command specs so that options and help can never disagree.
 */
import type { CommandSpec } from "./args.js";

/**
 * The full `--help` text of one command: usage, description, options, notes and examples.
 * @example
 * commandHelp(parseSpec).startsWith("Usage: pullpolicy parse"); // true
 */
export function commandHelp(spec: CommandSpec): string {
  let out = `Usage: pullpolicy ${spec.usage}\n\n${spec.description}\n\nOptions:\n`;
  const rows: [string, string][] = [];
  for (const [name, o] of Object.entries(spec.options)) {
    const short = o.short ? `-${o.short}, ` : "";
    const value = o.type === "string" ? ` ${o.valueName ?? "VALUE"}` : "";
    const repeat = o.multiple ? " (repeatable)" : "";
    const choices = o.choices ? ` One of: ${o.choices.join(", ")}.` : "";
    const def = o.defaultText ? ` Default: ${o.defaultText}.` : "";
    rows.push([`${short}--${name}${value}`, `${o.description}${repeat}.${choices}${def}`]);
  }
  rows.push(["-h, --help", "Show this help."]);
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [left, right] of rows) out += `  ${left.padEnd(width)}  ${right}\n`;
  for (const note of spec.notes ?? []) out += `\n${note}\n`;
  out += "\nExamples:\n";
  for (const example of spec.examples) out += `  ${example}\n`;
  return out;
}

/**
 * The top-level help: every command with its summary.
 * @example
 * mainHelp([parseSpec], "0.1.0").includes("parse"); // true
 */
export function mainHelp(specs: readonly CommandSpec[], version: string): string {
  const width = Math.max(...specs.map((s) => s.name.length));
  let out = `pullpolicy ${version}: how Kubernetes resolves container images, for your manifests.\n\n`;
  out += "Usage: pullpolicy <command> [options]\n\nCommands:\n";
  for (const s of specs) out += `  ${s.name.padEnd(width)}  ${s.summary}\n`;
  out += "\nRun `pullpolicy <command> --help` for a command's options and examples.\n";
  out +=
    "Exit codes: 0 ok, 1 findings (lint) or invalid references (parse), 2 usage or input errors.\n";
  return out;
}
