// Image references exactly as Kubernetes reads them (distribution/reference v0.6.0).
// Run after `npm run build`: node examples/reference.mjs
import {
  familiarMatch,
  familiarString,
  isImageReferenceError,
  parseDockerRef,
  parseNormalizedNamed,
  referenceKind,
  safeParseNormalizedNamed,
} from "pullpolicy";

for (const image of ["nginx", "localhost:5000", "ghcr.io/org/app:1.2", "registry:5000/app"]) {
  const ref = parseNormalizedNamed(image);
  console.log(
    `${image.padEnd(22)} → ${String(ref).padEnd(36)} domain=${ref.domain} path=${ref.path}` +
      ` tag=${ref.tag ?? "-"} kind=${referenceKind(ref)} familiar=${familiarString(ref)}`,
  );
}

// Go's ParseDockerRef: a bare name gets :latest.
console.log(String(parseDockerRef("busybox"))); // docker.io/library/busybox:latest

// Errors carry Go's exact message and a stable code.
for (const bad of ["FAILED_IMAGE", "Uppercase:tag", "foo@md5:00000000000000000000000000000000"]) {
  try {
    parseNormalizedNamed(bad);
  } catch (e) {
    if (isImageReferenceError(e)) console.log(`${bad}: ${e.code}: ${e.message}`);
  }
}

// The safe form never throws.
const result = safeParseNormalizedNamed("http://url");
console.log(result.success ? String(result.reference) : `rejected: ${result.error.message}`);

// Go's path.Match on the familiar forms ("*" never crosses "/").
console.log(familiarMatch("ghcr.io/org/*", parseNormalizedNamed("ghcr.io/org/app:1.2"))); // true
console.log(familiarMatch("library/*", parseNormalizedNamed("library/foo/bar"))); // false
