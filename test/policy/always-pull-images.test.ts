import { describe, expect, it } from "vitest";
import {
  type AdmissionRequest,
  admitAlwaysPullImages,
  validateAlwaysPullImages,
} from "../../src/policy/index.js";

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const POLICIES = ["", "Never", "IfNotPresent", "Always"] as const;
const container = (name: string, policy: string, image = "image") => ({
  name,
  image,
  ...(policy === "" ? {} : { imagePullPolicy: policy }),
});

// The upstream test pod: init containers and containers with "", Never, IfNotPresent, Always,
// and image volumes with the same four.
const upstreamPod = (name = "123") =>
  deepFreeze({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "test" },
    spec: {
      initContainers: POLICIES.map((p, i) => container(`init${i}`, p)),
      containers: POLICIES.map((p, i) => container(`ctr${i}`, p)),
      volumes: POLICIES.map((p, i) => ({
        name: `vol${i}`,
        image: { reference: "image", ...(p === "" ? {} : { pullPolicy: p }) },
      })),
    },
  });

const request = (overrides: Partial<AdmissionRequest> = {}): AdmissionRequest => ({
  operation: "CREATE",
  resource: "pods",
  object: upstreamPod(),
  ...overrides,
});

describe("mutating half (Admit)", () => {
  it("sets Always on every init container, container and image volume (upstream create case)", () => {
    const req = request();
    const result = admitAlwaysPullImages(req);
    expect(result.outcome).toBe("mutated");
    if (result.outcome !== "mutated") return;
    const pod = result.object as ReturnType<typeof upstreamPod>;
    expect(pod.spec.initContainers.map((c) => c.imagePullPolicy)).toEqual([
      "Always",
      "Always",
      "Always",
      "Always",
    ]);
    expect(pod.spec.containers.map((c) => c.imagePullPolicy)).toEqual([
      "Always",
      "Always",
      "Always",
      "Always",
    ]);
    expect(pod.spec.volumes.map((v) => v.image.pullPolicy)).toEqual([
      "Always",
      "Always",
      "Always",
      "Always",
    ]);
    expect(result.changes.map((c) => `${c.path} ${c.from}`)).toEqual([
      "spec.initContainers[0].imagePullPolicy null",
      "spec.initContainers[1].imagePullPolicy Never",
      "spec.initContainers[2].imagePullPolicy IfNotPresent",
      "spec.containers[0].imagePullPolicy null",
      "spec.containers[1].imagePullPolicy Never",
      "spec.containers[2].imagePullPolicy IfNotPresent",
      "spec.volumes[0].image.pullPolicy null",
      "spec.volumes[1].image.pullPolicy Never",
      "spec.volumes[2].image.pullPolicy IfNotPresent",
    ]);
    // The request's object is frozen: it was copied, not modified.
    expect((req.object as ReturnType<typeof upstreamPod>).spec.containers[1]?.imagePullPolicy).toBe(
      "Never",
    );
  });

  it("also sets ephemeral containers when a Pod carries them", () => {
    const object = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "p" },
      spec: {
        containers: [container("a", "Always")],
        ephemeralContainers: [container("d", "IfNotPresent")],
      },
    };
    const result = admitAlwaysPullImages(request({ object }));
    expect(result.outcome).toBe("mutated");
    if (result.outcome === "mutated") {
      expect(result.changes).toEqual([
        { path: "spec.ephemeralContainers[0].imagePullPolicy", from: "IfNotPresent", to: "Always" },
      ]);
    }
  });

  it("mutates an update that changes an image (image → image2)", () => {
    const old = deepFreeze({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "p" },
      spec: { containers: [container("a", "IfNotPresent", "image")] },
    });
    const object = { ...old, spec: { containers: [container("a", "IfNotPresent", "image2")] } };
    const result = admitAlwaysPullImages(request({ operation: "UPDATE", object, oldObject: old }));
    expect(result.outcome).toBe("mutated");
  });
});

describe("requests the plugin ignores", () => {
  const pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p" },
    spec: { containers: [container("a", "Never")] },
  };
  const ROWS: readonly (readonly [string, Partial<AdmissionRequest>, string])[] = [
    ["non-pod resource foos", { resource: "foos" }, "resource"],
    [
      "a resource of another group named pods",
      { resource: { group: "metrics.k8s.io", resource: "pods" } },
      "resource",
    ],
    [
      "deployments (only the Pods they create are affected)",
      { resource: { group: "apps", version: "v1", resource: "deployments" } },
      "resource",
    ],
    ["subresource exec", { subResource: "exec" }, "subresource"],
    ["subresource ephemeralcontainers", { subResource: "ephemeralcontainers" }, "subresource"],
    ["subresource status given as pods/status", { resource: "pods/status" }, "subresource"],
    ["delete", { operation: "DELETE" }, "operation"],
    ["connect", { operation: "CONNECT" }, "operation"],
  ];
  it.each(ROWS)("%s", (_name, overrides, reason) => {
    const req = request({ object: pod, ...overrides });
    const admitted = admitAlwaysPullImages(req);
    expect(admitted).toEqual({ outcome: "ignored", reason, object: pod });
    expect(validateAlwaysPullImages(req)).toEqual({ outcome: "ignored", reason });
  });

  it("an update adding only an annotation (same images) keeps IfNotPresent", () => {
    const old = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "p" },
      spec: { containers: [container("a", "IfNotPresent")] },
    };
    const object = { ...old, metadata: { name: "p", annotations: { a: "b" } } };
    const req = request({ operation: "UPDATE", object, oldObject: old });
    expect(admitAlwaysPullImages(req)).toEqual({
      outcome: "ignored",
      reason: "no-new-image",
      object,
    });
    expect(validateAlwaysPullImages(req)).toEqual({ outcome: "ignored", reason: "no-new-image" });
  });

  it("swapping images between containers is no new image (a set comparison over all lists)", () => {
    const old = {
      apiVersion: "v1",
      kind: "Pod",
      spec: {
        initContainers: [container("i", "Never", "a")],
        containers: [container("c", "Never", "b")],
      },
    };
    const object = {
      apiVersion: "v1",
      kind: "Pod",
      spec: {
        initContainers: [container("i", "Never", "b")],
        containers: [container("c", "Never", "a"), container("d", "Never", "a")],
      },
    };
    expect(
      admitAlwaysPullImages(request({ operation: "UPDATE", object, oldObject: old })).outcome,
    ).toBe("ignored");
  });

  it("an update whose old object is not a Pod is not ignored", () => {
    const object = {
      apiVersion: "v1",
      kind: "Pod",
      spec: { containers: [container("a", "Never")] },
    };
    const result = admitAlwaysPullImages(
      request({ operation: "UPDATE", object, oldObject: { kind: "Service" } }),
    );
    expect(result.outcome).toBe("mutated");
  });
});

describe("objects that are not Pods", () => {
  const NOT_A_POD = "Resource was marked with kind Pod but was unable to be converted";
  it.each([
    ["a Service", { apiVersion: "v1", kind: "Service", metadata: { name: "123" }, spec: {} }],
    ["a Pod of another group", { apiVersion: "apps/v1", kind: "Pod", spec: {} }],
    ["null", null],
    ["a string", "pod"],
  ])("%s sent as a Pod → BadRequest", (_name, object) => {
    const expected = {
      outcome: "rejected",
      error: { code: "BAD_REQUEST", status: 400, message: NOT_A_POD, causes: [] },
    };
    expect(admitAlwaysPullImages(request({ object }))).toEqual(expected);
    expect(validateAlwaysPullImages(request({ object }))).toEqual(expected);
  });

  it("a wrong-shaped Pod is rejected with the field path", () => {
    const result = validateAlwaysPullImages(
      request({ object: { apiVersion: "v1", kind: "Pod", spec: { containers: [{ image: 3 }] } } }),
    );
    expect(result).toEqual({
      outcome: "rejected",
      error: {
        code: "INVALID_SHAPE",
        status: 400,
        message: "spec.containers[0].image: expected string",
        causes: [],
      },
    });
  });
});

describe("validating half (Validate)", () => {
  it('rejects the upstream pod "123" with exactly the upstream aggregated message', () => {
    const result = validateAlwaysPullImages(request());
    expect(result.outcome).toBe("rejected");
    if (result.outcome !== "rejected") return;
    expect(result.error.code).toBe("FORBIDDEN");
    expect(result.error.status).toBe(403);
    expect(result.error.message).toBe(
      '[pods "123" is forbidden: spec.initContainers[0].imagePullPolicy: Unsupported value: "": supported values: "Always", pods "123" is forbidden: spec.initContainers[1].imagePullPolicy: Unsupported value: "Never": supported values: "Always", pods "123" is forbidden: spec.initContainers[2].imagePullPolicy: Unsupported value: "IfNotPresent": supported values: "Always", pods "123" is forbidden: spec.containers[0].imagePullPolicy: Unsupported value: "": supported values: "Always", pods "123" is forbidden: spec.containers[1].imagePullPolicy: Unsupported value: "Never": supported values: "Always", pods "123" is forbidden: spec.containers[2].imagePullPolicy: Unsupported value: "IfNotPresent": supported values: "Always", pods "123" is forbidden: spec.volumes[0].image.pullPolicy: Unsupported value: "": supported values: "Always", pods "123" is forbidden: spec.volumes[1].image.pullPolicy: Unsupported value: "Never": supported values: "Always", pods "123" is forbidden: spec.volumes[2].image.pullPolicy: Unsupported value: "IfNotPresent": supported values: "Always"]',
    );
    expect(result.error.causes).toHaveLength(9);
  });

  it("a single violation is not bracketed; ephemeral containers are checked", () => {
    const object = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "web" },
      spec: {
        containers: [container("a", "Always")],
        ephemeralContainers: [container("d", "Never")],
      },
    };
    const result = validateAlwaysPullImages(request({ object }));
    expect(result).toMatchObject({
      outcome: "rejected",
      error: {
        message:
          'pods "web" is forbidden: spec.ephemeralContainers[0].imagePullPolicy: Unsupported value: "Never": supported values: "Always"',
      },
    });
  });

  it("allows a pod whose every policy is Always, and the output of the mutating half", () => {
    const mutated = admitAlwaysPullImages(request());
    expect(mutated.outcome).toBe("mutated");
    if (mutated.outcome === "mutated") {
      expect(validateAlwaysPullImages(request({ object: mutated.object }))).toEqual({
        outcome: "allowed",
      });
    }
  });

  it("names the pod from the request, metadata.name, metadata.generateName, or Unknown; Go-quoted", () => {
    const spec = { containers: [container("a", "Never")] };
    const msg = (req: AdmissionRequest) => {
      const r = validateAlwaysPullImages(req);
      return r.outcome === "rejected" ? r.error.message.split(" is forbidden")[0] : r.outcome;
    };
    expect(
      msg(
        request({
          name: "from-request",
          object: { kind: "Pod", metadata: { name: "meta" }, spec },
        }),
      ),
    ).toBe('pods "from-request"');
    expect(
      msg(request({ object: { kind: "Pod", metadata: { generateName: "web-" }, spec } })),
    ).toBe('pods "web-"');
    expect(msg(request({ object: { kind: "Pod", spec } }))).toBe('pods "Unknown"');
    expect(msg(request({ object: { kind: "Pod", metadata: { name: 'we"ird' }, spec } }))).toBe(
      'pods "we\\"ird"',
    );
  });

  it("a pod without containers is allowed", () => {
    expect(
      validateAlwaysPullImages(request({ object: { apiVersion: "v1", kind: "Pod", spec: {} } })),
    ).toEqual({ outcome: "allowed" });
  });
});

describe("hostile objects never crash the plugin", () => {
  const revoked = () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  };
  const throwingKind = {
    get kind(): string {
      throw new Error("no kind for you");
    },
  };
  it.each([
    ["a revoked Proxy", revoked()],
    ["a throwing getter", throwingKind],
    ["a Pod whose spec is a revoked Proxy", { apiVersion: "v1", kind: "Pod", spec: revoked() }],
  ])("%s → INVALID_SHAPE", (_name, object) => {
    for (const result of [
      admitAlwaysPullImages(request({ object })),
      validateAlwaysPullImages(request({ object })),
    ]) {
      expect(result.outcome).toBe("rejected");
      if (result.outcome === "rejected") {
        expect(result.error.code).toBe("INVALID_SHAPE");
        expect(result.error.message).toMatch(/could not be read/);
      }
    }
  });
});
