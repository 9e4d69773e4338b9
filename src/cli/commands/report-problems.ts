/**
 * Prints a scan's input errors and leniency notes to standard error, one line each.
 */
import type { CliIo } from "../io.js";
import type { ScanResult } from "../scan.js";

/**
 * Writes `pullpolicy: <error>` lines and `pullpolicy: note: <note>` lines.
 * @example
 * reportScanProblems(scan, io);
 */
export function reportScanProblems(scan: ScanResult, io: CliIo): void {
  for (const note of scan.notes) io.err(`pullpolicy: note: ${note}\n`);
  for (const error of scan.errors) io.err(`pullpolicy: ${error.message}\n`);
}
