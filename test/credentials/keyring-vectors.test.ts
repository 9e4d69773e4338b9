// Conformance: every line of keyring-vectors.jsonl.gz (ground truth from Kubernetes' keyring.go
// with current Go net/url) must agree field by field. A failure names the line and the field.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  createKeyring,
  dockerConfigFromEntries,
  isDefaultRegistryMatch,
  urlsMatch,
  urlsMatchDetailed,
} from "../../src/credentials/index.js";

interface MatchLine {
  match: [string, string];
  matched: boolean;
  error: string;
}
interface KeyringLine {
  keyring: { keys: string[] };
  lookup: string;
  keys: string[];
  found: boolean;
  index: string[];
  skipped: string[];
}
interface DefaultLine {
  isDefaultRegistryMatch: string;
  result: boolean;
}

const lines = gunzipSync(
  readFileSync(new URL("../fixtures/keyring-vectors.jsonl.gz", import.meta.url)),
)
  .toString("utf8")
  .trim()
  .split("\n")
  .map((text, i) => ({ line: i + 1, data: JSON.parse(text) as Record<string, unknown> }));

function mismatch(line: number, field: string, want: unknown, got: unknown): string {
  return `line ${line} ${field}: want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`;
}

describe("keyring-vectors.jsonl.gz", () => {
  it("has the documented 6,177 lines", () => {
    expect(lines.length).toBe(6177);
  });

  it("URLsMatchStr lines: matched and error agree", () => {
    const rows = lines.filter((l) => "match" in l.data);
    expect(rows.length).toBe(5829);
    const failures: string[] = [];
    for (const { line, data } of rows) {
      const v = data as unknown as MatchLine;
      const got = urlsMatchDetailed(v.match[0], v.match[1]);
      if (got.matched !== v.matched)
        failures.push(mismatch(line, "matched", v.matched, got.matched));
      if (got.error !== v.error) failures.push(mismatch(line, "error", v.error, got.error));
      if (urlsMatch(v.match[0], v.match[1]) !== v.matched) {
        failures.push(mismatch(line, "urlsMatch", v.matched, !v.matched));
      }
    }
    expect(failures.slice(0, 30)).toEqual([]);
  });

  it("keyring lines: keys (in order), found, index and skipped agree", () => {
    const rows = lines.filter((l) => "keyring" in l.data);
    expect(rows.length).toBe(329);
    const failures: string[] = [];
    for (const { line, data } of rows) {
      const v = data as unknown as KeyringLine;
      const keyring = createKeyring(
        ...v.keyring.keys.map((k) =>
          dockerConfigFromEntries([[k, { username: k, password: "pw" }]]),
        ),
      );
      const creds = keyring.lookup(v.lookup);
      const keys = creds.map((c) => c.username);
      if (JSON.stringify(keys) !== JSON.stringify(v.keys))
        failures.push(mismatch(line, "keys", v.keys, keys));
      if (creds.length > 0 !== v.found)
        failures.push(mismatch(line, "found", v.found, creds.length > 0));
      if (JSON.stringify(keyring.index) !== JSON.stringify(v.index)) {
        failures.push(mismatch(line, "index", v.index, keyring.index));
      }
      const skipped = keyring.skipped.map((s) => s.entry);
      if (JSON.stringify(skipped) !== JSON.stringify(v.skipped)) {
        failures.push(mismatch(line, "skipped", v.skipped, skipped));
      }
    }
    expect(failures.slice(0, 30)).toEqual([]);
  });

  it("isDefaultRegistryMatch lines: result agrees", () => {
    const rows = lines.filter((l) => "isDefaultRegistryMatch" in l.data);
    expect(rows.length).toBe(19);
    const failures: string[] = [];
    for (const { line, data } of rows) {
      const v = data as unknown as DefaultLine;
      const got = isDefaultRegistryMatch(v.isDefaultRegistryMatch);
      if (got !== v.result) failures.push(mismatch(line, "result", v.result, got));
    }
    expect(failures).toEqual([]);
  });
});
