import { describe, expect, it } from "vitest";
import { findTemplateMarker } from "../../../src/cli/yaml/template.js";

describe("findTemplateMarker", () => {
  it.each([
    ["image: {{ .Values.image }}\n", { line: 1, column: 8 }],
    ["kind: Pod\n{{- if .Values.enabled }}\nspec: {}\n", { line: 2, column: 1 }],
    ["spec:\n  containers:\n    - image: {{ .Values.image }}\n", { line: 3, column: 14 }],
    ['a:\n  - {{ include "x" . }}\n', { line: 2, column: 5 }],
    ["data: |\n  x\nimage: {{ .Values.i }}\n", { line: 3, column: 8 }],
  ])("finds the template in %j", (text, want) => {
    expect(findTemplateMarker(text)).toEqual(want);
  });

  it.each([
    ["kind: Pod\n"],
    ['summary: "{{ $labels.instance }} is down"\n'],
    ["summary: Instance {{ $labels.instance }} down\n"],
    ["data:\n  template: |\n    {{ range .Items }}\n    {{ end }}\nkind: ConfigMap\n"],
    ["# {{ a comment }}\nkind: Pod\n"],
    ["text: '{{ x }}'\n"],
  ])("does not mistake data for a template: %j", (text) => {
    expect(findTemplateMarker(text)).toBeUndefined();
  });
});
