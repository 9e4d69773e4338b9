/**
 * Reads manifest files and finds every image in them with the library's walker: one row per
 * container, init container, ephemeral container and image volume, each with its file, document
 * index, the object that holds it and the position of its image field. Shared by `explain` and
 * `lint`.
 */
import {
  type ImageUse,
  isWorkloadKind,
  podSpecPath,
  safeFindImages,
  type UpdateMode,
} from "../index.js";
import { InputError } from "./errors.js";
import { collectInputs, type InputFile } from "./files.js";
import type { CliIo } from "./io.js";
import type { StoredObjects } from "./stored.js";
import { type LoadedDocument, visitManifestDocuments } from "./yaml/load.js";
import type { Position } from "./yaml/position.js";

/**
 * One image found in a manifest.
 * @example
 * const [row]: ImageRow[] = (await scanManifests(["pod.yaml"], io)).rows; row?.position; // { line: 8, column: 12 }
 */
export interface ImageRow {
  readonly file: InputFile;
  readonly docIndex: number;
  readonly use: ImageUse;
  /** Line and column of the image field (the start of its value), when known. */
  readonly position: Position | undefined;
  /**
   * The Kubernetes object holding the image (the document, or the List item); only kept when the
   * scan was asked to (`keepObjects`), so that explaining 10,000 documents does not hold them all.
   */
  readonly object: unknown;
  /** The value of the `pullpolicy.dev/ignore` annotations on the object and its pod template. */
  readonly ignoreAnnotations: readonly string[];
  /** The object's path prefix inside the document (`items[2].` for a List item, else ""). */
  readonly objectPrefix: string;
}

/**
 * Everything a scan found, including what it could not read.
 * @example
 * const scan: ScanResult = await scanManifests(["k8s/"], io); scan.skipped.get("v1/Service");
 */
export interface ScanResult {
  readonly rows: readonly ImageRow[];
  /** Files or documents that could not be used; any of them makes the exit code 2. */
  readonly errors: readonly InputError[];
  /** Leniency notes (for stderr). */
  readonly notes: readonly string[];
  readonly filesRead: number;
  readonly documentsRead: number;
  /** Objects with a pod spec the API server defaults (built-in workloads). */
  readonly workloads: number;
  /** Objects skipped because they carry no defaulted pod spec, by `apiVersion/kind`. */
  readonly skipped: ReadonlyMap<string, number>;
}

/**
 * How to scan.
 * @example
 * await scanManifests(["k8s/"], io, { keepObjects: true } satisfies ScanOptions);
 */
export interface ScanOptions {
  /** Keep each row's object (needed by --always-pull-images). */
  readonly keepObjects?: boolean;
  /** The objects as stored in the cluster: explain the inputs as updates of them. */
  readonly stored?: StoredObjects;
  /** How updates are sent (default merge, as `kubectl apply`). */
  readonly updateMode?: UpdateMode;
}

/**
 * Reads every path (files, directories, `-`) and finds every image.
 * @example
 * const scan = await scanManifests(["examples/manifests"], io);
 * scan.rows.length; // one per container and image volume
 */
export async function scanManifests(
  paths: readonly string[],
  io: CliIo,
  options: ScanOptions = {},
): Promise<ScanResult> {
  const { files, errors: pathErrors } = collectInputs(paths, io);
  const errors: InputError[] = [...pathErrors];
  const notes: string[] = [];
  const rows: ImageRow[] = [];
  const skipped = new Map<string, number>();
  let documentsRead = 0;
  let workloads = 0;
  let filesRead = 0;
  for (const file of files) {
    let text: string;
    try {
      text = await file.read();
    } catch (error) {
      errors.push(
        error instanceof InputError ? error : new InputError("UNREADABLE", String(error)),
      );
      continue;
    }
    filesRead++;
    let scanned: TextScan;
    try {
      scanned = scanText(file, text, options);
    } catch (error) {
      if (error instanceof InputError) {
        errors.push(error);
        continue;
      }
      throw error;
    }
    notes.push(...scanned.notes);
    for (const result of scanned.documents) {
      documentsRead++;
      workloads += result.workloads;
      for (const label of result.skipped) bump(skipped, label);
      if (result.error) errors.push(result.error);
      for (const row of result.rows) rows.push(row);
    }
  }
  return { rows, errors, notes, filesRead, documentsRead, workloads, skipped };
}

/**
 * What one file's text contributed.
 * @example
 * const { documents }: TextScan = scanText(file, text);
 */
export interface TextScan {
  readonly documents: readonly DocumentScan[];
  readonly notes: readonly string[];
}

/**
 * Scans the text of one file (no file-system access): every document's image rows, workloads
 * and skipped objects. Throws InputError for YAML syntax errors and Helm templates.
 * @example
 * const { documents } = scanText({ name: "pod.yaml", uri: "pod.yaml", read: async () => "" }, text);
 */
export function scanText(file: InputFile, text: string, options: ScanOptions = {}): TextScan {
  const visited = visitManifestDocuments(text, file.name, (doc) =>
    scanDocument(file, doc, options),
  );
  return { documents: visited.results, notes: visited.notes };
}

/**
 * What one document contributed; computed without side effects (see visitManifestDocuments).
 * @example
 * const [first]: readonly DocumentScan[] = scanText(file, text).documents; first?.rows.length;
 */
export interface DocumentScan {
  readonly rows: readonly ImageRow[];
  readonly workloads: number;
  readonly skipped: readonly string[];
  readonly error: InputError | undefined;
}

const EMPTY_SCAN: DocumentScan = { rows: [], workloads: 0, skipped: [], error: undefined };

function scanDocument(file: InputFile, doc: LoadedDocument, options: ScanOptions): DocumentScan {
  const keepObjects = options.keepObjects === true;
  const value = doc.value;
  if (value === null || value === undefined) return EMPTY_SCAN; // an empty document
  let workloads = 0;
  const skipped: string[] = [];
  for (const object of objectsOf(value)) {
    const kind = kindOf(object);
    if (isWorkloadKind(kind.kind, kind.apiVersion ?? undefined)) workloads++;
    else skipped.push(kind.label);
  }
  const found =
    options.stored === undefined
      ? findUses(value)
      : findUpdateUses(value, options.stored, options.updateMode ?? "merge");
  // A wrong-shaped object is reported; the images of the other List items are still shown.
  const error =
    found.error === undefined
      ? undefined
      : new InputError(
          "BAD_INPUT",
          `${file.name} (document ${doc.index}): not a valid Kubernetes object: ${found.error}`,
        );
  const rows: ImageRow[] = [];
  for (const use of found.data) {
    const prefix = listPrefix(use.path);
    const object = prefix === "" ? value : itemAt(value, prefix);
    rows.push({
      file,
      docIndex: doc.index,
      use,
      position: doc.positionOf(use.imagePath),
      object: keepObjects ? object : undefined,
      ignoreAnnotations: ignoreAnnotationsOf(object, use),
      objectPrefix: prefix,
    });
  }
  return { rows, workloads, skipped, error };
}

interface FoundUses {
  readonly data: readonly ImageUse[];
  readonly error: string | undefined;
}

function findUses(value: unknown): FoundUses {
  const found = safeFindImages(value);
  return { data: found.data, error: found.success ? undefined : found.error.message };
}

/**
 * The images of a document explained as an update: each object (each List item) is matched
 * with its stored version, whose policies an update that does not mention them keeps.
 */
function findUpdateUses(value: unknown, stored: StoredObjects, mode: UpdateMode): FoundUses {
  const data: ImageUse[] = [];
  const errors: string[] = [];
  const objects = isList(value)
    ? (value as { items: unknown[] }).items.map((object, i) => [object, `items[${i}].`] as const)
    : [[value, ""] as const];
  for (const [object, prefix] of objects) {
    const match = stored.find(object);
    const found = safeFindImages(object, match === undefined ? {} : { stored: match, mode });
    for (const use of found.data) {
      data.push(
        prefix === ""
          ? use
          : {
              ...use,
              path: prefix + use.path,
              imagePath: prefix + use.imagePath,
              policyPath: prefix + use.policyPath,
            },
      );
    }
    if (!found.success) errors.push(`${prefix}${found.error.message}`);
  }
  return { data, error: errors.length === 0 ? undefined : errors.join("; ") };
}

/**
 * A one-line summary of what was read and skipped, for stderr.
 * @example
 * scanSummary(scan); // "read 3 files, 7 documents: 4 workloads with 6 images; skipped 3 other objects (v1/Service 2, v1/ConfigMap 1)"
 */
export function scanSummary(scan: ScanResult): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  let out = `read ${plural(scan.filesRead, "file")}, ${plural(scan.documentsRead, "document")}: ${plural(scan.workloads, "workload")} with ${plural(scan.rows.length, "image")}`;
  const total = [...scan.skipped.values()].reduce((a, b) => a + b, 0);
  if (total > 0) {
    const parts = [...scan.skipped.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([k, n]) => `${k} ${n}`);
    const shown = parts.length > 6 ? [...parts.slice(0, 6), "…"] : parts;
    out += `; skipped ${plural(total, "object")} without a pod spec Kubernetes defaults (${shown.join(", ")})`;
  }
  return out;
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function objectsOf(value: unknown): readonly unknown[] {
  return isList(value) ? (value as { items: unknown[] }).items : [value];
}

/** A `List` (or `*List`) holding items, as kubectl accepts. */
function isList(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const { kind, items } = value as { kind?: unknown; items?: unknown };
  return typeof kind === "string" && kind.endsWith("List") && Array.isArray(items);
}

function kindOf(object: unknown): { kind: unknown; apiVersion: string | null; label: string } {
  if (typeof object !== "object" || object === null || Array.isArray(object)) {
    return { kind: undefined, apiVersion: null, label: "(not an object)" };
  }
  const { kind, apiVersion } = object as { kind?: unknown; apiVersion?: unknown };
  const av = typeof apiVersion === "string" ? apiVersion : null;
  const k = typeof kind === "string" ? kind : "(no kind)";
  return { kind, apiVersion: av, label: av ? `${av}/${k}` : k };
}

/** `items[2].` for a path inside a List item, "" otherwise. */
function listPrefix(path: string): string {
  if (!path.startsWith("items[")) return "";
  const end = path.indexOf("].");
  return end < 0 ? "" : path.slice(0, end + 2);
}

function itemAt(value: unknown, prefix: string): unknown {
  const n = Number(prefix.slice("items[".length, prefix.length - 2));
  const items = (value as { items?: unknown }).items;
  return Array.isArray(items) ? items[n] : undefined;
}

/**
 * The annotation that silences lint rules for one object (see lint/suppress.ts).
 * @example
 * metadata.annotations[IGNORE_ANNOTATION] = "latest-tag";
 */
export const IGNORE_ANNOTATION = "pullpolicy.dev/ignore";

/** The ignore annotation's values on the object and on its pod template, when present. */
function ignoreAnnotationsOf(object: unknown, use: ImageUse): string[] {
  const out: string[] = [];
  const onObject = annotationOf(object);
  if (onObject !== undefined) out.push(onObject);
  const path = podSpecPath(use.kind, use.apiVersion ?? undefined);
  if (path !== null && path.length >= 2) {
    let node: unknown = object;
    for (const key of path.slice(0, -1)) {
      node =
        typeof node === "object" && node !== null
          ? (node as Record<string, unknown>)[key]
          : undefined;
    }
    const onTemplate = annotationOf(node);
    if (onTemplate !== undefined) out.push(onTemplate);
  }
  return out;
}

function annotationOf(object: unknown): string | undefined {
  if (typeof object !== "object" || object === null) return undefined;
  const metadata = (object as { metadata?: unknown }).metadata;
  if (typeof metadata !== "object" || metadata === null) return undefined;
  const annotations = (metadata as { annotations?: unknown }).annotations;
  if (typeof annotations !== "object" || annotations === null) return undefined;
  const value = (annotations as Record<string, unknown>)[IGNORE_ANNOTATION];
  return typeof value === "string" ? value : undefined;
}
