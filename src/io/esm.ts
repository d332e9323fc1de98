import { pathToFileURL } from "node:url";

/**
 * Dynamic `import()` that no compiler rewrites (tslab transpiles local .ts with `module:
 * CommonJS`, which turns `import()` into `require()`); see `src/figures/render.ts`.
 */
const nativeImport = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<unknown>;

/**
 * Load an ES-module-only package (hyparquet, hyparquet-writer) from CommonJS code: `import()`
 * first, and the native import of the resolved file when a compiler rewrote it to `require()`.
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
