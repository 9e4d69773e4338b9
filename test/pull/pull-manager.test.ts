import { describe, expect, it } from "vitest";
import { createManualClock } from "../../src/pull/clock.js";
import { createPullManager, type PodCredentials } from "../../src/pull/pull-manager.js";
import {
  createMemoryPullRecords,
  type MemoryPullRecordsOptions,
  type PulledRecord,
  type RecordedCredentials,
  type RecordedSecret,
} from "../../src/pull/pull-records.js";
import { createVerificationPolicy } from "../../src/pull/verification-policy.js";

const IMAGE = "registry.example/team/app:1.0";
const REPO = "registry.example/team/app";
const REF = "sha256:present";

const secret = (
  uid: string,
  name: string,
  credentialHash: string,
  namespace = "ns",
): RecordedSecret => ({
  uid,
  namespace,
  name,
  credentialHash,
});
const sa = (uid: string, name = "puller", namespace = "ns") => ({ uid, namespace, name });
const creds = (partial: Partial<RecordedCredentials>): RecordedCredentials => ({
  nodePodsAccessible: false,
  kubernetesSecrets: [],
  kubernetesServiceAccounts: [],
  ...partial,
});
const recordFor = (mapping: Record<string, RecordedCredentials>): PulledRecord => ({
  imageRef: REF,
  lastUpdatedTimeMs: 0,
  credentialMapping: mapping,
});

function setup(
  policyName: string,
  records: MemoryPullRecordsOptions,
  allowlist: readonly string[] = [],
) {
  const policy = createVerificationPolicy(policyName, allowlist);
  if (!policy.success) throw policy.error;
  const store = createMemoryPullRecords(records);
  const clock = createManualClock(1_000);
  return { store, manager: createPullManager({ records: store, policy: policy.policy, clock }) };
}

const pod =
  (secrets: RecordedSecret[] = [], serviceAccount?: ReturnType<typeof sa>) =>
  async (): Promise<PodCredentials> => ({
    secrets,
    serviceAccount,
  });

describe("§6.4: present image, gate on, row by row", () => {
  it("row 1: records unreadable → verify", async () => {
    const { manager } = setup("NeverVerify", { readError: "permission denied" });
    expect(await manager.mustAttemptImagePull(IMAGE, REF, pod())).toEqual({
      pullRequired: true,
      row: 1,
    });
  });

  it("row 2: the policy needs no verification → use", async () => {
    const { manager } = setup("NeverVerify", { pulled: [recordFor({})] });
    expect(await manager.mustAttemptImagePull(IMAGE, REF, pod())).toEqual({
      pullRequired: false,
      row: 2,
    });
    const preloaded = setup("NeverVerifyPreloadedImages", {});
    expect(await preloaded.manager.mustAttemptImagePull(IMAGE, REF, pod())).toEqual({
      pullRequired: false,
      row: 2,
    });
    const allowlisted = setup("NeverVerifyAllowlistedImages", { pulled: [recordFor({})] }, [
      "registry.example/team/*",
    ]);
    expect(await allowlisted.manager.mustAttemptImagePull(IMAGE, REF, pod())).toEqual({
      pullRequired: false,
      row: 2,
    });
  });

  it("row 3: no pulled record (only an intent) → verify", async () => {
    const { manager } = setup("NeverVerifyPreloadedImages", { intents: [IMAGE] });
    expect(await manager.mustAttemptImagePull(IMAGE, REF, pod())).toEqual({
      pullRequired: true,
      row: 3,
    });
    const always = setup("AlwaysVerify", {});
    expect(await always.manager.mustAttemptImagePull(IMAGE, REF, pod())).toEqual({
      pullRequired: true,
      row: 3,
    });
  });

  it("row 4: the pod's image name does not parse → verify", async () => {
    const { manager } = setup("AlwaysVerify", { pulled: [recordFor({})] });
    expect(await manager.mustAttemptImagePull("FAILED_IMAGE", REF, pod())).toEqual({
      pullRequired: true,
      row: 4,
    });
  });

  it("row 5: no entry for this repository name → verify", async () => {
    const { manager } = setup("NeverVerifyPreloadedImages", {
      pulled: [recordFor({ "registry.example/other": creds({ nodePodsAccessible: true }) })],
    });
    expect(await manager.mustAttemptImagePull(IMAGE, REF, pod())).toEqual({
      pullRequired: true,
      row: 5,
    });
  });

  it("row 6: the entry is node-accessible → use (any tag of the same name)", async () => {
    const { manager } = setup("AlwaysVerify", {
      pulled: [recordFor({ [REPO]: creds({ nodePodsAccessible: true }) })],
    });
    expect(await manager.mustAttemptImagePull(IMAGE, REF, pod())).toEqual({
      pullRequired: false,
      row: 6,
    });
    expect(await manager.mustAttemptImagePull(`${REPO}:2.0`, REF, pod())).toEqual({
      pullRequired: false,
      row: 6,
    });
  });

  it("row 7: an entry with neither secrets nor service accounts → verify", async () => {
    const { manager } = setup("AlwaysVerify", { pulled: [recordFor({ [REPO]: creds({}) })] });
    expect(await manager.mustAttemptImagePull(IMAGE, REF, pod())).toEqual({
      pullRequired: true,
      row: 7,
    });
  });

  it("row 8: the pod's credentials cannot be fetched → the error", async () => {
    const { manager } = setup("AlwaysVerify", {
      pulled: [
        recordFor({ [REPO]: creds({ kubernetesSecrets: [secret("u1", "regcred", "h1")] }) }),
      ],
    });
    const failing = async (): Promise<PodCredentials> => {
      throw new Error("unexpected end of JSON input");
    };
    expect(await manager.mustAttemptImagePull(IMAGE, REF, failing)).toEqual({
      pullRequired: true,
      row: 8,
      error: "unexpected end of JSON input",
    });
  });

  it("row 9: another secret with the same credential hash → use, and it is recorded", async () => {
    const { manager, store } = setup("AlwaysVerify", {
      pulled: [
        recordFor({ [REPO]: creds({ kubernetesSecrets: [secret("u1", "regcred", "h1")] }) }),
      ],
    });
    const check = await manager.mustAttemptImagePull(
      IMAGE,
      REF,
      pod([secret("u2", "copy", "h1", "other-ns")]),
    );
    expect(check).toEqual({ pullRequired: false, row: 9 });
    expect(store.getImagePulledRecord(REF)?.credentialMapping[REPO]?.kubernetesSecrets).toEqual([
      secret("u1", "regcred", "h1"),
      secret("u2", "copy", "h1", "other-ns"),
    ]);
  });

  it("row 9: the same secret with the same hash → use, nothing written", async () => {
    const original = recordFor({
      [REPO]: creds({ kubernetesSecrets: [secret("u1", "regcred", "h1")] }),
    });
    const { manager, store } = setup("AlwaysVerify", { pulled: [original] });
    expect(
      await manager.mustAttemptImagePull(IMAGE, REF, pod([secret("u1", "regcred", "h1")])),
    ).toEqual({
      pullRequired: false,
      row: 9,
    });
    expect(store.getImagePulledRecord(REF)).toBe(original);
  });

  it("row 9: an empty recorded hash never matches", async () => {
    const { manager } = setup("AlwaysVerify", {
      pulled: [recordFor({ [REPO]: creds({ kubernetesSecrets: [secret("u1", "regcred", "")] }) })],
    });
    expect(await manager.mustAttemptImagePull(IMAGE, REF, pod([secret("u9", "x", "")]))).toEqual({
      pullRequired: true,
      row: 12,
    });
  });

  it("row 10: the same secret whose credential changed → use and record the new hash", async () => {
    const { manager, store } = setup("AlwaysVerify", {
      pulled: [
        recordFor({ [REPO]: creds({ kubernetesSecrets: [secret("u1", "regcred", "old")] }) }),
      ],
    });
    expect(
      await manager.mustAttemptImagePull(IMAGE, REF, pod([secret("u1", "regcred", "new")])),
    ).toEqual({
      pullRequired: false,
      row: 10,
    });
    expect(store.getImagePulledRecord(REF)?.credentialMapping[REPO]?.kubernetesSecrets).toEqual([
      secret("u1", "regcred", "new"),
    ]);
  });

  it("rows 9 and 10 at the 100-secret limit: a hash match still uses (unrecorded), a changed hash no longer does", async () => {
    const many = Array.from({ length: 100 }, (_, i) => secret(`u${i}`, `s${i}`, `h${i}`));
    const full = recordFor({ [REPO]: creds({ kubernetesSecrets: many }) });
    const hashMatch = setup("AlwaysVerify", { pulled: [full] });
    expect(
      await hashMatch.manager.mustAttemptImagePull(IMAGE, REF, pod([secret("new", "n", "h5")])),
    ).toEqual({
      pullRequired: false,
      row: 9,
    });
    expect(hashMatch.store.getImagePulledRecord(REF)).toBe(full);
    const rotated = setup("AlwaysVerify", { pulled: [full] });
    expect(
      await rotated.manager.mustAttemptImagePull(IMAGE, REF, pod([secret("u5", "s5", "rotated")])),
    ).toEqual({
      pullRequired: true,
      row: 12,
    });
    // 99 recorded: still under the limit.
    const under = setup("AlwaysVerify", {
      pulled: [recordFor({ [REPO]: creds({ kubernetesSecrets: many.slice(0, 99) }) })],
    });
    expect(
      await under.manager.mustAttemptImagePull(IMAGE, REF, pod([secret("u5", "s5", "rotated")])),
    ).toEqual({
      pullRequired: false,
      row: 10,
    });
  });

  it("row 11: the pod's service account is recorded → use", async () => {
    const { manager } = setup("AlwaysVerify", {
      pulled: [recordFor({ [REPO]: creds({ kubernetesServiceAccounts: [sa("sa1")] }) })],
    });
    expect(await manager.mustAttemptImagePull(IMAGE, REF, pod([], sa("sa1")))).toEqual({
      pullRequired: false,
      row: 11,
    });
    expect(await manager.mustAttemptImagePull(IMAGE, REF, pod([], sa("sa2")))).toEqual({
      pullRequired: true,
      row: 12,
    });
  });

  it("row 12: otherwise → verify (a same-name secret of another UID is another secret)", async () => {
    const { manager } = setup("AlwaysVerify", {
      pulled: [
        recordFor({ [REPO]: creds({ kubernetesSecrets: [secret("u1", "regcred", "h1")] }) }),
      ],
    });
    expect(
      await manager.mustAttemptImagePull(IMAGE, REF, pod([secret("u2", "regcred", "h2")])),
    ).toEqual({
      pullRequired: true,
      row: 12,
    });
    expect(await manager.mustAttemptImagePull(IMAGE, REF, pod())).toEqual({
      pullRequired: true,
      row: 12,
    });
  });

  it("row 0: no image ref means the image is absent: pull", async () => {
    const { manager } = setup("NeverVerify", {});
    expect(await manager.mustAttemptImagePull(IMAGE, "", pod())).toEqual({
      pullRequired: true,
      row: 0,
    });
  });

  it("pulledByKubelet counts an in-flight intent and an intent left on disk", async () => {
    const onDisk = setup("NeverVerifyPreloadedImages", { intents: [IMAGE] });
    expect((await onDisk.manager.mustAttemptImagePull(IMAGE, REF, pod())).row).toBe(3);
    const inFlight = setup("NeverVerifyPreloadedImages", {});
    await inFlight.manager.recordPullIntent(IMAGE);
    inFlight.store.deleteImagePullIntent(IMAGE);
    expect((await inFlight.manager.mustAttemptImagePull(IMAGE, REF, pod())).row).toBe(3);
  });
});

describe("intents and pulled records", () => {
  it("an intent is counted per in-flight pull and removed at zero", async () => {
    const { manager, store } = setup("NeverVerify", {});
    await manager.recordPullIntent(IMAGE);
    await manager.recordPullIntent(IMAGE);
    expect(manager.intentCount(IMAGE)).toBe(2);
    await manager.recordImagePullFailed(IMAGE);
    expect(store.intents()).toEqual([IMAGE]);
    await manager.recordImagePulled(IMAGE, REF, creds({ nodePodsAccessible: true }));
    expect(manager.intentCount(IMAGE)).toBe(0);
    expect(store.intents()).toEqual([]);
    expect(store.getImagePulledRecord(REF)).toEqual({
      imageRef: REF,
      lastUpdatedTimeMs: 1_000,
      credentialMapping: { [REPO]: creds({ nodePodsAccessible: true }) },
    });
  });

  it("a failed intent write rejects with the kubelet's wrapping", async () => {
    const { manager } = setup("NeverVerify", { writeIntentError: "no space left on device" });
    await expect(manager.recordPullIntent(IMAGE)).rejects.toThrow(
      "failed to record image pull intent: no space left on device",
    );
    expect(manager.intentCount(IMAGE)).toBe(0);
  });

  it("a pulled record that cannot be written keeps the intent (the image still counts as kubelet-pulled)", async () => {
    const { manager, store } = setup("NeverVerifyPreloadedImages", {
      writeRecordError: "read-only file system",
    });
    await manager.recordPullIntent(IMAGE);
    await manager.recordImagePulled(IMAGE, REF, creds({ nodePodsAccessible: true }));
    expect(store.intents()).toEqual([IMAGE]);
    expect((await manager.mustAttemptImagePull(IMAGE, REF, pod())).row).toBe(3);
  });

  it("recoverIntents turns leftover intents found among runtime tags/digests into records without credentials", async () => {
    const digestImage = `${REPO}@sha256:${"c".repeat(64)}`;
    const { manager, store } = setup("NeverVerifyPreloadedImages", {
      intents: [IMAGE, digestImage, "gone:1"],
    });
    await manager.recoverIntents([
      { id: REF, repoTags: [IMAGE], repoDigests: [digestImage] },
      { id: "sha256:unrelated", repoTags: ["busybox:1.36"], repoDigests: [] },
    ]);
    expect(store.intents()).toEqual(["gone:1"]);
    expect(store.getImagePulledRecord(REF)?.credentialMapping).toEqual({});
    // Verification is forced: a record exists, but without an entry for the name (row 5).
    expect(await manager.mustAttemptImagePull(IMAGE, REF, pod())).toEqual({
      pullRequired: true,
      row: 5,
    });
  });

  it("pruneUnknownRecords drops old records of images no longer present", async () => {
    const old = { ...recordFor({}), imageRef: "sha256:old", lastUpdatedTimeMs: 10 };
    const kept = { ...recordFor({}), imageRef: "sha256:inuse", lastUpdatedTimeMs: 10 };
    const fresh = { ...recordFor({}), imageRef: "sha256:fresh", lastUpdatedTimeMs: 500 };
    const { manager, store } = setup("NeverVerify", { pulled: [old, kept, fresh] });
    await manager.pruneUnknownRecords(["sha256:inuse"], 500);
    expect(store.pulled().map((r) => r.imageRef)).toEqual(["sha256:inuse", "sha256:fresh"]);
  });
});
