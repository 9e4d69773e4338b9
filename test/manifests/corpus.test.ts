// The walker over every document of the shared corpus of real manifests (other projects' files,
// read in place, never copied here). CI has the corpus; when it is absent this file says so.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { type ImageUse, safeFindImages } from "../../src/manifests/index.js";
import { safeApplyPullPolicyDefaults } from "../../src/policy/index.js";
import {
  CORPUS_DIR,
  CORPUS_DOCS_JSONL,
  CORPUS_README_BY_KIND as README_BY_KIND,
  CORPUS_README_IMAGE_USES as README_TOTAL,
} from "../support/corpus.js";

const jsonl = CORPUS_DOCS_JSONL;
const present = existsSync(jsonl);

// manifest-docs.jsonl.gz leaves out the one file with built-in workloads that PyYAML rejects (a
// tab after a plain scalar, which go-yaml and kubectl accept): its Deployment holds the 1192nd
// image. We read that file from the corpus with the yaml package, as kubectl would.
const NOT_IN_JSONL =
  "GoogleCloudPlatform__kubernetes-engine-samples/ai-ml/vllm-tpu/vllm-llama3-70b.yaml";

interface Line {
  readonly file: string;
  readonly docIndex: number;
  readonly doc: unknown;
}

// Only one of the two suites is registered, so a run never reports a skipped check.
if (present)
  describe("corpus: every document of manifest-docs.jsonl.gz", () => {
    const lines: Line[] = present
      ? gunzipSync(readFileSync(jsonl))
          .toString("utf8")
          .split("\n")
          .filter((l) => l !== "")
          .map((l) => JSON.parse(l) as Line)
      : [];
    const uses: ImageUse[] = [];
    const failures: string[] = [];
    const documents = new Set<string>();
    const files = new Set<string>();
    for (const { file, docIndex, doc } of lines) {
      const result = safeFindImages(doc);
      if (!result.success) failures.push(`${file}#${docIndex}: ${result.error.message}`);
      if (!safeApplyPullPolicyDefaults(doc).success)
        failures.push(`${file}#${docIndex}: defaulting failed`);
      uses.push(...result.data);
      if (result.data.length > 0) {
        documents.add(`${file}#${docIndex}`);
        files.add(file);
      }
    }
    const extra = present
      ? parseAllDocuments(readFileSync(join(CORPUS_DIR, NOT_IN_JSONL), "utf8")).flatMap(
          (d) => safeFindImages(d.toJSON()).data,
        )
      : [];

    it("reads every line without a crash or a shape error", () => {
      expect(lines.length).toBe(2083);
      expect(failures).toEqual([]);
    });

    it("finds 1191 uses in the JSONL plus 1 in the file it leaves out: the README's 1192", () => {
      expect(uses.length).toBe(1191);
      expect(extra.map((u) => [u.kind, u.path])).toEqual([
        ["Deployment", "spec.template.spec.containers[0]"],
      ]);
      expect(uses.length + extra.length).toBe(README_TOTAL);
      expect(documents.size + 1).toBe(1044);
      expect(files.size + 1).toBe(824);
    });

    it("matches the README's count by kind", () => {
      const byKind: Record<string, number> = {};
      for (const u of [...uses, ...extra]) byKind[u.kind] = (byKind[u.kind] ?? 0) + 1;
      expect(byKind).toEqual(README_BY_KIND);
    });

    it("matches the README's notes: 4 ephemeral containers in templates, 2 image volumes with explicit pullPolicy, 46 images the node rejects", () => {
      const ephemeral = uses.filter((u) => u.source === "ephemeralContainer");
      expect(ephemeral.length).toBe(4);
      expect(
        ephemeral.every(
          (u) =>
            u.kind === "Deployment" && u.findings.some((f) => f.code === "EPHEMERAL_IN_TEMPLATE"),
        ),
      ).toBe(true);
      const volumes = uses.filter((u) => u.source === "imageVolume");
      expect(volumes.map((u) => u.policyOrigin)).toEqual(["explicit", "explicit"]);
      const invalid = uses.filter((u) => u.findings.some((f) => f.code === "INVALID_IMAGE_NAME"));
      expect(invalid.length).toBe(46);
      expect(
        invalid.every(
          (u) => u.policyOrigin !== "defaulted" || u.effectivePolicy === "IfNotPresent",
        ),
      ).toBe(true);
    });

    it("does not treat look-alike kinds of other groups as workloads (files the JSONL leaves out)", () => {
      const lookAlikes = [
        "argoproj__argo-cd/resource_customizations/apps.kruise.io/DaemonSet/testdata/healthy.yaml",
        "argoproj__argo-cd/resource_customizations/apps.kruise.io/StatefulSet/testdata/healthy.yaml",
        "datreeio__datree/examples/sample-policy/pass.yaml",
      ];
      for (const file of lookAlikes) {
        const docs = parseAllDocuments(readFileSync(join(CORPUS_DIR, file), "utf8")).map(
          (d) => d.toJSON() as { kind?: string; apiVersion?: string },
        );
        expect(docs.map((d) => d.kind)).toEqual([
          file.includes("StatefulSet")
            ? "StatefulSet"
            : file.includes("DaemonSet")
              ? "DaemonSet"
              : "Pod",
        ]);
        expect(docs.flatMap((d) => safeFindImages(d).data)).toEqual([]);
        // With the built-in apiVersion the same document would be walked.
        expect(
          docs.flatMap(
            (d) => safeFindImages({ ...d, apiVersion: d.kind === "Pod" ? "v1" : "apps/v1" }).data,
          ).length,
        ).toBeGreaterThan(0);
      }
    });
  });

if (!present)
  describe("corpus absent", () => {
    it(`corpus absent: ${jsonl} is missing, so the real-manifest checks did not run (CI has it)`, () => {
      console.warn(`corpus absent: ${jsonl} not found; the corpus checks were not run`);
      expect(present).toBe(false);
    });
  });
