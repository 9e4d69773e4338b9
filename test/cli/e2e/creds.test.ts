import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { json, runCli } from "../run-cli.js";

const CONFIG = "examples/manifests/credentials/node-docker-config.json";
const SECRET = "examples/manifests/credentials/pull-secret.yaml";
// Every password in the example files: none may ever be printed.
const PASSWORDS = [
  "example-ghcr-token",
  "example-node-password",
  "example-hub-password",
  "example-unused",
  "example-secret-password",
];

const dir = mkdtempSync(join(tmpdir(), "pullpolicy-creds-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Report {
  lookup: string | null;
  credentials: {
    order: number;
    key: string;
    username: string;
    password: string;
    source: string;
    match: string;
  }[];
  anonymous: boolean;
  ignored: { file: string; entry: string; why: string }[];
  pullError: string | null;
  imageError: string | null;
}

function creds(args: string[]) {
  const run = runCli(["creds", ...args]);
  for (const password of PASSWORDS) {
    expect(run.stdout + run.stderr, `password ${password} leaked`).not.toContain(password);
  }
  return run;
}

describe("pullpolicy creds", () => {
  it("lists pull-secret credentials before node config ones, with sources and keys", () => {
    const run = creds([
      "registry.acme.internal:5000/tools/migrate",
      "--namespace",
      "shop",
      "--secret",
      SECRET,
      "--config",
      CONFIG,
      "--json",
    ]);
    expect(run.status).toBe(0);
    const report = json<Report>(run);
    expect(report.lookup).toBe("registry.acme.internal:5000/tools/migrate");
    expect(report.credentials).toEqual([
      {
        order: 1,
        key: "registry.acme.internal:5000",
        username: "shop-deployer",
        password: "[redacted]",
        email: null,
        source: "secret shop/acme-registry",
        match: "key",
      },
      {
        order: 2,
        key: "*.acme.internal:5000",
        username: "node",
        password: "[redacted]",
        email: null,
        source: `node config ${CONFIG}`,
        match: "key",
      },
    ]);
  });

  it("finds Docker Hub credentials through the index.docker.io fallback", () => {
    const report = json<Report>(creds(["nginx:1.27", "--config", CONFIG, "--json"]));
    expect(report.credentials.map((c) => [c.key, c.username, c.match])).toEqual([
      ["index.docker.io", "acme", "docker-hub-fallback"],
    ]);
  });

  it("says when the kubelet pulls without credentials", () => {
    const run = creds(["quay.io/org/app:1", "--config", CONFIG]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'No credential matches quay.io/org/app: the kubelet pulls "quay.io/org/app:1" without credentials.',
    );
  });

  it("lists what the kubelet ignores, and why", () => {
    const report = json<Report>(creds(["ghcr.io/acme/api:1", "--config", CONFIG, "--json"]));
    expect(report.ignored.map((i) => i.entry)).toEqual([
      'credHelpers["us-docker.pkg.dev"] = "gcloud"',
      'credsStore = "desktop"',
      'auths["my registry"]',
    ]);
    expect(report.ignored[2]?.why).toContain(
      'parse "https://my registry": invalid character " " in host name',
    );
  });

  it("refuses pull secrets of another namespace", () => {
    const report = json<Report>(
      creds([
        "registry.acme.internal:5000/x",
        "--namespace",
        "default",
        "--secret",
        SECRET,
        "--json",
      ]),
    );
    expect(report.credentials).toEqual([]);
    expect(report.ignored).toEqual([
      {
        file: SECRET,
        entry: "secret shop/acme-registry",
        why: 'image pull secret "shop/acme-registry" is in namespace "shop", not in the pod\'s namespace "default": a pod can only use pull secrets of its own namespace',
      },
    ]);
  });

  it("fails the pull when a pull secret cannot be decoded (exit 1)", () => {
    const bad = join(dir, "bad-secret.yaml");
    writeFileSync(
      bad,
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: broken\ntype: kubernetes.io/dockerconfigjson\nstringData:\n  .dockerconfigjson: \'{"auths":{"r.io":{"auth":"pants"}}}\'\n',
    );
    const run = creds(["r.io/app", "--secret", bad]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("every pull of this pod fails");
    expect(run.stdout).toContain("secret default/broken: illegal base64 data at input byte 4");
  });

  it("explains an invalid image instead of looking it up (exit 1)", () => {
    const run = creds(["FAILED_IMAGE", "--config", CONFIG]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("InvalidImageName");
  });

  it("names a missing config file (exit 2)", () => {
    const run = creds(["nginx", "--config", join(dir, "nope.json")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("nope.json: no such file or directory");
  });
});
