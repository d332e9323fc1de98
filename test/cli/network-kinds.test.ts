import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeCnemcArchive } from "../../src/simulate/cnemc";
import { writeSoramameFiles } from "../../src/simulate/soramame";
import { writeNiesFiles } from "../../src/simulate/nies";
import { run } from "./run";

// Issue #17 item 3: every file-reading verb reads its input through readInput: --kind (detected and
// stated on stderr and in the JSON `input`), --encoding, --units, --station, --hour-label.
const DATA = join(__dirname, "..", "..", "data");
const tmp = mkdtempSync(join(tmpdir(), "aozora-cli-kinds-"));
const lines = (s: string) => s.split("\n");

/** A plain unit-less hourly export of one local day (header `time,PM2.5,PM10,SO2,NO2,O3,CO`), constant values. */
function plainExport(
  name: string,
  v: { pm25: number; pm10: number; so2: number; no2: number; o3: number; co: number },
) {
  const rows = ["time,PM2.5,PM10,SO2,NO2,O3,CO"];
  for (let h = 0; h < 24; h++)
    rows.push(`2026-05-01 ${String(h).padStart(2, "0")}:00,${v.pm25},${v.pm10},${v.so2},${v.no2},${v.o3},${v.co}`);
  const f = join(tmp, name);
  writeFileSync(f, rows.join("\n") + "\n");
  return f;
}
const hourly = plainExport("hourly.csv", { pm25: 60, pm10: 85, so2: 10, no2: 20, o3: 50, co: 0.5 });

describe("aqi --units on a plain unit-less hourly export", () => {
  it('--standard cn-2026 --units "µg/m3,CO=mg/m3": the AQI of the day by hand from HJ 633-2026 Table 3', async () => {
    const r = await run(["aqi", "--file", hourly, "--standard", "cn-2026", "--units", "µg/m3,CO=mg/m3", "--json"]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.input.kind).toBe("table");
    expect(lines(r.err)).toEqual([`detected: monitoring table (${j.input.reason})`]);
    expect(j.units.CO_24h).toBe("mg/m3");
    expect(j.units.PM25_24h).toBe("µg/m3");
    const d = j.days[0];
    expect(d.date).toBe("2026-05-01");
    // HJ 633-2026 Table 3 (IAQI = (IAQI_Hi − IAQI_Lo)/(BP_Hi − BP_Lo)·(C − BP_Lo) + IAQI_Lo, rounded up, §4.2.6):
    // PM2.5 24-h 60 µg/m3 is the breakpoint of IAQI 100 (it was 75 in HJ 633-2012) → 100
    // PM10 24-h 85: between 50 (IAQI 50) and 120 (IAQI 100) → 50/70·35 + 50 = 75
    // NO2 24-h 20: 50/40·20 = 25; SO2 24-h 10: 50/50·10 = 10; O3 8-h 50: 50/100·50 = 25
    // CO 24-h 0.5 mg/m3: 50/2·0.5 = 12.5 → rounded up to 13
    expect(d.iaqi).toEqual({ SO2_24h: 10, NO2_24h: 25, PM10_24h: 75, CO_24h: 13, O3_8h: 25, PM25_24h: 100 });
    expect(d.aqi).toBe(100);
    expect(d.primary).toEqual(["PM25_24h"]);
    // the same file under HJ 633-2012: PM2.5 60 between 35 (50) and 75 (100) → 50/40·25 + 50 = 81.25 → 82
    const old = await run(["aqi", "--file", hourly, "--standard", "cn-2012", "--units", "µg/m3,CO=mg/m3", "--json"]);
    expect(JSON.parse(old.out).days[0].iaqi.PM25_24h).toBe(82);
  });
  it("without --units the unit-less column is an error naming file, row and column", async () => {
    const r = await run(["aqi", "--file", hourly, "--standard", "cn-2026"]);
    expect(r.code).toBe(2);
    expect(lines(r.err).at(-1)).toMatch(/hourly\.csv, row 1, column "PM2\.5" \(#2\): expected a unit/);
  });
  it("--units parsing errors name the bad item", async () => {
    const cases: [string, RegExp][] = [
      ["µg/m3,,CO=mg/m3", /item 2 "" is empty/],
      ["µg/m3,mg/m3", /item 2 "mg\/m3" is a second default unit \(the first is "µg\/m3"/],
      ["µg/m3,CO=", /item 2 "CO=" has no unit after "="/],
      ["=mg/m3", /item 1 "=mg\/m3" has no column before "="/],
      ["µg/m3,CO=mg/m3,CO=µg/m3", /item 3 "CO=µg\/m3" gives column "CO" a second unit/],
      ["µg/m3,CO=mg=m3", /item 2 "CO=mg=m3": "mg=m3" is not a unit/],
    ];
    for (const [units, re] of cases) {
      const r = await run(["aqi", "--file", hourly, "--units", units]);
      expect(r.code, units).toBe(2);
      expect(r.err, units).toMatch(/^aozora aqi: --units: expected a unit and\/or COLUMN=UNIT pairs/);
      expect(r.err, units).toMatch(re);
    }
    // an override naming no column of the file would do nothing: an error naming it and the columns there
    const r = await run(["aqi", "--file", hourly, "--units", "µg/m3,C0=mg/m3"]);
    expect(r.code).toBe(2);
    expect(lines(r.err).at(-1)).toMatch(
      /^aozora aqi: --units: expected COLUMN=UNIT items naming columns of .*hourly\.csv \(PM2\.5, PM10, SO2, NO2, O3, CO\), found "C0=mg\/m3" \(no such column\)$/,
    );
  });
});

describe("--encoding through the CLI", () => {
  const utf16 = (text: string, bom: boolean) => {
    const b = Buffer.from(text, "utf16le");
    return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), b]) : b;
  };
  const text = "time,PM2.5 (µg/m3)\n2026-05-01 00:00,12\n2026-05-01 01:00,13\n";
  it("UTF-16 without a byte-order mark is an error (with and without --encoding utf-16), never garbled text", async () => {
    const f = join(tmp, "nobom.csv");
    writeFileSync(f, utf16(text, false));
    const a = await run(["read", "--file", f, "--utc-offset", "+08:00", "--json"]);
    expect(a.code).toBe(2);
    expect(lines(a.err).at(-1)).toMatch(
      /nobom\.csv, row 1: expected text in utf-8; this looks like UTF-16LE without a byte-order mark/,
    );
    const b = await run(["read", "--file", f, "--utc-offset", "+08:00", "--encoding", "utf-16", "--json"]);
    expect(b.code).toBe(2);
    expect(lines(b.err).at(-1)).toMatch(/nobom\.csv, row 1: expected UTF-16 text starting with a byte-order mark/);
    // the same text with its mark FF FE reads: 2 rows, PM2.5 in µg/m3
    const g = join(tmp, "bom.csv");
    writeFileSync(g, utf16(text, true));
    const c = await run(["read", "--file", g, "--utc-offset", "+08:00", "--encoding", "utf-16", "--json"]);
    expect(c.code, c.err).toBe(0);
    const j = JSON.parse(c.out);
    expect(j.tables.data.rows).toBe(2);
    expect(j.tables.data.columns.find((x: { name: string }) => x.name === "PM2.5").unit).toBe("µg/m3");
  });
  it("a Shift_JIS soramame file read with --encoding utf-8 is an error naming the row, not garbled headers", async () => {
    const s = writeSoramameFiles(join(tmp, "sj"), { seed: 5, days: 1 });
    const r = await run(["read", "--file", s.files[0], "--encoding", "utf-8"]);
    expect(r.code).toBe(2);
    expect(lines(r.err).at(-1)).toMatch(
      /row 1: expected text in utf-8 \(for Japanese or Chinese Excel files pass encoding "shift_jis"/,
    );
  });
  it("an unknown --encoding is refused with the list", async () => {
    const r = await run(["read", "--file", hourly, "--encoding", "latin1"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--encoding: expected one of utf-8, shift_jis, euc-jp, gbk, gb18030, big5, utf-16, utf-16le/);
  });
});

describe("every verb × a national network kind (files from the simulators)", () => {
  const sora = writeSoramameFiles(join(tmp, "sora"), { seed: 7, days: 3 });
  const cn = writeCnemcArchive(join(tmp, "cn"), { seed: 8, days: 2, stations: 3 });
  const st = sora.stations[0];

  it("read: a soramame file is detected (Shift_JIS), stated, and its hour-ending 時 converted by the reader", async () => {
    const r = await run(["read", "--file", sora.files[0], "--json"]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.kind).toBe("soramame");
    expect(j.input.chosen).toBe("detected");
    expect(j.input.reason).toMatch(/測定局コード.*decoded as shift_jis/);
    expect(lines(r.err)).toEqual([`detected: ${j.input.label} (${j.input.reason})`]);
    expect(j.input.utcOffset.offset).toBe("+09:00");
    expect(j.input.hourLabel).toMatchObject({ label: "end", shiftMinutes: 0 });
    expect(j.input.hourLabel.source).toMatch(/converted by the reader/);
    // 3 local days × 24 hours; the first row is 時 1 of the first day = 00:00–01:00 JST (start 00:00)
    expect(j.tables.data.rows).toBe(72);
    expect(j.tables.data.first).toBe("2024-04-01T00:00:00+09:00");
    expect(new Date(j.tables.data.first).getTime()).toBe(st.times[0]);
    expect(j.tables.data.columns.find((c: { name: string }) => c.name === "SO2").unit).toBe("ppm");
  });
  it("read: a CNEMC daily file is detected; --kind cnemc says it was chosen", async () => {
    const r = await run(["read", "--file", cn.sites[0], "--kind", "cnemc", "--json"]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.input).toMatchObject({ kind: "cnemc", chosen: "option", reason: "--kind cnemc" });
    expect(r.err).toBe(""); // nothing detected, nothing stated on stderr
    expect(j.tables.data.rows).toBe(24 * 3); // 24 hours × 3 stations
  });
  it("aqi: a soramame file (one station, ppm gases) gives daily AQI with the hours of each JST day", async () => {
    const r = await run(["aqi", "--file", sora.files[0], "--standard", "cn-2026", "--json"]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.input.kind).toBe("soramame");
    expect(j.utcOffsetMinutes).toBe(540);
    // 時 1 … 24 of each local day are the hours 00:00 … 23:00 JST of that day: three whole days
    expect(j.days.map((d: { date: string }) => d.date)).toEqual(["2024-04-01", "2024-04-02", "2024-04-03"]);
    expect(j.absentHours).toBe(0);
  });
  it("polar: a soramame file's 16-point wind (calm hours without a direction) feeds the polar plot", async () => {
    const r = await run(["polar", "--file", sora.files[0], "--species", "NO2", "--json"]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.input.kind).toBe("soramame");
    expect(j.unit).toBe("ppm");
    // calm and missing directions have no bin: n counts the hours with a direction, a speed and NO2
    const ok = st.times.filter(
      (_, i) => Number.isFinite(st.wd[i]) && Number.isFinite(st.values.WS[i]) && Number.isFinite(st.values.NO2[i]),
    );
    expect(j.n).toBe(ok.length);
  });
  it("polar: a CNEMC file of several stations without --station is an error listing them", async () => {
    const r = await run(["polar", "--file", cn.sites[0], "--species", "PM2.5", "--json"]);
    expect(r.code).toBe(2);
    expect(lines(r.err).at(-1)).toMatch(/^aozora polar: --station: expected one station of .* \(1001A, 1002A, 1003A\)/);
  });
  it("pscf: --conc a CNEMC file, --station picks the station, hour-ending stamps matched to arrivals", async () => {
    const out = join(tmp, "pscf.svg");
    const r = await run([
      "pscf",
      "--traj",
      DATA,
      "--match",
      "^shanghai-tdump",
      "--conc",
      cn.sites[0],
      "--station",
      "1001A",
      "--species",
      "PM2.5",
      "--out",
      out,
      "--json",
    ]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.input).toMatchObject({ kind: "cnemc", station: { code: "1001A", stations: 3 } });
    expect(j.input.hourLabel.shiftMinutes).toBe(-60);
    // arrivals every 3 h UTC; the file covers 2025-01-01 local hours 0–23 (hour-ending): starts 2024-12-31T15:00Z …
    // 2025-01-01T14:00Z, so the arrivals 00, 03, 06, 09, 12 UTC of 2025-01-01 fall in it (5), minus hours without PM2.5
    const pm = cn.truth.values!["PM2.5"][0].slice(0, 24);
    const expected = [0, 3, 6, 9, 12].filter((h) => Number.isFinite(pm[h + 9])).length; // UTC h = local start h+8 = label h+9
    expect(j.matched).toBe(expected);
  });
  it("forecast: a CNEMC history (one station) with a table of met, persistence", async () => {
    const met = join(tmp, "met.csv");
    const rows = ["time,T (°C),RH (%),WS (m/s),WD (deg)"];
    for (let d = 1; d <= 3; d++)
      for (let h = 0; h < 24; h++) rows.push(`2025-01-0${d} ${String(h).padStart(2, "0")}:00,1,50,2,90`);
    writeFileSync(met, rows.join("\n") + "\n");
    const r = await run([
      "forecast",
      "--history",
      cn.sites[1],
      "--met",
      met,
      "--station",
      "1002A",
      "--target",
      "pm25",
      "--method",
      "persistence",
      "--json",
    ]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.input.history).toMatchObject({ kind: "cnemc", station: { code: "1002A" } });
    expect(j.input.met.kind).toBe("table");
  });
  it("xact: the Xact export is its one kind; --kind cnemc is refused with the choices", async () => {
    const ok = await run(["xact", join(DATA, "xact-hourly.csv"), "--kind", "xact", "--json"]);
    expect(ok.code, ok.err).toBe(0);
    expect(JSON.parse(ok.out).input).toMatchObject({ kind: "xact", chosen: "option" });
    const bad = await run(["xact", join(DATA, "xact-hourly.csv"), "--kind", "cnemc"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('aozora xact: --kind: expected one of auto, xact, found "cnemc"');
  });
  it("--hour-label start on a soramame file reads 時 as hour starts, so 時 24 is an error naming row and column", async () => {
    const r = await run(["read", "--file", sora.files[0], "--hour-label", "start"]);
    expect(r.code).toBe(2);
    expect(lines(r.err).at(-1)).toMatch(
      /14130010\.csv, row 25, column "時" \(#4\): expected an hour label 0–23 \(hourLabel "start"\), found "24"/,
    );
  });
  const nies = writeNiesFiles(join(tmp, "nies"), { seed: 11, months: [5] });
  it("read: an NIES hourly file is detected (Shift_JIS), stated, 01h–24h converted by the reader", async () => {
    const r = await run(["read", "--file", nies.file, "--json"]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.kind).toBe("nies");
    expect(lines(r.err)).toEqual([`detected: ${j.input.label} (${j.input.reason})`]);
    expect(j.input.reason).toMatch(/測定年度.*decoded as shift_jis/);
    expect(j.input.hourLabel).toMatchObject({ label: "end", shiftMinutes: 0 });
    // May has 31 days: 2 stations × 31 × 24 rows; 01h of 2023-05-01 starts at 00:00 JST
    expect(j.tables.data.rows).toBe(2 * 31 * 24);
    expect(j.tables.data.first).toBe("2023-05-01T00:00:00+09:00");
    expect(j.tables.data.columns.find((c: { name: string }) => c.name === "CO").unit).toBe("ppm");
  });
  it("aqi: an NIES file needs --station (two stations); with it, the 31 JST days of May", async () => {
    const bad = await run(["aqi", "--file", nies.file, "--json"]);
    expect(bad.code).toBe(2);
    expect(lines(bad.err).at(-1)).toMatch(/--station: expected one station of .* \(14130010, 14130020\)/);
    const r = await run([
      "aqi",
      "--file",
      nies.file,
      "--station",
      "14130020",
      "--kind",
      "nies",
      "--negative",
      "missing",
      "--json",
    ]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.input).toMatchObject({ kind: "nies", chosen: "option", station: { code: "14130020", stations: 2 } });
    expect(j.days.length).toBe(31);
    expect(j.days[0].date).toBe("2023-05-01");
    // the simulated PM2.5 has small negative hours (as real automatic monitors report): counted, not hidden
    expect(Object.keys(j.negatives)).toContain("PM2.5");
  });
  it("--hour-label start with an NIES file is refused, citing the NIES convention", async () => {
    const r = await run(["aqi", "--file", nies.file, "--station", "14130010", "--hour-label", "start"]);
    expect(r.code).toBe(2);
    expect(lines(r.err).at(-1)).toMatch(
      /--hour-label: expected end with --kind nies \(NIES labels 01h–24h mark the end/,
    );
  });
  it("--units with a bare default unit is refused for NIES and soramame (their files carry units)", async () => {
    const r = await run(["read", "--file", nies.file, "--units", "µg/m3"]);
    expect(r.code).toBe(2);
    expect(lines(r.err).at(-1)).toMatch(/--units: expected ITEM=UNIT items only with --kind nies/);
    const s = await run(["read", "--file", sora.files[0], "--units", "µg/m3"]);
    expect(lines(s.err).at(-1)).toMatch(/--units: expected COLUMN=UNIT overrides only with --kind soramame/);
  });
  it("qa: a soramame file's hourly series (completeness, outliers), the detection stated; filter tables as before", async () => {
    const r = await run(["qa", "--file", sora.files[0], "--json"]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.input.kind).toBe("soramame");
    expect(lines(r.err)[0]).toMatch(/^detected: soramame download/);
    // completeness of SO2 = finite hours / 72, counted from the simulator's truth
    const so2 = j.completeness.species.find((s: { species: string }) => s.species === "SO2");
    expect(so2.valid).toBe(st.values.SO2.filter(Number.isFinite).length);
    expect(so2.n).toBe(72);
    const f = await run(["qa", "--file", join(DATA, "filter-campaign-lab-a.csv"), "--json"]);
    expect(f.code, f.err).toBe(0);
    expect(JSON.parse(f.out).input).toMatchObject({ kind: "samples", chosen: "detected" });
    expect(lines(f.err)).toEqual([expect.stringMatching(/^detected: filter-sample table \(no .* signature/)]);
  });
  it("interlab: two co-located instruments' soramame files paired by hour", async () => {
    const other = writeSoramameFiles(join(tmp, "sora-b"), { seed: 8, days: 3 });
    const r = await run([
      "interlab",
      "--lab-a",
      sora.files[0],
      "--lab-b",
      other.files[0],
      "--drop-unmatched",
      "--json",
    ]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.input.a.kind).toBe("soramame");
    expect(j.input.b.kind).toBe("soramame");
    expect(j.samples).toBe(72); // the same 72 JST hours in both files
    const no2 = j.species.find((s: { species: string }) => s.species === "NO2");
    // n = hours where both instruments have NO2 (from the two simulators' truths)
    const o = other.stations[0];
    expect(no2.n).toBe(st.values.NO2.filter((v, i) => Number.isFinite(v) && Number.isFinite(o.values.NO2[i])).length);
    expect(no2.unit).toBe("ppm");
  });
  it("read: a GB18030 china_cities file is detected after UTF-8 fails, and says it was decoded as gb18030", async () => {
    const gb = writeCnemcArchive(join(tmp, "cn-gb"), { seed: 12, days: 1, stations: 4, encoding: "gb18030" });
    const r = await run(["read", "--file", gb.cities[0], "--json"]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.input.kind).toBe("cnemc");
    expect(j.input.reason).toMatch(/city names .*decoded as gb18030/);
    // the city names decoded right: --station takes the Chinese name the simulator wrote
    const city = gb.truth.cities[0];
    const a = await run(["aqi", "--file", gb.cities[0], "--station", city, "--standard", "cn-2012", "--json"]);
    expect(a.code, a.err).toBe(0);
    expect(JSON.parse(a.out).input.station).toEqual({
      code: city,
      source: "--station",
      stations: gb.truth.cities.length,
    });
    const u = await run(["read", "--file", gb.cities[0], "--encoding", "utf-8"]);
    expect(u.code).toBe(2);
    expect(lines(u.err).at(-1)).toMatch(/row 1: expected text in utf-8 .*gb18030/);
  });
});
