import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { AozoraInputError } from "../../../src/io/errors";
import {
  aggregateUnits,
  defaultEnergyParameters,
  readMachineLog,
  readMachineLogs,
  readStackMeasurements,
  secTable,
} from "../../../src/models/energy";

const H =
  "start,end,machine,group,period,lot,article,class,state,speed (m/min),width (m),gsm (g/m2),electricity (kWh),gas (Nm3),production (m),production (kg)";
// Lot A1 on OLD-1: two run hours (50 + 50 kWh, 40 + 40 Nm3, 3000 + 3000 m, 900 + 900 kg) and one idle hour
// without lot (10 kWh, 5 Nm3) charged to A1. Lot B1 on NEW-1: 30 + 30 kWh, 25 + 25 Nm3, 1800 kg.
const GOOD = [
  H,
  "2025-05-01 08:00,2025-05-01 09:00,OLD-1,old,after,A1,ART-1,cotton,run,50,1.5,200,50,40,3000,900",
  "2025-05-01 09:00,2025-05-01 10:00,OLD-1,old,after,A1,ART-1,cotton,run,50,1.5,200,50,40,3000,900",
  "2025-05-01 10:00,2025-05-01 11:00,OLD-1,old,after,,,,idle,0,,,10,5,0,0",
  "2025-05-01 08:00,2025-05-01 09:00,NEW-1,new,after,B1,ART-1,cotton,run,50,1.5,200,30,25,3000,900",
  "2025-05-01 09:00,2025-05-01 10:00,NEW-1,new,after,B1,ART-1,cotton,run,50,1.5,200,30,25,3000,900",
].join("\n");
const src = (text: string, name = "log.csv") => ({ name, text });
const opts = { utcOffset: "+08:00" };

function expectInputError(f: () => unknown, re: RegExp): AozoraInputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(AozoraInputError);
    expect((e as Error).message).toMatch(re);
    return e as AozoraInputError;
  }
  throw new Error("expected an AozoraInputError");
}

describe("machine log reader", () => {
  it("reads intervals with units, local time → UTC", () => {
    const r = readMachineLog(src(GOOD), opts);
    expect(r.intervals).toHaveLength(5);
    expect(r.intervals[0].start).toBe(Date.UTC(2025, 4, 1, 0, 0)); // 08:00 +08:00
    expect(r.intervals[0].values.electricity).toBe(50);
    expect(r.thermalMeter).toEqual({ "OLD-1": "gas", "NEW-1": "gas" });
    expect(r.account.inputRows).toBe(5);
    // the idle row's empty width and GSM are accounted for (not meter readings: no flag)
    expect(
      r.account.cellChanges
        .filter((c) => c.row === 4)
        .map((c) => c.column)
        .sort(),
    ).toEqual(["gsm", "width"]);
    expect(r.account.flagged).toEqual([]);
  });

  it("SEC by hand: ratio of totals with idle energy charged to the lot", () => {
    const p = defaultEnergyParameters({ gasNcv: 40 });
    const r = readMachineLog(src(GOOD), opts);
    const { units, account } = aggregateUnits(r.intervals, [], { thermalMeter: r.thermalMeter, params: p });
    expect(units.map((u) => u.id).sort()).toEqual(["A1", "B1"]);
    expect(account.notes.some((n) => n.reason === "idle-charged-to-lot" && n.unit === "A1")).toBe(true);
    const t = secTable(units, ["machine"], "kg", p);
    const old = t.find((x) => x.keys.machine === "OLD-1")!,
      nw = t.find((x) => x.keys.machine === "NEW-1")!;
    // OLD-1: 110 kWh · 3.6 = 396 MJ; 85 Nm3 · 40 = 3400 MJ; 3796 MJ / 1800 kg = 2.108889 MJ/kg
    expect(old.secTotalMJ).toBeCloseTo(3796 / 1800, 12);
    expect(old.secThermalMJ).toBeCloseTo(3400 / 1800, 12);
    expect(old.secElectricKwh).toBeCloseTo(110 / 1800, 12);
    expect(old.idleShare).toBeCloseTo((36 + 200) / 3796, 12);
    // NEW-1: 60 kWh → 216 MJ; 50 Nm3 → 2000 MJ; 2216/1800
    expect(nw.secTotalMJ).toBeCloseTo(2216 / 1800, 12);
    // per 1000 m: 3796 MJ / 6 (thousand m)
    expect(secTable(units, ["machine"], "1000m", p).find((x) => x.keys.machine === "OLD-1")!.secTotalMJ).toBeCloseTo(
      3796 / 6,
      10,
    );
    // primary: fuel 3400 · 1.0 + 396 · 2.5 = 4390 MJ
    expect(old.secPrimaryMJ).toBeCloseTo(4390 / 1800, 12);
  });

  it("shift units from the local clock (8-h blocks from midnight) when the log has no shift column", () => {
    const r = readMachineLog(src(GOOD), opts);
    const { units } = aggregateUnits(r.intervals, [], {
      unit: "shift",
      thermalMeter: r.thermalMeter,
      params: defaultEnergyParameters({ gasNcv: 40 }),
    });
    // 08:00–11:00 local (+08:00) is in block 08:00–16:00, the day's second shift
    expect(units.map((u) => u.id).sort()).toEqual(["NEW-1|2025-05-01#2", "OLD-1|2025-05-01#2"]);
    const old = units.find((u) => u.machine === "OLD-1")!;
    expect(old.electricityRunKwh).toBe(100);
    expect(old.electricityIdleKwh).toBe(10);
    expect(old.thermalIdleMJ).toBeCloseTo(200, 12); // 5 Nm3 · 40 MJ/Nm3
    expect(old.runHours).toBe(2);
    expect(old.idleHours).toBe(1);
  });

  it("kg derived from m·width·GSM when the log has only metres (noted)", () => {
    const text = GOOD.split("\n")
      .map((l) => l.split(",").slice(0, 15).join(","))
      .join("\n");
    const r = readMachineLog(src(text), opts);
    const { units, account } = aggregateUnits(r.intervals, [], {
      thermalMeter: r.thermalMeter,
      params: defaultEnergyParameters(),
    });
    // 6000 m · 1.5 m · 200 g/m2 / 1000 = 1800 kg
    expect(units.find((u) => u.id === "A1")!.productionKg).toBeCloseTo(1800, 10);
    expect(account.notes.some((n) => n.reason === "production-kg-derived")).toBe(true);
  });

  it("overlapping periods of one machine are an error naming both rows", () => {
    const bad =
      GOOD + "\n2025-05-01 09:30,2025-05-01 10:30,NEW-1,new,after,B2,ART-1,cotton,run,50,1.5,200,30,25,3000,900";
    const e = expectInputError(() => readMachineLog(src(bad), opts), /overlap/);
    expect(e.row).toBe(7);
    expect(e.message).toMatch(/row 6/);
  });

  it("a duplicated lot (on two machines, or again after another lot) is an error", () => {
    const two =
      GOOD + "\n2025-05-01 10:00,2025-05-01 11:00,NEW-1,new,after,A1,ART-1,cotton,run,50,1.5,200,30,25,3000,900";
    expectInputError(() => readMachineLog(src(two), opts), /duplicated lot: also on "OLD-1"/);
    const again =
      GOOD +
      "\n2025-05-01 10:00,2025-05-01 11:00,NEW-1,new,after,B2,ART-1,cotton,run,50,1.5,200,30,25,3000,900\n2025-05-01 11:00,2025-05-01 12:00,NEW-1,new,after,B1,ART-1,cotton,run,50,1.5,200,30,25,3000,900";
    expectInputError(() => readMachineLog(src(again), opts), /duplicated lot "B1"/);
    expect(readMachineLog(src(again), { ...opts, allowRepeatedLots: true }).intervals).toHaveLength(7);
  });

  it("unit mismatch between machines (two files) is an error", () => {
    const newFile = [
      H.replace("gas (Nm3)", "steam (kg)"),
      "2025-05-01 08:00,2025-05-01 09:00,OLD-1,old,after,C1,ART-1,cotton,run,50,1.5,200,50,400,3000,900",
    ].join("\n");
    const oldFile = GOOD.split("\n").slice(0, 4).join("\n");
    expectInputError(
      () => readMachineLogs([src(oldFile, "old.csv"), src(newFile, "old2.csv")], opts),
      /same machine must keep one thermal meter/,
    );
    // electricity in a volume unit cannot be converted
    expectInputError(
      () => readMachineLog(src(GOOD.replace("electricity (kWh)", "electricity (Nm3)")), opts),
      /electricity in a unit convertible to kWh/,
    );
    // convertible units across files are converted (MWh → kWh)
    const mwh = [
      H.replace("electricity (kWh)", "electricity (MWh)"),
      "2025-05-01 08:00,2025-05-01 09:00,NEW-2,new,after,D1,ART-1,cotton,run,50,1.5,200,0.03,25,3000,900",
    ].join("\n");
    const r = readMachineLogs([src(GOOD), src(mwh, "b.csv")], opts);
    expect(r.intervals.find((i) => i.machine === "NEW-2")!.values.electricity).toBeCloseTo(30, 12);
  });

  it("production zero during energy use is flagged, and the unit is set aside", () => {
    const bad = [H, "2025-05-01 08:00,2025-05-01 09:00,NEW-1,new,after,Z1,ART-1,cotton,run,50,1.5,200,30,25,0,0"].join(
      "\n",
    );
    const r = readMachineLog(src(bad), opts);
    expect(r.account.flagged).toEqual([expect.objectContaining({ row: 2, reason: "zero-production-with-energy" })]);
    const a = aggregateUnits(
      r.intervals,
      r.account.flagged.map((f) => ({ ...f, file: "log.csv" })),
      { thermalMeter: r.thermalMeter, params: defaultEnergyParameters() },
    );
    expect(a.units).toHaveLength(0);
    expect(a.account.setAside).toEqual([expect.objectContaining({ unit: "Z1", reason: "zero-production" })]);
  });

  it("a missing meter or a negative reading is flagged, never a zero", () => {
    const bad = GOOD.replace("50,40,3000,900\n2025-05-01 09:00", ",40,3000,900\n2025-05-01 09:00").replace(
      "30,25,3000,900\n2025-05-01 09:00",
      "-30,25,3000,900\n2025-05-01 09:00",
    );
    const r = readMachineLog(src(bad), opts);
    expect(r.intervals[0].values.electricity).toBeNaN();
    expect(r.account.cellChanges).toContainEqual(
      expect.objectContaining({ row: 2, column: "electricity", reason: "missing-code" }),
    );
    expect(r.account.flagged.map((f) => `${f.row}:${f.reason}`).sort()).toEqual([
      "2:missing-meter",
      "5:negative-reading",
    ]);
    const a = aggregateUnits(
      r.intervals,
      r.account.flagged.map((f) => ({ ...f, file: "log.csv" })),
      { thermalMeter: r.thermalMeter, params: defaultEnergyParameters() },
    );
    expect(a.units).toHaveLength(0);
    expect(a.account.setAside.map((s) => `${s.unit}:${s.reason}`).sort()).toEqual([
      "A1:missing-meter",
      "B1:negative-reading",
    ]);
  });

  it("header problems name the column", () => {
    expectInputError(
      () => readMachineLog(src(GOOD.replace("electricity (kWh)", "electricity")), opts),
      /a unit in the header/,
    );
    expectInputError(() => readMachineLog(src(GOOD.replace("gas (Nm3)", "colour")), opts), /known machine-log column/);
    expectInputError(
      () => readMachineLog(src(GOOD.replace(",gas (Nm3)", ",heat (MJ)").replace(/,(40|25|5),/g, ",,")), opts),
      /thermal meter readings/,
    );
    expectInputError(() => readMachineLog(src(GOOD.replace("run,50", "running fast,50")), opts), /run or idle/);
    expectInputError(
      () => readMachineLog(src(GOOD.replace("OLD-1,old,after,A1", "OLD-1,new,after,A1")), opts),
      /group "new"|in group "old"|in group "new"/,
    );
    // units may come from options instead of the header
    const r = readMachineLog(src(GOOD.replace("electricity (kWh)", "electricity")), {
      ...opts,
      units: { electricity: "kWh" },
    });
    expect(r.intervals[0].values.electricity).toBe(50);
  });

  it("reads an xlsx workbook with Excel date cells", () => {
    const rows = GOOD.split("\n").map((l) => l.split(","));
    const serial = (t: string) => Date.parse(t.replace(" ", "T") + "Z") / 86400000 + 25569;
    const aoa = [
      rows[0],
      ...rows
        .slice(1)
        .map((r) => [
          serial(r[0]),
          serial(r[1]),
          ...r.slice(2).map((c) => (c === "" ? null : /^-?\d/.test(c) ? Number(c) : c)),
        ]),
    ];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), "log");
    const bytes = XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Uint8Array;
    const r = readMachineLog({ name: "log.xlsx", bytes }, opts);
    expect(r.intervals).toHaveLength(5);
    expect(r.intervals[0].start).toBe(Date.UTC(2025, 4, 1, 0, 0));
    expect(r.intervals[3].values.gas).toBe(25);
  });
});

describe("stack measurement reader", () => {
  it("reads mg/Nm3 and converts ppm with the molar mass", () => {
    const text =
      "time,unit,pollutant,inlet (ppm),outlet (ppm),flow (Nm3/h)\n2025-05-02 10:00,ETU,toluene,100,10,18000\n";
    const r = readStackMeasurements(src(text, "stack.csv"), { utcOffset: "+08:00", molarMass: { toluene: 92.14 } });
    expect(r.measurements[0].inletConc).toBeCloseTo((100 * 92.14) / 22.414, 10);
    expect(r.measurements[0].outletFlow).toBe(18000);
    expectInputError(() => readStackMeasurements(src(text, "stack.csv"), { utcOffset: "+08:00" }), /molarMass/);
    expectInputError(
      () =>
        readStackMeasurements(src(text.replace(",10,", ",,"), "stack.csv"), {
          utcOffset: "+08:00",
          molarMass: { toluene: 92.14 },
        }),
      /needs inlet and outlet/,
    );
    expectInputError(
      () =>
        readStackMeasurements(src(text.replace("(ppm),outlet", "(mg/m3),outlet"), "stack.csv"), {
          utcOffset: "+08:00",
        }),
      /mg\/Nm3/,
    );
  });
});

describe("thermal-oil meters", () => {
  it("heat = flow·h·cp·ΔT, and a missing oil temperature flags the interval (lot set aside)", () => {
    const h =
      "start,end,machine,group,lot,state,electricity (kWh),oil flow (t/h),oil supply temp (°C),oil return temp (°C),production (kg)";
    const text = [
      h,
      "2025-05-01 08:00,2025-05-01 08:30,T1,new,L1,run,20,10,280,260,500",
      "2025-05-01 08:30,2025-05-01 09:00,T1,new,L2,run,20,10,,260,500",
    ].join("\n");
    const r = readMachineLog({ name: "oil.csv", text }, { utcOffset: "+08:00" });
    expect(r.thermalMeter).toEqual({ T1: "oilFlow" });
    expect(r.account.flagged).toEqual([expect.objectContaining({ row: 3, reason: "missing-meter" })]);
    const a = aggregateUnits(
      r.intervals,
      r.account.flagged.map((f) => ({ ...f, file: "oil.csv" })),
      { thermalMeter: r.thermalMeter, params: defaultEnergyParameters() },
    );
    // 10 t/h = 10000 kg/h · 0.5 h · 2.3 kJ/(kg·K) · 20 K / 1000 = 230 MJ
    expect(a.units.map((u) => u.id)).toEqual(["L1"]);
    expect(a.units[0].thermalRunMJ).toBeCloseTo(230, 10);
    expect(a.account.setAside.map((s) => s.unit)).toEqual(["L2"]);
  });
});
