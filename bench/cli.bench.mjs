// `pullpolicy explain` end to end on 10,000 documents, a Deployment each: the built CLI is
// spawned on a generated multi-document file (and on the same documents as 100 files in a
// directory, and as one JSON List as kubectl prints it), its JSON output is checked, and the wall
// time and CPU time are printed. Target: under 3 s.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
// PULLPOLICY_CLI points the bench at another build (the default is the repository's dist/).
const cli = process.env.PULLPOLICY_CLI ?? join(here, "..", "dist", "cli.js");
const DOCS = 10_000;
// Preloaded into the CLI process: reports its own CPU time on exit, which stays meaningful when
// other work shares the machine (wall time does not).
const CPU_PROBE = `data:text/javascript,${encodeURIComponent(
  'import { writeSync } from "node:fs"; process.on("exit", () => { const u = process.cpuUsage(); writeSync(2, "@@cpu " + (u.user + u.system) / 1000 + "\\n"); });',
)}`;
function cpuOf(stderr) {
  const m = /@@cpu ([\d.]+)/.exec(stderr);
  return m ? Number(m[1]) : Number.NaN;
}
const TARGET_MS = 3000;

function deployment(i) {
  // Varied enough to be real: namespaces, tags, digests, latest, explicit policies, init containers.
  const tag =
    i % 10 === 0
      ? "latest"
      : i % 10 === 1
        ? `1.${i % 7}.0@sha256:${"0123456789abcdef".repeat(4)}`
        : `1.${i % 10}.${i % 3}`;
  const policy = i % 4 === 0 ? "\n          imagePullPolicy: IfNotPresent" : "";
  const init =
    i % 5 === 0
      ? `
      initContainers:
        - name: migrate
          image: registry.example.com:5000/tools/migrate:${i % 9}`
      : "";
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: team-${i % 17}
  labels:
    app.kubernetes.io/name: app-${i}
    app.kubernetes.io/part-of: bench
spec:
  replicas: ${1 + (i % 3)}
  selector:
    matchLabels:
      app.kubernetes.io/name: app-${i}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: app-${i}
    spec:${init}
      containers:
        - name: app
          image: ghcr.io/example/app-${i % 50}:${tag}${policy}
          ports:
            - containerPort: 8080
              name: http
          env:
            - name: LOG_LEVEL
              value: "info"
          resources:
            requests:
              cpu: 100m
              memory: 64Mi
            limits:
              memory: 128Mi
`;
}

const dir = mkdtempSync(join(tmpdir(), "pullpolicy-bench-"));
try {
  const docs = Array.from({ length: DOCS }, (_, i) => deployment(i));
  const single = join(dir, "all.yaml");
  writeFileSync(single, docs.join("---\n"));
  const many = join(dir, "many");
  mkdirSync(many);
  for (let f = 0; f < 100; f++) {
    writeFileSync(
      join(many, `part-${String(f).padStart(3, "0")}.yaml`),
      docs.slice(f * 100, f * 100 + 100).join("---\n"),
    );
  }
  // What `kubectl get deploy -A -o json` prints: one List document holding every object.
  const list = join(dir, "list.json");
  const { parseAllDocuments } = await import("yaml");
  writeFileSync(
    list,
    JSON.stringify(
      {
        apiVersion: "v1",
        kind: "List",
        items: parseAllDocuments(docs.join("---\n")).map((d) => d.toJS()),
      },
      null,
      4,
    ),
  );
  const expectedImages = DOCS + DOCS / 5;
  const results = [];
  for (const [label, target] of [
    ["one file, 10,000 documents", single],
    ["100 files in a directory", many],
    ["one JSON List (kubectl get -o json)", list],
  ]) {
    const times = [];
    for (let run = 0; run < 3; run++) {
      const start = process.hrtime.bigint();
      const out = spawnSync(
        process.execPath,
        ["--import", CPU_PROBE, cli, "explain", "--json", target],
        {
          encoding: "utf8",
          maxBuffer: 1 << 30,
        },
      );
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (out.status !== 0) throw new Error(`explain failed (${out.status}): ${out.stderr}`);
      const records = JSON.parse(out.stdout);
      if (records.length !== expectedImages) {
        throw new Error(`expected ${expectedImages} records, got ${records.length}`);
      }
      times.push({ ms, cpu: cpuOf(out.stderr) });
    }
    times.sort((a, b) => a.ms - b.ms);
    const cpus = times.map((t) => t.cpu).sort((a, b) => a - b);
    results.push({ label, best: times[0].ms, median: times[1].ms, cpu: cpus[1] });
  }
  // Text output too (the table), once.
  const start = process.hrtime.bigint();
  const text = spawnSync(process.execPath, [cli, "explain", single], {
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  const textMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (text.status !== 0) throw new Error(text.stderr);

  console.log(
    `pullpolicy explain, ${DOCS} Deployments (${expectedImages} images), built CLI, end to end incl. Node start-up (load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores):`,
  );
  for (const r of results) {
    console.log(
      `  --json, ${r.label}: wall best ${r.best.toFixed(0)} ms, median ${r.median.toFixed(0)} ms; CPU (user+system) median ${r.cpu.toFixed(0)} ms`,
    );
  }
  console.log(`  text table, one file: ${textMs.toFixed(0)} ms`);
  const worst = Math.max(...results.map((r) => r.median));
  console.log(
    worst < TARGET_MS ? `  target < ${TARGET_MS} ms: met` : `  target < ${TARGET_MS} ms: MISSED`,
  );
  if (worst >= TARGET_MS) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
