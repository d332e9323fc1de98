/**
 * The byte reader's fast paths (issue #17): the inline reading of plain decimals, the strict ISO
 * timestamps read by their digits, the short texts made once. Checked against independent
 * values: JavaScript's `Number` (correctly rounded, ECMA-262 §7.1.4.1.1) on every number cell,
 * `parseTimestamp` on every strict ISO key, and the grid reader (every cell as text first,
 * engine "grid") on random files, table and account alike.
 */
import { describe, expect, it } from "vitest";
import { readMonitoringTable, type MonitoringReadOptions } from "../../src/io/monitoring";
import { isoInstant, isoKey, readTypedBytes } from "../../src/io/monitoring-typed";
import { parseTimestamp } from "../../src/table/time";
import { readOutcome, tempFiles } from "./read-helpers";
import { Rng } from "../../src/random/rng";

const { file } = tempFiles("aozora-fast-");

/** A random plain-decimal writing: sign, 1–20 digits (leading zeros too), the point anywhere or absent, sometimes an exponent. */
function randomNumberText(rng: Rng): string {
  const u = rng.uniform();
  const sign = u < 0.3 ? "-" : u < 0.35 ? "+" : "";
  const digits = 1 + Math.floor(rng.uniform() * (rng.uniform() < 0.8 ? 15 : 20));
  let s = "";
  for (let i = 0; i < digits; i++) s += String(Math.floor(rng.uniform() * 10));
  if (rng.uniform() < 0.1) s = "0".repeat(1 + Math.floor(rng.uniform() * 4)) + s;
  const v = rng.uniform();
  let t: string;
  if (v < 0.15) t = s;
  else if (v < 0.2) t = s + ".";
  else if (v < 0.25) t = "." + s;
  else {
    const cut = 1 + Math.floor(rng.uniform() * s.length);
    t = s.slice(0, cut) + "." + s.slice(cut);
  }
  if (rng.uniform() < 0.03) t += (rng.uniform() < 0.5 ? "e" : "E-") + String(Math.floor(rng.uniform() * 30));
  return sign + t;
}

/** Edge writings: signed zeros, bare points, the 15/16-digit boundary, halfway cases, exact powers. */
const EDGE_NUMBERS = [
  "0",
  "-0",
  "+0",
  "-0.0",
  "0.",
  ".0",
  "-.5",
  ".5",
  "5.",
  "+3",
  "1e-3",
  "-1E+2",
  "00000",
  "999999999999999",
  "-999999999999999",
  "9999999999999999",
  "0.000000000000001",
  "0.0000000000000001",
  "123456789012345",
  "12345678901234.5",
  "1234567890123456",
  "9007199254740993",
  "0.1",
  "0.2",
  "0.3",
  "2.675",
  "1.005",
  "4.35",
  "0.000001",
  "100000000000000",
  "1000000000000000",
  "8.589973e9",
  "0.1000000000000000055511151231257827",
  "179769313486231570000000000000000",
];

describe("byte reader: plain decimals = Number(text), correctly rounded", () => {
  it("1.2 million random writings and the edge writings, three columns, read bit for bit as Number gives", () => {
    const rng = new Rng(2026);
    const rows = 400000;
    const lines = ["time,a (ppb),b (ppb),c (ppb)"];
    const texts: string[][] = [[], [], []];
    const t0 = Date.UTC(2000, 0, 1);
    for (let i = 0; i < rows; i++) {
      const cells: string[] = [];
      for (let j = 0; j < 3; j++) {
        const t = i < EDGE_NUMBERS.length ? EDGE_NUMBERS[(i + j) % EDGE_NUMBERS.length] : randomNumberText(rng);
        texts[j].push(t);
        cells.push(t);
      }
      // times by minute: 400,000 distinct strict ISO texts
      const stamp = new Date(t0 + i * 60000).toISOString().slice(0, 16).replace("T", " ");
      lines.push(`${stamp},${cells.join(",")}`);
    }
    const p = file("numbers.csv", lines.join("\n") + "\n");
    expect(typeof readTypedBytes(p, { utcOffset: 0 })).not.toBe("string");
    const { table, account } = readMonitoringTable(p, { utcOffset: 0 });
    let checked = 0;
    const missing = new Set<number>();
    ["a", "b", "c"].forEach((name, j) => {
      const got = table.numbers(name);
      for (let i = 0; i < rows; i++) {
        const want = Number(texts[j][i]);
        // -999 and -9999 written in any way are the default numeric missing codes
        const expected = want === -999 || want === -9999 ? NaN : want;
        if (!Object.is(got[i], expected))
          throw new Error(`${name} row ${i + 2}: "${texts[j][i]}" read as ${got[i]}, Number gives ${want}`);
        if (Number.isNaN(expected)) missing.add(i * 3 + j);
        checked++;
      }
    });
    expect(checked).toBe(3 * rows);
    expect(account.cellChanges.length).toBe(missing.size);
    // every minute's instant
    const times = table.times();
    for (let i = 0; i < rows; i += 997) expect(times[i]).toBe(t0 + i * 60000);
  });
});

describe("isoInstant (strict ISO times by their digits) = parseTimestamp", () => {
  it("every month 0–12, day 0–31, hour 0–24 of 26 years (leap and not, 1900–2155), three minutes each", () => {
    const years = [1900, 1901, 1996, 1999, 2000, 2001, 2004, 2023, 2024, 2025, 2100, 2104, 2154, 2155];
    const rng = new Rng(5);
    while (years.length < 26) years.push(1900 + Math.floor(rng.uniform() * 256));
    const pad = (x: number, w = 2) => String(x).padStart(w, "0");
    let fast = 0,
      n = 0;
    for (const y of years)
      for (let mo = 0; mo <= 12; mo++)
        for (let d = 0; d <= 31; d++)
          for (let h = 0; h <= 24; h++)
            for (const mi of [0, 17, 59]) {
              const sep = (mo + d) % 2 ? "T" : " ";
              const text = `${y}-${pad(mo)}-${pad(d)}${sep}${pad(h)}:${pad(mi)}${(d + h) % 2 ? ":00" : ""}`;
              const b = Buffer.from(`,${text},`);
              const key = isoKey(b, 1, 1 + text.length);
              if (key < 0) throw new Error(`${text}: no isoKey`);
              const got = isoInstant(key);
              const want = parseTimestamp(text, "iso", 0);
              n++;
              if (Number.isNaN(got)) {
                // left to parseTimestamp: invalid dates, and hour 24 (the next midnight)
                if (want !== null && !(h === 24 && mi === 0))
                  throw new Error(`${text}: fast path refused a plain date`);
                continue;
              }
              fast++;
              if (want === null || got !== want.utcMs) throw new Error(`${text}: ${got} vs ${want?.utcMs}`);
            }
    expect(n).toBe(26 * 13 * 32 * 25 * 3);
    // the valid dates with hours 0–23 of those years, each read by the fast path
    expect(fast).toBeGreaterThan(26 * 365 * 24 * 3 - 1);
  });

  it("isoKey refuses other layouts (single-digit fields, seconds other than 00, offsets, years outside 1900–2155)", () => {
    for (const t of [
      "2025-1-01 00:00",
      "2025-01-01 0:00",
      "2025-01-01 00:00:30",
      "2025-01-01 00:00Z",
      "2025-01-01 00:00+08:00",
      "1899-12-31 23:00",
      "2156-01-01 00:00",
      "2025/01/01 00:00",
      "2025-01-01_00:00",
      "2025-01-01 00:60",
      "2025-13-01 00:00",
      "2025-01-32 00:00",
      "2025-01-01 25:00",
    ]) {
      const b = Buffer.from(t);
      expect(isoKey(b, 0, b.length), t).toBe(-1);
    }
  });
});

describe("byte reader = grid reader on random files", () => {
  it("property: 60 random files (quotes, missing codes, CRLF, BOM, tabs, odd numbers, time layouts, by station or by time, no final line end)", () => {
    const rng = new Rng(1717);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.uniform() * xs.length)];
    const odd = [
      "1e-3",
      "-0",
      ".5",
      "5.",
      "+3",
      "2.5E+2",
      "-1e0",
      "12345678901234567",
      "0.1000000000000000055511",
      "00012",
    ];
    const codes = ["", "NA", "-999", "-999.00", "-9999", "N/D", "欠測", "null", "-", "--"];
    const marks = ["ND", "<0.05", "< 1", "<DL", " 12", "12 "];
    let typed = 0,
      total = 0,
      errors = 0;
    for (let trial = 0; trial < 60; trial++) {
      const tsv = trial % 7 === 3;
      const d = tsv ? "\t" : ",";
      const eol = trial % 3 === 1 ? "\r\n" : "\n";
      const bom = trial % 5 === 2;
      const quoted = trial % 6 === 5;
      const withOffset = trial % 8 === 7;
      const layout = trial % 4; // 0 "YYYY-MM-DD HH:MM:SS", 1 "…THH:MM", 2 "YYYY-MM-DD HH:MM", 3 loose "YYYY-M-D H:MM"
      const stations = 1 + Math.floor(rng.uniform() * 3);
      const hours = 3 + Math.floor(rng.uniform() * 40);
      const textCol = trial % 9 === 4;
      // some files by time (every station at each hour), the others by station
      const byTime = trial % 5 === 3;
      // some files with their own missing codes, numbers among them (0 and -1 by value)
      const ownCodes = trial % 11 === 6 ? ["", "NA", "0", "-1"] : undefined;
      const fileCodes = ownCodes ? ["", "NA", "0", "-1", "-1.0", "0.000", "-0"] : codes;
      const header = ["time", "station", "PM2.5 (µg/m3)", "SO2 (ppb)", "TEMP (°C)", ...(textCol ? ["note"] : [])];
      const lines = [header.join(d)];
      const cell = (): string => {
        const u = rng.uniform();
        if (u < 0.08) return pick(fileCodes);
        if (u < 0.11) return pick(marks);
        if (u < 0.2) return pick(odd);
        return randomNumberText(rng).replace(/[eE].*$/, "");
      };
      const order: [number, number][] = [];
      for (let s = 0; s < stations; s++) for (let h = 0; h < hours; h++) order.push([s, h]);
      if (byTime) order.sort((x, y) => x[1] - y[1] || x[0] - y[0]);
      for (const [s, h] of order) {
        // around 29 February 2024 and the year's end
        const base = trial % 2 ? Date.UTC(2024, 1, 28, 20) : Date.UTC(2023, 11, 31, 22);
        const iso = new Date(base + h * 3600000).toISOString();
        const [date, time] = [iso.slice(0, 10), iso.slice(11, 19)];
        let t =
          layout === 0
            ? `${date} ${time}`
            : layout === 1
              ? `${date}T${time.slice(0, 5)}`
              : layout === 2
                ? `${date} ${time.slice(0, 5)}`
                : `${Number(date.slice(0, 4))}-${Number(date.slice(5, 7))}-${Number(date.slice(8, 10))} ${Number(time.slice(0, 2))}:${time.slice(3, 5)}`;
        if (withOffset) t += "+09:00";
        const st = quoted && h === 1 ? `"S${s}"` : `S${s}`;
        const row = [t, st, cell(), cell(), cell()];
        if (textCol) row.push(pick(["a", "b c", " d", "e "]));
        lines.push(row.join(d));
      }
      // out of order once, in some files
      if (trial % 4 === 1 && lines.length > 4) [lines[2], lines[3]] = [lines[3], lines[2]];
      const text = lines.join(eol) + (trial % 10 === 9 ? "" : eol);
      const bytes = bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) : Buffer.from(text);
      const p = file(`rand${trial}.${tsv ? "tsv" : "csv"}`, bytes);
      const opts: MonitoringReadOptions = {
        utcOffset: withOffset ? undefined : trial % 2 ? "+09:00" : "+08:00",
        station: "station",
        ...(ownCodes ? { missingCodes: ownCodes } : {}),
      };
      const grid = readOutcome(() => readMonitoringTable(p, { ...opts, engine: "grid" }));
      const js = readOutcome(() => readMonitoringTable(p, { ...opts, engine: "js" }));
      expect(js, `trial ${trial}`).toEqual(grid);
      total++;
      if ("error" in grid) errors++;
      if (typeof readTypedBytes(p, opts) !== "string") typed++;
      if (quoted) expect(readTypedBytes(p, opts)).toBe("quotes");
    }
    expect(total).toBe(60);
    // most files take the byte reader (the quoted ones and any with an error go to the grid reader)
    expect(typed).toBeGreaterThan(30);
    // and most read without an error (the equality is then of tables and accounts)
    expect(errors).toBeLessThan(15);
    console.log(`byte reader took ${typed} of ${total} files; ${errors} were errors in both readers`);
  });
});
