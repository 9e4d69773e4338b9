/**
 * pullpolicy: how Kubernetes resolves container images, as pure functions.
 *
 * Each area keeps its public names in its own index with explicit named exports; this entry
 * gathers them. Nothing here imports a `node:` module: the library runs in browsers too.
 * @packageDocumentation
 */

export * from "./credentials/index.js";
export * from "./manifests/index.js";
export * from "./policy/index.js";
export * from "./pull/index.js";
export * from "./reference/index.js";
