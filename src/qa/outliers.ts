import type { AqTable } from "../table/table";
import { robustZ } from "../stats/robustz";
import { sampleLabels } from "./columns";

/** One flagged value of {@link flagOutliers}. */
export interface OutlierFlag {
  row: number;
  sample: string;
  species: string;
  value: number;
  z: number;
}

/**
 * Per-species outlier flags by robust z = (x − median)/(1.4826·MAD) (see `robustZ`), |z| >
 * `threshold` (default 3.5, Iglewicz & Hoaglin 1993). Flags only; no value is changed. Species
 * with MAD = 0 get no flags and are listed in `zeroScale`.
 *
 * `scale: "log"` (default) scores ln(x): ambient concentrations are close to log-normal (Ott 1990,
 * J. Air Waste Manage. Assoc. 40:1378), and z on raw values flags ordinary high days; values ≤ 0
 * get no score there. `scale: "linear"` scores x itself. `median` and `scale` in `perSpecies` are
 * on the scale used.
 */
export function flagOutliers(
  table: AqTable,
  opts: { species?: string[]; threshold?: number; idColumn?: string; scale?: "log" | "linear" } = {},
): {
  threshold: number;
  scale: "log" | "linear";
  flags: OutlierFlag[];
  perSpecies: Record<string, { median: number; scale: number; flagged: number }>;
  zeroScale: string[];
} {
  const threshold = opts.threshold ?? 3.5,
    scale = opts.scale ?? "log";
  const species = opts.species ?? table.columns.filter((c) => c.kind === "number").map((c) => c.name);
  const ids = sampleLabels(table, opts.idColumn);
  const flags: OutlierFlag[] = [];
  const perSpecies: Record<string, { median: number; scale: number; flagged: number }> = {};
  const zeroScale: string[] = [];
  for (const sp of species) {
    const v = table.numbers(sp);
    const r = robustZ(scale === "log" ? Float64Array.from(v, (x) => (x > 0 ? Math.log(x) : NaN)) : v);
    let k = 0;
    if (!(r.scale > 0)) zeroScale.push(sp);
    for (let i = 0; i < v.length; i++)
      if (Math.abs(r.z[i]) > threshold) {
        flags.push({ row: i, sample: ids[i], species: sp, value: v[i], z: r.z[i] });
        k++;
      }
    perSpecies[sp] = { median: r.median, scale: r.scale, flagged: k };
  }
  return { threshold, scale, flags, perSpecies, zeroScale };
}
