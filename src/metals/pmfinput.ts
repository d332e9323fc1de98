import type { PmfPrepData } from "../sourceapport/prepare";
import { xactMdlTable } from "./tables/mdl";
import type { XactSeries } from "./xactseries";

/** Result of {@link xactToPmf}: the PMF data plus what was changed. */
export interface XactPmfData extends PmfPrepData {
  /** Per element: cells at or below the MDL (replaced by MDL/2), and missing cells (left NaN). */
  belowMdl: Record<string, number>;
  missing: Record<string, number>;
  /** Hours left out because every element was missing (no record, or excluded). */
  droppedHours: number[];
  /** MDLs used, ng/m3. */
  mdl: Record<string, number>;
}

/**
 * Convert an hourly Xact series to PMF input (concentration + uncertainty, ng/m3), combining the
 * instrument's uncertainty u (its Uncert column) with the detection limit:
 *
 * - x > MDL: x kept, s = sqrt(u² + (MDL/2)²) (the instrument's counting/fit uncertainty and a
 *   detection-limit term in quadrature, the form of Polissar et al. 1998, JGR 103:19045, used by
 *   EPA PMF's equation-based uncertainty with u in place of EF·x);
 * - x ≤ MDL (including the instrument's 0.0 "not detected"): x = MDL/2, s = 5/6·MDL (EPA PMF 5.0
 *   rule, Norris et al. 2014; CONVENTIONS.md §1);
 * - missing (no record, excluded, element not analysed): NaN, for `preparePmfInput` to replace
 *   by the median with s = 4 × median or drop.
 *
 * Hours where every chosen element is missing are dropped (listed in `droppedHours`).
 *
 * @param series from {@link xactHourly}
 * @param opts `elements` (default: present elements having an MDL), `mdl` overrides (ng/m3)
 * @throws {RangeError} when an element is not in the series or has no MDL, or fewer than 2 elements are given
 */
export function xactToPmf(
  series: XactSeries,
  opts: { elements?: string[]; mdl?: Record<string, number> } = {},
): XactPmfData {
  const mdl = xactMdlTable(opts.mdl);
  const els = opts.elements ?? series.elements.filter((e) => e in mdl);
  for (const el of els) {
    if (!series.elements.includes(el))
      throw new RangeError(`xactToPmf: element ${el} is not in the series (have ${series.elements.join(", ")})`);
    if (!(el in mdl)) throw new RangeError(`xactToPmf: no MDL for ${el}; give one in opts.mdl (ng/m3)`);
  }
  if (els.length < 2) throw new RangeError("xactToPmf: needs at least 2 elements");
  const keep: number[] = [],
    droppedHours: number[] = [];
  for (let k = 0; k < series.times.length; k++) {
    if (els.some((el) => Number.isFinite(series.conc[el][k]))) keep.push(k);
    else droppedHours.push(series.times[k]);
  }
  const n = keep.length,
    m = els.length;
  const x = new Float64Array(n * m),
    s = new Float64Array(n * m);
  const belowMdl: Record<string, number> = {},
    missing: Record<string, number> = {};
  els.forEach((el, j) => {
    const c = series.conc[el],
      u = series.unc[el],
      d = mdl[el];
    let nb = 0,
      nm = 0;
    keep.forEach((k, i) => {
      const v = c[k];
      if (!Number.isFinite(v) || !Number.isFinite(u[k])) {
        x[i * m + j] = NaN;
        s[i * m + j] = NaN;
        nm++;
        return;
      }
      if (v <= d) {
        x[i * m + j] = d / 2;
        s[i * m + j] = (5 / 6) * d;
        nb++;
        return;
      }
      x[i * m + j] = v;
      s[i * m + j] = Math.sqrt(u[k] * u[k] + (d / 2) * (d / 2));
    });
    belowMdl[el] = nb;
    missing[el] = nm;
  });
  const off = series.utcOffsetMinutes;
  const times = Float64Array.from(keep, (k) => series.times[k]);
  const samples = Array.from(times, (t) => new Date(t + off * 60000).toISOString().slice(0, 16).replace("T", " "));
  return {
    x,
    s,
    n,
    m,
    species: els,
    units: "ng/m3",
    samples,
    times,
    utcOffsetMinutes: off,
    belowMdl,
    missing,
    droppedHours,
    mdl: Object.fromEntries(els.map((e) => [e, mdl[e]])),
  };
}
