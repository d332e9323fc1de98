/**
 * Psychrometric constants (ASHRAE Handbook—Fundamentals 2017, ch. 1).
 */
export const PSYCHROMETRICS = {
  /** Ratio of molar masses water/dry air, 18.015268/28.966 (ASHRAE F1 eq. 20). */
  epsilon: 0.621945,
  /** Specific heat of dry air, kJ/(kg·K) (ASHRAE F1 eq. 30: h = 1.006·t + W(2501 + 1.86·t)). */
  cpAir: 1.006,
  /** Latent heat of vaporisation of water at 0 °C, kJ/kg (same equation). */
  hfg0: 2501,
  /** Specific heat of water vapour, kJ/(kg·K) (same equation). */
  cpVapour: 1.86,
  /** Hyland–Wexler saturation pressure over liquid water, ln(p_ws/Pa) = C8/T + C9 + C10·T + C11·T² + C12·T³ + C13·ln T (ASHRAE F1 eq. 6, 0–200 °C). */
  hylandWexler: {
    c8: -5.8002206e3,
    c9: 1.3914993,
    c10: -4.8640239e-2,
    c11: 4.1764768e-5,
    c12: -1.4452093e-8,
    c13: 6.5459673,
  },
  /** Standard atmospheric pressure, kPa. */
  pAtm: 101.325,
} as const;
