import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AozoraInputError } from "../../src/io/errors";
import { interpolateCsqyRow, loadCsqy, photolysisFrequencies, readCsqy } from "../../src/photochem";

// CMAQ v5.5 CCTM/src/MECHS/cb6r5_ae7_aq/CSQY_DATA_cb6r5_ae7_aq, copied unchanged (fixtures/README.md)
const FILE = join(__dirname, "fixtures", "CSQY_DATA_cb6r5_ae7_aq");
const TEXT = readFileSync(FILE, "utf8");
const csqy = readCsqy(TEXT, { file: "CSQY_DATA_cb6r5_ae7_aq" });

/** The error readCsqy throws for a text (or a failure when it does not throw). */
function errorOf(text: string): AozoraInputError {
  try {
    readCsqy(text, { file: "bad" });
  } catch (e) {
    expect(e).toBeInstanceOf(AozoraInputError);
    return e as AozoraInputError;
  }
  throw new Error("readCsqy accepted bad input");
}
const lines = TEXT.split("\n");
const withLine = (n: number, s: string) => lines.map((l, i) => (i === n - 1 ? s : l)).join("\n");

describe("readCsqy: the CB6r5 file as CMAQ v5.5 LOAD_CSQY_DATA reads it", () => {
  it("has the 32 tables, 6 temperatures, 7 bands and 6 O3_STRAT rows the header declares", () => {
    expect(csqy.mechanism).toBe("CB6R5_AE7_AQ");
    expect(csqy.tables.length).toBe(32);
    expect(csqy.tables[0].name).toBe("NO2_IUPAC10");
    expect(csqy.tables[31].name).toBe("ACRO_09");
    expect(csqy.temperaturesK).toEqual([210, 230, 250, 270, 290, 310]);
    expect(csqy.bands.length).toBe(7);
    expect(csqy.o3Strat.temperaturesK).toEqual([180, 260, 300, 340, 380, 420]);
  });
  it("keeps every number as written (band 1 line 53, NO2 CS at 290 K line 80, O3_STRAT at 180 K)", () => {
    // "  1,               291.000,               294.590,               298.300,            5.8828E+14,"
    expect(csqy.bands[0]).toEqual({ startNm: 291, effectiveNm: 294.59, endNm: 298.3, toaPhotonFlux: 5.8828e14 });
    // "  7,               412.500,               607.723,               850.000,            2.1307E+17,"
    expect(csqy.bands[6]).toEqual({ startNm: 412.5, effectiveNm: 607.723, endNm: 850, toaPhotonFlux: 2.1307e17 });
    const no2 = csqy.tables[0];
    expect(no2.cs[4]).toEqual([
      9.515838e-20, 1.350079e-19, 1.748457e-19, 2.093432e-19, 3.307068e-19, 5.663012e-19, 3.71843e-21,
    ]);
    expect(no2.eqy[4][5]).toBe(8.132986e-1);
    expect(csqy.o3Strat.cs[0][0]).toBe(6.113743e-19);
  });
  it("records the references (comment lines and the free-text line of the header)", () => {
    expect(csqy.comments.some((c) => c.text.includes("doi:10.1023/A:1014980619462"))).toBe(true);
    expect(csqy.comments.some((c) => c.text.includes("Bian, H. S. and Prather"))).toBe(true);
  });
  it("loads the same from the path", () => {
    expect(loadCsqy(FILE).tables).toEqual(csqy.tables);
  });
});

describe("readCsqy refuses malformed files, naming file, line and field", () => {
  it("a cross section that is not a number (line 80, WBIN(3))", () => {
    const e = errorOf(withLine(80, lines[79].replace("1.748457E-19", "1.74x457E-19")));
    expect(e.row).toBe(80);
    expect(e.column).toBe("WBIN(3)");
    expect(e.columnNumber).toBe(6);
    expect(e.found).toBe("1.74x457E-19");
  });
  it("a negative cross section", () => {
    const e = errorOf(withLine(80, lines[79].replace("1.748457E-19", "-1.748457E-19")));
    expect(e.row).toBe(80);
    expect(e.message).toMatch(/≥ 0/);
  });
  it("an EQY row where the CS row belongs, and a wrong temperature", () => {
    expect(errorOf(withLine(80, lines[80])).row).toBe(80);
    const e = errorOf(withLine(80, lines[79].replace("290.000", "295.000")));
    expect(e.column).toBe("TEMP");
    expect(e.expected).toMatch(/NO2_IUPAC10 CS 290\.000/);
  });
  it("a row with a missing value", () => {
    const e = errorOf(withLine(80, lines[79].replace(/\s+3\.718430E-21\s*$/, "")));
    expect(e.row).toBe(80);
    expect(e.found).toBe("6 values");
  });
  it("a table name listed twice, a bad count, a missing O3_STRAT section, text after the end", () => {
    expect(errorOf(withLine(5, "NO2_IUPAC10")).row).toBe(5);
    expect(errorOf(withLine(2, "NPHOTAB =   x")).row).toBe(2);
    const cut = TEXT.slice(0, TEXT.indexOf("! Ozone Cross-Section for Stratospheric"));
    expect(errorOf(cut).expected).toMatch(/NTEMP_STRAT/);
    expect(errorOf(TEXT + "\nextra\n").expected).toMatch(/end of the file/);
  });
  it("a band row out of order", () => {
    const i = lines.findIndex((l) => l.startsWith("  2,"));
    const e = errorOf(withLine(i + 1, lines[i].replace("298.300", "290.000")));
    expect(e.row).toBe(i + 1);
  });
});

describe("photolysisFrequencies: J = Σ F·CS·EQY (CMAQ NEW_OPTICS) with CMAQ's temperature interpolation", () => {
  const F = [1e14, 2e14, 3e14, 4e14, 1e15, 1e16, 1e17]; // photons cm-2 s-1 per band
  it("NO2_IUPAC10 at 290 K, worked by hand from lines 80-81 of the file", () => {
    const hand =
      1e14 * 9.515838e-20 * 1 +
      2e14 * 1.350079e-19 * 1 +
      3e14 * 1.748457e-19 * 1 +
      4e14 * 2.093432e-19 * 1 +
      1e15 * 3.307068e-19 * 1 +
      1e16 * 5.663012e-19 * 8.132986e-1 +
      1e17 * 3.71843e-21 * 7.585791e-2; // = 5.13736e-3 s-1
    const r = photolysisFrequencies(csqy, F, 290);
    expect(r.j.NO2_IUPAC10 / hand).toBeCloseTo(1, 12);
    expect(r.j.NO2_IUPAC10).toBeCloseTo(5.13736e-3, 7);
  });
  it("midway between 270 and 290 K: CS and EQY each interpolated (lines 78-81), then multiplied", () => {
    const cs = [
      (9.488729e-20 + 9.515838e-20) / 2,
      (1.351377e-19 + 1.350079e-19) / 2,
      (1.755867e-19 + 1.748457e-19) / 2,
      (2.116595e-19 + 2.093432e-19) / 2,
      (3.375671e-19 + 3.307068e-19) / 2,
      (5.692984e-19 + 5.663012e-19) / 2,
      (3.737961e-21 + 3.71843e-21) / 2,
    ];
    const eqy = [1, 1, 1, 1, 1, (8.052323e-1 + 8.132986e-1) / 2, (6.065865e-2 + 7.585791e-2) / 2];
    const hand = F.reduce((s, f, b) => s + f * cs[b] * eqy[b], 0);
    const r = photolysisFrequencies(csqy, F, 280);
    expect(r.j.NO2_IUPAC10 / hand).toBeCloseTo(1, 12);
    // not the mean of the two J: the product of interpolated factors differs in band 7
    const mean =
      (photolysisFrequencies(csqy, F, 270).j.NO2_IUPAC10 + photolysisFrequencies(csqy, F, 290).j.NO2_IUPAC10) / 2;
    expect(Math.abs(r.j.NO2_IUPAC10 - mean)).toBeGreaterThan(1e-9);
  });
  it("clamps outside 210-310 K to the end rows (CMAQ GET_CSQY: no extrapolation)", () => {
    const plain = { corrections: false }; // the pressure corrections depend on T and [M] themselves
    expect(photolysisFrequencies(csqy, F, 180, plain).j).toEqual(photolysisFrequencies(csqy, F, 210, plain).j);
    expect(photolysisFrequencies(csqy, F, 330, plain).j).toEqual(photolysisFrequencies(csqy, F, 310, plain).j);
    expect(interpolateCsqyRow([1, 2], [[10], [20]], 1.25)).toEqual([12.5]);
  });
  it("acetaldehyde pressure correction 1/(1 + (1/QY − 1)·[M]·4.0568e-20): unity at [M] = 1/4.0568e-20, by hand at half", () => {
    const m0 = 1 / 4.0568e-20;
    const at = (m: number) => photolysisFrequencies(csqy, F, 290, { airDensity: m });
    const plain = photolysisFrequencies(csqy, F, 290, { airDensity: m0, corrections: false }).j.ALD2_R_IUPAC13;
    expect(at(m0).j.ALD2_R_IUPAC13 / plain).toBeCloseTo(1, 12);
    expect(at(m0).corrected.ALD2_R_IUPAC13).toBe("acetaldehyde");
    // half the density: band 1 QY 0.5721845 → 1/(1 + (1/0.5721845 − 1)/2) = 0.727973…
    const qy = [5.721845e-1, 4.51722e-1, 3.206589e-1, 1.785219e-1, 3.513154e-2].map((q) => 1 / (1 + (1 / q - 1) * 0.5));
    const cs = [4.432586e-20, 3.717937e-20, 2.933103e-20, 2.105459e-20, 5.353235e-21];
    const hand = qy.reduce((s, q, b) => s + F[b] * cs[b] * q, 0);
    expect(at(m0 / 2).j.ALD2_R_IUPAC13 / hand).toBeCloseTo(1, 12);
  });
  it("acrolein (Gardner et al. 1987, CMAQ): 153.5·QY·(4e-3 + 1/(0.086 + 1.613e-17·[M])) is unity at 2.465e19", () => {
    const r = photolysisFrequencies(csqy, F, 290, { airDensity: 2.465e19 });
    const plain = photolysisFrequencies(csqy, F, 290, { corrections: false }).j.ACRO_09;
    const factor = 153.5 * (4.0e-3 + 1 / (8.6e-2 + 1.613e-17 * 2.465e19)); // 0.99998
    expect(r.j.ACRO_09 / plain).toBeCloseTo(factor, 9);
  });
  it("acetone: Cameron-Smith (2000) effective cross sections replace the table (CMAQ OP0, YY30), band 1 by hand", () => {
    const only1 = [1e14, 0, 0, 0, 0, 0, 0];
    const r = photolysisFrequencies(csqy, only1, 298, { airDensity: 2.46e19 });
    // ((298 − 298)·2.982e-20 + (298 − 235)·3.255e-20) / (63·(1 + 5.651e-20·2.46e19)), QY = 1
    expect(r.j.ACET_IUPAC10 / ((1e14 * 3.255e-20) / (1 + 5.651e-20 * 2.46e19))).toBeCloseTo(1, 12);
    expect(r.corrected.ACET_IUPAC10).toBe("acetone");
  });
  it("every pressure correction but acetone's is unity at the tables' reference density 2.465e19 cm⁻³ (290 K)", () => {
    // by hand from CMAQ's formulas: aldehydes [M]·4.0568e-20 = 1.0000; methylglyoxal 1.03547e-19·T·[M] Torr = 2.5524·T;
    // molecular HCHO 1.36312e-22·[M]·T atm = 3.3601e-3·T; acrolein 0.99998; glyoxal Φ([M])/Φ(2.46e19) ≈ 1
    const on = photolysisFrequencies(csqy, F, 290, { airDensity: 2.465e19 });
    const off = photolysisFrequencies(csqy, F, 290, { airDensity: 2.465e19, corrections: false });
    const names = ["ALD2_R_IUPAC13", "ALDX_R_IUPAC13", "MGLY_IUPAC10", "FORM_M_IUPAC13", "ACRO_09", "GLY_R_IUPAC13"];
    for (const n of names) {
      expect(on.corrected[n]).toBeDefined();
      // glyoxal's reference is 2.46e19, not 2.465e19: 0.1 % off
      expect(Math.abs(on.j[n] / off.j[n] - 1)).toBeLessThan(n === "GLY_R_IUPAC13" ? 2e-3 : 1e-4);
    }
    expect(Object.keys(on.corrected).sort()).toEqual([...names, "ACET_IUPAC10"].sort());
  });
  it("refuses a flux of the wrong length or a negative flux", () => {
    expect(() => photolysisFrequencies(csqy, [1, 2], 290)).toThrow(RangeError);
    expect(() => photolysisFrequencies(csqy, [1, 1, 1, 1, 1, 1, -1], 290)).toThrow(RangeError);
    expect(() => photolysisFrequencies(csqy, F, 0)).toThrow(RangeError);
  });
});
