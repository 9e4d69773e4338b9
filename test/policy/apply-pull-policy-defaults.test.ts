import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  applyPullPolicyDefaults,
  applyPullPolicyDefaultsOnUpdate,
  isManifestShapeError,
  safeApplyPullPolicyDefaults,
  safeApplyPullPolicyDefaultsOnUpdate,
} from "../../src/policy/index.js";

/** A container as kubernetes-types declares it: the policy is optional. */
interface Container {
  name: string;
  image: string;
  imagePullPolicy?: string;
}

const dir = join(import.meta.dirname, "..", "fixtures", "manifests");
const load = (file: string): unknown => parse(readFileSync(join(dir, file), "utf8"));

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

// One realistic manifest per kind (and a List), each compared whole with its hand-written
// `.defaulted.yaml`: the object the API server stores after create.
const KINDS = [
  ["Pod (init, sidecar, containers, ephemeral, image volumes)", "pod"],
  ["PodTemplate", "pod-template"],
  ["ReplicationController", "replication-controller"],
  ["Deployment (init, sidecar, image volume)", "deployment"],
  ["ReplicaSet", "replica-set"],
  ["StatefulSet", "stateful-set"],
  ["DaemonSet", "daemon-set"],
  ["Job (sidecar)", "job"],
  ["CronJob (image volume)", "cron-job"],
  ["List of mixed kinds", "list"],
] as const;

describe("applyPullPolicyDefaults on real-looking manifests", () => {
  it.each(KINDS)("%s", (_name, base) => {
    const input = deepFreeze(load(`${base}.yaml`));
    const before = structuredClone(input);
    const output = applyPullPolicyDefaults(input);
    expect(output).toEqual(load(`${base}.defaulted.yaml`));
    expect(input).toEqual(before);
    expect(output).not.toBe(input);
  });

  it("returns another kind unchanged, as the same object", () => {
    const service = load("service.yaml");
    expect(applyPullPolicyDefaults(service)).toBe(service);
  });

  it("returns a workload whose policies are all set unchanged, as the same object", () => {
    const done = load("deployment.defaulted.yaml");
    expect(applyPullPolicyDefaults(done)).toBe(done);
  });

  it("is idempotent", () => {
    const once = applyPullPolicyDefaults(load("pod.yaml"));
    expect(applyPullPolicyDefaults(once)).toEqual(once);
  });
});

describe("what is kept", () => {
  it("keeps explicit policies, even ones the API server would reject", () => {
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      spec: {
        containers: [
          { name: "a", image: "nginx", imagePullPolicy: "Never" },
          { name: "b", image: "nginx", imagePullPolicy: "always" },
        ],
      },
    };
    expect(applyPullPolicyDefaults(pod)).toBe(pod);
  });

  it("fills an empty-string or null policy", () => {
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      spec: {
        containers: [
          { name: "a", image: "nginx", imagePullPolicy: "" },
          { name: "b", image: "nginx:1", imagePullPolicy: null },
        ],
        volumes: [{ name: "v", image: { reference: "data", pullPolicy: "" } }],
      },
    };
    const out = applyPullPolicyDefaults(pod);
    expect(out.spec.containers.map((c) => c.imagePullPolicy)).toEqual(["Always", "IfNotPresent"]);
    expect(out.spec.volumes[0]?.image.pullPolicy).toBe("Always");
  });

  it("keeps unknown fields everywhere and shares untouched subtrees", () => {
    const env = [{ name: "X", value: "1" }];
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      "x-extra": { deep: true },
      metadata: { name: "p", annotations: { a: "b" } },
      spec: {
        futureField: 7,
        containers: [{ name: "a", image: "nginx", env, futureContainerField: "z" }],
      },
      status: { phase: "Pending" },
    };
    const out = applyPullPolicyDefaults(pod);
    expect(out).toEqual({
      ...pod,
      spec: { ...pod.spec, containers: [{ ...pod.spec.containers[0], imagePullPolicy: "Always" }] },
    });
    expect(out.metadata).toBe(pod.metadata);
    expect(out.spec.containers[0]?.env).toBe(env);
    expect(out.status).toBe(pod.status);
  });

  it("keeps an own __proto__ key from JSON as a plain key, without touching prototypes", () => {
    const pod = JSON.parse(
      '{"apiVersion":"v1","kind":"Pod","__proto__":{"polluted":true},"spec":{"containers":[{"name":"a","image":"nginx","__proto__":{"x":1}}]}}',
    ) as Record<string, unknown>;
    const out = applyPullPolicyDefaults(pod) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const container = (out.spec as { containers: Record<string, unknown>[] }).containers[0];
    expect(container?.imagePullPolicy).toBe("Always");
    expect(Object.getPrototypeOf(container)).toBe(Object.prototype);
  });

  it("keeps class instances as instances of their class", () => {
    class Container {
      name = "a";
      image = "nginx";
      imagePullPolicy: string | undefined = undefined;
      describe(): string {
        return `${this.name}=${this.image}`;
      }
    }
    const pod = { apiVersion: "v1", kind: "Pod", spec: { containers: [new Container()] } };
    const out = applyPullPolicyDefaults(pod);
    const container = out.spec.containers[0] as Container;
    expect(container).toBeInstanceOf(Container);
    expect(container.describe()).toBe("a=nginx");
    expect(container.imagePullPolicy).toBe("Always");
    expect(pod.spec.containers[0]?.imagePullPolicy).toBeUndefined();
  });

  it("uses the kind hint for objects that do not say their kind", () => {
    const spec = { spec: { containers: [{ name: "a", image: "nginx" }] } };
    expect(applyPullPolicyDefaults(spec)).toBe(spec);
    const out = applyPullPolicyDefaults(spec, { kind: "Pod", apiVersion: "v1" });
    expect(out.spec.containers[0]).toEqual({
      name: "a",
      image: "nginx",
      imagePullPolicy: "Always",
    });
  });

  it("defaults the items of a typed list (PodList items carry no kind)", () => {
    const list = {
      apiVersion: "v1",
      kind: "PodList",
      items: [
        {
          metadata: { name: "a" },
          spec: { containers: [{ name: "a", image: "nginx:1" } as Container] },
        },
      ],
    };
    const out = applyPullPolicyDefaults(list);
    expect(out.items[0]?.spec.containers[0]?.imagePullPolicy).toBe("IfNotPresent");
  });

  it("leaves look-alike kinds of other API groups alone", () => {
    for (const [apiVersion, kind] of [
      ["apps.kruise.io/v1alpha1", "DaemonSet"],
      ["apps/v1", "Pod"],
      ["apps.openshift.io/v1", "DeploymentConfig"],
    ]) {
      const object = {
        apiVersion,
        kind,
        spec: { template: { spec: { containers: [{ name: "a", image: "x" }] } } },
      };
      expect(applyPullPolicyDefaults(object)).toBe(object);
    }
  });

  it("defaults old served group/versions of the same kinds", () => {
    const deployment = {
      apiVersion: "extensions/v1beta1",
      kind: "Deployment",
      spec: { template: { spec: { containers: [{ name: "a", image: "nginx" } as Container] } } },
    };
    expect(
      applyPullPolicyDefaults(deployment).spec.template.spec.containers[0]?.imagePullPolicy,
    ).toBe("Always");
  });
});

describe("wrong shapes are reported with their paths, never a crash", () => {
  const SHAPES: readonly (readonly [string, unknown, readonly string[]])[] = [
    [
      "image not a string",
      {
        apiVersion: "apps/v1",
        kind: "Deployment",
        spec: { template: { spec: { containers: [{ image: "a" }, { image: 5 }] } } },
      },
      ["spec.template.spec.containers[1].image: expected string"],
    ],
    [
      "containers not an array",
      { apiVersion: "v1", kind: "Pod", spec: { containers: { image: "a" } } },
      ["spec.containers: expected array"],
    ],
    [
      "container not an object",
      { apiVersion: "v1", kind: "Pod", spec: { containers: ["nginx"] } },
      ["spec.containers[0]: expected object"],
    ],
    [
      "spec not an object",
      { apiVersion: "v1", kind: "Pod", spec: "nope" },
      ["spec: expected object"],
    ],
    [
      "policy not a string",
      {
        apiVersion: "v1",
        kind: "Pod",
        spec: { containers: [{ image: "a", imagePullPolicy: true }] },
      },
      ["spec.containers[0].imagePullPolicy: expected string"],
    ],
    [
      "volume reference not a string",
      {
        apiVersion: "v1",
        kind: "Pod",
        spec: { volumes: [{ name: "v", image: { reference: ["x"] } }] },
      },
      ["spec.volumes[0].image.reference: expected string"],
    ],
    [
      "CronJob template not an object",
      { apiVersion: "batch/v1", kind: "CronJob", spec: { jobTemplate: { spec: { template: 3 } } } },
      ["spec.jobTemplate.spec.template: expected object"],
    ],
    [
      "metadata.name not a string",
      { apiVersion: "v1", kind: "Pod", metadata: { name: 1 } },
      ["metadata.name: expected string"],
    ],
    [
      "List items not an array",
      { apiVersion: "v1", kind: "List", items: {} },
      ["items: expected array"],
    ],
    [
      "List item with a bad field",
      {
        apiVersion: "v1",
        kind: "List",
        items: [{ kind: "Service" }, { apiVersion: "v1", kind: "Pod", spec: { containers: 1 } }],
      },
      ["items[1].spec.containers: expected array"],
    ],
    [
      "several issues at once",
      {
        apiVersion: "v1",
        kind: "Pod",
        spec: { containers: [{ image: 1, imagePullPolicy: 2 }], initContainers: "x" },
      },
      [
        "spec.initContainers: expected array",
        "spec.containers[0].image: expected string",
        "spec.containers[0].imagePullPolicy: expected string",
      ],
    ],
  ];

  it.each(SHAPES)("%s", (_name, object, expected) => {
    const result = safeApplyPullPolicyDefaults(object);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.code).toBe("INVALID_MANIFEST_SHAPE");
      expect([...result.error.issues.map((i) => `${i.path}: ${i.message}`)].sort()).toEqual(
        [...expected].sort(),
      );
      expect(result.error.message).toBe(
        result.error.issues.map((i) => `${i.path}: ${i.message}`).join("; "),
      );
    }
    let thrown: unknown;
    try {
      applyPullPolicyDefaults(object);
    } catch (error) {
      thrown = error;
    }
    expect(isManifestShapeError(thrown)).toBe(true);
  });

  it("reports a getter that throws as a shape issue", () => {
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      get spec(): never {
        throw new Error("boom");
      },
    };
    const result = safeApplyPullPolicyDefaults(pod);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.message).toBe("(root): could not be read: boom");
  });

  it.each([null, undefined, 5, "Pod", [], [{ kind: "Pod" }]])(
    "returns a non-object (%j) unchanged",
    (value) => {
      expect(applyPullPolicyDefaults(value)).toBe(value);
    },
  );

  it("accepts null for optional fields (what Go decodes as absent)", () => {
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: null,
      spec: { containers: [{ name: null, image: null }], volumes: null },
    };
    const out = applyPullPolicyDefaults(pod);
    expect(out.spec.containers[0]).toEqual({
      name: null,
      image: null,
      imagePullPolicy: "IfNotPresent",
    });
  });
});

// Spec §2.3: the policy is fixed when the object is first written.
describe("applyPullPolicyDefaultsOnUpdate (spec §2.3)", () => {
  const stored = deepFreeze({
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web" },
    spec: {
      template: {
        spec: {
          containers: [
            { name: "web", image: "nginx:1.25", imagePullPolicy: "IfNotPresent" },
            { name: "side", image: "envoy", imagePullPolicy: "Always" },
          ],
          volumes: [{ name: "data", image: { reference: "data:v1", pullPolicy: "IfNotPresent" } }],
        },
      },
    },
  });
  const update = (
    containers: unknown[],
    volumes: unknown[] = [{ name: "data", image: { reference: "data:latest" } }],
  ) =>
    deepFreeze({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web" },
      spec: { template: { spec: { containers, volumes } } },
    });
  const policies = (object: ReturnType<typeof update>) => {
    const spec = object.spec.template.spec as {
      containers: { imagePullPolicy?: string }[];
      volumes: { image: { pullPolicy?: string } }[];
    };
    return [
      ...spec.containers.map((c) => c.imagePullPolicy),
      ...spec.volumes.map((v) => v.image.pullPolicy),
    ];
  };

  const ROWS: readonly (readonly [
    string,
    unknown[],
    "merge" | "replace",
    readonly (string | undefined)[],
  ])[] = [
    [
      "a tag change keeps the stored policy (nginx:1.25 → nginx:latest stays IfNotPresent)",
      [
        { name: "web", image: "nginx:latest" },
        { name: "side", image: "envoy:v1.30" },
      ],
      "merge",
      ["IfNotPresent", "Always", "IfNotPresent"],
    ],
    [
      "a cleared policy (null) is recomputed from the new image",
      [
        { name: "web", image: "nginx:latest", imagePullPolicy: null },
        { name: "side", image: "envoy:v1.30", imagePullPolicy: "" },
      ],
      "merge",
      ["Always", "IfNotPresent", "IfNotPresent"],
    ],
    [
      "an explicit policy in the update wins",
      [
        { name: "web", image: "nginx:latest", imagePullPolicy: "Never" },
        { name: "side", image: "envoy" },
      ],
      "merge",
      ["Never", "Always", "IfNotPresent"],
    ],
    [
      "a new container gets the default of its image",
      [
        { name: "web", image: "nginx:1.25" },
        { name: "new", image: "redis" },
      ],
      "merge",
      ["IfNotPresent", "Always", "IfNotPresent"],
    ],
    [
      "containers are matched by name, not position",
      [
        { name: "side", image: "envoy:v2" },
        { name: "web", image: "nginx:latest" },
      ],
      "merge",
      ["Always", "IfNotPresent", "IfNotPresent"],
    ],
    [
      "a PUT body without the policy gets it recomputed",
      [
        { name: "web", image: "nginx:latest" },
        { name: "side", image: "envoy:v1.30" },
      ],
      "replace",
      ["Always", "IfNotPresent", "Always"],
    ],
  ];

  it.each(ROWS)("%s", (_name, containers, mode, expected) => {
    const body = update(containers);
    const out = applyPullPolicyDefaultsOnUpdate(stored, body, { mode });
    expect(policies(out)).toEqual(expected);
  });

  it("defaults to merge mode and never mutates either object", () => {
    const body = update([{ name: "web", image: "nginx:latest" }]);
    const out = applyPullPolicyDefaultsOnUpdate(stored, body);
    expect(policies(out)).toEqual(["IfNotPresent", "IfNotPresent"]);
    expect(applyPullPolicyDefaults(body).spec.template.spec.containers[0]).toEqual({
      name: "web",
      image: "nginx:latest",
      imagePullPolicy: "Always",
    });
  });

  it("matches List items by kind, namespace and name", () => {
    const item = (name: string, image: string, imagePullPolicy?: string) => ({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name },
      spec: {
        containers: [
          { name: "c", image, ...(imagePullPolicy === undefined ? {} : { imagePullPolicy }) },
        ],
      },
    });
    const storedList = {
      apiVersion: "v1",
      kind: "List",
      items: [item("a", "x:1", "IfNotPresent"), item("b", "y:1", "Never")],
    };
    const updateList = {
      apiVersion: "v1",
      kind: "List",
      items: [item("b", "y:latest"), item("a", "x:latest"), item("c", "z")],
    };
    const out = applyPullPolicyDefaultsOnUpdate(storedList, updateList);
    expect(out.items.map((i) => i.spec.containers[0]?.imagePullPolicy)).toEqual([
      "Never",
      "IfNotPresent",
      "Always",
    ]);
  });

  it("reports a wrong-shaped stored object with a (stored) prefix", () => {
    const result = safeApplyPullPolicyDefaultsOnUpdate(
      { apiVersion: "v1", kind: "Pod", spec: { containers: 1 } },
      { apiVersion: "v1", kind: "Pod", spec: { containers: [] } },
    );
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.error.message).toBe("(stored) spec.containers: expected array");
  });
});

// Spec §2.2: an image volume's pullPolicy follows the §2.1 table with `reference` for `image`,
// and §2.1's rule applies alike to containers, init containers and ephemeral containers.
describe("spec §2.1 / §2.2 rows through every image field of a Pod", () => {
  const D = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  const ROWS: readonly (readonly [string, string])[] = [
    ["nginx", "Always"],
    ["nginx:latest", "Always"],
    ["nginx:1.25", "IfNotPresent"],
    ["nginx:LATEST", "IfNotPresent"],
    ["nginx:latest-alpine", "IfNotPresent"],
    [`nginx@${D}`, "IfNotPresent"],
    [`nginx:latest@${D}`, "Always"],
    [`nginx:1.25@${D}`, "IfNotPresent"],
    ["FAILED_IMAGE", "IfNotPresent"],
    ["http://url", "IfNotPresent"],
    ["", "IfNotPresent"],
    ["localhost:5000", "IfNotPresent"],
    ["registry:5000/app", "Always"],
  ];
  it.each(ROWS)("%j → %s", (image, policy) => {
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      spec: {
        initContainers: [{ name: "i", image }],
        containers: [{ name: "c", image }],
        ephemeralContainers: [{ name: "e", image }],
        volumes: [{ name: "v", image: { reference: image } }],
      },
    };
    const out = applyPullPolicyDefaults(pod) as unknown as {
      spec: {
        initContainers: Container[];
        containers: Container[];
        ephemeralContainers: Container[];
        volumes: { image: { pullPolicy?: string } }[];
      };
    };
    expect([
      out.spec.initContainers[0]?.imagePullPolicy,
      out.spec.containers[0]?.imagePullPolicy,
      out.spec.ephemeralContainers[0]?.imagePullPolicy,
      out.spec.volumes[0]?.image.pullPolicy,
    ]).toEqual([policy, policy, policy, policy]);
  });
});
