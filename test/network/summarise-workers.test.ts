import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The worker threads run the compiled worker (dist/network/summarise-worker.js; `npm test` builds
// dist first, or run `bash scripts/build.sh`): compare workers 1 and 3 through the compiled library.
const ROOT = join(__dirname, "..", "..");
const a = createRequire(__filename)(join(ROOT, "dist", "index.js"));

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
});
