import { describe, expect, it } from "vitest";
import { indexStoredObjects } from "../../src/cli/stored.js";

const obj = (kind: string, name: string, namespace?: string) => ({
  kind,
  metadata: { name, ...(namespace === undefined ? {} : { namespace }) },
});

describe("indexStoredObjects", () => {
  const a = obj("Deployment", "web", "shop");
  const b = obj("Deployment", "web", "lab");
  const c = obj("Deployment", "api", "default");
  const stored = indexStoredObjects([{ kind: "List", items: [a, b] }, c, "junk", null]);

  it("finds by kind, namespace and name", () => {
    expect(stored.size).toBe(3);
    expect(stored.find(obj("Deployment", "web", "shop"))).toBe(a);
    expect(stored.find(obj("Deployment", "web", "lab"))).toBe(b);
    expect(stored.find(obj("StatefulSet", "web", "shop"))).toBeUndefined();
  });

  it("matches an object without a namespace to the only one of that name, else to default", () => {
    expect(stored.find(obj("Deployment", "api"))).toBe(c);
    expect(stored.find(obj("Deployment", "web"))).toBeUndefined();
    expect(stored.find({ kind: "Deployment" })).toBeUndefined();
  });
});
