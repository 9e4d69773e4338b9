// Hostile inputs for the time-bound runs. Built lazily (some are 1 MB) and identified by index,
// so a worker thread can rebuild the exact same string instead of receiving a copy.

const MB = 1 << 20;
const HEX64 = "0123456789abcdef".repeat(4);

/** Repeats `unit` until the string (plus `tail`) is about 1 MB. */
function fill(unit, tail = "", head = "") {
  return head + unit.repeat(Math.floor((MB - head.length - tail.length) / unit.length)) + tail;
}

/**
 * `short` inputs are the typos that make backtracking regular expressions explode: they are
 * what a person mistypes, not what an attacker crafts. `label` is shown in the docs as is.
 */
export const PATHOLOGICAL = [
  // The 15-character typo: a space after the tag colon. Every character before it can be split
  // between the name-component and separator loops in 2^k ways, and the failing tag forces the
  // ported regexes to try them all (twice: once more to choose between "lowercase" and
  // "invalid format").
  {
    label: '"elasticsearch: " (15 chars, space after the colon)',
    short: true,
    make: () => "elasticsearch: ",
  },
  {
    label: '"kubernetesdash " (15 chars, trailing space)',
    short: true,
    make: () => "kubernetesdash ",
  },
  { label: '"aaaaaaaaaaaaaa!" (15 chars)', short: true, make: () => `${"a".repeat(14)}!` },
  // ":" typed for "/": found by the agreement run among the conformance vectors' mutations.
  {
    label: '"registry.k8s.io:pause:3.9" (25 chars, ":" for "/")',
    short: true,
    make: () => "registry.k8s.io:pause:3.9",
  },
  {
    label: '"elasticsearch-operator: " (24 chars)',
    short: true,
    make: () => "elasticsearch-operator: ",
  },
  {
    label: '"quay.io/prometheus/alertmanager:!" (34 chars)',
    short: true,
    make: () => "quay.io/prometheus/alertmanager:!",
  },
  { label: "`'a'.repeat(n) + '!'` (1 MB)", make: () => fill("a", "!") },
  { label: "`'a-'.repeat(n) + '!'` (1 MB)", make: () => fill("a-", "!") },
  { label: "`'a.'.repeat(n) + '!'` (1 MB)", make: () => fill("a.", "!") },
  { label: "`'a_'.repeat(n) + '!'` (1 MB)", make: () => fill("a_", "!") },
  { label: "`'a/'.repeat(n) + 'a'` (1 MB path, too long)", make: () => fill("a/", "a") },
  { label: "`'A'.repeat(n)` (1 MB, uppercase)", make: () => fill("A") },
  {
    label: "1 MB domain label, valid (`'a'.repeat(n) + '.io/app:v1'`)",
    make: () => fill("a", ".io/app:v1"),
  },
  { label: "1 MB tag (`'app:' + 'a'.repeat(n)`)", make: () => fill("a", "", "app:") },
  {
    label: "1 MB digest hex (`'app@sha256:' + '0'.repeat(n)`)",
    make: () => fill("0", "", "app@sha256:"),
  },
  {
    label: "1 MB digest algorithm (`'app@' + 'a'.repeat(n) + ':' + hex64`)",
    make: () => fill("a", `:${HEX64}`, "app@"),
  },
  {
    label: "1 MB algorithm components (`'app@' + 'a+'.repeat(n) + 'a:' + hex64`)",
    make: () => fill("a+", `a:${HEX64}`, "app@"),
  },
];
