/**
 * Plain text tables: columns padded to their widest cell, two spaces apart, no trailing spaces.
 * Cells may contain colour escapes; widths ignore them.
 */
import { visibleWidth } from "./color.js";

/**
 * Renders a header row and data rows as aligned text, one line each, ending in a newline.
 * Newlines inside a cell are shown as spaces so that one record stays on one line.
 * @example
 * renderTable(["A", "B"], [["1", "22"]]);
 * // "A  B\n1  22\n"
 */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const all = [header, ...rows].map((r) => r.map(oneLine));
  const widths: number[] = header.map(() => 0);
  for (const row of all) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, visibleWidth(cell));
    });
  }
  let out = "";
  for (const row of all) {
    let line = "";
    row.forEach((cell, i) => {
      const last = i === row.length - 1;
      line += last ? cell : cell + " ".repeat((widths[i] ?? 0) - visibleWidth(cell) + 2);
    });
    out += `${line.trimEnd()}\n`;
  }
  return out;
}

function oneLine(cell: string): string {
  if (!cell.includes("\n") && !cell.includes("\r")) return cell;
  return cell.replaceAll("\r\n", " ").replaceAll("\n", " ").replaceAll("\r", " ");
}
