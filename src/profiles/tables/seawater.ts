/**
 * Reference composition of standard seawater, Millero, Feistel, Wright & McDougall (2008),
 * "The composition of Standard Seawater and the definition of the Reference-Composition Salinity
 * Scale", Deep-Sea Research I 55:50–72, Table 4: mass fractions in g/kg of seawater at reference
 * salinity S_R = 35.16504 g/kg. Dividing by S_R gives the mass fraction of each constituent in sea
 * salt (the dry salt a sea-spray particle carries before any chloride depletion).
 */
export const SEAWATER_MILLERO_2008 = {
  citation: "Millero, F.J., Feistel, R., Wright, D.G., McDougall, T.J. (2008) Deep-Sea Res. I 55:50–72, Table 4",
  salinity: 35.16504,
  /** Constituent → g/kg of seawater (the minor carbonate and borate species, ≈ 0.042 g/kg, are not listed). */
  gPerKg: {
    Na: 10.78145, Mg: 1.28372, Ca: 0.41208, K: 0.3991, Sr: 0.00795, Cl: 19.35271, SO4: 2.71235, Br: 0.06728, F: 0.0013, HCO3: 0.10481
  } as Record<string, number>,
} as const;
