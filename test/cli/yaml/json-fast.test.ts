// The fast JSON reader must agree with eemeli `yaml` (values and positions) on any JSON.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fastParseJson } from "../../../src/cli/yaml/json-fast.js";
import { expectAgreement as agree } from "./agreement.js";

const expectAgreement = (text: string, where: string): boolean =>
  agree(
    (t) => {
      const one = fastParseJson(t);
      return one ? [one] : undefined;
    },
    text,
    where,
  );

describe("fast JSON reader", () => {
  it.each([
    ['{"kind": "Pod", "spec": {"containers": [{"image": "nginx"}]}}'],
    ['{\n  "a": [1, 2.5e3, true, null, "x\\n\\u00e9"],\n  "b": {}\n}\n'],
    ['[\r\n  {"a\\"b": 1},\r\n  []\r\n]'],
    ['{"a": 1, "a": {"b": [2]}}'],
  ])("agrees with yaml on %j", (text) => {
    expect(expectAgreement(text, text)).toBe(true);
  });

  it("declines what is not JSON", () => {
    expect(fastParseJson("kind: Pod\n")).toBeUndefined();
    expect(fastParseJson('{"a": 1} # comment')).toBeUndefined();
    expect(fastParseJson("{a: 1}")).toBeUndefined();
  });

  it("agrees with yaml on generated JSON in any indentation", () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 4 }),
        fc.constantFrom(0, 1, 2, "\t"),
        (value, indent) => {
          const text = JSON.stringify({ root: value }, null, indent);
          expect(expectAgreement(text, text)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
