import {
  checkSectors,
  checkSeries,
  DEFAULT_CALM_MS,
  percentileOf,
  sectorCentres,
  sectorIndex,
  type WindSeries,
} from "./wind";
import { typedLevels, type ByTypeResult, type TypeOption } from "./bytype";

/** One direction sector of {@link cpf}. */
export interface CpfRow {
  /** Sector centre, degrees from north. */
  wd: number;
  /** Records in the sector (non-calm, finite value and wind). */
  n: number;
  /** Of those, records meeting the threshold condition. */
  m: number;
  /** m/n (NaN when n = 0). */
  cpf: number;
}

/** Options of {@link cpf} and {@link cbpf}. */
export interface CpfOptions {
  /** Percentile threshold P (0–100, default 75): a record counts when C > P-th percentile. */
  percentile?: number;
  /** A band instead of one threshold: counts P1 ≤ C ≤ P2 (percentiles, 0–100). Overrides `percentile`. */
  band?: [number, number];
  /** Records with ws < calm (m/s, default 0.5) are excluded from the sectors (not from the percentile). */
  calm?: number;
}

function thresholds(values: ArrayLike<number>, o: CpfOptions): { lo: number; hi: number; inclusive: boolean } {
  if (o.band) {
    const [a, b] = o.band;
    if (!(a < b)) throw new RangeError(`band percentiles must be increasing, got ${a}, ${b}`);
    return { lo: percentileOf(values, a), hi: percentileOf(values, b), inclusive: true };
  }
  return { lo: percentileOf(values, o.percentile ?? 75), hi: Infinity, inclusive: false };
}

const hit = (c: number, t: { lo: number; hi: number; inclusive: boolean }) =>
  t.inclusive ? c >= t.lo && c <= t.hi : c > t.lo;

/**
 * Conditional probability function per direction sector (Ashbaugh et al. 1985, Atmos. Environ.
 * 19:1263): CPF_θ = m_θ / n_θ, with n_θ the records whose wind came from sector θ and m_θ those
 * among them with C above the P-th percentile of all finite values (C > P). Calm records
 * (ws < `calm`) are left out of every sector, as in Ashbaugh's method; the percentile uses all
 * finite values. With `band` the condition is P1 ≤ C ≤ P2 (Uria-Tellaetxe & Carslaw 2014).
 *
 * With `type` ({@link TypeOption}) `byType` holds the CPF of each level, its threshold the
 * percentile of that level's values (as openair computes it per panel).
 *
 * @param s values (any unit), wd (degrees), ws (m/s)
 * @param opts `sectors` (default 16) plus {@link CpfOptions} and `type`/`typeData`/`typeOptions`
 * @returns the threshold(s) used (value units) and one row per sector
 * @throws {RangeError} for unequal lengths, a negative wind speed, bad sectors or percentiles, or a `type` that cannot be cut
 */
export function cpf(s: WindSeries, opts: CpfOptions & { sectors?: number } & TypeOption = {}): CpfResult {
  const n = checkSeries(s, "cpf");
  const byType = typedLevels(opts, { columns: { value: s.values, wd: s.wd, ws: s.ws } }, (sub) =>
    cpf({ values: sub.pick(s.values), wd: sub.pick(s.wd), ws: sub.pick(s.ws) }, { ...opts, type: undefined }),
  );
  const sectors = opts.sectors ?? 16;
  checkSectors(sectors);
  const calm = opts.calm ?? DEFAULT_CALM_MS;
  const t = thresholds(s.values, opts);
  const nn = new Float64Array(sectors),
    mm = new Float64Array(sectors);
  for (let i = 0; i < n; i++) {
    const c = s.values[i],
      d = s.wd[i],
      w = s.ws[i];
    if (!Number.isFinite(c) || !Number.isFinite(d) || !Number.isFinite(w) || w < calm) continue;
    const k = sectorIndex(d, sectors);
    nn[k]++;
    if (hit(c, t)) mm[k]++;
  }
  const rows = sectorCentres(sectors).map((wd, k) => ({
    wd,
    n: nn[k],
    m: mm[k],
    cpf: nn[k] > 0 ? mm[k] / nn[k] : NaN,
  }));
  return { threshold: t.lo, ...(opts.band ? { upper: t.hi } : {}), rows, ...(byType ? { byType } : {}) };
}

/** Result of {@link cpf}. */
export interface CpfResult {
  /** The threshold (value units): the P-th percentile, or the band's lower percentile. */
  threshold: number;
  /** The band's upper percentile (with `band`). */
  upper?: number;
  rows: CpfRow[];
  /** With `type`: the CPF of each level. */
  byType?: ByTypeResult<CpfResult>;
}

/** Result of {@link cbpf}. */
export interface CbpfResult {
  /** The threshold (value units): the P-th percentile, or the band's lower percentile. */
  threshold: number;
  /** The band's upper percentile (with `band`). */
  upper?: number;
  /** The wind-speed breaks used, m/s. */
  wsBreaks: number[];
  rows: CbpfRow[];
  /** With `type`: the CBPF of each level. */
  byType?: ByTypeResult<CbpfResult>;
}

/** One direction × wind-speed bin of {@link cbpf}. */
export interface CbpfRow extends CpfRow {
  /** Wind-speed bin [wsLo, wsHi), m/s. */
  wsLo: number;
  wsHi: number;
}

/**
 * Conditional bivariate probability function (Uria-Tellaetxe & Carslaw 2014, Environ. Model.
 * Softw. 59:1): CBPF per direction sector × wind-speed bin = m/n, with n the records in the bin
 * and m those with C > P-th percentile (or, with `band`, P1 ≤ C ≤ P2). Calm records
 * (ws < `calm`) are excluded from the bins; the percentiles use all finite values. Speeds at or
 * above the last break fall in the last bin.
 *
 * @param s values, wd (degrees), ws (m/s)
 * With `type` ({@link TypeOption}) `byType` holds the CBPF of each level (threshold per level, as
 * openair; the wind-speed breaks of the whole series in every panel).
 *
 * @param opts `sectors` (default 16), `wsBreaks` (m/s, increasing; default 0, 1, …, up to the
 *   maximum speed), {@link CpfOptions} and `type`/`typeData`/`typeOptions`
 * @throws {RangeError} when wsBreaks has fewer than 2 values or does not increase, or a `type` cannot be cut
 */
export function cbpf(
  s: WindSeries,
  opts: CpfOptions & { sectors?: number; wsBreaks?: number[] } & TypeOption = {},
): CbpfResult {
  const n = checkSeries(s, "cbpf");
  const sectors = opts.sectors ?? 16;
  checkSectors(sectors);
  const calm = opts.calm ?? DEFAULT_CALM_MS;
  let maxWs = 0;
  for (let i = 0; i < n; i++) if (Number.isFinite(s.ws[i]) && s.ws[i] > maxWs) maxWs = s.ws[i];
  const breaks = opts.wsBreaks ?? Array.from({ length: Math.max(2, Math.ceil(maxWs) + 1) }, (_, k) => k);
  for (let k = 1; k < breaks.length; k++)
    if (!(breaks[k] > breaks[k - 1])) throw new RangeError(`wsBreaks must increase, got ${breaks.join(", ")}`);
  if (breaks.length < 2) throw new RangeError("wsBreaks needs at least 2 values");
  const nb = breaks.length - 1;
  const t = thresholds(s.values, opts);
  const nn = new Float64Array(sectors * nb),
    mm = new Float64Array(sectors * nb);
  for (let i = 0; i < n; i++) {
    const c = s.values[i],
      d = s.wd[i],
      w = s.ws[i];
    if (!Number.isFinite(c) || !Number.isFinite(d) || !Number.isFinite(w) || w < calm || w < breaks[0]) continue;
    let b = nb - 1;
    for (let k = 0; k < nb; k++)
      if (w < breaks[k + 1]) {
        b = k;
        break;
      }
    const idx = sectorIndex(d, sectors) * nb + b;
    nn[idx]++;
    if (hit(c, t)) mm[idx]++;
  }
  const centres = sectorCentres(sectors);
  const rows: CbpfRow[] = [];
  for (let k = 0; k < sectors; k++)
    for (let b = 0; b < nb; b++) {
      const i = k * nb + b;
      rows.push({
        wd: centres[k],
        wsLo: breaks[b],
        wsHi: breaks[b + 1],
        n: nn[i],
        m: mm[i],
        cpf: nn[i] > 0 ? mm[i] / nn[i] : NaN,
      });
    }
  const byType = typedLevels(opts, { columns: { value: s.values, wd: s.wd, ws: s.ws } }, (sub) =>
    cbpf(
      { values: sub.pick(s.values), wd: sub.pick(s.wd), ws: sub.pick(s.ws) },
      { ...opts, wsBreaks: breaks, type: undefined },
    ),
  );
  return {
    threshold: t.lo,
    ...(opts.band ? { upper: t.hi } : {}),
    wsBreaks: breaks.slice(),
    rows,
    ...(byType ? { byType } : {}),
  };
}
