// `npm run demo` (after the build): the pullpolicy command line on instructive references and
// on the example manifests. Every command's output is shown as a person would see it; lint
// finding problems is the point of the demo, so its exit code 1 is expected and not a failure.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = process.env.PULLPOLICY_CLI ?? join(root, "dist", "cli.js");
const D = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

const steps = [
  {
    title: "References: what Kubernetes reads in an image string",
    args: [
      "parse",
      "nginx",
      "localhost:5000",
      "registry.example.com:5000/team/app",
      `ghcr.io/org/app:1.2@sha256:${D}`,
      "Foo/bar",
      "FAILED_IMAGE",
    ],
    expect: [1], // FAILED_IMAGE is invalid on purpose (Foo/bar is valid: "Foo" is read as a domain)
  },
  {
    title: "explain: the policy each container really gets, and why",
    args: ["explain", "examples/manifests/"],
    expect: [0],
  },
  {
    title: "explain on a node that already has some images: what the kubelet does",
    args: [
      "explain",
      "--node-images",
      "examples/manifests/node-images.txt",
      "examples/manifests/web-deployment.yaml",
      "examples/manifests/batch.yaml",
    ],
    expect: [0],
  },
  {
    title: "explain with the AlwaysPullImages admission plugin",
    args: ["explain", "--always-pull-images", "examples/manifests/debug-pod.yaml"],
    expect: [0],
  },
  {
    title: "lint: what is risky, with file:line:col (exit code 1: findings at or above warning)",
    args: ["lint", "examples/manifests/"],
    expect: [1],
  },
  {
    title: "creds: which credentials the kubelet tries, in order (passwords redacted)",
    args: [
      "creds",
      "registry.acme.internal:5000/tools/migrate",
      "--namespace",
      "shop",
      "--secret",
      "examples/manifests/credentials/pull-secret.yaml",
      "--config",
      "examples/manifests/credentials/node-docker-config.json",
    ],
    expect: [0],
  },
  {
    title: "simulate: a registry that fails three times, seen by the kubelet",
    args: ["simulate", "registry.example.com/app:1.4", "--policy", "IfNotPresent", "--fail", "3"],
    expect: [0],
  },
];

let failed = 0;
for (const step of steps) {
  process.stdout.write(
    `\n=== ${step.title}\n$ pullpolicy ${step.args.map(shellQuote).join(" ")}\n\n`,
  );
  const run = spawnSync(process.execPath, [cli, ...step.args], { cwd: root, stdio: "inherit" });
  if (!step.expect.includes(run.status ?? -1)) {
    failed++;
    process.stdout.write(
      `\n!!! unexpected exit code ${run.status} (expected ${step.expect.join(" or ")})\n`,
    );
  } else {
    process.stdout.write(`\n(exit code ${run.status})\n`);
  }
}
process.exit(failed > 0 ? 1 : 0);

function shellQuote(word) {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}
