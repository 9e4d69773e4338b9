import { describe, expect, it } from "vitest";
import { json, runCli } from "../run-cli.js";

interface Timeline {
  image: string;
  policy: string;
  startedAtMs: number | null;
  pullAttempts: number;
  rows: {
    tMs: number;
    ok: boolean;
    attempted: boolean;
    reason: string | null;
    message: string;
    backoffMs: number | null;
  }[];
}

describe("pullpolicy simulate", () => {
  it("follows the kubelet's back-off: 10 s doubling, pulls only outside the window", () => {
    const run = runCli([
      "simulate",
      "registry.example/app:1.4",
      "--policy",
      "IfNotPresent",
      "--fail",
      "3",
      "--json",
    ]);
    expect(run.status).toBe(0);
    const t = json<Timeline>(run);
    expect(t.rows.filter((r) => r.attempted).map((r) => r.tMs / 1000)).toEqual([0, 10, 30, 70]);
    expect(t.rows.filter((r) => r.attempted).map((r) => r.reason)).toEqual([
      "ErrImagePull",
      "ErrImagePull",
      "ErrImagePull",
      null,
    ]);
    expect(t.rows.find((r) => r.tMs === 20_000)).toMatchObject({
      reason: "ImagePullBackOff",
      message:
        'Back-off pulling image "registry.example/app:1.4": ErrImagePull: failed to pull and unpack image: not found',
      backoffMs: 20_000,
    });
    expect(t.startedAtMs).toBe(70_000);
    expect(t.pullAttempts).toBe(4);
  });

  it("prints a table and a compact timeline", () => {
    const run = runCli(["simulate", "registry.example/app:1.4", "--fail", "2"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("TIME  ACTION  RESULT");
    expect(run.stdout).toContain(
      "timeline 0s ErrImagePull → 10s ErrImagePull → 20s ImagePullBackOff → 30s started",
    );
    expect(run.stdout).toContain("started at 30s after 3 pull attempts");
  });

  it("never pulls with Never, and says so (exit 1)", () => {
    const run = runCli(["simulate", "nginx:1.27", "--policy", "Never", "--until", "30s", "--json"]);
    expect(run.status).toBe(1);
    const t = json<Timeline>(run);
    expect(t.rows).toHaveLength(4);
    expect(new Set(t.rows.map((r) => r.message))).toEqual(
      new Set(['Container image "nginx:1.27" is not present with pull policy of Never']),
    );
    expect(t.pullAttempts).toBe(0);
  });

  it("uses the cached image with IfNotPresent and --present", () => {
    const t = json<Timeline>(
      runCli(["simulate", "nginx:1.27", "--policy", "IfNotPresent", "--present", "--json"]),
    );
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]).toMatchObject({ ok: true, attempted: false });
  });

  it("defaults the policy as the API server would", () => {
    expect(json<Timeline>(runCli(["simulate", "nginx", "--json"])).policy).toBe("Always");
    expect(json<Timeline>(runCli(["simulate", "nginx:1.27", "--json"])).policy).toBe(
      "IfNotPresent",
    );
  });

  it("reports RegistryUnavailable and caps the back-off at 5 minutes", () => {
    const t = json<Timeline>(
      runCli([
        "simulate",
        "ghcr.io/o/a:1",
        "--registry",
        "unavailable",
        "--until",
        "20m",
        "--json",
      ]),
    );
    expect(t.startedAtMs).toBeNull();
    expect(t.rows[0]?.reason).toBe("RegistryUnavailable");
    expect(t.rows[0]?.message).toBe(
      "image pull failed for ghcr.io/o/a:1 because the registry is unavailable",
    );
    expect(Math.max(...t.rows.map((r) => r.backoffMs ?? 0))).toBe(300_000);
  });

  it("gives InvalidImageName without any pull", () => {
    const run = runCli(["simulate", "FAILED_IMAGE", "--until", "10s"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("InvalidImageName");
    expect(run.stdout).toContain("0 pull attempts");
  });
});
