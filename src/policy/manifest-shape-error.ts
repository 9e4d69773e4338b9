/**
 * A Kubernetes object whose fields on the way to an image have the wrong JSON type.
 * @module
 */

/**
 * One wrong-shaped field: where it is and what was expected.
 *
 * @example
 * const issue: ShapeIssue = { path: "spec.template.spec.containers[1].image", message: "expected string" };
 */
export interface ShapeIssue {
  /** Field path in Kubernetes' notation, e.g. `spec.template.spec.containers[1].image`. */
  readonly path: string;
  /** What was wrong, e.g. `expected string`. */
  readonly message: string;
}

/**
 * Thrown (or returned by the `safe*` forms) when an object cannot be read as the Kubernetes type
 * its `kind` names: a container list that is not an array, an image that is not a string, and so
 * on. The API server would have refused to decode such an object. Unknown extra fields are never an
 * issue. `message` lists every issue as `<path>: <message>`, joined with `; `.
 *
 * @example
 * try {
 *   applyPullPolicyDefaults({ kind: "Pod", apiVersion: "v1", spec: { containers: [{ image: 5 }] } });
 * } catch (e) {
 *   if (isManifestShapeError(e)) console.log(e.issues[0].path); // "spec.containers[0].image"
 * }
 */
export class ManifestShapeError extends Error {
  /** Stable identifier for this kind of failure. */
  readonly code = "INVALID_MANIFEST_SHAPE" as const;
  /** Every wrong-shaped field found, in document order. */
  readonly issues: readonly ShapeIssue[];

  constructor(issues: readonly ShapeIssue[]) {
    super(issues.map((issue) => `${issue.path}: ${issue.message}`).join("; "));
    this.name = "ManifestShapeError";
    this.issues = Object.freeze([...issues]);
  }
}

/**
 * Whether a value is a {@link ManifestShapeError}.
 *
 * @example
 * isManifestShapeError(new Error("x")); // => false
 */
export function isManifestShapeError(value: unknown): value is ManifestShapeError {
  return value instanceof ManifestShapeError;
}
