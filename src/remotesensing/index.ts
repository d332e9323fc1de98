/**
 * Roadside remote sensing of vehicle exhaust: fuel-based emission factors by the carbon balance,
 * vehicle specific power, distributions, high-emitter screening and fleet emissions.
 */
export { EXCLUDING_FLAGS, usableRecord, type RsdRecords } from "./types";
export { fuelBasedEf, type CarbonBalanceOptions, type FuelBasedEf } from "./carbonbalance";
export { vsp, vspMode, vspModeLabel } from "./vsp";
export { rsdEmissions, type RsdEmissions } from "./emissions";
export { efByGroup, type EfGroupStats } from "./summary";
export { screenHighEmitters, cutPointTradeoff, chooseCutPoint, type CutPointRow } from "./screening";
export { fleetEmissions, type FleetRow } from "./fleet";
export {
  MOLAR_MASS,
  FUEL_CARBON_FRACTION,
  HC_NDIR_TO_FID,
  RATIO_LIMITS,
  VSP_MODE_EDGES,
  VSP_LIGHT_DUTY,
} from "./tables/constants";
export { readRemoteSensing, type RsdRead, type RsdReadOptions } from "./read";
export { efByModelYearSpec, efByVspSpec } from "./figures";
