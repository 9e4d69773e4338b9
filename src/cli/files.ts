/**
 * Turns the paths on the command line into the list of manifest files to read: files as given,
 * directories walked recursively for *.yaml, *.yml and *.json, and `-` for standard input.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { InputError } from "./errors.js";
import type { CliIo } from "./io.js";

/**
 * One manifest file to read.
 * @example
 * const file: InputFile = { name: "-", uri: "-", read: io.readStdin };
 */
export interface InputFile {
  /** The name used in reports: the path as given (forward slashes), or `-` for stdin. */
  readonly name: string;
  /** A path relative to the working directory with forward slashes, for SARIF; "-" for stdin. */
  readonly uri: string;
  /** Reads the whole file as UTF-8 text. */
  readonly read: () => Promise<string>;
}

/**
 * The files found and the paths that could not be used.
 * @example
 * const { files, errors }: CollectedInputs = collectInputs(["k8s/"], io);
 */
export interface CollectedInputs {
  readonly files: readonly InputFile[];
  readonly errors: readonly InputError[];
}

const MANIFEST_EXTENSIONS = [".yaml", ".yml", ".json"];

/** Folders that never hold manifests but can hold many files. */
const SKIPPED_DIRECTORIES = new Set([".git", ".hg", ".svn", "node_modules"]);

/**
 * Expands command-line paths into manifest files, in a stable order (directory entries sorted).
 * A missing path is reported as an {@link InputError} naming it; the others are still read.
 * Version-control folders (`.git`, `.hg`, `.svn`) and `node_modules` inside a walked directory
 * are skipped; other hidden folders (`.kyverno-test`, `.github`) are read, as `kubectl -R` does.
 * @example
 * const { files, errors } = collectInputs(["examples/manifests"], io);
 */
export function collectInputs(paths: readonly string[], io: CliIo): CollectedInputs {
  const files: InputFile[] = [];
  const errors: InputError[] = [];
  const seenDirs = new Set<string>();
  let stdinUsed = false;
  for (const path of paths) {
    if (path === "-") {
      if (!stdinUsed) {
        files.push({ name: "-", uri: "-", read: io.readStdin });
        stdinUsed = true;
      }
      continue;
    }
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch (error) {
      errors.push(describeFsError(path, error));
      continue;
    }
    if (isDir) walk(path, files, seenDirs, io.cwd, errors);
    else files.push(fileInput(path, io.cwd));
  }
  return { files, errors };
}

function walk(
  dir: string,
  out: InputFile[],
  seen: Set<string>,
  cwd: string,
  errors: InputError[],
): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch (error) {
    errors.push(describeFsError(dir, error));
    return;
  }
  // A symbolic link back up the tree must not make the walk endless.
  if (seen.has(real)) return;
  seen.add(real);
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (error) {
    errors.push(describeFsError(dir, error));
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      continue; // a dangling link inside a tree is not worth failing the run
    }
    if (isDir) {
      if (!SKIPPED_DIRECTORIES.has(name)) walk(path, out, seen, cwd, errors);
    } else if (MANIFEST_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext))) {
      out.push(fileInput(path, cwd));
    }
  }
}

function fileInput(path: string, cwd: string): InputFile {
  const name = toSlashes(path);
  return {
    name,
    uri: toSlashes(relative(cwd, path)) || name,
    read: async () => {
      try {
        return readFileSync(path, "utf8");
      } catch (error) {
        throw describeFsError(name, error);
      }
    },
  };
}

function toSlashes(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}

/**
 * An {@link InputError} for a file-system failure, naming the path and the cause in words.
 * @example
 * describeFsError("x.yaml", Object.assign(new Error(), { code: "ENOENT" })).message;
 * // "x.yaml: no such file or directory"
 */
export function describeFsError(path: string, error: unknown): InputError {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ENOENT") {
    return new InputError("MISSING_FILE", `${path}: no such file or directory`);
  }
  if (code === "EACCES" || code === "EPERM") {
    return new InputError("UNREADABLE", `${path}: permission denied`);
  }
  if (code === "EISDIR") return new InputError("UNREADABLE", `${path}: is a directory`);
  const message = error instanceof Error ? error.message : String(error);
  return new InputError("UNREADABLE", `${path}: cannot be read (${message})`);
}
