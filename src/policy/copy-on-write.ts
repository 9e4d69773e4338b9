/**
 * Sets fields deep inside an object without touching it: every object on the way to a changed
 * field is copied once (keeping its prototype, so class instances stay instances); everything else
 * is shared with the input. Work is proportional to the number and depth of the edits, never to
 * the size of the object.
 * @module
 */
import type { PathSegment } from "./pod-specs.js";

/**
 * One field to set: the object at `path` gets `key = value`.
 *
 * @example
 * const edit: FieldEdit = { path: ["spec", "containers", 0], key: "imagePullPolicy", value: "Always" };
 */
export interface FieldEdit {
  readonly path: readonly PathSegment[];
  readonly key: string;
  readonly value: string;
}

function shallowCopy(value: object): object {
  if (Array.isArray(value)) {
    return value.slice();
  }
  // Spread defines own properties (an own "__proto__" key from JSON.parse stays a plain key),
  // then the prototype is restored so a V1Pod stays a V1Pod.
  const copy: object = { ...value };
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype) {
    Object.setPrototypeOf(copy, prototype as object | null);
  }
  return copy;
}

/**
 * Applies the edits to a copy of `root`; `root` itself is never modified.
 *
 * @example
 * const out = applyEdits(pod, [{ path: ["spec", "containers", 0], key: "imagePullPolicy", value: "Always" }]);
 * // pod is unchanged; out.spec.containers[0].imagePullPolicy === "Always"
 */
export function applyEdits<T>(root: T, edits: readonly FieldEdit[]): T {
  if (edits.length === 0 || typeof root !== "object" || root === null) {
    return root;
  }
  const copies = new Map<object, object>();
  const copyOf = (original: object): Record<PathSegment, unknown> => {
    let copy = copies.get(original);
    if (copy === undefined) {
      copy = shallowCopy(original);
      copies.set(original, copy);
    }
    return copy as Record<PathSegment, unknown>;
  };
  const rootCopy = copyOf(root);
  for (const edit of edits) {
    let original: unknown = root;
    let copy = rootCopy;
    for (const segment of edit.path) {
      const child = (original as Record<PathSegment, unknown>)[segment];
      if (typeof child !== "object" || child === null) {
        throw new Error(`internal: no object at ${String(segment)}`);
      }
      const childCopy = copyOf(child);
      copy[segment] = childCopy;
      original = child;
      copy = childCopy;
    }
    copy[edit.key] = edit.value;
  }
  return rootCopy as T;
}
