import { describe, expect, it } from "vitest";
import { createColors } from "../../src/cli/color.js";
import { renderTable } from "../../src/cli/table.js";

describe("renderTable", () => {
  it("pads columns to the widest cell and trims line ends", () => {
    expect(
      renderTable(
        ["A", "BB", "C"],
        [
          ["xxx", "y", ""],
          ["1", "22", "333"],
        ],
      ),
    ).toBe("A    BB  C\nxxx  y\n1    22  333\n");
  });
  it("ignores colour escapes when measuring", () => {
    const c = createColors(true);
    const out = renderTable(
      ["K", "V"],
      [
        [c.red("ab"), "1"],
        ["abcd", "2"],
      ],
    );
    expect(out.split("\n")[1]).toBe(`${c.red("ab")}    1`);
  });
  it("keeps a record on one line", () => {
    expect(renderTable(["A"], [["x\ny"]])).toBe("A\nx y\n");
  });
});
