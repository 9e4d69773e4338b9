/**
 * JSON output that scripts can rely on: two-space indentation, a final newline, keys in the order
 * the record types declare them (records are built field by field, never spread from library
 * objects), and `null` rather than a missing field.
 */

/**
 * Serialises a value for `--json` / `--format json`.
 * @example
 * stableJson([{ a: 1 }]); // '[\n  {\n    "a": 1\n  }\n]\n'
 */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
