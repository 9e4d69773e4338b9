import { describe, expect, it } from "vitest";
import {
  createMemoryPullRecords,
  mergePulledRecord,
  type PulledRecord,
  type RecordedCredentials,
} from "../../src/pull/pull-records.js";

const REPO = "docker.io/library/nginx";
const secret = (uid: string, namespace: string, name: string, credentialHash = `h-${uid}`) => ({
  uid,
  namespace,
  name,
  credentialHash,
});
const creds = (partial: Partial<RecordedCredentials>): RecordedCredentials => ({
  nodePodsAccessible: false,
  kubernetesSecrets: [],
  kubernetesServiceAccounts: [],
  ...partial,
});
const record = (mapping: Record<string, RecordedCredentials>): PulledRecord => ({
  imageRef: "sha256:ref",
  lastUpdatedTimeMs: 1,
  credentialMapping: mapping,
});

describe("mergePulledRecord (pulledRecordMergeNewCreds)", () => {
  it("nothing to add leaves the record unchanged", () => {
    const base = record({});
    expect(mergePulledRecord(base, REPO, undefined, 5)).toBeUndefined();
    expect(mergePulledRecord(base, REPO, creds({}), 5)).toBeUndefined();
  });

  it("an unknown name is added as is, with the new update time", () => {
    const base = record({ "quay.io/x": creds({ nodePodsAccessible: true }) });
    const added = creds({ kubernetesSecrets: [secret("u1", "ns", "s1")] });
    expect(mergePulledRecord(base, REPO, added, 5)).toEqual({
      imageRef: "sha256:ref",
      lastUpdatedTimeMs: 5,
      credentialMapping: { "quay.io/x": creds({ nodePodsAccessible: true }), [REPO]: added },
    });
    expect(base.credentialMapping[REPO]).toBeUndefined();
  });

  it("a node-accessible name never changes", () => {
    const base = record({ [REPO]: creds({ nodePodsAccessible: true }) });
    expect(
      mergePulledRecord(base, REPO, creds({ kubernetesSecrets: [secret("u", "n", "s")] }), 5),
    ).toBeUndefined();
  });

  it("node-accessible credentials clear the secret and service-account lists", () => {
    const base = record({
      [REPO]: creds({
        kubernetesSecrets: [secret("u1", "ns", "s1")],
        kubernetesServiceAccounts: [{ uid: "sa", namespace: "ns", name: "default" }],
      }),
    });
    expect(
      mergePulledRecord(base, REPO, creds({ nodePodsAccessible: true }), 9)?.credentialMapping[
        REPO
      ],
    ).toEqual(creds({ nodePodsAccessible: true }));
  });

  it("secrets merge unique per (uid, namespace, name), the newer hash wins, sorted by namespace, name, uid", () => {
    const base = record({
      [REPO]: creds({ kubernetesSecrets: [secret("u9", "b", "z", "old"), secret("u1", "b", "a")] }),
    });
    const merged = mergePulledRecord(
      base,
      REPO,
      creds({
        kubernetesSecrets: [
          secret("u9", "b", "z", "new"),
          secret("u2", "a", "y"),
          secret("u0", "b", "a"),
        ],
      }),
      7,
    );
    expect(merged?.credentialMapping[REPO]?.kubernetesSecrets).toEqual([
      secret("u2", "a", "y"),
      secret("u0", "b", "a"),
      secret("u1", "b", "a"),
      secret("u9", "b", "z", "new"),
    ]);
  });

  it("the same secret with the same hash is no change", () => {
    const base = record({ [REPO]: creds({ kubernetesSecrets: [secret("u1", "ns", "s1")] }) });
    expect(
      mergePulledRecord(base, REPO, creds({ kubernetesSecrets: [secret("u1", "ns", "s1")] }), 7),
    ).toBeUndefined();
  });

  it("service accounts merge as a sorted set", () => {
    const sa = (uid: string, namespace: string, name: string) => ({ uid, namespace, name });
    const base = record({ [REPO]: creds({ kubernetesServiceAccounts: [sa("2", "ns", "b")] }) });
    expect(
      mergePulledRecord(base, REPO, creds({ kubernetesServiceAccounts: [sa("2", "ns", "b")] }), 3),
    ).toBeUndefined();
    expect(
      mergePulledRecord(base, REPO, creds({ kubernetesServiceAccounts: [sa("1", "ns", "a")] }), 3)
        ?.credentialMapping[REPO]?.kubernetesServiceAccounts,
    ).toEqual([sa("1", "ns", "a"), sa("2", "ns", "b")]);
  });

  it("treats inherited property names as ordinary repository keys", () => {
    const base = record({});
    const merged = mergePulledRecord(base, "constructor", creds({ nodePodsAccessible: true }), 1);
    expect(Object.hasOwn(merged?.credentialMapping ?? {}, "constructor")).toBe(true);
  });
});

describe("createMemoryPullRecords", () => {
  it("stores intents and pulled records", () => {
    const records = createMemoryPullRecords({ intents: ["a"] });
    records.writeImagePullIntent("b");
    expect(records.imagePullIntentExists("b")).toBe(true);
    records.deleteImagePullIntent("a");
    expect(records.intents()).toEqual(["b"]);
    expect(records.listImagePullIntents()).toEqual(["b"]);
    const r = record({});
    records.writeImagePulledRecord(r);
    expect(records.getImagePulledRecord("sha256:ref")).toBe(r);
    expect(records.listImagePulledRecords()).toEqual([r]);
    records.deleteImagePulledRecord("sha256:ref");
    expect(records.pulled()).toEqual([]);
  });

  it("fails on demand with the given texts", () => {
    const records = createMemoryPullRecords({
      readError: "read failed",
      writeIntentError: "disk full",
      writeRecordError: "read-only",
    });
    expect(() => records.getImagePulledRecord("x")).toThrow("read failed");
    expect(() => records.imagePullIntentExists("x")).toThrow("read failed");
    expect(() => records.writeImagePullIntent("x")).toThrow("disk full");
    expect(() => records.writeImagePulledRecord(record({}))).toThrow("read-only");
  });
});
