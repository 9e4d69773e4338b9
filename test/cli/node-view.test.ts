import { describe, expect, it } from "vitest";
import { createNodeView, parseNodeImages, runtimeNames } from "../../src/cli/node-view.js";

describe("node images", () => {
  it("reads one image per line, ignoring comments and blanks", () => {
    expect(parseNodeImages("# cache\nnginx:1.25  \n\n  busybox # pinned\n")).toEqual([
      "nginx:1.25",
      "busybox",
    ]);
  });

  it("knows the names a runtime finds an image under", () => {
    expect(runtimeNames("nginx")).toEqual([
      "nginx",
      "docker.io/library/nginx",
      "docker.io/library/nginx:latest",
      "nginx:latest",
    ]);
    expect(runtimeNames("FAILED_IMAGE")).toEqual(["FAILED_IMAGE"]);
  });

  it.each([
    ["docker.io/library/nginx:1.25", "IfNotPresent", "present", null],
    ["nginx:1.25", "Always", "pulled", null],
    ["nginx:1.26", "IfNotPresent", "pulled", null],
    ["nginx:1.26", "Never", "never-pull", "ErrImageNeverPull"],
    ["nginx:1.25", "Never", "present", null],
    ["FAILED_IMAGE", "IfNotPresent", "invalid-image-name", "InvalidImageName"],
  ])("%s with %s on a node with nginx:1.25 → %s", async (image, policy, outcome, reason) => {
    const decide = createNodeView(["nginx:1.25"]);
    const got = await decide(image, policy);
    expect([got.outcome, got.reason]).toEqual([outcome, reason]);
  });
});
