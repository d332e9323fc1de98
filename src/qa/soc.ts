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
  /**
   * Text column of the site: (OC/EC)pri is chosen per site, because the primary ratio depends on
   * the local mix of combustion sources (Turpin & Huntzicker 1995; Castro et al. 1999 derive it
   * for each site). Default `site` when the table has that column; `null` pools every sample
   * (one ratio for the whole table, the pre-#16 behaviour).
   */
  siteColumn?: string | null;
  /**
   * Optionally also per season (Castro et al. 1999 give the minimum ratio per site and season):
   * `"meteorological"` groups samples by DJF / MAM / JJA / SON from the local date (the time
   * column, else the text column `dateColumn`, default `date`, read as YYYY-MM-DD; the same label
   * across years); `{ column }` uses a text column of season labels you give.
   */
  season?: "meteorological" | { column: string };
  /** Text column of the sampling date for `season: "meteorological"` without a time column (default `date`). */
  dateColumn?: string;
}

/** One group (site, and season if asked) with its own (OC/EC)pri; see {@link secondaryOrganicCarbon}. */
export interface SocGroup {
  /** Site label, or `all` when pooled. */
  site: string;
  /** Season label (DJF, MAM, JJA, SON or yours), when `season` was given. */
  season?: string;
  /** Samples in the group, and those with finite OC and EC > 0 (the ratio is chosen from these). */
  samples: number;
  n: number;
  /** (OC/EC)pri of the group (NaN when no sample of the group has a ratio). */
  primaryRatio: number;
}

/** Result of {@link secondaryOrganicCarbon}. */
export interface SocResult {
  method: "min" | "percentile" | "ratio";
  /** (OC/EC)pri used when there is one group (one site, no season split); NaN when there are several (see `groups`). */
  primaryRatio: number;
  /** The groups (site × season) in order of first appearance, each with its (OC/EC)pri. */
  groups: SocGroup[];
  /** The site and season columns used (null when pooled / no season). */
  siteColumn: string | null;
  seasonColumn: string | null;
  /** Per sample: its group's (OC/EC)pri, OC/EC, primary OC = EC·(OC/EC)pri, SOC = OC − POC (may be negative), SOC clipped at 0, SOC share of OC (clipped). µg/m3. */
  samples: {
    sample: string;
    site: string;
    season?: string;
    primaryRatio: number;
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

/** Meteorological season (DJF, MAM, JJA, SON) of a month 1–12. */
function meteorologicalSeason(month: number): string {
  return month === 12 || month <= 2 ? "DJF" : month <= 5 ? "MAM" : month <= 8 ? "JJA" : "SON";
}

/**
 * OC/EC ratio and secondary organic carbon by the EC-tracer method: POC = EC·(OC/EC)pri,
 * SOC = OC − POC (Turpin & Huntzicker 1995, Atmos. Environ. 29:3527; Castro et al. 1999, Atmos.
 * Environ. 33:2771, with (OC/EC)pri = the observed minimum). The primary ratio is chosen per site
 * (`siteColumn`, default `site` when present) and optionally per season (`season`): Castro et al.
 * (1999) take the minimum OC/EC of each site (and season), as the primary ratio reflects the local
 * source mix; one ratio pooled over sites would assign another city's primary OC to a site.
 * Samples with EC ≤ 0 or a NaN are left out of the ratio choice and get NaN ratios. SOC below 0
 * is reported as is and counted; `socClipped` = max(0, SOC).
 *
 * @throws {RangeError} when OC or EC columns are missing, the method is unknown, the ratio method
 * has no ratio > 0, a group (site × season) has no sample with finite OC and EC > 0 (for
 * `min`/`percentile`), a site, season or date column is missing, or a date is not YYYY-MM-DD.
 */
export function secondaryOrganicCarbon(table: AqTable, opts: SocOptions = {}): SocResult {
  const method = opts.method ?? "min";
  const ocCol = findColumn(table, "OC", opts.columns),
    ecCol = findColumn(table, "EC", opts.columns);
  if (ocCol === undefined || ecCol === undefined)
    throw new RangeError(`SOC: needs OC and EC columns (have: ${table.names.join(", ")})`);
  if (method !== "min" && method !== "percentile" && method !== "ratio")
    throw new RangeError(`SOC: unknown method "${String(method)}"`);
  if (method === "ratio" && !(opts.ratio !== undefined && opts.ratio > 0))
    throw new RangeError('SOC: method "ratio" needs ratio > 0');
  const oc = valuesUgm3(table, ocCol),
    ec = valuesUgm3(table, ecCol);
  const ids = sampleLabels(table, opts.idColumn);
  const textColumn = (name: string, what: string): string[] => {
    const c = table.columns.find((x) => x.name === name);
    if (!c || c.kind !== "string")
      throw new RangeError(
        `SOC: ${what} column "${name}" is not a text column of the table (have: ${table.names.join(", ")})`,
      );
    return table.strings(name).slice();
  };
  const siteColumn =
    opts.siteColumn === null
      ? null
      : (opts.siteColumn ?? (table.columns.some((c) => c.name === "site" && c.kind === "string") ? "site" : null));
  const sites = siteColumn === null ? ids.map(() => "all") : textColumn(siteColumn, "site");
  let seasons: string[] | undefined,
    seasonColumn: string | null = null;
  if (opts.season === "meteorological") {
    let months: number[];
    if (table.timeColumn) {
      months = table.localTimes().map((t) => Number(t.slice(5, 7)));
      seasonColumn = table.timeColumn;
    } else {
      const dc = opts.dateColumn ?? "date";
      const d = textColumn(dc, "date");
      months = d.map((x, i) => {
        const m = /^\d{4}-(\d{2})-\d{2}/.exec(x.trim());
        const mo = m ? Number(m[1]) : NaN;
        if (!(mo >= 1 && mo <= 12))
          throw new RangeError(`SOC: sample ${ids[i]}: date "${x}" in column "${dc}" is not YYYY-MM-DD`);
        return mo;
      });
      seasonColumn = dc;
    }
    seasons = months.map(meteorologicalSeason);
  } else if (opts.season !== undefined) {
    seasons = textColumn(opts.season.column, "season");
    seasonColumn = opts.season.column;
  }
  const key = (i: number) => (seasons ? `${sites[i]}\u0000${seasons[i]}` : sites[i]);
  const groups = new Map<string, SocGroup & { ratios: number[] }>();
  for (let i = 0; i < ids.length; i++) {
    const k = key(i);
    let g = groups.get(k);
    if (!g) {
      g = {
        site: sites[i],
        ...(seasons ? { season: seasons[i] } : {}),
        samples: 0,
        n: 0,
        primaryRatio: NaN,
        ratios: [],
      };
      groups.set(k, g);
    }
    g.samples++;
    if (Number.isFinite(oc[i]) && ec[i] > 0) g.ratios.push(oc[i] / ec[i]);
  }
  for (const g of groups.values()) {
    g.n = g.ratios.length;
    if (method === "ratio") g.primaryRatio = opts.ratio!;
    else {
      if (g.n === 0)
        throw new RangeError(
          `SOC: no sample with finite OC and EC > 0 at site "${g.site}"${g.season !== undefined ? `, season ${g.season}` : ""}`,
        );
      g.primaryRatio = method === "min" ? Math.min(...g.ratios) : quantileType7(g.ratios, opts.percentile ?? 0.05);
    }
  }
  let neg = 0;
  const samples = ids.map((sample, i) => {
    const primaryRatio = groups.get(key(i))!.primaryRatio;
    const ok = Number.isFinite(oc[i]) && ec[i] > 0;
    const poc = ok ? ec[i] * primaryRatio : NaN;
    const soc = ok ? oc[i] - poc : NaN;
    if (soc < 0) neg++;
    const socClipped = ok ? Math.max(0, soc) : NaN;
    return {
      sample,
      site: sites[i],
      ...(seasons ? { season: seasons[i] } : {}),
      primaryRatio,
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
  const gs: SocGroup[] = [...groups.values()].map(({ ratios: _r, ...g }) => g);
  return {
    method,
    primaryRatio: gs.length === 1 ? gs[0].primaryRatio : NaN,
    groups: gs,
    siteColumn,
    seasonColumn,
    samples,
    negativeCount: neg,
    summary: { n: ok.length, meanOcEc: m((s) => s.ocec), meanSoc: m((s) => s.soc), meanSocShare: m((s) => s.socShare) },
    unit: "µg/m3",
  };
}
