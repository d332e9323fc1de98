import type { MachineQuantity } from "./read-machinelog";
import type { EnergyParameters } from "./tables/factors";

/** Energy of one interval or unit in common units. */
export interface EnergyBreakdown {
  /** Electricity, kWh. */
  electricityKwh: number;
  /** Thermal energy delivered to (or fuel burned in) the machine, MJ. */
  thermalMJ: number;
  /** Fuel energy behind the thermal energy, MJ (= thermal for gas/coal burned in the machine; thermal/η for steam, heat, oil). */
  thermalFuelMJ: number;
  /** The fuel of thermalFuelMJ. */
  thermalFuel: "gas" | "coal";
}

/**
 * Thermal energy of one interval from its meter reading (IPMVP Option B: the machine's own
 * meters), in MJ:
 * - gas: Nm3 × NCV (MJ/Nm3); fuel = gas
 * - coal: kg × NCV (MJ/kg); fuel = coal
 * - steam: kg × Δh (MJ/kg); fuel = boiler fuel, fuel energy = heat/η_boiler
 * - heat: MJ as metered; fuel as for steam
 * - thermal oil: flow (kg/h) × hours × cp (kJ/(kg·K)) × (T_supply − T_return) / 1000; fuel as for steam
 */
export function thermalEnergy(
  meter: MachineQuantity,
  values: Partial<Record<MachineQuantity, number>>,
  hours: number,
  p: EnergyParameters,
): { thermalMJ: number; thermalFuelMJ: number; thermalFuel: "gas" | "coal" } {
  const v = (q: MachineQuantity) => values[q] ?? NaN;
  switch (meter) {
    case "gas":
      return { thermalMJ: v("gas") * p.gasNcv, thermalFuelMJ: v("gas") * p.gasNcv, thermalFuel: "gas" };
    case "coal":
      return { thermalMJ: v("coal") * p.coalNcv, thermalFuelMJ: v("coal") * p.coalNcv, thermalFuel: "coal" };
    case "steam": {
      const h = v("steam") * p.steamHeat;
      return { thermalMJ: h, thermalFuelMJ: h / p.boilerEfficiency, thermalFuel: p.boilerFuel };
    }
    case "heat":
      return { thermalMJ: v("heat"), thermalFuelMJ: v("heat") / p.boilerEfficiency, thermalFuel: p.boilerFuel };
    case "oilFlow": {
      const h = (v("oilFlow") * hours * p.oilCp * (v("oilSupplyTemp") - v("oilReturnTemp"))) / 1000;
      return { thermalMJ: h, thermalFuelMJ: h / p.boilerEfficiency, thermalFuel: p.boilerFuel };
    }
    default:
      throw new RangeError(`thermalEnergy: ${meter} is not a thermal meter`);
  }
}

/** Total final energy (MJ) = thermal MJ + 3.6 × electricity kWh. */
export function finalEnergyMJ(e: { electricityKwh: number; thermalMJ: number }): number {
  return e.thermalMJ + 3.6 * e.electricityKwh;
}

/** Total primary energy (MJ) = PEF_fuel × fuel MJ + PEF_elec × 3.6 × kWh (parameters documented in tables/factors.ts). */
export function primaryEnergyMJ(e: { electricityKwh: number; thermalFuelMJ: number }, p: EnergyParameters): number {
  return p.fuelPef * e.thermalFuelMJ + p.electricityPef * 3.6 * e.electricityKwh;
}

/** CO2 (kg) of an energy breakdown: kWh × grid factor + fuel MJ × 1e-6 TJ/MJ × fuel factor (kgCO2/TJ). */
export function co2Kg(
  e: { electricityKwh: number; thermalFuelMJ: number; thermalFuel: "gas" | "coal" },
  p: EnergyParameters,
): number {
  const fuelFactor = e.thermalFuel === "gas" ? p.gasFactor : p.coalFactor;
  return e.electricityKwh * p.gridFactor + e.thermalFuelMJ * 1e-6 * fuelFactor;
}
