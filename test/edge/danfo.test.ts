import { describe, expect, it } from "vitest";
import { AqTable } from "../../src/table/table";
import { fromDanfo, toDanfo } from "../../src/edge/danfo";

describe("danfojs conversion helpers", () => {
  it("round-trips values, NaN, units, instants and offset", () => {
    const t0 = Date.UTC(2025, 0, 1, 0); // 09:00 at +09:00
    const t = AqTable.create(
      { time: [t0, t0 + 3600000], "PM2.5": [12.5, NaN], site: ["Kawasaki", "Kawasaki"] },
      { "PM2.5": { unit: "µg/m3" } },
      { column: "time", utcOffsetMinutes: 540 },
    );
    const d = toDanfo(t);
    expect(d.units["PM2.5"]).toBe("µg/m3");
    expect(d.frame.columns).toEqual(["time", "PM2.5", "site"]);
    const back = fromDanfo(d.frame, { units: d.units, time: { column: "time", utcOffset: "+09:00" } });
    expect(Array.from(back.times())).toEqual([t0, t0 + 3600000]);
    expect(back.localTimes()[0]).toBe("2025-01-01T09:00:00+09:00");
    const v = back.numbers("PM2.5");
    expect(v[0]).toBe(12.5);
    expect(Number.isNaN(v[1])).toBe(true);
    expect(back.strings("site")).toEqual(["Kawasaki", "Kawasaki"]);
  }, 60000);
  it("refuses a numeric column without a unit", () => {
    const frame = { columns: ["x"], column: () => ({ values: [1, 2] }) };
    expect(() => fromDanfo(frame, { units: {} })).toThrow(/column "x": expected a unit/);
  });
});
