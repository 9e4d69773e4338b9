import { describe, expect, it } from "vitest";
import { findNodeDockerConfig } from "../../src/credentials/index.js";

const hub = '{"auths":{"https://index.docker.io/v1/":{"auth":"dTpw"}}}';
const legacy = '{"reg.io":{"username":"old","password":"p"}}';

function reader(files: Record<string, string>) {
  const seen: string[] = [];
  return {
    seen,
    readFile: (p: string) => {
      seen.push(p);
      return Object.hasOwn(files, p) ? (files[p] as string) : null;
    },
  };
}

describe("findNodeDockerConfig: §4.3 search order", () => {
  it("tries config.json in preferred path, working dir, $HOME/.docker, /.docker, then .dockercfg", () => {
    const r = reader({});
    const result = findNodeDockerConfig({
      readFile: r.readFile,
      workingDir: "/srv",
      homeDir: "/home/k",
    });
    expect(r.seen).toEqual([
      "/var/lib/kubelet/config.json",
      "/srv/config.json",
      "/home/k/.docker/config.json",
      "/.docker/config.json",
      "/var/lib/kubelet/.dockercfg",
      "/srv/.dockercfg",
      "/home/k/.dockercfg",
      "/.dockercfg",
    ]);
    expect(result).toMatchObject({
      ok: false,
      error: "couldn't find valid .dockercfg after checking in [/var/lib/kubelet  /home/k /]",
    });
  });

  it("the first file that reads and decodes wins; invalid files are skipped with the kubelet's reason", () => {
    const r = reader({
      "/var/lib/kubelet/config.json": '{"auths":{"r":{"auth":"bad!"}}}',
      "/root/.docker/config.json": hub,
      "/var/lib/kubelet/.dockercfg": legacy,
    });
    const result = findNodeDockerConfig({ readFile: r.readFile });
    expect(result.ok && result.file).toBe("/root/.docker/config.json");
    expect(result.attempts).toEqual([
      {
        file: "/var/lib/kubelet/config.json",
        problem: "error occurred while trying to unmarshal json",
      },
      { file: "/config.json", problem: "not found" },
    ]);
    expect(result.ok && result.config.source).toEqual({
      kind: "dockerConfig",
      file: "/root/.docker/config.json",
    });
  });

  it("falls back to a legacy .dockercfg (bare map)", () => {
    const result = findNodeDockerConfig({ readFile: reader({ "/.dockercfg": legacy }).readFile });
    expect(result.ok && result.config.format).toBe("dockercfg");
    expect(result.ok && result.config.entries[0]?.username).toBe("old");
  });
});
