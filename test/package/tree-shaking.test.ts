// The published build is tree-shakable (`"sideEffects": false`, explicit named exports): an
// application that imports a few names from dist/index.js pays only for those. Each entry is a
// one-line module re-exporting some names, bundled as a browser application would be (esbuild,
// bundle + minify + tree-shaking), then gzipped. Sizes are deterministic for a given tree, so the
// ceilings are real limits; they sit about 15-20 % above the sizes measured when they were set
// (docs/PERFORMANCE.md §4), so that ordinary growth passes and a regression such as a schema
// built at module top level, or `import { z }` instead of `import * as z`, fails.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { bundleForBrowser } from "../../bench/lib/bundle.mjs";
import * as referenceArea from "../../src/reference/index.js";

const root = join(import.meta.dirname, "..", "..");
const distEntry = join(root, "dist", "index.js");

// Property names survive minification; every zod schema object carries `_zod`.
const ZOD_MARKER = "_zod";
// Only zod's JSON-schema generator names the draft: it is dead weight for this library.
const ZOD_JSON_SCHEMA_MARKER = "draft-2020-12";

interface Entry {
  readonly label: string;
  /** The names imported; `null` means the whole library (`export *`). */
  readonly names: readonly string[] | null;
  /** Ceiling for the gzip size of the bundle, in bytes. */
  readonly maxGzip: number;
  /** Whether zod may appear in the bundle at all. */
  readonly zod: boolean;
}

const KB = 1024;
const entries: readonly Entry[] = [
  // Measured 5,079 bytes.
  {
    label: "parseNormalizedNamed + familiarString",
    names: ["parseNormalizedNamed", "familiarString"],
    maxGzip: 6 * KB,
    zod: false,
  },
  // Measured 7,271 bytes.
  {
    label: "every reference export",
    names: Object.keys(referenceArea),
    maxGzip: 8.5 * KB,
    zod: false,
  },
  // Measured 14,484 bytes.
  {
    label: "defaultPullPolicy + findImages",
    names: ["defaultPullPolicy", "findImages"],
    maxGzip: 17 * KB,
    zod: true,
  },
  // Measured 16,139 bytes.
  {
    label: "createKeyring + parseDockerConfig",
    names: ["createKeyring", "parseDockerConfig"],
    maxGzip: 19 * KB,
    zod: true,
  },
  // Measured 42,212 bytes (118.4 KB before zod was imported as a namespace).
  { label: "the whole library", names: null, maxGzip: 48 * KB, zod: true },
];

/** Bundles a one-line entry re-exporting `names` from dist/index.js; the minified text. */
async function bundle(names: readonly string[] | null): Promise<string> {
  const from = JSON.stringify(distEntry);
  const contents =
    names === null ? `export * from ${from};` : `export { ${names.join(", ")} } from ${from};`;
  const result = await bundleForBrowser(contents, root, {
    // zod resolves from this package's node_modules wherever the bundled dist lies.
    nodePaths: [join(root, "node_modules")],
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error("esbuild produced no output");
  return output.text;
}

describe("tree-shaking of dist/index.js (browser bundle, minified, gzip level 9)", () => {
  it("bundles the build that `npm test` makes first", () => {
    expect(existsSync(distEntry), distEntry).toBe(true);
  });

  it("imports the reference area's names for entry (b)", () => {
    expect(Object.keys(referenceArea)).toEqual(
      expect.arrayContaining(["parseNormalizedNamed", "familiarString", "familiarMatch"]),
    );
  });

  it.each(entries)("$label: under the ceiling, zod only where needed", async (entry) => {
    const code = await bundle(entry.names);
    const gzip = gzipSync(code, { level: 9 }).length;
    expect(gzip, `${entry.label}: ${gzip} bytes gzip`).toBeLessThanOrEqual(entry.maxGzip);
    expect(code.includes(ZOD_MARKER), `${entry.label}: zod in the bundle`).toBe(entry.zod);
    // Where zod is used, only the parts used are kept: not its JSON-schema generator.
    expect(code.includes(ZOD_JSON_SCHEMA_MARKER), `${entry.label}: zod's JSON schema code`).toBe(
      false,
    );
  });
});
