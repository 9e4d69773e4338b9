/**
 * Quoting of user-written strings in messages: JSON string syntax, which shows spaces, empty
 * strings and control characters unambiguously (and reads like Go's %q for printable text).
 */

/**
 * Quotes a string for a message.
 * @example
 * goQuoteForCli("nginx "); // '"nginx "'
 */
export function goQuoteForCli(s: string): string {
  return JSON.stringify(s);
}
