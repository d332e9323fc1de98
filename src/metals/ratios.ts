import { UCC_MCLENNAN_2001, type CrustTable } from "./tables/crust";

/** A tracer ratio (or derived tracer) computed per sample from element concentrations. */
export interface TracerDefinition {
  name: string;
  /** Elements it needs. */
  needs: string[];
  /** Unit of the result ("1" for ratios, or the concentration unit). */
  unit: string | "same";
  /** What it indicates, with the citation. */
  description: string;
  /** Compute one value from the element values of a sample (and the crust table). */
  compute: (el: Record<string, number>, crust: CrustTable) => number;
}

const ratio = (a: number, b: number) => (b > 0 && a >= 0 ? a / b : NaN);

/**
 * Default tracers (CONVENTIONS.md §3). Extend by passing your own {@link TracerDefinition}s.
 * - V/Ni ≈ 4–5: heavy fuel oil (ship exhaust) before low-sulphur fuel rules (e.g. Viana et al.
 *   2009, ES&T 43:7472; the signature weakens after IMO 2020 / China DECA rules);
 * - Cu/Sb ≈ 5: brake wear (Sternbeck et al. 2002, Atmos. Environ. 36:4735); crust ≈ 125;
 * - excess K = K − (K/Fe)_crust·Fe: non-crustal (biomass-burning) potassium (e.g. Lewis et al.
 *   1988; crust ratio from the selected table).
 */
export const DEFAULT_TRACERS: TracerDefinition[] = [
  {
    name: "V/Ni",
    needs: ["V", "Ni"],
    unit: "1",
    description: "V/Ni ≈ 4–5: heavy fuel oil, ship exhaust (Viana et al. 2009)",
    compute: (e) => ratio(e.V, e.Ni),
  },
  {
    name: "Cu/Sb",
    needs: ["Cu", "Sb"],
    unit: "1",
    description: "Cu/Sb ≈ 5: brake wear (Sternbeck et al. 2002); crust ≈ 125",
    compute: (e) => ratio(e.Cu, e.Sb),
  },
  {
    name: "excess K",
    needs: ["K", "Fe"],
    unit: "same",
    description: "K − (K/Fe)crust·Fe: non-crustal K, biomass burning",
    compute: (e, c) => e.K - (c.mgPerKg.K / c.mgPerKg.Fe) * e.Fe,
  },
];

/**
 * Tracer ratios as time series: each definition whose elements are all present is computed per
 * sample (NaN where an input is missing or a denominator ≤ 0); the others are listed in `skipped`.
 *
 * @param conc element → concentrations (one unit for all, e.g. ng/m3)
 * @param opts `tracers` (default {@link DEFAULT_TRACERS}), `crust` (default McLennan 2001), `unit` of conc (default "ng/m3")
 */
export function tracerRatios(
  conc: Record<string, ArrayLike<number>>,
  opts: { tracers?: TracerDefinition[]; crust?: CrustTable; unit?: string } = {},
): {
  series: Record<string, Float64Array>;
  units: Record<string, string>;
  skipped: { name: string; missing: string[] }[];
} {
  const defs = opts.tracers ?? DEFAULT_TRACERS;
  const crust = opts.crust ?? UCC_MCLENNAN_2001;
  const lens = Object.values(conc).map((v) => v.length);
  const n = lens.length ? lens[0] : 0;
  const series: Record<string, Float64Array> = {},
    units: Record<string, string> = {},
    skipped: { name: string; missing: string[] }[] = [];
  for (const d of defs) {
    const missing = d.needs.filter((e) => !conc[e]);
    if (missing.length) {
      skipped.push({ name: d.name, missing });
      continue;
    }
    const out = new Float64Array(n);
    const row: Record<string, number> = {};
    for (let i = 0; i < n; i++) {
      let ok = true;
      for (const e of d.needs) {
        row[e] = conc[e][i];
        if (!Number.isFinite(row[e])) ok = false;
      }
      out[i] = ok ? d.compute(row, crust) : NaN;
    }
    series[d.name] = out;
    units[d.name] = d.unit === "same" ? (opts.unit ?? "ng/m3") : d.unit;
  }
  return { series, units, skipped };
}
