import type { AqTable } from "../table/table";
import { sampleLabels } from "./columns";

/** Per-species data completeness and below-detection share. */
export interface SpeciesCompleteness {
  species: string;
  unit: string;
  /** Samples in the table. */
  n: number;
  /** Samples with a finite value. */
  valid: number;
  /** valid / n. */
  completeness: number;
  /** Samples below detection (marked by the reader, or value < MDL). */
  belowDetection: number;
  /** belowDetection / n. */
  belowDetectionShare: number;
  /** Samples whose value is exactly 0 (often an instrument's "not detected"). */
  zeros: number;
}

/** Result of {@link completeness}. */
export interface CompletenessResult {
  species: SpeciesCompleteness[];
  /** Per sample: species with a finite value / species. */
  samples: { sample: string; valid: number; completeness: number }[];
  /** Where the below-detection counts come from. */
  belowDetectionSource: "reader" | "mdl" | "reader+mdl" | "none";
}

/**
 * Completeness per species (finite values / samples) and per sample (finite species / species),
 * and the below-detection share per species. Below-detection cells are those marked in
 * `belowDetection` (species → one flag per row, e.g. `readSampleTable(...).belowDetection`, built
 * from the reader's account of `<0.05`/`ND` cells) or, with `mdl` (species → MDL in the column's
 * unit), values below the MDL; a cell counts once when both apply.
 */
export function completeness(
  table: AqTable,
  opts: {
    species?: string[];
    belowDetection?: Record<string, ArrayLike<number>>;
    mdl?: Record<string, number>;
    idColumn?: string;
  } = {},
): CompletenessResult {
  const species = opts.species ?? table.columns.filter((c) => c.kind === "number").map((c) => c.name);
  const n = table.numRows;
  const perSample = new Float64Array(n);
  const out: SpeciesCompleteness[] = species.map((sp) => {
    const v = table.numbers(sp);
    let valid = 0,
      zeros = 0,
      below = 0;
    const mdl = opts.mdl?.[sp],
      mask = opts.belowDetection?.[sp];
    for (let i = 0; i < n; i++) {
      const marked = mask !== undefined && mask[i] > 0;
      if (Number.isFinite(v[i])) {
        valid++;
        perSample[i]++;
        if (marked || (mdl !== undefined && v[i] < mdl)) below++;
      } else if (marked) below++; // ND without a limit: NaN, still a below-detection result
      if (v[i] === 0) zeros++;
    }
    return {
      species: sp,
      unit: table.unit(sp),
      n,
      valid,
      completeness: valid / n,
      belowDetection: below,
      belowDetectionShare: below / n,
      zeros,
    };
  });
  const ids = sampleLabels(table, opts.idColumn);
  const samples = ids.map((sample, i) => ({
    sample,
    valid: perSample[i],
    completeness: perSample[i] / species.length,
  }));
  const src =
    opts.belowDetection && opts.mdl ? "reader+mdl" : opts.belowDetection ? "reader" : opts.mdl ? "mdl" : "none";
  return { species: out, samples, belowDetectionSource: src };
}
