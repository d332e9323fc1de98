/**
 * The MCM v3.3.1 photolysis parameterisation J = l·(cos χ)^m·exp(−n·sec χ) (s⁻¹; Saunders et al. 2003,
 * Atmos. Chem. Phys. 3, 161–180; MCM v3.3.1, http://mcm.york.ac.uk/ "Photolysis rates"), and which CMAQ
 * CB6r5 photolysis tables stand for which MCM J.
 * @packageDocumentation
 */

/** One MCM photolysis parameter set. */
export interface McmPhotolysisParameters {
  /** MCM J number (`J1`, `J4`, …). */
  J: string;
  /** The reaction, as F0AM's `J_BottomUp.m` names it. */
  reaction: string;
  /** l (s⁻¹). */
  l: number;
  /** m (dimensionless). */
  m: number;
  /** n (dimensionless). */
  n: number;
}

/**
 * MCM v3.3.1 l, m, n, copied from F0AM v4.4 `Chem/MCMv331/MCMv331_J.m` (github.com/AirChem/F0AM commit
 * 1d69b05, "generic photolysis rate constants used in MCMv3.3.1 mechanism"; its J18/J19/J23/J24/J56
 * updates for v3.3.1 are not used here), with the reactions of F0AM's `Chem/Photolysis/J_BottomUp.m`.
 * The MCM fit is for clear sky at 0.5 km, 45° N, 1 July; F0AM reproduces it with TUV at 350 DU and
 * albedo 0.01 (`MCMv331_J.m`).
 */
export const MCM_V331_PHOTOLYSIS: Readonly<Record<string, McmPhotolysisParameters>> = {
  J1: { J: "J1", reaction: "O3 -> O1D", l: 6.073e-5, m: 1.743, n: 0.474 },
  J2: { J: "J2", reaction: "O3 -> O", l: 4.775e-4, m: 0.298, n: 0.08 },
  J3: { J: "J3", reaction: "H2O2 -> 2OH", l: 1.041e-5, m: 0.723, n: 0.279 },
  J4: { J: "J4", reaction: "NO2 -> NO + O", l: 1.165e-2, m: 0.244, n: 0.267 },
  J5: { J: "J5", reaction: "NO3 -> NO + O2", l: 2.485e-2, m: 0.168, n: 0.108 },
  J6: { J: "J6", reaction: "NO3 -> NO2 + O", l: 1.747e-1, m: 0.155, n: 0.125 },
  J7: { J: "J7", reaction: "HONO -> OH + NO", l: 2.644e-3, m: 0.261, n: 0.288 },
  J8: { J: "J8", reaction: "HNO3 -> OH + NO2", l: 9.312e-7, m: 1.23, n: 0.307 },
  J11: { J: "J11", reaction: "HCHO -> H + HCO", l: 4.642e-5, m: 0.762, n: 0.353 },
  J12: { J: "J12", reaction: "HCHO -> H2 + CO", l: 6.853e-5, m: 0.477, n: 0.323 },
  J13: { J: "J13", reaction: "CH3CHO -> CH3 + HCO", l: 7.344e-6, m: 1.202, n: 0.417 },
  J14: { J: "J14", reaction: "C2H5CHO -> C2H5 + HCO", l: 2.879e-5, m: 1.067, n: 0.358 },
  J21: { J: "J21", reaction: "CH3COCH3 -> CH3CO3 + CH3O2", l: 7.992e-7, m: 1.578, n: 0.271 },
  J22: { J: "J22", reaction: "MEK -> CH3CO + C2H5", l: 5.804e-6, m: 1.092, n: 0.377 },
  J33: { J: "J33", reaction: "GLYOX -> HCO + HCO", l: 3.802e-5, m: 0.644, n: 0.312 },
  J34: { J: "J34", reaction: "MGLYOX -> CH3CO + HCO", l: 1.537e-4, m: 0.17, n: 0.208 },
  J41: { J: "J41", reaction: "CH3OOH -> CH3CO + OH", l: 7.649e-6, m: 0.682, n: 0.279 },
};

/**
 * CB6r5 photolysis tables (CMAQ v5.5 `CSQY_DATA_cb6r5_ae7_aq`) → the MCM J for the same molecule and
 * channel: aozora's assignment by reaction (CB6r5's ALDX photolysis is taken as propanal's J14, KET as
 * MEK's J22, MEPX as CH3OOH's J41, GLY_R as the radical channel J33). Tables without a counterpart
 * (N2O5, PNA, PAN, NTR, GLYD, ISPD, HPALD, the chlorine tables, …) keep the clear-sky value.
 */
export const CB6R5_MCM_J: Readonly<Record<string, string>> = {
  O3_O1D_IUPAC10: "J1",
  O3_O3P_IUPAC10: "J2",
  H2O2_IUPAC10: "J3",
  NO2_IUPAC10: "J4",
  NO3NO_06: "J5",
  NO3NO2_06: "J6",
  HONO_IUPAC10: "J7",
  HNO3_IUPAC10: "J8",
  FORM_R_IUPAC13: "J11",
  FORM_M_IUPAC13: "J12",
  ALD2_R_IUPAC13: "J13",
  ALDX_R_IUPAC13: "J14",
  ACET_IUPAC10: "J21",
  KET_IUPAC10: "J22",
  GLY_R_IUPAC13: "J33",
  MGLY_IUPAC10: "J34",
  MEPX_IUPAC10: "J41",
};
