import { describe, expect, it } from "vitest";
import { NON_RESULT_OPTIONS, plainOptions, provenance } from "../../src/provenance";
import { VERSION } from "../../src/version";
import pkg from "../../package.json";

describe("provenance()", () => {
  it("records library, version, Node version, routine, options and seed — and no time unless asked", () => {
    const p = provenance({ factors: 5, runs: 20, robust: false, workers: 2, onProgress: () => {} }, 7, {
      routine: "runPmf",
    });
    expect(p).toEqual({
      library: "aozora",
      version: pkg.version,
      node: process.version,
      routine: "runPmf",
      options: { factors: 5, runs: 20, robust: false },
      seed: 7,
    });
    expect(VERSION).toBe(pkg.version);
    expect("createdUtc" in p).toBe(false);
    // key order is fixed (JSON output is stable)
    expect(Object.keys(p)).toEqual(["library", "version", "node", "routine", "options", "seed"]);
    // the same call twice gives the same record, byte for byte
    expect(JSON.stringify(provenance({ a: 1 }, 3))).toBe(JSON.stringify(provenance({ a: 1 }, 3)));
  });

  it("records the creation time only when asked, as ISO 8601 UTC", () => {
    const at = Date.UTC(2026, 0, 2, 3, 4, 5, 6);
    const p = provenance({}, 1, { created: at });
    expect(p.createdUtc).toBe("2026-01-02T03:04:05.006Z");
    expect(Object.keys(p)).toEqual(["library", "version", "node", "createdUtc", "options", "seed"]);
    expect(provenance({}, 1, { created: new Date(at) }).createdUtc).toBe("2026-01-02T03:04:05.006Z");
    const before = Date.now();
    const now = Date.parse(provenance({}, 1, { created: true }).createdUtc!);
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
    expect(provenance({}, 1, { created: false }).createdUtc).toBeUndefined();
    expect(() => provenance({}, 1, { created: NaN })).toThrow(RangeError);
  });

  it("copies options to plain JSON values; the seed is the generator's uint32", () => {
    const o = plainOptions({
      a: Float64Array.of(1, 2),
      b: [1, undefined, () => 1],
      c: { d: undefined, e: "x", f: { g: 2 } },
      h: undefined,
      i: () => 0,
      workers: 8,
      j: new Date(Date.UTC(2025, 0, 1)),
      k: /x/g,
    });
    expect(o).toEqual({
      a: [1, 2],
      b: [1, null, null],
      c: { e: "x", f: { g: 2 } },
      j: "2025-01-01T00:00:00.000Z",
      k: "/x/g",
    });
    expect(NON_RESULT_OPTIONS).toEqual(["workers", "onProgress"]);
    // Rng truncates seeds to uint32 (new Rng(-1) ≡ new Rng(4294967295)); the record says which stream was used
    expect(provenance({}, -1).seed).toBe(4294967295);
    expect(provenance({}, 2 ** 32 + 5).seed).toBe(5);
    // the record is a copy: changing the options afterwards does not change it
    const opts = { list: [1, 2] };
    const p = provenance(opts, 1);
    opts.list.push(3);
    expect(p.options).toEqual({ list: [1, 2] });
  });
});
