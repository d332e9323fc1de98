import { describe, expect, it } from "vitest";
import { AqTable } from "../../src/table/table";

// three hourly samples: 2025-01-01 00:00, 01:00, 02:00 UTC
const T0 = Date.UTC(2025, 0, 1, 0, 0);
const T1 = Date.UTC(2025, 0, 1, 1, 0);
const T2 = Date.UTC(2025, 0, 1, 2, 0);

const SAMPLE_COLUMNS = [
  { name: "time", original: "time", unit: "", kind: "time" },
  { name: "PM2.5", original: "微小粒子状物質(µg/m3)", unit: "µg/m3", kind: "number" },
  { name: "site", original: "site", unit: "", kind: "string" },
];

function sample(): AqTable {
  return AqTable.create(
    { time: [T0, T1, T2], "PM2.5": [12.5, NaN, 30], site: ["Kitakyushu", "Dalian", "Shanghai"] },
    { "PM2.5": { unit: "µg/m3", original: "微小粒子状物質(µg/m3)" } },
    { column: "time", utcOffsetMinutes: 540 },
  );
}

describe("AqTable.create", () => {
  it("infers kinds and keeps metadata", () => {
    const t = sample();
    expect(t.numRows).toBe(3);
    expect(t.names).toEqual(["time", "PM2.5", "site"]);
    expect(t.columns).toEqual(SAMPLE_COLUMNS);
    expect(t.timeColumn).toBe("time");
    expect(t.utcOffsetMinutes).toBe(540);
    expect(t.numbers("PM2.5")).toBeInstanceOf(Float64Array);
    expect(Array.from(t.numbers("PM2.5"))).toEqual([12.5, NaN, 30]);
    expect(Array.from(t.times())).toEqual([T0, T1, T2]);
    expect(t.strings("site")).toEqual(["Kitakyushu", "Dalian", "Shanghai"]);
    expect(t.unit("PM2.5")).toBe("µg/m3");
  });

  it("requires a unit on every numeric column", () => {
    expect(() => AqTable.create({ x: [1, 2] }, {})).toThrow(/numeric column "x" has no unit/);
    expect(() => AqTable.create({ x: [1, 2] }, { x: { unit: "" } })).toThrow(/no unit/);
    expect(() => AqTable.create({ x: new Float64Array([1]) }, { x: { original: "x" } })).toThrow(/no unit/);
    // dimensionless is "1"; text columns need none
    expect(AqTable.create({ x: [1, 2] }, { x: { unit: "1" } }).unit("x")).toBe("1");
    expect(AqTable.create({ s: ["a", "b"] }, {}).unit("s")).toBe("");
  });

  it("rejects columns of different lengths", () => {
    expect(() => AqTable.create({ a: [1, 2, 3], b: [1, 2] }, { a: { unit: "1" }, b: { unit: "1" } })).toThrow(
      /column "b" has 2 values, expected 3/,
    );
    expect(() => AqTable.create({ a: ["x"], b: ["y", "z"] }, {})).toThrow(/has 2 values, expected 1/);
  });

  it("rejects names that are JavaScript object internals", () => {
    for (const name of ["__proto__", "constructor", "prototype"]) {
      // Object.fromEntries makes an own property even for "__proto__"
      const cols = Object.fromEntries([[name, [1, 2]]]) as Record<string, number[]>;
      const info = Object.fromEntries([[name, { unit: "1" }]]) as Record<string, { unit: string }>;
      expect(() => AqTable.create(cols, info), name).toThrow(`column name "${name}" is not allowed`);
    }
  });

  it("the time column must exist and be of kind time", () => {
    expect(() => AqTable.create({ x: [1] }, { x: { unit: "1" } }, { column: "time", utcOffsetMinutes: 480 })).toThrow(
      /time column "time" is missing/,
    );
    expect(() =>
      AqTable.create({ t: [1] }, { t: { unit: "1", kind: "number" } }, { column: "t", utcOffsetMinutes: 480 }),
    ).toThrow(/not of kind time/);
  });
});

describe("AqTable accessors", () => {
  it("throw on the wrong kind or an unknown column", () => {
    const t = sample();
    expect(() => t.numbers("site")).toThrow(/holds text/);
    expect(() => t.strings("PM2.5")).toThrow(/holds numbers/);
    expect(() => t.info("NO2")).toThrow(/no column "NO2" \(have: time, PM2.5, site\)/);
    expect(() => AqTable.create({ x: [1] }, { x: { unit: "1" } }).times()).toThrow(/no time column/);
  });

  it("localTimes writes the site's wall clock with its offset", () => {
    // 00:00, 01:00, 02:00 UTC at +09:00 = 09:00, 10:00, 11:00
    expect(sample().localTimes()).toEqual([
      "2025-01-01T09:00:00+09:00",
      "2025-01-01T10:00:00+09:00",
      "2025-01-01T11:00:00+09:00",
    ]);
    // the same instants in China (+08:00): 08:00, 09:00, 10:00
    const cn = AqTable.create({ time: [T0, T1, T2] }, {}, { column: "time", utcOffsetMinutes: 480 });
    expect(cn.localTimes()).toEqual([
      "2025-01-01T08:00:00+08:00",
      "2025-01-01T09:00:00+08:00",
      "2025-01-01T10:00:00+08:00",
    ]);
    // US Central standard time (-06:00): 2024-12-31 18:00
    const us = AqTable.create({ time: [T0] }, {}, { column: "time", utcOffsetMinutes: -360 });
    expect(us.localTimes()).toEqual(["2024-12-31T18:00:00-06:00"]);
  });

  it("toObjects gives local time text and values", () => {
    const o = sample().toObjects(2);
    expect(o).toHaveLength(2);
    expect(o[0]).toEqual({ time: "2025-01-01T09:00:00+09:00", "PM2.5": 12.5, site: "Kitakyushu" });
    expect(Number.isNaN(o[1]["PM2.5"])).toBe(true);
  });
});

describe("AqTable transformations keep metadata", () => {
  it("select", () => {
    const t = sample();
    const s = t.select(["site", "PM2.5"]);
    expect(s.names).toEqual(["site", "PM2.5"]);
    expect(s.info("PM2.5")).toEqual({
      name: "PM2.5",
      original: "微小粒子状物質(µg/m3)",
      unit: "µg/m3",
      kind: "number",
    });
    expect(s.timeColumn).toBeUndefined();
    expect(s.strings("site")).toEqual(["Kitakyushu", "Dalian", "Shanghai"]);
    const withTime = t.select(["time", "PM2.5"]);
    expect(withTime.timeColumn).toBe("time");
    expect(withTime.utcOffsetMinutes).toBe(540);
    expect(Array.from(withTime.times())).toEqual([T0, T1, T2]);
    expect(() => t.select(["NO2"])).toThrow(/no column "NO2"/);
  });

  it("take reorders rows and keeps units, originals, kinds and the offset", () => {
    const t = sample();
    const k = t.take([2, 0]);
    expect(k.numRows).toBe(2);
    expect(Array.from(k.times())).toEqual([T2, T0]);
    expect(Array.from(k.numbers("PM2.5"))).toEqual([30, 12.5]);
    expect(k.strings("site")).toEqual(["Shanghai", "Kitakyushu"]);
    expect(k.columns).toEqual(SAMPLE_COLUMNS);
    expect(k.utcOffsetMinutes).toBe(540);
    const none = t.take([]);
    expect(none.numRows).toBe(0);
    expect(none.columns).toEqual(SAMPLE_COLUMNS);
  });

  it("withColumn adds or replaces a column and leaves the original table alone", () => {
    const t = sample();
    const w = t.withColumn("O3", [40, 41, 42], { unit: "ppb", original: "オゾン(ppb)" });
    expect(w.names).toEqual(["time", "PM2.5", "site", "O3"]);
    expect(w.info("O3")).toEqual({ name: "O3", original: "オゾン(ppb)", unit: "ppb", kind: "number" });
    expect(w.info("PM2.5").unit).toBe("µg/m3");
    expect(w.utcOffsetMinutes).toBe(540);
    expect(t.names).toEqual(["time", "PM2.5", "site"]);

    const r = t.withColumn("PM2.5", new Float64Array([1, 2, 3]), { unit: "mg/m3" });
    expect(r.names).toEqual(["time", "PM2.5", "site"]);
    expect(r.unit("PM2.5")).toBe("mg/m3");
    expect(r.info("PM2.5").original).toBe("PM2.5");
    expect(Array.from(r.numbers("PM2.5"))).toEqual([1, 2, 3]);
    expect(Array.from(t.numbers("PM2.5"))).toEqual([12.5, NaN, 30]);

    expect(() => t.withColumn("NO2", [1, 2, 3], {})).toThrow(/no unit/);
    expect(() => t.withColumn("NO2", [1, 2], { unit: "ppb" })).toThrow(/has 2 values, expected 3/);
  });

  it("column metadata is frozen", () => {
    const t = sample();
    expect(Object.isFrozen(t.columns)).toBe(true);
    expect(Object.isFrozen(t.columns[1])).toBe(true);
  });
});
