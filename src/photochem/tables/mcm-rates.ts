/**
 * The Master Chemical Mechanism's named rate coefficients, MCM v3.3.1, as the MCM site's KPP export
 * defines them: `constants_mcm.f90`, subroutine `define_constants_mcm` (copied in KPP 3.5.0,
 * https://github.com/KineticPreProcessor/KPP, `examples/mcm/constants_mcm.f90`, commit fd1c2cd; MCM:
 * http://mcm.york.ac.uk/, "Complex rate coefficients" and "Generic rate coefficients"). Each entry is
 * that Fortran definition rewritten as a sum of {@link ExpressionTerm}s, with the Fortran in `source`.
 *
 * MCM's falloff coefficients all have the form `KMTnn = (K0*KI)*F/(K0+KI)` with
 * `F = 10.**(LOG10(FC)/(1.+(LOG10(KR)/NC)**(2.)))`, `KR = K0/KI`, `NC = 0.75-1.27*(LOG10(FC))`: the
 * Troe factor of {@link ExpressionTerm.falloff} with N = 0.75 − 1.27·log10(Fc) and K0 = k0·[M].
 * `KMT11` (OH + HNO3) is K1 + K3·M/(1 + K3·M/K4), {@link ExpressionTerm.hno3oh}.
 *
 * Not representable and therefore absent (a rate using them is refused by name): `KMT17`
 * (`FC17 = 0.17*EXP(-51./TEMP)+EXP(-TEMP/204.)`, a temperature-dependent Fc) and `KMT18`
 * (`9.5E-39*O2*EXP(5270./TEMP)/(1.+7.5E-29*O2*EXP(5610./TEMP))`, a ratio).
 */

import type { ArrheniusTerm, ExpressionTerm } from "../mechanism";

const arr = (A: number, C = 0, B = 0): ArrheniusTerm => ({ A, B, C });
const one = (A: number, C = 0, B = 0, densities: string[] = []): ExpressionTerm => ({ A, B, C, densities });
/** MCM falloff: k0 (× M), kinf, constant Fc, N = 0.75 − 1.27·log10(Fc). */
const troe = (k0: ArrheniusTerm, kinf: ArrheniusTerm, Fc: number): ExpressionTerm => ({
  A: 1,
  B: 0,
  C: 0,
  densities: [],
  falloff: { k0, kinf, Fc, N: 0.75 - 1.27 * Math.log10(Fc) },
});

/** One MCM v3.3.1 named rate coefficient. */
export interface McmRate {
  /** The coefficient as a sum of terms. */
  terms: readonly ExpressionTerm[];
  /** The Fortran definition in `constants_mcm.f90`. */
  source: string;
}

/** MCM v3.3.1 named rate coefficients (see the module comment for the source). */
export const MCM_V331_RATES: ReadonlyMap<string, McmRate> = new Map<string, McmRate>([
  ["K14ISOM1", { terms: [one(3.0e7, 5300)], source: "3.00E7*EXP(-5300./TEMP)" }],
  ["K298CH3O2", { terms: [one(3.5e-13)], source: "3.5E-13" }],
  ["KAPHO2", { terms: [one(5.2e-13, -980)], source: "5.2E-13*EXP(980./TEMP)" }],
  ["KAPNO", { terms: [one(7.5e-12, -290)], source: "7.5E-12*EXP(290./TEMP)" }],
  ["KCH3O2", { terms: [one(1.03e-13, -365)], source: "1.03E-13*EXP(365./TEMP)" }],
  ["KDEC", { terms: [one(1.0e6)], source: "1.00E+06" }],
  ["KMT05", { terms: [one(1.44e-13), one(1.44e-13 / 4.2e19, 0, 0, ["M"])], source: "1.44E-13*(1.+(M/4.2E+19))" }],
  ["KMT06", { terms: [one(1), one(1.4e-21, -2200, 0, ["H2O"])], source: "1. + (1.40E-21*EXP(2200./TEMP)*H2O)" }],
  ["KNO3AL", { terms: [one(1.44e-12, 1862)], source: "1.44E-12*EXP(-1862./TEMP)" }],
  ["KRO2HO2", { terms: [one(2.91e-13, -1300)], source: "2.91E-13*EXP(1300./TEMP)" }],
  ["KRO2NO", { terms: [one(2.7e-12, -360)], source: "2.7E-12*EXP(360./TEMP)" }],
  ["KRO2NO3", { terms: [one(2.3e-12)], source: "2.3E-12" }],
  ["KROPRIM", { terms: [one(2.5e-14, 300)], source: "2.50E-14*EXP(-300./TEMP)" }],
  ["KROSEC", { terms: [one(2.5e-14, 300)], source: "2.50E-14*EXP(-300./TEMP)" }],
  [
    "KBPAN",
    {
      terms: [troe(arr(1.1e-5, 10100), arr(1.9e17, 14100), 0.3)],
      source: "KD0 = 1.10E-05*M*EXP(-10100./TEMP), KDI = 1.90E17*EXP(-14100./TEMP), FCD = 0.30",
    },
  ],
  [
    "KBPPN",
    {
      terms: [troe(arr(1.7e-3, 11280), arr(8.3e16, 13940), 0.36)],
      source: "KPPN0 = 1.7E-03*EXP(-11280./TEMP)*M, KPPNI = 8.3E+16*EXP(-13940./TEMP), FCPPN = 0.36",
    },
  ],
  [
    "KFPAN",
    {
      terms: [troe(arr(3.28e-28, 0, -6.87), arr(1.125e-11, 0, -1.105), 0.3)],
      source: "KC0 = 3.28E-28*M*(TEMP/300.)**(-6.87), KCI = 1.125E-11*(TEMP/300.)**(-1.105), FCC = 0.30",
    },
  ],
  [
    "KMT01",
    {
      terms: [troe(arr(1.0e-31, 0, -1.6), arr(5.0e-11, 0, -0.3), 0.85)],
      source: "K10 = 1.0E-31*M*(TEMP/300.)**(-1.6), K1I = 5.0E-11*(TEMP/300.)**(-0.3), FC1 = 0.85",
    },
  ],
  [
    "KMT02",
    {
      terms: [troe(arr(1.3e-31, 0, -1.5), arr(2.3e-11, 0, 0.24), 0.6)],
      source: "K20 = 1.3E-31*M*(TEMP/300.)**(-1.5), K2I = 2.3E-11*(TEMP/300.)**(0.24), FC2 = 0.6",
    },
  ],
  [
    "KMT03",
    {
      terms: [troe(arr(3.6e-30, 0, -4.1), arr(1.9e-12, 0, 0.2), 0.35)],
      source: "K30 = 3.6E-30*M*(TEMP/300.)**(-4.1), K3I = 1.9E-12*(TEMP/300.)**(0.2), FC3 = 0.35",
    },
  ],
  [
    "KMT04",
    {
      terms: [troe(arr(1.3e-3, 11000, -3.5), arr(9.7e14, 11080, 0.1), 0.35)],
      source:
        "K40 = 1.3E-3*M*(TEMP/300.)**(-3.5)*EXP(-11000./TEMP), K4I = 9.7E+14*(TEMP/300.)**(0.1)*EXP(-11080./TEMP), FC4 = 0.35",
    },
  ],
  [
    "KMT07",
    {
      terms: [troe(arr(7.4e-31, 0, -2.4), arr(3.3e-11, 0, -0.3), 0.81)],
      source: "K70 = 7.4E-31*M*(TEMP/300.)**(-2.4), K7I = 3.3E-11*(TEMP/300.)**(-0.3), FC7 = 0.81",
    },
  ],
  [
    "KMT08",
    {
      terms: [troe(arr(3.2e-30, 0, -4.5), arr(3.0e-11), 0.41)],
      source: "K80 = 3.2E-30*M*(TEMP/300.)**(-4.5), K8I = 3.0E-11, FC8 = 0.41",
    },
  ],
  [
    "KMT09",
    {
      terms: [troe(arr(1.4e-31, 0, -3.1), arr(4.0e-12), 0.4)],
      source: "K90 = 1.4E-31*M*(TEMP/300.)**(-3.1), K9I = 4.0E-12, FC9 = 0.4",
    },
  ],
  [
    "KMT10",
    {
      terms: [troe(arr(4.1e-5, 10650), arr(6.0e15, 11170), 0.4)],
      source: "K100 = 4.10E-05*M*EXP(-10650./TEMP), K10I = 6.0E+15*EXP(-11170./TEMP), FC10 = 0.4",
    },
  ],
  [
    "KMT11",
    {
      terms: [
        {
          A: 1,
          B: 0,
          C: 0,
          densities: [],
          hno3oh: { k0: arr(2.4e-14, -460), k2: arr(2.7e-17, -2199), k3: arr(6.5e-34, -1335) },
        },
      ],
      source:
        "K3 = 6.50E-34*EXP(1335./TEMP), K4 = 2.70E-17*EXP(2199./TEMP), K1 = 2.40E-14*EXP(460./TEMP), K2 = (K3*M)/(1.+(K3*M/K4)), KMT11 = K1 + K2",
    },
  ],
  [
    "KMT12",
    {
      terms: [troe(arr(2.5e-31, 0, -2.6), arr(2.0e-12), 0.53)],
      source: "K120 = 2.5E-31*M*(TEMP/300.)**(-2.6), K12I = 2.0E-12, FC12 = 0.53",
    },
  ],
  [
    "KMT13",
    {
      terms: [troe(arr(2.5e-30, 0, -5.5), arr(1.8e-11), 0.36)],
      source: "K130 = 2.5E-30*M*(TEMP/300.)**(-5.5), K13I = 1.8E-11, FC13 = 0.36",
    },
  ],
  [
    "KMT14",
    {
      terms: [troe(arr(9.0e-5, 9690), arr(1.1e16, 10560), 0.36)],
      source: "K140 = 9.0E-5*EXP(-9690./TEMP)*M, K14I = 1.1E+16*EXP(-10560./TEMP), FC14 = 0.36",
    },
  ],
  [
    "KMT15",
    {
      terms: [troe(arr(8.6e-29, 0, -3.1), arr(9.0e-12, 0, -0.85), 0.48)],
      source: "K150 = 8.6E-29*M*(TEMP/300.)**(-3.1), K15I = 9.0E-12*(TEMP/300.)**(-0.85), FC15 = 0.48",
    },
  ],
  [
    "KMT16",
    {
      terms: [troe(arr(8.0e-27, 0, -3.5), arr(3.0e-11, 0, -1), 0.5)],
      source: "K160 = 8.E-27*M*(TEMP/300.)**(-3.5), K16I = 3.0E-11*(TEMP/300.)**(-1.), FC16 = 0.5",
    },
  ],
]);
