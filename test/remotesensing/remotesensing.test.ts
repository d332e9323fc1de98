import { describe, expect, it } from "vitest";
import { AozoraInputError } from "../../src/io/errors";
import {
  chooseCutPoint,
  cutPointTradeoff,
  efByGroup,
  fleetEmissions,
  fuelBasedEf,
  readRemoteSensing,
  rsdEmissions,
  vsp,
  vspMode,
  vspModeLabel,
} from "../../src/remotesensing";

describe("carbon-balance emission factors, worked by hand", () => {
  it("Bishop & Stedman's example form: Q_CO = 0.1, Q_HC = 0.001 (propane), Q_NO = 0.002, w_c = 12.011/14", () => {
    // mol C per kg fuel = 1000·w_c/12.011 = 1000/14 = 71.428571; denominator 1 + 0.1 + 3·2·0.001 = 1.106
    const ef = fuelBasedEf({ co: 0.1, hc: 0.001, no: 0.002 }, "gasoline", { carbonFraction: 12.011 / 14 });
    expect(ef.carbonPerCo2).toBeCloseTo(1.106, 12);
    // CO: 28.010·0.1·71.428571/1.106 = 180.8964
    expect(ef.co).toBeCloseTo(180.8964, 3);
    // HC: 44.097·2·0.001·71.428571/1.106 = 5.69582 (total HC as propane mass)
    expect(ef.hc).toBeCloseTo(5.69582, 4);
    // NO: 30.006·0.002·71.428571/1.106 = 3.87574
    expect(ef.no).toBeCloseTo(3.87574, 4);
    // Bishop's rounded form 28·Q_CO/(1 + Q_CO + 6·Q_HC)/0.014 = 180.832 differs only by the molar mass 28 vs 28.010
    expect(Math.abs(ef.co - 180.832) / 180.832).toBeLessThan(5e-4);
  });
  it("NO as NO2 equivalent: 46.006·0.002·71.428571/1.106 = 5.94239", () => {
    expect(
      fuelBasedEf({ co: 0.1, hc: 0.001, no: 0.002 }, "gasoline", { carbonFraction: 12.011 / 14, noAs: "NO2" }).no,
    ).toBeCloseTo(5.94239, 4);
  });
  it("default gasoline w_c = 0.866: Q_CO = 0.05, Q_HC = 0.0005 → 28.010·0.05·(866/12.011)/1.053 = 95.894 g/kg", () => {
    expect(fuelBasedEf({ co: 0.05, hc: 0.0005, no: 0 }, "gasoline").co).toBeCloseTo(95.8944, 3);
  });
  it("an unknown fuel without a carbon fraction is refused", () => {
    expect(() => fuelBasedEf({ co: 0, hc: 0, no: 0 }, "hydrogen")).toThrow(RangeError);
  });
});

describe("vehicle specific power (Jiménez-Palacios 1999) and modes (Frey et al. 2002)", () => {
  it("v = 20 m/s, a = 0.5 m/s², flat: 20·(1.1·0.5 + 0.132) + 0.000302·8000 = 16.056 kW/t → mode 9 [16, 19)", () => {
    expect(vsp(20, 0.5)).toBeCloseTo(16.056, 10);
    expect(vspMode(16.056)).toBe(9);
    expect(vspModeLabel(9)).toBe("[16, 19)");
  });
  it("a 2 % grade adds v·9.81·0.02; idling is mode 3; hard braking mode 1; ≥ 39 mode 14", () => {
    expect(vsp(10, 0, 0.02)).toBeCloseTo(10 * (9.81 * 0.02 + 0.132) + 0.302, 10);
    expect(vspMode(0)).toBe(3);
    expect(vspMode(-5)).toBe(1);
    expect(vspMode(45)).toBe(14);
  });
});

const CSV = [
  "time,plate,category,fuel,model_year,speed (km/h),accel (km/h/s),CO/CO2,HC/CO2,NO/CO2,CO2,opacity (%),valid",
  "2025-05-06 08:00:01,闽D12345,passenger car,gasoline,2015,36,1.8,0.05,0.0005,0.001,8.2,1.0,1",
  "2025-05-06 08:00:05,闽D22222,passenger car,gasoline,2010,40,0,0.02,0.0002,0.0015,,0.5,1",
  "2025-05-06 08:00:09,闽D33333,bus,diesel,2012,30,0.5,4.5,0.0002,0.002,6.0,12,1",
  "2025-05-06 08:00:09,闽D33333,bus,diesel,2012,30,0.5,4.5,0.0002,0.002,6.0,12,1",
  "2025-05-06 09:10:00,闽D12345,passenger car,gasoline,2015,36,1.8,0.04,0.0004,0.001,8.0,1.0,1",
  "2025-05-06 09:11:00,闽D44444,taxi,gasoline,2019,50,-3,0.01,0.0001,0.0005,7.1,0.2,0",
].join("\n");

describe("remote-sensing reader", () => {
  const r = readRemoteSensing({ name: "rsd.csv", text: CSV }, { utcOffset: "+08:00" });
  it("reads times as UTC instants (UTC+8) and converts km/h to m/s", () => {
    expect(r.records.time[0]).toBe(Date.UTC(2025, 4, 6, 0, 0, 1));
    expect(r.records.speed[0]).toBeCloseTo(10, 12);
    expect(r.records.accel[0]).toBeCloseTo(0.5, 12);
  });
  it("flags missing CO2, out-of-range ratios, duplicates, repeat plates and invalid records with counts; keeps every row", () => {
    expect(r.flagCounts).toEqual({
      "missing-co2": 1,
      "out-of-range:co_co2": 2,
      "duplicate-record": 1,
      "repeat-plate": 1,
      "instrument-invalid": 1,
    });
    expect(r.records.flags[3]).toContain("duplicate-record");
    expect(r.records.flags[4]).toEqual(["repeat-plate"]);
    expect(r.account.inputRows).toBe(6);
    expect(r.account.keptRows).toBe(6);
    expect(r.account.cellChanges).toEqual([
      { row: 3, column: "CO2", original: "", value: NaN, reason: "missing-code" },
    ]);
  });
  it("only usable records get emission factors", () => {
    const e = rsdEmissions(r.records);
    expect(e.usable).toEqual([true, false, false, false, true, false]);
    expect(Number.isNaN(e.co[1])).toBe(true);
    expect(e.co[0]).toBeCloseTo(95.8944, 3);
  });
  it("bad input names file, row and column", () => {
    const bad = CSV.replace("0.05,0.0005", "abc,0.0005");
    expect(() => readRemoteSensing({ name: "rsd.csv", text: bad }, { utcOffset: "+08:00" })).toThrow(
      /rsd\.csv, row 2, column "CO\/CO2" \(#8\): expected a number/,
    );
    const noUnit = CSV.replace("speed (km/h)", "speed");
    expect(() => readRemoteSensing({ name: "rsd.csv", text: noUnit }, { utcOffset: "+08:00" })).toThrow(
      AozoraInputError,
    );
    const noCo2 = CSV.replace(",CO2,", ",X,");
    expect(() => readRemoteSensing({ name: "rsd.csv", text: noCo2 }, { utcOffset: "+08:00" })).toThrow(
      /expected a "co2" column/,
    );
  });
});

describe("distributions, screening and fleet emissions", () => {
  it("group statistics by hand", () => {
    const s = efByGroup([1, 2, 3, 10, NaN, 5], [2010, 2010, 2010, 2010, 2012, 2012]);
    expect(s.map((g) => g.group)).toEqual(["2010", "2012"]);
    expect(s[0].n).toBe(4);
    expect(s[0].mean).toBe(4);
    // type 7 median of 1,2,3,10 = 2.5; top 10 % = ceil(0.4) = 1 record: 10/16
    expect(s[0].median).toBe(2.5);
    expect(s[0].top10Share).toBeCloseTo(10 / 16, 14);
  });
  it("cut-point trade-off counts", () => {
    const v = [1, 5, 9, 12, 20],
      high = [false, false, true, false, true];
    const [a, b] = cutPointTradeoff(v, high, [4, 10]);
    // cut 4: flagged 5, 9, 12, 20 → TP 2, FP 2 (5, 12), TN 1, FN 0
    expect([a.truePositives, a.falsePositives, a.trueNegatives, a.falseNegatives]).toEqual([2, 2, 1, 0]);
    expect(a.falseDiscoveryRate).toBe(0.5);
    expect(a.falsePositiveRate).toBeCloseTo(2 / 3, 14);
    // cut 10: flagged 12, 20 → TP 1, FP 1, FN 1 (9)
    expect([b.truePositives, b.falsePositives, b.falseNegatives]).toEqual([1, 1, 1]);
    expect(chooseCutPoint([a, b], 0.5)?.cut).toBe(4);
    expect(chooseCutPoint([a, b], 0.4)).toBeUndefined();
  });
  it("fleet emissions: mean EF × fuel / 1000, seeded bootstrap interval around it", () => {
    const f = fleetEmissions(
      [10, 20, 30, 100, 100],
      ["car", "car", "car", "bus", "bus"],
      { car: 1000, bus: 500 },
      { seed: 7, resamples: 400 },
    );
    expect(f.rows[0].emission).toBeCloseTo(20, 12); // 20 g/kg · 1000 kg/day / 1000
    expect(f.rows[1].emission).toBeCloseTo(50, 12);
    expect(f.total.emission).toBeCloseTo(70, 12);
    expect(f.rows[0].efLow).toBeLessThanOrEqual(20);
    expect(f.rows[0].efHigh).toBeGreaterThanOrEqual(20);
    expect(f.rows[1].efLow).toBe(100); // constant category: no spread
    const again = fleetEmissions(
      [10, 20, 30, 100, 100],
      ["car", "car", "car", "bus", "bus"],
      { car: 1000, bus: 500 },
      { seed: 7, resamples: 400 },
    );
    expect(again).toEqual(f);
  });
});
