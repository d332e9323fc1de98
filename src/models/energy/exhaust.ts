import { molarVolume, STP_273, type ReferenceState } from "../../table/gas";
import { requireNonNegative } from "./physics";
import type { StackMeasurement } from "./read-machinelog";

/**
 * Removal efficiency of an exhaust-treatment unit on mass rates (CONVENTIONS §5), not on
 * concentrations: η = (C_in·Q_in − C_out·Q_out) / (C_in·Q_in); C in mg/Nm3, Q in Nm3/h.
 * (Dilution air added between inlet and outlet would inflate a concentration-based η.)
 * @throws {RangeError} when an input is not a non-negative number or the inlet mass rate is zero
 */
export function removalEfficiency(cIn: number, qIn: number, cOut: number, qOut: number): number {
  requireNonNegative("removalEfficiency", { C_in: cIn, Q_in: qIn, C_out: cOut, Q_out: qOut });
  const mIn = cIn * qIn;
  if (!(mIn > 0)) throw new RangeError("removalEfficiency: the inlet mass rate is zero");
  return (mIn - cOut * qOut) / mIn;
}

/** Emission rate, kg/h = C (mg/Nm3) · Q (Nm3/h) · 1e-6. */
export function emissionRateKgPerH(cMgPerNm3: number, qNm3PerH: number): number {
  return cMgPerNm3 * qNm3PerH * 1e-6;
}

/**
 * Annual emission, t/yr = rate (kg/h) · operating hours per year / 1000.
 * @throws {RangeError} when the operating hours are outside 0–8784 per year
 */
export function annualEmissionT(rateKgPerH: number, hoursPerYear: number): number {
  if (!(hoursPerYear >= 0 && hoursPerYear <= 8784))
    throw new RangeError(`annualEmission: operating hours must be in 0–8784 per year, got ${hoursPerYear}`);
  return (rateKgPerH * hoursPerYear) / 1000;
}

/**
 * ppm (µmol/mol) → mg/Nm3 at a normal state: ppm · M (g/mol) / Vm (L/mol); Vm = 22.414 at 0 °C, 101.325 kPa (`molarVolume(STP_273)`).
 * @throws {RangeError} when the molar mass is not > 0 g/mol
 */
export function ppmToMgPerNm3(ppm: number, molarMass: number, state: ReferenceState = STP_273): number {
  if (!(molarMass > 0)) throw new RangeError(`ppmToMgPerNm3: molar mass must be > 0 g/mol, got ${molarMass}`);
  return (ppm * molarMass) / molarVolume(state);
}

/** A user-given emission limit: concentration (mg/Nm3) and/or mass rate (kg/h). */
export interface EmissionLimit {
  concentration?: number;
  rate?: number;
}

/** Per machine (or line) and pollutant: mean inlet/outlet mass rates, η, and the limit check of each measurement. */
export interface StackSummary {
  unit: string;
  pollutant: string;
  n: number;
  /** Mean inlet and outlet concentration (mg/Nm3) and flow (Nm3/h). */
  inletConc: number;
  outletConc: number;
  inletFlow: number;
  outletFlow: number;
  /** Mean inlet and outlet emission rate, kg/h. */
  inletRate: number;
  outletRate: number;
  /** η on the summed mass rates: 1 − Σ(C_out·Q_out)/Σ(C_in·Q_in). */
  efficiency: number;
  /** Min and max η of single measurements. */
  efficiencyMin: number;
  efficiencyMax: number;
  /** Limit check of the outlet (when a limit is given): measurements above the concentration or rate limit. */
  limit?: EmissionLimit;
  exceedances?: number;
  compliant?: boolean;
}

/** Summarise stack measurements per unit and pollutant (mass-rate efficiency, emission rates, limit check). */
export function summariseStack(ms: StackMeasurement[], limits: Record<string, EmissionLimit> = {}): StackSummary[] {
  const g = new Map<string, StackMeasurement[]>();
  for (const m of ms) g.set(`${m.unit}\u0000${m.pollutant}`, [...(g.get(`${m.unit}\u0000${m.pollutant}`) ?? []), m]);
  const out: StackSummary[] = [];
  for (const [k, list] of g) {
    const [unit, pollutant] = k.split("\u0000");
    const n = list.length;
    const mean = (f: (m: StackMeasurement) => number) => list.reduce((s, m) => s + f(m), 0) / n;
    const effs = list.map((m) => removalEfficiency(m.inletConc, m.inletFlow, m.outletConc, m.outletFlow));
    const inRate = mean((m) => emissionRateKgPerH(m.inletConc, m.inletFlow));
    const outRate = mean((m) => emissionRateKgPerH(m.outletConc, m.outletFlow));
    const s: StackSummary = {
      unit,
      pollutant,
      n,
      inletConc: mean((m) => m.inletConc),
      outletConc: mean((m) => m.outletConc),
      inletFlow: mean((m) => m.inletFlow),
      outletFlow: mean((m) => m.outletFlow),
      inletRate: inRate,
      outletRate: outRate,
      efficiency: 1 - outRate / inRate,
      efficiencyMin: Math.min(...effs),
      efficiencyMax: Math.max(...effs),
    };
    const lim = limits[pollutant];
    if (lim) {
      const ex = list.filter(
        (m) =>
          (lim.concentration !== undefined && m.outletConc > lim.concentration) ||
          (lim.rate !== undefined && emissionRateKgPerH(m.outletConc, m.outletFlow) > lim.rate),
      ).length;
      s.limit = lim;
      s.exceedances = ex;
      s.compliant = ex === 0;
    }
    out.push(s);
  }
  return out.sort((a, b) => a.unit.localeCompare(b.unit) || a.pollutant.localeCompare(b.pollutant));
}
