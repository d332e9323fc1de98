import { join } from "node:path";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readMonitoringTable } from "../../src/io/monitoring";
import { solarPosition } from "../../src/photochem/solar";
import { simulateXianObmDays, type XianObmTruth } from "../../src/simulate/xianobm";
import { EXAMPLE_SETTINGS } from "../../src/simulate/examples";

const DATA = join(__dirname, "..", "..", "data");
const truth = JSON.parse(readFileSync(join(DATA, "xian-obm-hourly.truth.json"), "utf8")) as XianObmTruth;
const { table } = readMonitoringTable(join(DATA, "xian-obm-hourly.csv"), { utcOffset: "+08:00" });

describe("simulateXianObmDays (data/xian-obm-hourly.csv)", () => {
  it("72 hourly rows from 2024-07-15 00:00 +08:00, the columns of the truth, seeded", () => {
    expect(table.numRows).toBe(72);
    expect(table.localTimes()[0]).toBe("2024-07-15T00:00:00+08:00");
    expect(table.columns.map((c) => c.original)).toEqual(truth.columns);
    const s = EXAMPLE_SETTINGS.xianObm;
    const a = simulateXianObmDays({ ...s, site: { ...s.site } });
    const b = simulateXianObmDays({ ...s, site: { ...s.site }, seed: s.seed + 1 });
    expect(a.csv).toBe(readFileSync(join(DATA, "xian-obm-hourly.csv"), "utf8"));
    expect(b.csv).not.toBe(a.csv);
  });
  it("J(NO2) is MCM J4 = 1.165e-2·cos χ^0.244·exp(−0.267/cos χ) × the day's cloud factor (within the 3 % noise), 0 at night", () => {
    const j = table.numbers("JNO2");
    const t = table.times();
    for (let i = 0; i < 72; i++) {
      const c = Math.cos((solarPosition(t[i] + 1_800_000, 34.26, 108.94).zenithDeg * Math.PI) / 180);
      if (c <= 0) {
        expect(j[i]).toBe(0);
        continue;
      }
      const hand = 1.165e-2 * Math.pow(c, 0.244) * Math.exp(-0.267 / c) * truth.daily[Math.floor(i / 24)].cloud;
      expect(Math.abs(Math.log(j[i] / hand))).toBeLessThan(0.12); // 4σ of LN(0.03), plus rounding at dawn
    }
    expect(Math.max(...j)).toBeGreaterThan(7e-3); // summer noon at 34° N: 8–9 × 10⁻³ s⁻¹ clear sky
  });
  it("daytime NO, NO2, O3 are in photostationary state: J[NO2] = k[NO][O3], k = 2.07e-12 exp(−1400/T) (written to 2 decimals)", () => {
    const [no, no2, o3, j, T, P] = ["NO", "NO2", "O3", "JNO2", "T", "P"].map((c) => table.numbers(c));
    let n = 0;
    for (let i = 0; i < 72; i++) {
      if (j[i] < 3e-3 || no[i] < 0.5) continue;
      const tk = T[i] + 273.15;
      const M = (P[i] * 100) / (1.380649e-23 * tk) / 1e6;
      const k = 2.07e-12 * Math.exp(-1400 / tk) * M * 1e-9; // ppb-1 s-1
      expect((j[i] * no2[i]) / (k * no[i] * o3[i])).toBeCloseTo(1, 1);
      n++;
    }
    expect(n).toBeGreaterThan(20);
  });
  it("RH = 100·e_w(T_dew)/e_w(T) by Buck (1981) at the day's dew point; isoprene is a daytime species", () => {
    const [T, RH, P, iso] = ["T", "RH", "P", "isoprene"].map((c) => table.numbers(c));
    for (const i of [3, 15, 40, 62]) {
      const ew = (tc: number, hpa: number) =>
        (1.0007 + 3.46e-6 * hpa) * 6.1121 * Math.exp((17.502 * tc) / (240.97 + tc)); // Buck (1981) ew1 with f
      const hand = (100 * ew(truth.daily[Math.floor(i / 24)].dewPointC, P[i])) / ew(T[i], P[i]);
      expect(Math.abs(RH[i] - hand)).toBeLessThan(0.3); // T and P are written to 0.1
    }
    expect(iso[13]).toBeGreaterThan(10 * iso[1]); // 13:00 vs 01:00 local
  });
});
