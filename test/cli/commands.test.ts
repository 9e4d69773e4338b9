// The commands run in-process through runCli with an in-memory IO (the end-to-end tests run
// the built binary; these check the pure formatting and the exit codes without a process).
import { describe, expect, it } from "vitest";
import { compactTimeline, registryBehaviour } from "../../src/cli/commands/simulate.js";
import { UsageError } from "../../src/cli/errors.js";
import { createMemoryIo } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/run.js";
import { scanSummary } from "../../src/cli/scan.js";
import { simulatePod } from "../../src/index.js";

describe("runCli in-process", () => {
  it("parses and prints JSON", async () => {
    const io = createMemoryIo();
    expect(await runCli(["parse", "--json", "nginx:1.27"], io, "0.0.0")).toBe(0);
    expect(JSON.parse(io.stdout())[0].normalized).toBe("docker.io/library/nginx:1.27");
  });

  it("explains standard input", async () => {
    const io = createMemoryIo({
      stdin:
        "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a\n  spec:\n    containers:\n    - name: c\n      image: nginx\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: s\n",
    });
    expect(await runCli(["explain", "-"], io, "0.0.0")).toBe(0);
    expect(io.stdout()).toContain(
      "  Pod a   items[0].spec.containers[0]  nginx  docker.io/library/nginx  -        Always     imagePullPolicy is not set",
    );
    expect(io.stderr()).toBe(
      "read 1 file, 1 document: 1 workload with 1 image; skipped 1 object without a pod spec Kubernetes defaults (v1/Service 1)\n",
    );
  });

  it("turns usage errors into exit code 2 with the usage line", async () => {
    const io = createMemoryIo();
    expect(await runCli(["lint", "--fail-on", "sometimes", "x"], io, "0.0.0")).toBe(2);
    expect(io.stderr()).toBe(
      'pullpolicy lint: --fail-on must be one of error, warning, info, none (got "sometimes")\nUsage: pullpolicy lint [--format text|json|sarif] [--ignore GLOB]... [--fail-on error|warning|info|none] <files|dirs|->...\nRun `pullpolicy lint --help` for options and examples.\n',
    );
  });
});

describe("simulate helpers", () => {
  it.each([
    ["ok", undefined, undefined, { kind: "succeeds" }],
    ["ok", "0", undefined, { kind: "succeeds" }],
    ["ok", "3", undefined, { kind: "failsTimes", n: 3 }],
    ["ok", "always", "boom", { kind: "fails", error: "boom" }],
    ["unavailable", undefined, undefined, { kind: "unavailable" }],
    ["signature", undefined, "bad sig", { kind: "signatureInvalid", detail: "bad sig" }],
  ])("registryBehaviour(%s, %s, %s)", (mode, fail, error, want) => {
    expect(registryBehaviour(mode, fail, error)).toEqual(want);
  });

  it.each(["-1", "1.5", " 2", "x"])("refuses --fail %j", (fail) => {
    expect(() => registryBehaviour("ok", fail, undefined)).toThrow(UsageError);
  });

  it("groups syncs without a pull in the compact timeline", async () => {
    const result = await simulatePod({
      image: "app:1",
      policy: "IfNotPresent",
      registry: { kind: "failsTimes", n: 3 },
      syncs: { untilMs: 120_000, everyMs: 10_000 },
    });
    expect(compactTimeline(result)).toBe(
      "0s ErrImagePull → 10s ErrImagePull → 20s ImagePullBackOff → 30s ErrImagePull → 40s–1m0s ImagePullBackOff ×3 → 1m10s started",
    );
  });
});

describe("scanSummary", () => {
  it("counts files, documents, workloads, images and what was skipped", () => {
    expect(
      scanSummary({
        rows: [],
        errors: [],
        notes: [],
        filesRead: 2,
        documentsRead: 1,
        workloads: 0,
        skipped: new Map([
          ["v1/Service", 1],
          ["v1/ConfigMap", 3],
        ]),
      }),
    ).toBe(
      "read 2 files, 1 document: 0 workloads with 0 images; skipped 4 objects without a pod spec Kubernetes defaults (v1/ConfigMap 3, v1/Service 1)",
    );
  });
});
