/** Tenter (stenter) retrofit: energy, savings with uncertainty, exhaust treatment and CO2 co-benefits. */
export {
  EMISSION_FACTORS,
  ENERGY_DEFAULTS,
  defaultEnergyParameters,
  type EnergyParameters,
  type BoilerFuel,
  type Documented,
} from "./tables/factors";
export { PSYCHROMETRICS } from "./tables/psychrometrics";
export { thermalEnergy, finalEnergyMJ, primaryEnergyMJ, co2Kg, type EnergyBreakdown } from "./convert";
export {
  aggregateUnits,
  MIXED,
  unitElectricityKwh,
  unitThermalMJ,
  type AnalysisUnit,
  type AggregationAccount,
  type AggregationNote,
  type AggregateOptions,
} from "./aggregate";
export { secTable, unitProduction, unitEnergyMJ, type SecBasis, type SecRow, type SecKey } from "./sec";
export { cvRmse, nmbe, fractionalSavingsUncertainty, G14_LIMITS, type FsuInput } from "./g14";
export {
  compareUnpaired,
  comparePaired,
  compareRegression,
  unitEnergy,
  energyUnit,
  isReporting,
  type EnergyKind,
  type DesignOptions,
  type UnpairedComparison,
  type PairedComparison,
  type RegressionComparison,
} from "./compare";
export { planLots, ratioVariability, pilotVariability, type PlanInput } from "./planner";
export {
  fabricThroughputKgPerH,
  waterEvaporatedKgPerH,
  saturationPressureKPa,
  humidityRatioFromRh,
  humidityRatioFromVolumeFraction,
  moistAirEnthalpy,
  exhaustDryAirKgPerH,
  exhaustHeatLossKW,
} from "./physics";
export {
  removalEfficiency,
  emissionRateKgPerH,
  annualEmissionT,
  ppmToMgPerNm3,
  summariseStack,
  type EmissionLimit,
  type StackSummary,
} from "./exhaust";
export { jcmEmissionReduction, annualCoBenefits, type StreamSec, type CoBenefitRow } from "./cobenefit";
export { analyseRetrofit, flaggedRows, type RetrofitOptions, type RetrofitResult } from "./retrofit";
export {
  readMachineLog,
  readMachineLogs,
  readStackMeasurements,
  MACHINE_LOG_UNITS,
  type MachineInterval,
  type MachineQuantity,
  type MachineLogRead,
  type MachineLogReadOptions,
  type StackMeasurement,
  type StackReadOptions,
} from "./read-machinelog";
export { ENERGY_LABELS, energyLabel, type EnergyLabelKey } from "./labels";
export {
  secBoxSpec,
  regressionSpec,
  savingsSpec,
  energyBreakdownSpec,
  emissionBarsSpec,
  coBenefitSpec,
  type EnergyFigureOptions,
} from "./figures";
