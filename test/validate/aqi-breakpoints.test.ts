import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  CN_IAQI_LEVELS,
  HJ633_2012,
  HJ633_2026,
  US_AQI_2024,
  GB3095_2026,
  cnIaqi,
  usAqi,
  type CnIaqiKey,
  type UsAqiKey,
} from "../../src";
import { sharedPath } from "./shared";

function csv(name: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(sharedPath("reference", name), "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "" && !l.startsWith("#"));
  const [head, ...body] = lines.map((l) => l.split(",").map((c) => c.trim()));
  return { header: head, rows: body };
}

describe("China IAQI tables equal the reference CSVs, every value", () => {
  for (const [file, table] of [
    ["cn-hj633-2012-iaqi-breakpoints.csv", HJ633_2012],
    ["cn-hj633-2026-iaqi-breakpoints.csv", HJ633_2026],
  ] as const) {
    it(file, () => {
      const { header, rows } = csv(file);
      expect(rows.map((r) => Number(r[0]))).toEqual([...CN_IAQI_LEVELS]);
      const keys = header.slice(1);
      expect(new Set(keys)).toEqual(new Set(Object.keys(table.breakpoints)));
      let compared = 0;
      for (const [j, key] of keys.entries()) {
        const col = rows.map((r) => (r[j + 1] === "" ? null : Number(r[j + 1])));
        expect(table.breakpoints[key as CnIaqiKey], `${file} ${key}`).toEqual(col);
        compared += col.length;
        // and the function reproduces each breakpoint's IAQI level
        col.forEach((c, i) => {
          if (c !== null) expect(cnIaqi(key as CnIaqiKey, c, table.id).iaqi).toBe(CN_IAQI_LEVELS[i]);
        });
      }
      expect(compared).toBe(80);
    });
  }
});

describe("US AQI 2024 table equals the reference CSV, every value", () => {
  it("us-aqi-2024-breakpoints.csv", () => {
    const { header, rows } = csv("us-aqi-2024-breakpoints.csv");
    const map: Record<string, UsAqiKey> = {
      O3_8h_ppm: "O3_8h",
      O3_1h_ppm: "O3_1h",
      PM25_24h: "PM25_24h",
      PM10_24h: "PM10_24h",
      CO_8h_ppm: "CO_8h",
      SO2_1h_ppb: "SO2_1h",
      NO2_1h_ppb: "NO2_1h",
    };
    const expected: Record<string, { aqiLo: number; aqiHi: number; cLo: number; cHi: number }[]> = {};
    for (const r of rows) {
      const aqiLo = Number(r[0]),
        aqiHi = Number(r[1]);
      header.slice(2).forEach((h, j) => {
        const cell = r[j + 2];
        const m = /^([\d.]+)-([\d.]+)(\s*\(24h\))?$/.exec(cell);
        if (!m) {
          expect(cell === "" || cell === "(use 1h)", `${h} ${cell}`).toBe(true);
          return;
        }
        const key = m[3] ? "SO2_24h" : map[h];
        (expected[key] ??= []).push({ aqiLo, aqiHi, cLo: Number(m[1]), cHi: Number(m[2]) });
      });
    }
    expect(Object.keys(expected).sort()).toEqual(Object.keys(US_AQI_2024.segments).sort());
    for (const [key, segs] of Object.entries(expected)) {
      expect(US_AQI_2024.segments[key as UsAqiKey], key).toEqual(segs);
      for (const s of segs) {
        expect(usAqi(key as UsAqiKey, s.cLo).aqi).toBe(s.aqiLo);
        expect(usAqi(key as UsAqiKey, s.cHi).aqi).toBe(s.aqiHi);
      }
    }
  });
});

describe("GB 3095-2026 limits equal the reference CSV, every value", () => {
  it("cn-gb3095-2026-limits.csv", () => {
    const { rows } = csv("cn-gb3095-2026-limits.csv");
    const fromCsv = rows.map((r) => ({
      pollutant: r[0],
      averaging: r[1],
      t1: Number(r[2]),
      t2: Number(r[3]),
      f1: Number(r[4]),
      f2: Number(r[5]),
    }));
    const ours = GB3095_2026.limits.map((l) => ({
      pollutant: l.pollutant,
      averaging: l.averaging,
      t1: l.transition.grade1,
      t2: l.transition.grade2,
      f1: l.final.grade1,
      f2: l.final.grade2,
    }));
    expect(ours).toEqual(fromCsv);
  });
});
