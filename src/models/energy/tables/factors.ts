/**
 * Energy-conversion and emission-factor defaults for tenter retrofit M&V. Every value is a
 * documented, overridable default with its source; "verify" marks values not checked against the
 * primary text (CONVENTIONS §5).
 */

/** One documented default. */
export interface Documented {
  value: number;
  unit: string;
  source: string;
  verify: boolean;
}

/** CO2 emission factors. */
export const EMISSION_FACTORS = {
  /** China national grid average 2022 (MEE/NBS announcement of 2022 power CO2 emission factors, 2024). */
  gridChina2022: {
    value: 0.5366,
    unit: "kgCO2/kWh",
    source: "MEE & NBS, 2022 national power CO2 emission factor (published 2024)",
    verify: true,
  },
  /** East China regional grid (Jiangsu, Zhejiang, Shanghai, Anhui, Fujian). */
  gridEastChina: {
    value: 0.5617,
    unit: "kgCO2/kWh",
    source: "East China regional grid factor as given in aozora CONVENTIONS §5",
    verify: true,
  },
  /** Natural gas, default CO2 emission factor of stationary combustion. */
  naturalGas: {
    value: 56100,
    unit: "kgCO2/TJ",
    source: "IPCC 2006 Guidelines Vol. 2 ch. 1 Table 1.4 (natural gas)",
    verify: true,
  },
  /** Other bituminous coal. */
  bituminousCoal: {
    value: 94600,
    unit: "kgCO2/TJ",
    source: "IPCC 2006 Guidelines Vol. 2 ch. 1 Table 1.4 (other bituminous coal)",
    verify: true,
  },
} as const satisfies Record<string, Documented>;

/** Energy-conversion defaults. */
export const ENERGY_DEFAULTS = {
  /** Net calorific value of natural gas per normal cubic metre (0 °C, 101.325 kPa). */
  gasNcv: {
    value: 38.931,
    unit: "MJ/Nm3",
    source:
      "NDRC Guidelines for GHG accounting of Chinese enterprises (2013–2015), natural gas default NCV 389.31 GJ/10^4 Nm3",
    verify: true,
  },
  /** Net calorific value of other bituminous coal. */
  coalNcv: {
    value: 25.8,
    unit: "MJ/kg",
    source: "IPCC 2006 Guidelines Vol. 2 ch. 1 Table 1.2 (other bituminous coal 25.8 TJ/Gg)",
    verify: true,
  },
  /** Heat delivered per kg of steam: saturated steam at 0.8 MPa (h_g = 2768.3 kJ/kg) minus feedwater at 20 °C (83.9 kJ/kg). */
  steamHeat: {
    value: 2.684,
    unit: "MJ/kg",
    source: "IAPWS-IF97 steam tables (0.8 MPa saturated vapour, 20 °C liquid)",
    verify: false,
  },
  /** Specific heat of mineral thermal oil at ~250 °C. */
  oilCp: {
    value: 2.3,
    unit: "kJ/(kg·K)",
    source: "typical mineral heat-transfer oil data sheets (2.1–2.6 kJ/(kg·K) at 200–300 °C)",
    verify: true,
  },
  /** Efficiency of the boiler or thermal-oil heater that supplies steam / hot oil. */
  boilerEfficiency: {
    value: 0.85,
    unit: "1",
    source: "typical coal-fired industrial boiler (GB 24500-2020 class 2 range); set from the site's boiler test",
    verify: true,
  },
  /** Primary energy factor of grid electricity (primary MJ per MJ delivered). */
  electricityPef: {
    value: 2.5,
    unit: "1",
    source: "EU Energy Efficiency Directive 2012/27/EU Annex IV default",
    verify: true,
  },
  /** Primary energy factor of fuels burned on site (natural gas, coal). */
  fuelPef: { value: 1.0, unit: "1", source: "fuels counted at their NCV (EN 15603 convention)", verify: false },
  /** MJ per kWh. */
  mjPerKwh: { value: 3.6, unit: "MJ/kWh", source: "definition", verify: false },
} as const satisfies Record<string, Documented>;

/** Fuel of the boiler or heater that supplies steam, heat or thermal oil. */
export type BoilerFuel = "coal" | "gas";

/** The parameters of the energy and CO2 conversions (all overridable). */
export interface EnergyParameters {
  /** MJ/Nm3. */
  gasNcv: number;
  /** MJ/kg. */
  coalNcv: number;
  /** MJ delivered per kg steam. */
  steamHeat: number;
  /** kJ/(kg·K). */
  oilCp: number;
  /** Boiler / heater efficiency for steam, heat and thermal oil (0–1). */
  boilerEfficiency: number;
  /** Fuel of that boiler / heater. */
  boilerFuel: BoilerFuel;
  electricityPef: number;
  fuelPef: number;
  /** kgCO2/kWh of grid electricity. */
  gridFactor: number;
  /** kgCO2/TJ. */
  gasFactor: number;
  /** kgCO2/TJ. */
  coalFactor: number;
}

/**
 * The defaults of {@link EnergyParameters}: East China grid, coal-fired boiler.
 * @throws {RangeError} when boilerFuel is not coal or gas, a parameter is not a positive number, or boilerEfficiency exceeds 1
 */
export function defaultEnergyParameters(over: Partial<EnergyParameters> = {}): EnergyParameters {
  const p: EnergyParameters = {
    gasNcv: ENERGY_DEFAULTS.gasNcv.value,
    coalNcv: ENERGY_DEFAULTS.coalNcv.value,
    steamHeat: ENERGY_DEFAULTS.steamHeat.value,
    oilCp: ENERGY_DEFAULTS.oilCp.value,
    boilerEfficiency: ENERGY_DEFAULTS.boilerEfficiency.value,
    boilerFuel: "coal",
    electricityPef: ENERGY_DEFAULTS.electricityPef.value,
    fuelPef: ENERGY_DEFAULTS.fuelPef.value,
    gridFactor: EMISSION_FACTORS.gridEastChina.value,
    gasFactor: EMISSION_FACTORS.naturalGas.value,
    coalFactor: EMISSION_FACTORS.bituminousCoal.value,
    ...over,
  };
  for (const [k, v] of Object.entries(p)) {
    if (k === "boilerFuel") {
      if (v !== "coal" && v !== "gas")
        throw new RangeError(`energy parameters: boilerFuel must be "coal" or "gas", got ${String(v)}`);
    } else if (!(typeof v === "number" && Number.isFinite(v) && v > 0))
      throw new RangeError(`energy parameters: ${k} must be a positive number, got ${String(v)}`);
  }
  if (p.boilerEfficiency > 1)
    throw new RangeError(`energy parameters: boilerEfficiency must be ≤ 1, got ${p.boilerEfficiency}`);
  return p;
}
