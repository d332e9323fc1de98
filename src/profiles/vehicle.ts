import { Rng } from "../random/rng";
import type { BootstrapResult } from "../sourceapport/bootstrap";
import type { PmfResult } from "../sourceapport/types";
import { quantileType7 } from "../stats/quantile";
import { speciesMatchKey } from "./species";
import { provenance, type Provenance } from "../provenance";

/** Vehicle contribution in one group of days. */
export interface VehicleContributionRow {
  /** "all", a season ("DJF", "MAM", "JJA", "SON") or "weekday"/"weekend". */
  group: string;
  days: number;
  /** Mean traffic contribution to the total variable, µg/m3 (the input's unit), with its 95 % interval. */
  traffic: number;
  trafficLow: number;
  trafficHigh: number;
  /** Traffic share of primary PM (sum of non-secondary factors), %, with its interval. */
  primaryShare: number;
  primaryShareLow: number;
  primaryShareHigh: number;
  /** Traffic share of all modelled PM, %. */
  totalShare: number;
}

/** Options of {@link vehicleContribution}. */
export interface VehicleContributionOptions {
  /** 0-based indices of the traffic-related factors (e.g. from the naming table). */
  traffic: number[];
  /** 0-based indices of secondary factors (excluded from primary PM). */
  secondary: number[];
  /** UTC instants (ms) of the samples (default result.input.times) and the site offset (default input's). */
  times?: ArrayLike<number>;
  utcOffsetMinutes?: number;
  /** Bootstrap results whose profiles carry the profile (rotational/resampling) uncertainty into the interval. */
  bootstrap?: BootstrapResult;
  /** Resamples (default 1000) and seed of the day resampling. */
  resamples?: number;
  seed: number;
  /** Total-mass species (default the input's total variable). */
  total?: string;
}

/**
 * Vehicle (traffic) contribution to primary PM2.5 with a bootstrap interval, for all days, per
 * season (DJF/MAM/JJA/SON, local dates) and for weekdays vs weekends (local day of week).
 *
 * Contribution of factor k on day i: c_ik = G_ik·F_k,total (µg/m3). Traffic = Σ_{k∈traffic} c_ik;
 * primary = Σ_{k∉secondary} c_ik. Interval: B resamples (seeded Rng); each draws the group's
 * days with replacement and, when bootstrap results are given, takes the factor masses F_k,total
 * of BS run (b mod runs) — the BS factor mapped to k with the highest r, or the base value when k
 * was not reproduced in that run — so both sampling and profile uncertainty enter. The 2.5 and
 * 97.5 % type-7 percentiles are reported (percentile bootstrap, Efron & Tibshirani 1993).
 *
 * The returned array carries a non-enumerable `provenance` (library version, options, seed): it
 * does not appear in JSON or in the rows, `rows.provenance` reads it.
 * @throws {RangeError} when the result has no time per sample and none are given, or the factor index is out of range
 */
export function vehicleContribution(
  result: PmfResult,
  opts: VehicleContributionOptions,
): VehicleContributionRow[] & { readonly provenance?: Provenance } {
  const { n, m, species } = result.input;
  const p = result.p;
  const totalName = opts.total ?? result.input.total;
  const t = totalName === undefined ? -1 : species.findIndex((s) => speciesMatchKey(s) === speciesMatchKey(totalName));
  const mass = (F: Float64Array, k: number) =>
    t >= 0 ? F[k * m + t] : Array.from(F.subarray(k * m, (k + 1) * m)).reduce((a, b) => a + b, 0);
  const baseMass = Array.from({ length: p }, (_, k) => mass(result.F, k));
  const times = opts.times ?? result.input.times;
  if (!times || times.length !== n)
    throw new RangeError(`vehicleContribution: need one time per sample (${n}); give opts.times`);
  const off = opts.utcOffsetMinutes ?? result.input.utcOffsetMinutes ?? 0;
  for (const k of [...opts.traffic, ...opts.secondary])
    if (!(k >= 0 && k < p)) throw new RangeError(`vehicleContribution: factor index ${k} is not in 0..${p - 1}`);
  // BS factor masses per run (converged runs only)
  const bsMasses: number[][] = [];
  for (const run of opts.bootstrap?.runs ?? []) {
    if (!run.converged) continue;
    bsMasses.push(
      Array.from({ length: p }, (_, k) => {
        let best = -1;
        run.mapping.forEach((b, l) => {
          if (b === k && (best < 0 || run.correlations[l][k] > run.correlations[best][k])) best = l;
        });
        return best < 0 ? baseMass[k] : mass(run.F, best);
      }),
    );
  }
  const local = Array.from(times, (ms) => new Date(ms + off * 60000));
  const season = (d: Date) =>
    ["DJF", "DJF", "MAM", "MAM", "MAM", "JJA", "JJA", "JJA", "SON", "SON", "SON", "DJF"][d.getUTCMonth()];
  const groups: [string, number[]][] = [["all", local.map((_, i) => i)]];
  for (const s of ["DJF", "MAM", "JJA", "SON"]) groups.push([s, local.flatMap((d, i) => (season(d) === s ? [i] : []))]);
  groups.push(["weekday", local.flatMap((d, i) => (d.getUTCDay() % 6 !== 0 ? [i] : []))]);
  groups.push(["weekend", local.flatMap((d, i) => (d.getUTCDay() % 6 === 0 ? [i] : []))]);
  const B = opts.resamples ?? 1000;
  const rng = new Rng(opts.seed);
  const sums = (rows: ArrayLike<number>, M: number[]) => {
    let tr = 0,
      pr = 0,
      tot = 0;
    for (let q = 0; q < rows.length; q++) {
      const i = rows[q];
      for (let k = 0; k < p; k++) {
        const c = result.G[i * p + k] * M[k];
        tot += c;
        if (opts.traffic.includes(k)) tr += c;
        if (!opts.secondary.includes(k)) pr += c;
      }
    }
    return { tr: tr / rows.length, pr: pr / rows.length, tot: tot / rows.length };
  };
  const rows = groups
    .filter(([, idx]) => idx.length > 0)
    .map(([group, idx]) => {
      const base = sums(idx, baseMass);
      const trB = new Float64Array(B),
        shB = new Float64Array(B);
      const draw = new Int32Array(idx.length);
      for (let b = 0; b < B; b++) {
        for (let q = 0; q < idx.length; q++) draw[q] = idx[rng.int(idx.length)];
        const s = sums(draw, bsMasses.length > 0 ? bsMasses[b % bsMasses.length] : baseMass);
        trB[b] = s.tr;
        shB[b] = (100 * s.tr) / s.pr;
      }
      return {
        group,
        days: idx.length,
        traffic: base.tr,
        trafficLow: quantileType7(trB, 0.025),
        trafficHigh: quantileType7(trB, 0.975),
        primaryShare: (100 * base.tr) / base.pr,
        primaryShareLow: quantileType7(shB, 0.025),
        primaryShareHigh: quantileType7(shB, 0.975),
        totalShare: (100 * base.tr) / base.tot,
      };
    });
  const prov = provenance(
    {
      traffic: opts.traffic,
      secondary: opts.secondary,
      utcOffsetMinutes: off,
      resamples: B,
      total: totalName ?? null,
      bootstrap:
        opts.bootstrap?.provenance?.options ??
        (opts.bootstrap ? { runs: opts.bootstrap.runs.length, seed: opts.bootstrap.seed } : null),
      base: result.provenance?.options ?? null,
    },
    opts.seed,
    { routine: "vehicleContribution" },
  );
  Object.defineProperty(rows, "provenance", { value: prov, enumerable: false });
  return rows as VehicleContributionRow[] & { readonly provenance?: Provenance };
}
