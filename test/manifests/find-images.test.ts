import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { findImages, type ImageUse, safeFindImages } from "../../src/manifests/index.js";
import { isManifestShapeError } from "../../src/policy/index.js";

const dir = join(import.meta.dirname, "..", "fixtures", "manifests");
const load = (file: string): unknown => parse(readFileSync(join(dir, file), "utf8"));

/** The columns `pullpolicy explain` prints, one row per image. */
const row = (u: ImageUse) =>
  [
    u.kind,
    u.name,
    u.path,
    u.source,
    u.containerName,
    u.image,
    u.imagePullPolicy,
    u.effectivePolicy,
    u.policyOrigin,
  ].join(" | ");

// Every image of each fixture, in Kubernetes' visiting order (init containers, containers,
// ephemeral containers, then image volumes), written out by hand.
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  "pod.yaml": [
    "Pod | web-7d9c | spec.initContainers[0] | initContainer | migrate | ghcr.io/acme/shop-migrations:2024.06.1 |  | IfNotPresent | defaulted",
    "Pod | web-7d9c | spec.initContainers[1] | initContainer | log-shipper | fluent/fluent-bit |  | Always | defaulted",
    "Pod | web-7d9c | spec.containers[0] | container | web | nginx:latest@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31 |  | Always | defaulted",
    "Pod | web-7d9c | spec.containers[1] | container | api | registry.acme.internal:5000/shop/api | IfNotPresent | IfNotPresent | explicit",
    "Pod | web-7d9c | spec.containers[2] | container | cache | redis@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31 |  | IfNotPresent | defaulted",
    "Pod | web-7d9c | spec.ephemeralContainers[0] | ephemeralContainer | debugger-x2k | busybox:1.36 |  | IfNotPresent | defaulted",
    "Pod | web-7d9c | spec.volumes[0].image | imageVolume | models | quay.io/acme/models:latest |  | Always | defaulted",
    "Pod | web-7d9c | spec.volumes[1].image | imageVolume | static | quay.io/acme/static:v3 | Never | Never | explicit",
  ],
  "pod-template.yaml": [
    "PodTemplate | batch-worker | template.spec.containers[0] | container | worker | python:3.12-slim |  | IfNotPresent | defaulted",
    "PodTemplate | batch-worker | template.spec.containers[1] | container | metrics | prom/statsd-exporter |  | Always | defaulted",
  ],
  "cron-job.yaml": [
    "CronJob | nightly-report | spec.jobTemplate.spec.template.spec.containers[0] | container | report | acme/reporter:latest |  | Always | defaulted",
    "CronJob | nightly-report | spec.jobTemplate.spec.template.spec.containers[1] | container | uploader | amazon/aws-cli:2.15.40 | IfNotPresent | IfNotPresent | explicit",
    "CronJob | nightly-report | spec.jobTemplate.spec.template.spec.volumes[0].image | imageVolume | templates | ghcr.io/acme/report-templates@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31 |  | IfNotPresent | defaulted",
  ],
  "list.yaml": [
    "Deployment | web | items[1].spec.template.spec.containers[0] | container | web | nginx |  | Always | defaulted",
    "Pod | tools | items[3].spec.containers[0] | container | tools | alpine:3.20 |  | IfNotPresent | defaulted",
  ],
  "service.yaml": [],
};

describe("findImages on the fixture manifests", () => {
  it.each(Object.entries(EXPECTED))("%s", (file, rows) => {
    expect(findImages(load(file)).map(row)).toEqual(rows);
  });

  it("agrees with applyPullPolicyDefaults on every fixture", () => {
    for (const base of [
      "pod",
      "pod-template",
      "replication-controller",
      "deployment",
      "replica-set",
      "stateful-set",
      "daemon-set",
      "job",
      "cron-job",
      "list",
    ]) {
      const defaulted = findImages(load(`${base}.defaulted.yaml`));
      const uses = findImages(load(`${base}.yaml`));
      expect(uses.map((u) => u.effectivePolicy)).toEqual(defaulted.map((u) => u.imagePullPolicy));
      expect(defaulted.every((u) => u.policyOrigin === "explicit")).toBe(true);
    }
  });

  it("gives every field of one record", () => {
    const uses = findImages(load("deployment.yaml"));
    expect(uses[4]).toEqual({
      kind: "Deployment",
      apiVersion: "apps/v1",
      name: "checkout",
      namespace: "shop",
      path: "spec.template.spec.volumes[1].image",
      imagePath: "spec.template.spec.volumes[1].image.reference",
      policyPath: "spec.template.spec.volumes[1].image.pullPolicy",
      source: "imageVolume",
      containerName: "geoip",
      image: "ghcr.io/acme/geoip-db",
      imagePullPolicy: null,
      effectivePolicy: "Always",
      policyOrigin: "defaulted",
      rule: "implicit-latest",
      reason:
        'pullPolicy is not set and the image has no tag and no digest, so ParseImageName reports the tag "latest" and the default is Always; the API server writes it when the object is created and does not recompute it when the image changes later',
      imageName: { repoToPull: "ghcr.io/acme/geoip-db", tag: "latest", digest: "" },
      findings: [],
    });
    expect(uses[0]?.imageName).toEqual({
      repoToPull: "docker.io/library/localhost",
      tag: "5000",
      digest: "",
    });
    expect(uses[0]?.rule).toBe("tag-not-latest");
  });

  it("explains an explicit policy", () => {
    const otel = findImages(load("deployment.yaml"))[3];
    expect(otel?.reason).toBe(
      'imagePullPolicy is set to "Always" in the object, and defaulting never changes a value that is set',
    );
    expect(otel?.rule).toBeNull();
  });
});

describe("findings", () => {
  it("FAILED_IMAGE: accepted by the API server, InvalidImageName on the node", () => {
    const [failed, sidecar] = findImages(load("replica-set.yaml"));
    expect(failed?.findings).toEqual([
      {
        code: "INVALID_IMAGE_NAME",
        stage: "node",
        waitingReason: "InvalidImageName",
        message:
          'Failed to apply default image tag "FAILED_IMAGE": couldn\'t parse image name "FAILED_IMAGE": invalid reference format: repository name (library/FAILED_IMAGE) must be lowercase',
      },
    ]);
    expect(failed?.effectivePolicy).toBe("IfNotPresent");
    expect(failed?.imageName).toBeNull();
    expect(sidecar?.findings).toEqual([]);
  });

  const pod = (spec: Record<string, unknown>) => ({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p" },
    spec,
  });
  const codes = (object: unknown) =>
    findImages(object).map((u) => u.findings.map((f) => `${f.stage}:${f.code}`));

  it("an empty image is refused by the API server, and is not also reported for the node", () => {
    expect(codes(pod({ containers: [{ name: "a", image: "" }] }))).toEqual([
      ["api-server:IMAGE_REQUIRED"],
    ]);
    expect(findImages(pod({ containers: [{ name: "a" }] }))[0]?.findings[0]?.message).toBe(
      "spec.containers[0].image: Required value",
    );
  });

  it("whitespace: refused in a Pod; accepted in a template, then InvalidImageName on the node", () => {
    expect(codes(pod({ containers: [{ name: "a", image: "nginx " }] }))).toEqual([
      ["api-server:IMAGE_WHITESPACE"],
    ]);
    const deployment = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      spec: { template: { spec: { containers: [{ name: "a", image: "nginx " }] } } },
    };
    expect(codes(deployment)).toEqual([["node:INVALID_IMAGE_NAME"]]);
  });

  it("an unsupported policy, and ephemeral containers in a template", () => {
    expect(
      codes(pod({ containers: [{ name: "a", image: "x", imagePullPolicy: "always" }] })),
    ).toEqual([["api-server:UNSUPPORTED_PULL_POLICY"]]);
    const deployment = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      spec: {
        template: {
          spec: {
            containers: [{ name: "a", image: "x" }],
            ephemeralContainers: [{ name: "d", image: "busybox" }],
          },
        },
      },
    };
    expect(codes(deployment)).toEqual([[], ["api-server:EPHEMERAL_IN_TEMPLATE"]]);
  });

  it("an explicit invalid policy is kept as written and the reason says the API server rejects it", () => {
    const [use] = findImages(
      pod({ containers: [{ name: "a", image: "x", imagePullPolicy: "always" }] }),
    );
    expect(use?.effectivePolicy).toBe("always");
    expect(use?.reason).toContain("the API server rejects");
  });
});

describe("update explanations (spec §2.3)", () => {
  const stored = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p" },
    spec: { containers: [{ name: "web", image: "nginx:1.25", imagePullPolicy: "IfNotPresent" }] },
  };
  const update = (container: Record<string, unknown>, extra: Record<string, unknown>[] = []) => ({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p" },
    spec: { containers: [{ name: "web", ...container }, ...extra] },
  });

  it("a tag change keeps the stored policy, and says so", () => {
    const [use] = findImages(update({ image: "nginx:latest" }), { stored });
    expect(use?.effectivePolicy).toBe("IfNotPresent");
    expect(use?.policyOrigin).toBe("stored");
    expect(use?.reason).toBe(
      'imagePullPolicy is not in the update, so the stored "IfNotPresent" is kept: it was fixed when the object was first written and does not follow the image change from "nginx:1.25" to "nginx:latest"',
    );
  });

  it("a cleared policy is recomputed, and says so", () => {
    const [use] = findImages(update({ image: "nginx:latest", imagePullPolicy: null }), { stored });
    expect(use?.effectivePolicy).toBe("Always");
    expect(use?.reason).toMatch(
      /^imagePullPolicy is cleared by the update, so it is recomputed from the new image: the tag is "latest"/,
    );
  });

  it("a PUT body without the policy is recomputed, and says so", () => {
    const [use] = findImages(update({ image: "nginx:latest" }), { stored, mode: "replace" });
    expect(use?.effectivePolicy).toBe("Always");
    expect(use?.reason).toMatch(
      /^imagePullPolicy is not in the replacing body, so it is recomputed/,
    );
  });

  it("a container new in the update gets the default", () => {
    const uses = findImages(update({ image: "nginx:1.25" }, [{ name: "side", image: "envoy" }]), {
      stored,
    });
    expect(uses[1]?.policyOrigin).toBe("defaulted");
    expect(uses[1]?.reason).toMatch(
      /^imagePullPolicy is not set on this container, which the stored object does not have/,
    );
  });

  it("the same image keeps the stored policy with the short explanation", () => {
    const [use] = findImages(update({ image: "nginx:1.25" }), { stored });
    expect(use?.reason).toBe(
      'imagePullPolicy is not in the update, so the stored "IfNotPresent" is kept: it was fixed when the object was first written',
    );
  });
});

describe("wrong shapes", () => {
  it("throws ManifestShapeError with the paths", () => {
    const bad = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      spec: {
        template: {
          spec: {
            containers: [
              { name: "a", image: "x" },
              { name: "b", image: 7 },
            ],
          },
        },
      },
    };
    let thrown: unknown;
    try {
      findImages(bad);
    } catch (error) {
      thrown = error;
    }
    expect(isManifestShapeError(thrown)).toBe(true);
    expect((thrown as Error).message).toBe(
      "spec.template.spec.containers[1].image: expected string",
    );
  });

  it("safeFindImages returns the images of the readable items next to the error", () => {
    const list = {
      apiVersion: "v1",
      kind: "List",
      items: [
        { apiVersion: "v1", kind: "Pod", spec: { containers: "oops" } },
        {
          apiVersion: "v1",
          kind: "Pod",
          metadata: { name: "ok" },
          spec: { containers: [{ name: "a", image: "nginx" }] },
        },
      ],
    };
    const result = safeFindImages(list);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.issues).toEqual([
        { path: "items[0].spec.containers", message: "expected array" },
      ]);
    }
    expect(result.data.map((u) => u.path)).toEqual(["items[1].spec.containers[0]"]);
  });

  it.each([
    null,
    undefined,
    0,
    "",
    "Pod",
    [],
    [{}],
    { kind: 5 },
    { kind: "Pod", apiVersion: 1, spec: 2 },
  ])("returns [] for input that is not a workload object (%j)", (value) => {
    expect(findImages(value)).toEqual([]);
  });

  it("returns frozen records", () => {
    const uses = findImages(load("pod.yaml"));
    expect(Object.isFrozen(uses)).toBe(true);
    expect(Object.isFrozen(uses[0])).toBe(true);
  });
});

describe("hostile objects never crash the walker", () => {
  it.each([
    [
      "a revoked Proxy as the pod spec",
      (() => {
        const { proxy, revoke } = Proxy.revocable({}, {});
        revoke();
        return { apiVersion: "v1", kind: "Pod", spec: proxy };
      })(),
    ],
    [
      "a getter that throws on kind",
      {
        get kind(): string {
          throw new Error("boom");
        },
      },
    ],
    [
      "a container whose image getter throws",
      {
        apiVersion: "v1",
        kind: "Pod",
        spec: {
          containers: [
            {
              get image(): string {
                throw new Error("boom");
              },
            },
          ],
        },
      },
    ],
  ])("%s", (_name, object) => {
    const result = safeFindImages(object);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.message).toMatch(/could not be read/);
    expect(() => findImages(object)).toThrow(/could not be read/);
  });
});

describe("linear time", () => {
  const podList = (n: number) => ({
    apiVersion: "v1",
    kind: "List",
    items: Array.from({ length: n }, (_, i) => ({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: `p${i}` },
      spec: {
        containers: [{ name: "a", image: "" }],
        ephemeralContainers: [{ name: "e", image: " x" }],
      },
    })),
  });
  const wideDeployment = (n: number) => ({
    apiVersion: "apps/v1",
    kind: "Deployment",
    spec: {
      template: {
        spec: {
          containers: Array.from({ length: n }, (_, i) => ({ name: `c${i}`, image: "" })),
          ephemeralContainers: Array.from({ length: n }, (_, i) => ({ name: `e${i}`, image: "x" })),
        },
      },
    },
  });
  // CPU time of this process (not wall time, which other processes on a busy machine inflate),
  // the smallest of five runs (garbage collection only ever adds to it), in milliseconds.
  const fastest = (f: () => void) => {
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 5; i++) {
      const start = process.cpuUsage();
      f();
      const used = process.cpuUsage(start);
      best = Math.min(best, (used.user + used.system) / 1000);
    }
    return best;
  };
  // 8× the input must take well under 64× the time (what a quadratic walk would take).
  it.each([
    ["many objects in a List", podList],
    ["many containers and pod-level errors in one pod spec", wideDeployment],
  ])("%s", (_name, make) => {
    const small = make(500);
    const large = make(4_000);
    findImages(small);
    findImages(large);
    const ratio =
      fastest(() => findImages(large)) /
      Math.max(
        fastest(() => findImages(small)),
        0.5,
      );
    expect(findImages(large).length).toBeGreaterThanOrEqual(4_000);
    expect(ratio).toBeLessThan(32);
  });
});
