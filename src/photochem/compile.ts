/**
 * Compile a {@link Mechanism} into the integrator's {@link KineticSystem} and a fast rate-constant
 * function of the {@link RateEnvironment}.
 * @packageDocumentation
 */

import { AozoraInputError } from "../io/errors";
import type { ArrheniusTerm, Mechanism } from "./mechanism";
import type { KineticReaction, KineticSystem, RateEnvironment } from "./system";

/** One standard atmosphere (Pa), the unit of P in CMAQ's `%1` and `%H` forms. */
export const STANDARD_ATMOSPHERE_PA = 101325;

/** Options of {@link compileMechanism}. */
export interface CompileMechanismOptions {
  /**
   * Keep the heterogeneous reactions (`#A~<NAME>`). Default false: a gas-phase box model has no
   * aerosol surface; CMAQ computes these rates in its aerosol module (`AEROSOL_CHEMISTRY.F`), and its
   * F0AM export sets them to zero (CMAQ CHEMMECH README, *Output Files for F0AM Box Modeling*).
   * When true, `heterogeneousRates` must give each rate.
   */
  heterogeneous?: boolean;
  /** Fixed heterogeneous rates H (s⁻¹, or the units of the reaction's order) by name, when `heterogeneous` is true. */
  heterogeneousRates?: Readonly<Record<string, number>>;
  /**
   * Keep the reactions of aerosol-phase species (oligomerisation, aerosol aging; see
   * {@link isCmaqAerosolSpecies}). Default false for a gas-phase box model.
   */
  aerosol?: boolean;
  /** CH4 mixing ratio held constant (ppm); default the mechanism's `CONSTANTS` value (CMAQ default 1.85 ppm). */
  ch4Ppm?: number;
  /** H2 mixing ratio held constant (ppm); default the mechanism's `CONSTANTS` value (CMAQ default 0.56 ppm). */
  h2Ppm?: number;
  /**
   * Open-water plus surf-zone fraction of the surface for the marine-halogen ozone loss (`%H`,
   * `<HAL_Ozone>`). CMAQ applies it only where this fraction exceeds 0.001 and only in sunlight
   * (`wrt_reactions_module.f`: `IF ( SEAWATER (NCELL) .GT. 0.001D0 )`, `RKI = SEAWATER (NCELL) * HALOGEN_FALLOFF(…)`,
   * inside `IF( LSUNLIGHT )`). Default 0 (an inland site: no loss).
   */
  seawaterFraction?: number;
}

/** Why a reaction of the mechanism is not in the compiled system. */
export interface ExcludedReaction {
  label: string;
  line: number;
  reason: "heterogeneous" | "aerosol";
}

/** A mechanism compiled for integration. */
export interface CompiledMechanism {
  /** Variable species and kept reactions; constant species folded into k (see the module's rate law in `system.ts`). */
  system: KineticSystem;
  /**
   * Rate constants of {@link CompiledMechanism.system}'s reactions at `env`, in molecule cm⁻³ s⁻¹
   * units with the constant species' number densities folded in (so every rate is k·Π[variable reactants]).
   * The forms that depend only on T, P and [M] are reused from the previous call when those three are
   * unchanged (photolysis, heterogeneous, `%H`, KPP expressions, references and the folding are always
   * re-evaluated).
   * @param env - temperature, pressure, number densities and photolysis frequencies
   * @param out - optional array to fill (length = number of reactions)
   * @returns `out` or a new array
   * @throws {RangeError} when a photolysis frequency the mechanism uses is missing from `env.photolysis`
   *   or is negative or not finite, `env.temperatureK`/`env.M` is not positive, or `out` has the wrong length
   */
  rateConstants(env: RateEnvironment, out?: Float64Array): Float64Array;
  /** Photolysis-table names the kept reactions use (keys `env.photolysis` must have). */
  photolysisNames: readonly string[];
  /** Reactions of the mechanism left out, with the reason. */
  excluded: readonly ExcludedReaction[];
  /** Mixing ratios held for CH4 and H2 (ppm). */
  constants: { ch4Ppm: number; h2Ppm: number };
  /** Index of a reaction in the system by label (undefined when excluded or unknown). */
  reactionIndex(label: string): number | undefined;
  /** The mechanism compiled. */
  mechanism: Mechanism;
}

/** Program codes of the rate forms. */
const Code = {
  Arrhenius: 0,
  Reverse: 1,
  Reference: 2,
  Pressure: 3,
  Hno3Oh: 4,
  SumM: 5,
  Falloff: 6,
  Photolysis: 7,
  Heterogeneous: 8,
  Halogen: 9,
  Expression: 10,
} as const;

/** A compiled KPP expression term (see {@link ExpressionTerm}). */
interface CompiledTerm {
  A: number;
  B: number;
  C: number;
  slots: Int32Array;
  phot: number;
  falloff: Float64Array | null;
  hno3oh: Float64Array | null;
}

/** Constant-species slots: M, O2, N2, H2O, H2, CH4. */
const CONST_SLOT: Record<string, number> = { M: 0, O2: 1, N2: 2, H2O: 3, H2: 4, CH4: 5 };

/**
 * Compile a mechanism: choose the reactions (heterogeneous and aerosol ones off by default), index
 * the variable species, and build `rateConstants(env)`, which evaluates each rate form (CMAQ
 * CHEMMECH README Table 3, with the processor's `FALLOFF_T08`…`FALLOFF_T11`, `HALOGEN_FALLOFF` of
 * `wrt_reactions_module.f`) and multiplies by the number densities of the constant reactants
 * (M, O2, N2, H2O from `env`; H2 and CH4 as fixed mixing ratios × [M], as CMAQ holds them). Reference
 * forms `K<R>`/`E<R>` use the referenced reaction's own rate constant before that folding (CMAQ
 * multiplies by the constant species at the end of `CALC_RCONST`).
 *
 * Forms, with T in K, M in molecules cm⁻³, P in atm:
 * - Arrhenius: A·(T/300)^B·exp(−C/T)
 * - reverse `A@C*E<R>`: k_R·exp(C/T)/A; reference `A*K<R>`: A·k_R
 * - `%1`: A·(1 + 0.6·P)
 * - `%2`: k0 + k3·M/(1 + k3·M/k2) (CMAQ `FALLOFF_T08`: `K3 = K3 * CAIR`, `K0 + K3/(1 + K3/K2)`)
 * - `%3`: k1 + k2·M (+ k3)
 * - falloff: k = k0·M/(1 + k0·M/kinf) · Fc^G, G = 1/(1 + (log10(k0·M/kinf)/N)²) (CMAQ `FALLOFF_T10`)
 * - photolysis: A·J(NAME); heterogeneous: A·H(NAME)
 * - `%H`: seawaterFraction · min(A1·exp(−B1·P) + A2·exp(−B2·P), A3) in sunlight (any photolysis frequency > 0), else 0
 *
 * A `REACTIONS[PP]` mechanism's non-falloff thermal rate constants (ppm^(1−n) min⁻¹, n reactants
 * including constant species) are converted with k·(10⁶/M)^(n−1)/60; the falloff forms (`&`, `%2`,
 * `%3`) are in molecule cm⁻³ s⁻¹ in both kinds of file (CMAQ: "Only fall off rate constants converted
 * from molec/cm3 … Remainder use ppm and 1/min").
 *
 * Products are summed per species (CMAQ sums a product that recurs in a reaction); constant species
 * among the products are dropped (their concentration is fixed).
 *
 * @param mech - a mechanism from {@link parseChemmech} or {@link parseKpp}
 * @param options - which reactions to keep; CH4/H2 mixing ratios; heterogeneous rates; sea-water fraction
 * @returns the system, the rate-constant function and what was left out
 * @throws {RangeError} when an option is out of range (negative mixing ratio, sea-water fraction outside
 *   [0, 1]) or `heterogeneous` is true and a heterogeneous rate is missing from `heterogeneousRates`
 * @throws {AozoraInputError} when a `K<R>`/`E<R>` chain is circular, or, in a `REACTIONS[PP]` file, a
 *   reference joins reactions of different order (CMAQ's unit handling of that case is not reproduced)
 */
export function compileMechanism(mech: Mechanism, options: CompileMechanismOptions = {}): CompiledMechanism {
  const keepHet = options.heterogeneous ?? false;
  const keepAer = options.aerosol ?? false;
  const ch4Ppm = options.ch4Ppm ?? mech.constants.CH4;
  const h2Ppm = options.h2Ppm ?? mech.constants.H2;
  const seawater = options.seawaterFraction ?? 0;
  if (!(ch4Ppm >= 0) || !Number.isFinite(ch4Ppm))
    throw new RangeError(`compileMechanism: ch4Ppm must be ≥ 0, got ${ch4Ppm}`);
  if (!(h2Ppm >= 0) || !Number.isFinite(h2Ppm))
    throw new RangeError(`compileMechanism: h2Ppm must be ≥ 0, got ${h2Ppm}`);
  if (!(seawater >= 0 && seawater <= 1))
    throw new RangeError(`compileMechanism: seawaterFraction must be in [0, 1], got ${seawater}`);

  const all = mech.reactions;
  const byLabel = new Map<string, number>();
  all.forEach((r, i) => byLabel.set(r.label, i));

  // which reactions are kept
  const excluded: ExcludedReaction[] = [];
  const keptIdx: number[] = [];
  for (let i = 0; i < all.length; i++) {
    const r = all[i];
    if (r.phase === "heterogeneous" && !keepHet)
      excluded.push({ label: r.label, line: r.line, reason: "heterogeneous" });
    else if (r.phase === "aerosol" && !keepAer) excluded.push({ label: r.label, line: r.line, reason: "aerosol" });
    else keptIdx.push(i);
  }

  // every reaction a kept one depends on through K<R>/E<R> must be evaluated too
  const needed = new Set<number>();
  const visit = (i: number, path: number[]): void => {
    if (path.includes(i)) {
      const r = all[i];
      throw new AozoraInputError({
        file: mech.file,
        row: r.line,
        expected: `in reaction <${r.label}>, a chain of K<R>/E<R> references that ends (it loops: ${[...path, i].map((j) => all[j].label).join(" → ")})`,
      });
    }
    if (needed.has(i)) return;
    const rate = all[i].rate;
    if (rate.kind === "reference" || rate.kind === "reverse") visit(byLabel.get(rate.ref)!, [...path, i]);
    needed.add(i); // after its dependencies: `needed` iterates in evaluation order
  };
  for (const i of keptIdx) visit(i, []);
  const evalOrder = [...needed];

  // species and reactions of the system
  const constants = new Set(mech.constantSpecies);
  const speciesIndex = new Map<string, number>();
  const species: string[] = [];
  const indexOf = (s: string): number => {
    let j = speciesIndex.get(s);
    if (j === undefined) {
      j = species.length;
      species.push(s);
      speciesIndex.set(s, j);
    }
    return j;
  };
  const reactions: KineticReaction[] = [];
  for (const i of keptIdx) {
    const r = all[i];
    const reactants = r.reactants.filter((s) => !constants.has(s)).map(indexOf);
    const sums = new Map<number, number>();
    for (const p of r.products) {
      if (constants.has(p.species)) continue;
      const j = indexOf(p.species);
      sums.set(j, (sums.get(j) ?? 0) + p.coefficient);
    }
    reactions.push({
      label: r.label,
      reactants,
      products: [...sums].map(([index, coefficient]) => ({ index, coefficient })),
    });
  }
  // keep the mechanism's species order for the species that occur
  const ordered = mech.species.filter((s) => speciesIndex.has(s));
  const remap = new Int32Array(species.length);
  ordered.forEach((s, k) => (remap[speciesIndex.get(s)!] = k));
  const system: KineticSystem = {
    species: ordered,
    reactions: reactions.map((r) => ({
      label: r.label,
      reactants: r.reactants.map((j) => remap[j]),
      products: r.products.map((p) => ({ index: remap[p.index], coefficient: p.coefficient })),
    })),
  };

  // numeric program
  const n = all.length;
  const code = new Int8Array(n).fill(-1);
  const par = new Float64Array(n * 10);
  const refOf = new Int32Array(n).fill(-1);
  const photNames: string[] = [];
  const photOf = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  const exprOf = new Int32Array(n).fill(-1);
  const exprs: CompiledTerm[][] = [];
  const ppConvert = new Uint8Array(n);
  const term = (o: number, t: ArrheniusTerm): void => {
    par[o] = t.A;
    par[o + 1] = t.B;
    par[o + 2] = t.C;
  };
  for (const i of evalOrder) {
    const r = all[i];
    const rate = r.rate;
    const o = i * 10;
    order[i] = r.reactants.length;
    switch (rate.kind) {
      case "arrhenius":
        code[i] = Code.Arrhenius;
        term(o, rate.term);
        ppConvert[i] = 1;
        break;
      case "reverse":
      case "reference": {
        code[i] = rate.kind === "reverse" ? Code.Reverse : Code.Reference;
        par[o] = rate.A;
        par[o + 2] = rate.kind === "reverse" ? rate.C : 0;
        const ref = byLabel.get(rate.ref)!;
        refOf[i] = ref;
        if (mech.units === "PP" && all[ref].reactants.length !== r.reactants.length)
          throw new AozoraInputError({
            file: mech.file,
            row: r.line,
            expected: `in reaction <${r.label}>, in a REACTIONS[PP] file, a K<R>/E<R> reference to a reaction of the same order (<${rate.ref}> has ${all[ref].reactants.length} reactants, this one ${r.reactants.length})`,
          });
        break;
      }
      case "pressure":
        code[i] = Code.Pressure;
        par[o] = rate.A;
        ppConvert[i] = 1;
        break;
      case "hno3oh":
        code[i] = Code.Hno3Oh;
        term(o, rate.k0);
        term(o + 3, rate.k2);
        term(o + 6, rate.k3);
        break;
      case "sumM":
        code[i] = Code.SumM;
        term(o, rate.k1);
        term(o + 3, rate.k2);
        if (rate.k3) term(o + 6, rate.k3);
        break;
      case "falloff":
        code[i] = Code.Falloff;
        term(o, rate.k0);
        term(o + 3, rate.kinf);
        par[o + 6] = rate.Fc;
        par[o + 7] = rate.N;
        par[o + 8] = Math.log(rate.Fc); // Fc^g evaluated as exp(g·ln Fc)
        par[o + 9] = Math.LOG10E / rate.N; // log10(r)/N = ln(r)·log10(e)/N
        break;
      case "photolysis": {
        code[i] = Code.Photolysis;
        par[o] = rate.A;
        let j = photNames.indexOf(rate.name);
        if (j < 0) j = photNames.push(rate.name) - 1;
        photOf[i] = j;
        break;
      }
      case "heterogeneous": {
        code[i] = Code.Heterogeneous;
        const rates = options.heterogeneousRates;
        const h = rates && Object.prototype.hasOwnProperty.call(rates, rate.name) ? rates[rate.name] : undefined;
        if (h === undefined || !Number.isFinite(h) || h < 0)
          throw new RangeError(
            `compileMechanism: heterogeneous is true but heterogeneousRates["${rate.name}"] (reaction <${r.label}>) is ${h === undefined ? "missing" : h}; give a rate ≥ 0`,
          );
        par[o] = rate.A * h;
        break;
      }
      case "expression": {
        code[i] = Code.Expression;
        exprOf[i] = exprs.length;
        exprs.push(
          rate.terms.map((t) => {
            let phot = -1;
            if (t.photolysis !== undefined) {
              phot = photNames.indexOf(t.photolysis);
              if (phot < 0) phot = photNames.push(t.photolysis) - 1;
            }
            const f = t.falloff;
            return {
              A: t.A,
              B: t.B,
              C: t.C,
              slots: Int32Array.from(t.densities.map((d) => CONST_SLOT[d])),
              phot,
              falloff: f ? Float64Array.of(f.k0.A, f.k0.B, f.k0.C, f.kinf.A, f.kinf.B, f.kinf.C, f.Fc, f.N) : null,
              hno3oh: t.hno3oh
                ? Float64Array.of(...[t.hno3oh.k0, t.hno3oh.k2, t.hno3oh.k3].flatMap((a) => [a.A, a.B, a.C]))
                : null,
            };
          }),
        );
        break;
      }
      case "halogen":
        code[i] = Code.Halogen;
        par[o] = rate.A1;
        par[o + 1] = rate.B1;
        par[o + 2] = rate.A2;
        par[o + 3] = rate.B2;
        par[o + 4] = rate.max;
        break;
    }
  }
  // where, per kept reaction, its constant reactants are (slot list)
  const nKept = keptIdx.length;
  const constStart = new Int32Array(nKept + 1);
  const constSlots: number[] = [];
  keptIdx.forEach((i, k) => {
    for (const s of all[i].reactants) if (constants.has(s)) constSlots.push(CONST_SLOT[s]);
    constStart[k + 1] = constSlots.length;
  });
  const slots = Int32Array.from(constSlots);
  const kept = Int32Array.from(keptIdx);
  const evalIdx = Int32Array.from(evalOrder);
  // what depends on T, P and M only is kept from the previous call when those are unchanged
  const thermal = new Set<number>([Code.Arrhenius, Code.Pressure, Code.Hno3Oh, Code.SumM, Code.Falloff]);
  const volatileIdx = Int32Array.from(evalOrder.filter((i) => !thermal.has(code[i])));
  let lastT = NaN;
  let lastP = NaN;
  let lastM = NaN;
  const isPP = mech.units === "PP";
  const haveHalogen = seawater > 0.001;
  const kAll = new Float64Array(n);
  const J = new Float64Array(photNames.length);
  const fac = new Float64Array(6);

  const rateConstants = (env: RateEnvironment, out?: Float64Array): Float64Array => {
    const T = env.temperatureK;
    const M = env.M;
    if (!(T > 0)) throw new RangeError(`rateConstants: env.temperatureK must be > 0 K, got ${T}`);
    if (!(M > 0)) throw new RangeError(`rateConstants: env.M must be > 0 molecules cm-3, got ${M}`);
    const res = out ?? new Float64Array(nKept);
    if (res.length !== nKept) throw new RangeError(`rateConstants: out must have length ${nKept}, got ${res.length}`);
    let sunlit = false;
    for (let j = 0; j < photNames.length; j++) {
      const v = env.photolysis[photNames[j]];
      if (typeof v !== "number" || !Object.prototype.hasOwnProperty.call(env.photolysis, photNames[j]))
        throw new RangeError(
          `rateConstants: env.photolysis has no "${photNames[j]}" (a photolysis frequency the mechanism uses, s-1)`,
        );
      if (!(v >= 0) || v === Infinity)
        throw new RangeError(
          `rateConstants: env.photolysis["${photNames[j]}"] must be a finite frequency ≥ 0 s-1, got ${v}`,
        );
      J[j] = v;
      if (v > 0) sunlit = true;
    }
    const invT = 1 / T;
    const lnT300 = Math.log(T / 300);
    const Patm = env.pressurePa / STANDARD_ATMOSPHERE_PA;
    // A·(T/300)^B·exp(−C/T) as one exponential: A·exp(B·ln(T/300) − C/T)
    const arr = (o: number): number => {
      const x = par[o + 1] * lnT300 - par[o + 2] * invT;
      return x === 0 ? par[o] : par[o] * Math.exp(x);
    };
    fac[0] = M;
    fac[1] = env.O2;
    fac[2] = env.N2;
    fac[3] = env.H2O;
    fac[4] = h2Ppm * 1e-6 * M;
    fac[5] = ch4Ppm * 1e-6 * M;
    const same = T === lastT && env.pressurePa === lastP && M === lastM;
    const program = same ? volatileIdx : evalIdx;
    lastT = NaN; // set again only when this call completes
    for (let e = 0; e < program.length; e++) {
      const i = program[e];
      const o = i * 10;
      let k: number;
      switch (code[i]) {
        case Code.Arrhenius:
          k = arr(o);
          break;
        case Code.Reverse:
          k = (kAll[refOf[i]] * Math.exp(par[o + 2] * invT)) / par[o];
          break;
        case Code.Reference:
          k = par[o] * kAll[refOf[i]];
          break;
        case Code.Pressure:
          k = par[o] * (1 + 0.6 * Patm);
          break;
        case Code.Hno3Oh: {
          const k0 = arr(o);
          const k2 = arr(o + 3);
          const k3M = arr(o + 6) * M;
          k = k0 + k3M / (1 + k3M / k2);
          break;
        }
        case Code.SumM:
          k = arr(o) + arr(o + 3) * M + (par[o + 6] !== 0 ? arr(o + 6) : 0);
          break;
        case Code.Falloff: {
          const k0M = arr(o) * M;
          const kinf = arr(o + 3);
          const ratio = k0M / kinf;
          const x = Math.log(ratio) * par[o + 9];
          k = (k0M / (1 + ratio)) * Math.exp(par[o + 8] / (1 + x * x));
          break;
        }
        case Code.Photolysis:
          k = par[o] * J[photOf[i]];
          break;
        case Code.Heterogeneous:
          k = par[o];
          break;
        case Code.Halogen:
          k =
            haveHalogen && sunlit
              ? seawater *
                Math.min(par[o] * Math.exp(-par[o + 1] * Patm) + par[o + 2] * Math.exp(-par[o + 3] * Patm), par[o + 4])
              : 0;
          break;
        case Code.Expression: {
          k = 0;
          const terms = exprs[exprOf[i]];
          for (let t = 0; t < terms.length; t++) {
            const c = terms[t];
            const x = c.B * lnT300 - c.C * invT;
            let v = x === 0 ? c.A : c.A * Math.exp(x);
            for (let d = 0; d < c.slots.length; d++) v *= fac[c.slots[d]];
            if (c.phot >= 0) v *= J[c.phot];
            const f = c.falloff;
            if (f !== null) {
              const k0 = f[0] * Math.exp(f[1] * lnT300 - f[2] * invT);
              const kinf = f[3] * Math.exp(f[4] * lnT300 - f[5] * invT);
              const k0M = k0 * M;
              const ratio = k0M / kinf;
              const x = Math.log10(ratio) / f[7];
              v *= (k0M / (1 + ratio)) * Math.pow(f[6], 1 / (1 + x * x));
            }
            const h = c.hno3oh;
            if (h !== null) {
              const k0 = h[0] * Math.exp(h[1] * lnT300 - h[2] * invT);
              const k2 = h[3] * Math.exp(h[4] * lnT300 - h[5] * invT);
              const k3M = h[6] * Math.exp(h[7] * lnT300 - h[8] * invT) * M;
              v *= k0 + k3M / (1 + k3M / k2);
            }
            k += v;
          }
          break;
        }
        default:
          throw new Error(`compileMechanism: internal error, no program for reaction ${i}`);
      }
      if (isPP && ppConvert[i] === 1) k *= Math.pow(1e6 / M, order[i] - 1) / 60;
      kAll[i] = k;
    }
    lastT = T;
    lastP = env.pressurePa;
    lastM = M;
    for (let k = 0; k < nKept; k++) {
      let v = kAll[kept[k]];
      for (let s = constStart[k]; s < constStart[k + 1]; s++) v *= fac[slots[s]];
      res[k] = v;
    }
    return res;
  };

  const labelIndex = new Map<string, number>();
  system.reactions.forEach((r, k) => labelIndex.set(r.label, k));
  return {
    system,
    rateConstants,
    photolysisNames: photNames,
    excluded,
    constants: { ch4Ppm, h2Ppm },
    reactionIndex: (label: string) => labelIndex.get(label),
    mechanism: mech,
  };
}
