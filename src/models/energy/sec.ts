import type { AnalysisUnit } from "./aggregate";
import { unitElectricityKwh, unitThermalMJ } from "./aggregate";
import { primaryEnergyMJ } from "./convert";
import type { EnergyParameters } from "./tables/factors";

/** Production basis of SEC: per kg of fabric, or per 1000 m. */
export type SecBasis = "kg" | "1000m";

/** Production of a unit on a basis: kg, or thousands of metres. */
export function unitProduction(u: AnalysisUnit, basis: SecBasis): number {
  return basis === "kg" ? u.productionKg : u.productionM / 1000;
}

/** Final energy of a unit, MJ (thermal + 3.6·electricity). */
export function unitEnergyMJ(u: AnalysisUnit): number {
  return unitThermalMJ(u) + 3.6 * unitElectricityKwh(u);
}

/** One row of {@link secTable}: totals and SEC as ratios of totals. */
export interface SecRow {
  /** Group-by values, e.g. `{ machine: "NEW-1", period: "after" }`. */
  keys: Record<string, string>;
  units: number;
  /** Σ production (kg or 1000 m). */
  production: number;
  electricityKwh: number;
  thermalMJ: number;
  /** Σ final energy, MJ. */
  energyMJ: number;
  primaryMJ: number;
  /** SEC as ratios of totals (per kg or per 1000 m): thermal MJ, electric kWh, total final MJ, total primary MJ. */
  secThermalMJ: number;
  secElectricKwh: number;
  secTotalMJ: number;
  secPrimaryMJ: number;
  /** Share of energy used while idle (final energy). */
  idleShare: number;
}

/** Grouping keys of {@link secTable}. */
export type SecKey = "machine" | "group" | "period" | "fabricClass" | "article";

/**
 * Specific energy consumption by group, as ratios of totals (CONVENTIONS §5): SEC = ΣE/ΣP over
 * the units of each group (never a mean of per-unit ratios). Units without production on the
 * basis (NaN) are an error.
 * @throws {RangeError} when a unit has no production on the chosen basis
 */
export function secTable(units: AnalysisUnit[], by: SecKey[], basis: SecBasis, params: EnergyParameters): SecRow[] {
  const groups = new Map<string, AnalysisUnit[]>();
  for (const u of units) {
    const k = JSON.stringify(by.map((b) => u[b] ?? ""));
    const l = groups.get(k);
    if (l) l.push(u);
    else groups.set(k, [u]);
  }
  const rows: SecRow[] = [];
  for (const [k, us] of groups) {
    const keyVals = JSON.parse(k) as string[];
    let p = 0,
      el = 0,
      th = 0,
      pr = 0,
      idle = 0;
    for (const u of us) {
      const up = unitProduction(u, basis);
      if (!Number.isFinite(up))
        throw new RangeError(
          `secTable: unit ${u.id} has no production per ${basis} (log production in ${basis === "kg" ? "kg, or m with width and GSM" : "m, or kg with width and GSM"})`,
        );
      p += up;
      el += unitElectricityKwh(u);
      th += unitThermalMJ(u);
      pr += primaryEnergyMJ({ electricityKwh: unitElectricityKwh(u), thermalFuelMJ: u.thermalFuelMJ }, params);
      idle += u.thermalIdleMJ + 3.6 * u.electricityIdleKwh;
    }
    const e = th + 3.6 * el;
    rows.push({
      keys: Object.fromEntries(by.map((b, i) => [b, keyVals[i]])),
      units: us.length,
      production: p,
      electricityKwh: el,
      thermalMJ: th,
      energyMJ: e,
      primaryMJ: pr,
      secThermalMJ: th / p,
      secElectricKwh: el / p,
      secTotalMJ: e / p,
      secPrimaryMJ: pr / p,
      idleShare: idle / e,
    });
  }
  rows.sort((a, b) => JSON.stringify(Object.values(a.keys)).localeCompare(JSON.stringify(Object.values(b.keys))));
  return rows;
}
