import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  applyDefaultImageTag,
  defaultPullPolicy,
  parseImageName,
  safeApplyDefaultImageTag,
  safeParseImageName,
} from "../../src/policy/index.js";
import { isImageReferenceError } from "../../src/reference/index.js";

const fixtures = join(import.meta.dirname, "..", "fixtures");

interface ImageNameVector {
  readonly input: string;
  readonly parseImageName: {
    readonly ok: boolean;
    readonly repoToPull?: string;
    readonly tag?: string;
    readonly digest?: string;
    readonly imagePullPolicy: string;
    readonly error?: string;
  };
}

const vectors: readonly ImageNameVector[] = gunzipSync(
  readFileSync(join(fixtures, "reference-vectors.jsonl.gz")),
)
  .toString("utf8")
  .split("\n")
  .filter((line) => line !== "")
  .map((line) => JSON.parse(line) as ImageNameVector);

interface CaseRow {
  readonly fn: string;
  readonly input: string;
  readonly ok: boolean;
  readonly name?: string;
  readonly tag?: string;
  readonly digest?: string;
  readonly string?: string;
  readonly error?: string;
}
const cases = JSON.parse(readFileSync(join(fixtures, "reference-cases.json"), "utf8")) as CaseRow[];
const rows = (fn: string) => cases.filter((row) => row.fn === fn);

describe("conformance vectors: the parseImageName field of every line", () => {
  it("has all 22,862 lines", () => {
    expect(vectors.length).toBe(22_862);
  });

  it("repoToPull, tag, digest, imagePullPolicy and error agree on every line", () => {
    const mismatches: string[] = [];
    for (const { input, parseImageName: want } of vectors) {
      const got = safeParseImageName(input);
      const policy = defaultPullPolicy(input);
      const fields: Record<string, [unknown, unknown]> = {
        ok: [got.success, want.ok],
        imagePullPolicy: [policy, want.imagePullPolicy],
      };
      if (got.success && want.ok) {
        fields.repoToPull = [got.data.repoToPull, want.repoToPull];
        fields.tag = [got.data.tag, want.tag];
        fields.digest = [got.data.digest, want.digest];
      } else if (!got.success && !want.ok) {
        fields.error = [got.error.message, want.error];
      }
      for (const [field, [actual, expected]] of Object.entries(fields)) {
        if (actual !== expected) {
          mismatches.push(
            `${JSON.stringify(input)} ${field}: got ${JSON.stringify(actual)}, want ${JSON.stringify(expected)}`,
          );
        }
      }
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
  });

  it("the throwing form throws exactly the safe form's error", () => {
    const failing = vectors.filter((v) => !v.parseImageName.ok).slice(0, 500);
    expect(failing.length).toBe(500);
    for (const { input, parseImageName: want } of failing) {
      let thrown: unknown;
      try {
        parseImageName(input);
      } catch (error) {
        thrown = error;
      }
      expect(isImageReferenceError(thrown), input).toBe(true);
      expect((thrown as Error).message).toBe(want.error);
    }
  });
});

describe("reference-cases.json: k8s.* rows", () => {
  it.each(rows("k8s.ParseImageName"))("k8s.ParseImageName $input", (row) => {
    const got = safeParseImageName(row.input);
    if (row.ok) {
      expect(got).toEqual({
        success: true,
        data: { repoToPull: row.name, tag: row.tag, digest: row.digest },
      });
    } else {
      expect(got.success).toBe(false);
      if (!got.success) expect(got.error.message).toBe(row.error);
    }
  });

  it.each(rows("k8s.applyDefaultImageTag"))("k8s.applyDefaultImageTag $input", (row) => {
    if (row.ok) {
      expect(applyDefaultImageTag(row.input)).toBe(row.string);
      expect(safeApplyDefaultImageTag(row.input)).toEqual({ success: true, data: row.string });
    } else {
      expect(() => applyDefaultImageTag(row.input)).toThrow(row.error);
      const safe = safeApplyDefaultImageTag(row.input);
      expect(safe.success).toBe(false);
      if (!safe.success) expect(safe.error.message).toBe(row.error);
    }
  });

  it.each(rows("k8s.defaultImagePullPolicy"))("k8s.defaultImagePullPolicy $input", (row) => {
    expect(row.ok).toBe(true);
    expect(defaultPullPolicy(row.input)).toBe(row.string);
  });

  it("has 99 rows of each function", () => {
    expect(rows("k8s.ParseImageName").length).toBe(99);
    expect(rows("k8s.applyDefaultImageTag").length).toBe(99);
    expect(rows("k8s.defaultImagePullPolicy").length).toBe(99);
  });
});

const D = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const HEX64 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const SHA512 = `sha512:${"ab".repeat(64)}`;

describe("spec §1.2: ParseImageName table", () => {
  const ok: readonly (readonly [string, string, string, string])[] = [
    ["root", "docker.io/library/root", "latest", ""],
    ["root:tag", "docker.io/library/root", "tag", ""],
    [`root@${D}`, "docker.io/library/root", "", D],
    ["user/repo", "docker.io/user/repo", "latest", ""],
    ["user/repo:tag", "docker.io/user/repo", "tag", ""],
    [`user/repo@${D}`, "docker.io/user/repo", "", D],
    ["url:5000/repo", "url:5000/repo", "latest", ""],
    ["url:5000/repo:tag", "url:5000/repo", "tag", ""],
    [`url:5000/repo@${D}`, "url:5000/repo", "", D],
    [`root:latest@${D}`, "docker.io/library/root", "latest", D],
    ["localhost:5000", "docker.io/library/localhost", "5000", ""],
    [`sha256:${HEX64}`, "docker.io/library/sha256", HEX64, ""],
    [`foo@${SHA512}`, "docker.io/library/foo", "", SHA512],
  ];
  it.each(ok)("%s", (input, repoToPull, tag, digest) => {
    expect(parseImageName(input)).toEqual({ repoToPull, tag, digest });
  });

  const bad: readonly (readonly [string, string])[] = [
    [
      "FAILED_IMAGE",
      'couldn\'t parse image name "FAILED_IMAGE": invalid reference format: repository name (library/FAILED_IMAGE) must be lowercase',
    ],
    ["http://url", 'couldn\'t parse image name "http://url": invalid reference format'],
    ["", 'couldn\'t parse image name "": invalid reference format'],
    [
      HEX64,
      `couldn't parse image name "${HEX64}": invalid repository name (${HEX64}), cannot specify 64-byte hexadecimal strings`,
    ],
    [
      `foo@md5:${"a".repeat(32)}`,
      `couldn't parse image name "foo@md5:${"a".repeat(32)}": unsupported digest algorithm`,
    ],
  ];
  it.each(bad)("%s fails", (input, message) => {
    const result = safeParseImageName(input);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.message).toBe(message);
      expect(result.error.code).not.toBe("");
    }
    expect(() => parseImageName(input)).toThrow(message);
  });

  it("keeps the reference library's error code on the wrapped error", () => {
    const result = safeParseImageName("FAILED_IMAGE");
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.code).toBe("REMOTE_NAME_NOT_LOWERCASE");
  });
});

describe("non-string arguments", () => {
  it.each([undefined, null, 42, {}, ["nginx"]])(
    "throwing forms throw a TypeError naming the function (%s)",
    (value) => {
      expect(() => parseImageName(value as unknown as string)).toThrow(TypeError);
      expect(() => parseImageName(value as unknown as string)).toThrow(
        /^parseImageName: expected a string/,
      );
      expect(() => applyDefaultImageTag(value as unknown as string)).toThrow(
        /^applyDefaultImageTag: expected a string/,
      );
    },
  );
  it.each([undefined, null, 42, {}])("safe forms return an error value (%s)", (value) => {
    const parsed = safeParseImageName(value as unknown as string);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.code).toBe("NOT_A_STRING");
    const tagged = safeApplyDefaultImageTag(value as unknown as string);
    expect(tagged.success).toBe(false);
  });
  it.each([undefined, null, 42, {}])(
    "defaultPullPolicy never throws and reads %s as an empty image",
    (value) => {
      expect(defaultPullPolicy(value as unknown as string)).toBe("IfNotPresent");
    },
  );
});
