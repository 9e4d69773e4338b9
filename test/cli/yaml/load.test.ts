import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/cli/errors.js";
import { loadManifestText, visitManifestDocuments } from "../../../src/cli/yaml/load.js";
import { CORPUS_DIR, CORPUS_MISSING_MESSAGE, CORPUS_PRESENT } from "../../support/corpus.js";

function loadError(text: string, name = "f.yaml"): InputError {
  try {
    loadManifestText(text, name);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("loadManifestText", () => {
  it("gives documents, indexes and positions (fast path)", () => {
    const file = loadManifestText(
      "a: 1\n---\nkind: Pod\nspec:\n  containers:\n  - image: x\n",
      "f",
    );
    expect(file.documents.map((d) => d.index)).toEqual([0, 1]);
    expect(file.documents[1]?.positionOf("spec.containers[0].image")).toEqual({
      line: 6,
      column: 12,
    });
    expect(file.documents[1]?.positionOf("spec.containers[1].image")).toBeUndefined();
  });

  it("gives positions through the full parser too (flow style, anchors)", () => {
    const text =
      '---\n{ kind: "Pod", spec: { containers: [ { image: "nginx" } ] } }\n---\na: &x 1\nb: *x\n';
    const file = loadManifestText(text, "f");
    expect(file.documents[0]?.positionOf("spec.containers[0].image")).toEqual({
      line: 2,
      column: 47,
    });
    expect(file.documents[1]?.value).toEqual({ a: 1, b: 1 });
  });

  it("keeps the last of duplicate keys, as kubectl does", () => {
    const text = "a: 1\nb: [x]\na: 2\n";
    expect(loadManifestText(text, "f").documents[0]?.value).toEqual({ a: 2, b: ["x"] });
  });

  it("reads JSON", () => {
    const file = loadManifestText('{"kind": "List", "items": []}', "f.json");
    expect(file.documents[0]?.value).toEqual({ kind: "List", items: [] });
  });

  it.each([
    ["a: [1\n", "f.yaml:2:1: YAML syntax error: Flow sequence in block collection must be"],
    ["a: 1\n b: 2\n", "f.yaml:1:4: YAML syntax error: Nested mappings are not allowed"],
    ["a:\n  b: 1\n c: 2\n", "f.yaml:3:1: YAML syntax error: All mapping items must start"],
  ])("reports a syntax error in %j with file:line:col", (text, prefix) => {
    const error = loadError(text);
    expect(error.code).toBe("YAML_SYNTAX");
    expect(error.message.startsWith(prefix)).toBe(true);
  });

  it("names unrendered Helm templates", () => {
    const error = loadError("spec:\n  image: {{ .Values.image }}\n", "chart/deploy.yaml");
    expect(error.code).toBe("HELM_TEMPLATE");
    expect(error.message).toBe(
      'chart/deploy.yaml:2:10: this is a Helm/Go template ("{{"), not a manifest: render it first (for example `helm template`) and check the output',
    );
  });

  it("refuses alias bombs and documents nested too deeply, with a reason", () => {
    const bomb = loadError(
      "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n",
    );
    expect(bomb.message).toBe(
      "f.yaml:1:1: cannot read this YAML: Excessive alias count indicates a resource exhaustion attack",
    );
    const deep = loadError(`a: ${"[".repeat(50_000)}${"]".repeat(50_000)}\n`);
    expect(deep.message).toMatch(
      /^f\.yaml:1:\d+: YAML syntax error: the document is nested too deeply to read$/,
    );
  });

  it("keeps deeply nested valid JSON, without positions", () => {
    const file = loadManifestText(
      `{"kind": "Pod", "x": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`,
      "f.json",
    );
    expect(file.documents[0]?.value).toMatchObject({ kind: "Pod" });
    expect(file.documents[0]?.positionOf("kind")).toBeUndefined();
  });

  it("visits each document once, in order, even when the fast reader gives up half-way", () => {
    const text = "a: 1\n---\nb: 2\n---\nc: &x 3\n";
    const { results } = visitManifestDocuments(text, "f", (doc) => [doc.index, doc.value]);
    expect(results).toEqual([
      [0, { a: 1 }],
      [1, { b: 2 }],
      [2, { c: 3 }],
    ]);
  });

  it("reads the corpus files kubectl reads and rejects the three invalid ones", () => {
    expect(CORPUS_PRESENT, CORPUS_MISSING_MESSAGE).toBe(true);
    const lenient = loadManifestText(
      readFileSync(
        join(CORPUS_DIR, "kubernetes__dashboard/hack/test-resources/init-container-error-pod.yaml"),
        "utf8",
      ),
      "x.yaml",
    );
    expect(lenient.notes).toHaveLength(1);
    expect(lenient.documents).toHaveLength(1);
    const duplicate = loadManifestText(
      readFileSync(
        join(CORPUS_DIR, "kubernetes__examples/_archived/openshift-origin/etcd-controller.yaml"),
        "utf8",
      ),
      "x.yaml",
    );
    expect(duplicate.documents.length).toBeGreaterThan(0);
    const invalid = join(
      CORPUS_DIR,
      "GoogleCloudPlatform__kubernetes-engine-samples/ai-ml/gke-model-armor/preparing-the-model/producer-job.yaml",
    );
    const error = loadError(readFileSync(invalid, "utf8"), "producer-job.yaml");
    expect(error.message).toMatch(/^producer-job\.yaml:27:\d+: YAML syntax error: /);
  });
});
