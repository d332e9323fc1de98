import { describe, expect, it } from "vitest";
import { readMonitoringTable } from "../../src/io/monitoring";
import { AozoraInputError } from "../../src/io/errors";
import { obmObservationsFromTable } from "../../src/photochem";

const text = (rows: string[]) => new TextEncoder().encode(rows.join("\n") + "\n");
const tableOf = (rows: string[]) =>
  readMonitoringTable({ name: "obs.csv", bytes: text(rows) } as never, { utcOffset: "+08:00" });
const SPECIES = ["NO", "NO2", "O3", "CO", "ETH", "ISOP", "TOL", "OH", "HO2"];

describe("obmObservationsFromTable", () => {
  it("µg/m3 NO2 and mg/m3 CO → ppb at 298.15 K by hand (ppb = µg/m3 × 22.414·298.15/273.15 / MW); K and kPa as given", () => {
    const { table, account } = tableOf([
      "Time,NO2 (µg/m3),CO (mg/m3),T (K),RH (%),P (kPa),isoprene (ppb),toluene (ppb)",
      "2024-07-15 12:00,46.01,1.0,300,50,96.2,1.0,2.0",
      "2024-07-15 13:00,92.02,2.0,301,50,96.2,1.5,2.0",
    ]);
    const r = obmObservationsFromTable(table, { mechanism: "cb6r5", species: SPECIES, file: "obs.csv", account });
    const vm = 22.414 * (298.15 / 273.15); // L/mol at 298.15 K, 101.325 kPa (the project's convention, CONVENTIONS.md §4)
    expect(r.obs.ppb.NO2[0]).toBeCloseTo(vm, 2); // 46.01 µg/m3 of NO2 (46.01 g/mol) = 1 µmol/m3
    expect(r.obs.ppb.CO[1] / ((2000 * vm) / 28.01)).toBeCloseTo(1, 6);
    expect(Array.from(r.obs.temperatureK as Float64Array)).toEqual([300, 301]);
    expect((r.obs.pressurePa as Float64Array)[0]).toBeCloseTo(96200, 9);
    expect(Array.from(r.obs.ppb.ISOP)).toEqual([1, 1.5]);
    expect(r.rirGroups).toEqual({ AVOC: ["TOL"], BVOC: ["ISOP"], CO: ["CO"], NOx: ["NO2"] });
  });
  it("racm2: VOC columns are listed as not mapped; model species missing from a reduced mechanism are listed", () => {
    const rows = [
      "Time,ethylene (ppb),n-butane (ppb),T (°C),RH (%)",
      "2024-07-15 12:00,1,2,30,50",
      "2024-07-15 13:00,1,2,30,50",
    ];
    const { table } = tableOf(rows);
    const a = obmObservationsFromTable(table, { mechanism: "racm2", species: SPECIES, file: "obs.csv" });
    expect(a.vocNotMapped).toEqual(["ethylene (ppb)", "n-butane (ppb)"]);
    expect(a.vocMapping).toBeUndefined();
    const b = obmObservationsFromTable(table, { mechanism: "cb6r5", species: SPECIES, file: "obs.csv" });
    expect(b.notInMechanism).toEqual([{ species: "PAR", inputs: ["n-butane"] }]); // CB6r5: n-butane → 4 PAR
    expect(Array.from(b.obs.ppb.ETH)).toEqual([1, 1]);
  });
  it("refuses unequal time steps, RH above 100 %, a temperature in ppb and two columns of one species, naming row and column", () => {
    const bad = (rows: string[]) => {
      const { table } = tableOf(rows);
      try {
        obmObservationsFromTable(table, { mechanism: "cb6r5", species: SPECIES, file: "obs.csv" });
      } catch (e) {
        expect(e).toBeInstanceOf(AozoraInputError);
        return (e as Error).message;
      }
      throw new Error("no error");
    };
    expect(
      bad(["Time,T (°C),RH (%)", "2024-07-15 12:00,30,50", "2024-07-15 13:00,30,50", "2024-07-15 15:00,30,50"]),
    ).toMatch(/row 4, column "Time".*expected equally spaced/);
    expect(bad(["Time,T (°C),RH (%)", "2024-07-15 12:00,30,50", "2024-07-15 13:00,30,101"])).toMatch(
      /row 3, column "RH \(%\)" \(#3\): expected relative humidity in \[0, 100\] %/,
    );
    expect(bad(["Time,T (ppb),RH (%)", "2024-07-15 12:00,30,50", "2024-07-15 13:00,30,50"])).toMatch(
      /column "T \(ppb\)" \(#2\): expected a temperature in °C or K, found "ppb"/,
    );
    expect(
      bad(["Time,T (°C),temperature (K),RH (%)", "2024-07-15 12:00,30,303,50", "2024-07-15 13:00,30,303,50"]),
    ).toMatch(/column "temperature \(K\)" \(#3\): expected one column of temperature, found "also "T \(°C\)""/);
  });
});
