import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDuckDb } from "../../src/io/duckdb";
import { AozoraInputError } from "../../src/io/errors";
import { dailyAqi } from "../../src/models/aqi/daily";
import { mda8 } from "../../src/models/ozone/mda8";
import { ozoneAnnualP90 } from "../../src/models/ozone/metrics";
import { gb3095Exceedances, whoExceedances, type ExceedanceRow } from "../../src/models/standards/exceedance";
import { readCnemcDaily } from "../../src/network/read-cnemc";
import { summariseNetwork, NETWORK_POLLUTANTS } from "../../src/network/summarise";
import { quantileType7 } from "../../src/stats/quantile";
import { theilSenInterval, theilSenTrend } from "../../src/directional/trend";
import { writeCnemcArchive } from "../../src/simulate";

const UNITS = JSON.stringify({
  "PM2.5": "µg/m3",
  PM10: "µg/m3",
  SO2: "µg/m3",
  NO2: "µg/m3",
  CO: "mg/m3",
  O3: "µg/m3",
  AQI: "1",
});

/** Write a hive dataset in the ingest schema from a SELECT giving station, time (TIMESTAMPTZ) and pollutant columns. */
async function makeDataset(
  select: string,
  meta: Record<string, string> = { "aozora.units": UNITS, "aozora.offset": "+08:00" },
) {
  const dir = join(mkdtempSync(join(tmpdir(), "netsum-")), "dataset");
  const db = await openDuckDb();
  try {
    await db.query("SET TimeZone = 'UTC'");
    const kv = Object.entries(meta)
      .map(([k, v]) => `'${k}': '${v.replace(/'/g, "''")}'`)
      .join(", ");
    await db.query(
      `COPY (SELECT *, year(time + INTERVAL 8 HOUR) AS year FROM (${select})) TO '${dir}' (FORMAT parquet, PARTITION_BY (year)${kv ? `, KV_METADATA {${kv}}` : ""})`,
    );
  } finally {
    db.close();
  }
  return dir;
}

/**
 * A hand-made station-year (2025, Beijing time): 1 June 75 µg/m3 PM2.5 and 100 µg/m3 O3 every
 * hour; 2 June PM2.5 = 1, 2, …, 19 in local hours 0–18 and no O3.
 */
function handSelect(extra = ""): string {
  // local hour h of 2025-06-01 starts at 2025-05-31T16:00Z + h hours
  return `SELECT 'A' AS station, TIMESTAMPTZ '2025-05-31 16:00:00+00' + to_hours(h) AS time, 75::DOUBLE AS "PM2.5", 100::DOUBLE AS "O3" FROM range(24) t(h)
    UNION ALL SELECT 'A', TIMESTAMPTZ '2025-06-01 16:00:00+00' + to_hours(h), (h + 1)::DOUBLE, NULL::DOUBLE FROM range(19) t(h) ${extra}`;
}

describe("summariseNetwork: a hand-calculated station-year", () => {
  it("completeness, hourly and daily statistics, AQI under HJ 633-2026 and 2012, exceedances", async () => {
    const dir = await makeDataset(handSelect());
    const s = await summariseNetwork(dir, { trend: false });
    expect(s.rows).toHaveLength(1);
    const r = s.rows[0];
    expect(r).toMatchObject({ station: "A", year: 2025, hoursInYear: 8760, rows: 43 });
    const pm = r.pollutants["PM2.5"]!;
    // 43 hourly values: 24 × 75 and 1..19
    expect(pm.hours).toBe(43);
    expect(pm.completeness).toBeCloseTo(43 / 8760, 15);
    expect(pm.hourlyMean).toBeCloseTo((24 * 75 + 190) / 43, 12);
    // type 7 by hand: sorted x = 1..19, 75 ×24; p5: h = 42 × 0.05 = 2.1 → 3 + 0.1 × (4 − 3) = 3.1; p50: h = 21 → x[21] = 75
    expect(pm.hourly.p5).toBeCloseTo(3.1, 12);
    expect(pm.hourly.p50).toBe(75);
    // 2 June has 19 hours: not a valid day (≥ 20 h); the one valid daily mean is 75
    expect(pm.validDays).toBe(1);
    expect(pm.annualMean).toBe(75);
    expect(pm.annualValid).toBe(false);
    // HJ 633-2026 Table 3: PM2.5 75 in [60, 115] → 100 + 50 × (75 − 60)/(115 − 60) = 113.6 → 114 (rounded up), level 3;
    // O3 MDA8 100 → IAQI 50
    expect(r.aqi["cn-2026"]).toEqual({
      categories: [0, 0, 1, 0, 0, 0],
      days: 1,
      noAqi: 364,
      completeDays: 1,
      primary: { PM25_24h: 1 },
    });
    // HJ 633-2012 Table 1: PM2.5 75 is the IAQI-100 breakpoint → 100, level 2 (良); O3 1-h max 100 → 50 × 100/160 = 31.25 → 32
    expect(r.aqi["cn-2012"]).toEqual({
      categories: [0, 1, 0, 0, 0, 0],
      days: 1,
      noAqi: 364,
      completeDays: 1,
      primary: { PM25_24h: 1 },
    });
    // O3: one valid MDA8 (100), P90 of one value = 100
    expect(r.mda8).toEqual({ validDays: 1, p90: 100, complete: false });
    // GB 3095-2026 grade 2 (transition): PM2.5 24-h limit 60 → 1 of 1 valid days above
    const gb24 = r.exceedances.gb3095.find((e) => e.pollutant === "PM2.5" && e.averaging === "24h")!;
    expect(gb24).toMatchObject({ limit: 60, n: 1, exceedances: 1, value: 75 });
    // O3 1-h limit 200: no hour above
    expect(r.exceedances.gb3095.find((e) => e.pollutant === "O3" && e.averaging === "1h")).toMatchObject({
      limit: 200,
      n: 24,
      exceedances: 0,
      exceedanceDays: 0,
      value: 100,
    });
    // WHO 2021: daily means need ≥ 18 h, so 2 June (19 h, mean 10) counts: 2 valid days, 1 above 15
    const who24 = r.exceedances.who.find((e) => e.pollutant === "PM2.5" && e.averaging === "24h")!;
    expect(who24).toMatchObject({ limit: 15, n: 2, exceedances: 1, value: 75 });
    expect(s.account.rows).toBe(43);
    expect(s.account.absentColumns).toEqual(["PM10", "SO2", "NO2", "CO"]);
  });

  it("counts negative and NaN cells (set missing) and rows of unknown stations (set aside)", async () => {
    const dir = await makeDataset(
      handSelect(`UNION ALL SELECT 'A', TIMESTAMPTZ '2025-06-01 16:00:00+00' + to_hours(19), -3::DOUBLE, 'NaN'::DOUBLE
        UNION ALL SELECT 'Z', TIMESTAMPTZ '2025-06-01 16:00:00+00' + to_hours(h), 10::DOUBLE, 10::DOUBLE FROM range(5) t(h)`),
    );
    const s = await summariseNetwork(dir, { trend: false, stations: [{ code: "A", city: "沈阳" }] });
    expect(s.rows.map((r) => r.station)).toEqual(["A"]);
    expect(s.rows[0].city).toBe("沈阳");
    expect(s.account.unknownStations).toEqual({ Z: 5 });
    expect(s.account.negatives).toEqual({ "PM2.5": 1 });
    expect(s.account.nonFinite).toEqual({ O3: 1 });
    expect(s.account.rows).toBe(49);
    // the negative hour is missing: still 43 PM2.5 hours, 2 June still 19 h
    expect(s.rows[0].pollutants["PM2.5"]!.hours).toBe(43);
    expect(s.rows[0].rows).toBe(44);
  });

  it("refuses two rows for one station-hour, a time off the hour, missing metadata and a wrong unit", async () => {
    const dup = await makeDataset(
      handSelect(`UNION ALL SELECT 'A', TIMESTAMPTZ '2025-05-31 16:00:00+00', 1::DOUBLE, 1::DOUBLE`),
    );
    await expect(summariseNetwork(dup, { trend: false })).rejects.toThrow(
      /one row per station and hour.*25 rows for 24 hours/,
    );
    const off = await makeDataset(
      handSelect(`UNION ALL SELECT 'A', TIMESTAMPTZ '2025-06-03 16:30:00+00', 1::DOUBLE, 1::DOUBLE`),
    );
    await expect(summariseNetwork(off, { trend: false })).rejects.toThrow(/whole hour/);
    const noMeta = await makeDataset(handSelect(), {});
    await expect(summariseNetwork(noMeta, { trend: false })).rejects.toThrow(AozoraInputError);
    await expect(summariseNetwork(noMeta, { trend: false })).rejects.toThrow(/aozora.offset/);
    const badUnit = await makeDataset(handSelect(), {
      "aozora.units": JSON.stringify({ "PM2.5": "mg/m3", O3: "µg/m3" }),
      "aozora.offset": "+08:00",
    });
    await expect(summariseNetwork(badUnit, { trend: false })).rejects.toThrow(/column "PM2.5".*µg\/m3.*mg\/m3/);
    await expect(summariseNetwork(join(tmpdir(), "no-such-dataset-xyz"))).rejects.toThrow(AozoraInputError);
    await expect(summariseNetwork(dup, { percentiles: [101] })).rejects.toThrow(RangeError);
  });
});

/** A simulated archive read with readCnemcDaily, written as a dataset through CSV and DuckDB. */
async function simulatedDataset(
  opts: { seed: number; stations: number; start: string; days: number },
  order = "station, time",
) {
  const arch = mkdtempSync(join(tmpdir(), "netsum-arch-"));
  const { sites } = writeCnemcArchive(arch, opts);
  const { table } = readCnemcDaily(sites);
  const times = table.times();
  const st = table.strings("station");
  const cols = NETWORK_POLLUTANTS.map((p) => table.numbers(p));
  const csv = join(arch, "long.csv");
  const lines = ["station,ms," + NETWORK_POLLUTANTS.map((_, i) => `c${i}`).join(",")];
  for (let i = 0; i < table.numRows; i++)
    lines.push([st[i], times[i], ...cols.map((c) => (Number.isFinite(c[i]) ? String(c[i]) : ""))].join(","));
  writeFileSync(csv, lines.join("\n") + "\n");
  const dir = await makeDataset(
    `SELECT station, to_timestamp(ms / 1000) AS time, ${NETWORK_POLLUTANTS.map((p, i) => `CAST(c${i} AS DOUBLE) AS "${p}"`).join(", ")} FROM read_csv('${csv}', header = true, columns = {'station': 'VARCHAR', 'ms': 'BIGINT', ${NETWORK_POLLUTANTS.map((_, i) => `'c${i}': 'DOUBLE'`).join(", ")}}) ORDER BY ${order}`,
  );
  return { dir, table };
}

describe("summariseNetwork equals the library's hourly functions on the same data", () => {
  it("daily AQI categories, MDA8 P90, GB 3095-2026 and WHO 2021 rows, percentiles, across a year boundary", async () => {
    const { dir, table } = await simulatedDataset({ seed: 7, stations: 5, start: "2024-12-27", days: 9 });
    const s = await summariseNetwork(dir, { trend: false });
    const st = table.strings("station");
    const codes = [...new Set(st)];
    expect(s.rows.map((r) => `${r.station} ${r.year}`).sort()).toEqual(
      codes.flatMap((c) => [`${c} 2024`, `${c} 2025`]).sort(),
    );
    const times = table.times();
    for (const code of codes) {
      const idx = [...st.keys()].filter((i) => st[i] === code);
      const t = idx.map((i) => times[i]);
      const series = Object.fromEntries(
        NETWORK_POLLUTANTS.map((p) => {
          const v = table.numbers(p);
          return [p, { values: idx.map((i) => v[i]), unit: table.unit(p)! }];
        }),
      );
      const input = { times: t, utcOffsetMinutes: 480, series };
      const gb = gb3095Exceedances(input);
      const who = whoExceedances(input);
      for (const year of [2024, 2025]) {
        const row = s.rows.find((r) => r.station === code && r.year === year)!;
        // every GB 3095-2026 and WHO row of the hourly functions, equal (means to 1e-9 relative)
        const key = (r: { pollutant: string; averaging: string }) => `${r.pollutant} ${r.averaging}`;
        const close = (a0: ExceedanceRow[], b0: ExceedanceRow[]) => {
          const a = [...a0].sort((x, y) => key(x).localeCompare(key(y)));
          const b = [...b0].sort((x, y) => key(x).localeCompare(key(y)));
          expect(a.map(key)).toEqual(b.map(key));
          a.forEach((x, k) => {
            const y = b[k] as unknown as Record<string, unknown>;
            for (const [key, v] of Object.entries(x)) {
              if (typeof v === "number" && Number.isFinite(v)) expect(y[key] as number).toBeCloseTo(v, 9);
              else expect(y[key]).toEqual(v);
            }
          });
        };
        close(
          gb.filter((r) => r.year === year),
          row.exceedances.gb3095,
        );
        close(
          who.filter((r) => r.year === year),
          row.exceedances.who,
        );
        // daily AQI: the categories of dailyAqi's days of this year; days it does not list have no data
        for (const std of ["cn-2026", "cn-2012"] as const) {
          const days = dailyAqi(input, { standard: std }).days.filter((d) => d.date.startsWith(String(year)));
          const cats = [0, 0, 0, 0, 0, 0];
          const primary: Record<string, number> = {};
          let n = 0;
          for (const d of days)
            if (Number.isFinite(d.aqi)) {
              cats[d.category - 1]++;
              n++;
              for (const k of d.primary) primary[k] = (primary[k] ?? 0) + 1;
            }
          expect(row.aqi[std].categories).toEqual(cats);
          expect(row.aqi[std].days).toBe(n);
          expect(row.aqi[std].primary).toEqual(primary);
        }
        // MDA8 P90 (HJ 663) of the library's mda8
        const o3 = series.O3;
        const p90 = ozoneAnnualP90(mda8(t, o3.values, { utcOffsetMinutes: 480 })).find((y) => y.year === year)!;
        expect(row.mda8!.p90).toBeCloseTo(p90.p90, 9);
        expect(row.mda8!.validDays).toBe(p90.validDays);
        // hourly percentiles (sortNumbers + quantileType7 on the sorted values) = quantileType7 of the
        // raw hours of this local year, exactly
        const local = t.map((x) => new Date(x + 8 * 3600e3).getUTCFullYear());
        for (const p of NETWORK_POLLUTANTS) {
          const v = series[p].values.filter((x, k) => local[k] === year && Number.isFinite(x));
          for (const pc of [5, 25, 50, 75, 90, 95, 98])
            expect(row.pollutants[p]!.hourly[`p${pc}`]).toBe(quantileType7(v, pc / 100));
          expect(row.pollutants[p]!.hours).toBe(v.length);
        }
      }
    }
  });
});

describe("summariseNetwork reads each partition once, grouped by station", () => {
  it("rows not grouped by station give the same summary (DuckDB sorts them first, and the account says so)", async () => {
    const sim = { seed: 3, stations: 4, start: "2024-12-30", days: 4 };
    const grouped = await simulatedDataset(sim, "station, time");
    const interleaved = await simulatedDataset(sim, "time, station");
    const a = await summariseNetwork(grouped.dir, { trend: { basis: "monthly" } });
    const b = await summariseNetwork(interleaved.dir, { trend: { basis: "monthly" } });
    expect(a.account.notes.filter((n) => /not grouped/.test(n))).toEqual([]);
    expect(b.account.notes.filter((n) => /not grouped/.test(n))).toHaveLength(2); // 2024 and 2025
    expect(b.rows).toEqual(a.rows);
    expect(b.trends).toEqual(a.trends);
    expect({ ...b.account, notes: [], dataset: "" }).toEqual({ ...a.account, notes: [], dataset: "" });
    expect(a.rows.map((r) => `${r.year} ${r.station}`)).toEqual(
      [...a.rows.map((r) => `${r.year} ${r.station}`)].sort(),
    );
  });
});

describe("summariseNetwork trends", () => {
  it("annual basis: Theil–Sen of the annual means with the library's interval", async () => {
    // 4 full years of one station, PM2.5 = 40 + 2 × (year − 2021) every hour → slope 2 µg/m3 per year
    const dir = await makeDataset(
      `SELECT 'A' AS station, TIMESTAMPTZ '2020-12-31 16:00:00+00' + to_hours(h) AS time,
        CAST(40 + 2 * (year(TIMESTAMPTZ '2020-12-31 16:00:00+00' + to_hours(h) + INTERVAL 8 HOUR) - 2021) AS DOUBLE) AS "PM2.5"
       FROM range(CAST(24 * (365 * 3 + 366) AS BIGINT)) t(h)`,
    );
    const rows: number[] = [];
    const s = await summariseNetwork(dir, {
      trend: { pollutants: ["PM2.5"], nBoot: 100 },
      keepRows: false,
      onRow: (r) => rows.push(r.year),
    });
    expect(rows).toEqual([2021, 2022, 2023, 2024]);
    expect(s.rows).toEqual([]);
    expect(s.trends).toHaveLength(1);
    const tr = s.trends[0];
    expect(tr.slope).toBeCloseTo(2, 12);
    const ref = theilSenInterval([2021.5, 2022.5, 2023.5, 2024.5], [40, 42, 44, 46], { nBoot: 100 });
    expect(tr.lo).toBe(ref.lo);
    expect(tr.hi).toBe(ref.hi);
    expect(tr.pValue).toBe(ref.pValue);
    expect(tr.slopePct).toBeCloseTo((100 * 2) / 43, 12);
  });

  it("monthly basis equals theilSenTrend on the hourly values (deseasonalised)", async () => {
    // 2 years, a seasonal cycle plus 3 µg/m3 per year, with one gap of 10 days
    const start = Date.UTC(2022, 11, 31, 16);
    const n = 24 * 730;
    const t: number[] = [],
      v: number[] = [];
    for (let h = 0; h < n; h++) {
      const ms = start + h * 3600e3;
      const yr = (ms - start) / (365.25 * 86400e3);
      t.push(ms);
      v.push(h >= 2400 && h < 2640 ? NaN : 50 + 3 * yr + 10 * Math.sin(2 * Math.PI * yr) + (h % 7));
    }
    const dir = await makeDataset(
      `SELECT 'A' AS station, to_timestamp(t / 1000) AS time, CAST(v AS DOUBLE) AS "PM2.5" FROM (SELECT unnest([${t.join(",")}]) AS t, unnest([${v.map((x) => (Number.isFinite(x) ? x : "NULL")).join(",")}]) AS v)`,
    );
    const s = await summariseNetwork(dir, { trend: { basis: "monthly", pollutants: ["PM2.5"], nBoot: 50 } });
    const ref = theilSenTrend(t, v, 480, { deseasonalise: true, nBoot: 50 });
    const tr = s.trends[0];
    expect(tr.deseasonalised).toBe(true);
    expect(tr.slope).toBeCloseTo(ref.slope, 9);
    expect(tr.lo).toBeCloseTo(ref.lo, 9);
    expect(tr.hi).toBeCloseTo(ref.hi, 9);
    expect(tr.pValue).toBeCloseTo(ref.pValue, 12);
    expect(tr.n).toBe(ref.months.filter((m) => Number.isFinite(m.y)).length);
    expect(tr.n).toBe(23); // April 2023 has 20 of 30 days: below the 75 % capture
  });

  it("too few valid years: no trend, with the reason", async () => {
    const dir = await makeDataset(handSelect());
    const s = await summariseNetwork(dir, { trend: { pollutants: ["PM2.5"] } });
    expect(s.trends[0].slope).toBeNaN();
    expect(s.trends[0].reason).toMatch(/0 valid annual means/);
  });
});
