/**
 * Reference composition of standard seawater, Millero, Feistel, Wright & McDougall (2008),
 * "The composition of Standard Seawater and the definition of the Reference-Composition Salinity
 * Scale", Deep-Sea Research I 55:50–72, Table 4: mass fractions in g/kg of seawater at reference
 * salinity S_R = 35.16504 g/kg. Dividing by S_R gives the mass fraction of each constituent in sea
 * salt (the dry salt a sea-spray particle carries before any chloride depletion).
 *
 * Cross-checked (2026-11) against two independent transcriptions of Table 4: pyEQL
 * (github.com/KingsburyLab/pyEQL, pyEQL/functions.py, `autogenerate("seawater")`, all 15
 * constituents) and kkrings/seawater (docs/_sources/composition.rst.txt, the six major ions): all
 * ten values below agree to the last digit. With the five minor species of Table 4 (CO3 0.01434,
 * B(OH)4 0.00795, B(OH)3 0.01944, CO2 0.00042, OH 0.00014 g/kg, 0.04229 in all) they sum to
 * S_R = 35.16504 g/kg exactly (test/profiles/seawater.test.ts).
 */
export const SEAWATER_MILLERO_2008 = {
  citation: "Millero, F.J., Feistel, R., Wright, D.G., McDougall, T.J. (2008) Deep-Sea Res. I 55:50–72, Table 4",
  salinity: 35.16504,
  /** Constituent → g/kg of seawater (the minor carbonate, borate and hydroxide species, 0.04229 g/kg, are not listed). */
  gPerKg: {
    Na: 10.78145,
    Mg: 1.28372,
    Ca: 0.41208,
    K: 0.3991,
    Sr: 0.00795,
    Cl: 19.35271,
    SO4: 2.71235,
    Br: 0.06728,
    F: 0.0013,
    HCO3: 0.10481,
  } as Record<string, number>,
} as const;
