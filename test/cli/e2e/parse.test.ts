import { describe, expect, it } from "vitest";
import { json, runCli } from "../run-cli.js";

const D = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

interface Report {
  input: string;
  valid: boolean;
  normalized: string | null;
  familiar: string | null;
  domain: string | null;
  path: string | null;
  tag: string | null;
  digest: string | null;
  dockerRef: string | null;
  kubeletImage: string | null;
  defaultPullPolicy: string;
  error: { code: string; message: string } | null;
}

describe("pullpolicy parse", () => {
  it("prints every form of valid references", () => {
    const run = runCli([
      "parse",
      "--json",
      "nginx",
      "localhost:5000",
      `ghcr.io/org/app:1.2@${D}`,
      "Foo/bar",
    ]);
    expect(run.status).toBe(0);
    const [nginx, localhost, pinned, upper] = json<Report[]>(run);
    expect(nginx).toMatchObject({
      normalized: "docker.io/library/nginx",
      familiar: "nginx",
      domain: "docker.io",
      path: "library/nginx",
      tag: null,
      digest: null,
      dockerRef: "docker.io/library/nginx:latest",
      kubeletImage: "nginx:latest",
      defaultPullPolicy: "Always",
      error: null,
    });
    expect(localhost).toMatchObject({
      path: "library/localhost",
      tag: "5000",
      defaultPullPolicy: "IfNotPresent",
    });
    expect(pinned).toMatchObject({
      domain: "ghcr.io",
      tag: "1.2",
      digest: D,
      dockerRef: `ghcr.io/org/app@${D}`,
      defaultPullPolicy: "IfNotPresent",
    });
    // Go reads an upper-case first component as a domain.
    expect(upper).toMatchObject({ domain: "Foo", path: "bar", valid: true });
  });

  it.each([
    [
      "FAILED_IMAGE",
      "invalid reference format: repository name (library/FAILED_IMAGE) must be lowercase",
    ],
    ["http://url", "invalid reference format"],
    ["", "invalid reference format"],
    ["Foo/Bar", "invalid reference format: repository name (Bar) must be lowercase"],
    ["foo@md5:d41d8cd98f00b204e9800998ecf8427e", "unsupported digest algorithm"],
    [
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
      "invalid repository name (ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad), cannot specify 64-byte hexadecimal strings",
    ],
  ])("gives Go's error for %j and exit code 1", (input, message) => {
    const run = runCli(["parse", "--json", input]);
    expect(run.status).toBe(1);
    const [report] = json<Report[]>(run);
    expect(report?.valid).toBe(false);
    expect(report?.error?.message).toBe(message);
    expect(report?.defaultPullPolicy).toBe("IfNotPresent");
  });

  it("prints text with the error and exit code 1 when any reference is invalid", () => {
    const run = runCli(["parse", "nginx:1.27", "FAILED_IMAGE"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("nginx:1.27\n  normalized      docker.io/library/nginx:1.27\n");
    expect(run.stdout).toContain(
      "FAILED_IMAGE (invalid)\n  error           invalid reference format: repository name (library/FAILED_IMAGE) must be lowercase\n",
    );
    expect(run.stdout).not.toContain("\u001b[");
  });

  it("colours only when asked to by the terminal or FORCE_COLOR, never with NO_COLOR", () => {
    expect(runCli(["parse", "FAILED_IMAGE"], { env: { FORCE_COLOR: "1" } }).stdout).toContain(
      "\u001b[31m",
    );
    expect(
      runCli(["parse", "FAILED_IMAGE"], { env: { FORCE_COLOR: "1", NO_COLOR: "1" } }).stdout,
    ).not.toContain("\u001b[");
    expect(
      runCli(["parse", "--json", "FAILED_IMAGE"], { env: { FORCE_COLOR: "1" } }).stdout,
    ).not.toContain("\u001b[");
  });
});
