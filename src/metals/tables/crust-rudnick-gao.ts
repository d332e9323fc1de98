/**
 * Upper continental crust composition, Rudnick & Gao (2014), "Composition of the continental
 * crust", Treatise on Geochemistry 2nd ed., vol. 4, 1–51, Table 3 (recommended UCC). Major
 * elements as oxide mass %, trace elements in ppm (µg/g); `unc2sigma` as published (NaN where
 * none is given). Values as in the project's shared reference file crust-ucc-rudnickgao2014.csv
 * (the validation suite checks this table against it). Se: 0.09 ppm.
 *
 * The one source of these values in the project: the crustal source profile (src/profiles) and
 * the element table for enrichment factors (src/metals/tables/crust.ts) are both derived from it.
 */
export const UCC_RUDNICK_GAO_2014 = {
  citation:
    "Rudnick, R.L., Gao, S. (2014) Composition of the continental crust. Treatise on Geochemistry 2nd ed. 4:1–51, Table 3",
  /** Oxide → [mass %, 2σ mass %, element, atoms of element per formula]. FeO is total Fe as FeO. */
  oxides: {
    SiO2: [66.6, 2.36, "Si", 1],
    TiO2: [0.64, 0.16, "Ti", 1],
    Al2O3: [15.4, 1.5, "Al", 2],
    FeO: [5.04, 1.06, "Fe", 1],
    MnO: [0.1, 0.02, "Mn", 1],
    MgO: [2.48, 0.7, "Mg", 1],
    CaO: [3.59, 0.4, "Ca", 1],
    Na2O: [3.27, 0.96, "Na", 2],
    K2O: [2.8, 0.46, "K", 2],
    P2O5: [0.15, 0.04, "P", 2],
  } as Record<string, [number, number, string, number]>,
  /** Element → [ppm, 2σ ppm]. */
  traces: {
    S: [621, 644],
    Cl: [370, 764],
    V: [97, 22],
    Cr: [92, 34],
    Co: [17.3, 1.2],
    Ni: [47, 22],
    Cu: [28, 8],
    Zn: [67, 12],
    As: [4.8, 1],
    Se: [0.09, 0.1],
    Br: [1.6, NaN],
    Rb: [84, 34],
    Sr: [320, 92],
    Cd: [0.09, 0.02],
    Sb: [0.4, 0.2],
    Ba: [628, 166],
    Pb: [17, 1],
    Ga: [17.5, 1.4],
    Zr: [193, 56],
    Mo: [1.1, 0.6],
    Sn: [2.1, 1],
    La: [31, 6],
    Ce: [63, 8],
    Hg: [0.05, 0.08],
    Tl: [0.9, 1],
  } as Record<string, [number, number]>,
} as const;
