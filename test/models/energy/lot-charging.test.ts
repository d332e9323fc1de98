import { describe, expect, it } from "vitest";
import { aggregateUnits, defaultEnergyParameters, readMachineLog } from "../../../src/models/energy";

// Issue #15 item 4: the idle and the run branch of "interval without lot after a lot" are one
// rule (aggregateUnits TSDoc: charged to the lot before them on the same machine). Hand account:
// file row 4 (idle, 10 kWh) and row 5 (run, 20 kWh) have no lot and follow lot A1's rows 2–3
// (50 + 50 kWh), so A1 holds 50 + 50 + 10 + 20 = 130 kWh with one note per row.
const H =
  "start,end,machine,group,period,lot,article,class,state,speed (m/min),electricity (kWh),gas (Nm3),production (kg)";
const LOG = [
  H,
  "2025-05-01 08:00,2025-05-01 09:00,OLD-1,old,after,A1,ART-1,cotton,run,50,50,40,900",
  "2025-05-01 09:00,2025-05-01 10:00,OLD-1,old,after,A1,ART-1,cotton,run,50,50,40,900",
  "2025-05-01 10:00,2025-05-01 11:00,OLD-1,old,after,,,,idle,0,10,5,0",
  "2025-05-01 11:00,2025-05-01 12:00,OLD-1,old,after,,,,run,50,20,10,300",
].join("\n");

describe("intervals without lot after a lot are charged to it, one note per row", () => {
  it("idle row 4 and run row 5 go to A1 (130 kWh), notes name idle and run", () => {
    const r = readMachineLog({ name: "log.csv", text: LOG }, { utcOffset: "+08:00" });
    const { units, account } = aggregateUnits(r.intervals, [], {
      thermalMeter: r.thermalMeter,
      params: defaultEnergyParameters({ gasNcv: 40 }),
    });
    expect(units.map((u) => u.id)).toEqual(["A1"]);
    expect(units[0].electricityRunKwh + units[0].electricityIdleKwh).toBe(130);
    const notes = account.notes.filter((n) => n.reason === "idle-charged-to-lot");
    expect(notes.map((n) => [n.unit, n.rows, n.detail])).toEqual([
      ["A1", [4], "idle interval without lot on OLD-1 charged to the lot before it"],
      ["A1", [5], "run interval without lot on OLD-1 charged to the lot before it"],
    ]);
  });
});
