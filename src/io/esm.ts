import { pathToFileURL } from "node:url";

/**
 * Dynamic `import()` that no compiler rewrites. Needed only as a fallback: tsc (module nodenext,
 * CommonJS output) keeps `import()` as written and vitest handles it too, but tslab transpiles
 * local .ts files that a notebook imports with `module: CommonJS`, which turns `import("vega")`
 * into `require("vega")` and fails on vega's top-level await. Not used first because code made by
 * `new Function` has no module context: under vitest (vm-run modules) it throws "A dynamic import
 * callback was not specified".
 */
const nativeImport = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<unknown>;

/**
 * Load an ES-module-only package (vega, vega-lite, hyparquet, hyparquet-writer) from CommonJS
 * code: `import()` first, and the native import of the resolved file when a compiler rewrote it
 * to `require()`. The specifier is a variable on purpose: a literal `import("vega-lite")` is a
 * type error for tslab, whose Node10 module resolution cannot see vega-lite's types (they sit
 * behind "exports").
 */
export async function loadEsm<T>(specifier: string): Promise<T> {
  try {
    return (await import(specifier)) as T;
  } catch (err) {
    const code = (err as { code?: unknown } | null)?.code;
    if (code !== "ERR_REQUIRE_ASYNC_MODULE" && code !== "ERR_REQUIRE_ESM") throw err;
    return (await nativeImport(pathToFileURL(require.resolve(specifier)).href)) as T;
  }
}
