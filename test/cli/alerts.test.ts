/**
 * `aozora alerts` (src/cli/alerts.ts): files written here, alerts worked by hand from the clauses
 * (cn-mee-2017 橙色预警 "预测AQI日均值>200将持续3天（72小时）及以上，且预测AQI日均值>300"; Kanagawa
 * 要綱 注意報 "1時間値0.12ppm以上", 警報 "1時間値0.24ppm以上"; PM2.5 "午前5時から午前7時までの … 中央値が
 * … 85μg/立方メートルを超過した場合") and, for hourly China input, against the library on the same file.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./run";
import { readMonitoringTable } from "../../src/io/monitoring";
import { hourlyPollutantsFromTable } from "../../src/models/aqi/input";
import { dailyAqi } from "../../src/models/aqi/daily";
import { cnAlerts } from "../../src/models/alerts/cn";

const dir = mkdtempSync(join(tmpdir(), "aozora-alerts-"));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

const daily = file(
  "cn-daily.csv",
  "date,AQI (1)\n2025-01-01,150\n2025-01-02,210\n2025-01-03,220\n2025-01-04,310\n2025-01-05,150\n",
);

// two Kawasaki-like stations, hours starting 11:00–18:00 JST (stamps are hour starts)
const oxA = [0.1, 0.13, 0.2, 0.25, 0.23, 0.13, 0.1, 0.08];
const oxB = [0.12, 0.11, 0.19, 0.2, 0.22, 0.11, 0.09, 0.08];
const jpRows = ["time,station,Ox (ppm)"];
oxA.forEach((v, i) => jpRows.push(`2025-07-01 ${11 + i}:00,A,${v}`, `2025-07-01 ${11 + i}:00,B,${oxB[i]}`));
const jpOx = file("jp-ox.csv", jpRows.join("\n") + "\n");

describe("aozora alerts --country cn", () => {
  it("a daily AQI file: orange from 01-02 to 01-04 (3 days > 200 and one > 300)", async () => {
    const r = await run(["alerts", "--file", daily, "--country", "cn", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.alerts.map((a: { level: string; start: string; end: string }) => [a.level, a.start, a.end])).toEqual([
      ["orange", "2025-01-02", "2025-01-04"],
    ]);
    expect(j.cn.ruleSet).toBe("cn-mee-2017");
    expect(j.cn.citation).toContain("环境保护部");
    expect(j.alerts[0].clause).toContain("且预测AQI日均值>300");
    // the Xinzhou plan: the same 3 days are orange without the > 300 day too; text output
    const t = await run(["alerts", "--file", daily, "--country", "cn", "--rule", "cn-xinzhou-2020"]);
    expect(t.code).toBe(0);
    expect(t.out).toContain("orange\tOrange alert\t2025-01-02\t2025-01-04\tcn-xinzhou-2020/orange");
  });

  it("hourly pollutants: daily AQI by HJ 633-2026, then the same alerts as the library gives on that file", async () => {
    const rows = ["time,PM2.5 (µg/m3)"];
    const pm = [40, 40, 200, 220, 260, 40];
    pm.forEach((v, d) => {
      for (let h = 0; h < 24; h++) rows.push(`2025-01-0${d + 1} ${String(h).padStart(2, "0")}:00,${v}`);
    });
    const f = file("cn-hourly.csv", rows.join("\n") + "\n");
    const r = await run(["alerts", "--file", f, "--country", "cn", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const { input } = hourlyPollutantsFromTable(readMonitoringTable(f, { utcOffset: "+08:00" }).table);
    const d = dailyAqi(input, { standard: "cn-2026" });
    const lib = cnAlerts({ dates: d.days.map((x) => x.date), values: d.days.map((x) => x.aqi) });
    expect(j.alerts).toEqual(JSON.parse(JSON.stringify(lib.alerts)));
    expect(j.alerts.length).toBe(1);
    expect(j.alerts[0].start).toBe("2025-01-03");
  });

  it("refuses a Japan rule, --no-blue outside cn, and a multi-station China file", async () => {
    expect((await run(["alerts", "--file", daily, "--country", "cn", "--rule", "ox"])).code).toBe(2);
    expect((await run(["alerts", "--file", jpOx, "--country", "jp", "--no-blue"])).code).toBe(2);
    const m = await run(["alerts", "--file", jpOx, "--country", "cn"]);
    expect(m.code).toBe(2);
    expect(m.err).toContain("one station");
  });
});

describe("aozora alerts --country jp", () => {
  it("Ox of two stations: the hourly maximum issues 注意報 11:00, 警報 14:00–15:00, back to 注意報 until 17:00", async () => {
    // maxima per hour: 0.12, 0.13, 0.20, 0.25, 0.23, 0.13, 0.10, 0.08
    const r = await run(["alerts", "--file", jpOx, "--country", "jp", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.alerts.map((a: { level: string; start: string; end: string }) => [a.level, a.start, a.end])).toEqual([
      ["chuiho", "2025-07-01T11:00:00+09:00", "2025-07-01T14:00:00+09:00"],
      ["keiho", "2025-07-01T14:00:00+09:00", "2025-07-01T15:00:00+09:00"],
      ["chuiho", "2025-07-01T15:00:00+09:00", "2025-07-01T17:00:00+09:00"],
    ]);
    expect(j.ox.stations).toBe(2);
    expect(j.input.utcOffset.offset).toBe("+09:00");
  });

  it("hour-ending stamps (--hour-label end) move every alert one hour earlier", async () => {
    const r = await run(["alerts", "--file", jpOx, "--country", "jp", "--hour-label", "end", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).alerts[0].start).toBe("2025-07-01T10:00:00+09:00");
  });

  it("PM2.5 of three stations: the morning median (90, 84, 100 → 90) > 85 issues the advisory from 07:00", async () => {
    const rows = ["time,station,PM2.5 (µg/m3)"];
    const morning: Record<string, number> = { A: 90, B: 84, C: 100 };
    for (const s of ["A", "B", "C"])
      for (let h = 0; h < 24; h++)
        rows.push(`2025-02-10 ${String(h).padStart(2, "0")}:00,${s},${h >= 4 && h <= 6 ? morning[s] : 20}`);
    const r = await run([
      "alerts",
      "--file",
      file("jp-pm.csv", rows.join("\n") + "\n"),
      "--country",
      "jp",
      "--rule",
      "pm25",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(
      j.alerts.map((a: { ruleId: string; start: string; end: string; peak: number }) => [
        a.ruleId,
        a.start,
        a.end,
        a.peak,
      ]),
    ).toEqual([["jp-pm25/morning", "2025-02-10T07:00:00+09:00", "2025-02-11T00:00:00+09:00", 90]]);
  });

  it("refuses Ox in µg/m3 naming the column, and a file without Ox or PM2.5", async () => {
    const bad = await run([
      "alerts",
      "--file",
      file("jp-ug.csv", "time,Ox (µg/m3)\n2025-07-01 12:00,200\n"),
      "--country",
      "jp",
    ]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/column "Ox".*ppm/);
    const none = await run([
      "alerts",
      "--file",
      file("jp-no.csv", "time,NO2 (ppm)\n2025-07-01 12:00,0.02\n"),
      "--country",
      "jp",
    ]);
    expect(none.code).toBe(2);
    expect(none.err).toContain("Ox or PM2.5");
  });
});

describe("aozora alerts --country us", () => {
  // hours starting 08:00 … 13:00 at −05:00, PM2.5 constant 40 µg/m3
  const rows = ["time,PM2.5 (µg/m3)"];
  for (let h = 8; h <= 13; h++) rows.push(`2025-08-01 ${String(h).padStart(2, "0")}:00,40`);
  const us = file("us-pm.csv", rows.join("\n") + "\n");

  it("NowCast of a constant 40 µg/m3 is 40 (w = 1) → AQI 101 + 49/19.9 · 4.5 = 112 (USG) from the second hour (2 of the last 3 hours)", async () => {
    const r = await run(["alerts", "--file", us, "--country", "us", "--utc-offset", "-05:00", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(
      j.alerts.map((a: { level: string; start: string; end: string; peak: number }) => [
        a.level,
        a.start,
        a.end,
        a.peak,
      ]),
    ).toEqual([["Unhealthy for Sensitive Groups", "2025-08-01T09:00:00-05:00", "2025-08-01T14:00:00-05:00", 112]]);
    expect(j.alerts[0].evidence).toContain("NowCast AQI of PM2.5");
    // from Code Red only: no alert
    const red = await run([
      "alerts",
      "--file",
      us,
      "--country",
      "us",
      "--utc-offset",
      "-05:00",
      "--min-level",
      "4",
      "--json",
    ]);
    expect(JSON.parse(red.out).alerts).toEqual([]);
  });

  it("two pollutants: the hourly AQI is the higher NowCast AQI (PM2.5 112 against O3 50 ppb → 50/54 · 50 = 46), and the evidence names PM2.5 only", async () => {
    const both = ["time,PM2.5 (µg/m3),O3 (ppb)"];
    for (let h = 8; h <= 13; h++) both.push(`2025-08-01 ${String(h).padStart(2, "0")}:00,40,50`);
    const f = file("us-pm-o3.csv", both.join("\n") + "\n");
    const r = await run(["alerts", "--file", f, "--country", "us", "--utc-offset", "-05:00", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.alerts.map((a: { peak: number }) => a.peak)).toEqual([112]);
    expect(j.alerts[0].evidence).toMatch(/NowCast AQI of PM2\.5$/);
  });

  it("a negative concentration is an input error naming the file and the column", async () => {
    const neg = file(
      "us-neg.csv",
      "time,PM2.5 (µg/m3)\n2025-08-01 08:00,10\n2025-08-01 09:00,-5\n2025-08-01 10:00,12\n",
    );
    const r = await run(["alerts", "--file", neg, "--country", "us", "--utc-offset", "-05:00"]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/us-neg\.csv, column "PM2\.5".*negative/);
  });

  it("refuses --min-level outside us and a Japan rule for us", async () => {
    expect((await run(["alerts", "--file", daily, "--country", "cn", "--min-level", "4"])).code).toBe(2);
    expect(
      (await run(["alerts", "--file", us, "--country", "us", "--utc-offset", "-05:00", "--rule", "ox"])).code,
    ).toBe(2);
  });
});
