import { median } from "../stats/median";
import { AqTable, type ColumnData } from "../table/table";
import { sampleLabels } from "./columns";

/** One changed cell of {@link subtractFieldBlanks}. */
export interface BlankChange {
  /** 0-based table row. */
  row: number;
  sample: string;
  species: string;
  before: number;
  blank: number;
  after: number;
  /** `subtracted`, or `negative-set-zero` / `negative-set-nan` when the policy changed a negative result. */
  reason: "subtracted" | "negative-set-zero" | "negative-set-nan";
}

/** Result of {@link subtractFieldBlanks}. */
export interface BlankSubtraction {
  table: AqTable;
  /** Blank value subtracted per species (column unit), with the number of blanks used. */
  blanks: Record<string, { value: number; n: number; statistic: "mean" | "median" }>;
  /** Every cell changed, and why. */
  changes: BlankChange[];
  /** Results that came out negative, per species (before the policy). */
  negatives: Record<string, number>;
}

/**
 * Field-blank correction: subtract the mean (or median) of the field blanks per species from every
 * sample (e.g. US EPA (1999) Compendium Method IO-3.1/IO-3.5; Chow et al. 2010 for carbon). Both
 * tables must carry the same units for each species. Negative results are kept (`keep`,
 * default), set to 0 or to NaN; every cell changed is listed in `changes`.
 * @throws {RangeError} when a species has no column, another unit, or no finite value in the blank table
 */
export function subtractFieldBlanks(
  samples: AqTable,
  blanks: AqTable,
  opts: {
    species?: string[];
    statistic?: "mean" | "median";
    negative?: "keep" | "zero" | "nan";
    idColumn?: string;
  } = {},
): BlankSubtraction {
  const stat = opts.statistic ?? "mean",
    policy = opts.negative ?? "keep";
  const species =
    opts.species ??
    samples.columns.filter((c) => c.kind === "number" && blanks.names.includes(c.name)).map((c) => c.name);
  const ids = sampleLabels(samples, opts.idColumn);
  const cols: Record<string, ColumnData> = {};
  const info: Record<string, { unit?: string; original?: string; kind?: "number" | "time" | "string" }> = {};
  for (const c of samples.columns) {
    cols[c.name] = c.kind === "string" ? samples.strings(c.name).slice() : Float64Array.from(samples.numbers(c.name));
    info[c.name] = { unit: c.unit, original: c.original, kind: c.kind };
  }
  const out: BlankSubtraction = { table: samples, blanks: {}, changes: [], negatives: {} };
  for (const sp of species) {
    if (!blanks.names.includes(sp)) throw new RangeError(`field blanks: no column "${sp}" in the blank table`);
    if (blanks.unit(sp) !== samples.unit(sp))
      throw new RangeError(
        `field blanks: "${sp}" is in ${blanks.unit(sp)} in the blanks but ${samples.unit(sp)} in the samples`,
      );
    const b = Array.from(blanks.numbers(sp))
      .filter(Number.isFinite)
      .sort((x, y) => x - y);
    if (b.length === 0) throw new RangeError(`field blanks: no finite blank value for "${sp}"`);
    const value = stat === "mean" ? b.reduce((x, y) => x + y, 0) / b.length : median(b);
    out.blanks[sp] = { value, n: b.length, statistic: stat };
    const v = cols[sp] as Float64Array;
    let neg = 0;
    for (let i = 0; i < v.length; i++) {
      if (!Number.isFinite(v[i]) || value === 0) continue;
      const before = v[i];
      let after = before - value;
      let reason: BlankChange["reason"] = "subtracted";
      if (after < 0) {
        neg++;
        if (policy === "zero") {
          after = 0;
          reason = "negative-set-zero";
        } else if (policy === "nan") {
          after = NaN;
          reason = "negative-set-nan";
        }
      }
      v[i] = after;
      out.changes.push({ row: i, sample: ids[i], species: sp, before, blank: value, after, reason });
    }
    out.negatives[sp] = neg;
  }
  out.table = AqTable.create(
    cols,
    info,
    samples.timeColumn ? { column: samples.timeColumn, utcOffsetMinutes: samples.utcOffsetMinutes ?? 0 } : undefined,
  );
  return out;
}
