/**
 * Loads a manifest file: every YAML (or JSON) document in it, each with its 0-based index and
 * a way to find the line and column of any value in it. Lenient where kubectl is lenient
 * (duplicate keys keep the last value; under-indented quoted continuation lines), strict
 * otherwise, with file:line:col in every error.
 */
import {
  type Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Node as YamlNode,
} from "yaml";
import { InputError } from "../errors.js";
import { fastVisitDocuments } from "./fast.js";
import { fastParseJson } from "./json-fast.js";
import { reindentQuotedContinuations } from "./lenient.js";
import { type PathSegment, type Position, parseObjectPath } from "./position.js";
import { findTemplateMarker } from "./template.js";

/**
 * One document of a file.
 * @example
 * const [doc] = loadManifestText("kind: Pod\n", "pod.yaml").documents; doc?.positionOf("kind"); // { line: 1, column: 7 }
 */
export interface LoadedDocument {
  /** 0-based position in the file's YAML stream, empty documents included. */
  readonly index: number;
  /** The document as plain data (null for an empty document). */
  readonly value: unknown;
  /** Line and column of the value at an object path, or undefined when it is not there. */
  readonly positionOf: (path: string | readonly PathSegment[]) => Position | undefined;
}

/**
 * Every document of a file and what leniency was needed to read it.
 * @example
 * const file: LoadedFile = loadManifestText(text, "deploy.yaml"); file.notes; // []
 */
export interface LoadedFile {
  readonly documents: readonly LoadedDocument[];
  /** Human notes, e.g. that quoted continuation lines were re-indented as kubectl would read them. */
  readonly notes: readonly string[];
}

/**
 * Parses the text of one file. Throws {@link InputError} with `file:line:col` for YAML that
 * kubectl would reject too, and names unrendered Helm templates as such.
 * @example
 * const file = loadManifestText("kind: Pod\nspec: {}\n", "pod.yaml");
 * file.documents[0]?.positionOf("spec"); // { line: 2, column: 7 }
 */
export function loadManifestText(text: string, fileName: string): LoadedFile {
  const { results, notes } = visitManifestDocuments(text, fileName, (doc) => doc);
  return { documents: results, notes };
}

/**
 * Parses one file and hands each document to `visit` in order. Documents are parsed one at a
 * time when the fast reader handles the file, so a stream of 10,000 documents never lives in
 * memory at once. `visit` must only collect: when the fast reader gives up part-way, the
 * results of the visits so far are discarded and every document is visited again from the full
 * parser (the returned `results` are always one per document, in order).
 * @example
 * const { results } = visitManifestDocuments(text, "all.yaml", (doc) => doc.index);
 */
export function visitManifestDocuments<R>(
  text: string,
  fileName: string,
  visit: (doc: LoadedDocument) => R,
): { readonly results: R[]; readonly notes: readonly string[] } {
  const template = findTemplateMarker(text);
  if (template) {
    throw new InputError(
      "HELM_TEMPLATE",
      `${fileName}:${template.line}:${template.column}: this is a Helm/Go template ("{{"), not a manifest: render it first (for example \`helm template\`) and check the output`,
    );
  }
  if (looksLikeJson(text)) {
    const json = fastParseJson(text);
    if (json) return { results: [visit(json)], notes: [] };
  }
  const fastResults: R[] = [];
  if (fastVisitDocuments(text, (doc) => fastResults.push(visit(doc)))) {
    return { results: fastResults, notes: [] };
  }
  const first = parseWithYaml(text);
  if (first.error === undefined) return { results: first.documents.map(visit), notes: [] };
  if (first.error.code === "MISSING_CHAR") {
    const fixed = reindentQuotedContinuations(text);
    if (fixed !== undefined) {
      const second = parseWithYaml(fixed);
      if (second.error === undefined) {
        return {
          results: second.documents.map(visit),
          notes: [
            `${fileName}: a quoted string continues on lines indented less than its block; read as kubectl (go-yaml) reads it`,
          ],
        };
      }
    }
  }
  const { code, line, column, message } = first.error;
  const what = code === "CONVERSION" ? "cannot read this YAML" : "YAML syntax error";
  throw new InputError("YAML_SYNTAX", `${fileName}:${line}:${column}: ${what}: ${message}`);
}

/** JSON is tried first when the text starts with `{` or `[` (after white space). */
function looksLikeJson(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) return true;
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return false;
  }
  return false;
}

interface YamlFailure {
  readonly code: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

function parseWithYaml(text: string): {
  documents: LoadedDocument[];
  error: YamlFailure | undefined;
} {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, {
    lineCounter,
    uniqueKeys: false,
    prettyErrors: false,
    // Kubernetes objects are data: no custom tags, no merge keys beyond the core schema.
    merge: false,
  });
  const docs: Document[] = Array.isArray(parsed) ? parsed : [];
  const documents: LoadedDocument[] = [];
  for (const doc of docs) {
    const problem = doc.errors[0];
    if (problem) {
      const pos = lineCounter.linePos(problem.pos[0]);
      return {
        documents,
        error: {
          code: problem.code,
          line: pos.line,
          column: pos.col,
          message: readableFailure(problem.message),
        },
      };
    }
    const index = documents.length;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      // yaml refuses alias bombs ("billion laughs") and very deep nesting while converting.
      const at = lineCounter.linePos(doc.range?.[0] ?? 0);
      return {
        documents,
        error: {
          code: "CONVERSION",
          line: at.line,
          column: at.col,
          message: readableFailure(error),
        },
      };
    }
    documents.push({
      index,
      value: value === undefined ? null : value,
      positionOf: (path) => {
        const node = nodeAt(doc.contents, typeof path === "string" ? parseObjectPath(path) : path);
        const offset = node?.range?.[0];
        if (offset === undefined) return undefined;
        const p = lineCounter.linePos(offset);
        return { line: p.line, column: p.col };
      },
    });
  }
  return { documents, error: undefined };
}

/** The node at a path; for duplicate keys the last one, as toJS keeps the last value. */
function nodeAt(root: unknown, path: readonly PathSegment[]): YamlNode | undefined {
  let node: unknown = root;
  for (const seg of path) {
    if (isMap(node)) {
      let found: unknown;
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (key !== null && key !== undefined && String(key) === String(seg)) found = pair.value;
      }
      node = found;
    } else if (isSeq(node) && typeof seg === "number") {
      node = node.items[seg];
    } else {
      return undefined;
    }
    if (node === undefined || node === null) return undefined;
  }
  return node as YamlNode;
}

/** A one-line reason, with the engine's stack overflow said in words. */
function readableFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes("Maximum call stack size exceeded")) {
    return "the document is nested too deeply to read";
  }
  return firstLine(message);
}

function firstLine(message: string): string {
  const nl = message.indexOf("\n");
  const line = nl < 0 ? message : message.slice(0, nl);
  // yaml appends " at line L, column C:" even without pretty errors in some versions.
  const at = line.lastIndexOf(" at line ");
  return (at > 0 ? line.slice(0, at) : line).replace(/:$/, "");
}
