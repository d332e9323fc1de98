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

describe("openDuckDb: chunked typed-array results", () => {
  it("reads a result of several 2,048-row chunks: values, NULLs and row count as computed by hand", async () => {
    const db = await openDuckDb();
    try {
      // 5,000 rows (3 chunks): x = i / 4 except NULL when i % 7 = 0; b = i even; s repeats a short
      // text per block of 1,000 rows and a long (> 12 bytes, not inlined) text on every 3rd row
      const r = await db.query(
        `SELECT i, CASE WHEN i % 7 = 0 THEN NULL ELSE i / 4 END AS x, (i % 2 = 0) AS b,
                CASE WHEN i % 3 = 0 THEN 'a-long-station-name-' || (i // 1000) ELSE 'st' || (i // 1000) END AS s,
                CAST(i AS INTEGER) AS i32, CAST(i % 100 AS TINYINT) AS i8, CAST(i AS FLOAT) / 2 AS f32
         FROM range(0, 5000) t(i) ORDER BY i`,
      );
      expect(r.numRows).toBe(5000);
      expect(r.types).toEqual(["BIGINT", "DOUBLE", "BOOLEAN", "VARCHAR", "INTEGER", "TINYINT", "FLOAT"]);
      const i = r.columns.i as Float64Array,
        x = r.columns.x as Float64Array,
        b = r.columns.b as Uint8Array,
        s = r.columns.s as (string | null)[];
      expect(i).toBeInstanceOf(Float64Array);
      expect(i[4999]).toBe(4999);
      expect(Number.isNaN(x[0]) && Number.isNaN(x[4998])).toBe(true); // 4998 = 7 × 714
      expect(x[4999]).toBe(1249.75);
      // NULLs: multiples of 7 in 0..4999 = floor(4999 / 7) + 1 = 715
      expect(Array.from(x).filter(Number.isNaN).length).toBe(715);
      // sum of i / 4 over i not a multiple of 7: (Σ i − 7 Σ k) / 4, Σ i = 4999·5000/2, Σ k (k ≤ 714) = 714·715/2
      const want = (4999 * 2500 - (7 * 714 * 715) / 2) / 4;
      expect(Array.from(x).reduce((a, v) => (Number.isNaN(v) ? a : a + v), 0)).toBe(want);
      expect(b[0]).toBe(1);
      expect(b[4999]).toBe(0);
      expect(s[0]).toBe("a-long-station-name-0");
      expect(s[1]).toBe("st0");
      expect(s[2]).toBe("st0");
      expect(s[2048]).toBe("st2");
      expect(s[4998]).toBe("a-long-station-name-4");
      expect(s[4999]).toBe("st4");
      expect((r.columns.i32 as Float64Array)[3000]).toBe(3000);
      expect((r.columns.i8 as Float64Array)[4999]).toBe(99);
      expect((r.columns.f32 as Float64Array)[4999]).toBe(2499.5);
    } finally {
      db.close();
    }
  });

  it("times: NULL → NaN, floored to the millisecond, DuckDB infinity → ±Infinity; DATE → ISO text; booleans NULL → 0", async () => {
    const db = await openDuckDb();
    try {
      await db.run("SET TimeZone = 'UTC'");
      const r = await db.query(`SELECT * FROM (VALUES
          (TIMESTAMPTZ '2025-01-01 09:00:00.0007+09:00', TIMESTAMP '1969-12-31 23:59:59.9995', DATE '2025-03-04', TRUE, TIMESTAMP_NS '1969-12-31 23:59:59.999999999'),
          (NULL, TIMESTAMP 'infinity', NULL, NULL, NULL),
          (TIMESTAMPTZ '2025-01-01 00:00:00+00', TIMESTAMP '-infinity', DATE '1969-12-31', FALSE, TIMESTAMP_NS '1970-01-01 00:00:00.0015')
        ) t(tz, ts, d, flag, ns)`);
      const tz = r.columns.tz as Float64Array,
        ts = r.columns.ts as Float64Array,
        ns = r.columns.ns as Float64Array;
      expect(tz[0]).toBe(Date.UTC(2025, 0, 1, 0, 0, 0, 0)); // 0.7 ms floored
      expect(Number.isNaN(tz[1])).toBe(true);
      expect(tz[2]).toBe(Date.UTC(2025, 0, 1));
      // 1969-12-31 23:59:59.9995 = −0.5 ms → floored to −1 ms
      expect(ts[0]).toBe(-1);
      expect(ts[1]).toBe(Infinity);
      expect(ts[2]).toBe(-Infinity);
      expect(ns[0]).toBe(-1); // −1 ns → −1 ms
      expect(Number.isNaN(ns[1])).toBe(true);
      expect(ns[2]).toBe(1);
      expect(r.columns.d).toEqual(["2025-03-04", null, "1969-12-31"]);
      expect(Array.from(r.columns.flag as Uint8Array)).toEqual([1, 0, 0]);
    } finally {
      db.close();
    }
  });

  it("run executes a statement; an empty result has zero rows; SQL errors are DuckDB's", async () => {
    const db = await openDuckDb();
    try {
      await db.run("CREATE TABLE t AS SELECT range AS v FROM range(3)");
      const r = await db.query("SELECT v FROM t WHERE v > $1", [10]);
      expect(r.numRows).toBe(0);
      expect((r.columns.v as Float64Array).length).toBe(0);
      const s = await db.query("SELECT sum(v) AS s FROM t");
      expect((s.columns.s as Float64Array)[0]).toBe(3); // 0 + 1 + 2
      await expect(db.query("SELECT nope FROM t")).rejects.toThrow(/nope/);
    } finally {
      db.close();
      db.close(); // idempotent
    }
  });

  it("queryBatches hands out the result in order, a batch of ≥ batchRows rows at a time, equal to query", async () => {
    const db = await openDuckDb();
    try {
      const sql = `SELECT i, CASE WHEN i % 5 = 0 THEN NULL ELSE i * 0.5 END AS x, 'st' || (i // 3000) AS s FROM range(0, 10000) t(i) ORDER BY i`;
      const whole = await db.query(sql);
      const sizes: number[] = [];
      const i: number[] = [],
        x: number[] = [],
        s: (string | null)[] = [];
      const n = await db.queryBatches(
        sql,
        (b) => {
          sizes.push(b.numRows);
          i.push(...(b.columns.i as Float64Array));
          x.push(...(b.columns.x as Float64Array));
          s.push(...(b.columns.s as (string | null)[]));
        },
        { batchRows: 4096 },
      );
      // 10,000 rows in chunks of 2,048: a batch is handed out once it holds ≥ 4,096 rows → 4,096, 4,096, 1,808
      expect(n).toBe(10000);
      expect(sizes).toEqual([4096, 4096, 1808]);
      expect(i).toEqual(Array.from(whole.columns.i as Float64Array));
      expect(x).toEqual(Array.from(whole.columns.x as Float64Array));
      expect(x[4]).toBe(2);
      expect(Number.isNaN(x[5])).toBe(true);
      expect(s).toEqual(whole.columns.s);
      // an empty result: one empty batch with its columns
      const empty: number[] = [];
      expect(await db.queryBatches("SELECT 1 AS a WHERE false", (b) => empty.push(b.numRows))).toBe(0);
      expect(empty).toEqual([0]);
      // an error thrown by onBatch ends the query
      await expect(
        db.queryBatches(sql, () => {
          throw new Error("stop");
        }),
      ).rejects.toThrow("stop");
      // … with the chunk fetched ahead settled first: the connection answers the next query
      expect((await db.query("SELECT 41 + 1 AS v")).columns.v[0]).toBe(42);
      await expect(db.queryBatches(sql, () => {}, { batchRows: 0 })).rejects.toThrow(RangeError);
    } finally {
      db.close();
    }
  });
});

describe("queryBatches with reuse", () => {
  it("hands out the same buffers batch after batch, with the values and NULLs of each batch (by hand)", async () => {
    const db = await openDuckDb();
    try {
      // 10,000 rows; x = i, NULL when i % 5 = 0 (NULL → NaN through the validity bytes)
      const seen: Float64Array[] = [];
      let rows = 0,
        nulls = 0,
        sum = 0;
      const n = await db.queryBatches(
        "SELECT CASE WHEN i % 5 = 0 THEN NULL ELSE CAST(i AS DOUBLE) END AS x, 'st' || (i // 4000) AS s FROM range(0, 10000) t(i) ORDER BY i",
        (b) => {
          const x = b.columns.x as Float64Array;
          const s = b.columns.s as string[];
          seen.push(x);
          for (let k = 0; k < b.numRows; k++) {
            const i = rows + k;
            if (i % 5 === 0) {
              expect(Number.isNaN(x[k])).toBe(true);
              nulls++;
            } else {
              expect(x[k]).toBe(i);
              sum += x[k];
            }
            expect(s[k]).toBe(`st${Math.floor(i / 4000)}`);
          }
          rows += b.numRows;
        },
        { batchRows: 4096, reuse: true },
      );
      expect(n).toBe(10000);
      expect(rows).toBe(10000);
      expect(nulls).toBe(2000);
      // Σ i over 0..9999 minus the multiples of 5: 49,995,000 − 5·(1999·2000/2)
      expect(sum).toBe(49995000 - 5 * 1999000);
      expect(seen.length).toBeGreaterThan(1);
      expect(seen[1].buffer).toBe(seen[0].buffer);
    } finally {
      db.close();
    }
  });
});
