import { describe, expect, it } from "vitest";
import { lineStartsOf, parseObjectPath, positionAt } from "../../../src/cli/yaml/position.js";

describe("parseObjectPath", () => {
  it.each([
    [
      "spec.template.spec.containers[0].image",
      ["spec", "template", "spec", "containers", 0, "image"],
    ],
    [
      "items[2].spec.volumes[1].image.reference",
      ["items", 2, "spec", "volumes", 1, "image", "reference"],
    ],
    ["spec", ["spec"]],
    ["", []],
    ["a[10][3]", ["a", 10, 3]],
  ])("%s", (path, want) => {
    expect(parseObjectPath(path)).toEqual(want);
  });
});

describe("positionAt / lineStartsOf", () => {
  it("maps offsets to 1-based lines and columns", () => {
    const text = "ab\ncde\n\nf";
    const starts = lineStartsOf(text);
    expect(starts).toEqual([0, 3, 7, 8]);
    expect(positionAt(starts, 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt(starts, 4)).toEqual({ line: 2, column: 2 });
    expect(positionAt(starts, 7)).toEqual({ line: 3, column: 1 });
    expect(positionAt(starts, 8)).toEqual({ line: 4, column: 1 });
  });
});
