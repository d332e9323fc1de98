/**
 * Mass-closure (reconstructed mass) formula sets. Each component is a mathjs expression of
 * formula symbols (see `symbols.ts`; concentrations in µg/m3) and `omoc`, the OM/OC factor.
 * `sum(TRACE)` stands for the sum of the trace elements present in the table.
 *
 * Factors and their sources:
 * - (NH4)2SO4/SO4 = 132.14/96.06 = 1.375; NH4NO3/NO3 = 80.04/62.00 = 1.29 (full neutralisation).
 * - IMPROVE soil = 2.20 Al + 2.49 Si + 1.63 Ca + 2.42 Fe + 1.94 Ti (Malm et al. 1994, J. Geophys.
 *   Res. 99:1347, eq. for SOIL).
 * - OM = 1.4·OC (Malm et al. 1994); 1.8·OC and sea salt = 1.8·Cl- (revised IMPROVE algorithm,
 *   Pitchford et al. 2007, J. Air Waste Manage. Assoc. 57:1326).
 * - Oxide form of mineral dust 1.89 Al + 2.14 Si + 1.40 Ca + 1.43 Fe + 1.67 Ti (Al2O3, SiO2, CaO,
 *   Fe2O3, TiO2 stoichiometry; Chan et al. 1997, Atmos. Environ. 31:3773), widely used in Chinese
 *   PM2.5 studies with measured SO4/NO3/NH4 and OM = 1.6·OC (urban, Turpin & Lim 2001, Aerosol
 *   Sci. Technol. 35:602).
 * - Sea salt from ions = Cl- + 1.45·Na+ (Na+ plus the seawater Mg, K, Ca and SO4 that come with
 *   it: mass ratios to Na 0.12, 0.037, 0.038, 0.25; Pio et al. 2007, J. Geophys. Res. 112:D23S02).
 * The Japanese variant (measured ions, OM = 1.4·OC, IMPROVE soil, ionic sea salt, trace
 * elements) follows common practice in Japanese PM2.5 component studies; it is a documented,
 * overridable default (verify against the study protocol).
 */
export interface MassClosureComponent {
  /** Component key (used in results and figure legends). */
  key: string;
  /** mathjs expression in µg/m3. */
  expression: string;
}

export interface MassClosureFormulaSet {
  id: string;
  description: string;
  /** Default OM/OC factor. */
  omoc: number;
  components: MassClosureComponent[];
  citation: string;
}

/** Components shared by several sets (see the factors above). */
const C = {
  ammoniumSulfate: { key: "ammoniumSulfate", expression: "1.375 * SO4" },
  ammoniumNitrate: { key: "ammoniumNitrate", expression: "1.29 * NO3" },
  sulfate: { key: "sulfate", expression: "SO4" },
  nitrate: { key: "nitrate", expression: "NO3" },
  ammonium: { key: "ammonium", expression: "NH4" },
  organicMatter: { key: "organicMatter", expression: "omoc * OC" },
  elementalCarbon: { key: "elementalCarbon", expression: "EC" },
  improveSoil: { key: "soil", expression: "2.20 * Al + 2.49 * Si + 1.63 * Ca + 2.42 * Fe + 1.94 * Ti" },
  oxideDust: { key: "mineralDust", expression: "1.89 * Al + 2.14 * Si + 1.40 * Ca + 1.43 * Fe + 1.67 * Ti" },
  seaSaltChloride: { key: "seaSalt", expression: "1.8 * Cl_ion" },
  seaSaltIons: { key: "seaSalt", expression: "Cl_ion + 1.45 * Na_ion" },
  traceElements: { key: "traceElements", expression: "sum(TRACE)" },
} satisfies Record<string, MassClosureComponent>;

export const MASS_CLOSURE_SETS: Record<string, MassClosureFormulaSet> = {
  "improve-1994": {
    id: "improve-1994",
    description: "IMPROVE (Malm et al. 1994): ammonium sulfate, ammonium nitrate, OM = omoc·OC, EC, soil",
    omoc: 1.4,
    components: [C.ammoniumSulfate, C.ammoniumNitrate, C.organicMatter, C.elementalCarbon, C.improveSoil],
    citation: "Malm, W. C. et al. (1994) J. Geophys. Res. 99(D1):1347–1370",
  },
  "improve-2007": {
    id: "improve-2007",
    description:
      "Revised IMPROVE (Pitchford et al. 2007), mass form: as IMPROVE 1994 with OM = 1.8·OC and sea salt = 1.8·Cl-",
    omoc: 1.8,
    components: [
      C.ammoniumSulfate,
      C.ammoniumNitrate,
      C.organicMatter,
      C.elementalCarbon,
      C.improveSoil,
      C.seaSaltChloride,
    ],
    citation: "Pitchford, M. et al. (2007) J. Air Waste Manage. Assoc. 57:1326–1336",
  },
  cn: {
    id: "cn",
    description:
      "Common Chinese practice: measured SO4, NO3, NH4; OM = 1.6·OC; EC; mineral oxides; sea salt Cl- + 1.45·Na+; trace elements",
    omoc: 1.6,
    components: [
      C.sulfate,
      C.nitrate,
      C.ammonium,
      C.organicMatter,
      C.elementalCarbon,
      C.oxideDust,
      C.seaSaltIons,
      C.traceElements,
    ],
    citation:
      "Chan et al. (1997) Atmos. Environ. 31:3773; Turpin & Lim (2001) Aerosol Sci. Technol. 35:602; Pio et al. (2007) J. Geophys. Res. 112:D23S02",
  },
  jp: {
    id: "jp",
    description:
      "Japanese variant (verify): measured SO4, NO3, NH4; OM = 1.4·OC; EC; IMPROVE soil; sea salt Cl- + 1.45·Na+; trace elements",
    omoc: 1.4,
    components: [
      C.sulfate,
      C.nitrate,
      C.ammonium,
      C.organicMatter,
      C.elementalCarbon,
      C.improveSoil,
      C.seaSaltIons,
      C.traceElements,
    ],
    citation: "Malm et al. (1994); Pio et al. (2007); OM/OC 1.4 common in Japanese studies (verify)",
  },
};
