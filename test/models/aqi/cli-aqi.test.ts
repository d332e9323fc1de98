import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../../src/cli/main";
import { readMonitoringTable } from "../../../src/io/monitoring";
import type { StationsTruth } from "../../../src/simulate/stations";

const DATA = join(__dirname, "..", "..", "..", "data");
async function run(args: string[]) {
  const out: string[] = [],
    err: string[] = [];
  const code = await main(
    args,
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}
const tmp = mkdtempSync(join(tmpdir(), "aozora-aqi-"));
const write = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

describe("aozora aqi", () => {
  it("--json: daily IAQI per pollutant, AQI, primary pollutant, validity (hand-checked day)", async () => {
    // one day: PM2.5 47.5 µg/m3 every hour. HJ 633-2026 §4.2.2 rounds it (GB/T 8170, half to even) to 48
    // before the IAQI: 50 + 50·13/25 = 76; HJ 633-2012 (no rounding) 50 + 50·12.5/40 = 65.625 → 66
    const rows = Array.from({ length: 24 }, (_, h) => `2025-07-01 ${String(h).padStart(2, "0")}:00,47.5,40`);
    const f = write("day.csv", ["Time,PM2.5 (µg/m3),O3 (µg/m3)", ...rows].join("\n") + "\n");
    const r = await run(["aqi", "--file", f, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.standard).toBe("cn-2026");
    expect(j.round).toBe("gbt8170");
    expect(j.days[0]).toMatchObject({ date: "2025-07-01", aqi: 76, primary: ["PM25_24h"], complete: true });
    expect(j.days[0].iaqi.PM25_24h).toBe(76);
    expect(j.days[0].iaqi.O3_8h).toBe(20); // 40·50/100 = 20
    expect(j.days[0].iaqi.O3_1h).toBeUndefined(); // not a 2026 daily indicator (§4.2.2)
    const old = JSON.parse((await run(["aqi", "--file", f, "--standard", "cn-2012", "--json"])).out);
    expect(old.round).toBe("none");
    expect(old.days[0].iaqi.PM25_24h).toBe(66);
    expect(old.days[0].iaqi.O3_1h).toBe(13); // 2012 §5.1.2 O3 1-h max 40: 40·50/160 = 12.5 → 13
    // --round none: 47.5 unrounded → 50 + 50·12.5/25 = 75
    const raw = JSON.parse((await run(["aqi", "--file", f, "--round", "none", "--json"])).out);
    expect(raw.days[0].iaqi.PM25_24h).toBe(75);
    const alias = JSON.parse((await run(["aqi", "--file", f, "--round", "hj663", "--json"])).out);
    expect(alias.days[0].iaqi.PM25_24h).toBe(76);
    expect((await run(["aqi", "--file", f])).out).toMatch(/concentrations rounded: gbt8170/);
    expect((await run(["aqi", "--file", f, "--round", "up"])).code).toBe(2);
  });
  it("example station with an outage: missing hours and missing-value codes are accounted for", async () => {
    const truth = JSON.parse(readFileSync(join(DATA, "xian-hourly.truth.json"), "utf8")) as StationsTruth;
    const r = await run(["aqi", "--file", join(DATA, "xian-hourly-s3.csv"), "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.absentHours).toBe(truth.absentHours.filter((a) => a.station === "S3").length);
    expect(j.absentHours).toBe(6);
    expect(j.account.cellChanges["missing-code"]).toBe(truth.missing.filter((m) => m.station === "S3").length);
    expect(j.days.length).toBe(truth.days);
    expect(j.ignoredColumns).toEqual(["NOx"]);
  });
  it("US standard needs an offset unless timestamps carry one; text output", async () => {
    const f = join(DATA, "xian-hourly-s1.csv");
    const bad = await run(["aqi", "--file", f, "--standard", "us-2024"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/UTC offset/);
    const ok = await run(["aqi", "--file", f, "--standard", "us-2024", "--utc-offset", "+08:00"]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^2025-05-01\t\d+\t/m);
  });
  it("bad input and arguments: exit 2 with one line", async () => {
    const neg = write("neg.csv", "Time,O3 (ppb)\n2025-07-01 00:00,30\n2025-07-01 01:00,-4\n");
    const r = await run(["aqi", "--file", neg]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/neg\.csv: O3: negative concentration -4 ppb at index 1 \(2025-07-01T01:00 local\)/);
    // aqi reads tables and CNEMC files: the detected kind is stated first (issue #17), then the one-line error
    const lines = r.err.split("\n");
    expect(lines[0]).toMatch(/^detected: monitoring table \(/);
    expect(lines.slice(1).length).toBe(1);
    const ok = await run(["aqi", "--file", neg, "--negative", "missing", "--json"]);
    expect(JSON.parse(ok.out).negatives).toEqual({ O3: [1] });
    const unitless = write("nounit.csv", "Time,O3\n2025-07-01 00:00,30\n");
    expect((await run(["aqi", "--file", unitless])).err).toMatch(/nounit\.csv.*column "O3".*expected a unit/);
    const wrongUnit = write("wrong.csv", "Time,PM2.5 (ppb)\n2025-07-01 00:00,30\n");
    expect((await run(["aqi", "--file", wrongUnit])).err).toMatch(
      /wrong\.csv: PM2.5: unit "ppb" is not a particle mass concentration/,
    );
    const none = write("none.csv", "Time,WS (m/s)\n2025-07-01 00:00,3\n");
    expect((await run(["aqi", "--file", none])).err).toMatch(/none\.csv: expected at least one AQI pollutant column/);
    expect((await run(["aqi", "--file", neg, "--standard", "eu"])).code).toBe(2);
    expect((await run(["aqi", "--file", neg, "--hour-label", "middle"])).code).toBe(2);
    expect((await run(["aqi"])).code).toBe(2);
  });
});

describe("example Xi'an station data", () => {
  it("each station file reads with exactly the truth's missing cells; station list has 8 stations", () => {
    const truth = JSON.parse(readFileSync(join(DATA, "xian-hourly.truth.json"), "utf8")) as StationsTruth;
    expect(truth.stations.length).toBe(8);
    for (const s of truth.stations) {
      const { table, account } = readMonitoringTable(join(DATA, `xian-hourly-${s.id.toLowerCase()}.csv`), {
        utcOffset: "+08:00",
      });
      const expectMissing = truth.missing
        .filter((m) => m.station === s.id)
        .map((m) => m.row)
        .sort((a, b) => a - b);
      expect(account.cellChanges.map((c) => c.row).sort((a, b) => a - b)).toEqual(expectMissing);
      expect(table.numRows).toBe(truth.days * 24 - truth.absentHours.filter((a) => a.station === s.id).length);
      expect(table.unit("O3")).toBe("µg/m3");
      expect(table.unit("CO")).toBe("mg/m3");
    }
    const st = readMonitoringTable(join(DATA, "xian-stations.csv"), { time: false });
    expect(st.table.numRows).toBe(8);
  });
});
