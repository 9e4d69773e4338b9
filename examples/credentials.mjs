// Which credentials will the node try for this image, and in which order? The kubelet's keyring:
// the pod's pull secrets first, then the node's docker config, then credential plugins.
// Run with `npm run build && node examples/credentials.mjs`. Passwords never print.
import {
  createDockerRegistrySecret,
  createKeyring,
  keyringFromProviderResponse,
  keyringFromPullSecrets,
  parseCredentialProviderConfig,
  parseCredentialProviderResponse,
  parseDockerConfig,
  providersForImage,
  redactCredential,
  unionKeyrings,
} from "pullpolicy";

// 1. The node's /var/lib/kubelet/config.json (note the entries the kubelet will not use).
const nodeConfig = parseDockerConfig(
  JSON.stringify({
    auths: {
      "https://index.docker.io/v1/": { auth: btoa("hub-mirror-bot:node-secret-1") },
      "registry.example.com": { username: "node-reader", password: "node-secret-2" },
      "registry.example.com:abc": { username: "typo", password: "node-secret-3" },
    },
    credHelpers: { "123456789012.dkr.ecr.eu-west-1.amazonaws.com": "ecr-login" },
  }),
  { source: { kind: "dockerConfig", file: "/var/lib/kubelet/config.json" } },
);
const nodeKeyring = createKeyring(nodeConfig);

// 2. A credential plugin for *.registry.example.com, and what it answered.
const providers = parseCredentialProviderConfig({
  apiVersion: "kubelet.config.k8s.io/v1",
  kind: "CredentialProviderConfig",
  providers: [
    {
      name: "example-credential-provider",
      matchImages: ["*.registry.example.com"],
      defaultCacheDuration: "12h",
      apiVersion: "credentialprovider.kubelet.k8s.io/v1",
    },
  ],
});
const pluginResponse = parseCredentialProviderResponse(
  {
    apiVersion: "credentialprovider.kubelet.k8s.io/v1",
    kind: "CredentialProviderResponse",
    cacheKeyType: "Registry",
    auth: { "*.registry.example.com": { username: "plugin-token", password: "plugin-secret" } },
  },
  "credentialprovider.kubelet.k8s.io/v1",
);
const pluginKeyring = keyringFromProviderResponse(pluginResponse, providers.providers[0]);

// 3. The pod's imagePullSecrets, in namespace "shop" (one made like `kubectl create secret docker-registry`).
const regcred = createDockerRegistrySecret({
  name: "regcred",
  namespace: "shop",
  server: "registry.example.com/shop",
  username: "shop-ci",
  password: "pod-secret-1",
});
const podKeyring = keyringFromPullSecrets(
  [{ ...regcred, metadata: { ...regcred.metadata, uid: "9f1c…" } }],
  { podNamespace: "shop" },
  unionKeyrings(nodeKeyring, pluginKeyring),
);

const images = [
  "registry.example.com/shop/api", // pod secret (more specific key first), then node config
  "eu.registry.example.com/shop/api", // only the plugin's glob matches
  "docker.io/library/nginx", // Docker Hub fallback on the index.docker.io key
  "ghcr.io/acme/tool", // nothing: pulled anonymously
];
for (const image of images) {
  const plugins = providersForImage(providers, image).map((p) => p.name);
  console.log(`${image}${plugins.length > 0 ? `  (plugins asked: ${plugins.join(", ")})` : ""}`);
  const creds = podKeyring.lookup(image);
  if (creds.length === 0) console.log("  no credentials: the kubelet pulls without auth");
  creds.forEach((c, i) => {
    const from =
      c.source.kind === "secret"
        ? `secret ${c.source.namespace}/${c.source.name}`
        : c.source.kind === "plugin"
          ? `plugin ${c.source.provider}`
          : `docker config ${c.source.file ?? ""}`;
    console.log(
      `  ${i + 1}. ${c.username} / ${redactCredential(c).password}  key ${c.key}  from ${from}`,
    );
  });
}

console.log("\nignored by the kubelet:");
for (const s of nodeKeyring.skipped) console.log(`  entry ${JSON.stringify(s.entry)}: ${s.error}`);
for (const [registry, helper] of nodeConfig.credHelpers) {
  console.log(
    `  credHelpers ${registry} → ${helper}: the kubelet does not run docker credential helpers`,
  );
}
console.log(`\nString(credential): ${String(podKeyring.lookup(images[0])[0])}`);
