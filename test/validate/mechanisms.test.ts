import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  atomImbalance,
  CB6R5_NITROGEN_ATOMS,
  CB6R5_NITROGEN_ROUNDING,
  compileMechanism,
  isCmaqAerosolSpecies,
  parseChemmech,
  summariseMechanism,
  type Mechanism,
  type RateEnvironment,
} from "../../src/photochem";
import { FORMS } from "../photochem/fixtures/mechanisms";
import { sharedPath } from "./shared";

// The three CMAQ v5.5 mechanisms in shared/reference/mechanisms/, read completely, and every thermal
// rate constant compared with CMAQ's own tabulation of the same mechanism (fixtures/cmaq-rate-values,
// extracted from CMAQ's CCTM/src/MECHS/mechanism_information/<mech>/mech_<mech>.md: "Value at 298.15 K;
// 2.4615E+19 molcules/cm3; 1.00 Atm", computed by CMAQ's CHEMMECH, rounded to 5 significant digits).

const MECHS = [
  { file: "mech_cb6r5_ae7_aq.def", values: "cb6r5_ae7_aq.csv", gc: "GC_cb6r5_ae7_aq.txt", nGas: 129, nAerosol: 20 },
  {
    file: "mech_saprc07tc_ae6_aq.def",
    values: "saprc07tc_ae6_aq.csv",
    gc: "GC_saprc07tc_ae6_aq.txt",
    nGas: 173,
    nAerosol: 25,
  },
  { file: "mech_racm2_ae6_aq.def", values: "racm2_ae6_aq.csv", gc: "GC_racm2_ae6_aq.txt", nGas: 146, nAerosol: 22 },
];

const read = (file: string): { text: string; mech: Mechanism } => {
  const path = sharedPath("reference", "mechanisms", file);
  const text = readFileSync(path, "utf8");
  return { text, mech: parseChemmech(text, { file, lenientExponent: true }) };
};

/** Labels of the reactions block counted independently: `<label>` at the start of a non-comment line. */
function labelsInText(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => /^\s*REAC/i.test(l));
  const end = lines.findIndex((l, i) => i > start && /^\s*END\s*MECH|^\s*endmech/i.test(l));
  return lines
    .slice(start + 1, end)
    .filter((l) => !/^\s*!/.test(l))
    .map((l) => /^\s*<([^>]+)>/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => m[1].replace(/\s+/g, ""));
}

/**
 * The rate-form patterns of a CHEMMECH text, found from the text alone (not through the parser): each
 * reaction's rate expression from its `#` or `%n #` to the `;`, blanks removed, every number replaced
 * by `n` and every `<…>` by `<X>`, with the constant species (M, O2, N2, H2O, H2, CH4) among its
 * reactants appended, since they multiply k (CMAQ README: "if a constant species name is used as a
 * reactant, the output file factors its concentration ... into the rate constant").
 */
function ratePatterns(text: string): Map<string, string[]> {
  const noComments = text
    .replace(/\{[^}]*\}/g, "")
    .split(/\r?\n/)
    .map((l) => l.split("!")[0])
    .join("\n");
  const block = /REAC[^\n]*\n([\s\S]*?)\n\s*END/i.exec(noComments);
  if (!block) throw new Error("no REACTIONS block");
  const out = new Map<string, string[]>();
  for (const raw of block[1].split(";")) {
    const st = raw.trim();
    if (st === "") continue;
    const label = /^<\s*([^>]*)>/.exec(st)?.[1].trim() ?? "?";
    const pct = /%[0-9Hh]\s*#/.exec(st);
    const hash = st.indexOf("#");
    const start = pct && (hash < 0 || pct.index < hash) ? pct.index : hash;
    const rate = st
      .slice(start)
      .replace(/\s+/g, "")
      .replace(/[-+]?(\d+\.?\d*|\.\d+)([EeDd][-+]?\d+)?/g, "n")
      .replace(/<[^>]*>/g, "<X>");
    const lhs = st.slice(0, st.indexOf("=")).replace(/<[^>]*>/g, "");
    const consts = [...new Set(lhs.match(/\b(M|O2|N2|H2O|H2|CH4)\b/g) ?? [])].sort();
    const key = consts.length > 0 ? `${rate} [${consts.join(",")}]` : rate;
    out.set(key, [...(out.get(key) ?? []), label]);
  }
  return out;
}

describe("the FORMS fixture of test/photochem/chemmech.test.ts covers every rate form of the three files", () => {
  const fixture = ratePatterns(FORMS);
  it.each(MECHS)(
    "$file: every rate-expression pattern occurs in FORMS (CB6r5's 8.3-11 has its own test)",
    ({ file }) => {
      const { text } = read(file);
      const missing = [...ratePatterns(text)]
        .filter(([key]) => !fixture.has(key))
        .map(([key, labels]) => `${key} (${labels.slice(0, 3).join(", ")})`);
      expect(missing).toEqual(file === "mech_cb6r5_ae7_aq.def" ? ["#nn@n (CL13)"] : []);
    },
  );
  it("the pattern finder separates forms (a check that it can fail)", () => {
    const p = ratePatterns(
      "X\nREACTIONS[CM] =\n<A> B + M = C # 1.0@2;\n<B> B = C # 1.0^2;\n<C> B = C %3 # 1@2&3@4;\nEND MECH\n",
    );
    expect([...p.keys()]).toEqual(["#n@n [M]", "#n^n", "%n#n@n&n@n"]);
  });
});

describe.each(MECHS)("$file", ({ file, values, gc, nGas, nAerosol }) => {
  const { text, mech } = read(file);

  it("its species are exactly CMAQ's GC namelist of the mechanism plus aerosol-phase species", () => {
    // fixtures/cmaq-namelists/GC_<mech>.txt: the species column of CMAQ's GC_<mech>.nml
    const names = readFileSync(join(__dirname, "..", "photochem", "fixtures", "cmaq-namelists", gc), "utf8")
      .split("\n")
      .filter((l) => l !== "" && !l.startsWith("#"));
    expect(names.length).toBe(nGas);
    const gas = mech.species.filter((s) => !isCmaqAerosolSpecies(s));
    expect([...gas].sort()).toEqual([...names].sort());
    expect(mech.species.length - gas.length).toBe(nAerosol);
  });

  it("every reaction of the file is read, in file order (labels counted independently from the text)", () => {
    expect(mech.reactions.map((r) => r.label)).toEqual(labelsInText(text));
    expect(mech.units).toBe("CM");
  });

  it("every thermal rate constant equals CMAQ's tabulated value at 298.15 K, 2.4615e19 cm-3, 1 atm (5 digits)", () => {
    const M = 2.4615e19;
    const e: RateEnvironment = {
      temperatureK: 298.15,
      pressurePa: 101325,
      M,
      O2: 0.2095 * M,
      N2: 0.7808 * M,
      H2O: 5e17,
      photolysis: {},
    };
    const c = compileMechanism(mech, { heterogeneous: false, aerosol: true, seawaterFraction: 1 });
    for (const n of c.photolysisNames) (e.photolysis as Record<string, number>)[n] = 1e-3;
    const k = c.rateConstants(e);
    const folded: Record<string, number> = { M, O2: e.O2, N2: e.N2, H2O: e.H2O, H2: 0.56e-6 * M, CH4: 1.85e-6 * M };
    const rows = readFileSync(join(__dirname, "..", "photochem", "fixtures", "cmaq-rate-values", values), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(","));
    expect(rows.length).toBeGreaterThan(250);
    let compared = 0;
    const off: string[] = [];
    for (const [label, v] of rows) {
      const i = c.reactionIndex(label);
      if (i === undefined) continue;
      const r = mech.reactions.find((x) => x.label === label)!;
      const bare = r.reactants.reduce((kk, s) => (s in folded ? kk / folded[s] : kk), k[i]);
      const ref = Number(v);
      compared++;
      if (ref === 0 ? bare !== 0 : Math.abs(bare / ref - 1) > 6e-5)
        off.push(`${label}: ${bare.toExponential(5)} vs CMAQ ${v}`);
    }
    expect(off).toEqual([]);
    expect(compared).toBe(rows.length);
  });
});

describe("mech_cb6r5_ae7_aq.def: contents", () => {
  const { mech } = read("mech_cb6r5_ae7_aq.def");

  it("the file's own numbering: R1…R221 without the commented-out R215, plus R171a–R174a and R185a; last label DMS4", () => {
    const numbered = mech.reactions.map((r) => r.label).filter((l) => /^R\d+[a-z]?$/.test(l));
    const expected = [];
    for (let i = 1; i <= 221; i++) {
      if (i === 215) continue;
      expected.push(`R${i}`);
      if (i >= 171 && i <= 174 && i !== 175) expected.push(`R${i}a`);
      if (i === 185) expected.push("R185a");
    }
    const order = (l: string) => [Number(/\d+/.exec(l)![0]), l.endsWith("a") ? 1 : 0];
    const sorted = [...numbered].sort((a, b) => order(a)[0] - order(b)[0] || order(a)[1] - order(b)[1]);
    expect(sorted).toEqual(expected);
    expect(summariseMechanism(mech).lastLabel).toBe("DMS4");
    expect(mech.reactions.length).toBe(349);
  });

  it("the one number without its exponent letter (<CL13> 8.3-11) is read only with lenientExponent, and recorded", () => {
    expect(mech.changes).toEqual([
      { line: 355, label: "CL13", reason: "lenient-exponent", original: "8.3-11", detail: "read as 8.3e-11" },
    ]);
    const text = readFileSync(sharedPath("reference", "mechanisms", "mech_cb6r5_ae7_aq.def"), "utf8");
    expect(() => parseChemmech(text, { file: "mech_cb6r5_ae7_aq.def" })).toThrow(
      /mech_cb6r5_ae7_aq\.def, row 355: expected in reaction <CL13>, a number with its exponent letter/,
    );
  });

  it("every reaction conserves nitrogen except R160 (+0.001) and R170 (−0.001), rounded yields in the file", () => {
    const atoms = Object.fromEntries(Object.entries(CB6R5_NITROGEN_ATOMS).map(([s, v]) => [s, v.n]));
    const bad = atomImbalance(mech, atoms);
    expect(bad.map((b) => b.label)).toEqual(Object.keys(CB6R5_NITROGEN_ROUNDING));
    for (const b of bad) expect(b.delta).toBeCloseTo(CB6R5_NITROGEN_ROUNDING[b.label], 12);
    // every species whose name marks nitrogen (NO…, PAN, NTR, PNA) is in the table, or is one of the SOA
    // tracers CMAQ's species tables say "Should not to be included for tracking nitrogen" (MTNO3, AMTNO3J)
    // or the TERP + NO3 counter species TERPNRO2
    const untracked = ["MTNO3", "AMTNO3J", "TERPNRO2"];
    const named = mech.species.filter((s) => /NO|PAN|NTR|PNA/.test(s));
    expect(named.filter((s) => !(s in atoms) && !untracked.includes(s))).toEqual([]);
  });

  it("the gas-phase system for a box model: heterogeneous and aerosol reactions left out", () => {
    const c = compileMechanism(mech);
    const s = summariseMechanism(mech);
    expect(c.excluded.filter((x) => x.reason === "heterogeneous").length).toBe(s.byPhase.heterogeneous);
    expect(c.excluded.filter((x) => x.reason === "aerosol").length).toBe(s.byPhase.aerosol);
    expect(c.system.reactions.length).toBe(s.byPhase.gas);
    expect(c.system.species).toContain("O3");
    expect(c.system.species.some((x) => /^A[A-Z0-9]{2,}[IJK]$/.test(x))).toBe(false);
  });
});
