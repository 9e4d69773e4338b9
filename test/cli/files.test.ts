import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { collectInputs, describeFsError } from "../../src/cli/files.js";
import { createMemoryIo } from "../../src/cli/io.js";

const dir = mkdtempSync(join(tmpdir(), "pullpolicy-files-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const f of [
  "b.yaml",
  "a.yml",
  "c.JSON",
  "notes.md",
  "sub/z.yaml",
  ".hidden/h.yaml",
  ".git/x.yaml",
  "node_modules/m.yaml",
]) {
  mkdirSync(join(dir, f, ".."), { recursive: true });
  writeFileSync(join(dir, f), "kind: Pod\n");
}
symlinkSync(dir, join(dir, "sub", "loop"));

describe("collectInputs", () => {
  it("walks directories in sorted order, skipping VCS folders and node_modules, following no loop", async () => {
    const io = createMemoryIo({ cwd: dir, stdin: "kind: Pod" });
    const { files, errors } = collectInputs([dir, "-", "-"], io);
    expect(errors).toEqual([]);
    expect(files.map((f) => f.uri)).toEqual([
      ".hidden/h.yaml",
      "a.yml",
      "b.yaml",
      "c.JSON",
      "sub/z.yaml",
      "-",
    ]);
    expect(await files[5]?.read()).toBe("kind: Pod");
  });

  it("names missing paths and keeps the others", () => {
    const { files, errors } = collectInputs(
      [join(dir, "nope.yaml"), join(dir, "a.yml")],
      createMemoryIo({ cwd: dir }),
    );
    expect(files.map((f) => f.uri)).toEqual(["a.yml"]);
    expect(errors.map((e) => [e.code, e.message])).toEqual([
      ["MISSING_FILE", `${join(dir, "nope.yaml")}: no such file or directory`],
    ]);
  });
});

describe("describeFsError", () => {
  it.each([
    ["ENOENT", "MISSING_FILE", "f: no such file or directory"],
    ["EACCES", "UNREADABLE", "f: permission denied"],
    ["EISDIR", "UNREADABLE", "f: is a directory"],
  ])("%s", (code, want, message) => {
    const error = describeFsError("f", Object.assign(new Error("x"), { code }));
    expect([error.code, error.message]).toEqual([want, message]);
  });
});
