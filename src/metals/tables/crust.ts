/**
 * Upper continental crust composition, mg/kg (ppm by mass), for enrichment factors.
 *
 * - McLennan (2001), G-Cubed 2, doi:10.1029/2000GC000109 (values as tabulated; Se = 50 ppb =
 *   0.05 mg/kg: the compilation this project checked lists "50 ppm", a unit error). No S, Cl, Br.
 * - Rudnick & Gao (2014), Treatise on Geochemistry 2nd ed. 4.1, doi:10.1016/B978-0-08-095975-7.00301-6.
 *   Major elements are published as oxides (wt %); the element values here are oxide × the mass
 *   fraction of the element in the oxide (IUPAC 2013 atomic weights): SiO2 66.6 % → Si 31.13 %,
 *   Al2O3 15.4 % → Al 8.15 %, FeO(T) 5.04 % → Fe 3.92 %, TiO2 0.64 % → Ti 0.384 %, K2O 2.8 % →
 *   K 2.32 %, CaO 3.59 % → Ca 2.57 %, MgO 2.48 % → Mg 1.50 %, MnO 0.10 % → Mn 774 mg/kg,
 *   Na2O 3.27 % → Na 2.43 %, P2O5 0.15 % → P 655 mg/kg.
 */
export interface CrustTable {
  name: string;
  citation: string;
  /** Element → mass fraction, mg/kg. */
  mgPerKg: Readonly<Record<string, number>>;
}

import { UCC_RUDNICK_GAO_2014 as RG } from "./crust-rudnick-gao";

const pct = (p: number) => p * 1e4;
const AW = {
  O: 15.999,
  Si: 28.085,
  Al: 26.9815,
  Fe: 55.845,
  Ti: 47.867,
  K: 39.0983,
  Ca: 40.078,
  Mg: 24.305,
  Mn: 54.938,
  Na: 22.98977,
  P: 30.97376,
};
/** Element mass fraction of an oxide El_a O_b. */
const ox = (wtPct: number, el: keyof typeof AW, a: number, b: number) =>
  pct((wtPct * a * AW[el]) / (a * AW[el] + b * AW.O));

export const UCC_MCLENNAN_2001: CrustTable = Object.freeze({
  name: "McLennan 2001",
  citation:
    "McLennan, S.M. (2001). Relationships between the trace element composition of sedimentary rocks and upper continental crust. Geochem. Geophys. Geosyst. 2, doi:10.1029/2000GC000109",
  mgPerKg: Object.freeze({
    Na: 28900,
    Mg: 13300,
    Al: 80400,
    Si: 308000,
    P: 700,
    K: 28000,
    Ca: 30000,
    Ti: 4100, // 2.89 %, 1.33 %, 8.04 %, 30.8 %, 2.8 %, 3 %, 0.41 %
    V: 107,
    Cr: 83,
    Mn: 600,
    Fe: 35000,
    Co: 17,
    Ni: 44,
    Cu: 25,
    Zn: 71,
    Ga: 17,
    As: 1.5,
    Se: 0.05,
    Rb: 112,
    Sr: 350,
    Zr: 190,
    Mo: 1.5,
    Cd: 0.098,
    Sn: 5.5,
    Sb: 0.2,
    Ba: 550,
    La: 30,
    Ce: 64,
    Tl: 0.75,
    Pb: 17,
  }),
});

/**
 * Rudnick & Gao (2014) as element mass fractions (mg/kg), derived from the published table in
 * `src/metals/tables/crust-rudnick-gao.ts` (oxide wt % × element mass fraction of the oxide; traces as published).
 */
export const UCC_RUDNICK_GAO_2014: CrustTable = Object.freeze({
  name: "Rudnick & Gao 2014",
  citation:
    "Rudnick, R.L., Gao, S. (2014). Composition of the Continental Crust. In: Treatise on Geochemistry, 2nd ed., vol. 4, pp. 1–51, doi:10.1016/B978-0-08-095975-7.00301-6",
  mgPerKg: Object.freeze(rudnickGaoElements()),
});

function rudnickGaoElements(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [oxide, [wtPct, , el, n]] of Object.entries(RG.oxides)) {
    const nO = Number(/O(\d*)$/.exec(oxide)![1] || 1);
    out[el] = ox(wtPct, el as keyof typeof AW, n, nO);
  }
  for (const [el, [ppm]] of Object.entries(RG.traces)) out[el] = ppm;
  return out;
}

/** The crust tables shipped, by key. */
export const CRUST_TABLES = { mclennan2001: UCC_MCLENNAN_2001, rudnickgao2014: UCC_RUDNICK_GAO_2014 } as const;
