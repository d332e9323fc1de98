import { checkSectors, checkWindSpeeds, DEFAULT_CALM_MS, sectorCentres, sectorIndex } from "./wind";
import { percentileOf } from "./wind";
import { typedLevels, type ByTypeResult, type TypeOption } from "./bytype";

/** One sector × interval cell of a wind or pollution rose. */
export interface RoseRow {
  /** Sector centre, degrees from north. */
  wd: number;
  /**
   * Interval of the binned variable (wind speed in m/s, or concentration): `(lo, hi]` by default
   * (openair / R `cut(right = TRUE)`), `[lo, hi)` with `closed: "left"`. The last class is open
   * above: `hi` = Infinity and it holds every value above (or, left-closed, at or above) `lo`.
   */
  lo: number;
  hi: number;
  /** The interval as text, e.g. "(2, 4]", "[2, 4)", "> 8", "≥ 8". */
  label: string;
  /** Records in the cell. */
  count: number;
  /** Percentage of ALL records with finite inputs, calms included (so rows + calmPercent = 100). */
  percent: number;
}

/** Result of {@link windRose} and {@link pollutionRose}. */
export interface RoseResult {
  rows: RoseRow[];
  /** The breaks used: the lower edges of the classes, the last class open above the last break. */
  breaks: number[];
  /** The interval convention used. */
  closed: RoseClosed;
  /** Records with ws < calm, and their percentage of all records with finite inputs. */
  calmCount: number;
  calmPercent: number;
  /** Records counted (finite inputs, calm included). */
  n: number;
}

/** Interval convention of rose classes: "right" = (lo, hi] (openair's default), "left" = [lo, hi). */
export type RoseClosed = "right" | "left";

function rose(
  binVar: ArrayLike<number>,
  wd: ArrayLike<number>,
  ws: ArrayLike<number>,
  breaks: number[],
  sectors: number,
  calm: number,
  closed: RoseClosed = "right",
): RoseResult {
  if (closed !== "right" && closed !== "left")
    throw new RangeError(`rose: closed must be "right" or "left", got ${String(closed)}`);
  checkSectors(sectors);
  if (binVar.length !== wd.length || ws.length !== wd.length) throw new RangeError("rose: inputs differ in length");
  checkWindSpeeds(ws, "rose");
  for (let k = 1; k < breaks.length; k++)
    if (!(breaks[k] > breaks[k - 1])) throw new RangeError(`breaks must increase, got ${breaks.join(", ")}`);
  if (breaks.length < 1) throw new RangeError("rose: breaks needs at least 1 value");
  // openair's reading: n breaks are the lower edges of n classes, the last open above the last break
  const nb = breaks.length;
  const counts = new Float64Array(sectors * nb);
  let nCalm = 0,
    nTot = 0;
  for (let i = 0; i < wd.length; i++) {
    const x = binVar[i],
      d = wd[i],
      w = ws[i];
    if (!Number.isFinite(x) || !Number.isFinite(d) || !Number.isFinite(w)) continue;
    nTot++;
    if (w < calm) {
      nCalm++;
      continue;
    }
    let b = nb - 1;
    for (let k = 0; k < nb - 1; k++)
      if (closed === "right" ? x <= breaks[k + 1] : x < breaks[k + 1]) {
        b = k;
        break;
      }
    if (x < breaks[0]) b = 0;
    counts[sectorIndex(d, sectors) * nb + b]++;
  }
  const rows: RoseRow[] = [];
  const centres = sectorCentres(sectors);
  for (let k = 0; k < sectors; k++)
    for (let b = 0; b < nb; b++) {
      const c = counts[k * nb + b];
      const last = b === nb - 1;
      const label = last
        ? `${closed === "right" ? ">" : "≥"} ${breaks[b]}`
        : closed === "right"
          ? `(${breaks[b]}, ${breaks[b + 1]}]`
          : `[${breaks[b]}, ${breaks[b + 1]})`;
      rows.push({
        wd: centres[k],
        lo: breaks[b],
        hi: last ? Infinity : breaks[b + 1],
        label,
        count: c,
        percent: nTot > 0 ? (100 * c) / nTot : NaN,
      });
    }
  return {
    rows,
    breaks: breaks.slice(),
    closed,
    calmCount: nCalm,
    calmPercent: nTot > 0 ? (100 * nCalm) / nTot : NaN,
    n: nTot,
  };
}

/**
 * Wind rose: frequency (% of all records with finite wind) per direction sector × wind-speed
 * interval; calms (ws < `calm`) are reported separately, as in openair's `windRose`
 * (Carslaw & Ropkins 2012, Environ. Model. Softw. 27–28:52). `breaks` are read as openair
 * reads them: n breaks are the lower edges of n classes and the last class is open above the
 * last break. openair's `windRose` documents "`breaks = c(0, 1, 10, 100)` breaks the data into
 * segments <1, 1-10, 10-100, >100" and appends the data maximum as a last break when it exceeds
 * the given ones (R/windRose.R). With the default breaks 0, 2, 4, 6, 8 the classes are 0–2, 2–4,
 * 4–6, 6–8 and "> 8", which holds every ws above 8 m/s. Intervals are `(lo, hi]` by default, as
 * openair's `windRose` (`cut(..., include.lowest = FALSE)`, R's `right = TRUE`), so the same data
 * give the same table; values at or below the first break go to the first class (openair leaves
 * them out with a warning "Some values are below minimum break"; calms are apart in both).
 *
 * @param ws m/s; @param wd degrees from north
 * With `type` (openair's `type`, see {@link TypeOption}) the result also holds `byType`: the rose
 * of each level's rows (e.g. `type: "season"` with `typeData: { times, utcOffsetMinutes }`), the
 * same breaks in every panel.
 *
 * @param opts `sectors` (default 12, i.e. 30°), `breaks` m/s, the classes' lower edges (default 0, 2, 4, 6, 8), `calm` m/s (default 0.5), `closed` ("right" default = (lo, hi]; "left" = [lo, hi)), `type`/`typeData`/`typeOptions`
 * @throws RangeError for non-increasing breaks, unequal input lengths, bad `sectors` or `closed`, a negative wind speed, or a `type` that cannot be cut (see {@link cutData})
 */
export function windRose(
  ws: ArrayLike<number>,
  wd: ArrayLike<number>,
  opts: { sectors?: number; breaks?: number[]; calm?: number; closed?: RoseClosed } & TypeOption = {},
): RoseResult & { byType?: ByTypeResult<RoseResult> } {
  const byType = typedLevels(opts, { columns: { ws, wd } }, (sub) =>
    windRose(sub.pick(ws), sub.pick(wd), { ...opts, type: undefined }),
  );
  const all = rose(
    ws,
    wd,
    ws,
    opts.breaks ?? [0, 2, 4, 6, 8],
    opts.sectors ?? 12,
    opts.calm ?? DEFAULT_CALM_MS,
    opts.closed,
  );
  return byType ? { ...all, byType } : all;
}

/**
 * Pollution rose: as a wind rose but the intervals are of concentration (openair
 * `pollutionRose`): frequency per direction sector × concentration interval; calms apart.
 * Default breaks: 0 and the 25th, 50th, 75th, 90th percentiles of the values, so the classes
 * are 0–P25, P25–P50, P50–P75, P75–P90 and "> P90". Breaks are the classes' lower edges, the
 * last class open above the last break, and the interval convention is `closed` (default
 * "right" = (lo, hi]), all as {@link windRose} and openair's `pollutionRose`. With `type`
 * ({@link TypeOption}) `byType` holds the rose of each level; default breaks are then the
 * percentiles of ALL values, so that the panels share one legend (give `breaks` to fix them).
 *
 * @throws RangeError for non-increasing breaks, unequal input lengths, bad `sectors` or `closed`, a negative wind speed, or a `type` that cannot be cut
 */
export function pollutionRose(
  values: ArrayLike<number>,
  wd: ArrayLike<number>,
  ws: ArrayLike<number>,
  opts: { sectors?: number; breaks?: number[]; calm?: number; closed?: RoseClosed } & TypeOption = {},
): RoseResult & { byType?: ByTypeResult<RoseResult> } {
  let breaks = opts.breaks;
  if (!breaks) {
    const ps = [25, 50, 75, 90].map((p) => percentileOf(values, p));
    breaks = [Math.min(0, percentileOf(values, 0)), ...ps].filter((v, i, a) => i === 0 || v > a[i - 1]);
  }
  const all = rose(values, wd, ws, breaks, opts.sectors ?? 12, opts.calm ?? DEFAULT_CALM_MS, opts.closed);
  const fixed = breaks;
  const byType = typedLevels(opts, { columns: { value: values, wd, ws } }, (sub) =>
    pollutionRose(sub.pick(values), sub.pick(wd), sub.pick(ws), { ...opts, breaks: fixed, type: undefined }),
  );
  return byType ? { ...all, byType } : all;
}

/**
 * Percentile rose (openair `percentileRose`, without its smoothing): per direction sector, the
 * chosen percentiles (type 7) of the values of non-calm records, and the sector's mean.
 *
 * With `type` ({@link TypeOption}) `byType` holds the percentile rose of each level (percentiles of that level's values, as openair).
 *
 * @param opts `percentiles` (0–100, default 25, 50, 75, 90, 95), `sectors` (default 16), `calm` m/s (default 0.5), `type`/`typeData`/`typeOptions`
 * @returns rows { wd (sector centre), percentile, value } and per-sector { wd, n, mean }
 * @throws RangeError for bad `sectors`, a negative wind speed, or a `type` that cannot be cut
 */
export function percentileRose(
  values: ArrayLike<number>,
  wd: ArrayLike<number>,
  ws: ArrayLike<number>,
  opts: { sectors?: number; percentiles?: number[]; calm?: number } & TypeOption = {},
): PercentileRoseResult & { byType?: ByTypeResult<PercentileRoseResult> } {
  const byType = typedLevels(opts, { columns: { value: values, wd, ws } }, (sub) =>
    percentileRose(sub.pick(values), sub.pick(wd), sub.pick(ws), { ...opts, type: undefined }),
  );
  const sectors = opts.sectors ?? 16;
  checkSectors(sectors);
  const calm = opts.calm ?? DEFAULT_CALM_MS;
  const ps = opts.percentiles ?? [25, 50, 75, 90, 95];
  checkWindSpeeds(ws, "percentileRose");
  const groups: number[][] = Array.from({ length: sectors }, () => []);
  for (let i = 0; i < values.length; i++) {
    const c = values[i],
      d = wd[i],
      w = ws[i];
    if (!Number.isFinite(c) || !Number.isFinite(d) || !Number.isFinite(w) || w < calm) continue;
    groups[sectorIndex(d, sectors)].push(c);
  }
  const centres = sectorCentres(sectors);
  const rows: { wd: number; percentile: number; value: number }[] = [];
  const secs = centres.map((c, k) => {
    const g = groups[k];
    for (const p of ps) rows.push({ wd: c, percentile: p, value: g.length ? percentileOf(g, p) : NaN });
    return { wd: c, n: g.length, mean: g.length ? g.reduce((a, b) => a + b, 0) / g.length : NaN };
  });
  return byType ? { rows, sectors: secs, byType } : { rows, sectors: secs };
}

/** Result of {@link percentileRose}. */
export interface PercentileRoseResult {
  /** Percentile values per sector (value units). */
  rows: { wd: number; percentile: number; value: number }[];
  /** Non-calm records and their mean per sector. */
  sectors: { wd: number; n: number; mean: number }[];
}
