import { describe, expect, it } from "vitest";
import { applyDefaultImageTag, safeApplyDefaultImageTag } from "../../src/policy/index.js";

const D = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

// Spec §3.3 step 1: append ":" + tag iff no digest, a non-empty tag, and the input does not
// already end with ":" + tag; never normalise.
const TABLE: readonly (readonly [string, string])[] = [
  ["busybox", "busybox:latest"],
  ["docker.io/library/busybox", "docker.io/library/busybox:latest"],
  ["busybox:1.36", "busybox:1.36"],
  ["busybox:latest", "busybox:latest"],
  [`busybox@${D}`, `busybox@${D}`],
  [`busybox:1.36@${D}`, `busybox:1.36@${D}`],
  ["localhost:5000", "localhost:5000"],
  ["localhost:5000/app", "localhost:5000/app:latest"],
  ["Foo/bar", "Foo/bar:latest"],
];

describe("applyDefaultImageTag (kubelet runtime image string)", () => {
  it.each(TABLE)("%s → %s", (input, output) => {
    expect(applyDefaultImageTag(input)).toBe(output);
    expect(safeApplyDefaultImageTag(input)).toEqual({ success: true, data: output });
  });

  it("throws the ParseImageName error for an unparsable image (the kubelet stops with InvalidImageName)", () => {
    const message =
      'couldn\'t parse image name "ACTOKEY": invalid reference format: repository name (library/ACTOKEY) must be lowercase';
    expect(() => applyDefaultImageTag("ACTOKEY")).toThrow(message);
    const safe = safeApplyDefaultImageTag("ACTOKEY");
    expect(safe.success).toBe(false);
    if (!safe.success) {
      expect(safe.error.message).toBe(message);
      expect(safe.error.code).toBe("REMOTE_NAME_NOT_LOWERCASE");
    }
  });
});
