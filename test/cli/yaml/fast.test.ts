import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { fastParseDocuments, resolvePlain } from "../../../src/cli/yaml/fast.js";
import { CORPUS_MISSING_MESSAGE, CORPUS_PRESENT, corpusFiles } from "../../support/corpus.js";
import { expectAgreement as agree } from "./agreement.js";

const expectAgreement = (text: string, where: string): boolean =>
  agree(fastParseDocuments, text, where);

describe("fast YAML reader", () => {
  it.each([
    ["kind: Pod\n", [{ kind: "Pod" }]],
    ["a: 1\n---\nb: 2\n", [{ a: 1 }, { b: 2 }]],
    ["# only\n---\na: 1\n", [{ a: 1 }]],
    ["---\na: 1\n---\n# empty\n---\nb: x\n", [{ a: 1 }, null, { b: "x" }]],
    ["a: 1\n---\n", [{ a: 1 }, null]],
    ["", []],
    ["# nothing\n\n", []],
    ["a:\n- x\n- y\nb: 2\n", [{ a: ["x", "y"], b: 2 }]],
    [
      "a:\n  - name: x\n    image: nginx # c\n  - y\n",
      [{ a: [{ name: "x", image: "nginx" }, "y"] }],
    ],
    ["a: |\n  line1\n\n  line2\nb: c\n", [{ a: "line1\n\nline2\n", b: "c" }]],
    ["a: |-\n  x\n", [{ a: "x" }]],
    ["a: |\nb: 1\n", [{ a: "", b: 1 }]],
    ["a: \"x\\ty\\u00e9\"\nb: 'it''s'\n", [{ a: "x\ty\u00e9", b: "it's" }]],
    ["a: []\nb: {}\nc:\n", [{ a: [], b: {}, c: null }]],
    [
      "n: 010\no: 0o17\nh: 0x1F\nf: 1.50\ne: 1e3\nt: True\nz: ~\ninf: -.inf\ns: 1.2.3\n",
      [
        {
          n: 10,
          o: 15,
          h: 31,
          f: 1.5,
          e: 1000,
          t: true,
          z: null,
          inf: Number.NEGATIVE_INFINITY,
          s: "1.2.3",
        },
      ],
    ],
    ["args:\n  - -c\n  - --port=80\n  - 'a: b'\n", [{ args: ["-c", "--port=80", "a: b"] }]],
    ["a: 1\na: 2\n", [{ a: 2 }]],
    ["- a\n-\n  - b\n", [["a", ["b"]]]],
    ["url: http://x:80/y\n", [{ url: "http://x:80/y" }]],
    ["- - a\n  - b\n- c\n", [[["a", "b"], "c"]]],
    ["{}\n", [{}]],
    ["-k: 1\n:x: 2\n", [{ "-k": 1, ":x": 2 }]],
    ['command: ["sh", "-c", \'echo "a, b"\']\n', [{ command: ["sh", "-c", 'echo "a, b"'] }]],
    ["r: {cpu: 100m, memory: 1Gi}\n", [{ r: { cpu: "100m", memory: "1Gi" } }]],
    ["- [a, [b, {c: d}], -x, 1.5, true, ~]\n", [[["a", ["b", { c: "d" }], "-x", 1.5, true, null]]]],
    ['{"kind": "Pod", "n": 1}\n', [{ kind: "Pod", n: 1 }]],
    ["u: {url: http://x:80/p}\n", [{ u: { url: "http://x:80/p" } }]],
    [
      "d: Operation contains\n  information about\n\n  a run\nk: 1\n",
      [{ d: "Operation contains information about\na run", k: 1 }],
    ],
    ["- one\n  two\n- three\n", [["one two", "three"]]],
    [
      "d: 'it''s\n  long\n\n  # not a comment '\nk: 1\n",
      [{ d: "it's long\n# not a comment ", k: 1 }],
    ],
    ['d: "a b\n    c"\n', [{ d: "a b c" }]],
  ])("reads %j like yaml", (text, want) => {
    expect(fastParseDocuments(text)?.map((d) => d.value)).toEqual(want);
    expect(expectAgreement(text, JSON.stringify(text))).toBe(true);
  });

  it.each([
    ["a: &x 1\nb: *x\n", "anchors and aliases"],
    ["a: !!str 1\n", "tags"],
    ["a: >\n  folded\n", "folded scalars"],
    ["a: [1,\n  2]\n", "flow collections over several lines"],
    ["a: [b: c]\n", "implicit pairs in flow sequences"],
    ["a: [1, 2, ]\n", "trailing commas"],
    ["a: {b: 1} # c\n  x: 2\n", "a flow mapping followed by more indented lines"],
    ['a: "multi \\\n  line"\n', "escaped line breaks"],
    ['a:\n  - "x\n y"\n', "continuation lines indented like the parent (go-yaml only)"],
    ["a: plain\n  # comment\n  continued\n", "comments inside multi-line plain scalars"],
    ["a: plain\n  b: c\n", "mappings under a scalar"],
    ["a:\tb\n", "tabs"],
    ["a: 1\r\n", "carriage returns"],
    ["%YAML 1.2\n---\na: 1\n", "directives"],
    ["1.0: x\n", "keys that are not strings"],
    ["? complex\n: key\n", "complex keys"],
    ["a: b: c\n", "invalid mappings"],
    ["__proto__: x\n", "the __proto__ key"],
    ["a: |+\n  x\n\n", "keep chomping"],
    ["just a scalar\n", "a scalar document"],
  ])("declines %j (%s)", (text) => {
    expect(fastParseDocuments(text)).toBeUndefined();
  });

  it("agrees with yaml on every corpus file it accepts, and accepts most of them", () => {
    expect(CORPUS_PRESENT, CORPUS_MISSING_MESSAGE).toBe(true);
    let accepted = 0;
    const files = corpusFiles();
    for (const file of files) {
      if (expectAgreement(readFileSync(file, "utf8"), file)) accepted++;
    }
    // The fast path is what makes explain fast: if it stopped accepting ordinary manifests,
    // nothing else would notice.
    expect(accepted).toBeGreaterThan(files.length * 0.6);
  });

  it("agrees with yaml on generated documents with flow collections", () => {
    let accepted = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom("args", "command", "r", "k"), fc.jsonValue({ maxDepth: 3 }), {
          maxKeys: 4,
        }),
        (doc) => {
          runs++;
          const text = stringify({ spec: doc }, { collectionStyle: "flow", lineWidth: 0 });
          if (expectAgreement(text, JSON.stringify(text))) accepted++;
        },
      ),
      { numRuns: 300 },
    );
    expect(accepted).toBeGreaterThan(runs * 0.25);
  });

  it("agrees with yaml on generated block-style documents", () => {
    const key = fc.oneof(
      fc.constantFrom("name", "image", "imagePullPolicy", "a b", "x.y/z", "-k", "true", "k:"),
      fc.string({ maxLength: 6 }),
    );
    const scalar = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc
        .array(fc.constantFrom("word", "a'b", 'q"x', "it's", "#h", "k: v", " ", "-", "é"), {
          maxLength: 12,
        })
        .map((w) => w.join(" ")),
      fc.constantFrom(
        "nginx:1.25",
        "",
        "null",
        "~",
        "0x1F",
        "1e3",
        "- x",
        "#",
        "a #b",
        "'q'",
        '"',
        "yes",
      ),
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.boolean(),
      fc.constant(null),
    );
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        scalar,
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(key, tie("value"), { maxKeys: 4 }),
      ),
    }));
    let runs = 0;
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.array(fc.dictionary(key, value, { maxKeys: 5 }), { minLength: 1, maxLength: 3 }),
        (docs) => {
          const text = docs.map((d) => stringify(d, { lineWidth: 0 })).join("---\n");
          runs++;
          if (expectAgreement(text, JSON.stringify(text))) accepted++;
          // A narrow line width makes yaml fold long strings over several lines.
          const folded = docs
            .map((d) => stringify(d, { lineWidth: 20, minContentWidth: 5 }))
            .join("---\n");
          expectAgreement(folded, JSON.stringify(folded));
        },
      ),
      { numRuns: 400 },
    );
    // A property that the reader could satisfy by declining everything would prove nothing.
    expect(accepted).toBeGreaterThan(runs * 0.25);
  });
});

describe("resolvePlain", () => {
  it.each([
    ["8080", 8080],
    ["-12", -12],
    ["0o17", 15],
    ["0x1f", 31],
    ["1.5", 1.5],
    [".5", 0.5],
    ["1e3", 1000],
    [".inf", Number.POSITIVE_INFINITY],
    ["true", true],
    ["FALSE", false],
    ["null", null],
    ["~", null],
    ["yes", "yes"],
    ["1.2.3", "1.2.3"],
    ["0x", "0x"],
    ["latest", "latest"],
  ])("%j → %j", (s, want) => {
    expect(resolvePlain(s)).toEqual(want);
  });
  it("reads .nan as NaN", () => {
    expect(resolvePlain(".nan")).toBeNaN();
  });
});
