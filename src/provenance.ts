import { VERSION } from "./version";

/**
 * Where a stochastic result came from: the library and its version, the Node.js version, the
 * routine, the options that determine the result and the seed. With the same input, the same
 * version and the same `options` and `seed`, the routine gives bit-identical results (on any
 * number of worker threads), so a provenance record is enough to repeat a published number.
 *
 * Options that cannot change the result are left out: progress callbacks and the number of
 * worker threads. The creation time is recorded only when asked for (`createdUtc`), so that two
 * runs with the same seed give identical provenance records too.
 */
export interface Provenance {
  library: "aozora";
  /** aozora version ({@link VERSION}). */
  version: string;
  /** Node.js version that computed the result (`process.version`, e.g. "v20.19.5"). */
  node: string;
  /** The routine that made the result (e.g. "runPmf", "bootstrapPmf"). */
  routine?: string;
  /** Creation time, ISO 8601 UTC ("2026-01-01T00:00:00.000Z"); only when asked for. */
  createdUtc?: string;
  /** The options that determine the result, defaults filled in (plain JSON values). */
  options: Record<string, unknown>;
  /** The seed of the random number generator ({@link Rng}, uint32). */
  seed: number;
}

/** Extra settings of {@link provenance}. */
export interface ProvenanceSettings {
  /** Name of the routine that made the result. */
  routine?: string;
  /** Record the creation time: `true` for now, or a given instant (Date or UTC ms). Default: not recorded. */
  created?: boolean | Date | number;
}

/** Option keys that never change a result (left out of provenance records). */
export const NON_RESULT_OPTIONS: readonly string[] = ["workers", "onProgress"];

/**
 * A provenance record for a result computed with `options` and `seed` (see {@link Provenance}).
 * `options` is copied to plain JSON values: functions, `undefined` and the keys in
 * {@link NON_RESULT_OPTIONS} are dropped, typed arrays become arrays, non-finite numbers stay
 * (JSON writes them as null).
 * @throws {RangeError} when `created` is not a valid instant
 */
export function provenance(options: object, seed: number, settings: ProvenanceSettings = {}): Provenance {
  let createdUtc: string | undefined;
  if (settings.created !== undefined && settings.created !== false) {
    const t =
      settings.created === true
        ? Date.now()
        : settings.created instanceof Date
          ? settings.created.getTime()
          : settings.created;
    if (!Number.isFinite(t))
      throw new RangeError(`provenance: created must be a valid instant, got ${String(settings.created)}`);
    createdUtc = new Date(t).toISOString();
  }
  // fixed key order (stable JSON): library, version, node, routine, createdUtc, options, seed
  return {
    library: "aozora",
    version: VERSION,
    node: process.version,
    ...(settings.routine !== undefined ? { routine: settings.routine } : {}),
    ...(createdUtc !== undefined ? { createdUtc } : {}),
    options: plainOptions(options),
    seed: seed >>> 0,
  };
}

/** `options` as plain JSON values, without callbacks, `undefined` and {@link NON_RESULT_OPTIONS}. */
export function plainOptions(options: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options)) {
    if (NON_RESULT_OPTIONS.includes(k)) continue;
    const p = plain(v);
    if (p !== undefined) out[k] = p;
  }
  return out;
}

function plain(v: unknown): unknown {
  if (v === undefined || typeof v === "function" || typeof v === "symbol") return undefined;
  if (v === null || typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "bigint") return v.toString();
  if (v instanceof Date) return v.toISOString();
  if (v instanceof RegExp) return v.toString();
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
  if (Array.isArray(v))
    return v.map((x) => {
      const p = plain(x);
      return p === undefined ? null : p;
    });
  if (typeof v === "object") {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const p = plain(x);
      if (p !== undefined) o[k] = p;
    }
    return o;
  }
  return undefined;
}
