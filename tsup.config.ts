import { defineConfig } from "tsup";

export default defineConfig([
  {
    // The library: browser-safe, both module systems, with types for each.
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "es2022",
    platform: "neutral",
    treeshake: true,
  },
  {
    // The command line: Node only, ESM, never imported by the library.
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
    external: ["yaml", "picomatch", "zod"],
  },
]);
