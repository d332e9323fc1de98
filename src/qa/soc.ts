import type { AqTable } from "../table/table";
import { quantileType7 } from "../stats/quantile";
import { findColumn, sampleLabels, valuesUgm3 } from "./columns";

/** Options of {@link secondaryOrganicCarbon}. */
export interface SocOptions {
  /**
   * How (OC/EC)pri is chosen: `min` (the minimum OC/EC ratio of the campaign; Castro et al. 1999),
   * `percentile` (a low percentile, type-7 quantile, robust to a single odd sample), or a fixed
   * `ratio` you supply. Default `min`.
   */
  method?: "min" | "percentile" | "ratio";
  /** Percentile for `percentile`, as a fraction (default 0.05). */
  percentile?: number;
  /** (OC/EC)pri for `ratio`. */
  ratio?: number;
  columns?: Record<string, string>;
  idColumn?: string;
}

/** Result of {@link secondaryOrganicCarbon}. */
export interface SocResult {
  method: "min" | "percentile" | "ratio";
  /** (OC/EC)pri used. */
  primaryRatio: number;
  /** Per sample: OC/EC, primary OC = EC·(OC/EC)pri, SOC = OC − POC (may be negative), SOC clipped at 0, SOC share of OC (clipped). µg/m3. */
  samples: {
    sample: string;
    oc: number;
    ec: number;
    ocec: number;
    poc: number;
    soc: number;
    socClipped: number;
    socShare: number;
  }[];
  /** Samples whose SOC estimate is negative (OC/EC below the primary ratio). */
  negativeCount: number;
  /** Means over samples with finite OC and EC. */
  summary: { n: number; meanOcEc: number; meanSoc: number; meanSocShare: number };
  unit: "µg/m3";
}

/**
 * OC/EC ratio and secondary organic carbon by the EC-tracer method: POC = EC·(OC/EC)pri,
 * SOC = OC − POC (Turpin & Huntzicker 1995, Atmos. Environ. 29:3527; Castro et al. 1999, Atmos.
 * Environ. 33:2771, with (OC/EC)pri = the observed minimum). Samples with EC ≤ 0 or a NaN are
 * left out of the ratio choice and get NaN ratios. SOC below 0 is reported as is and counted;
 * `socClipped` = max(0, SOC).
 * @throws {RangeError} when OC or EC columns are missing, the method is unknown, the ratio method has no ratio > 0, or no sample has finite OC and EC > 0
 */
export function secondaryOrganicCarbon(table: AqTable, opts: SocOptions = {}): SocResult {
  const method = opts.method ?? "min";
  const ocCol = findColumn(table, "OC", opts.columns),
    ecCol = findColumn(table, "EC", opts.columns);
  if (ocCol === undefined || ecCol === undefined)
    throw new RangeError(`SOC: needs OC and EC columns (have: ${table.names.join(", ")})`);
  const oc = valuesUgm3(table, ocCol),
    ec = valuesUgm3(table, ecCol);
  const ratios: number[] = [];
  for (let i = 0; i < oc.length; i++) if (Number.isFinite(oc[i]) && ec[i] > 0) ratios.push(oc[i] / ec[i]);
  let primaryRatio: number;
  if (method === "ratio") {
    if (!(opts.ratio !== undefined && opts.ratio > 0)) throw new RangeError('SOC: method "ratio" needs ratio > 0');
    primaryRatio = opts.ratio;
  } else {
    if (ratios.length === 0) throw new RangeError("SOC: no sample with finite OC and EC > 0");
    if (method === "min") primaryRatio = Math.min(...ratios);
    else if (method === "percentile") primaryRatio = quantileType7(ratios, opts.percentile ?? 0.05);
    else throw new RangeError(`SOC: unknown method "${String(method)}"`);
  }
  const ids = sampleLabels(table, opts.idColumn);
  let neg = 0;
  const samples = ids.map((sample, i) => {
    const ok = Number.isFinite(oc[i]) && ec[i] > 0;
    const poc = ok ? ec[i] * primaryRatio : NaN;
    const soc = ok ? oc[i] - poc : NaN;
    if (soc < 0) neg++;
    const socClipped = ok ? Math.max(0, soc) : NaN;
    return {
      sample,
      oc: oc[i],
      ec: ec[i],
      ocec: ok ? oc[i] / ec[i] : NaN,
      poc,
      soc,
      socClipped,
      socShare: ok && oc[i] > 0 ? socClipped / oc[i] : NaN,
    };
  });
  const ok = samples.filter((s) => Number.isFinite(s.ocec));
  const m = (f: (s: (typeof samples)[number]) => number) => ok.reduce((a, s) => a + f(s), 0) / ok.length;
  return {
    method,
    primaryRatio,
    samples,
    negativeCount: neg,
    summary: { n: ok.length, meanOcEc: m((s) => s.ocec), meanSoc: m((s) => s.soc), meanSocShare: m((s) => s.socShare) },
    unit: "µg/m3",
  };
}
