import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { simulateCnemcDay, writeCnemcArchive } from "../../src/simulate";
import { Rng } from "../../src/random/rng";
import { simulateCnemcDayInMemory, writeCnemcArchiveInMemory } from "./fixtures/cnemc-inmemory";

/** Every file of a folder → its bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f))]),
  );
}

describe("writeCnemcArchive streams one day at a time with the bytes of the one-pass generator", () => {
  const cases = [
    { seed: 1, stations: 5, days: 3 },
    { seed: 7, stations: 13, days: 4, start: "2024-12-30", missingFraction: 0.3 },
    { seed: 11, stations: 12, days: 2, encoding: "gb18030" as const },
    { seed: 2, stations: 1, days: 1 },
    { seed: 3, stations: 3, days: 2, missingFraction: 0 },
  ];
  for (const opts of cases)
    it(`same files and truth as the in-memory reference: ${JSON.stringify(opts)}`, () => {
      const a = mkdtempSync(join(tmpdir(), "cnemc-ref-"));
      const b = mkdtempSync(join(tmpdir(), "cnemc-new-"));
      const ref = writeCnemcArchiveInMemory(a, opts);
      const got = writeCnemcArchive(b, opts);
      const fa = filesOf(a),
        fb = filesOf(b);
      expect([...fb.keys()]).toEqual([...fa.keys()]);
      expect([...fa.keys()].length).toBe(2 * opts.days + 1);
      for (const [f, bytes] of fa) expect(fb.get(f)!.equals(bytes), f).toBe(true);
      // the reference files are those rendered from the reference truth (values → text by hand)
      const t = ref.truth.values!;
      const first = readFileSync(ref.sites[0], "utf8").split("\n");
      const codes = ref.truth.stations.map((s) => s.code);
      expect(first[0]).toBe("date,hour,type," + codes.join(","));
      const pm = codes.map((_, s) => t["PM2.5"][s][5]);
      expect(first[1 + 5 * 15 + 1]).toBe(
        `${ref.truth.dates[0]},5,PM2.5,` + pm.map((v) => (Number.isNaN(v) ? "" : String(v))).join(","),
      );
      expect(got.truth.values).toEqual(ref.truth.values);
      expect(got.truth.cityValues).toEqual(ref.truth.cityValues);
      expect(got.truth.stations).toEqual(ref.truth.stations);
    });

  it("keepTruth false writes the same files and keeps no values", () => {
    const a = mkdtempSync(join(tmpdir(), "cnemc-ref-"));
    const b = mkdtempSync(join(tmpdir(), "cnemc-new-"));
    writeCnemcArchiveInMemory(a, { seed: 5, stations: 4, days: 3 });
    const got = writeCnemcArchive(b, { seed: 5, stations: 4, days: 3, keepTruth: false });
    expect(got.truth.values).toBeUndefined();
    const fa = filesOf(a),
      fb = filesOf(b);
    for (const [f, bytes] of fa) expect(fb.get(f)!.equals(bytes), f).toBe(true);
  });

  it("simulateCnemcDay gives the reference text and truth", () => {
    for (const seed of [1, 9]) {
      const ref = simulateCnemcDayInMemory({ seed, stations: 6, start: "2025-07-01" });
      const got = simulateCnemcDay({ seed, stations: 6, start: "2025-07-01" });
      expect(got.text).toBe(ref.text);
      expect(got.truth.values).toEqual(ref.truth.values);
    }
  });

  it("Rng.clone continues the same sequence, cached normal deviate included", () => {
    const r = new Rng(42);
    r.normal(); // leaves a spare deviate cached
    const c = r.clone();
    const x = [r.normal(), r.uniform(), r.normal(), r.nextUint32()];
    const y = [c.normal(), c.uniform(), c.normal(), c.nextUint32()];
    expect(y).toEqual(x);
  });
});
