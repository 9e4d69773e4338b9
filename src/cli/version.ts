/**
 * The package version, read once from the package.json next to the built CLI.
 */
import { readFileSync } from "node:fs";

let cached: string | undefined;

/**
 * The version of the installed pullpolicy package, or "unknown".
 * @example
 * cliVersion(); // "0.1.0"
 */
export function cliVersion(): string {
  if (cached !== undefined) return cached;
  cached = "unknown";
  try {
    // dist/cli.js → ../package.json, in the repository and in the installed package alike.
    const text = readFileSync(new URL("../package.json", import.meta.url), "utf8");
    const version = (JSON.parse(text) as { version?: unknown }).version;
    if (typeof version === "string") cached = version;
  } catch {
    // Keep "unknown": the version is informative only.
  }
  return cached;
}
