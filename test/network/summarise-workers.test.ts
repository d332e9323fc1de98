import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { theilSenInterval, theilSenTrend } from "../../src/directional/trend";

// The worker threads run the compiled worker (dist/network/summarise-worker.js; `npm test` builds
// dist first, or run `bash scripts/build.sh`): compare workers 1 and 3 through the compiled library.
const ROOT = join(__dirname, "..", "..");
const req = createRequire(__filename);
const a = req(join(ROOT, "dist", "index.js"));
const internal = req(join(ROOT, "dist", "network", "summarise.js"));

/** Three local years (2023–2025) of 4 stations, hive partitions, rows grouped by station; `extra` appended. */
async function dataset(extra = "") {
  const dir = join(mkdtempSync(join(tmpdir(), "netsum-w-")), "dataset");
  const db = await a.openDuckDb();
  try {
    await db.query("SET TimeZone = 'UTC'");
    const units = JSON.stringify({ "PM2.5": "µg/m3", NO2: "µg/m3", O3: "µg/m3" });
    await db.query(
      `COPY (SELECT *, year(time + INTERVAL 8 HOUR) AS year FROM (
        SELECT 'S' || s AS station, TIMESTAMPTZ '2022-12-31 16:00:00+00' + to_hours(h) AS time,
          CAST(round(30 + 20 * sin(h / 37.0 + s) + (hash(s, h) % 17)) AS DOUBLE) AS "PM2.5",
          CASE WHEN hash(s, h, 2) % 50 = 0 THEN NULL ELSE CAST(round(25 + (hash(s, h, 3) % 30)) AS DOUBLE) END AS "NO2",
          CAST(round(60 + 50 * sin(2 * pi() * ((h + 8) % 24 - 9) / 24.0) + (hash(s, h, 4) % 20)) AS DOUBLE) AS "O3"
        FROM range(4) a(s), range(CAST(24 * 1096 AS BIGINT)) b(h) ${extra} ORDER BY station, time))
       TO '${dir}' (FORMAT parquet, PARTITION_BY (year), KV_METADATA {'aozora.units': '${units}', 'aozora.offset': '+08:00'})`,
    );
  } finally {
    db.close();
  }
  return dir;
}

describe("summariseNetwork on worker threads (compiled library)", () => {
  it("workers 3 give the same rows, trends and account as workers 1, in year then station order", async () => {
    const dir = await dataset();
    const seen: string[] = [];
    const one = await a.summariseNetwork(dir, { workers: 1, trend: { basis: "annual", nBoot: 50 } });
    const three = await a.summariseNetwork(dir, {
      workers: 3,
      trend: { basis: "annual", nBoot: 50 },
      onRow: (r: { year: number; station: string }) => seen.push(`${r.year} ${r.station}`),
    });
    expect(one.rows).toHaveLength(12);
    expect(three.rows).toEqual(one.rows);
    expect(three.trends).toEqual(one.trends);
    expect(three.account).toEqual(one.account);
    expect(seen).toEqual([2023, 2024, 2025].flatMap((y) => [0, 1, 2, 3].map((s) => `${y} S${s}`)));
    // the EU MDA8 of 1 January reaches into 31 December of the year before: same on both paths
    const m1 = await a.summariseNetwork(dir, { workers: 1, trend: { basis: "monthly", nBoot: 50 } });
    const m3 = await a.summariseNetwork(dir, { workers: 3, trend: { basis: "monthly", nBoot: 50 } });
    expect(m3.trends).toEqual(m1.trends);
    expect(m3.rows).toEqual(m1.rows);
  }, 120_000);

  it("an input error on a worker arrives as an AozoraInputError naming the file and column", async () => {
    const dir = await dataset(`UNION ALL SELECT 'S1', TIMESTAMPTZ '2024-03-01 00:30:00+00', 1, 1, 1`);
    const e = await a.summariseNetwork(dir, { workers: 3, trend: false }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(a.AozoraInputError);
    expect(e.column).toBe("time");
    expect(e.file).toMatch(/year=2024/);
    expect(e.message).toMatch(/whole hour.*1 times of station S1 off the hour/);
    await expect(a.summariseNetwork(dir, { workers: 0 })).rejects.toThrow(RangeError);
  }, 120_000);

  it("a metadata error read before any task (the workers already started) arrives as an AozoraInputError", async () => {
    // 3 years ≥ 2 workers: the pool starts before the metadata is read; no aozora.offset here
    const dir = join(mkdtempSync(join(tmpdir(), "netsum-m-")), "dataset");
    const db = await a.openDuckDb();
    try {
      await db.query(
        `COPY (SELECT 'S0' AS station, TIMESTAMPTZ '2021-06-01 00:00:00+00' + to_years(CAST(y AS INTEGER)) AS time,
          1.0 AS "PM2.5", 2021 + y AS year FROM range(3) t(y))
         TO '${dir}' (FORMAT parquet, PARTITION_BY (year), KV_METADATA {'aozora.units': '{"PM2.5": "µg/m3"}'})`,
      );
    } finally {
      db.close();
    }
    const e = await a.summariseNetwork(dir, { workers: 2 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(a.AozoraInputError);
    expect(e.message).toMatch(/aozora\.offset/);
    // the pool was closed: the same call again works the same (no worker left busy)
    await expect(a.summariseNetwork(dir, { workers: 2 })).rejects.toThrow(/aozora\.offset/);
  }, 60_000);
});

/**
 * A hive dataset of `stations` stations over local years `y0 … y1` (Beijing time), written with
 * small row groups (`rowGroup` rows) so that a partition has many; PM2.5 with a per-station
 * trend, a seasonal cycle and noise, and gaps: `gap(s, h)` (SQL) true → NULL.
 */
async function yearsDataset(stations: number, y0: number, y1: number, rowGroup: number, gap = "false") {
  const dir = join(mkdtempSync(join(tmpdir(), "netsum-y-")), "dataset");
  const db = await a.openDuckDb();
  try {
    await db.query("SET TimeZone = 'UTC'");
    const units = JSON.stringify({ "PM2.5": "µg/m3", O3: "µg/m3" });
    const start = `TIMESTAMPTZ '${y0 - 1}-12-31 16:00:00+00'`;
    const hours = Math.round((Date.UTC(y1 + 1, 0, 1) - Date.UTC(y0, 0, 1)) / 3600e3);
    await db.query(
      `COPY (SELECT *, year(time + INTERVAL 8 HOUR) AS year FROM (
        SELECT printf('S%02d', s) AS station, ${start} + to_hours(h) AS time,
          CASE WHEN ${gap} THEN NULL ELSE CAST(round(40 + (s - 2) * h / 8766.0 + 15 * sin(2 * pi() * h / 8766.0) + (hash(s, h) % 23)) AS DOUBLE) END AS "PM2.5",
          CAST(round(60 + 50 * sin(2 * pi() * ((h + 8) % 24 - 9) / 24.0) + (hash(s, h, 4) % 20)) AS DOUBLE) AS "O3"
        FROM range(${stations}) a(s), range(${hours}) b(h) ORDER BY station, time))
       TO '${dir}' (FORMAT parquet, PARTITION_BY (year), ROW_GROUP_SIZE ${rowGroup}, KV_METADATA {'aozora.units': '${units}', 'aozora.offset': '+08:00'})`,
    );
  } finally {
    db.close();
  }
  return dir;
}

describe("summariseNetwork with fewer years than workers: each year split into station ranges", () => {
  it("workers 2 and 3 on one year give the same rows and account as one thread", async () => {
    const dir = await yearsDataset(7, 2025, 2025, 4096, "hash(s, h, 9) % 40 = 0");
    const files = [join(dir, "year=2025", "data_0.parquet")];
    // the split points come from the row-group statistics: 7 stations × 8,760 h in 4,096-row groups
    const cuts2 = await (async () => {
      const db = await a.openDuckDb();
      try {
        return [await internal.stationSplits(db, files, 2), await internal.stationSplits(db, files, 3)];
      } finally {
        db.close();
      }
    })();
    expect(cuts2[0]).toEqual(["S03"]); // the row group at half of the 61,320 rows starts with S03
    expect(cuts2[1]).toHaveLength(2);
    const one = await a.summariseNetwork(dir, { workers: 1, trend: false });
    expect(one.rows.map((r: { station: string }) => r.station)).toEqual([
      "S00",
      "S01",
      "S02",
      "S03",
      "S04",
      "S05",
      "S06",
    ]);
    for (const workers of [2, 3]) {
      const seen: string[] = [];
      const s = await a.summariseNetwork(dir, {
        workers,
        trend: false,
        onRow: (r: { station: string }) => seen.push(r.station),
      });
      expect(s.rows).toEqual(one.rows);
      expect(s.account).toEqual(one.account);
      expect(seen).toEqual(one.rows.map((r: { station: string }) => r.station));
    }
  }, 120_000);

  it("year by year (2 workers, or station ranges) gives the trend of the all-at-once computation", async () => {
    // 4 years × 5 stations; station S01 misses 5 days of March 2023 (HJ 663: fewer than 27 valid days that month)
    const gap = `(s = 1 AND h >= 24 * (365 + 365 + 59 + 3) AND h < 24 * (365 + 365 + 59 + 8)) OR hash(s, h, 9) % 30 = 0`;
    const dir = await yearsDataset(5, 2021, 2024, 8192, gap);
    // all at once: every hour of every year read in one query, daily means (≥ 20 h), annual
    // means of valid days, HJ 663 validity (≥ 324 days, ≥ 27 a month, 25 in February) by hand
    const db = await a.openDuckDb();
    let all: { columns: Record<string, Float64Array | string[]>; numRows: number };
    try {
      all = await db.query(
        `SELECT station, CAST(epoch_ms(time) AS DOUBLE) AS ms, "PM2.5" AS v FROM read_parquet('${dir}/*/*.parquet') ORDER BY station, time`,
      );
    } finally {
      db.close();
    }
    const st = all.columns.station as string[],
      ms = all.columns.ms as Float64Array,
      v = all.columns.v as Float64Array;
    const byStation = new Map<string, Map<string, { n: number; s: number }>>();
    for (let i = 0; i < all.numRows; i++) {
      if (!Number.isFinite(v[i])) continue;
      const day = new Date(ms[i] + 8 * 3600e3).toISOString().slice(0, 10);
      if (!byStation.has(st[i])) byStation.set(st[i], new Map());
      const m = byStation.get(st[i])!;
      const d = m.get(day) ?? { n: 0, s: 0 };
      d.n++;
      d.s += v[i];
      m.set(day, d);
    }
    const expected = new Map<string, { x: number[]; y: number[]; valid: boolean[] }>();
    for (const [code, days] of byStation) {
      const e = { x: [] as number[], y: [] as number[], valid: [] as boolean[] };
      for (const year of [2021, 2022, 2023, 2024]) {
        const means: number[] = [];
        const perMonth = new Array(12).fill(0);
        for (const [day, d] of days)
          if (day.startsWith(`${year}-`) && d.n >= 20) {
            means.push(d.s / d.n);
            perMonth[Number(day.slice(5, 7)) - 1]++;
          }
        const valid = means.length >= 324 && perMonth.every((n, m) => n >= (m === 1 ? 25 : 27));
        e.valid.push(valid);
        if (valid) {
          e.x.push(year + 0.5);
          e.y.push(means.reduce((t, x) => t + x, 0) / means.length);
        }
      }
      expected.set(code, e);
    }
    expect(expected.get("S01")!.valid).toEqual([true, true, false, true]);
    const trend = { basis: "annual", pollutants: ["PM2.5"], nBoot: 100, seed: 5 };
    const runs = [
      await a.summariseNetwork(dir, { workers: 1, trend, keepRows: false }),
      await a.summariseNetwork(dir, { workers: 2, trend, keepRows: false }),
      await a.summariseNetwork(dir, { workers: 2, years: [2021, 2022, 2023], trend, keepRows: false }),
    ];
    for (const [k, s] of runs.entries()) {
      expect(s.trends).toHaveLength(5);
      for (const t of s.trends) {
        const e = expected.get(t.station)!;
        const x = k === 2 ? e.x.filter((y) => y < 2024) : e.x;
        const y = e.y.slice(0, x.length);
        expect(t.n).toBe(x.length);
        if (x.length < 3) {
          expect(t.slope).toBeNaN();
          continue;
        }
        const ref = theilSenInterval(x, y, { nBoot: 100, seed: 5 });
        expect(t.slope).toBeCloseTo(ref.slope, 9);
        expect(t.lo).toBeCloseTo(ref.lo, 9);
        expect(t.hi).toBeCloseTo(ref.hi, 9);
        expect(t.pValue).toBeCloseTo(ref.pValue, 12);
      }
    }
    expect(runs[1].trends).toEqual(runs[0].trends);
    // monthly basis: the deseasonalised trend of all the hours at once (theilSenTrend)
    const m1 = await a.summariseNetwork(dir, {
      workers: 2,
      trend: { basis: "monthly", pollutants: ["PM2.5"], nBoot: 50 },
    });
    for (const t of m1.trends) {
      const idx = [...st.keys()].filter((i) => st[i] === t.station);
      const ref = theilSenTrend(
        idx.map((i) => ms[i]),
        idx.map((i) => v[i]),
        480,
        { deseasonalise: true, nBoot: 50 },
      );
      expect(t.slope).toBeCloseTo(ref.slope, 9);
      expect(t.lo).toBeCloseTo(ref.lo, 9);
      expect(t.hi).toBeCloseTo(ref.hi, 9);
      expect(t.n).toBe(ref.months.filter((m: { y: number }) => Number.isFinite(m.y)).length);
    }
  }, 180_000);
});

/** Every number of a row as its 64 bits (NaN payloads and −0 included): equality of these is bit identity. */
function bits(rows: Record<string, unknown>[]): string[] {
  const f = new Float64Array(1),
    u = new BigUint64Array(f.buffer);
  return rows.map((r) =>
    JSON.stringify(r, (_k, v) => {
      if (typeof v !== "number") return v;
      f[0] = v;
      return `f64:${u[0].toString(16)}`;
    }),
  );
}

describe("summariseNetwork's station trends on the worker pool", () => {
  it("1, 2 and 3 workers give bit-identical trend rows (annual and monthly), each the trend of its own station's series", async () => {
    // 13 stations × 4 years × 2 pollutants: 26 trend jobs, split into several chunks per worker;
    // station S04 misses most of 2022 and 2023 (too few valid years for its PM2.5 trend)
    const gap = `(s = 4 AND h >= 24 * 380 AND h < 24 * 1000) OR hash(s, h, 9) % 30 = 0`;
    const dir = await yearsDataset(13, 2021, 2024, 8192, gap);
    const annual = { basis: "annual", pollutants: ["PM2.5", "O3"], nBoot: 60, seed: 11 };
    const runs = [];
    for (const workers of [1, 2, 3]) runs.push(await a.summariseNetwork(dir, { workers, trend: annual }));
    expect(runs[0].trends).toHaveLength(26);
    expect(bits(runs[1].trends)).toEqual(bits(runs[0].trends));
    expect(bits(runs[2].trends)).toEqual(bits(runs[0].trends));
    // each row: theilSenInterval of that station's valid annual means (from the station-year rows), same seed
    let fitted = 0;
    for (const t of runs[2].trends) {
      const ys = runs[0].rows.filter((r: { station: string }) => r.station === t.station);
      const pts = ys
        .map((r: { year: number; pollutants: Record<string, { annualMean: number; annualValid: boolean }> }) => ({
          x: r.year + 0.5,
          p: r.pollutants[t.pollutant],
        }))
        .filter(
          (q: { p: { annualMean: number; annualValid: boolean } }) =>
            q.p.annualValid && Number.isFinite(q.p.annualMean),
        );
      expect(t.n).toBe(pts.length);
      if (pts.length < 3) {
        expect(t.slope).toBeNaN();
        expect(t.reason).toMatch(/at least 3 needed/);
        continue;
      }
      const ref = theilSenInterval(
        pts.map((q: { x: number }) => q.x),
        pts.map((q: { p: { annualMean: number } }) => q.p.annualMean),
        { nBoot: 60, seed: 11 },
      );
      expect([t.slope, t.lo, t.hi, t.pValue]).toEqual([ref.slope, ref.lo, ref.hi, ref.pValue]);
      fitted++;
    }
    expect(fitted).toBeGreaterThan(20);
    expect(
      runs[0].trends.some(
        (t: { station: string; pollutant: string; reason?: string }) =>
          t.station === "S04" && t.pollutant === "PM2.5" && t.reason,
      ),
    ).toBe(true);
    // monthly basis: same bits on 1, 2 and 3 workers
    const monthly = { basis: "monthly", pollutants: ["PM2.5", "O3"], nBoot: 40, seed: 3 };
    const m = [];
    for (const workers of [1, 2, 3])
      m.push(await a.summariseNetwork(dir, { workers, trend: monthly, keepRows: false }));
    expect(m[0].trends).toHaveLength(26);
    expect(bits(m[1].trends)).toEqual(bits(m[0].trends));
    expect(bits(m[2].trends)).toEqual(bits(m[0].trends));
    // the monthly trends were fitted (not all too short)
    expect(m[0].trends.filter((t: { slope: number }) => Number.isFinite(t.slope)).length).toBeGreaterThan(20);
  }, 180_000);
});

describe("summariseNetwork's rows from the workers (packed in one transferred buffer)", () => {
  it("packYearResult keeps every row's bits (NaN, -0, nested records) and each row's station and byte range", async () => {
    const row = (station: string, x: number) => ({
      station,
      year: 2024,
      rows: 3,
      pollutants: { O3: { hourlyMean: x, hourly: { p50: NaN, p98: -0 }, annualValid: false } },
      exceedances: { gb3095: [{ pollutant: "O3", value: 1 / 3, limit: 160 }], who: [] },
    });
    const rows = [row("A1", 0.1 + 0.2), row("B2", NaN)];
    const { result, transfer } = internal.packYearResult({
      year: 2024,
      rows,
      rowsRead: 6,
      negatives: {},
      nonFinite: {},
      setAside: [],
      notes: [],
    });
    expect(result.rows).toEqual([]);
    expect(result.packed.stations).toEqual(["A1", "B2"]);
    expect(transfer).toEqual([result.packed.bytes.buffer]);
    const { deserialize } = req("node:v8");
    const back = result.packed.ends.map((e: number, i: number) =>
      deserialize(result.packed.bytes.subarray(i ? result.packed.ends[i - 1] : 0, e)),
    );
    expect(bits(back)).toEqual(bits(rows));
    expect(Object.is(back[0].pollutants.O3.hourly.p98, -0)).toBe(true);
  });

  it("2 workers (station ranges, rows packed) give the bit-identical rows of one thread, in station order", async () => {
    const dir = await yearsDataset(7, 2022, 2023, 4096, "hash(s, h, 9) % 40 = 0");
    const one = await a.summariseNetwork(dir, { workers: 1, trend: false });
    const order: string[] = [];
    const two = await a.summariseNetwork(dir, {
      workers: 2,
      trend: false,
      onRow: (r: { year: number; station: string }) => order.push(`${r.year} ${r.station}`),
    });
    expect(one.rows).toHaveLength(14);
    expect(bits(two.rows)).toEqual(bits(one.rows));
    expect(two.account).toEqual(one.account);
    expect(order).toEqual(one.rows.map((r: { year: number; station: string }) => `${r.year} ${r.station}`));
  }, 120_000);
});
