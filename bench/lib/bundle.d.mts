import type { BuildOptions, BuildResult, OutputFile } from "esbuild";

/** See bundle.mjs: the browser bundle pullpolicy's size numbers are measured with. */
export function bundleForBrowser(
  contents: string,
  resolveDir: string,
  extra?: BuildOptions,
): Promise<BuildResult & { outputFiles: OutputFile[] }>;
