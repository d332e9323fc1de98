import { describe, it, expect } from "vitest";
import { openDuckDb } from "../../src/io/duckdb";

describe("openDuckDb", () => {
  it("returns numeric columns as Float64Array with NaN for NULL and text as strings", async () => {
    const db = await openDuckDb();
    try {
      const r = await db.query(
        "SELECT * FROM (VALUES (1, 2.5, 'a'), (2, NULL, NULL), (3, -1.25, 'c')) t(i, x, s) ORDER BY i",
      );
      expect(r.names).toEqual(["i", "x", "s"]);
      expect(r.numRows).toBe(3);
      expect(Array.from(r.columns.i as Float64Array)).toEqual([1, 2, 3]);
      const x = r.columns.x as Float64Array;
      expect(x[0]).toBe(2.5);
      expect(Number.isNaN(x[1])).toBe(true);
      expect(r.columns.s).toEqual(["a", null, "c"]);
    } finally {
      db.close();
    }
  });

  it("aggregates like a hand calculation and binds parameters", async () => {
    const db = await openDuckDb();
    try {
      // mean of 1, 2, 3, 4 with x > 1: (2 + 3 + 4) / 3 = 3, count 3
      const r = await db.query("SELECT avg(v) AS m, count(*) AS n FROM range(1, 5) t(v) WHERE v > $1", [1]);
      expect((r.columns.m as Float64Array)[0]).toBe(3);
      expect((r.columns.n as Float64Array)[0]).toBe(3);
    } finally {
      db.close();
    }
  });

  it("returns TIMESTAMPTZ as UTC milliseconds: 2025-01-01 09:00 +09:00 = 2025-01-01T00:00Z", async () => {
    const db = await openDuckDb();
    try {
      await db.query("SET TimeZone = 'UTC'");
      const r = await db.query("SELECT TIMESTAMPTZ '2025-01-01 09:00:00+09:00' AS t");
      expect((r.columns.t as Float64Array)[0]).toBe(Date.UTC(2025, 0, 1, 0, 0, 0));
    } finally {
      db.close();
    }
  });
});
