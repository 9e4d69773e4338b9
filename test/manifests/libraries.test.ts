// Objects from the three libraries users build manifests with, through the walker and the
// defaulting, with the real packages. @kubernetes/client-node is imported model by model: its
// package entry also loads its HTTP stack, which needs a newer Node than the models do.
import { ObjectSerializer } from "@kubernetes/client-node/dist/gen/models/ObjectSerializer.js";
import { V1Container } from "@kubernetes/client-node/dist/gen/models/V1Container.js";
import { V1Deployment } from "@kubernetes/client-node/dist/gen/models/V1Deployment.js";
import { V1DeploymentSpec } from "@kubernetes/client-node/dist/gen/models/V1DeploymentSpec.js";
import { V1ImageVolumeSource } from "@kubernetes/client-node/dist/gen/models/V1ImageVolumeSource.js";
import { V1Pod } from "@kubernetes/client-node/dist/gen/models/V1Pod.js";
import { V1PodSpec } from "@kubernetes/client-node/dist/gen/models/V1PodSpec.js";
import { V1PodTemplateSpec } from "@kubernetes/client-node/dist/gen/models/V1PodTemplateSpec.js";
import { V1Volume } from "@kubernetes/client-node/dist/gen/models/V1Volume.js";
import { ApiObject, App, Chart } from "cdk8s";
import * as kplus from "cdk8s-plus-33";
import type { Deployment } from "kubernetes-types/apps/v1.js";
import type { CronJob } from "kubernetes-types/batch/v1.js";
import type { Pod } from "kubernetes-types/core/v1.js";
import { describe, expect, it } from "vitest";
import { findImages } from "../../src/manifests/index.js";
import { applyPullPolicyDefaults, safeApplyPullPolicyDefaults } from "../../src/policy/index.js";

const policies = (object: unknown) =>
  findImages(object).map((u) => `${u.path}=${u.effectivePolicy}:${u.policyOrigin}`);

describe("@kubernetes/client-node class instances", () => {
  it("a V1Pod built field by field (class instances, camelCase, fields left undefined)", () => {
    const container = new V1Container();
    container.name = "web";
    container.image = "nginx";
    // What a caller gets after `container.imagePullPolicy = someOptionalValue`.
    Object.assign(container, { imagePullPolicy: undefined });
    const volumeSource = new V1ImageVolumeSource();
    volumeSource.reference = "quay.io/acme/models:v1";
    const volume = new V1Volume();
    volume.name = "models";
    volume.image = volumeSource;
    const spec = new V1PodSpec();
    spec.containers = [container];
    spec.volumes = [volume];
    const pod = new V1Pod();
    pod.apiVersion = "v1";
    pod.kind = "Pod";
    pod.metadata = { name: "web", namespace: "shop" };
    pod.spec = spec;

    expect(policies(pod)).toEqual([
      "spec.containers[0]=Always:defaulted",
      "spec.volumes[0].image=IfNotPresent:defaulted",
    ]);
    const out = applyPullPolicyDefaults(pod);
    expect(out).toBeInstanceOf(V1Pod);
    expect(out.spec).toBeInstanceOf(V1PodSpec);
    expect(out.spec?.containers[0]).toBeInstanceOf(V1Container);
    expect(out.spec?.containers[0]?.imagePullPolicy).toBe("Always");
    expect(out.spec?.volumes?.[0]?.image?.pullPolicy).toBe("IfNotPresent");
    expect(container.imagePullPolicy).toBeUndefined();
    expect(volumeSource.pullPolicy).toBeUndefined();
  });

  it("a V1Deployment without kind/apiVersion, with a kind hint", () => {
    const container = new V1Container();
    container.name = "api";
    container.image = "ghcr.io/acme/api:1.4";
    const template = new V1PodTemplateSpec();
    template.spec = new V1PodSpec();
    template.spec.containers = [container];
    const deployment = new V1Deployment();
    deployment.spec = new V1DeploymentSpec();
    deployment.spec.template = template;
    deployment.spec.selector = { matchLabels: { app: "api" } };

    expect(findImages(deployment)).toEqual([]);
    expect(findImages(deployment, { kind: "Deployment" }).map((u) => u.effectivePolicy)).toEqual([
      "IfNotPresent",
    ]);
    const out = applyPullPolicyDefaults(deployment, { kind: "Deployment", apiVersion: "apps/v1" });
    expect(out).toBeInstanceOf(V1Deployment);
    expect(out.spec?.template.spec?.containers[0]?.imagePullPolicy).toBe("IfNotPresent");
  });

  it("objects from ObjectSerializer.deserialize", () => {
    const pod = ObjectSerializer.deserialize(
      {
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: "p" },
        spec: {
          initContainers: [{ name: "init", image: "busybox:1.36" }],
          containers: [{ name: "a", image: "nginx:latest", imagePullPolicy: "Never" }],
        },
      },
      "V1Pod",
      "",
    ) as V1Pod;
    expect(pod).toBeInstanceOf(V1Pod);
    expect(policies(pod)).toEqual([
      "spec.initContainers[0]=IfNotPresent:defaulted",
      "spec.containers[0]=Never:explicit",
    ]);
  });
});

describe("kubernetes-types objects", () => {
  it("a typed Pod, Deployment and CronJob go through without a type or runtime error", () => {
    const pod: Pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "p" },
      spec: {
        containers: [{ name: "a", image: "nginx:1.25" }],
        ephemeralContainers: [{ name: "d", image: "busybox" }],
      },
    };
    const deployment: Deployment = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "d" },
      spec: {
        selector: { matchLabels: { app: "d" } },
        template: {
          spec: {
            // kubernetes-types 1.30 predates image volumes (1.31), so none here.
            containers: [{ name: "a", image: "nginx" }],
            volumes: [{ name: "v", emptyDir: {} }],
          },
        },
      },
    };
    const cronJob: CronJob = {
      apiVersion: "batch/v1",
      kind: "CronJob",
      metadata: { name: "c" },
      spec: {
        schedule: "* * * * *",
        jobTemplate: {
          spec: {
            template: {
              spec: { containers: [{ name: "a", image: `x@sha256:${"a".repeat(64)}` }] },
            },
          },
        },
      },
    };
    const outPod: Pod = applyPullPolicyDefaults(pod);
    const outDeployment: Deployment = applyPullPolicyDefaults(deployment);
    const outCronJob: CronJob = applyPullPolicyDefaults(cronJob);
    expect(outPod.spec?.containers[0]?.imagePullPolicy).toBe("IfNotPresent");
    expect(outPod.spec?.ephemeralContainers?.[0]?.imagePullPolicy).toBe("Always");
    expect(outDeployment.spec?.template.spec?.containers[0]?.imagePullPolicy).toBe("Always");
    expect(outDeployment.spec?.template.spec?.volumes?.[0]).toEqual({ name: "v", emptyDir: {} });
    expect(outCronJob.spec?.jobTemplate.spec?.template.spec?.containers[0]?.imagePullPolicy).toBe(
      "IfNotPresent",
    );
  });
});

describe("cdk8s toJson() output", () => {
  it("cdk8s-plus-33 sets imagePullPolicy: Always on every container itself", () => {
    const app = new App();
    const chart = new Chart(app, "shop");
    new kplus.Deployment(chart, "web", {
      containers: [
        { image: "nginx:1.25", portNumber: 80 },
        { image: "ghcr.io/acme/app:2.0", imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT },
      ],
    });
    const [manifest] = chart.toJson();
    const uses = findImages(manifest);
    // The API server alone would have chosen IfNotPresent for nginx:1.25; cdk8s-plus wrote Always.
    expect(
      uses.map((u) => [u.kind, u.image, u.imagePullPolicy, u.effectivePolicy, u.policyOrigin]),
    ).toEqual([
      ["Deployment", "nginx:1.25", "Always", "Always", "explicit"],
      ["Deployment", "ghcr.io/acme/app:2.0", "IfNotPresent", "IfNotPresent", "explicit"],
    ]);
    expect(uses[0]?.name).toMatch(/^shop-web-/);
    expect(applyPullPolicyDefaults(manifest)).toBe(manifest);
  });

  it("a raw cdk8s ApiObject with an unset policy gets the API server default", () => {
    const app = new App();
    const chart = new Chart(app, "raw");
    new ApiObject(chart, "job", {
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: { name: "migrate" },
      spec: {
        template: {
          spec: {
            restartPolicy: "Never",
            containers: [{ name: "m", image: "ghcr.io/acme/migrate" }],
          },
        },
      },
    });
    const [manifest] = chart.toJson();
    expect(policies(manifest)).toEqual(["spec.template.spec.containers[0]=Always:defaulted"]);
    const result = safeApplyPullPolicyDefaults(manifest);
    expect(result.success).toBe(true);
  });
});
