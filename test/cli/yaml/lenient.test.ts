import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { reindentQuotedContinuations } from "../../../src/cli/yaml/lenient.js";
import { CORPUS_DIR, CORPUS_MISSING_MESSAGE, CORPUS_PRESENT } from "../../support/corpus.js";

describe("reindentQuotedContinuations", () => {
  it("indents under-indented continuation lines of quoted scalars", () => {
    expect(reindentQuotedContinuations('a:\n  - "x\nb"\n')).toBe('a:\n  - "x\n   b"\n');
    expect(reindentQuotedContinuations("k:\n  v: '[\n  1\n]'\n")).toBe(
      "k:\n  v: '[\n   1\n   ]'\n",
    );
  });
  it("leaves text alone when nothing needs it", () => {
    expect(reindentQuotedContinuations("a: \"x\"\nb: 'it''s'\n# \"open\n")).toBeUndefined();
    expect(reindentQuotedContinuations('a: "x\n    y"\n')).toBeUndefined();
  });
  it("does not treat quotes inside plain scalars or comments as openers", () => {
    expect(reindentQuotedContinuations("a: don't\nb: x # it's\n")).toBeUndefined();
  });
  it("keeps the values: yaml reads the result as go-yaml reads the original", () => {
    const fixed = reindentQuotedContinuations('cmd:\n  - "exec a \\\n  --b \\\n  --c"\nnext: 1\n');
    expect(fixed).toBeDefined();
    const doc = parseAllDocuments(fixed ?? "")[0];
    expect(doc?.errors).toEqual([]);
    expect(doc?.toJS()).toEqual({ cmd: ["exec a --b --c"], next: 1 });
  });

  it.each([
    "bridgecrewio__checkov/tests/kubernetes/checks/example_ImageDigest/kafka-withrepo-PASSED.yaml",
    "kubernetes__dashboard/hack/test-resources/init-container-error-pod.yaml",
    "microservices-demo__microservices-demo/deploy/kubernetes/manifests-monitoring/23-grafana-import-dash-batch.yaml",
  ])("makes %s (valid for kubectl, rejected by yaml) readable", (file) => {
    expect(CORPUS_PRESENT, CORPUS_MISSING_MESSAGE).toBe(true);
    const text = readFileSync(join(CORPUS_DIR, file), "utf8");
    expect(parseAllDocuments(text).some((d) => d.errors.length > 0)).toBe(true);
    const fixed = reindentQuotedContinuations(text);
    expect(fixed).toBeDefined();
    expect(parseAllDocuments(fixed ?? "").every((d) => d.errors.length === 0)).toBe(true);
  });
});
