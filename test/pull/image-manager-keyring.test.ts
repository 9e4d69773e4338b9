// The credentials module's keyrings plug into the pull decision as they are (structural fit).
import { describe, expect, it } from "vitest";
import { createKeyring, parseDockerConfig, unionKeyrings } from "../../src/credentials/index.js";
import { createManualClock } from "../../src/pull/clock.js";
import { credentialHash } from "../../src/pull/credential-hash.js";
import type { CredentialLookup } from "../../src/pull/credentials.js";
import { createImageManager } from "../../src/pull/image-manager.js";
import { createMemoryPullRecords } from "../../src/pull/pull-records.js";
import { createMemoryRuntime } from "../../src/pull/runtime.js";

const config = (username: string, password: string) =>
  JSON.stringify({ auths: { "registry.example": { username, password } } });

describe("a real keyring as the credential lookup", () => {
  it("tries the pod secret before the node config, and records the secret with its hash", async () => {
    const podSecrets = createKeyring(
      parseDockerConfig(config("team-a", "CANARY-secret"), {
        source: { kind: "secret", uid: "sec-1", namespace: "team-a", name: "regcred" },
      }),
    );
    const node = createKeyring(parseDockerConfig(config("node", "CANARY-node")));
    const keyring: CredentialLookup = unionKeyrings(podSecrets, node);
    const tried: (string | undefined)[] = [];
    const runtime = createMemoryRuntime({
      pull: ({ credential }) => {
        tried.push(credential?.username);
        return credential?.password === "CANARY-secret" ? undefined : "401 Unauthorized";
      },
    });
    const records = createMemoryPullRecords();
    const manager = createImageManager({
      runtime,
      clock: createManualClock(),
      pullRecords: records,
    });
    const decision = await manager.ensureImageExists({
      pod: { uid: "pod-1" },
      image: "registry.example/team-a/api:1",
      pullPolicy: "IfNotPresent",
      credentials: keyring,
    });
    expect(decision.ok).toBe(true);
    expect(tried).toEqual(["team-a"]);
    expect(decision.credential?.username).toBe("team-a");
    const [secretCredential] = podSecrets.lookup("registry.example/team-a/api");
    expect(
      records.pulled()[0]?.credentialMapping["registry.example/team-a/api"]?.kubernetesSecrets,
    ).toEqual([
      {
        uid: "sec-1",
        namespace: "team-a",
        name: "regcred",
        credentialHash: credentialHash(secretCredential ?? {}),
      },
    ]);
    // The credential in the decision prints redacted.
    expect(JSON.stringify(decision)).not.toContain("CANARY");
  });

  it("node-config credentials make the image node-accessible", async () => {
    const node = createKeyring(parseDockerConfig(config("node", "pw")));
    const records = createMemoryPullRecords();
    const manager = createImageManager({
      runtime: createMemoryRuntime(),
      clock: createManualClock(),
      pullRecords: records,
    });
    await manager.ensureImageExists({
      pod: { uid: "p" },
      image: "registry.example/base:1",
      pullPolicy: "IfNotPresent",
      credentials: node,
    });
    expect(
      records.pulled()[0]?.credentialMapping["registry.example/base"]?.nodePodsAccessible,
    ).toBe(true);
  });
});
