/**
 * Values built once, on first use. A module's top level must not call anything a bundler cannot
 * prove pure (building a zod schema, a prototype, a lookup table), or every application that
 * imports any name from pullpolicy pays for it, and for the code it pulls in, even if it never
 * uses it. `lazy` defers the work to the first call of the getter.
 *
 * Each call site carries a `@__PURE__` annotation comment in front of `lazy(…)`: it tells
 * bundlers (esbuild, Rollup) that the call itself has no side effect, so an unused getter, and
 * everything only it references, is dropped. Only the call needs marking; the builder is a
 * function expression, which is pure by itself. `lazy` is also marked `@__NO_SIDE_EFFECTS__`
 * for bundlers that read that annotation on declarations.
 * @module
 */

/**
 * Returns a getter that calls `build` the first time it is called and returns that same value
 * ever after. `build` must not throw (a throw is not cached: the next call tries again).
 * @example
 * const schema = lazy(() => z.object({ name: z.string() }));
 * schema() === schema(); // true: built once, on the first call
 */
/* @__NO_SIDE_EFFECTS__ */
export function lazy<T>(build: () => T): () => T {
  let built = false;
  let value: T | undefined;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}
