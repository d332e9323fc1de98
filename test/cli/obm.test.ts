import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readMonitoringTable } from "../../src/io/monitoring";
import { run } from "./run";

// `aozora obm` on a small hand file and a hand mechanism (no ../shared needed): --mechanism-file, --csqy-file.
const tmp = mkdtempSync(join(tmpdir(), "aozora-obm-"));
const CSQY = join(__dirname, "..", "photochem", "fixtures", "CSQY_DATA_cb6r5_ae7_aq");
const DEF = join(tmp, "hand.def");
writeFileSync(
  DEF,
  `HAND_OBM
REACTIONS[CM] =
<R1> NO2 = NO + O3 # 1.0/<NO2_IUPAC10>;
<R2> HO2 + NO = OH + NO2 # 8.0E-12;
<R3> OH + NO2 = HNO3 # 1.1E-11;
<R4> ETH + OH = HO2 # 8.0E-12;
<R5> OH + CO = HO2 # 2.4E-13;
<R6> O3 + NO = NO2 # 2.07E-12@1400;
END
`,
);
// three hours around local noon in Xi'an (+08:00), 30 °C, 962 hPa; HO2 and OH held from their own columns (OH in ppt)
const HEAD =
  "Time,ethylene (ppb),NO (ppb),NO2 (ppb),O3 (ppb),CO (ppm),HO2 (ppb),OH (ppt),NOx (ppb),T (°C),RH (%),P (hPa)";
const rowsOf = (no: string[]) =>
  ["11:00", "12:00", "13:00"].map((h, i) => `2024-07-15 ${h},2.0,${no[i]},10,60,0.5,0.02,0.2,12,30.0,40,962.0`);
const OBS = join(tmp, "obs.csv");
writeFileSync(OBS, [HEAD, ...rowsOf(["2", "2", "2"])].join("\n") + "\n");
const base = ["obm", "--obs", OBS, "--mechanism-file", DEF, "--csqy-file", CSQY, "--site", "34.26,108.94,400"];
const fast = ["--spin-up-days", "1", "--utc-offset", "+08:00", "--nox", "hold", "--o3", "held"];

// by hand: [X] = ppb × 1e-9 × M, M = p/(k_B T); rate → ppb/h = rate / M × 1e9 × 3600
const M = 96200 / (1.380649e-23 * 303.15) / 1e6;
const ppbH = (k: number, a: number, b: number) => k * a * b * 1e-9 * M * 3600; // a, b in ppb
const P = ppbH(8.0e-12, 0.02, 2); // HO2 + NO
const L = ppbH(1.1e-11, 0.2e-3, 10); // OH + NO2, OH 0.2 ppt = 2e-4 ppb

describe("aozora obm", () => {
  it("--json: the VOC mapping, every column's use, and P(O3), L(O3) equal to k[HO2][NO], k[OH][NO2] by hand", async () => {
    const r = await run([...base, ...fast, "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.vocMapping.mapped.map((m: any) => [m.input, m.terms[0].species, m.terms[0].molesPerMole])).toEqual([
      ["ethylene", "ETH", 1],
    ]);
    const uses = Object.fromEntries(
      j.columns.map((c: any) => [c.header, [c.use, c.name ?? null, c.conversion ?? null]]),
    );
    expect(uses["OH (ppt)"]).toEqual(["species", "OH", "ppt → ppb (× 0.001)"]);
    expect(uses["CO (ppm)"]).toEqual(["species", "CO", "ppm → ppb (× 1000)"]);
    expect(uses["T (°C)"]).toEqual(["temperature", null, "°C → K (+ 273.15)"]);
    expect(uses["P (hPa)"]).toEqual(["pressure", null, "hPa → Pa (× 100)"]);
    expect(uses["ethylene (ppb)"]).toEqual(["voc", "ethylene", null]);
    expect(j.unused.map((u: any) => u.header)).toEqual(["NOx (ppb)"]);
    expect(j.constraints.held.sort()).toEqual(["CO", "ETH", "HO2", "NO", "NO2", "O3", "OH"]);
    expect(j.times[0]).toBe("2024-07-15T12:00:00+08:00"); // outputs at the end of each hour
    for (let i = 0; i < 3; i++) {
      expect(j.budget.production["HO2+NO"][i] / P).toBeCloseTo(1, 6);
      expect(j.budget.loss["OH+NO2"][i] / L).toBeCloseTo(1, 6);
      expect(j.budget.net[i] / (P - L)).toBeCloseTo(1, 6);
      expect(j.ppb.O3[i]).toBeCloseTo(60, 9); // held
    }
    expect(j.daytime).toEqual([true, true, true]);
    expect(j.mechanism.reactions).toBe(6);
  });

  it("--rir: RIR(NOx) = 1 (P and L both ∝ NOx when HO2, OH are held), RIR(CO) = RIR(AVOC) = 0; --out writes CSVs and figures", async () => {
    const dir = join(tmp, "out");
    const r = await run([...base, ...fast, "--rir", "--out", dir, "--lang", "ja"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/RIR \(20 % reductions; base daytime net P\(O3\) [\d.]+ ppb\):/);
    const line = (g: string) => Number(new RegExp(`^  ${g}\\t(-?[\\d.]+)`, "m").exec(r.out)![1]);
    expect(line("NOx")).toBeCloseTo(1, 3);
    expect(line("CO")).toBe(0);
    expect(line("AVOC")).toBe(0);
    // the summary's first hour: net = P − L by hand, 2 decimals
    expect(r.out).toContain(`\t${P.toFixed(2)}\t${L.toFixed(2)}\t${(P - L).toFixed(2)}`);
    for (const f of [
      "obm-hourly.csv",
      "obm-voc-mapping.csv",
      "obm-rir.csv",
      "obm-budget-ja.svg",
      "obm-budget-ja.png",
      "obm-radicals-ja.png",
      "obm-rir-ja.png",
    ])
      expect(existsSync(join(dir, f)), f).toBe(true);
    // the hourly CSV reads back with units and offset: net P(O3) in ppb/h
    const back = readMonitoringTable(join(dir, "obm-hourly.csv"));
    expect(back.table.unit("net P(O3)")).toBe("ppb/h");
    expect(back.table.numbers("net P(O3)")[1] / (P - L)).toBeCloseTo(1, 6);
    expect(back.table.localTimes()[0]).toBe("2024-07-15T12:00:00+08:00");
    expect(readFileSync(join(dir, "obm-voc-mapping.csv"), "utf8")).toContain("ethylene,ethylene,ETH,1,");
  });

  it("a missing value in a constraint is an error naming file, row and column", async () => {
    const bad = join(tmp, "gap.csv");
    writeFileSync(bad, [HEAD, ...rowsOf(["2", "", "2"])].join("\n") + "\n");
    const r = await run([
      "obm",
      "--obs",
      bad,
      "--mechanism-file",
      DEF,
      "--csqy-file",
      CSQY,
      "--site",
      "34.26,108.94",
      ...fast,
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/gap\.csv, row 3, column "NO \(ppb\)" \(#3\): expected a value in every hour/);
  });

  it("no temperature column, a bad --site, and no mechanism file in AOZORA_SHARED are refused with what was expected", async () => {
    const noT = join(tmp, "not.csv");
    writeFileSync(noT, "Time,NO (ppb),RH (%)\n2024-07-15 11:00,2,40\n2024-07-15 12:00,2,40\n");
    const a = await run([
      "obm",
      "--obs",
      noT,
      "--mechanism-file",
      DEF,
      "--csqy-file",
      CSQY,
      "--site",
      "34,108",
      ...fast,
    ]);
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/not\.csv: expected a temperature column \(T, in °C or K\), found "none"/);
    const b = await run([...base.slice(0, 7), "--site", "95,108", ...fast]);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/--site: expected LAT,LON\[,ALT_M\]/);
    const saved = process.env.AOZORA_SHARED;
    process.env.AOZORA_SHARED = tmp;
    try {
      const c = await run(["obm", "--obs", OBS, "--site", "34,108", ...fast]);
      expect(c.code).toBe(2);
      expect(c.err).toMatch(/--mechanism-file: expected a CMAQ \.def file \(mech_cb6r5_ae7_aq\.def is not in/);
    } finally {
      if (saved === undefined) delete process.env.AOZORA_SHARED;
      else process.env.AOZORA_SHARED = saved;
    }
  });
});

// --blh and --o3-deposition on a mechanism where O3 has no chemistry (its one reaction needs Y, which is 0):
// a free O3 then only deposits, k_dep = v_d / (100·BLH) (runObm; F0AM ExampleDepositionRxn.m
// `k(:,i) = vd./(BLH*100); %/s`), and is entrained towards its observation where the layer grows,
// k_ent = ln(H_i+1/H_i)/Δt — both solved here by hand, interval by interval.
describe("aozora obm --blh, --o3-deposition", () => {
  const DEP = join(tmp, "dep.def");
  writeFileSync(
    DEP,
    "DEP_TEST\nREACTIONS[CM] =\n<R1> NO2 = NO + X # 1.0/<NO2_IUPAC10>;\n<R2> O3 + Y = Y # 1.0E-12;\nEND\n",
  );
  const obsWith = (name: string, blhHead: string, blh: string[]) => {
    const p = join(tmp, name);
    writeFileSync(
      p,
      [
        `Time,NO (ppb),NO2 (ppb),O3 (ppb),${blhHead},T (°C),RH (%)`,
        ...["11:00", "12:00", "13:00"].map((h, i) => `2024-07-15 ${h},2,10,60,${blh[i]},30,40`),
      ].join("\n") + "\n",
    );
    return p;
  };
  const KM = obsWith("blh-km.csv", "BLH (km)", ["0.4", "0.8", "0.8"]);
  const args = (obs: string, ...more: string[]) => [
    "obm",
    "--obs",
    obs,
    "--mechanism-file",
    DEP,
    "--csqy-file",
    CSQY,
    "--site",
    "34.26,108.94",
    "--utc-offset",
    "+08:00",
    "--spin-up-days",
    "0",
    "--dilution",
    "0",
    "--nox",
    "hold",
    ...more,
  ];
  const near = (a: number, b: number) => expect(Math.abs(a / b - 1)).toBeLessThan(1e-5);

  it("a constant --blh and --o3-deposition: O3 = 60 ppb · exp(−v_d/(100·H)·t) each hour", async () => {
    const r = await run(args(KM, "--blh", "500", "--o3-deposition", "0.5", "--json"));
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.method.deposition.velocityCmPerSec).toEqual({ O3: 0.5 });
    expect(j.method.boundaryLayerHeightM).toEqual([500, 500, 500]);
    expect(j.unused.map((u: any) => u.header)).toEqual(["BLH (km)"]); // a constant: the column is not read
    const k = 0.5 / (100 * 500); // 1e-5 s-1
    for (let i = 0; i < 3; i++) near(j.ppb.O3[i], 60 * Math.exp(-k * 3600 * (i + 1)));
  });

  it("--blh COLUMN (km → m): deposition at each hour's height plus entrainment while the layer grows", async () => {
    const r = await run(args(KM, "--blh", "BLH", "--json"));
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const use = j.columns.find((c: any) => c.header === "BLH (km)");
    expect(use).toEqual({
      header: "BLH (km)",
      columnNumber: 5,
      use: "boundaryLayerHeight",
      unit: "km",
      conversion: "km → m (× 1000)",
    });
    expect(j.unused).toEqual([]);
    expect(j.method.boundaryLayerHeightM).toEqual([400, 800, 800]);
    expect(j.method.deposition.velocityCmPerSec).toEqual({ O3: 1 }); // the default, F0AM's 1 cm/s
    // interval 0: dC/dt = −(k_ent + k_d)·C + k_ent·60, k_d = 1/(100·400), k_ent = ln(800/400)/3600
    const kd0 = 1 / (100 * 400);
    const ke0 = Math.log(2) / 3600;
    const cInf = (ke0 * 60) / (ke0 + kd0);
    const c1 = cInf + (60 - cInf) * Math.exp(-(ke0 + kd0) * 3600);
    // intervals 1 and 2: 800 m, not growing (the last interval repeats its height): deposition only
    const kd = 1 / (100 * 800);
    const c2 = c1 * Math.exp(-kd * 3600);
    near(j.ppb.O3[0], c1);
    near(j.ppb.O3[1], c2);
    near(j.ppb.O3[2], c2 * Math.exp(-kd * 3600));
    expect(r.out).not.toContain("NaN");
  });

  it("--o3-deposition 0 switches deposition off: a free O3 without chemistry stays at 60 ppb", async () => {
    const r = await run(args(KM, "--blh", "500", "--o3-deposition", "0", "--json"));
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.method.deposition.velocityCmPerSec).toEqual({});
    for (let i = 0; i < 3; i++) expect(Math.abs(j.ppb.O3[i] - 60)).toBeLessThan(1e-9);
    const text = await run(args(KM, "--blh", "BLH", "--o3-deposition", "0"));
    expect(text.out).toMatch(/BLH from column BLH, O3 deposition off/);
  });

  it("refuses a --blh outside (0, 10000] m, an unknown column, a column without m/km, a height ≤ 0 (naming row and column), a negative --o3-deposition", async () => {
    const a = await run(args(KM, "--blh", "0"));
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/--blh: expected a boundary-layer height in \(0, 10000\] m, or the name of a column/);
    const b = await run(args(KM, "--blh", "PBLH"));
    expect(b.code).toBe(2);
    expect(b.err).toMatch(
      /blh-km\.csv: expected one column "PBLH" \(the boundary-layer height\), found "columns "Time", "NO \(ppb\)"/,
    );
    const c = await run(args(obsWith("blh-hpa.csv", "BLH (hPa)", ["400", "800", "800"]), "--blh", "BLH"));
    expect(c.code).toBe(2);
    expect(c.err).toMatch(
      /column "BLH \(hPa\)" \(#5\): expected a boundary-layer height in m or km, e\.g\. BLH \(m\), found "hPa"/,
    );
    // no unit at all: the table reader already refuses the column
    const c2 = await run(args(obsWith("blh-nounit.csv", "BLH", ["400", "800", "800"]), "--blh", "BLH"));
    expect(c2.code).toBe(2);
    expect(c2.err).toMatch(/blh-nounit\.csv, row 1, column "BLH" \(#5\): expected a unit/);
    const d = await run(args(obsWith("blh-zero.csv", "BLH (m)", ["400", "0", "800"]), "--blh", "BLH (m)"));
    expect(d.code).toBe(2);
    expect(d.err).toMatch(
      /blh-zero\.csv, row 3, column "BLH \(m\)" \(#5\): expected a boundary-layer height > 0, found "0"/,
    );
    const e = await run(args(KM, "--o3-deposition", "-1"));
    expect(e.code).toBe(2);
    expect(e.err).toMatch(/--o3-deposition/);
  });
});
