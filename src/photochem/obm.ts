/**
 * The observation-based box model (OBM, issue #22 item 4): a compiled mechanism constrained hour by
 * hour by observed mixing ratios and meteorology, run after spin-up days, with radicals, the ozone
 * budget and relative incremental reactivities.
 * @packageDocumentation
 */
import { airNumberDensity } from "./air";
import type { CompiledMechanism } from "./compile";
import type { CsqyData } from "./csqy";
import { integrate } from "./integrate";
import { compileKinetics, type CompiledKinetics } from "./kinetics";
import { photolysisAt, type PerInstant, type PhotolysisSite } from "./photolysis";
import type { KineticReaction, KineticSystem, RateEnvironment } from "./system";
import { waterNumberDensity } from "./water";
import { ozoneBudgetTerms, type OzoneBudgetTerms } from "./budget";

/** Hourly observations for {@link runObm}. */
export interface ObmObservations {
  /** Start of each observation interval (UTC ms), equally spaced (normally hourly). */
  timesUtc: ArrayLike<number>;
  /** Observed mixing ratios (ppb) by mechanism species name, one per instant (NaN not allowed). */
  ppb: Readonly<Record<string, ArrayLike<number>>>;
  /** Air temperature (K), one value or one per instant. */
  temperatureK: PerInstant;
  /** Relative humidity (%, over liquid water), one value or one per instant. */
  rhPercent: PerInstant;
  /** Air pressure (Pa), one value or one per instant (default 101 325). */
  pressurePa?: PerInstant;
  /** Measured J(NO2) (s⁻¹), one per instant (NaN = not measured): scales the clear-sky J values (see `photolysisAt`). */
  jNO2?: ArrayLike<number>;
}

/** Options of {@link runObm}. */
export interface ObmOptions {
  /** The site (for the solar zenith angle of the clear-sky photolysis). */
  site: PhotolysisSite;
  /**
   * Photolysis: `{ csqy }` computes clear-sky J at the middle of each interval (`photolysisAt`, scaled to
   * `obs.jNO2` when given); `{ j }` gives J (s⁻¹) by photolysis-table name, one per instant.
   */
  photolysis: { csqy: CsqyData } | { j: Readonly<Record<string, ArrayLike<number>>> };
  /**
   * Spin-up days (default 3): the first 24 h of the observations (all of them if shorter) are run this
   * many times before the run, as F0AM's `InputReplicate(Met, InitConc, BkgdConc, nRep)` does
   * ("Useful if, for example, you want to model the same day multiple times (e.g. with the first several
   * days as a 'spin-up')", F0AM `Tools/InputReplicate.m`, github.com/AirChem/F0AM commit 1d69b05; its
   * `ExampleSetup_DielCycle.m` uses `nRep = 3`).
   */
  spinUpDays?: number;
  /**
   * First-order dilution constant (s⁻¹) towards `backgroundPpb`, applied to every species not held:
   * dX/dt = −k_dil (X − X_bg) (F0AM `dydt_eval.m`: `dilrate = -kdil.*(conc - conc_bkgd)`). Default
   * 1/86 400 s⁻¹: F0AM's examples, "kdil is a physical loss constant for all species; 1 per day is a
   * typical value" (`ExampleSetup_DielCycle.m`).
   */
  dilutionPerSec?: number;
  /**
   * Background mixing ratios (ppb) for dilution and entrainment; default 0 for every species (F0AM's diel
   * example `BkgdConc = {'DEFAULT' 0}`) except a free, observed O3, whose background is its observation of
   * the interval (F0AM's `ExampleSetup_EKMA.m`: "Ozone background is set to its measured value",
   * `'O3' D.O3_ppbv`). A value here replaces that default.
   */
  backgroundPpb?: Readonly<Record<string, number>>;
  /**
   * First-order deposition constants (s⁻¹) by species; replace, for the species named, the
   * `depositionVelocityCmPerSec` / `boundaryLayerHeightM` constant.
   */
  depositionPerSec?: Readonly<Record<string, number>>;
  /**
   * Dry-deposition velocities (cm s⁻¹) by species, turned into first-order losses k = v_d / (100 · BLH)
   * (F0AM `Chem/Deposition/ExampleDepositionRxn.m`: `k(:,i) = vd./(BLH*100); %/s`). Default
   * `{ O3: 1 }`: F0AM's example value for O3 ("vd = 1; % deposition velocity, cm/s. Typical happy forest
   * value"); no other species by default (pass measured or modelled velocities, e.g. from a
   * resistance scheme such as Wesely 1989 or Zhang et al. 2003, ACP 3, 2067, for HNO3, H2O2, NO2, …).
   * `{}` turns deposition off. Held species are not deposited.
   */
  depositionVelocityCmPerSec?: Readonly<Record<string, number>>;
  /**
   * Boundary-layer (mixing) height (m above ground), one value or one per instant (default 1000 m,
   * F0AM v4.4 `Core/InitializeMet.m`: `'BLH' 0 1000; % boundary layer depth, m`). It sets the
   * deposition constants and, where it grows from one instant to the next, an entrainment dilution:
   * with the height H_i at instant i, interval i mixes every species not held towards its background at
   * k_ent = ln(H_i+1 / H_i) / Δt (the mass balance of a growing mixed layer, d(HC)/dt = C_bg·dH/dt, whose
   * solution over the interval is C − C_bg ∝ H_i/H); a shrinking layer leaves the concentrations unchanged.
   */
  boundaryLayerHeightM?: PerInstant;
  /**
   * Observed species that are not held but only initialise the run (at the first spin-up hour) and then
   * evolve. Default `["O3"]`: as in F0AM's diel example (`'O3' SOAS.O3 0`, HoldMe = 0), so that ozone is
   * produced by the chemistry and its budget is diagnostic.
   */
  free?: readonly string[];
  /**
   * NOx: `"family"` (default) resets NO + NO2 at the start of every interval to the observed total,
   * keeping the model's NO/NO2 partition (F0AM's `FixNOx`: "forces total NOx to be reset to constrained
   * values at the beginning of every step"); `"hold"` holds NO and NO2 at their observations. With only
   * one of NO, NO2 observed, the family total is that observation.
   */
  nox?: "family" | "hold";
  /** Relative tolerance of the integrator (default 1e-3). */
  rtol?: number;
  /** Absolute tolerance (molecules cm⁻³, default 1e2). */
  atol?: number;
}

/** Ozone budget per output instant (ppb h⁻¹). */
export interface ObmBudget {
  /** The reactions of each term (see `ozoneBudgetTerms`). */
  terms: OzoneBudgetTerms;
  /** Production terms (ppb h⁻¹) per output instant. */
  production: Record<"HO2+NO" | "RO2+NO", Float64Array>;
  /** Loss terms (ppb h⁻¹) per output instant. */
  loss: Record<"OH+NO2" | "O1D+H2O" | "O3+OH" | "O3+HO2" | "O3+VOC", Float64Array>;
  /** P(O3) = HO2+NO + RO2+NO (ppb h⁻¹). */
  P: Float64Array;
  /** L(O3) = the sum of the loss terms (ppb h⁻¹). */
  L: Float64Array;
  /** Net P(O3) = P − L (ppb h⁻¹). */
  net: Float64Array;
}

/** Result of {@link runObm}. */
export interface ObmResult {
  /** End of each observation interval (UTC ms): the instants of the outputs. */
  timesUtc: number[];
  /** The mechanism's variable species. */
  species: readonly string[];
  /** Mixing ratios (ppb) of every species at each output. */
  ppb: Record<string, Float64Array>;
  /** OH, HO2 and RO2 (Σ of the peroxy radicals of `budget.terms.peroxyRadicals`) in molecules cm⁻³. */
  radicals: { OH: Float64Array; HO2: Float64Array; RO2: Float64Array };
  /** Rates of every reaction (molecules cm⁻³ s⁻¹) at each output, with that interval's rate constants. */
  rates: Float64Array[];
  /** The ozone budget. */
  budget: ObmBudget;
  /** Which species were held, reset as a NOx family, free-initialised, and diluted. */
  constraints: { held: string[]; noxFamily: string[]; initialisedOnly: string[] };
  /** Daytime flags per output: J of the NO2 table > 0 during the interval. */
  daytime: boolean[];
  /** Settings that determine the numbers. */
  method: {
    spinUpDays: number;
    dilutionPerSec: number;
    water: string;
    photolysis: string;
    /** Deposition velocities used (cm s⁻¹) and first-order constants given directly (s⁻¹). */
    deposition: { velocityCmPerSec: Record<string, number>; perSec: Record<string, number> };
    /** Boundary-layer height (m) per instant. */
    boundaryLayerHeightM: number[];
  };
}

function perInstant(v: PerInstant | undefined, n: number, name: string, dflt?: number): (i: number) => number {
  if (v === undefined) {
    if (dflt === undefined) throw new RangeError(`runObm: ${name} is required`);
    return () => dflt;
  }
  if (typeof v === "number") return () => v;
  if (v.length !== n) throw new RangeError(`runObm: ${name} has ${v.length} values for ${n} instants`);
  return (i) => v[i];
}

/**
 * Default dry-deposition velocities of {@link runObm} (cm s⁻¹): O3 1 cm s⁻¹, F0AM v4.4
 * `Chem/Deposition/ExampleDepositionRxn.m` ("vd = 1; % deposition velocity, cm/s. Typical happy forest
 * value"; github.com/AirChem/F0AM commit 1d69b05).
 */
export const DEFAULT_DEPOSITION_VELOCITY_CM_PER_S: Readonly<Record<string, number>> = { O3: 1 };

/** Default boundary-layer height of {@link runObm} (m): F0AM v4.4 `Core/InitializeMet.m`, `'BLH' 0 1000`. */
const DEFAULT_BLH_M = 1000;

/** Photolysis-table names of a mechanism that stand for J(NO2) (for the daytime flag). */
const NO2_TABLES = ["NO2_IUPAC10", "NO2", "NO2_SAPRC99", "NO2_06", "NO2_RACM2"];

/**
 * Run the observation-based box model: the compiled mechanism integrated interval by interval over the
 * observations, after `spinUpDays` repetitions of the first day.
 *
 * In each interval [t_i, t_i+1): the rate constants are those of observation i (T, P, [M] = p/(k_B T),
 * O2 = 0.2095 [M], N2 = 0.7808 [M] (CMAQ's CONSTANTS), H2O from RH by Buck (1981), `waterNumberDensity`;
 * J at the middle of the interval); observed species other than `free` and NO/NO2 are held at observation i
 * (the integrator's `constrain` hook, `hold`); NO + NO2 are reset to the observed total at t_i (`nox`);
 * free species carry over (F0AM's `LinkSteps = 1`) and are diluted (`dilutionPerSec`), entrained when the
 * boundary layer grows (`boundaryLayerHeightM`) and deposited (`depositionVelocityCmPerSec`).
 *
 * Defaults for ozone (why): O3 is free (F0AM's examples free it: "holding this causes artificially high
 * P(O3)", `ExampleSetup_EKMA.m`), so something must remove what the chemistry makes. With only 1/day
 * dilution to a zero background, a CB6r5 Xi'an-like summer day reaches ~290 ppb after 3 spin-up days
 * (`test/validate/obm-cb6r5.test.ts`). The defaults are therefore F0AM's own: O3 deposition
 * v_d = 1 cm s⁻¹ over its default 1000 m layer, and dilution of a free observed O3 towards its
 * observation (F0AM's EKMA example) — ~240 ppb on that day. Deposition cannot do more at a fixed 1000 m
 * layer; what brings the peak into the observed 100–200 ppb is the exchange with the air above when the
 * mixing layer grows: pass an hourly `boundaryLayerHeightM` (a reanalysis or ceilometer mixing height;
 * ~190 ppb with 300 m at night, 2000 m in the afternoon). To hold O3 at its observation instead, pass
 * `free: []`.
 * Outputs are the state at t_i+1 with rates from interval i's rate constants. Species start at 0 except the
 * observed ones. Concentrations carry over in molecules cm⁻³.
 * @param compiled - from `compileMechanism`
 * @param obs - hourly observations (mechanism species names; VOC → lumped-species mapping is the caller's)
 * @param opts - site, photolysis, spin-up, dilution, deposition, which species are free, tolerances
 * @returns mixing ratios, radicals, reaction rates and the ozone budget per interval
 * @throws RangeError when an observed species is not a variable species of the mechanism, a series has the
 *   wrong length or a negative/non-finite value, the times are not equally spaced and increasing, an option
 *   is out of range, or a photolysis frequency the mechanism needs is missing
 * @throws Error when the integration fails (see `integrate`)
 */
export function runObm(compiled: CompiledMechanism, obs: ObmObservations, opts: ObmOptions): ObmResult {
  const n = obs.timesUtc.length;
  if (n < 1) throw new RangeError("runObm: no observation instants");
  const times = Array.from(obs.timesUtc);
  const dt = n > 1 ? (times[1] - times[0]) / 1000 : 3600;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(times[i])) throw new RangeError(`runObm: timesUtc[${i}] is not finite`);
    if (i > 0 && Math.abs((times[i] - times[i - 1]) / 1000 - dt) > 1e-6)
      throw new RangeError(`runObm: timesUtc must be equally spaced; interval ${i} is not ${dt} s`);
  }
  if (!(dt > 0)) throw new RangeError(`runObm: timesUtc must increase`);
  const species = compiled.system.species;
  const index = new Map(species.map((s, i) => [s, i]));
  for (const [name, s] of Object.entries(obs.ppb)) {
    if (!index.has(name)) throw new RangeError(`runObm: observed ${name} is not a variable species of the mechanism`);
    if (s.length !== n) throw new RangeError(`runObm: ppb.${name} has ${s.length} values for ${n} instants`);
    for (let i = 0; i < n; i++)
      if (!(s[i] >= 0) || !Number.isFinite(s[i]))
        throw new RangeError(`runObm: ppb.${name}[${i}] must be ≥ 0 ppb, got ${s[i]}`);
  }
  const spinUpDays = opts.spinUpDays ?? 3;
  if (!Number.isInteger(spinUpDays) || spinUpDays < 0)
    throw new RangeError(`runObm: spinUpDays must be a non-negative integer, got ${spinUpDays}`);
  const kdil = opts.dilutionPerSec ?? 1 / 86400;
  if (!(kdil >= 0) || !Number.isFinite(kdil)) throw new RangeError(`runObm: dilutionPerSec must be ≥ 0, got ${kdil}`);
  const free = new Set(opts.free ?? ["O3"]);
  const noxMode = opts.nox ?? "family";
  if (noxMode !== "family" && noxMode !== "hold") throw new RangeError(`runObm: nox must be "family" or "hold"`);
  const observed = Object.keys(obs.ppb);
  const noxFamily = noxMode === "family" ? observed.filter((s) => (s === "NO" || s === "NO2") && !free.has(s)) : [];
  const held = observed.filter((s) => !free.has(s) && !noxFamily.includes(s));
  const initialisedOnly = observed.filter((s) => free.has(s));
  const heldSet = new Set(held);

  // meteorology and rate environments
  const T = perInstant(obs.temperatureK, n, "temperatureK");
  const RH = perInstant(obs.rhPercent, n, "rhPercent");
  const P = perInstant(obs.pressurePa, n, "pressurePa", 101325);
  let J: Record<string, ArrayLike<number>>;
  let photolysisMethod: string;
  if ("csqy" in opts.photolysis) {
    const mid = times.map((t) => t + (dt * 1000) / 2);
    const ph = photolysisAt(opts.site, mid, {
      csqy: opts.photolysis.csqy,
      temperatureK: Float64Array.from({ length: n }, (_, i) => T(i)),
      pressurePa: Float64Array.from({ length: n }, (_, i) => P(i)),
      ...(obs.jNO2 ? { measuredJNO2: obs.jNO2 } : {}),
    });
    J = ph.j;
    photolysisMethod = `${ph.method.radiativeTransfer}; at the middle of each interval${obs.jNO2 ? "; scaled to measured J(NO2)" : ""}`;
  } else {
    J = { ...opts.photolysis.j };
    for (const [name, s] of Object.entries(J))
      if (s.length !== n) throw new RangeError(`runObm: photolysis j.${name} has ${s.length} values for ${n} instants`);
    photolysisMethod = "user J series";
  }
  const envs: RateEnvironment[] = [];
  for (let i = 0; i < n; i++) {
    const t = T(i),
      p = P(i);
    const M = airNumberDensity(p, t);
    const photolysis: Record<string, number> = {};
    for (const name of compiled.photolysisNames) {
      const s = J[name];
      if (s === undefined) throw new RangeError(`runObm: no photolysis frequency ${name}`);
      photolysis[name] = s[i];
    }
    envs.push({
      temperatureK: t,
      pressurePa: p,
      M,
      O2: 0.2095 * M,
      N2: 0.7808 * M,
      H2O: waterNumberDensity(RH(i), t, p),
      photolysis,
    });
  }
  const no2Name = compiled.photolysisNames.find((s) => NO2_TABLES.includes(s));

  // the system with dilution, entrainment and deposition: X → (k_dil + k_ent + k_dep), → X ((k_dil + k_ent)·X_bg)
  const base = compiled.system;
  const R0 = base.reactions.length;
  const extra: KineticReaction[] = [];
  const dep = opts.depositionPerSec ?? {};
  for (const [name, v] of Object.entries(dep)) {
    if (!index.has(name)) throw new RangeError(`runObm: deposition of ${name}: not a variable species`);
    if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`runObm: deposition of ${name} must be ≥ 0 s⁻¹`);
  }
  // the defaults apply to the mechanism's species that have them; a caller's table is checked
  const vd =
    opts.depositionVelocityCmPerSec ??
    Object.fromEntries(Object.entries(DEFAULT_DEPOSITION_VELOCITY_CM_PER_S).filter(([s]) => index.has(s)));
  for (const [name, v] of Object.entries(vd)) {
    if (!index.has(name)) throw new RangeError(`runObm: deposition velocity of ${name}: not a variable species`);
    if (!(v >= 0) || !Number.isFinite(v))
      throw new RangeError(`runObm: deposition velocity of ${name} must be ≥ 0 cm s⁻¹, got ${v}`);
  }
  const blhOf = perInstant(opts.boundaryLayerHeightM, n, "boundaryLayerHeightM", DEFAULT_BLH_M);
  const blh = Array.from({ length: n }, (_, i) => blhOf(i));
  for (let i = 0; i < n; i++)
    if (!(blh[i] > 0) || !Number.isFinite(blh[i]))
      throw new RangeError(`runObm: boundaryLayerHeightM[${i}] must be > 0 m, got ${blh[i]}`);
  // entrainment of interval i (s⁻¹): ln(H_i+1/H_i)/Δt where the layer grows; the last interval repeats its height
  const kEnt = blh.map((h, i) => (i + 1 < n && blh[i + 1] > h ? Math.log(blh[i + 1] / h) / dt : 0));
  const bg = opts.backgroundPpb ?? {};
  for (const [name, v] of Object.entries(bg)) {
    if (!index.has(name)) throw new RangeError(`runObm: background of ${name}: not a variable species`);
    if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`runObm: background of ${name} must be ≥ 0 ppb`);
  }
  /** Background (ppb) of species s in interval i: the option, else a free observed O3's observation, else 0. */
  const bgOf = (s: string, i: number): number =>
    bg[s] ?? (s === "O3" && free.has("O3") && obs.ppb.O3 !== undefined ? obs.ppb.O3[i] : 0);
  const losses: { i: number; k: (q: number) => number }[] = [];
  const sources: { i: number; ppb: (q: number) => number }[] = [];
  const anyEnt = kEnt.some((v) => v > 0);
  species.forEach((s, j) => {
    if (heldSet.has(s)) return;
    const kd =
      dep[s] !== undefined ? () => dep[s] : vd[s] !== undefined ? (q: number) => vd[s] / (100 * blh[q]) : undefined;
    const mixes = kdil > 0 || anyEnt;
    if (mixes || kd !== undefined) losses.push({ i: j, k: (q) => kdil + kEnt[q] + (kd ? kd(q) : 0) });
    const hasBg = bg[s] !== undefined ? bg[s] > 0 : s === "O3" && free.has("O3") && obs.ppb.O3 !== undefined;
    if (mixes && hasBg) sources.push({ i: j, ppb: (q) => bgOf(s, q) });
  });
  for (const l of losses) extra.push({ label: `LOSS_${species[l.i]}`, reactants: [l.i], products: [] });
  for (const s of sources)
    extra.push({ label: `BKGD_${species[s.i]}`, reactants: [], products: [{ index: s.i, coefficient: 1 }] });
  const system: KineticSystem = { species, reactions: [...base.reactions, ...extra] };
  const kin: CompiledKinetics = compileKinetics(system);
  const kOf = (i: number) => {
    const k = new Float64Array(system.reactions.length);
    k.set(compiled.rateConstants(envs[i]));
    losses.forEach((l, q) => (k[R0 + q] = l.k(i)));
    sources.forEach((s, q) => (k[R0 + losses.length + q] = (kdil + kEnt[i]) * s.ppb(i) * 1e-9 * envs[i].M));
    return k;
  };
  const ks = envs.map((_, i) => kOf(i));

  const heldIdx = held.map((s) => index.get(s)!);
  const heldSeries = held.map((s) => obs.ppb[s]);
  const noIdx = index.get("NO");
  const no2Idx = index.get("NO2");
  const noxTotal = (i: number) => noxFamily.reduce((a, s) => a + obs.ppb[s][i], 0) * 1e-9 * envs[i].M;

  const y = new Float64Array(species.length);
  for (const s of observed) y[index.get(s)!] = obs.ppb[s][0] * 1e-9 * envs[0].M;
  let hStart: number | undefined;
  const rtol = opts.rtol ?? 1e-3;
  const atol = opts.atol ?? 1e2;
  const step = (i: number): Float64Array => {
    if (noxFamily.length > 0 && noIdx !== undefined && no2Idx !== undefined) {
      const total = noxTotal(i);
      const now = y[noIdx] + y[no2Idx];
      if (noxFamily.length === 2 && now <= 0) {
        y[noIdx] = obs.ppb.NO[i] * 1e-9 * envs[i].M;
        y[no2Idx] = obs.ppb.NO2[i] * 1e-9 * envs[i].M;
      } else if (now > 0) {
        y[noIdx] *= total / now;
        y[no2Idx] *= total / now;
      } else {
        const only = noxFamily[0] === "NO" ? noIdx : no2Idx;
        y[only] = total;
      }
    }
    const r = integrate(kin, ks[i], y, 0, dt, {
      rtol,
      atol,
      hStart,
      constrain: {
        indices: heldIdx,
        values: (_t, out) => heldSeries.forEach((s, q) => (out[q] = s[i] * 1e-9 * envs[i].M)),
        hold: true,
      },
    });
    hStart = r.hNext;
    y.set(r.final);
    return r.final;
  };
  const firstDay = Math.min(n, Math.max(1, Math.round(86400 / dt)));
  for (let d = 0; d < spinUpDays; d++) for (let i = 0; i < firstDay; i++) step(i);
  const states: Float64Array[] = [];
  for (let i = 0; i < n; i++) states.push(Float64Array.from(step(i)));

  // outputs
  const terms = ozoneBudgetTerms(compiled);
  const ppb: Record<string, Float64Array> = {};
  species.forEach((s, j) => (ppb[s] = Float64Array.from(states, (c, i) => (c[j] / envs[i].M) * 1e9)));
  const pick = (name: string) => {
    const j = index.get(name);
    return Float64Array.from(states, (c) => (j === undefined ? NaN : c[j]));
  };
  const ro2Idx = terms.peroxyRadicals.map((s) => index.get(s)!);
  const RO2 = Float64Array.from(states, (c) => ro2Idx.reduce((a, j) => a + c[j], 0));
  const full = new Float64Array(system.reactions.length);
  const rates = states.map((c, i) => {
    kin.rates(ks[i], c, full);
    return full.slice(0, R0);
  });
  const sumTerm = (list: { index: number; weight: number }[]) =>
    Float64Array.from(rates, (r, i) => (list.reduce((a, t) => a + t.weight * r[t.index], 0) / envs[i].M) * 1e9 * 3600);
  const production = {
    "HO2+NO": sumTerm(terms.production["HO2+NO"]),
    "RO2+NO": sumTerm(terms.production["RO2+NO"]),
  };
  const loss = {
    "OH+NO2": sumTerm(terms.loss["OH+NO2"]),
    "O1D+H2O": sumTerm(terms.loss["O1D+H2O"]),
    "O3+OH": sumTerm(terms.loss["O3+OH"]),
    "O3+HO2": sumTerm(terms.loss["O3+HO2"]),
    "O3+VOC": sumTerm(terms.loss["O3+VOC"]),
  };
  const Ptot = Float64Array.from(production["HO2+NO"], (v, i) => v + production["RO2+NO"][i]);
  const Ltot = Float64Array.from(Ptot, (_, i) => Object.values(loss).reduce((a, s) => a + s[i], 0));
  const net = Float64Array.from(Ptot, (v, i) => v - Ltot[i]);
  const daytime = envs.map((e) => (no2Name === undefined ? false : e.photolysis[no2Name] > 0));
  return {
    timesUtc: times.map((t) => t + dt * 1000),
    species,
    ppb,
    radicals: { OH: pick("OH"), HO2: pick("HO2"), RO2 },
    rates,
    budget: { terms, production, loss, P: Ptot, L: Ltot, net },
    constraints: { held, noxFamily, initialisedOnly },
    daytime,
    method: {
      spinUpDays,
      dilutionPerSec: kdil,
      water: "Buck (1981) saturation vapour pressure over water with enhancement factor",
      photolysis: photolysisMethod,
      deposition: { velocityCmPerSec: { ...vd }, perSec: { ...dep } },
      boundaryLayerHeightM: blh,
    },
  };
}

/**
 * Default RIR groups for CB6r5 species (mechanism names of `mech_cb6r5_ae7_aq.def`): AVOC the
 * anthropogenic lumped and explicit VOC species (PAR, OLE, IOLE, ETH, ETHA, ETHY, PRPA, BENZENE, TOL,
 * XYLMN, NAPH, MEOH, ETOH, ACET, KET, FORM, ALD2, ALDX), BVOC isoprene and terpenes (ISOP, TERP, APIN),
 * CO, and NOx (NO, NO2). Only the members present in the observations are reduced.
 */
export const CB6R5_RIR_GROUPS: Readonly<Record<string, readonly string[]>> = {
  AVOC: [
    "PAR",
    "OLE",
    "IOLE",
    "ETH",
    "ETHA",
    "ETHY",
    "PRPA",
    "BENZENE",
    "TOL",
    "XYLMN",
    "NAPH",
    "MEOH",
    "ETOH",
    "ACET",
    "KET",
    "FORM",
    "ALD2",
    "ALDX",
  ],
  BVOC: ["ISOP", "TERP", "APIN"],
  CO: ["CO"],
  NOx: ["NO", "NO2"],
};

/** One group's result of {@link relativeIncrementalReactivity}. */
export interface RirGroup {
  /** The observed species reduced. */
  species: string[];
  /** Daytime-integrated net P(O3) with the group reduced (ppb over the daytime hours). */
  reducedPO3: number;
  /** RIR = [ΔP(O3)/P(O3)] / [ΔS/S] (dimensionless). */
  rir: number;
}

/** Result of {@link relativeIncrementalReactivity}. */
export interface RirResult {
  /** Daytime-integrated net P(O3) of the base run (ppb: Σ over daytime hours of ppb h⁻¹ × interval length). */
  basePO3: number;
  /** The fractional reduction ΔS/S applied (0.2). */
  reduction: number;
  /** By group name. */
  groups: Record<string, RirGroup>;
  /** The base run. */
  base: ObmResult;
}

/**
 * Relative incremental reactivity (Cardelino & Chameides 1995, "An observation-based model for analyzing
 * ozone precursor relationships in the urban atmosphere", J. Air Waste Manage. Assoc. 45, 161–180,
 * doi:10.1080/10473289.1995.10467356): RIR(X) = [ΔP(O3)/P(O3)] / [ΔS(X)/S(X)]. The paper's text was not
 * retrieved (session 8 searched the stored pages, documentation and code corpora: only citations of it and
 * secondary restatements in the same form were found), so this is the form the OBM literature attributes to
 * it, not a quotation. Here S(X) is the observed input of group X and P(O3) the S(X) is the observed input of group X and P(O3) the
 * net ozone production of the OBM (`budget.net` = P − L) integrated over the daytime intervals (those
 * with J(NO2) > 0: solar zenith angle below the photolysis cutoff, or user J(NO2) > 0), of the analysed
 * run after spin-up. Each group's observed series are multiplied by 1 − `reduction` (default 0.2, the
 * 20 % of the usual OBM practice) in all hours, spin-up included, and the run repeated;
 * ΔP = P_base − P_reduced, so a positive RIR means that reducing X reduces ozone production.
 * @param compiled - from `compileMechanism`
 * @param obs - the observations (see {@link runObm})
 * @param opts - the options of {@link runObm}
 * @param groups - species lists by group name (default {@link CB6R5_RIR_GROUPS})
 * @param reduction - fractional reduction ΔS/S, in (0, 1) (default 0.2)
 * @returns the base daytime P(O3), each group's reduced P(O3) and RIR, and the base run
 * @throws RangeError when a group has no observed species, the reduction is outside (0, 1), or the base
 *   daytime net P(O3) is 0 (RIR undefined); and what {@link runObm} throws
 * @throws Error when an integration fails
 */
export function relativeIncrementalReactivity(
  compiled: CompiledMechanism,
  obs: ObmObservations,
  opts: ObmOptions,
  groups: Readonly<Record<string, readonly string[]>> = CB6R5_RIR_GROUPS,
  reduction = 0.2,
): RirResult {
  if (!(reduction > 0 && reduction < 1))
    throw new RangeError(`relativeIncrementalReactivity: reduction must be in (0, 1), got ${reduction}`);
  const dtH = obs.timesUtc.length > 1 ? (obs.timesUtc[1] - obs.timesUtc[0]) / 3.6e6 : 1;
  const daytimeP = (r: ObmResult) => r.budget.net.reduce((a, v, i) => a + (r.daytime[i] ? v * dtH : 0), 0);
  const base = runObm(compiled, obs, opts);
  const basePO3 = daytimeP(base);
  if (basePO3 === 0)
    throw new RangeError("relativeIncrementalReactivity: the base run's daytime net P(O3) is 0; RIR is undefined");
  const out: Record<string, RirGroup> = {};
  for (const [name, list] of Object.entries(groups)) {
    const present = list.filter((s) => obs.ppb[s] !== undefined);
    if (present.length === 0)
      throw new RangeError(`relativeIncrementalReactivity: group ${name} has no observed species (${list.join(", ")})`);
    const ppb: Record<string, ArrayLike<number>> = { ...obs.ppb };
    for (const s of present) ppb[s] = Float64Array.from(obs.ppb[s], (v) => v * (1 - reduction));
    const r = runObm(compiled, { ...obs, ppb }, opts);
    const reducedPO3 = daytimeP(r);
    out[name] = { species: present, reducedPO3, rir: (basePO3 - reducedPO3) / basePO3 / reduction };
  }
  return { basePO3, reduction, groups: out, base };
}
