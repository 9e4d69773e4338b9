// The built CLI on 847 real public manifests (other projects' files, read in place from
// ../shared/corpus/manifests; SOURCES.md there names each file's origin and the files that need
// care). Without the corpus these tests fail on purpose: they must never pass silently.
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { safeFindImages } from "../../../src/index.js";
import {
  CORPUS_DIR,
  CORPUS_MISSING_MESSAGE,
  CORPUS_PRESENT,
  CORPUS_README_BY_KIND,
  CORPUS_README_IMAGE_USES,
} from "../../support/corpus.js";
import { json, runCli } from "../run-cli.js";
import { sarifProblems } from "../sarif-check.js";

interface Record {
  file: string;
  docIndex: number;
  kind: string;
  path: string;
  image: string;
  imagePullPolicy: string | null;
  effectivePolicy: string;
  line: number | null;
}

const INVALID_YAML = [
  "GoogleCloudPlatform__kubernetes-engine-samples/ai-ml/gke-model-armor/preparing-the-model/producer-job.yaml:27:",
  "GoogleCloudPlatform__kubernetes-engine-samples/ai-ml/gke-model-armor/preparing-the-model/vllm-gemma-deployment.yaml:36:",
  "GoogleCloudPlatform__kubernetes-engine-samples/ai-ml/infw-gw/examples/getting-started/vllm-llama3-8b-instruct.yaml:16:",
];

describe("the CLI on the corpus of real manifests", () => {
  it("has the corpus", () => {
    expect(CORPUS_PRESENT, CORPUS_MISSING_MESSAGE).toBe(true);
  });
  if (!CORPUS_PRESENT) return;

  const explain = runCli(["explain", "--json", CORPUS_DIR]);
  const records = json<Record[]>(explain);
  const rel = (file: string) => relative(CORPUS_DIR, file);

  it("explains every image of every built-in workload (the counts of SOURCES.md)", () => {
    expect(records).toHaveLength(CORPUS_README_IMAGE_USES);
    const byKind: { [kind: string]: number } = {};
    for (const r of records) byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
    expect(byKind).toEqual(CORPUS_README_BY_KIND);
    expect(new Set(records.map((r) => rel(r.file))).size).toBe(824);
  });

  it("names exactly the three files that are not YAML, with line and column, and exits 2", () => {
    expect(explain.status).toBe(2);
    const errors = explain.stderr
      .split("\n")
      .filter((l) => l.startsWith("pullpolicy: ") && !l.startsWith("pullpolicy: note:"));
    expect(errors).toHaveLength(3);
    INVALID_YAML.forEach((where, i) => {
      expect(errors[i]).toMatch(
        new RegExp(
          `^pullpolicy: ${join(CORPUS_DIR, where).replaceAll(".", "\\.")}\\d+: YAML syntax error: `,
        ),
      );
    });
  });

  it("reads the five files kubectl accepts and strict parsers reject, with a note each", () => {
    const notes = explain.stderr.split("\n").filter((l) => l.startsWith("pullpolicy: note: "));
    expect(notes).toHaveLength(5);
    const dashboard = records.filter(
      (r) =>
        rel(r.file) === "kubernetes__dashboard/hack/test-resources/init-container-error-pod.yaml",
    );
    expect(dashboard.map((r) => r.image)).toEqual(["alpine:3.4"]);
  });

  it("agrees document by document with the walker run on the corpus's own JSON of each document", () => {
    const lines = gunzipSync(readFileSync(join(CORPUS_DIR, "..", "manifest-docs.jsonl.gz")))
      .toString("utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { file: string; docIndex: number; doc: unknown });
    const ours = new Map<string, Record[]>();
    for (const r of records) {
      const key = `${rel(r.file)}#${r.docIndex}`;
      ours.set(key, [...(ours.get(key) ?? []), r]);
    }
    let compared = 0;
    for (const line of lines) {
      const want = safeFindImages(line.doc).data;
      const got = ours.get(`${line.file}#${line.docIndex}`) ?? [];
      expect(
        got.map((r) => [r.path, r.image, r.imagePullPolicy, r.effectivePolicy]),
        `${line.file} document ${line.docIndex}`,
      ).toEqual(want.map((u) => [u.path, u.image, u.imagePullPolicy, u.effectivePolicy]));
      compared += want.length;
    }
    expect(compared).toBeGreaterThan(1100);
  });

  it("gives every image a line and column", () => {
    expect(records.filter((r) => r.line === null)).toEqual([]);
  });

  it("does not lint custom resources that only look like workloads", () => {
    const kruise = records.filter((r) => r.file.includes("apps.kruise.io"));
    expect(kruise).toEqual([]);
  });

  it("lints the corpus into valid SARIF", () => {
    const lint = runCli(["lint", "--format", "sarif", CORPUS_DIR]);
    expect(lint.status).toBe(2); // the three invalid files
    const log = json<{ runs: { results: unknown[] }[] }>(lint);
    expect(sarifProblems(log)).toEqual([]);
    expect(log.runs[0]?.results.length).toBeGreaterThan(1000);
  });

  it("finds the placeholders and fake digests the corpus notes as invalid image names", () => {
    const lint = json<{ ruleId: string; image: string }[]>(
      runCli(["lint", "--format", "json", "--fail-on", "none", CORPUS_DIR]),
    );
    const invalid = lint.filter((f) => f.ruleId === "invalid-image-name");
    expect(invalid).toHaveLength(46);
    expect(invalid.some((f) => f.image.includes("@sha256:123456"))).toBe(true);
  });
});
