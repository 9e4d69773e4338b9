// Which imagePullPolicy will each container really get, and why?
// Run after `npm run build`: node examples/policy.mjs
import {
  applyPullPolicyDefaults,
  applyPullPolicyDefaultsOnUpdate,
  defaultPullPolicy,
  findImages,
  parseImageName,
  validateAlwaysPullImages,
} from "pullpolicy";

// 1. The rule: only the tag that ParseImageName returns matters.
for (const image of [
  "nginx",
  "nginx:1.25",
  `nginx:latest@sha256:${"a".repeat(64)}`,
  `nginx@sha256:${"a".repeat(64)}`,
  "localhost:5000",
  "FAILED_IMAGE",
]) {
  console.log(`${image.padEnd(30).slice(0, 30)} → ${defaultPullPolicy(image)}`);
}
console.log(parseImageName("localhost:5000")); // { repoToPull: 'docker.io/library/localhost', tag: '5000', digest: '' }

// 2. Defaulting a whole object, as the API server does on create (the input is not modified).
const deployment = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "checkout", namespace: "shop" },
  spec: {
    selector: { matchLabels: { app: "checkout" } },
    template: {
      metadata: { labels: { app: "checkout" } },
      spec: {
        initContainers: [{ name: "proxy", image: "istio/proxyv2:1.22.1", restartPolicy: "Always" }],
        containers: [
          { name: "checkout", image: "gcr.io/acme/checkout" },
          { name: "legacy", image: "FAILED_IMAGE" },
        ],
        volumes: [{ name: "geoip", image: { reference: "ghcr.io/acme/geoip:2024.06" } }],
      },
    },
  },
};
const stored = applyPullPolicyDefaults(deployment);
console.log(stored.spec.template.spec.containers.map((c) => `${c.name}: ${c.imagePullPolicy}`));

// 3. The walker: every image with its path, policy as written, effective policy, reason, findings.
for (const use of findImages(deployment)) {
  console.log(
    `${use.path}  ${use.image}  written=${use.imagePullPolicy}  effective=${use.effectivePolicy}`,
  );
  console.log(`  why: ${use.reason}`);
  for (const finding of use.findings)
    console.log(`  ${finding.stage} ${finding.code}: ${finding.message}`);
}

// 4. Update: the policy was fixed on create; a later tag change keeps it.
const update = structuredClone(deployment);
update.spec.template.spec.containers[0].image = "gcr.io/acme/checkout:1.4.2";
const updated = applyPullPolicyDefaultsOnUpdate(stored, update);
console.log("after tag change:", updated.spec.template.spec.containers[0].imagePullPolicy); // Always (kept)
console.log(findImages(update, { stored })[1].reason);

// 5. AlwaysPullImages admission, validating half.
const verdict = validateAlwaysPullImages({
  operation: "CREATE",
  resource: "pods",
  object: {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "123" },
    spec: { containers: [{ name: "a", image: "nginx", imagePullPolicy: "Never" }] },
  },
});
console.log(verdict.outcome === "rejected" ? verdict.error.message : verdict.outcome);
