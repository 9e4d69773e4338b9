/**
 * `explain --stored`: the objects as they are stored in the cluster (for example the output of
 * `kubectl get -o yaml`), so that the inputs are explained as updates of them: a policy the
 * update does not mention keeps its stored value even when the image changes (spec §2.3).
 */
import { InputError } from "./errors.js";
import { collectInputs } from "./files.js";
import type { CliIo } from "./io.js";
import { visitManifestDocuments } from "./yaml/load.js";

/**
 * Stored objects, found by kind, namespace and name.
 * @example
 * const stored: StoredObjects = indexStoredObjects([live]); stored.find(update);
 */
export interface StoredObjects {
  readonly size: number;
  /**
   * The stored version of an object: same kind, namespace and name; an object without a
   * namespace matches the one stored object of that kind and name, or the one in `default`.
   */
  readonly find: (object: unknown) => unknown;
}

/**
 * Indexes stored objects (Lists are opened; a later object replaces an earlier one).
 * @example
 * const stored = indexStoredObjects([liveDeployment]);
 * stored.find(newDeployment); // liveDeployment
 */
export function indexStoredObjects(objects: readonly unknown[]): StoredObjects {
  const byKey = new Map<string, unknown>();
  const byName = new Map<string, unknown[]>();
  const add = (object: unknown): void => {
    const id = identity(object);
    if (!id) return;
    byKey.set(`${id.kind}/${id.namespace}/${id.name}`, object);
    const list = byName.get(`${id.kind}/${id.name}`) ?? [];
    list.push(object);
    byName.set(`${id.kind}/${id.name}`, list);
  };
  for (const object of objects) {
    const items = listItems(object);
    if (items) items.forEach(add);
    else add(object);
  }
  return {
    size: byKey.size,
    find: (object) => {
      const id = identity(object);
      if (!id) return undefined;
      if (id.namespace !== "") return byKey.get(`${id.kind}/${id.namespace}/${id.name}`);
      const same = byName.get(`${id.kind}/${id.name}`) ?? [];
      return same.length === 1 ? same[0] : byKey.get(`${id.kind}/default/${id.name}`);
    },
  };
}

/**
 * Reads the stored objects from files, directories or `-`. Throws InputError for a path or a
 * file that cannot be read.
 * @example
 * const stored = await loadStoredObjects(["live/"], io);
 */
export async function loadStoredObjects(
  paths: readonly string[],
  io: CliIo,
): Promise<StoredObjects> {
  const { files, errors } = collectInputs(paths, io);
  if (errors[0]) throw errors[0];
  const objects: unknown[] = [];
  for (const file of files) {
    const text = await file.read();
    try {
      const { results } = visitManifestDocuments(text, file.name, (doc) => doc.value);
      objects.push(...results);
    } catch (error) {
      if (error instanceof InputError) {
        throw new InputError(error.code, `--stored ${error.message}`);
      }
      throw error;
    }
  }
  return indexStoredObjects(objects);
}

function identity(object: unknown): { kind: string; namespace: string; name: string } | undefined {
  if (typeof object !== "object" || object === null) return undefined;
  const { kind, metadata } = object as { kind?: unknown; metadata?: unknown };
  if (typeof kind !== "string" || typeof metadata !== "object" || metadata === null)
    return undefined;
  const { name, namespace } = metadata as { name?: unknown; namespace?: unknown };
  if (typeof name !== "string") return undefined;
  return { kind, namespace: typeof namespace === "string" ? namespace : "", name };
}

function listItems(object: unknown): unknown[] | undefined {
  if (typeof object !== "object" || object === null) return undefined;
  const { kind, items } = object as { kind?: unknown; items?: unknown };
  return typeof kind === "string" && kind.endsWith("List") && Array.isArray(items)
    ? items
    : undefined;
}
