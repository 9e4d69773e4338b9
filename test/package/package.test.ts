// The published shape: both module systems expose the same names, the API contract's names are
// all there, and the library (everything but the CLI) stays browser-safe.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const dist = join(root, "dist");
const require = createRequire(import.meta.url);

/** Every public name that ../shared/spec/API.md fixes (the contract other tools call). */
const contractNames = [
  "parseReference",
  "parseNamed",
  "parseNormalizedNamed",
  "parseAnyReference",
  "parseDockerRef",
  "withName",
  "withTag",
  "withDigest",
  "trimNamed",
  "tagNameOnly",
  "isNameOnly",
  "familiarName",
  "familiarString",
  "familiarMatch",
  "ImageReferenceError",
  "isImageReferenceError",
  "safeParseNormalizedNamed",
  "parseImageName",
  "defaultPullPolicy",
  "applyDefaultImageTag",
  "applyPullPolicyDefaults",
  "urlsMatch",
  "isDefaultRegistryMatch",
  "parseDockerConfig",
  "createKeyring",
  "createBackoff",
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe("built package", () => {
  it("has been built (npm test builds first)", () => {
    for (const file of ["index.js", "index.cjs", "index.d.ts", "index.d.cts", "cli.js"]) {
      expect(existsSync(join(dist, file)), file).toBe(true);
    }
  });

  it("exposes the same names from ESM and CJS, including every contract name", async () => {
    const esm = await import(join(dist, "index.js"));
    const cjs = require(join(dist, "index.cjs"));
    const esmNames = Object.keys(esm).sort();
    expect(Object.keys(cjs).sort()).toEqual(esmNames);
    const missing = contractNames.filter((name) => !esmNames.includes(name));
    expect(missing).toEqual([]);
  });

  it("the library entry imports no node: module and uses no Buffer", () => {
    for (const file of ["index.js", "index.cjs"]) {
      const code = readFileSync(join(dist, file), "utf8");
      expect(code, file).not.toMatch(
        /\bfrom\s*["']node:|require\(\s*["']node:|import\(\s*["']node:/,
      );
      expect(code, file).not.toMatch(/\bBuffer\./);
      expect(code, file).not.toMatch(/\bprocess\.env\b/);
    }
  });

  it("the CLI starts with a shebang", () => {
    expect(readFileSync(join(dist, "cli.js"), "utf8").startsWith("#!/usr/bin/env node\n")).toBe(
      true,
    );
  });
});

describe("library sources", () => {
  const libraryFiles = filesUnder(join(root, "src"))
    .filter((f) => f.endsWith(".ts"))
    .filter((f) => !relative(join(root, "src"), f).startsWith("cli"));

  it("never import node: modules, the CLI, or use Buffer", () => {
    const offenders: string[] = [];
    for (const file of libraryFiles) {
      const code = readFileSync(file, "utf8");
      if (/from\s+["']node:/.test(code)) offenders.push(`${relative(root, file)}: node: import`);
      if (/from\s+["'][./]+\/cli\//.test(code))
        offenders.push(`${relative(root, file)}: imports the CLI`);
      if (/\bBuffer\b/.test(code.replace(/\/\/.*$/gm, "")))
        offenders.push(`${relative(root, file)}: Buffer`);
      if (/from\s+["']zod["']/.test(code))
        offenders.push(`${relative(root, file)}: zod instead of zod/mini`);
      if (/from\s+["']yaml["']/.test(code))
        offenders.push(`${relative(root, file)}: yaml is for the CLI only`);
    }
    expect(offenders).toEqual([]);
  });

  it("declare no TypeScript enum and no explicit any", () => {
    const offenders = libraryFiles.filter((file) => {
      // Prose in comments ("any subresource") is not a type annotation.
      const code = readFileSync(file, "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/\/\/.*$/gm, "");
      return (
        /^\s*(export\s+)?(const\s+)?enum\s/m.test(code) || /:\s*any\b|<any>|as any\b/.test(code)
      );
    });
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });
});

describe("npm pack", () => {
  it("ships only dist, the README, the LICENSE and package.json", () => {
    const out = execFileSync("npm", ["pack", "--dry-run", "--json"], {
      cwd: root,
      encoding: "utf8",
    });
    const [pack] = JSON.parse(out) as [{ files: { path: string }[] }];
    const outside = pack.files
      .map((f) => f.path)
      .filter(
        (p) => !p.startsWith("dist/") && !["README.md", "LICENSE", "package.json"].includes(p),
      );
    expect(outside).toEqual([]);
  });
});
