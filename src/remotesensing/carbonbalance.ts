import { FUEL_CARBON_FRACTION, HC_NDIR_TO_FID, MOLAR_MASS } from "./tables/constants";

/** Options of {@link fuelBasedEf}. */
export interface CarbonBalanceOptions {
  /** Fuel carbon mass fraction w_c, g C / g fuel (default by fuel from FUEL_CARBON_FRACTION; gasoline 0.866). */
  carbonFraction?: number;
  /** Carbon atoms per HC molecule as reported (3: propane equivalent). */
  hcCarbonNumber?: number;
  /** Factor applied to the reported HC ratio to estimate total HC (default 2, NDIR → FID). */
  hcFactor?: number;
  /** Express NO as NO (30.006 g/mol, as Bishop & Stedman) or as NO2 (46.006, the inventory convention). Default "NO". */
  noAs?: "NO" | "NO2";
}

/** Fuel-based emission factors, g pollutant per kg fuel burned. */
export interface FuelBasedEf {
  co: number;
  hc: number;
  no: number;
  /** Moles of exhaust carbon per mole of CO2: 1 + Q_CO + n_C·k·Q_HC. */
  carbonPerCo2: number;
}

/**
 * Fuel-based emission factors from remote-sensing ratios by the carbon balance (Bishop, Starkey,
 * Ihlenfeldt, Williams & Stedman 1989, Anal. Chem. 61:671A; Bishop & Stedman 1996, Acc. Chem.
 * Res. 29:489; Bishop & Stedman 2008, Environ. Sci. Technol. 42:1651).
 *
 * Derivation: all fuel carbon leaves as CO2, CO and HC (soot carbon neglected). With the molar
 * ratios Q_CO = CO/CO2, Q_HC = HC/CO2 (HC as reported, propane-equivalent), Q_NO = NO/CO2, the
 * moles of carbon per mole of CO2 are 1 + Q_CO + n_C·k·Q_HC (n_C = 3 for propane, k = 2 the
 * NDIR→FID factor), so each mole of fuel carbon carries Q_X/(1 + Q_CO + n_C·k·Q_HC) moles of X.
 * A kilogram of fuel holds 1000·w_c/M_C moles of carbon, hence
 *
 *   EF_X (g/kg) = M_X · Q_X' / (1 + Q_CO + n_C·k·Q_HC) · 1000·w_c / M_C,
 *
 * with Q_HC' = k·Q_HC and M_HC = 44.097 (propane). With w_c = 12/14 this is Bishop & Stedman's
 * EF_CO = 28·Q_CO/(1 + Q_CO + 6·Q_HC)/0.014, EF_HC = 2·44·Q_HC/(…)/0.014, EF_NO = 30·Q_NO/(…)/0.014.
 * Non-finite ratios give NaN.
 *
 * @param q    molar ratios CO/CO2, HC/CO2 (propane-equivalent), NO/CO2 (dimensionless)
 * @param fuel fuel name for the default carbon fraction (gasoline, diesel, cng, lpg)
 * @throws {RangeError} when the fuel's carbon fraction is not in (0, 1]
 */
export function fuelBasedEf(
  q: { co: number; hc: number; no: number },
  fuel = "gasoline",
  opts: CarbonBalanceOptions = {},
): FuelBasedEf {
  const wc = opts.carbonFraction ?? FUEL_CARBON_FRACTION[fuel.toLowerCase()];
  if (!(wc > 0 && wc <= 1))
    throw new RangeError(`fuel carbon fraction must be in (0, 1]: give carbonFraction for fuel "${fuel}"`);
  const nC = opts.hcCarbonNumber ?? 3,
    k = opts.hcFactor ?? HC_NDIR_TO_FID;
  const denom = 1 + q.co + nC * k * q.hc;
  const molC = (1000 * wc) / MOLAR_MASS.C; // mol C per kg fuel
  const mNo = (opts.noAs ?? "NO") === "NO2" ? MOLAR_MASS.NO2 : MOLAR_MASS.NO;
  return {
    co: (MOLAR_MASS.CO * q.co * molC) / denom,
    hc: (MOLAR_MASS.C3H8 * k * q.hc * molC) / denom,
    no: (mNo * q.no * molC) / denom,
    carbonPerCo2: denom,
  };
}
