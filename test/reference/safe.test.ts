// The safe* forms: the same answers as the throwing forms, as data, and never a throw.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ImageReferenceError,
  parseAnyReference,
  parseDockerRef,
  parseNamed,
  parseNormalizedNamed,
  parseReference,
  type Reference,
  safeParseAnyReference,
  safeParseDockerRef,
  safeParseNamed,
  safeParseNormalizedNamed,
  safeParseReference,
} from "../../src/reference/index.js";

const PAIRS = [
  ["safeParseReference", safeParseReference, parseReference],
  ["safeParseNamed", safeParseNamed, parseNamed],
  ["safeParseNormalizedNamed", safeParseNormalizedNamed, parseNormalizedNamed],
  ["safeParseAnyReference", safeParseAnyReference, parseAnyReference],
  ["safeParseDockerRef", safeParseDockerRef, parseDockerRef],
] as const;

const INPUTS = [
  "nginx",
  "docker.io/library/nginx",
  "FOO",
  "",
  "a".repeat(64),
  `sha256:${"a".repeat(64)}`,
  "[::1]:5000/x",
];

describe.each(PAIRS)("%s", (name, safe, throwing) => {
  const run = safe as (s: unknown) => ReturnType<typeof safeParseAnyReference>;
  it.each(INPUTS)("agrees with the throwing form on %j", (input) => {
    const result = run(input);
    let expected: { success: true; reference: Reference } | { success: false; error: unknown };
    try {
      expected = { success: true, reference: (throwing as (s: string) => Reference)(input) };
    } catch (error) {
      expected = { success: false, error };
    }
    expect(result.success).toBe(expected.success);
    if (result.success && expected.success) {
      expect({ ...result.reference }).toEqual({ ...expected.reference });
      expect(String(result.reference)).toBe(String(expected.reference));
    }
    if (!result.success && !expected.success) {
      expect(result.error).toBeInstanceOf(ImageReferenceError);
      expect(result.error.message).toBe((expected.error as Error).message);
      expect(result.error.code).toBe((expected.error as ImageReferenceError).code);
    }
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const result = run(value);
        expect(typeof result.success).toBe("boolean");
        if (typeof value !== "string") {
          expect(result.success).toBe(false);
          if (!result.success) {
            expect(result.error.code).toBe("NOT_A_STRING");
            expect(result.error.message.startsWith(`${name}: expected a string`)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
