// How pullpolicy measures what a browser application pays: esbuild bundles a one-line entry
// (re-exporting some names, as an application would import them) for the browser, minified and
// tree-shaken. The size benchmark and the tree-shaking test both call this, so the numbers in
// docs/PERFORMANCE.md and the test's ceilings are measured the same way.
import { build } from "esbuild";

/**
 * Bundles `contents` (an ES module) resolving imports from `resolveDir`; `extra` adds esbuild
 * options (e.g. `metafile`, `nodePaths`). Returns esbuild's result with the output in memory.
 * @example
 * const { outputFiles } = await bundleForBrowser('export { parseNormalizedNamed } from "./dist/index.js";', root);
 */
export function bundleForBrowser(contents, resolveDir, extra = {}) {
  return build({
    stdin: { contents, resolveDir, sourcefile: "entry.mjs", loader: "js" },
    bundle: true,
    minify: true,
    treeShaking: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    write: false,
    logLevel: "silent",
    ...extra,
  });
}
