// Every runnable example in examples/ runs against the built package and exits 0: the README's
// examples are these files, so documentation that stops working fails the build.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const examples = readdirSync(join(root, "examples")).filter((f) => /\.(mjs|cjs)$/.test(f));

describe("examples", () => {
  it("there is at least one runnable example", () => {
    expect(examples.length).toBeGreaterThan(0);
  });
  it.each(examples)("%s runs and prints something", (file) => {
    const out = execFileSync(process.execPath, [join(root, "examples", file)], {
      cwd: root,
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(out.trim().length).toBeGreaterThan(0);
  });
});
