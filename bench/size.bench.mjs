// Bundle size for browsers (issue 2, "Size"): esbuild, platform browser, bundle + minify +
// tree-shaking, gzip with node:zlib (level 9). Target: the reference module under 5 KB gzip.
//
//   npm run bench -- size          (builds first)
//   node bench/size.bench.mjs [--json FILE]
//
// Each entry is a one-line module that imports only some names, as an application would; both
// the TypeScript sources (src/index.ts) and the published build (dist/index.js) are measured.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { bundleForBrowser } from "./lib/bundle.mjs";
import { fmt, table } from "./lib/timing.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const jsonAt = args.indexOf("--json");
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : null;
const TARGET_GZIP = 5 * 1024;

/** The public names of src/reference, read from its index's explicit `export { … }` lists. */
function referenceNames() {
  const source = readFileSync(new URL("../src/reference/index.ts", import.meta.url), "utf8");
  const names = [];
  for (const m of source.matchAll(/export\s*\{([^}]*)\}\s*from/g)) {
    for (const part of m[1].split(",")) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop();
      if (name) names.push(name);
    }
  }
  return names;
}

async function measure(label, contents) {
  const result = await bundleForBrowser(contents, root, { metafile: true });
  const code = result.outputFiles[0].contents;
  // Minified bytes per origin (our src/<area> or an npm package), before gzip. esbuild lists
  // every module it read; only those with bytes in the output survived tree-shaking.
  const byOrigin = {};
  let modules = 0;
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (bytesInOutput === 0 || file === "entry.mjs") continue;
      modules++;
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
      const origin = pkg ?? /^(?:src|dist)\/[^/]+/.exec(file)?.[0] ?? file;
      byOrigin[origin] = (byOrigin[origin] ?? 0) + bytesInOutput;
    }
  }
  return { label, raw: code.length, gzip: gzipSync(code, { level: 9 }).length, modules, byOrigin };
}

// `export type { … }` lists do not match the pattern in referenceNames, so these are all values.
const reference = referenceNames();
const minimal = ["parseNormalizedNamed", "familiarString"];
const haveDist = existsSync(new URL("../dist/index.js", import.meta.url));

const entries = [];
for (const [from, spec] of [
  ["src", "./src/index.ts"],
  ["dist", "./dist/index.js"],
]) {
  if (from === "dist" && !haveDist) {
    console.log("(dist/index.js is missing: run `npm run build` to measure the published build)\n");
    continue;
  }
  entries.push([
    `${from}: parseNormalizedNamed + familiarString`,
    `export { ${minimal.join(", ")} } from "${spec}";`,
  ]);
  if (reference.length) {
    entries.push([
      `${from}: every src/reference export (${reference.length} names)`,
      `export { ${reference.join(", ")} } from "${spec}";`,
    ]);
    // familiarMatch alone brings Go's path.Match (src/internal): shown apart.
    const withoutMatch = reference.filter((n) => n !== "familiarMatch");
    entries.push([
      `${from}: src/reference exports except familiarMatch (${withoutMatch.length} names)`,
      `export { ${withoutMatch.join(", ")} } from "${spec}";`,
    ]);
  }
  entries.push([`${from}: whole library (\`export *\`)`, `export * from "${spec}";`]);
}

const rows = [];
const report = { date: new Date().toISOString(), referenceNames: reference, results: [] };
for (const [label, contents] of entries) {
  try {
    const r = await measure(label, contents);
    report.results.push(r);
    rows.push([label, fmt(r.raw), fmt(r.gzip), `${fmt(r.gzip / 1024, 2)} KB`, String(r.modules)]);
  } catch (e) {
    // esbuild puts the reasons in `errors`; the first one is enough to act on.
    const message = e?.errors?.[0]?.text ?? (e instanceof Error ? e.message : String(e));
    report.results.push({ label, error: message });
    rows.push([label, "build failed", message, "", ""]);
  }
}
console.log("#### Browser bundle (esbuild --bundle --minify --platform=browser, gzip -9)\n");
console.log(table(["entry", "raw bytes", "gzip bytes", "gzip", "modules"], rows));
for (const r of report.results) {
  if (!r.byOrigin || !r.label.startsWith("src:")) continue;
  const origins = Object.entries(r.byOrigin).sort((x, y) => y[1] - x[1]);
  console.log(`\n${r.label}: minified bytes by origin (before gzip): `);
  console.log(origins.map(([o, bytes]) => `${o} ${fmt(bytes)}`).join(", "));
}
const ref = report.results.find((r) => r.label.startsWith("src: every src/reference"));
if (ref && ref.gzip !== undefined) {
  const met = ref.gzip < TARGET_GZIP;
  console.log(
    `\nreference module: ${fmt(ref.gzip)} B gzip, target < ${fmt(TARGET_GZIP)} B: ${met ? "met" : "MISSED"}`,
  );
  report.target = { gzip: ref.gzip, limit: TARGET_GZIP, met };
}
if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
