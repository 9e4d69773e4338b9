// Every row of test/fixtures/reference-cases.json (spec §8.9): the upstream distribution/reference
// v0.6.0 test tables, regexp tables and extra edge rows. The `k8s.*` rows (ParseImageName,
// applyDefaultImageTag, defaultImagePullPolicy) belong to the policy area and are tested there;
// this file counts them so a row can never be dropped silently.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  isIdentifier,
  matchDomain,
  matchName,
  matchReference,
} from "../../src/reference/grammar.js";
import {
  familiarMatch,
  familiarName,
  familiarString,
  type ImageReferenceErrorCode,
  isImageReferenceError,
  parseAnyReference,
  parseDockerRef,
  parseNamed,
  parseNormalizedNamed,
  parseReference,
  type Reference,
  referenceKind,
  withDigest,
  withName,
  withTag,
} from "../../src/reference/index.js";

interface Row {
  readonly source: string;
  readonly fn: string;
  readonly input?: string;
  readonly args?: Readonly<Record<string, string>>;
  readonly ok: boolean;
  readonly type?: string;
  readonly string?: string;
  readonly name?: string;
  readonly domain?: string;
  readonly path?: string;
  readonly tag?: string;
  readonly digest?: string;
  readonly familiar?: string;
  readonly familiarName?: string;
  readonly match?: boolean;
  readonly subs?: readonly string[];
  readonly error?: string;
  readonly errorVar?: string;
}

const rows = JSON.parse(
  readFileSync(join(import.meta.dirname, "../fixtures/reference-cases.json"), "utf8"),
) as Row[];

/** Go's error variables and the code we give each. */
const CODE_OF_GO_VAR: Readonly<Record<string, ImageReferenceErrorCode>> = {
  ErrReferenceInvalidFormat: "REFERENCE_INVALID_FORMAT",
  ErrTagInvalidFormat: "TAG_INVALID_FORMAT",
  ErrDigestInvalidFormat: "DIGEST_INVALID_FORMAT",
  ErrNameContainsUppercase: "NAME_CONTAINS_UPPERCASE",
  ErrNameEmpty: "NAME_EMPTY",
  ErrNameTooLong: "NAME_TOO_LONG",
  ErrNameNotCanonical: "NAME_NOT_CANONICAL",
  "digest.ErrDigestUnsupported": "DIGEST_UNSUPPORTED",
  "digest.ErrDigestInvalidLength": "DIGEST_INVALID_LENGTH",
  "digest.ErrDigestInvalidFormat": "DIGEST_CHECKSUM_INVALID_FORMAT",
};

/** Formatted errors (no Go variable) by message shape. */
function codeOfFormatted(message: string): ImageReferenceErrorCode {
  if (message === "syntax error in pattern") return "BAD_PATTERN";
  if (message.startsWith("invalid reference format: repository name (")) {
    return "REMOTE_NAME_NOT_LOWERCASE";
  }
  if (message.startsWith("invalid repository name (")) return "IDENTIFIER_AS_NAME";
  throw new Error(`no code known for ${message}`);
}

const args = (row: Row, key: string): string => {
  const value = row.args?.[key];
  if (value === undefined) throw new Error(`row lacks args.${key}`);
  return value;
};

/** The named reference the WithTag/WithDigest failure rows start from. */
const namedFromArg = (name: string): Reference =>
  name.endsWith(" (normalized)") ? parseNormalizedNamed(name.slice(0, -13)) : withName(name);

/** The reference-producing functions, by the row's `fn`. */
const REFERENCE_FNS: Readonly<Record<string, (row: Row) => Reference>> = {
  Parse: (row) => parseReference(row.input!),
  ParseNamed: (row) => parseNamed(row.input!),
  ParseNormalizedNamed: (row) => parseNormalizedNamed(row.input!),
  ParseAnyReference: (row) => parseAnyReference(row.input!),
  ParseDockerRef: (row) => parseDockerRef(row.input!),
  WithName: (row) => withName(row.input!),
  "WithName+WithDigest?+WithTag": (row) => {
    let ref = withName(args(row, "name"));
    if (row.args?.digest !== undefined) ref = withDigest(ref, row.args.digest);
    return withTag(ref, args(row, "tag"));
  },
  "WithName+WithTag?+WithDigest": (row) => {
    let ref = withName(args(row, "name"));
    if (row.args?.tag !== undefined) ref = withTag(ref, row.args.tag);
    return withDigest(ref, args(row, "digest"));
  },
  WithTag: (row) => withTag(namedFromArg(args(row, "name")), args(row, "tag")),
  WithDigest: (row) => withDigest(namedFromArg(args(row, "name")), args(row, "digest")),
};

/** The regexp tables, checked through the grammar-level functions that replace them. */
const REGEXP_FNS: Readonly<Record<string, (input: string) => readonly string[] | boolean | null>> =
  {
    "DomainRegexp (anchored ^...$)": matchDomain,
    "anchoredNameRegexp (captures: domain, remote-name)": matchName,
    "ReferenceRegexp (captures: name, tag, digest)": matchReference,
    anchoredIdentifierRegexp: isIdentifier,
  };

const FAMILIAR_MATCH = "FamiliarMatch(pattern, ParseAnyReference(reference))";

function label(row: Row): string {
  return `${row.source} ${row.fn} ${JSON.stringify(row.input ?? row.args)}`;
}

function expectError(row: Row, run: () => unknown): void {
  let thrown: unknown;
  try {
    run();
  } catch (e) {
    thrown = e;
  }
  expect(isImageReferenceError(thrown), `${label(row)} should fail`).toBe(true);
  if (!isImageReferenceError(thrown)) return;
  expect(thrown.message).toBe(row.error);
  const want =
    row.errorVar !== undefined && row.errorVar !== ""
      ? CODE_OF_GO_VAR[row.errorVar]
      : codeOfFormatted(row.error ?? "");
  expect(thrown.code).toBe(want);
}

function checkReferenceRow(row: Row, fn: (row: Row) => Reference): void {
  if (!row.ok) {
    expectError(row, () => fn(row));
    return;
  }
  const ref = fn(row);
  const got: Record<string, unknown> = {
    type: referenceKind(ref),
    string: String(ref),
    name: ref.name,
    domain: ref.domain,
    path: ref.path,
    tag: ref.tag,
    digest: ref.digest,
    familiar: familiarString(ref),
    familiarName: ref.name === undefined ? undefined : familiarName(ref),
  };
  for (const key of Object.keys(got)) {
    // A field the row omits is one Go's value does not have (tag/digest) or was not recorded.
    const want = (row as unknown as Record<string, unknown>)[key];
    if (want !== undefined) expect(got[key], `${label(row)} ${key}`).toBe(want);
    else if (key === "tag" || key === "digest")
      expect(got[key], `${label(row)} ${key}`).toBeUndefined();
  }
}

const k8sRows = rows.filter((r) => r.fn.startsWith("k8s."));
const ownRows = rows.filter((r) => !r.fn.startsWith("k8s."));

describe("reference-cases.json", () => {
  it("has 1058 rows: 761 for this area, 297 k8s.* rows tested by the policy area", () => {
    expect(rows.length).toBe(1058);
    expect(k8sRows.length).toBe(297);
    expect(ownRows.length).toBe(761);
  });

  it("every row's fn is one this file knows", () => {
    const unknown = ownRows.filter(
      (r) => !(r.fn in REFERENCE_FNS) && !(r.fn in REGEXP_FNS) && r.fn !== FAMILIAR_MATCH,
    );
    expect(unknown.map((r) => r.fn)).toEqual([]);
  });

  describe.each(Object.keys(REFERENCE_FNS))("%s", (fn) => {
    const table = ownRows.filter((r) => r.fn === fn);
    it.each(table.map((r) => [label(r), r] as const))("%s", (_name, row) => {
      checkReferenceRow(row, REFERENCE_FNS[fn]!);
    });
  });

  describe.each(Object.keys(REGEXP_FNS))("%s", (fn) => {
    const table = ownRows.filter((r) => r.fn === fn);
    it.each(table.map((r) => [label(r), r] as const))("%s", (_name, row) => {
      const result = REGEXP_FNS[fn]!(row.input!);
      const matched = typeof result === "boolean" ? result : result !== null;
      expect(matched).toBe(row.match);
      if (row.subs !== undefined) expect(result).toEqual(row.subs);
    });
  });

  describe(FAMILIAR_MATCH, () => {
    const table = ownRows.filter((r) => r.fn === FAMILIAR_MATCH);
    it.each(table.map((r) => [label(r), r] as const))("%s", (_name, row) => {
      const run = () =>
        familiarMatch(args(row, "pattern"), parseAnyReference(args(row, "reference")));
      if (row.ok) expect(run()).toBe(row.match);
      else expectError(row, run);
    });
  });
});
