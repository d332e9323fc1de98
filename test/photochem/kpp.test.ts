import { describe, expect, it } from "vitest";
import { AozoraInputError } from "../../src/io/errors";
import {
  airNumberDensity,
  compileMechanism,
  parseKpp,
  summariseMechanism,
  type RateEnvironment,
} from "../../src/photochem";
import { EQN } from "./fixtures/mechanisms";

function env(T: number): RateEnvironment {
  const M = airNumberDensity(101325, T);
  return {
    temperatureK: T,
    pressurePa: 101325,
    M,
    O2: 0.2095 * M,
    N2: 0.7808 * M,
    H2O: 3.0e17,
    photolysis: { J_NO2: 8e-3 },
  };
}

describe("parseKpp: an MCM subset in the MCM site's KPP export format", () => {
  const mech = parseKpp(EQN, { file: "subset.eqn" });

  it("reads species, tags, dummies hv/PROD, and records what it did not read", () => {
    expect(mech.format).toBe("kpp");
    expect(mech.reactions.map((r) => r.label)).toEqual([
      "1",
      "2",
      "4",
      "6",
      "9",
      "13",
      "18",
      "30",
      "32",
      "39",
      "46",
      "90",
      "91",
      "92",
      "93",
    ]);
    const r2 = mech.reactions.find((r) => r.label === "2")!;
    expect(r2.products).toEqual([]); // PROD
    expect(mech.reactions.find((r) => r.label === "39")!.reactants).toEqual(["NO2"]); // hv
    expect(mech.reactions.find((r) => r.label === "9")!.reactants).toEqual(["NO", "NO"]);
    expect(mech.reactions.find((r) => r.label === "93")!.reactants).toEqual(["O", "O2"]); // O2 from #DEFFIX
    expect(mech.reactions.find((r) => r.label === "2")!.line).toBe(35);
    expect(mech.changes.map((c) => [c.line, c.reason])).toEqual([
      [6, "kpp-command-ignored"],
      [27, "kpp-inline-skipped"],
    ]);
    expect(mech.species).not.toContain("O2");
    expect(mech.constantSpecies).toEqual(["O2"]); // #DEFFIX species used as a reactant (<93>); M, N2, H2O only in rates
    expect(summariseMechanism(mech).byForm.expression).toBe(15);
    expect(summariseMechanism(mech).photolysis).toEqual(["J_NO2"]);
  });

  for (const T of [250, 298]) {
    it(`every rate against a hand evaluation at ${T} K, 1 atm`, () => {
      const c = compileMechanism(mech);
      const e = env(T);
      const k = c.rateConstants(e);
      const { M, O2, N2, H2O } = e;
      const T300 = T / 300;
      const v = (l: string) => k[c.reactionIndex(l)!];
      const near = (l: string, x: number) => expect(v(l) / x).toBeCloseTo(1, 12);
      near("1", 5.6e-34 * N2 * T300 ** -2.6 * O2 + 6.0e-34 * O2 * T300 ** -2.6 * O2);
      near("2", 8.0e-12 * Math.exp(-2060 / T));
      near("4", 5.5e-12 * Math.exp(188 / T));
      near("6", 3.2e-11 * Math.exp(67 / T) * O2 + 2.0e-11 * Math.exp(130 / T) * N2);
      near("9", 3.3e-39 * Math.exp(530 / T) * O2);
      near("13", 2.14e-10 * H2O);
      near("18", 2.03e-16 * T300 ** 4.57 * Math.exp(693 / T));
      near("30", 4.0e-32 * Math.exp(-1000 / T) * M);
      near("32", 1.3e-12 * Math.exp(-330 / T) * O2);
      near("39", 8e-3);
      near("46", 1.85e-12 * Math.exp(-1690 / T));
      // k3rd_iupac: k0·(300/T)^n·M, kinf·(300/T)^m, N = 0.75 − 1.27·log10(Fc) (KPP util/UserRateLaws.f90);
      // the same numbers as MCM's KMT08: K80 = 3.2E-30*M*(TEMP/300.)**(-4.5), K8I = 3.0E-11, FC8 = 0.41,
      // NC8 = 0.75-1.27*(LOG10(FC8)), F8 = 10.**(LOG10(FC8)/(1.+(LOG10(KR8)/NC8)**(2.))), KMT08 = (K80*K8I)*F8/(K80+K8I)
      const K80 = 3.2e-30 * M * T300 ** -4.5;
      const K8I = 3.0e-11;
      const NC8 = 0.75 - 1.27 * Math.log10(0.41);
      const F8 = 10 ** (Math.log10(0.41) / (1 + (Math.log10(K80 / K8I) / NC8) ** 2));
      near("90", (K80 * K8I * F8) / (K80 + K8I));
      // k3rd_jpl: N = 1
      const k0 = 1.8e-30 * T300 ** -3 * M;
      near("91", (k0 / (1 + k0 / 2.8e-11)) * 0.6 ** (1 / (1 + Math.log10(k0 / 2.8e-11) ** 2)));
      near("92", 1.0e-12 * Math.exp(-100 / T) * T300 ** -1.5 + 2.0e-13 * Math.exp(50 / T) - 1.0e-14 * T300 ** 2);
      // O2 a #DEFFIX reactant: folded into k like CMAQ's constant species
      near("93", 6.0e-34 * T300 ** -2.6 * M * O2);
    });
  }

  it("the system has the variable species only; NO + NO lists NO twice; 2 NO2 summed", () => {
    const c = compileMechanism(mech);
    const sp = c.system.species;
    const r9 = c.system.reactions[c.reactionIndex("9")!];
    expect(r9.reactants.map((i) => sp[i])).toEqual(["NO", "NO"]);
    expect(r9.products).toEqual([{ index: sp.indexOf("NO2"), coefficient: 2 }]);
    expect(sp).not.toContain("O2");
  });
});

describe("parseKpp: refused input", () => {
  const head = "#DEFVAR\nNO = IGNORE ;\nO = IGNORE ;\nNO2 = IGNORE ;\n#EQUATIONS\n";
  const err = (eqs: string): AozoraInputError => {
    try {
      parseKpp(head + eqs, { file: "bad.eqn" });
    } catch (e) {
      return e as AozoraInputError;
    }
    throw new Error("no error");
  };

  it("named MCM complex rate coefficients and the RO2 sum, naming file, line and equation", () => {
    const e = err("<3> NO + O = NO2 : KMT01 ;");
    expect(e).toBeInstanceOf(AozoraInputError);
    expect(e.message).toMatch(
      /^bad\.eqn, row 6: expected in equation <3>, a rate expression of numbers.*found "KMT01"/,
    );
    expect(err("<5> NO2 + O = NO : 2.5E-13*RO2 ;").found).toBe("RO2");
    expect(err("<6> NO2 + O = NO : FOO(1.0) ;").message).toMatch(/function not supported/);
  });

  it("undeclared species, fixed species the box model cannot hold, missing colon", () => {
    expect(err("<7> NO + CL = NO2 : 1.0E-11 ;").message).toMatch(/<7>, a species declared in #DEFVAR or #DEFFIX.*"CL"/);
    expect(() => parseKpp("#DEFFIX\nCO2 = C + 2O ;\n", { file: "f.spc" })).toThrow(
      /f\.spc, row 2: expected a fixed species/,
    );
    expect(err("<8> NO + O = NO2 ;").message).toMatch(/reactants = products : rate/);
    expect(err("<9> NO + O = NO2 : 1.0 ;\n<9> NO2 = NO + O : 1.0 ;").message).toMatch(/tag not used before/);
  });

  it("a separate .spc file is read first", () => {
    const m = parseKpp("#EQUATIONS\n<1> NO2 = NO + O : J(J_NO2) ;\n", {
      file: "x.eqn",
      spc: { text: "#DEFVAR\nNO = N + O;\nNO2 = N + 2O;\nO = O;\n", file: "x.spc" },
    });
    expect(m.species).toEqual(["NO2", "NO", "O"]);
  });

  it("H2O declared in #DEFVAR (as MCM does) stays a variable species; H2O in a rate is the number density", () => {
    const m = parseKpp(
      "#DEFVAR\nH2O = IGNORE ;\nO1D = IGNORE ;\nOH = IGNORE ;\nSO3 = IGNORE ;\nSA = IGNORE ;\n#EQUATIONS\n<13> O1D = OH + OH : 2.14E-10*H2O ;\n<35> SO3 = SA : 1.20E-15*H2O ;\n<X> OH + OH = H2O + O1D : 1.0E-12 ;\n",
      { file: "w.eqn" },
    );
    expect(m.constantSpecies).toEqual([]);
    const c = compileMechanism(m);
    expect(c.system.species).toContain("H2O");
    const e = env(298);
    expect(c.rateConstants(e)[c.reactionIndex("35")!] / (1.2e-15 * e.H2O)).toBeCloseTo(1, 12);
  });

  it("old-style {n.} equation numbers are read as labels", () => {
    const m = parseKpp(head + "{1.} NO2 = NO + O : J(J_NO2) ;\n{2.} O + NO = NO2 : 1.0E-12 ;\n", { file: "old.eqn" });
    expect(m.reactions.map((r) => r.label)).toEqual(["1", "2"]);
  });
});

describe("parseKpp with { mcmRates: 'v3.3.1' }: MCM's named rate coefficients", () => {
  // equations copied unchanged from MCM v3.3.1 mcm_isoprene.eqn (KPP 3.5.0 examples/mcm)
  const eqn = `#DEFVAR
O = IGNORE ; NO = IGNORE ; NO2 = IGNORE ; NO3 = IGNORE ; N2O5 = IGNORE ; OH = IGNORE ; HO2 = IGNORE ;
CO = IGNORE ; H2O2 = IGNORE ; HNO3 = IGNORE ; HO2NO2 = IGNORE ; IPRHOCO3 = IGNORE ; C4PAN5 = IGNORE ;
CH3COCH3 = IGNORE ; BIACETO = IGNORE ; CH3CO3 = IGNORE ; HCHO = IGNORE ;
#EQUATIONS
<3> NO + O = NO2 : KMT01 ;
<16> CO + OH = HO2 : KMT05 ;
<20> HO2 + HO2 = H2O2 : 2.20E-13*KMT06*EXP(600./TEMP)+1.90E-33*M*KMT06*EXP(980./TEMP) ;
<29> HNO3 + OH = NO3 : KMT11 ;
<44> N2O5 = NO2 + NO3 : KMT04 ;
<45> HO2NO2 = HO2 + NO2 : KMT10 ;
<80> IPRHOCO3 + NO = CH3COCH3 + HO2 + NO2 : KAPNO ;
<81> IPRHOCO3 + NO2 = C4PAN5 : KFPAN ;
<82> C4PAN5 = IPRHOCO3 + NO2 : KBPAN ;
<90> BIACETO = CH3CO3 + CO + HCHO : KDEC ;
<99> NO + HO2 = NO2 + OH : 2.0E-12*(1.-0.5*EXP(-885./TEMP)) ;
`;
  const mech = parseKpp(eqn, { file: "mcm.eqn", mcmRates: "v3.3.1" });

  /** MCM's falloff as constants_mcm.f90 writes it: (K0*KI)*F/(K0+KI), F = 10**(LOG10(FC)/(1+(LOG10(K0/KI)/NC)**2)). */
  const mcmTroe = (K0: number, KI: number, FC: number) => {
    const NC = 0.75 - 1.27 * Math.log10(FC);
    const F = 10 ** (Math.log10(FC) / (1 + (Math.log10(K0 / KI) / NC) ** 2));
    return (K0 * KI * F) / (K0 + KI);
  };

  for (const T of [250, 298]) {
    it(`each coefficient against its constants_mcm.f90 definition at ${T} K`, () => {
      const c = compileMechanism(mech);
      const e = env(T);
      const { M, H2O } = e;
      const k = c.rateConstants(e);
      const v = (l: string) => k[c.reactionIndex(l)!];
      const near = (l: string, x: number) => expect(v(l) / x).toBeCloseTo(1, 12);
      const T300 = T / 300;
      near("3", mcmTroe(1.0e-31 * M * T300 ** -1.6, 5.0e-11 * T300 ** -0.3, 0.85)); // KMT01
      near("16", 1.44e-13 * (1 + M / 4.2e19)); // KMT05
      const KMT06 = 1 + 1.4e-21 * Math.exp(2200 / T) * H2O;
      near("20", 2.2e-13 * KMT06 * Math.exp(600 / T) + 1.9e-33 * M * KMT06 * Math.exp(980 / T));
      const K3 = 6.5e-34 * Math.exp(1335 / T);
      const K4 = 2.7e-17 * Math.exp(2199 / T);
      near("29", 2.4e-14 * Math.exp(460 / T) + (K3 * M) / (1 + (K3 * M) / K4)); // KMT11
      near(
        "44",
        mcmTroe(1.3e-3 * M * T300 ** -3.5 * Math.exp(-11000 / T), 9.7e14 * T300 ** 0.1 * Math.exp(-11080 / T), 0.35),
      );
      near("45", mcmTroe(4.1e-5 * M * Math.exp(-10650 / T), 6.0e15 * Math.exp(-11170 / T), 0.4)); // KMT10
      near("80", 7.5e-12 * Math.exp(290 / T)); // KAPNO
      near("81", mcmTroe(3.28e-28 * M * T300 ** -6.87, 1.125e-11 * T300 ** -1.105, 0.3)); // KFPAN
      near("82", mcmTroe(1.1e-5 * M * Math.exp(-10100 / T), 1.9e17 * Math.exp(-14100 / T), 0.3)); // KBPAN
      near("90", 1.0e6); // KDEC
      near("99", 2.0e-12 * (1 - 0.5 * Math.exp(-885 / T))); // parenthesised sum (written here)
    });
  }

  it("KMT17, KMT18 and the RO2 sum are refused by name; without the option every named coefficient is", () => {
    const head = "#DEFVAR\nA = IGNORE ; B = IGNORE ;\n#EQUATIONS\n";
    expect(() => parseKpp(head + "<1> A = B : KMT17 ;", { file: "x.eqn", mcmRates: "v3.3.1" })).toThrow(
      /not representable: KMT17, KMT18.*found "KMT17"/,
    );
    expect(() => parseKpp(head + "<1> A = B : KRO2NO*RO2 ;", { file: "x.eqn", mcmRates: "v3.3.1" })).toThrow(
      /found "RO2"/,
    );
    expect(() => parseKpp(head + "<1> A = B : KRO2NO ;", { file: "x.eqn" })).toThrow(/need \{ mcmRates: "v3\.3\.1" \}/);
    expect(() => parseKpp(head, { file: "x.eqn", mcmRates: "v4" as "v3.3.1" })).toThrow(RangeError);
  });
});
