import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { json, runCli } from "../run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "pullpolicy-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
  return path;
}

const GOOD =
  "apiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n";

describe("errors a person can act on", () => {
  it.each(["explain", "lint"])(
    "%s: a YAML syntax error gives file:line:col and exit 2, other files still read",
    (command) => {
      const bad = file(`${command}-bad.yaml`, "kind: Pod\nspec:\n  containers: [\n    {name: x\n");
      const good = file(`${command}-good.yaml`, GOOD);
      const run = runCli([command, command === "lint" ? "--format=json" : "--json", bad, good]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(
        new RegExp(`pullpolicy: ${bad.replaceAll("/", "\\/")}:\\d+:\\d+: YAML syntax error: `),
      );
      if (command === "explain") expect(json<unknown[]>(run)).toHaveLength(1);
    },
  );

  it("names a Helm template as such", () => {
    const helm = file(
      "chart/templates/deployment.yaml",
      "apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: {{ .Values.replicas }}\n",
    );
    const run = runCli(["lint", helm]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      `pullpolicy: ${helm}:4:13: this is a Helm/Go template ("{{"), not a manifest: render it first (for example \`helm template\`) and check the output`,
    );
  });

  it("names a missing file and still reads the others", () => {
    const good = file("present.yaml", GOOD);
    const run = runCli(["explain", "--json", join(dir, "absent.yaml"), good]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      `pullpolicy: ${join(dir, "absent.yaml")}: no such file or directory`,
    );
    expect(json<unknown[]>(run)).toHaveLength(1);
  });

  it("reports a wrongly shaped object with the field path", () => {
    const shape = file(
      "shape.yaml",
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: 5\n",
    );
    const run = runCli(["explain", shape]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      `${shape} (document 0): not a valid Kubernetes object: spec.containers[0].image:`,
    );
  });

  it("skips and counts objects it cannot explain, and reads directories recursively", () => {
    const tree = join(dir, "tree");
    file(
      "tree/a/svc.yaml",
      "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n",
    );
    file(
      "tree/b/crd.yml",
      "apiVersion: apps.kruise.io/v1alpha1\nkind: DaemonSet\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n        image: nginx\n",
    );
    file(
      "tree/c/pod.json",
      JSON.stringify({
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: "j" },
        spec: { containers: [{ name: "c", image: "redis" }] },
      }),
    );
    file("tree/c/notes.txt", "image: not read\n");
    file("tree/.git/config.yaml", GOOD);
    const run = runCli(["explain", tree]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(
      "read 3 files, 4 documents: 1 workload with 1 image; skipped 3 objects without a pod spec Kubernetes defaults (apps.kruise.io/v1alpha1/DaemonSet 1, v1/ConfigMap 1, v1/Service 1)",
    );
    expect(run.stdout).toContain("tree/c/pod.json");
  });

  it("reads the multi-line quoted strings kubectl accepts, with a note", () => {
    const lenient = file(
      "lenient.yaml",
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: busybox:1.36\n      command:\n        - "echo a \\\n    b"\n',
    );
    const run = runCli(["explain", "--json", lenient]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("read as kubectl (go-yaml) reads it");
    expect(json<{ line: number }[]>(run)[0]?.line).toBe(8);
  });
});
