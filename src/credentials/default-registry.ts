/**
 * Kubernetes' `isDefaultRegistryMatch(image)` (keyring.go): whether an image name pulls from
 * Docker Hub, which decides whether an `index.docker.io` key may serve as a fallback.
 * @module
 */

/**
 * Whether `image` is taken to pull from Docker Hub: split at the first `/`; an empty first part
 * → false; no `/` → true; a first part `docker.io` or `index.docker.io` → true; otherwise true
 * exactly when the first part contains neither `.` nor `:`.
 * @example
 * isDefaultRegistryMatch("foo/bar");              // true
 * isDefaultRegistryMatch("docker.io/library/x");  // true
 * isDefaultRegistryMatch("registry:5000/foo");    // false
 * isDefaultRegistryMatch("");                     // false
 */
export function isDefaultRegistryMatch(image: string): boolean {
  if (typeof image !== "string") {
    throw new TypeError("isDefaultRegistryMatch(image): image must be a string");
  }
  const slash = image.indexOf("/");
  const first = slash < 0 ? image : image.slice(0, slash);
  if (first.length === 0) return false;
  if (slash < 0) return true;
  if (first === "docker.io" || first === "index.docker.io") return true;
  return !first.includes(".") && !first.includes(":");
}
