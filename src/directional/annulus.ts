import { checkSeries, type WindSeries } from "./wind";
import { typedLevels, type ByTypeResult, type TypeOption } from "./bytype";

/** Time axis of a {@link polarAnnulus}. */
export type AnnulusPeriod = "hour" | "weekday" | "month" | "season";

/** One direction × period cell of a {@link polarAnnulus}. */
export interface AnnulusCell {
  /** Direction bin centre, degrees. */
  wd: number;
  /** Period index: hour 0–23, weekday 0 = Monday … 6 = Sunday, month 1–12, season 0 = DJF, 1 = MAM, 2 = JJA, 3 = SON (local time). */
  period: number;
  n: number;
  /** Bin mean (NaN when empty). */
  mean: number;
  /** Smoothed mean (NaN when no data within the kernel). */
  z: number;
}

const PERIODS: Record<AnnulusPeriod, number> = { hour: 24, weekday: 7, month: 12, season: 4 };

/** Local period index of a UTC instant (see {@link AnnulusCell.period}). */
export function periodIndex(utcMs: number, offsetMinutes: number, period: AnnulusPeriod): number {
  const d = new Date(utcMs + offsetMinutes * 60000);
  if (period === "hour") return d.getUTCHours();
  if (period === "weekday") return (d.getUTCDay() + 6) % 7;
  const m = d.getUTCMonth() + 1;
  if (period === "month") return m;
  return Math.floor((m % 12) / 3);
}

/**
 * Polar annulus (openair `polarAnnulus`): the mean of the values per direction bin × local
 * time period (hour of day, weekday, month or season), smoothed by a product Gaussian kernel,
 * circular in both direction (σ `wdSigma`°) and period (σ `periodSigma` periods), weighted by
 * the record counts. openair smooths with a GAM instead; the bins are the same.
 *
 * @param s values, wd (degrees), ws (m/s; records with ws < `calm` are left out)
 * @param times UTC instants (ms) of the records; `utcOffsetMinutes` the site's offset (China 480)
 * With `type` ({@link TypeOption}; times and offset are the function's own) `byType` holds the annulus of each level.
 *
 * @param opts `period` (default "hour"), `wdBin` degrees (default 10), `wdSigma` (default 15°), `periodSigma` (default 1), `calm` m/s (default 0), `type`/`typeData`/`typeOptions`
 * @throws {RangeError} when times and values differ in length, the period is unknown, wdBin does not divide 360, or a `type` cannot be cut
 */
export function polarAnnulus(
  s: WindSeries,
  times: ArrayLike<number>,
  utcOffsetMinutes: number,
  opts: {
    period?: AnnulusPeriod;
    wdBin?: number;
    wdSigma?: number;
    periodSigma?: number;
    calm?: number;
  } & TypeOption = {},
): AnnulusResult {
  const n = checkSeries(s, "polarAnnulus");
  if (times.length !== n) throw new RangeError(`polarAnnulus: ${times.length} times for ${n} values`);
  const byType = typedLevels(
    opts,
    { times, utcOffsetMinutes, columns: { value: s.values, wd: s.wd, ws: s.ws } },
    (sub) =>
      polarAnnulus(
        { values: sub.pick(s.values), wd: sub.pick(s.wd), ws: sub.pick(s.ws) },
        sub.pick(times),
        utcOffsetMinutes,
        {
          ...opts,
          type: undefined,
        },
      ),
  );
  const period = opts.period ?? "hour";
  if (!(period in PERIODS))
    throw new RangeError(`polarAnnulus: unknown period "${period}" (hour, weekday, month, season)`);
  const np = PERIODS[period];
  const wdBin = opts.wdBin ?? 10;
  if (!(wdBin > 0 && 360 % wdBin === 0)) throw new RangeError(`wdBin must divide 360, got ${wdBin}`);
  const nw = 360 / wdBin;
  const sw = opts.wdSigma ?? 15,
    sp = opts.periodSigma ?? 1,
    calm = opts.calm ?? 0;
  const base = period === "month" ? 1 : 0;
  const cnt = new Float64Array(nw * np),
    sum = new Float64Array(nw * np);
  for (let i = 0; i < n; i++) {
    const c = s.values[i],
      d = s.wd[i],
      w = s.ws[i];
    if (!Number.isFinite(c) || !Number.isFinite(d) || !Number.isFinite(w) || w < calm || !Number.isFinite(times[i]))
      continue;
    const a = Math.round((((d % 360) + 360) % 360) / wdBin) % nw;
    const p = periodIndex(times[i], utcOffsetMinutes, period) - base;
    cnt[a * np + p]++;
    sum[a * np + p] += c;
  }
  const kw = (da: number) => {
    const x = Math.min(da, nw - da) * wdBin;
    return sw > 0 ? Math.exp(-(x * x) / (2 * sw * sw)) : da === 0 ? 1 : 0;
  };
  const kp = (dp: number) => {
    const x = Math.min(dp, np - dp);
    return sp > 0 ? Math.exp(-(x * x) / (2 * sp * sp)) : dp === 0 ? 1 : 0;
  };
  const cells: AnnulusCell[] = [];
  for (let a = 0; a < nw; a++)
    for (let p = 0; p < np; p++) {
      let num = 0,
        den = 0;
      for (let b = 0; b < nw; b++) {
        const w1 = kw(Math.abs(a - b));
        if (w1 < 1e-6) continue;
        for (let q = 0; q < np; q++) {
          const k = b * np + q;
          if (cnt[k] === 0) continue;
          const w = w1 * kp(Math.abs(p - q));
          num += w * sum[k];
          den += w * cnt[k];
        }
      }
      const k = a * np + p;
      cells.push({
        wd: a * wdBin,
        period: p + base,
        n: cnt[k],
        mean: cnt[k] > 0 ? sum[k] / cnt[k] : NaN,
        z: den > 1e-12 ? num / den : NaN,
      });
    }
  return byType ? { period, cells, byType } : { period, cells };
}

/** Result of {@link polarAnnulus}. */
export interface AnnulusResult {
  period: AnnulusPeriod;
  cells: AnnulusCell[];
  /** With `type`: the annulus of each level. */
  byType?: ByTypeResult<AnnulusResult>;
}
