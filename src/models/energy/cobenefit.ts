import { co2Kg } from "./convert";
import type { EnergyParameters } from "./tables/factors";
import type { StackSummary } from "./exhaust";

/** Energy per production unit by stream: electricity kWh, fuel MJ (with its fuel). */
export interface StreamSec {
  electricityKwh: number;
  thermalFuelMJ: number;
  thermalFuel: "gas" | "coal";
}

/**
 * JCM emission reductions (Joint Crediting Mechanism methodology pattern; CONVENTIONS §5):
 * ER = RE − PE. Reference emissions RE = the old (reference) machine's SEC per stream × the
 * reporting production × the stream's emission factor; project emissions PE = the new machines'
 * metered energy in the reporting period × the factors (one entry per machine or unit when
 * their fuels differ). kgCO2.
 * @throws {RangeError} when the reporting production is negative
 */
export function jcmEmissionReduction(
  referenceSec: StreamSec,
  reportingProduction: number,
  projectEnergy: StreamSec | StreamSec[],
  params: EnergyParameters,
): { reKg: number; peKg: number; erKg: number } {
  if (!(reportingProduction >= 0))
    throw new RangeError(`jcmEmissionReduction: reporting production must be ≥ 0, got ${reportingProduction}`);
  const re = co2Kg(
    {
      electricityKwh: referenceSec.electricityKwh * reportingProduction,
      thermalFuelMJ: referenceSec.thermalFuelMJ * reportingProduction,
      thermalFuel: referenceSec.thermalFuel,
    },
    params,
  );
  const pe = (Array.isArray(projectEnergy) ? projectEnergy : [projectEnergy]).reduce((t, e) => t + co2Kg(e, params), 0);
  return { reKg: re, peKg: pe, erKg: re - pe };
}

/** One row of the annual co-benefit table. */
export interface CoBenefitRow {
  item: string;
  /** `CO2` rows in t/yr; pollutant rows in t/yr (untreated inlet vs emitted outlet). */
  unit: string;
  /** Without the project (reference / inlet), t/yr. */
  without: number;
  /** With the project (project / outlet), t/yr. */
  with: number;
  /** Reduction, t/yr. */
  reduction: number;
  /** Relative reduction. */
  fraction: number;
}

/**
 * The annual summary table of air-pollutant and CO2 reductions: CO2 from a JCM calculation on
 * the measured period scaled to a year (`annualScale` = annual production / measured reporting
 * production), and per pollutant the inlet (untreated) and outlet emission in t/yr over
 * `hoursPerYear` operating hours, summed over the treatment units.
 * @throws {RangeError} when annualScale is not > 0 or hoursPerYear is outside (0, 8784]
 */
export function annualCoBenefits(
  co2: { reKg: number; peKg: number },
  annualScale: number,
  stack: StackSummary[],
  hoursPerYear: number,
): CoBenefitRow[] {
  if (!(annualScale > 0)) throw new RangeError(`annualCoBenefits: annualScale must be > 0, got ${annualScale}`);
  if (!(hoursPerYear > 0 && hoursPerYear <= 8784))
    throw new RangeError(`annualCoBenefits: hoursPerYear must be in (0, 8784], got ${hoursPerYear}`);
  const rows: CoBenefitRow[] = [];
  const w = (co2.reKg * annualScale) / 1000,
    p = (co2.peKg * annualScale) / 1000;
  rows.push({ item: "CO2", unit: "t/yr", without: w, with: p, reduction: w - p, fraction: (w - p) / w });
  const byPoll = new Map<string, { i: number; o: number }>();
  for (const s of stack) {
    const t = byPoll.get(s.pollutant) ?? { i: 0, o: 0 };
    t.i += (s.inletRate * hoursPerYear) / 1000;
    t.o += (s.outletRate * hoursPerYear) / 1000;
    byPoll.set(s.pollutant, t);
  }
  for (const [k, t] of byPoll)
    rows.push({ item: k, unit: "t/yr", without: t.i, with: t.o, reduction: t.i - t.o, fraction: (t.i - t.o) / t.i });
  return rows;
}
