import { averageSeries } from "../metals/averaging";
import type { AveragingPeriod } from "../table/aggregate";
import { AqTable, type ColumnData } from "../table/table";

/**
 * Daily or monthly averages per station with a data-capture threshold: what both
 * {@link averageByStation} (a table in memory) and `streamAggregate` (a CSV file of any size)
 * return. Rows are station × period, stations in order of first appearance, periods from each
 * station's first to last record.
 */
export interface StationAverages {
  period: AveragingPeriod;
  minCapture: number;
  /** Columns: `station` (text, when grouped), `time` (period start, UTC ms at the site's offset), then one mean per averaged column (its unit; NaN when capture < minCapture). */
  table: AqTable;
  /** Valid (finite) records per row and column. */
  counts: Record<string, Float64Array>;
  /** Capture per row and column: counts / possible (0–1). */
  capture: Record<string, Float64Array>;
  /** Possible records per row (24 a day for hourly data). */
  possible: Float64Array;
}

/** Options shared by {@link averageByStation} and `streamAggregate`. */
export interface StationAverageOptions {
  /** `day` (default) or `month`, local to the site's offset. */
  period?: AveragingPeriod;
  /** Minimum data capture for a mean (default 0.75, i.e. 18 of 24 hours a day). */
  minCapture?: number;
  /** Record spacing in ms (default 1 h). */
  stepMs?: number;
  /** Numeric columns to average (default: all numeric columns). */
  columns?: string[];
}

/**
 * Average a long table (several stations, one row per station and time step) to local days or
 * months per station with a capture threshold, by {@link averageSeries} on each station's rows
 * (the same rule: a mean only when finite values cover at least `minCapture` of the possible
 * records. The default 0.75 (18 of 24 h) is openair's `timeAverage(data.thresh = 75)`
 * convention; GB 3095-2012 (Table 4 data validity) asks for 20 hourly values a day, i.e.
 * `minCapture: 20 / 24`).
 *
 * @param t a table with a time column (UTC instants, hourly unless `stepMs`)
 * @param opts `station`: the text column naming the station (omit for a single-station table);
 *   `period`, `minCapture`, `stepMs`, `columns` as in {@link StationAverageOptions}
 */
export function averageByStation(t: AqTable, opts: StationAverageOptions & { station?: string } = {}): StationAverages {
  const period = opts.period ?? "day",
    minCapture = opts.minCapture ?? 0.75;
  const off = t.utcOffsetMinutes ?? 0;
  const times = t.times();
  const names = opts.columns ?? t.columns.filter((c) => c.kind === "number").map((c) => c.name);
  const groups = new Map<string, number[]>();
  if (opts.station !== undefined) {
    const st = t.strings(opts.station);
    for (let i = 0; i < st.length; i++) {
      let g = groups.get(st[i]);
      if (!g) groups.set(st[i], (g = []));
      g.push(i);
    }
  } else
    groups.set(
      "",
      Array.from({ length: t.numRows }, (_, i) => i),
    );
  const parts: { station: string; res: ReturnType<typeof averageSeries> }[] = [];
  const src = names.map((n) => t.numbers(n));
  for (const [station, rows] of groups) {
    const pick = (v: Float64Array) => {
      const out = new Float64Array(rows.length);
      for (let i = 0; i < rows.length; i++) out[i] = v[rows[i]];
      return out;
    };
    const tt = pick(times);
    const cols: Record<string, Float64Array> = {};
    names.forEach((n, j) => (cols[n] = pick(src[j])));
    parts.push({ station, res: averageSeries(tt, cols, off, { period, minCapture, stepMs: opts.stepMs }) });
  }
  return assemble(
    t,
    names,
    opts.station,
    parts.map((p) => ({
      station: p.station,
      times: p.res.times,
      possible: p.res.possible,
      means: p.res.means,
      counts: p.res.counts,
      capture: p.res.capture,
    })),
    period,
    minCapture,
  );
}

/** One station's averages, before they are stacked into one table. */
export interface StationPart {
  station: string;
  times: Float64Array;
  possible: Float64Array;
  means: Record<string, Float64Array>;
  counts: Record<string, Float64Array>;
  capture: Record<string, Float64Array>;
}

/** Stack per-station averages into one {@link StationAverages} (units from `source`). */
export function assemble(
  source: { unit(name: string): string; utcOffsetMinutes?: number },
  names: string[],
  station: string | undefined,
  parts: StationPart[],
  period: AveragingPeriod,
  minCapture: number,
): StationAverages {
  const n = parts.reduce((s, p) => s + p.times.length, 0);
  const cat = (get: (p: StationPart) => Float64Array) => {
    const out = new Float64Array(n);
    let k = 0;
    for (const p of parts) {
      out.set(get(p), k);
      k += p.times.length;
    }
    return out;
  };
  const cols: Record<string, ColumnData> = {};
  const info: Record<string, { unit?: string; kind?: "number" | "time" | "string" }> = {};
  if (station !== undefined) {
    const st: string[] = new Array(n);
    let k = 0;
    for (const p of parts) for (let i = 0; i < p.times.length; i++) st[k++] = p.station;
    cols[station] = st;
    info[station] = { kind: "string" };
  }
  cols.time = cat((p) => p.times);
  info.time = { kind: "time" };
  const counts: Record<string, Float64Array> = {},
    capture: Record<string, Float64Array> = {};
  for (const nm of names) {
    cols[nm] = cat((p) => p.means[nm]);
    info[nm] = { unit: source.unit(nm), kind: "number" };
    counts[nm] = cat((p) => p.counts[nm]);
    capture[nm] = cat((p) => p.capture[nm]);
  }
  const table = AqTable.create(cols, info, { column: "time", utcOffsetMinutes: source.utcOffsetMinutes ?? 0 });
  return { period, minCapture, table, counts, capture, possible: cat((p) => p.possible) };
}
