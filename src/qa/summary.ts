import type { AqTable } from "../table/table";
import { completeness, type SpeciesCompleteness } from "./completeness";
import { ionBalance } from "./ionbalance";
import { massClosure, type MassClosureOptions } from "./massclosure";
import { flagOutliers } from "./outliers";

/** One campaign row of {@link qaSummary}. */
export interface CampaignQa {
  campaign: string;
  samples: number;
  /** Mean and median reconstructed/measured mass (NaN when no mass or no component). */
  massClosureMeanRatio: number;
  massClosureMedianRatio: number;
  /** Mean CE/AE and the slope of CE on AE (NaN without ions). */
  ionBalanceMeanRatio: number;
  ionBalanceSlope: number;
  /** Lowest species completeness and the species. */
  minCompleteness: number;
  minCompletenessSpecies: string;
  /** Mean below-detection share over species. */
  meanBelowDetectionShare: number;
  /** Robust-z outlier flags (all species). */
  outliers: number;
  /** Per-species rows. */
  species: (SpeciesCompleteness & { outliers: number; median: number })[];
}

/**
 * QA summary table per sampling campaign (site or period): samples, mass closure, ion balance,
 * completeness, below-detection share and outlier flags per species. Campaigns are the values of
 * the text column `campaignColumn` (default `site` if present; otherwise one campaign `all`).
 */
export function qaSummary(
  table: AqTable,
  opts: {
    campaignColumn?: string;
    belowDetection?: Record<string, ArrayLike<number>>;
    mdl?: Record<string, number>;
    massClosure?: MassClosureOptions;
    outlierThreshold?: number;
    species?: string[];
  } = {},
): { campaignColumn: string | null; campaigns: CampaignQa[] } {
  const campCol = opts.campaignColumn ?? (table.names.includes("site") ? "site" : undefined);
  const labels = campCol ? table.strings(campCol) : Array(table.numRows).fill("all");
  const order: string[] = [];
  for (const l of labels) if (!order.includes(l)) order.push(l);
  const species = opts.species ?? table.columns.filter((c) => c.kind === "number").map((c) => c.name);
  const campaigns = order.map((campaign) => {
    const rows: number[] = [];
    labels.forEach((l, i) => {
      if (l === campaign) rows.push(i);
    });
    const t = table.take(rows);
    const bdl: Record<string, number[]> = {};
    for (const [sp, m] of Object.entries(opts.belowDetection ?? {})) bdl[sp] = rows.map((i) => m[i]);
    const comp = completeness(t, { species, belowDetection: bdl, mdl: opts.mdl });
    const out = flagOutliers(t, { species, threshold: opts.outlierThreshold });
    let mcMean = NaN,
      mcMed = NaN,
      ibMean = NaN,
      ibSlope = NaN;
    try {
      const mc = massClosure(t, opts.massClosure);
      mcMean = mc.summary.meanRatio;
      mcMed = mc.summary.medianRatio;
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
    }
    try {
      const ib = ionBalance(t);
      ibMean = ib.summary.meanRatio;
      ibSlope = ib.summary.slope;
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
    }
    let minC = Infinity,
      minS = "";
    for (const s of comp.species)
      if (s.completeness < minC) {
        minC = s.completeness;
        minS = s.species;
      }
    const sp = comp.species.map((s) => ({
      ...s,
      outliers: out.perSpecies[s.species].flagged,
      median: out.perSpecies[s.species].median,
    }));
    return {
      campaign,
      samples: rows.length,
      massClosureMeanRatio: mcMean,
      massClosureMedianRatio: mcMed,
      ionBalanceMeanRatio: ibMean,
      ionBalanceSlope: ibSlope,
      minCompleteness: minC,
      minCompletenessSpecies: minS,
      meanBelowDetectionShare: comp.species.reduce((a, s) => a + s.belowDetectionShare, 0) / comp.species.length,
      outliers: out.flags.length,
      species: sp,
    };
  });
  return { campaignColumn: campCol ?? null, campaigns };
}
