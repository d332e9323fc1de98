import { describe, expect, it } from "vitest";
import { byType } from "../../src/directional/bytype";
import { windRose, pollutionRose, percentileRose } from "../../src/directional/roses";
import { cpf, cbpf } from "../../src/directional/cpf";
import { polarAnnulus } from "../../src/directional/annulus";
import { timeVariation } from "../../src/directional/timevariation";
import { theilSenTrend } from "../../src/directional/trend";
import { readFixtureCsv } from "./openair-fixtures";

const input = readFixtureCsv("cutdata-input.csv");
const { times } = input;
const { ws, wd, pm25 } = input.columns;
const off = 480;
const months = times.map((t) => new Date(t + off * 60000).getUTCMonth() + 1);
const rowsWhere = (f: (i: number) => boolean) => times.map((_, i) => i).filter(f);
const take = (a: number[], rows: number[]) => rows.map((r) => a[r]);

describe("byType", () => {
  it("splits rows by cutData and runs the analysis on each level's rows (season, worked from the months)", () => {
    const r = byType({ times, utcOffsetMinutes: off, columns: { ws, wd } }, "season", (sub) => sub.rows.length);
    expect(r.panels.map((p) => p.level)).toEqual(["spring (MAM)", "summer (JJA)", "autumn (SON)", "winter (DJF)"]);
    const expected = [
      [3, 4, 5],
      [6, 7, 8],
      [9, 10, 11],
      [12, 1, 2],
    ].map((ms) => months.filter((m) => ms.includes(m)).length);
    expect(r.panels.map((p) => p.result)).toEqual(expected);
    expect(r.panels.reduce((s, p) => s + p.n, 0)).toBe(times.length);
  });
  it('"default" is one panel with every row', () => {
    const r = byType({ times, utcOffsetMinutes: off }, "default", (sub) => sub.rows.length);
    expect(r.panels).toHaveLength(1);
    expect(r.panels[0].result).toBe(times.length);
    expect(r.panels[0].level).toBe("25 November 2024 to 10 January 2026");
  });
  it("two types: one panel per pair with rows, first type fastest; empty pairs listed", () => {
    const r = byType({ times, utcOffsetMinutes: off }, ["weekend", "year"], (sub) => sub.rows.length);
    expect(r.panels.slice(0, 2).map((p) => p.levels)).toEqual([
      ["weekday", "2024"],
      ["weekend", "2024"],
    ]);
    const wk2025 = rowsWhere((i) => {
      const d = new Date(times[i] + off * 60000);
      return d.getUTCFullYear() === 2025 && d.getUTCDay() !== 0 && d.getUTCDay() !== 6;
    }).length;
    expect(r.panels.find((p) => p.level === "weekday, 2025")!.result).toBe(wk2025);
    expect(r.empty).toEqual([]);
  });
  it("rows without a level are listed, not silently lost", () => {
    const r = byType({ columns: { pm25 } }, "pm25", (sub) => sub.rows.length);
    expect(r.excluded[0].rows.length).toBe(pm25.filter((v) => Number.isNaN(v)).length);
    expect(r.panels.reduce((s, p) => s + p.n, 0)).toBe(pm25.filter((v) => !Number.isNaN(v)).length);
    expect(() => byType({ times }, ["year", "month", "hour"], () => 0)).toThrow(RangeError);
  });
});

describe("type option of the directional analyses = the analysis on the level's rows", () => {
  const summer = rowsWhere((i) => [6, 7, 8].includes(months[i]));
  const typeData = { times, utcOffsetMinutes: off };
  it("windRose type season: the summer panel is windRose of the summer rows; counts add up to the whole", () => {
    const r = windRose(ws, wd, { type: "season", typeData });
    const p = r.byType!.panels.find((q) => q.level === "summer (JJA)")!;
    expect(p.result).toEqual(windRose(take(ws, summer), take(wd, summer)));
    const total = r.rows.map((_, k) => r.byType!.panels.reduce((s, q) => s + q.result.rows[k].count, 0));
    expect(total).toEqual(r.rows.map((x) => x.count));
  });
  it("windRose type wd needs no typeData (its own wd)", () => {
    const r = windRose(ws, wd, { type: "wd" });
    expect(r.byType!.panels.map((p) => p.level)).toEqual(["N", "NE", "E", "SE", "S", "SW", "W", "NW"]);
  });
  it("pollutionRose: every panel uses the whole series' breaks (one legend)", () => {
    const r = pollutionRose(pm25, wd, ws, { type: "season", typeData });
    for (const p of r.byType!.panels) expect(p.result.breaks).toEqual(r.breaks);
  });
  it("percentileRose, cpf, cbpf: per-level percentiles, as openair computes them per panel", () => {
    const pr = percentileRose(pm25, wd, ws, { type: "season", typeData });
    expect(pr.byType!.panels[1].result).toEqual(percentileRose(take(pm25, summer), take(wd, summer), take(ws, summer)));
    const c = cpf({ values: pm25, wd, ws }, { type: "season", typeData, percentile: 90 });
    const cs = cpf({ values: take(pm25, summer), wd: take(wd, summer), ws: take(ws, summer) }, { percentile: 90 });
    expect(c.byType!.panels[1].result.threshold).toBe(cs.threshold);
    expect(c.byType!.panels[1].result.rows).toEqual(cs.rows);
    const b = cbpf({ values: pm25, wd, ws }, { type: "weekend", typeData });
    for (const p of b.byType!.panels) expect(p.result.wsBreaks).toEqual(b.wsBreaks);
  });
  it("polarAnnulus, timeVariation, theilSenTrend take their own times for the time types", () => {
    const a = polarAnnulus({ values: pm25, wd, ws }, times, off, { type: "season" });
    expect(a.byType!.panels[1].result.cells).toEqual(
      polarAnnulus({ values: take(pm25, summer), wd: take(wd, summer), ws: take(ws, summer) }, take(times, summer), off)
        .cells,
    );
    const tv = timeVariation(times, pm25, off, { type: "season", nBoot: 20 });
    expect(tv.byType!.panels[1].result.hour).toEqual(
      timeVariation(take(times, summer), take(pm25, summer), off, { nBoot: 20 }).hour,
    );
    const tr = theilSenTrend(times, pm25, off, {
      type: "daylight",
      typeOptions: { latitude: 31.23, longitude: 121.47 },
      minCapture: 0,
      nBoot: 20,
    });
    expect(tr.byType!.panels.map((p) => p.level)).toEqual(["daylight", "nighttime"]);
  });
  it("a variable's quantiles through typeData; lengths are checked", () => {
    const r = windRose(ws, wd, { type: "pm25", typeData: { columns: { pm25 } } });
    expect(r.byType!.panels).toHaveLength(4);
    expect(() => windRose(ws, wd, { type: "x", typeData: { columns: { x: [1, 2] } } })).toThrow(/rows/);
  });
});
