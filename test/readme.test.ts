// Every `js` code block of the README runs against the built package and exits 0, so the
// documentation cannot drift from the library. Blocks are written next to package.json, where
// `import … from "pullpolicy"` resolves to this package itself.
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const readme = readFileSync(join(root, "README.md"), "utf8");
const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");

describe("README", () => {
  it("has the Quick start's two commands", () => {
    expect(readme).toContain("npm ci && npm run demo");
    expect(readme).toContain("npm ci && npm test");
  });

  it("has runnable js examples", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
  });

  it.each(blocks.map((code, i) => [i, code] as const))("js block %i runs", (i, code) => {
    const file = join(root, `.readme-block-${i}-${process.pid}.mjs`);
    writeFileSync(file, code);
    try {
      const out = execFileSync(process.execPath, [file], { encoding: "utf8", timeout: 30_000 });
      expect(out.trim().length).toBeGreaterThan(0);
    } finally {
      rmSync(file, { force: true });
    }
  });
});
