import { describe, expect, it } from "vitest";
import { isManifestShapeError, validateImageFields } from "../../src/policy/index.js";

const pod = (spec: Record<string, unknown>) => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "p" },
  spec,
});
const deployment = (spec: Record<string, unknown>) => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "d" },
  spec: { template: { spec } },
});
const messages = (object: unknown) => validateImageFields(object).map((e) => e.message);

const WS = "must not have leading or trailing whitespace";

// Spec §2.1 and pkg/apis/core/validation: the API server's image checks, with the upstream texts.
describe("Pods", () => {
  const ROWS: readonly (readonly [string, Record<string, unknown>, readonly string[]])[] = [
    ["a valid image passes", { containers: [{ name: "a", image: "nginx" }] }, []],
    [
      "FAILED_IMAGE passes (grammar is not validated)",
      { containers: [{ name: "a", image: "FAILED_IMAGE" }] },
      [],
    ],
    [
      "empty image",
      { containers: [{ name: "a", image: "" }] },
      ["spec.containers[0].image: Required value"],
    ],
    ["absent image", { containers: [{ name: "a" }] }, ["spec.containers[0].image: Required value"]],
    [
      "leading space",
      { containers: [{ name: "a", image: " nginx" }] },
      [`spec.containers[0].image: Invalid value: " nginx": ${WS}`],
    ],
    [
      "trailing tab in an init container, Go-quoted",
      { initContainers: [{ name: "a", image: "nginx\t" }] },
      [`spec.initContainers[0].image: Invalid value: "nginx\\t": ${WS}`],
    ],
    [
      "U+0085 is space to Go",
      { containers: [{ name: "a", image: "nginx\u0085" }] },
      [`spec.containers[0].image: Invalid value: "nginx\\u0085": ${WS}`],
    ],
    ["U+FEFF is not space to Go", { containers: [{ name: "a", image: "\ufeffnginx" }] }, []],
    [
      "ephemeral container: empty and whitespace",
      {
        containers: [{ name: "a", image: "x" }],
        ephemeralContainers: [
          { name: "d", image: "" },
          { name: "e", image: "busybox " },
        ],
      },
      [
        "spec.ephemeralContainers[0].image: Required value",
        `spec.ephemeralContainers[1].image: Invalid value: "busybox ": ${WS}`,
      ],
    ],
    [
      "an unsupported policy",
      { containers: [{ name: "a", image: "x", imagePullPolicy: "always" }] },
      [
        'spec.containers[0].imagePullPolicy: Unsupported value: "always": supported values: "Always", "IfNotPresent", "Never"',
      ],
    ],
    [
      "image volume: empty reference and a bad policy",
      {
        containers: [{ name: "a", image: "x" }],
        volumes: [
          { name: "v", image: { reference: "" } },
          { name: "w", image: { reference: "y", pullPolicy: "Sometimes" } },
        ],
      },
      [
        "spec.volumes[0].image.reference: Required value",
        'spec.volumes[1].image.pullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
      ],
    ],
    [
      "upstream order: volumes, containers, init, ephemeral, then the Pod-only whitespace checks",
      {
        volumes: [{ name: "v", image: {} }],
        containers: [{ name: "a", image: " a" }, { name: "b" }],
        initContainers: [
          { name: "i", image: "i " },
          { name: "j", image: "" },
        ],
        ephemeralContainers: [{ name: "e", image: " e" }],
      },
      [
        "spec.volumes[0].image.reference: Required value",
        "spec.containers[1].image: Required value",
        "spec.initContainers[1].image: Required value",
        `spec.ephemeralContainers[0].image: Invalid value: " e": ${WS}`,
        `spec.containers[0].image: Invalid value: " a": ${WS}`,
        `spec.initContainers[0].image: Invalid value: "i ": ${WS}`,
      ],
    ],
  ];
  it.each(ROWS)("%s", (_name, spec, expected) => {
    expect(messages(pod(spec))).toEqual(expected);
  });
});

describe("workload templates", () => {
  it("an empty container image is Required in templates too", () => {
    expect(messages(deployment({ containers: [{ name: "a", image: "" }] }))).toEqual([
      "spec.template.spec.containers[0].image: Required value",
    ]);
  });
  it('whitespace is accepted in templates (" " is a placeholder some tools use)', () => {
    expect(
      messages(
        deployment({
          containers: [{ name: "a", image: " " }],
          initContainers: [{ name: "b", image: "x " }],
        }),
      ),
    ).toEqual([]);
  });
  it("an empty image-volume reference is accepted in templates", () => {
    expect(
      messages(
        deployment({
          containers: [{ name: "a", image: "x" }],
          volumes: [{ name: "v", image: {} }],
        }),
      ),
    ).toEqual([]);
  });
  it("ephemeral containers are forbidden in templates, and still get the whitespace check", () => {
    expect(
      messages(
        deployment({
          containers: [{ name: "a", image: "x" }],
          ephemeralContainers: [{ name: "e", image: "x " }],
        }),
      ),
    ).toEqual([
      `spec.template.spec.ephemeralContainers[0].image: Invalid value: "x ": ${WS}`,
      "spec.template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template",
    ]);
  });
  it("paths follow each kind's pod spec (CronJob, PodTemplate)", () => {
    expect(
      messages({
        apiVersion: "batch/v1",
        kind: "CronJob",
        spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: "a" }] } } } } },
      }),
    ).toEqual(["spec.jobTemplate.spec.template.spec.containers[0].image: Required value"]);
    expect(
      messages({
        apiVersion: "v1",
        kind: "PodTemplate",
        template: { spec: { containers: [{ name: "a" }] } },
      }),
    ).toEqual(["template.spec.containers[0].image: Required value"]);
  });
});

describe("located errors", () => {
  it("reports List items with their position, and fields relative to the item", () => {
    const errors = validateImageFields({
      apiVersion: "v1",
      kind: "List",
      items: [{ kind: "Service" }, pod({ containers: [{ name: "a" }] })],
    });
    expect(errors).toEqual([
      {
        type: "Required value",
        field: "spec.containers[0].image",
        badValue: null,
        detail: "",
        message: "spec.containers[0].image: Required value",
        objectPath: "items[1]",
        kind: "Pod",
        name: "p",
      },
    ]);
  });
  it("defaults before validating: an absent policy is not an error", () => {
    expect(
      messages(
        pod({
          containers: [{ name: "a", image: "x" }],
          volumes: [{ name: "v", image: { reference: "y" } }],
        }),
      ),
    ).toEqual([]);
  });
  it("throws ManifestShapeError for a wrong shape", () => {
    expect(() => validateImageFields(pod({ containers: 3 }))).toThrow(
      "spec.containers: expected array",
    );
    try {
      validateImageFields(pod({ containers: 3 }));
    } catch (error) {
      expect(isManifestShapeError(error)).toBe(true);
    }
  });
});
