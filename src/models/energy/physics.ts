import { PSYCHROMETRICS as PS } from "./tables/psychrometrics";

/**
 * Check that every named argument of `fn` is a finite number ≥ 0 (the one argument check of the
 * energy formulas).
 * @throws {RangeError} naming the function and the first argument that is negative, NaN or infinite
 */
export function requireNonNegative(fn: string, args: Record<string, number>): void {
  for (const [k, v] of Object.entries(args))
    if (!(v >= 0 && Number.isFinite(v))) throw new RangeError(`${fn}: ${k} must be a non-negative number, got ${v}`);
}

/**
 * Fabric throughput of a stenter, kg/h = speed (m/min) · 60 · width (m) · GSM (g/m²) / 1000
 * (CONVENTIONS §5).
 * @throws {RangeError} when an input is not a non-negative number
 */
export function fabricThroughputKgPerH(speedMPerMin: number, widthM: number, gsm: number): number {
  requireNonNegative("fabricThroughput", { speed: speedMPerMin, width: widthM, GSM: gsm });
  return (speedMPerMin * 60 * widthM * gsm) / 1000;
}

/**
 * Water evaporated in the stenter, kg/h: dry-fabric throughput × (u_in − u_out), with moisture
 * contents on the dry basis (kg water per kg dry fabric). Give `basis: "wet"` for moisture as a
 * fraction of wet mass (w), converted by u = w/(1 − w). The throughput is of dry fabric (GSM of
 * the finished, dry fabric).
 * @throws {RangeError} when a moisture is negative (or ≥ 1 on the wet basis)
 */
export function waterEvaporatedKgPerH(
  dryThroughputKgPerH: number,
  moistureIn: number,
  moistureOut: number,
  basis: "dry" | "wet" = "dry",
): number {
  const toDry = (x: number) => {
    if (!(x >= 0 && (basis === "dry" || x < 1)))
      throw new RangeError(`waterEvaporated: moisture must be ≥ 0 (and < 1 on the wet basis), got ${x}`);
    return basis === "dry" ? x : x / (1 - x);
  };
  return dryThroughputKgPerH * (toDry(moistureIn) - toDry(moistureOut));
}

/**
 * Saturation vapour pressure over liquid water, kPa, 0–200 °C (Hyland–Wexler, ASHRAE Fundamentals 2017 ch. 1 eq. 6).
 * @throws {RangeError} when the temperature is outside 0–200 °C
 */
export function saturationPressureKPa(tC: number): number {
  if (!(tC >= 0 && tC <= 200)) throw new RangeError(`saturationPressure: temperature must be in 0–200 °C, got ${tC}`);
  const T = tC + 273.15;
  const c = PS.hylandWexler;
  return Math.exp(c.c8 / T + c.c9 + c.c10 * T + c.c11 * T * T + c.c12 * T ** 3 + c.c13 * Math.log(T)) / 1000;
}

/**
 * Humidity ratio W (kg water / kg dry air) from relative humidity (0–1) at t °C and pressure p kPa: W = ε·p_w/(p − p_w), p_w = RH·p_ws(t) (ASHRAE F1 eqs. 20, 22).
 * @throws {RangeError} when RH is outside 0–1 or the vapour pressure reaches the total pressure
 */
export function humidityRatioFromRh(tC: number, rh: number, pKPa: number = PS.pAtm): number {
  if (!(rh >= 0 && rh <= 1)) throw new RangeError(`humidityRatio: relative humidity must be a fraction 0–1, got ${rh}`);
  const pw = rh * saturationPressureKPa(tC);
  if (!(pw < pKPa)) throw new RangeError(`humidityRatio: vapour pressure ${pw} kPa ≥ total pressure ${pKPa} kPa`);
  return (PS.epsilon * pw) / (pKPa - pw);
}

/**
 * Humidity ratio W (kg/kg dry air) from the water-vapour volume fraction y (0–1): W = ε·y/(1 − y).
 * @throws {RangeError} when the volume fraction is outside [0, 1)
 */
export function humidityRatioFromVolumeFraction(y: number): number {
  if (!(y >= 0 && y < 1)) throw new RangeError(`humidityRatio: volume fraction must be in [0, 1), got ${y}`);
  return (PS.epsilon * y) / (1 - y);
}

/** Specific enthalpy of moist air, kJ/kg dry air: h = 1.006·t + W·(2501 + 1.86·t) (ASHRAE F1 eq. 30). */
export function moistAirEnthalpy(tC: number, w: number): number {
  return PS.cpAir * tC + w * (PS.hfg0 + PS.cpVapour * tC);
}

/**
 * Dry-air mass flow of the exhaust, kg/h, from a water balance: the water evaporated from the
 * fabric leaves with the exhaust, so ṁ_da = ṁ_water / (W_exhaust − W_fresh) (humidity ratios in
 * kg/kg dry air; e.g. exhaust 0.08 kg/kg, fresh air 0.01 kg/kg).
 * @throws {RangeError} when the exhaust humidity ratio does not exceed the fresh-air one
 */
export function exhaustDryAirKgPerH(waterKgPerH: number, wExhaust: number, wFresh: number): number {
  if (!(wExhaust > wFresh))
    throw new RangeError(
      `exhaustDryAir: exhaust humidity ratio (${wExhaust}) must exceed the fresh-air one (${wFresh})`,
    );
  return waterKgPerH / (wExhaust - wFresh);
}

/**
 * Heat carried away by the exhaust above fresh-air conditions, kW:
 * Q = ṁ_da · (h(t_exh, W_exh) − h(t_fresh, W_fresh)) / 3600 (kJ/h → kW). It includes the latent
 * heat of the evaporated water (the useful drying duty) and the sensible heat of the excess
 * air (the avoidable part, reduced by lower exhaust volume or heat recovery).
 */
export function exhaustHeatLossKW(
  dryAirKgPerH: number,
  tExhC: number,
  wExh: number,
  tFreshC: number,
  wFresh: number,
): { totalKW: number; sensibleAirKW: number } {
  const total = (dryAirKgPerH * (moistAirEnthalpy(tExhC, wExh) - moistAirEnthalpy(tFreshC, wFresh))) / 3600;
  const sensible = (dryAirKgPerH * PS.cpAir * (tExhC - tFreshC)) / 3600;
  return { totalKW: total, sensibleAirKW: sensible };
}
