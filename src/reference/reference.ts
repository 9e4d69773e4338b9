/**
 * The Reference value: plain readonly data whose `toString()` is Go's `String()`.
 *
 * Go returns one of five concrete types and callers discover what a value has through
 * interfaces (Named, Tagged, Digested). Here the present fields say it: a field is absent
 * exactly when Go's value lacks the method. Each Go type is one small class so that building a
 * value is one allocation with a fixed shape and `toString` lives on the prototype; the fields
 * are own enumerable properties, so spreading, `JSON.stringify` and `structuredClone` see plain
 * data.
 * @module
 */

/**
 * A parsed image reference. `String(ref)` gives Go's `String()`: `name[:tag][@digest]`, or the
 * digest alone for a digest-only reference.
 * @example
 * const ref = parseNormalizedNamed("nginx:1.27");
 * ref.domain;   // "docker.io"
 * ref.path;     // "library/nginx"
 * String(ref);  // "docker.io/library/nginx:1.27"
 */
export interface Reference {
  /** Go `Name()`: `domain + "/" + path`, or the bare path when the domain is `""`. */
  readonly name?: string;
  /** Go `Domain()`: `"docker.io"`, `"localhost:5000"`, `"[::1]:5000"`, or `""` when absent. */
  readonly domain?: string;
  /** Go `Path()`: the remote name, e.g. `"library/nginx"`. */
  readonly path?: string;
  /** Present only when the reference is tagged. */
  readonly tag?: string;
  /** Present only when the reference is digested: `"sha256:<hex>"`. */
  readonly digest?: string;
  /** Go's `String()`. */
  toString(): string;
}

/**
 * A reference with a name (every result except a bare digest from parseAnyReference).
 * @example
 * const named: NamedReference = parseReference("registry.example.com/app");
 * named.domain; // "registry.example.com"
 */
export interface NamedReference extends Reference {
  readonly name: string;
  readonly domain: string;
  readonly path: string;
}

/**
 * Which Go type a reference is: `repository` (name only), `tagged`, `canonical` (digest),
 * `tagged+digested` (Go's `reference` struct) or `digest` (no name).
 * @example
 * const kind: ReferenceKind = referenceKind(parseReference("app@sha256:" + "a".repeat(64))); // "canonical"
 */
export type ReferenceKind = "repository" | "tagged" | "canonical" | "tagged+digested" | "digest";

// Fields are `declare`d: the constructor's assignments are their only stores (no class-field
// definition pass first), which is both less code and a cheaper allocation on the hot path.
class RepositoryReference implements NamedReference {
  declare readonly name: string;
  declare readonly domain: string;
  declare readonly path: string;
  constructor(name: string, domain: string, path: string) {
    this.name = name;
    this.domain = domain;
    this.path = path;
  }
  toString(): string {
    return this.name;
  }
}

class TaggedReference implements NamedReference {
  declare readonly name: string;
  declare readonly domain: string;
  declare readonly path: string;
  declare readonly tag: string;
  constructor(name: string, domain: string, path: string, tag: string) {
    this.name = name;
    this.domain = domain;
    this.path = path;
    this.tag = tag;
  }
  toString(): string {
    return `${this.name}:${this.tag}`;
  }
}

class CanonicalReference implements NamedReference {
  declare readonly name: string;
  declare readonly domain: string;
  declare readonly path: string;
  declare readonly digest: string;
  constructor(name: string, domain: string, path: string, digest: string) {
    this.name = name;
    this.domain = domain;
    this.path = path;
    this.digest = digest;
  }
  toString(): string {
    return `${this.name}@${this.digest}`;
  }
}

class TaggedDigestedReference implements NamedReference {
  declare readonly name: string;
  declare readonly domain: string;
  declare readonly path: string;
  declare readonly tag: string;
  declare readonly digest: string;
  constructor(name: string, domain: string, path: string, tag: string, digest: string) {
    this.name = name;
    this.domain = domain;
    this.path = path;
    this.tag = tag;
    this.digest = digest;
  }
  toString(): string {
    return `${this.name}:${this.tag}@${this.digest}`;
  }
}

class DigestReference implements Reference {
  declare readonly digest: string;
  constructor(digest: string) {
    this.digest = digest;
  }
  toString(): string {
    return this.digest;
  }
}

/**
 * Builds the named reference Go's getBestReferenceType would pick; `tag`/`digest` `""` mean
 * absent, as in Go. `name` must be `domain ? domain + "/" + path : path` (callers that already
 * hold it pass it to save a concatenation).
 * @example
 * String(namedReference("a/b", "a", "b", "v1", "")); // "a/b:v1"
 */
export function namedReference(
  name: string,
  domain: string,
  path: string,
  tag: string,
  digest: string,
): NamedReference {
  if (tag === "") {
    return digest === ""
      ? new RepositoryReference(name, domain, path)
      : new CanonicalReference(name, domain, path, digest);
  }
  return digest === ""
    ? new TaggedReference(name, domain, path, tag)
    : new TaggedDigestedReference(name, domain, path, tag, digest);
}

/**
 * Go's `repository.Name()`.
 * @example
 * joinName("", "foo");          // "foo"
 * joinName("ghcr.io", "o/app");  // "ghcr.io/o/app"
 */
export function joinName(domain: string, path: string): string {
  return domain === "" ? path : `${domain}/${path}`;
}

/**
 * A reference holding only a digest (Go's digestReference).
 * @example
 * String(digestReference("sha256:" + "a".repeat(64))); // the digest itself
 */
export function digestReference(digest: string): Reference {
  return new DigestReference(digest);
}

/**
 * Which Go type `ref` is, from the fields it has.
 * @example
 * referenceKind(parseNormalizedNamed("nginx"));          // "repository"
 * referenceKind(parseNormalizedNamed("nginx:1"));        // "tagged"
 * referenceKind(parseAnyReference("a".repeat(64)));      // "digest"
 */
export function referenceKind(ref: Reference): ReferenceKind {
  requireReference("referenceKind", ref);
  if (ref.name === undefined) return "digest";
  if (ref.tag === undefined) return ref.digest === undefined ? "repository" : "canonical";
  return ref.digest === undefined ? "tagged" : "tagged+digested";
}

/**
 * Throws the TypeError a function taking a reference reports for anything that is not an object.
 * @example
 * requireReference("referenceKind", "nginx"); // throws TypeError "referenceKind: expected a reference"
 */
export function requireReference(fn: string, ref: unknown): asserts ref is object {
  if (typeof ref !== "object" || ref === null) throw new TypeError(`${fn}: expected a reference`);
}
