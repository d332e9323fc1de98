import { describe, expect, it } from "vitest";
import { AozoraInputError } from "../../src/io/errors";
import {
  airNumberDensity,
  compileMechanism,
  parseChemmech,
  summariseMechanism,
  type RateEnvironment,
} from "../../src/photochem";
import { FORMS } from "./fixtures/mechanisms";

const J_NO2 = 8.0e-3;
const J_KET = 2.0e-6;

function env(T: number, p = 101325): RateEnvironment {
  const M = airNumberDensity(p, T);
  return {
    temperatureK: T,
    pressurePa: p,
    M,
    O2: 0.2095 * M,
    N2: 0.7808 * M,
    H2O: 3.0e17,
    photolysis: { NO2_IUPAC10: J_NO2, KET_IUPAC10: J_KET },
  };
}

/** Troe falloff, written out: k0·M/(1 + k0·M/kinf) · Fc^(1/(1 + (log10(k0·M/kinf)/N)²)). */
function troe(k0: number, kinf: number, M: number, Fc: number, N: number): number {
  const r = (k0 * M) / kinf;
  return ((k0 * M) / (1 + r)) * Fc ** (1 / (1 + (Math.log10(r) / N) ** 2));
}

describe("parseChemmech: the rate forms of the shipped CMAQ mechanisms", () => {
  const mech = parseChemmech(FORMS, { file: "forms.def" });

  it("reads labels, reactants, products with implicit, fractional and negative coefficients", () => {
    expect(mech.name).toBe("FORMS_TEST");
    expect(mech.units).toBe("CM");
    const r128 = mech.reactions.find((r) => r.label === "R128")!;
    expect(r128.line).toBe(27); // line 1 is the empty line after the opening backquote
    expect(r128.reactants).toEqual(["KET"]);
    expect(r128.products).toEqual([
      { species: "ALD2", coefficient: 0.5 },
      { species: "C2O3", coefficient: 0.5 },
      { species: "XO2H", coefficient: 0.5 },
      { species: "CXO3", coefficient: 0.5 },
      { species: "MEO2", coefficient: 0.5 },
      { species: "RO2", coefficient: 1 },
      { species: "PAR", coefficient: -2.5 },
    ]);
    expect(r128.rate).toEqual({ kind: "photolysis", A: 1.0, name: "KET_IUPAC10" });
    // `< T03>`: blanks inside a label are not part of it (README: "up to 16 non-blank characters")
    expect(mech.reactions.some((r) => r.label === "T03")).toBe(true);
    // R7-style empty product list and constant species M as a product
    expect(mech.reactions.find((r) => r.label === "R2")!.products).toEqual([
      { species: "O3", coefficient: 1 },
      { species: "M", coefficient: 1 },
    ]);
    expect(mech.constantSpecies).toEqual(["M", "O2", "N2", "H2O", "H2", "CH4"]);
    expect(mech.species).not.toContain("M");
    expect(mech.species).not.toContain("CH4");
    // falloff defaults when Fc and N are not written (CMAQ GETRATE: "default F" 0.6, "default n" 1.0)
    expect(mech.reactions.find((r) => r.label === "CL28")!.rate).toMatchObject({ kind: "falloff", Fc: 0.6, N: 1 });
    expect(mech.reactions.find((r) => r.label === "R063")!.rate).toMatchObject({ kind: "falloff", Fc: 0.6, N: 1 });
    expect(mech.reactions.find((r) => r.label === "R4")!.rate).toMatchObject({ kind: "falloff", Fc: 0.85, N: 0.84 });
    expect(mech.changes).toEqual([]);
  });

  it("counts forms and phases", () => {
    const s = summariseMechanism(mech);
    expect(s.reactions).toBe(39);
    expect(s.byForm).toEqual({
      arrhenius: 17,
      reverse: 1,
      reference: 2,
      pressure: 0,
      hno3oh: 1,
      sumM: 4,
      falloff: 9,
      photolysis: 3,
      heterogeneous: 1,
      halogen: 1,
      expression: 0,
    });
    expect(s.byPhase).toEqual({ gas: 37, heterogeneous: 1, aerosol: 1 });
    expect(s.lastLabel).toBe("CI08");
  });

  for (const T of [250, 298]) {
    describe(`compileMechanism: every form against a hand evaluation at ${T} K, 1 atm`, () => {
      const c = compileMechanism(mech, { seawaterFraction: 0.5 });
      const e = env(T);
      const k = c.rateConstants(e);
      const M = e.M;
      const at = (label: string) => {
        const i = c.reactionIndex(label);
        if (i === undefined) throw new Error(`no reaction ${label}`);
        return k[i];
      };
      const T300 = T / 300;
      const near = (label: string, expected: number) => expect(at(label) / expected).toBeCloseTo(1, 12);

      it("Arrhenius forms #A, #A^B, #A@C, #A^B@C", () => {
        near("R3", 2.07e-12 * Math.exp(-1400 / T)); // <R3> O3 + NO = NO2 # 2.07E-12@1400;
        near("R13", 2.03e-16 * T300 ** 4.57 * Math.exp(693 / T)); // <R13> ... # 2.03E-16^4.57@-693;
        near("T03", 3.4e-11 * Math.exp(-1600 / T)); // < T03> ... # 3.4E-11 @ 1600;
        near("R59", 2.9e-12 * Math.exp(500 / T));
        // CMAQ README Table 3, type 1 "# A" → "A": <R22> H2O2 + OH = HO2 # 1.80E-12;  (CB6r5)
        near("R22", 1.8e-12);
        // type 2 "# A ^B" → "A*(T/300)**B": <CI08> CL + HO2 = HCL # 3.44e-11^-0.56;  (SAPRC-07TC)
        near("CI08", 3.44e-11 * T300 ** -0.56);
      });

      it("constant species folded into k: M, O2, N2, H2O; H2 and CH4 at CMAQ's default mixing ratios", () => {
        // <R2> O + O2 + M = O3 + M # 6.00E-34^-2.6;  k·[O2]·[M]
        near("R2", 6.0e-34 * T300 ** -2.6 * e.O2 * M);
        // <R11> O1D + H2O = 2.0*OH # 2.14E-10;  k·[H2O]
        near("R11", 2.14e-10 * e.H2O);
        // <R24> NO + NO + O2 = 2.0*NO2 # 4.25E-39@-664;  k·[O2], rate = k[NO]²
        near("R24", 4.25e-39 * Math.exp(664 / T) * e.O2);
        // <R134> ROR + O2 = KET + HO2 # 1.50E-14@200;
        near("R134", 1.5e-14 * Math.exp(-200 / T) * e.O2);
        // <R041> O1D + N2 = O3P # 2.0E-11 @ -130.;  (RACM2)
        near("R041", 2.0e-11 * Math.exp(130 / T) * e.N2);
        // <R122> H2 + OH = HO2 # 7.70E-12@2100;  [H2] = 0.56 ppm × M (CMAQ chemmech.f CVAL)
        near("R122", 7.7e-12 * Math.exp(-2100 / T) * 0.56e-6 * M);
        // <R124> CH4 + OH = MEO2 + RO2 # 1.85E-12@1690;  [CH4] = 1.85 ppm × M
        near("R124", 1.85e-12 * Math.exp(-1690 / T) * 1.85e-6 * M);
        // README: "if a constant species name is used as a reactant, the output file factors its
        // concentration ... into the rate constant".
        // <R10> O1D + M = O + M # 2.23E-11@-115;  type 3 "A*EXP(-C/T)" × [M]  (CB6r5)
        near("R10", 2.23e-11 * Math.exp(115 / T) * M);
        // <20> O1D + H2O = 2*OH # 1.63e-10@-60;  type 3 × [H2O]  (SAPRC-07TC)
        near("20", 1.63e-10 * Math.exp(60 / T) * e.H2O);
        // <CI02> CL + NO + M = CLNO # 7.60e-32^-1.80;  type 2 "A*(T/300)**B" × [M]  (SAPRC-07TC)
        near("CI02", 7.6e-32 * T300 ** -1.8 * M);
      });

      it("falloff #k0&kinf&Fc&N (Troe with CMAQ's log10 form), defaults Fc 0.6 and N 1", () => {
        // <R4> O + NO = NO2 # 1.00E-31^-1.6 & 5.00E-11^0.30 &0.85 &0.84;
        near("R4", troe(1.0e-31 * T300 ** -1.6, 5.0e-11 * T300 ** 0.3, M, 0.85, 0.84));
        // <R45> NO2 + OH = HNO3 # 1.80E-30^-3 & 2.80E-11 &0.6 &1;
        near("R45", troe(1.8e-30 * T300 ** -3, 2.8e-11, M, 0.6, 1));
        // <R37> N2O5 = NO3 + NO2 # 1.30E-3^-3.5@11000 & 9.70E+14^0.1@11080 &0.35 &1.33;
        near(
          "R37",
          troe(
            1.3e-3 * T300 ** -3.5 * Math.exp(-11000 / T),
            9.7e14 * T300 ** 0.1 * Math.exp(-11080 / T),
            M,
            0.35,
            1.33,
          ),
        );
        // <CL28> CLO + NO2 = CLNO3 #1.8E-31^-3.4&1.5E-11^-1.9&0.6;  (N default 1)
        near("CL28", troe(1.8e-31 * T300 ** -3.4, 1.5e-11 * T300 ** -1.9, M, 0.6, 1));
        // <R063> NO3 + NO2 = N2O5 # 2.0E-30 ^ -4.4 & 1.4E-12 ^ -0.7;  (Fc 0.6, N 1 defaults; RACM2)
        near("R063", troe(2.0e-30 * T300 ** -4.4, 1.4e-12 * T300 ** -0.7, M, 0.6, 1));
        // <DMS2> ... # 1.99E-39@-5270 & 1.26E-10@+340 &1.0 &1;  (Fc = 1: no broadening)
        near(
          "DMS2",
          (1.99e-39 * Math.exp(5270 / T) * M) /
            (1 + (1.99e-39 * Math.exp(5270 / T) * M) / (1.26e-10 * Math.exp(-340 / T))),
        );
      });

      it("falloff with a temperature-independent k0 (CB6r5 R217, the form of R219 and SAPRC-07TC BE10)", () => {
        // CMAQ README Table 3, type 10: "[ ko*M/(1+ko*M/kinf)]F**G where ko = A0*(T/300)**B0*EXP(-C0/T),
        // kinf = A1*(T/300)**B1*EXP(-C1/T) and G = 1/[1+(log10(k0*M/kinf)/n)**2)]" with B0 = C0 = 0, C1 = 0:
        // <R217> XPRP = XO2N + RO2  # 2.37E-21 & 4.07E-01^-8.0 &0.41 &1.0;
        const k0 = 2.37e-21;
        const kinf = 0.407 * T300 ** -8;
        const x = (k0 * M) / kinf;
        near("R217", ((k0 * M) / (1 + x)) * 0.41 ** (1 / (1 + Math.log10(x) ** 2)));
      });

      it("%2 (OH + HNO3): k0 + k3[M]/(1 + k3[M]/k2), not the README's printed 1 + k3/k2", () => {
        // <R46> HNO3 + OH = NO3 %2 # 2.40E-14@-460 & 2.70E-17@-2199 & 6.50E-34@-1335;
        const k0 = 2.4e-14 * Math.exp(460 / T);
        const k2 = 2.7e-17 * Math.exp(2199 / T);
        const k3 = 6.5e-34 * Math.exp(1335 / T);
        near("R46", k0 + (k3 * M) / (1 + (k3 * M) / k2));
        const readmeForm = k0 + (k3 * M) / (1 + k3 / k2);
        expect(at("R46") / readmeForm).toBeLessThan(0.25); // the printed form would be > 4× too fast
      });

      it("%3: k1 + k2[M] (HO2 + HO2, OH + CO), × H2O for R20; three-term RACM2 R051", () => {
        // <R19> HO2 + HO2 = H2O2 %3 # 2.20E-13@-600 & 1.90E-33@-980;
        near("R19", 2.2e-13 * Math.exp(600 / T) + 1.9e-33 * Math.exp(980 / T) * M);
        // <R20> HO2 + HO2 + H2O = H2O2 %3 # 3.08E-34@-2800 & 2.66E-54@-3180;
        near("R20", (3.08e-34 * Math.exp(2800 / T) + 2.66e-54 * Math.exp(3180 / T) * M) * e.H2O);
        // <R123> CO + OH = HO2 %3 # 1.44E-13@0.0 &3.43E-33@0.0;
        near("R123", 1.44e-13 + 3.43e-33 * M);
        // <R051> NO + HO2 = HNO3 %3 # 6.095e-14^-1.0@-270.0& 6.857e-34^1.0@-270.0& -5.968e-14@-270.0;
        near(
          "R051",
          6.095e-14 * T300 ** -1 * Math.exp(270 / T) +
            6.857e-34 * T300 * Math.exp(270 / T) * M -
            5.968e-14 * Math.exp(270 / T),
        );
      });

      it("references K<R> (incl. to a falloff reaction) and the reverse-equilibrium form E<R>", () => {
        // <R60> ... # 1.00E+0*K<R59>;  <R62> CXO3 + NO2 = PANX # 8.4E-1*K<R54>;
        near("R60", 2.9e-12 * Math.exp(500 / T));
        near("R62", 0.84 * troe(3.61e-28 * T300 ** -6.87, 1.24e-11 * T300 ** -1.105, M, 0.3, 1.41));
        // <R064> N2O5 = NO2 + NO3 # 2.70E-27 @ -11000.0 *E<R063>;  k = k(R063)·exp(C/T)/A with C = −11000
        const kf = troe(2.0e-30 * T300 ** -4.4, 1.4e-12 * T300 ** -0.7, M, 0.6, 1);
        near("R064", (kf * Math.exp(-11000 / T)) / 2.7e-27);
      });

      it("photolysis A/<NAME> with its scaling factor", () => {
        near("R1", J_NO2); // <R1> NO2 = NO + O # 1.0/<NO2_IUPAC10>;
        near("R197", 0.05 * J_NO2); // <R197> ... #0.05/<NO2_IUPAC10>;
        near("R128", J_KET);
      });

      it("%H marine-halogen ozone loss: seawater × min(A1 e^(−B1·P) + A2 e^(−B2·P), A3) in sunlight", () => {
        // <HAL_Ozone> O3 = %H # 6.7006E-11@-10.7435 & 3.4153E-08@0.6713 & 2.0E-6;  P = 1 atm
        const raw = 6.7006e-11 * Math.exp(10.7435) + 3.4153e-8 * Math.exp(-0.6713);
        near("HAL_Ozone", 0.5 * Math.min(raw, 2.0e-6));
      });
    });
  }

  it("published values: CMAQ's tabulation at 298.15 K, 2.4615e19 cm-3 and IUPAC's OH + NO at 300 K, 1 bar", () => {
    // CMAQ v5.5 CCTM/src/MECHS/mechanism_information/cb6r5_ae7_aq/mech_cb6r5_ae7_aq.md, "Value at 298.15 K;
    // 2.4615E+19 molcules/cm3; 1.00 Atm": R3 1.8910E-14, R45 1.0589E-11, R19 2.8975E-12, R123 2.2843E-13,
    // R46 1.5409E-13 (NO + O3, OH + NO2, HO2 + HO2, OH + CO, OH + HNO3)
    const c = compileMechanism(mech);
    const M = 2.4615e19;
    const k = c.rateConstants({ ...env(298.15), M, O2: 0.2095 * M, N2: 0.7808 * M });
    const v = (l: string) => k[c.reactionIndex(l)!];
    expect(v("R3") / 1.891e-14).toBeCloseTo(1, 4);
    expect(v("R45") / 1.0589e-11).toBeCloseTo(1, 4);
    expect(v("R19") / 2.8975e-12).toBeCloseTo(1, 4);
    expect(v("R123") / 2.2843e-13).toBeCloseTo(1, 4);
    expect(v("R46") / 1.5409e-13).toBeCloseTo(1, 4);
    // IUPAC Task Group on Atmospheric Chemical Kinetic Data Evaluation, Data Sheet NOx12 (HO + NO + M →
    // HONO + M), last evaluated 1 June 2012, http://iupac.pole-ether.fr/: "Preferred Values k = 1.0 x 10-11
    // cm3 molecule-1 s-1 in 1 bar of N2 at 300 K. k0 = 7.4 x 10-31 (T/300)-2.4 [N2]" — CB6r5 <R40> uses
    // these k0 and k∞, Fc = 0.81, N = 0.87; at 300 K and 1 bar they give 9.6e-12, which is IUPAC's
    // two-digit 1.0e-11 within 5 % (the datasheet: "Reliability log k0 = ± 0.10 at 298 K").
    const e300 = env(300, 1e5);
    const k300 = c.rateConstants(e300)[c.reactionIndex("R40")!];
    expect(Math.abs(k300 / 1.0e-11 - 1)).toBeLessThan(0.05);
  });

  it("%H is 0 at night (every photolysis frequency 0) and inland (default seawater fraction 0)", () => {
    const night = { ...env(298), photolysis: { NO2_IUPAC10: 0, KET_IUPAC10: 0 } };
    const sea = compileMechanism(mech, { seawaterFraction: 1 });
    expect(sea.rateConstants(night)[sea.reactionIndex("HAL_Ozone")!]).toBe(0);
    expect(sea.rateConstants(env(298))[sea.reactionIndex("HAL_Ozone")!]).toBe(2.0e-6);
    const inland = compileMechanism(mech);
    expect(inland.rateConstants(env(298))[inland.reactionIndex("HAL_Ozone")!]).toBe(0);
  });

  it("heterogeneous and aerosol reactions are off by default, on when asked (with the rates given)", () => {
    const c = compileMechanism(mech);
    expect(c.excluded.map((x) => [x.label, x.reason])).toEqual([
      ["HET_N2O5IJ", "heterogeneous"],
      ["OLIG_AROMATIC1", "aerosol"],
    ]);
    expect(c.system.species).not.toContain("H2NO3PIJ");
    expect(c.system.species).not.toContain("AOLGAJ");
    expect(() => compileMechanism(mech, { heterogeneous: true })).toThrow(/heterogeneousRates\["HETERO_N2O5IJ"\]/);
    const h = compileMechanism(mech, {
      heterogeneous: true,
      aerosol: true,
      heterogeneousRates: { HETERO_N2O5IJ: 2e-5 },
    });
    const k = h.rateConstants(env(298));
    expect(k[h.reactionIndex("HET_N2O5IJ")!]).toBe(2e-5);
    expect(k[h.reactionIndex("OLIG_AROMATIC1")!]).toBe(9.48816e-6);
    expect(h.system.species).toContain("H2NO3PIJ");
  });

  it("the system: variable species only, self-reactions list the reactant twice, products summed", () => {
    const c = compileMechanism(mech);
    const sp = c.system.species;
    const r24 = c.system.reactions[c.reactionIndex("R24")!];
    expect(r24.reactants.map((i) => sp[i])).toEqual(["NO", "NO"]); // O2 folded into k
    expect(r24.products).toEqual([{ index: sp.indexOf("NO2"), coefficient: 2 }]);
    const r2 = c.system.reactions[c.reactionIndex("R2")!];
    expect(r2.reactants.map((i) => sp[i])).toEqual(["O"]);
    expect(r2.products.map((p) => sp[p.index])).toEqual(["O3"]); // M dropped
    const r19 = c.system.reactions[c.reactionIndex("R19")!];
    expect(r19.reactants.map((i) => sp[i])).toEqual(["HO2", "HO2"]);
    for (const s of ["M", "O2", "N2", "H2O", "H2", "CH4"]) expect(sp).not.toContain(s);
    expect(c.photolysisNames).toEqual(["NO2_IUPAC10", "KET_IUPAC10"]);
  });

  it("refuses an environment without a photolysis frequency the mechanism uses", () => {
    const c = compileMechanism(mech);
    expect(() => c.rateConstants({ ...env(298), photolysis: { NO2_IUPAC10: 1e-3 } })).toThrow(
      /env\.photolysis has no "KET_IUPAC10"/,
    );
  });

  it("repeated calls: the same numbers as a fresh compile, whatever came before (thermal part reused at equal T, P, M)", () => {
    const c = compileMechanism(mech, { seawaterFraction: 1 });
    const fresh = (e: RateEnvironment) => compileMechanism(mech, { seawaterFraction: 1 }).rateConstants(e);
    const a = env(298);
    const b = env(250);
    const aJ = { ...a, H2O: 1e17, O2: 0.2 * a.M, photolysis: { NO2_IUPAC10: 1e-3, KET_IUPAC10: 0 } };
    for (const e of [a, b, a, a, aJ, aJ, b, aJ]) expect(Array.from(c.rateConstants(e))).toEqual(Array.from(fresh(e)));
  });

  it("fills a given output array and returns it", () => {
    const c = compileMechanism(mech);
    const out = new Float64Array(c.system.reactions.length);
    expect(c.rateConstants(env(298), out)).toBe(out);
    expect(() => c.rateConstants(env(298), new Float64Array(2))).toThrow(RangeError);
  });
});

describe("parseChemmech: input it refuses or records", () => {
  const wrap = (lines: string) => `T\nREACTIONS[CM] =\n${lines}\nEND MECH\n`;
  const err = (text: string, opts = {}) => {
    try {
      parseChemmech(text, { file: "bad.def", ...opts });
    } catch (e) {
      return e as AozoraInputError;
    }
    throw new Error("no error");
  };

  it("8.3-11 without the E: an error naming file, line and label, or read and recorded with lenientExponent", () => {
    // CB6r5 line 355: <CL13> CL + ETHA = HCL + ... + RO2 # 8.3-11 @ 100;
    const text = wrap(
      "<CL12> CL + PRPA = HCL # 1.4E-10;\n<CL13>  CL   + ETHA        = HCL\n      + RO2   # 8.3-11 @ 100;",
    );
    const e = err(text);
    expect(e).toBeInstanceOf(AozoraInputError);
    expect(e.file).toBe("bad.def");
    expect(e.row).toBe(5); // the line of the rate, not of the label
    expect(e.message).toMatch(/reaction <CL13>/);
    expect(e.found).toBe("8.3-11");
    const m = parseChemmech(text, { file: "ok.def", lenientExponent: true });
    const r = m.reactions[1];
    expect(r.rate).toEqual({ kind: "arrhenius", term: { A: 8.3e-11, B: 0, C: 100 } });
    expect(m.changes).toEqual([
      { line: 5, label: "CL13", reason: "lenient-exponent", original: "8.3-11", detail: "read as 8.3e-11" },
    ]);
  });

  it("refuses unsupported forms with file, line and label", () => {
    expect(err(wrap("<R22> HO2 + HO2 = H2O2 %4 # 2.20D-13*KMT06*EXP(600/TEMP);")).message).toMatch(
      /bad\.def, row 3: expected in reaction <R22>, a rate form other than %4\/%5/,
    );
    expect(err(wrap("<X1> A + B = C # 1.0?RKXU;")).message).toMatch(/<X1>.*SPECIAL operators are not supported/);
    expect(err("T\nSPECIAL =\n RKXU = 0.3*K<RKA>*C<X>;\nend special\n").message).toMatch(
      /row 2: expected no SPECIAL block/,
    );
    expect(err(wrap("<X2> A + B + C + D = E # 1.0;")).message).toMatch(/<X2>, at most three reactants/);
    expect(err(wrap("<X3> A = 2 B # 1.0;")).message).toMatch(/<X3>, a coefficient followed by '\*'/);
    expect(err(wrap("<X4> A = B # 1.0*K<NOPE>;")).message).toMatch(/<X4>, a reference to the label of a reaction/);
    expect(err(wrap("<X5> A = B # 1.0;\n<X5> B = A # 1.0;")).message).toMatch(
      /row 4: expected a reaction label not used before/,
    );
    expect(err(wrap("<X6> A = B # 1.0/*<X5>;")).message).toMatch(/photolysis by reference/);
    expect(err(wrap("<X7> A = B # 1.0@;")).message).toMatch(/row 3: expected in reaction <X7>, a number after '@'/);
    expect(err("T\nA = B # 1.0;\n").message).toMatch(/expected the mechanism name, ELIMINATE or REACTIONS/);
    expect(err("T\nREACTIONS[XX] =\n").message).toMatch(/REACTIONS\[CM\] \(molecules\/cm3\) or REACTIONS\[PP\]/);
    expect(err(wrap("<X8> A = B # 1.0")).message).toMatch(/row 3: expected a reaction ending with ';'/);
    expect(err("T\nREACTIONS[CM] =\n<X9> A = B # 1.0;\n").message).toMatch(/expected END \(of the REACTIONS block\)/);
  });

  it("ELIMINATE drops products and records each drop; CONSTANTS override CMAQ's defaults", () => {
    const m = parseChemmech(
      "SAPRC_LIKE\nELIMINATE =\nXN;\nXC;\nEND ELIMINATE\nREACTIONS [CM] =\n<1> A + OH = B + 0.5*XN -1.5*XC # 1.0e-11;\nendmech\nconstants\n< C5> ATM_CH4 = 1.90\nend constants\n",
      { file: "e.def" },
    );
    expect(m.reactions[0].products).toEqual([{ species: "B", coefficient: 1 }]);
    expect(m.changes.map((c) => [c.reason, c.original])).toEqual([
      ["eliminated-product", "0.5*XN"],
      ["eliminated-product", "-1.5*XC"],
    ]);
    expect(m.eliminated).toEqual(["XN", "XC"]);
    expect(m.constants).toEqual({ AIR: 1.0e6, O2: 0.2095e6, N2: 0.7808e6, H2: 0.56, CH4: 1.9 });
    expect(compileMechanism(m).constants).toEqual({ ch4Ppm: 1.9, h2Ppm: 0.56 });
  });

  it("%1: A·(1 + 0.6·P), P in atm (form not used in the shipped files; formula from CMAQ's README Table 3)", () => {
    const m = parseChemmech(wrap("<P1> CO + OH = HO2 %1 # 1.5E-13;"), { file: "p.def" });
    const c = compileMechanism(m);
    const k = c.rateConstants({ ...env(298, 50662.5) });
    expect(k[0] / (1.5e-13 * (1 + 0.6 * 0.5))).toBeCloseTo(1, 14);
  });

  it("REACTIONS[PP]: ppm-min constants converted by (1e6/M)^(n−1)/60; falloff stays in molecule cm-3 s-1", () => {
    const m = parseChemmech(
      "T\nREACTIONS[PP] =\n<A> O3 + NO = NO2 # 2.6E+1;\n<B> NO2 = NO # 0.5;\n<C> NO2 + OH = HNO3 # 1.80E-30^-3 & 2.80E-11 &0.6 &1;\n<D> NO + NO + O2 = 2*NO2 # 1.0E-9;\nEND\n",
      { file: "pp.def" },
    );
    expect(m.units).toBe("PP");
    const e = env(298);
    const k = compileMechanism(m).rateConstants(e);
    // 26 ppm-1 min-1 → 26 / 60 / (M·1e-6) cm3 molecule-1 s-1
    expect(k[0] / (26 / 60 / (e.M * 1e-6))).toBeCloseTo(1, 13);
    expect(k[1] / (0.5 / 60)).toBeCloseTo(1, 13);
    expect(k[2] / troe(1.8e-30 * (298 / 300) ** -3, 2.8e-11, e.M, 0.6, 1)).toBeCloseTo(1, 13);
    // third order ppm-2 min-1 → /60/(M·1e-6)², then × [O2] folded
    expect(k[3] / ((1.0e-9 / 60 / (e.M * 1e-6) ** 2) * e.O2)).toBeCloseTo(1, 13);
  });

  it("a K<R> chain that loops is refused", () => {
    const m = parseChemmech(wrap("<A> X = Y # 1.0*K<B>;\n<B> Y = X # 2.0*K<A>;"), { file: "loop.def" });
    expect(() => compileMechanism(m)).toThrow(/loops: A → B → A/);
  });
});
