import { median } from "../stats/median";
import { UCC_MCLENNAN_2001, type CrustTable } from "./tables/crust";

/** Reference elements accepted by {@link enrichmentFactors}. */
export type EfReference = "Al" | "Fe" | "Ti" | "Si";

/** EF classes (CONVENTIONS.md §3): < 10 crustal, 10–100 anthropogenic, > 100 strongly anthropogenic. */
export type EfClass = "crustal" | "anthropogenic" | "strongly anthropogenic";

/** Class of an enrichment factor ("" for a non-finite EF). */
export function efClass(ef: number): EfClass | "" {
  if (!Number.isFinite(ef)) return "";
  return ef < 10 ? "crustal" : ef <= 100 ? "anthropogenic" : "strongly anthropogenic";
}

/** One element of {@link enrichmentFactors}. */
export interface EnrichmentRow {
  element: string;
  /** EF of the means: (mean X / mean Ref) / (X/Ref)crust, over samples where both are finite and Ref > 0. */
  ef: number;
  /** Median of the per-sample EFs. */
  medianEf: number;
  efClass: EfClass | "";
  /** Crust mass ratio X/Ref used. */
  crustRatio: number;
  n: number;
}

/**
 * Enrichment factors against upper-continental-crust composition (CONVENTIONS.md §3):
 * EF = (X/Ref)_sample / (X/Ref)_crust, per sample and for the means. The reference element is
 * selectable: Al classically; Fe, Ti or Si for XRF data, whose Al detection limit is high
 * (Xact 625i: 100 ng/m3). Samples with Ref ≤ 0 or non-finite are skipped. Elements absent
 * from the crust table are listed in `missing`.
 *
 * @param conc element → concentrations (any one mass unit for all elements, e.g. ng/m3)
 * @param opts `reference` (default "Fe"), `crust` (default McLennan 2001; or UCC_RUDNICK_GAO_2014)
 * @throws {RangeError} when the reference element is not Al, Fe, Ti or Si, has no series, or an element's series differs from it in length
 */
export function enrichmentFactors(
  conc: Record<string, ArrayLike<number>>,
  opts: { reference?: EfReference; crust?: CrustTable } = {},
): {
  reference: EfReference;
  crust: string;
  rows: EnrichmentRow[];
  perSample: Record<string, Float64Array>;
  missing: string[];
} {
  const ref = opts.reference ?? "Fe";
  const crust = opts.crust ?? UCC_MCLENNAN_2001;
  if (!["Al", "Fe", "Ti", "Si"].includes(ref))
    throw new RangeError(`enrichmentFactors: reference must be Al, Fe, Ti or Si, got ${ref}`);
  const r = conc[ref];
  if (!r) throw new RangeError(`enrichmentFactors: no ${ref} series (have ${Object.keys(conc).join(", ")})`);
  const cRef = crust.mgPerKg[ref];
  const rows: EnrichmentRow[] = [],
    perSample: Record<string, Float64Array> = {},
    missing: string[] = [];
  for (const [el, x] of Object.entries(conc)) {
    const cEl = crust.mgPerKg[el];
    if (cEl === undefined) {
      missing.push(el);
      continue;
    }
    if (x.length !== r.length)
      throw new RangeError(`enrichmentFactors: ${el} has ${x.length} values, ${ref} has ${r.length}`);
    const cr = cEl / cRef;
    const ps = new Float64Array(x.length).fill(NaN);
    let sx = 0,
      sr = 0,
      n = 0;
    const ok: number[] = [];
    for (let i = 0; i < x.length; i++) {
      if (!Number.isFinite(x[i]) || !Number.isFinite(r[i]) || r[i] <= 0) continue;
      ps[i] = x[i] / r[i] / cr;
      ok.push(ps[i]);
      sx += x[i];
      sr += r[i];
      n++;
    }
    const med = median(ok);
    const ef = n ? sx / sr / cr : NaN;
    perSample[el] = ps;
    rows.push({ element: el, ef, medianEf: med, efClass: efClass(ef), crustRatio: cr, n });
  }
  return { reference: ref, crust: crust.name, rows, perSample, missing };
}
