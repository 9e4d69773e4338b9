import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { json, runCli } from "../run-cli.js";

interface Record {
  file: string;
  docIndex: number;
  kind: string;
  apiVersion: string | null;
  namespace: string | null;
  name: string | null;
  path: string;
  source: string;
  containerName: string | null;
  image: string;
  reference: string | null;
  imagePullPolicy: string | null;
  effectivePolicy: string;
  reason: string;
  line: number | null;
  column: number | null;
  admittedPolicy?: string;
  node?: { outcome: string; reason: string | null; message: string };
}

const EXAMPLES = "examples/manifests";
const FIELD_ORDER = [
  "file",
  "docIndex",
  "kind",
  "apiVersion",
  "namespace",
  "name",
  "path",
  "source",
  "containerName",
  "image",
  "reference",
  "imagePullPolicy",
  "effectivePolicy",
  "policyOrigin",
  "reason",
  "line",
  "column",
];

function find(records: Record[], file: string, path: string): Record {
  const r = records.find((x) => x.file.endsWith(file) && x.path === path);
  if (!r) throw new Error(`no record for ${file} ${path}`);
  return r;
}

describe("pullpolicy explain (examples)", () => {
  const run = runCli(["explain", "--json", `${EXAMPLES}/`]);
  const records = json<Record[]>(run);

  it("prints one record per container, init/ephemeral container and image volume", () => {
    expect(run.status).toBe(0);
    expect(records).toHaveLength(19);
    expect(new Set(records.map((r) => r.kind))).toEqual(
      new Set([
        "Pod",
        "PodTemplate",
        "ReplicationController",
        "Deployment",
        "ReplicaSet",
        "StatefulSet",
        "DaemonSet",
        "Job",
        "CronJob",
      ]),
    );
    expect(new Set(records.map((r) => r.source))).toEqual(
      new Set(["container", "initContainer", "ephemeralContainer", "imageVolume"]),
    );
  });

  it("has the documented fields, in a fixed order, with null for what is absent", () => {
    for (const r of records) expect(Object.keys(r)).toEqual(FIELD_ORDER);
    const sidecar = find(records, "web-deployment.yaml", "spec.template.spec.initContainers[1]");
    expect(sidecar).toEqual({
      file: `${EXAMPLES}/web-deployment.yaml`,
      docIndex: 0,
      kind: "Deployment",
      apiVersion: "apps/v1",
      namespace: "shop",
      name: "web",
      path: "spec.template.spec.initContainers[1]",
      source: "initContainer",
      containerName: "log-shipper",
      image: "fluent/fluent-bit",
      reference: "docker.io/fluent/fluent-bit",
      imagePullPolicy: null,
      effectivePolicy: "Always",
      policyOrigin: "defaulted",
      reason: expect.stringContaining("no tag and no digest"),
      line: 25,
      column: 18,
    });
  });

  it("points line and column at the image field", () => {
    for (const r of records) {
      const lines = readFileSync(r.file, "utf8").split("\n");
      const at = lines[(r.line ?? 0) - 1]?.slice((r.column ?? 0) - 1) ?? "";
      expect(at.replace(/^"/, "").startsWith(r.image), `${r.file} ${r.path}`).toBe(true);
    }
  });

  it.each([
    [
      "batch.yaml",
      "spec.jobTemplate.spec.template.spec.containers[0]",
      0,
      "localhost:5000",
      "IfNotPresent",
    ],
    [
      "batch.yaml",
      "spec.template.spec.containers[0]",
      1,
      "registry.acme.internal:5000/tools/warm-cache:0.9.0",
      "Never",
    ],
    ["debug-pod.yaml", "spec.ephemeralContainers[0]", 0, "busybox:latest", "Always"],
    [
      "debug-pod.yaml",
      "spec.volumes[0].image",
      0,
      "quay.io/acme/models:llama-3-8b",
      "IfNotPresent",
    ],
    [
      "debug-pod.yaml",
      "spec.containers[0]",
      0,
      expect.stringContaining("@sha256:"),
      "IfNotPresent",
    ],
    [
      "api-statefulset.yaml",
      "spec.template.spec.initContainers[0]",
      0,
      "registry.acme.internal:5000/tools/migrate",
      "Always",
    ],
    [
      "agents-daemonset.yaml",
      "spec.template.spec.containers[0]",
      0,
      "REGION-docker.pkg.dev/PROJECT_ID/agents/node-agent:1.4.0",
      "IfNotPresent",
    ],
    ["legacy-list.json", "items[2].template.spec.containers[0]", 0, "alpine:3.20", "IfNotPresent"],
  ])("%s %s", (file, path, docIndex, image, policy) => {
    const r = find(records, file, path);
    expect(r.docIndex).toBe(docIndex);
    expect(r.image).toEqual(image);
    expect(r.effectivePolicy).toBe(policy);
  });

  it("gives null for the reference of an image Kubernetes cannot parse", () => {
    expect(
      find(records, "agents-daemonset.yaml", "spec.template.spec.containers[0]").reference,
    ).toBeNull();
  });

  it("is stable: the same input gives byte-identical JSON, without colour", () => {
    const again = runCli(["explain", "--json", `${EXAMPLES}/`], { env: { FORCE_COLOR: "1" } });
    expect(again.stdout).toBe(run.stdout);
  });

  it("counts what it skipped on stderr", () => {
    const text = runCli(["explain", `${EXAMPLES}/`]);
    expect(text.stderr).toContain(
      "read 9 files, 12 documents: 11 workloads with 19 images; skipped 3 objects",
    );
    expect(text.stderr).toContain("v1/Service 1");
    expect(text.stdout).toContain("examples/manifests/batch.yaml\n  OBJECT");
    expect(text.stdout).not.toContain("\u001b[");
  });
});

describe("pullpolicy explain (inputs and options)", () => {
  it("reads standard input with -", () => {
    const input =
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n";
    const run = runCli(["explain", "--json", "-"], { input });
    expect(run.status).toBe(0);
    expect(json<Record[]>(run)).toEqual([
      expect.objectContaining({
        file: "-",
        docIndex: 0,
        image: "nginx",
        effectivePolicy: "Always",
        line: 8,
        column: 12,
      }),
    ]);
  });

  it("applies AlwaysPullImages to the Pods an object creates, not to ephemeral containers", () => {
    const run = runCli([
      "explain",
      "--json",
      "--always-pull-images",
      `${EXAMPLES}/debug-pod.yaml`,
      `${EXAMPLES}/batch.yaml`,
    ]);
    expect(run.status).toBe(0);
    const records = json<Record[]>(run);
    const admitted = Object.fromEntries(records.map((r) => [r.path, r.admittedPolicy]));
    expect(admitted).toEqual({
      "spec.containers[0]": "Always",
      "spec.ephemeralContainers[0]": "Always", // its own default (busybox:latest)
      "spec.volumes[0].image": "Always",
      "spec.volumes[1].image": "Always",
      "spec.jobTemplate.spec.template.spec.containers[0]": "Always",
      "spec.template.spec.containers[0]": "Always",
    });
    expect(find(records, "batch.yaml", "spec.template.spec.containers[0]").effectivePolicy).toBe(
      "Never",
    );
  });

  it("keeps an ephemeral container's own policy under AlwaysPullImages", () => {
    const input =
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n  ephemeralContainers:\n  - name: d\n    image: busybox:1.36\n";
    const records = json<Record[]>(
      runCli(["explain", "--json", "--always-pull-images", "-"], { input }),
    );
    expect(records.map((r) => r.admittedPolicy)).toEqual(["Always", "IfNotPresent"]);
  });

  it("says what the kubelet does on a node that has some images", () => {
    const run = runCli([
      "explain",
      "--json",
      "--node-images",
      `${EXAMPLES}/node-images.txt`,
      `${EXAMPLES}/web-deployment.yaml`,
      `${EXAMPLES}/batch.yaml`,
      `${EXAMPLES}/agents-daemonset.yaml`,
    ]);
    expect(run.status).toBe(0);
    const records = json<Record[]>(run);
    const node = (file: string, path: string) => find(records, file, path).node;
    // IfNotPresent and present under another name (crictl lists normalized names).
    expect(node("web-deployment.yaml", "spec.template.spec.containers[0]")).toMatchObject({
      outcome: "present",
      reason: null,
    });
    // Always: the kubelet pulls even though the image may be there.
    expect(node("web-deployment.yaml", "spec.template.spec.containers[1]")).toMatchObject({
      outcome: "pulled",
    });
    // Never and present: used.
    expect(node("batch.yaml", "spec.template.spec.containers[0]")).toMatchObject({
      outcome: "present",
    });
    // IfNotPresent and absent: pulled.
    expect(node("batch.yaml", "spec.jobTemplate.spec.template.spec.containers[0]")).toMatchObject({
      outcome: "pulled",
    });
    expect(node("agents-daemonset.yaml", "spec.template.spec.containers[0]")).toMatchObject({
      outcome: "invalid-image-name",
      reason: "InvalidImageName",
    });
  });

  it("explains an update against the stored object: the stored policy does not follow the tag", () => {
    const live = (image: string, policy: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: ${image}\n${policy}`;
    const dir = mkdtempSync(join(tmpdir(), "pullpolicy-stored-"));
    try {
      const stored = join(dir, "live.yaml");
      writeFileSync(stored, live("nginx:1.25", "          imagePullPolicy: IfNotPresent\n"));
      const update = live("nginx:latest", "");
      const merge = json<Record[]>(
        runCli(["explain", "--json", "--stored", stored, "-"], { input: update }),
      );
      expect(merge[0]).toMatchObject({
        effectivePolicy: "IfNotPresent",
        policyOrigin: "stored",
        reason: expect.stringContaining(
          'does not follow the image change from "nginx:1.25" to "nginx:latest"',
        ),
      });
      const replace = json<Record[]>(
        runCli(["explain", "--json", "--stored", stored, "--update-mode", "replace", "-"], {
          input: update,
        }),
      );
      expect(replace[0]).toMatchObject({ effectivePolicy: "Always", policyOrigin: "defaulted" });
      // Without a stored object the same manifest is a create.
      const create = json<Record[]>(runCli(["explain", "--json", "-"], { input: update }));
      expect(create[0]).toMatchObject({ effectivePolicy: "Always", policyOrigin: "defaulted" });
      expect(runCli(["explain", "--update-mode", "merge", "-"], { input: update }).status).toBe(2);
      expect(
        runCli(["explain", "--stored", join(dir, "nope.yaml"), "-"], { input: update }).status,
      ).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reports ErrImageNeverPull for Never on a node without the image", () => {
    const input =
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n    imagePullPolicy: Never\n";
    const records = json<Record[]>(
      runCli(["explain", "--json", "--node-images", "examples/manifests/node-images.txt", "-"], {
        input,
      }),
    );
    expect(records[0]?.node).toEqual({
      outcome: "never-pull",
      reason: "ErrImageNeverPull",
      message: 'Container image "nginx:1.27" is not present with pull policy of Never',
    });
  });
});
