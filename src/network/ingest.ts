import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { openDuckDb, type DuckDb } from "../io/duckdb";
import { AozoraInputError, unreadableFile } from "../io/errors";
import { VERSION } from "../version";
import { CNEMC_TYPES, CNEMC_UNITS, type CnemcType } from "./cnemc-types";
import { isCnemcHeader, readCnemcDaily, type HourLabel } from "./read-cnemc";

/** Options of {@link ingestCnemcArchive}. */
export interface CnemcIngestOptions {
  /** A folder of daily files: every `china_sites_YYYYMMDD.csv` in it (or, when there is none, every `china_cities_YYYYMMDD.csv`). */
  dir?: string;
  /** Or an explicit list of daily files (all of one kind: sites or cities). */
  files?: string[];
  /** The dataset folder to write (`out/year=YYYY/data_0.parquet`); created, must not hold a dataset already. */
  out: string;
  /** Which end of the hour the files' `hour` marks; default `end`, as {@link readCnemcDaily}. */
  hourLabel?: HourLabel;
  /** DuckDB worker threads (default 2). */
  threads?: number;
  /** DuckDB memory limit (default `"1GB"`; DuckDB spills to a temporary folder beyond it). */
  memoryLimit?: string;
  /** Files read by one DuckDB scan (default 16: about half a month of daily files). */
  batchFiles?: number;
}

/** The account of {@link ingestCnemcArchive}. */
export interface CnemcIngestAccount {
  /** `sites` (station codes) or `cities` (city names as columns). */
  kind: "sites" | "cities";
  /** Daily files read. */
  files: number;
  /** Data rows of the files (one per date × hour × type; header lines not counted). */
  inputRows: number;
  /** Rows written to the dataset (one per station × hour present in a file). */
  rows: number;
  /** Distinct stations (codes, or cities) over all files. */
  stations: number;
  /** Groups of files with the same header (stations added or removed over the years make several). */
  headerGroups: number;
  /** Empty cells per type column (a type row absent for an hour counts one per station). */
  missingCells: Record<CnemcType, number>;
  /** The hour convention applied. */
  hourLabel: HourLabel;
  /** How `date,hour` became `time`. */
  hourConversion: string;
  /** The Parquet files written, one per year (`DATASET/year=YYYY/data_0.parquet`). */
  parts: { year: number; file: string; rows: number }[];
  /** Wall time of the ingest, ms. */
  ms: number;
  /** Wall time of the two phases, ms: reading the files into DuckDB, and writing the sorted Parquet parts. */
  phases: { readMs: number; writeMs: number };
}

const NAME_RE = /^china_(sites|cities)_(\d{8})\.csv$/;

/** The first line of a file (without BOM or line end), read in pieces: enough for any header. */
function firstLine(file: string): string {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (e) {
    throw unreadableFile(file, e);
  }
  try {
    const chunks: Buffer[] = [];
    const buf = Buffer.allocUnsafe(1 << 16);
    let total = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, total);
      if (n === 0) break;
      const nl = buf.subarray(0, n).indexOf(10);
      chunks.push(Buffer.from(buf.subarray(0, nl < 0 ? n : nl)));
      total += n;
      if (nl >= 0 || total > 1 << 24) break;
    }
    let text = Buffer.concat(chunks).toString("utf8");
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return text.replace(/\r$/, "");
  } finally {
    closeSync(fd);
  }
}

/** SQL string literal. */
function lit(s: string): string {
  return "'" + s.replace(/'/g, "''") + "'";
}
/** SQL identifier. */
function ident(s: string): string {
  return '"' + s.replace(/"/g, '""') + '"';
}

function listArchive(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    throw unreadableFile(dir, e);
  }
  const sites = names.filter((f) => NAME_RE.exec(f)?.[1] === "sites");
  const pick = sites.length > 0 ? sites : names.filter((f) => NAME_RE.exec(f)?.[1] === "cities");
  return pick.sort((a, b) => a.slice(-12).localeCompare(b.slice(-12)) || a.localeCompare(b)).map((f) => join(dir, f));
}

/**
 * Re-read one daily file with {@link readCnemcDaily}, whose error names the file, row and column;
 * when it reads the file without error, throw `fallback` (what DuckDB reported).
 */
function explain(file: string, hourLabel: HourLabel, fallback: AozoraInputError): never {
  readCnemcDaily(file, { hourLabel });
  throw fallback;
}

/**
 * Convert a CNEMC daily archive (`china_sites_YYYYMMDD.csv`, header `date,hour,type,<stations>`,
 * one row per hour × type; see {@link readCnemcDaily}) into a Parquet dataset with embedded DuckDB
 * (`@duckdb/node-api`, no server), for a whole national network on one machine.
 *
 * **Dataset** (hive layout): `out/year=YYYY/data_0.parquet`, `year` = the calendar year of the local
 * (+08:00) start of the hour. Columns: `station` VARCHAR, `time` TIMESTAMPTZ (Parquet
 * `TIMESTAMP(isAdjustedToUTC=true, MICROS)`: the UTC instant of the START of the hour — with the
 * default hour-ending label, hour h of date D is the hour [h−1, h) local), then one DOUBLE per
 * type named exactly as in the files (`AQI`, `PM2.5`, `PM2.5_24h`, …, `CO_24h`; the `_24h`, `O3_8h`
 * columns are the archive's PUBLISHED running values), NULL for an empty cell; rows sorted by
 * station, time in each file. Parquet key-value metadata: `aozora.units` (JSON {column: unit}),
 * `aozora.offset` (`+08:00`), `aozora.hour_label`, `aozora.source` (JSON {kind, files}),
 * `aozora.version`.
 *
 * **Checks** (the rules of {@link readCnemcDaily}, which re-reads a file DuckDB found at fault so
 * that the error names the file, row and column exactly as it would): a header that is not
 * `date,hour,type,…`; files of both kinds; a date that is not the file name's; an hour outside
 * 0–23; an unknown type; a duplicated (date, hour, type); a cell that is not a number (DuckDB's
 * rejected rows); two files of the same date. Files whose station columns differ (stations added
 * over the years) are read by header group and unioned by station name.
 *
 * Memory: one batch of files (`batchFiles`) at a time in DuckDB, the long rows in a temporary
 * DuckDB database on disk (deleted afterwards), DuckDB limited to `memoryLimit`.
 *
 * @returns the account: files, input rows, rows written, stations, empty cells per type, the parts
 * @throws {AozoraInputError} for any of the checks above (file, row, column), or an unreadable file
 * @throws {RangeError} for neither or both of `dir`/`files`, no daily files, an unknown hourLabel,
 *   bad threads/batchFiles, or an `out` folder that already holds a dataset
 */
export async function ingestCnemcArchive(opts: CnemcIngestOptions): Promise<CnemcIngestAccount> {
  const t0 = Date.now();
  const hourLabel = opts.hourLabel ?? "end";
  if (hourLabel !== "start" && hourLabel !== "end")
    throw new RangeError(`ingestCnemcArchive: hourLabel must be "start" or "end", got "${String(hourLabel)}"`);
  if ((opts.dir === undefined) === (opts.files === undefined))
    throw new RangeError("ingestCnemcArchive: give exactly one of dir or files");
  const threads = opts.threads ?? 2;
  if (!Number.isInteger(threads) || threads < 1 || threads > 256)
    throw new RangeError(`ingestCnemcArchive: threads must be an integer in [1, 256], got ${threads}`);
  const batchFiles = opts.batchFiles ?? 16;
  if (!Number.isInteger(batchFiles) || batchFiles < 1)
    throw new RangeError(`ingestCnemcArchive: batchFiles must be an integer ≥ 1, got ${batchFiles}`);
  const files = (opts.dir !== undefined ? listArchive(opts.dir) : [...opts.files!]).map((f) => resolve(f));
  if (files.length === 0)
    throw new RangeError(
      `ingestCnemcArchive: no daily files (china_sites_YYYYMMDD.csv) ${opts.dir !== undefined ? `in ${opts.dir}` : "given"}`,
    );
  const out = resolve(opts.out);
  if (readdirIfAny(out).some((f) => /^year=/.test(f)))
    throw new RangeError(`ingestCnemcArchive: ${out} already holds a dataset (year=… folders); choose a new folder`);

  // headers (read here: DuckDB is told the columns, so every file of one scan must share its header)
  let kind: "sites" | "cities" | undefined;
  const groups = new Map<string, { stations: string[]; files: string[] }>();
  const byDate = new Map<string, string>();
  const nameDate = new Map<string, string>();
  for (const f of files) {
    const line = firstLine(f);
    const header = line.split(",");
    const k = isCnemcHeader(header);
    if (!k)
      throw new AozoraInputError({
        file: f,
        row: 1,
        expected: "a CNEMC header date,hour,type,<stations>",
        found: line,
      });
    if (kind && kind !== k)
      throw new AozoraInputError({
        file: f,
        row: 1,
        expected: `a china_${kind} file like the others read with it`,
        found: k,
      });
    kind = k;
    const d = /(\d{8})\.csv$/i.exec(basename(f))?.[1];
    if (d === undefined)
      throw new AozoraInputError({
        file: f,
        expected: "a daily file named china_sites_YYYYMMDD.csv (the date of its rows)",
        found: basename(f),
      });
    const earlier = byDate.get(d);
    if (earlier !== undefined)
      throw new AozoraInputError({
        file: f,
        row: 2,
        column: "date",
        columnNumber: 1,
        expected: `a date not already read (${d} is also in ${earlier})`,
        found: d,
      });
    byDate.set(d, f);
    nameDate.set(f, d);
    const stations = header.slice(3).map((s) => s.trim());
    const key = stations.join(",");
    const g = groups.get(key);
    if (g) g.files.push(f);
    else groups.set(key, { stations, files: [f] });
  }
  const shiftH = hourLabel === "end" ? 1 : 0;

  mkdirSync(out, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), "aozora-ingest-"));
  let db: DuckDb | undefined;
  try {
    db = await openDuckDb(join(work, "ingest.duckdb"), {
      threads: String(threads),
      memory_limit: opts.memoryLimit ?? "1GB",
      temp_directory: join(work, "spill"),
    });
    const typeCols = CNEMC_TYPES.map((t) => `${ident(t)} DOUBLE`).join(", ");
    await db.query(`CREATE TABLE long (station VARCHAR, time TIMESTAMPTZ, year INTEGER, ${typeCols})`);
    await db.query(`CREATE TEMP TABLE names (filename VARCHAR, d VARCHAR)`);
    await db.query("SET preserve_insertion_order = false");
    const typeList = CNEMC_TYPES.map(lit).join(", ");
    let inputRows = 0;
    const allStations = new Set<string>();
    for (const { stations, files: gfiles } of groups.values()) {
      for (const s of stations) allStations.add(s);
      const columns =
        "{" +
        [
          "'date': 'VARCHAR'",
          "'hour': 'VARCHAR'",
          "'type': 'VARCHAR'",
          ...stations.map((s) => `${lit(s)}: 'DOUBLE'`),
        ].join(", ") +
        "}";
      const stationList = `[${stations.map(lit).join(", ")}]`;
      const valueList = `[${stations.map(ident).join(", ")}]`;
      const emptyList = `list_resize([]::DOUBLE[], ${stations.length})`;
      for (let b = 0; b < gfiles.length; b += batchFiles) {
        const batch = gfiles.slice(b, b + batchFiles);
        const scan =
          `read_csv([${batch.map(lit).join(", ")}], columns = ${columns}, header = true, delim = ',', quote = '"', ` +
          `escape = '"', filename = true, store_rejects = true, auto_detect = false, null_padding = false)`;
        await db.query("DELETE FROM names");
        await db.query(
          `INSERT INTO names VALUES ${batch.map((f) => `(${lit(f)}, ${lit(nameDate.get(f)!)})`).join(", ")}`,
        );
        // row checks of readCnemcDaily: date of the file name, hour 0–23, a known type, one row per (hour, type)
        const hn = "TRY_CAST(trim(r.hour) AS DOUBLE)";
        const bad = await db.query(
          `SELECT r.filename AS file, count(*) FILTER (WHERE trim(r.date) IS DISTINCT FROM n.d) AS bad_date, ` +
            `count(*) FILTER (WHERE ${hn} IS NULL OR ${hn} <> floor(${hn}) OR ${hn} NOT BETWEEN 0 AND 23) AS bad_hour, ` +
            `count(*) FILTER (WHERE r.type IS NULL OR trim(r.type) NOT IN (${typeList})) AS bad_type, ` +
            `count(*) - count(DISTINCT (${hn}, trim(r.type))) AS dup, count(*) AS n ` +
            `FROM (SELECT filename, date, hour, type FROM ${scan}) r JOIN names n ON r.filename = n.filename GROUP BY r.filename ` +
            `ORDER BY r.filename`,
        );
        const badFiles = new Set<string>();
        const nb = bad.columns;
        for (let i = 0; i < bad.numRows; i++) {
          const k = ["bad_date", "bad_hour", "bad_type", "dup"].some((c) => (nb[c] as Float64Array)[i] > 0);
          if (k) badFiles.add(String(nb.file[i]));
          else inputRows += (nb.n as Float64Array)[i];
        }
        if (badFiles.size > 0) {
          const file = files.find((f) => badFiles.has(f))!;
          throw explain(
            file,
            hourLabel,
            new AozoraInputError({
              file,
              expected: "rows of the file name's date, hours 0–23, known types, one row per (hour, type)",
              found: "a row that breaks one of these",
            }),
          );
        }
        // one list of station values per file row; per (date, hour) one list per type; unnested in lockstep
        const wide =
          `SELECT trim(date) AS date, CAST(CAST(trim(hour) AS DOUBLE) AS INTEGER) AS hour, ` +
          `list_position([${typeList}], trim(type)) AS ti, ${valueList} AS v FROM ${scan}`;
        const perHour =
          `SELECT date, hour, ${CNEMC_TYPES.map((t, i) => `coalesce(first(v) FILTER (WHERE ti = ${i + 1}), ${emptyList}) AS ${ident(t)}`).join(", ")} ` +
          `FROM (${wide}) GROUP BY date, hour`;
        const day = "epoch(strptime(date, '%Y%m%d'))";
        await db.query(
          `INSERT INTO long SELECT unnest(${stationList}) AS station, ` +
            `to_timestamp(${day} + (hour - ${shiftH}) * 3600 - 28800) AS time, ` +
            `year(strptime(date, '%Y%m%d') + to_hours(hour - ${shiftH})) AS year, ` +
            `${CNEMC_TYPES.map((t) => `unnest(${ident(t)}) AS ${ident(t)}`).join(", ")} FROM (${perHour})`,
        );
        // rejected rows (a cell that is not a number, a row of the wrong length): readCnemcDaily names them
        const rej = await db.query(
          `SELECT s.file_path AS file, e.line AS line, e.column_name AS col, e.csv_line AS text ` +
            `FROM reject_errors e JOIN reject_scans s USING (scan_id, file_id) ORDER BY s.file_path, e.line`,
        );
        if (rej.numRows > 0) {
          const rf = new Set((rej.columns.file as (string | null)[]).map(String));
          const file = files.find((f) => rf.has(f)) ?? String(rej.columns.file[0]);
          const i = (rej.columns.file as (string | null)[]).indexOf(file);
          const col = rej.columns.col[Math.max(0, i)] as string | null;
          throw explain(
            file,
            hourLabel,
            new AozoraInputError({
              file,
              row: Number((rej.columns.line as Float64Array)[Math.max(0, i)]),
              ...(col ? { column: col } : {}),
              expected: "a number or an empty cell in each station column, one field per header column",
              found: String(rej.columns.text[Math.max(0, i)]),
            }),
          );
        }
      }
    }
    // a number DuckDB reads but readCnemcDaily does not (nan, inf): readCnemcDaily names it
    const nf = await db.query(
      `SELECT DISTINCT epoch(time) AS s FROM long WHERE ${CNEMC_TYPES.map((t) => `NOT isfinite(${ident(t)})`).join(" OR ")}`,
    );
    if (nf.numRows > 0) {
      // the file's local date of each such hour (time + 8 h, + 1 h for the hour-ending label)
      const dates = new Set(
        [...(nf.columns.s as Float64Array)].map((x) =>
          new Date(x * 1000 + (8 + shiftH) * 3600000).toISOString().slice(0, 10).replace(/-/g, ""),
        ),
      );
      const file = files.find((f) => dates.has(nameDate.get(f)!))!;
      throw explain(file, hourLabel, new AozoraInputError({ file, expected: "finite numbers", found: "nan or inf" }));
    }
    // one Parquet file per year, sorted by station and time, with the metadata
    const units = JSON.stringify(Object.fromEntries(CNEMC_TYPES.map((t) => [t, CNEMC_UNITS[t]])));
    const source = JSON.stringify({ kind: `cnemc-${kind}`, files: files.length });
    const meta =
      `{'aozora.units': ${lit(units)}, 'aozora.offset': '+08:00', 'aozora.hour_label': ${lit(hourLabel)}, ` +
      `'aozora.source': ${lit(source)}, 'aozora.version': ${lit(VERSION)}}`;
    const tWrite = Date.now();
    const years = await db.query("SELECT DISTINCT year FROM long ORDER BY year");
    const parts: CnemcIngestAccount["parts"] = [];
    for (const y of years.columns.year as Float64Array) {
      const dir = join(out, `year=${y}`);
      mkdirSync(dir, { recursive: true });
      const file = join(dir, "data_0.parquet");
      await db.query("SET preserve_insertion_order = true");
      await db.query(
        `COPY (SELECT station, time, ${CNEMC_TYPES.map(ident).join(", ")} FROM long WHERE year = ${y} ORDER BY station, time) ` +
          `TO ${lit(file)} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 122880, KV_METADATA ${meta})`,
      );
      const n = await db.query(`SELECT count(*) AS n FROM long WHERE year = ${y}`);
      parts.push({ year: y, file, rows: (n.columns.n as Float64Array)[0] });
    }
    const miss = await db.query(
      `SELECT count(*) AS rows, ${CNEMC_TYPES.map((t) => `count(*) FILTER (WHERE ${ident(t)} IS NULL) AS ${ident(t)}`).join(", ")} FROM long`,
    );
    const missingCells = Object.fromEntries(
      CNEMC_TYPES.map((t) => [t, (miss.columns[t] as Float64Array)[0]]),
    ) as Record<CnemcType, number>;
    return {
      kind: kind ?? "sites",
      files: files.length,
      inputRows,
      rows: (miss.columns.rows as Float64Array)[0],
      stations: allStations.size,
      headerGroups: groups.size,
      missingCells,
      hourLabel,
      hourConversion:
        hourLabel === "end"
          ? "hour h of local day D (+08:00) marks the END of its hour: time = D h:00 − 1 h (start of the averaging hour), as a UTC instant"
          : "hour h of local day D (+08:00) marks the START of its hour: time = D h:00, as a UTC instant",
      parts,
      ms: Date.now() - t0,
      phases: { readMs: tWrite - t0, writeMs: Date.now() - tWrite },
    };
  } finally {
    db?.close();
    rmSync(work, { recursive: true, force: true });
  }
}

function readdirIfAny(dir: string): string[] {
  try {
    return statSync(dir).isDirectory() ? readdirSync(dir) : [];
  } catch {
    return [];
  }
}
