// Where the shared corpus of real manifests lives (other projects' files, read in place, never
// copied). CI provides it; without it the corpus tests fail loudly instead of passing silently.
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const CORPUS_DIR = resolve(
  process.env.PULLPOLICY_CORPUS ?? join(REPO_ROOT, "..", "shared", "corpus", "manifests"),
);
export const CORPUS_PRESENT = existsSync(CORPUS_DIR);
export const CORPUS_MISSING_MESSAGE = `The manifest corpus is missing at ${CORPUS_DIR}: these tests read real public manifests from ../shared/corpus/manifests (set PULLPOLICY_CORPUS to its path). CI provides it; without it nothing is checked, so the tests fail on purpose.`;

/** Every *.yaml, *.yml and *.json file of the corpus, sorted, as absolute paths. */
export function corpusFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ya?ml|json)$/i.test(name)) out.push(path);
    }
  };
  walk(CORPUS_DIR);
  return out;
}

/** The corpus's JSON-lines copy of every document (`{file, docIndex, doc}`), beside the folder. */
export const CORPUS_DOCS_JSONL = join(CORPUS_DIR, "..", "manifest-docs.jsonl.gz");

/**
 * What the corpus README (manifests/SOURCES.md) states, so every test holds the code to the
 * same published facts: image uses in built-in workloads, by the kind of the holding object.
 */
export const CORPUS_README_IMAGE_USES = 1192;
export const CORPUS_README_BY_KIND: Readonly<Record<string, number>> = {
  Deployment: 569,
  Pod: 287,
  Job: 83,
  DaemonSet: 78,
  StatefulSet: 73,
  ReplicationController: 67,
  CronJob: 28,
  ReplicaSet: 4,
  PodTemplate: 3,
};
