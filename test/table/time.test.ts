import { describe, expect, it } from "vitest";
import {
  detectTimeFormat,
  formatInstant,
  formatOffset,
  hasExplicitOffset,
  parseOffset,
  parseTimestamp,
} from "../../src/table/time";

describe("parseOffset", () => {
  it("reads ±HH:MM, ±HHMM, ±H and the site names", () => {
    expect(parseOffset("+08:00")).toBe(8 * 60); // 480
    expect(parseOffset("+0900")).toBe(9 * 60); // 540
    expect(parseOffset("-06:00")).toBe(-6 * 60); // -360
    expect(parseOffset("+05:30")).toBe(5 * 60 + 30); // 330
    expect(parseOffset("+8")).toBe(480);
    expect(parseOffset("UTC+09:00")).toBe(540);
    expect(parseOffset("CN")).toBe(480);
    expect(parseOffset("JP")).toBe(540);
    expect(parseOffset("jp")).toBe(540);
    expect(parseOffset("UTC")).toBe(0);
    expect(parseOffset("Z")).toBe(0);
    expect(parseOffset(" +09:00 ")).toBe(540);
  });

  it("accepts whole minutes within ±14 h", () => {
    expect(parseOffset(-360)).toBe(-360);
    expect(parseOffset(0)).toBe(0);
    expect(parseOffset(840)).toBe(840);
    expect(parseOffset("+14:00")).toBe(840);
  });

  it("throws on nonsense", () => {
    for (const bad of ["", "abc", "8", "08:00", "+15:00", "+08:75", "+123:00", "KR", "toString"]) {
      expect(() => parseOffset(bad), JSON.stringify(bad)).toThrow(Error);
    }
    expect(() => parseOffset(1.5)).toThrow(/whole number/);
    expect(() => parseOffset(841)).toThrow(/14 h/);
    expect(() => parseOffset(-900)).toThrow(/14 h/);
    expect(() => parseOffset(NaN)).toThrow(Error);
  });
});

describe("formatOffset / formatInstant", () => {
  it("formats offsets as ±HH:MM", () => {
    expect(formatOffset(480)).toBe("+08:00");
    expect(formatOffset(0)).toBe("+00:00");
    expect(formatOffset(-570)).toBe("-09:30");
  });

  it("formats instants as local ISO 8601 with the offset", () => {
    // 2025-01-01 00:00 UTC = 09:00 at +09:00 = 08:00 at +08:00 = 2024-12-31 18:00 at -06:00
    const t = Date.UTC(2025, 0, 1, 0, 0);
    expect(formatInstant(t, 540)).toBe("2025-01-01T09:00:00+09:00");
    expect(formatInstant(t, 480)).toBe("2025-01-01T08:00:00+08:00");
    expect(formatInstant(t, -360)).toBe("2024-12-31T18:00:00-06:00");
    expect(formatInstant(t, 0)).toBe("2025-01-01T00:00:00Z");
    // milliseconds are written only when present
    expect(formatInstant(Date.UTC(2025, 0, 1, 0, 0, 5, 250), 480)).toBe("2025-01-01T08:00:05.250+08:00");
    expect(formatInstant(NaN, 480)).toBe("");
  });
});

describe("parseTimestamp", () => {
  it("iso with an offset needs no site offset", () => {
    // 2025-01-01 09:00 at +09:00 = 00:00 UTC
    const p = parseTimestamp("2025-01-01T09:00:00+09:00", "iso", undefined);
    expect(p).toEqual({ utcMs: Date.UTC(2025, 0, 1, 0, 0), hadOffset: true, textOffsetMinutes: 540 });
    // 2025-01-01 08:00 at +0800 = 00:00 UTC
    expect(parseTimestamp("2025-01-01 08:00+0800", "iso", undefined)?.utcMs).toBe(Date.UTC(2025, 0, 1, 0, 0));
    expect(parseTimestamp("2025-01-01T00:00:00Z", "iso", 540)).toEqual({
      utcMs: Date.UTC(2025, 0, 1),
      hadOffset: true,
      textOffsetMinutes: 0,
    });
    // the text's own offset wins over the option: 06:00 at -06:00 = 12:00 UTC
    expect(parseTimestamp("2005-06-01T06:00-06:00", "iso", 540)?.utcMs).toBe(Date.UTC(2005, 5, 1, 12, 0));
  });

  it("iso without an offset uses the site offset, and is null without one", () => {
    expect(parseTimestamp("2025-01-01 08:00", "iso", undefined)).toBeNull();
    // 2025-01-01 08:00 at +08:00 = 00:00 UTC
    expect(parseTimestamp("2025-01-01 08:00", "iso", 480)).toEqual({
      utcMs: Date.UTC(2025, 0, 1, 0, 0),
      hadOffset: false,
    });
    // 2025/1/1 09:30:15.5 at +09:00 = 00:30:15.500 UTC
    expect(parseTimestamp("2025/1/1 09:30:15.5", "iso", 540)?.utcMs).toBe(Date.UTC(2025, 0, 1, 0, 30, 15, 500));
    // a date alone is local midnight: 2025-03-10 00:00 at +09:00 = 2025-03-09 15:00 UTC
    expect(parseTimestamp("2025-03-10", "iso", 540)?.utcMs).toBe(Date.UTC(2025, 2, 9, 15, 0));
  });

  it("mdy and dmy", () => {
    // 1/2/2025 13:05 month-first = 2 January; at -06:00 = 19:05 UTC
    expect(parseTimestamp("1/2/2025 13:05", "mdy", -360)?.utcMs).toBe(Date.UTC(2025, 0, 2, 19, 5));
    // 1/2/2025 13:05 day-first = 1 February; at +00:00 = 13:05 UTC
    expect(parseTimestamp("1/2/2025 13:05", "dmy", 0)?.utcMs).toBe(Date.UTC(2025, 1, 1, 13, 5));
    // 31.12.2024 23:00 day-first at +01:00 = 22:00 UTC
    expect(parseTimestamp("31.12.2024 23:00", "dmy", 60)?.utcMs).toBe(Date.UTC(2024, 11, 31, 22, 0));
    // 6/1/2005 (no time) = 1 June 2005 00:00 at -06:00 = 06:00 UTC
    expect(parseTimestamp("6/1/2005", "mdy", -360)?.utcMs).toBe(Date.UTC(2005, 5, 1, 6, 0));
    // 13/1/2025 cannot be month-first
    expect(parseTimestamp("13/1/2025", "mdy", 0)).toBeNull();
    expect(parseTimestamp("13/1/2025", "dmy", 0)?.utcMs).toBe(Date.UTC(2025, 0, 13));
  });

  it("ymd-cjk (年月日時)", () => {
    // 2025年1月1日 9時 at +09:00 = 00:00 UTC
    expect(parseTimestamp("2025年1月1日 9時", "ymd-cjk", 540)?.utcMs).toBe(Date.UTC(2025, 0, 1, 0, 0));
    // 2025年1月1日 9时30分 at +08:00 = 01:30 UTC
    expect(parseTimestamp("2025年1月1日 9时30分", "ymd-cjk", 480)?.utcMs).toBe(Date.UTC(2025, 0, 1, 1, 30));
    // 2025年3月5日 (date only) at +08:00 = 2025-03-04 16:00 UTC
    expect(parseTimestamp("2025年3月5日", "ymd-cjk", 480)?.utcMs).toBe(Date.UTC(2025, 2, 4, 16, 0));
    expect(parseTimestamp("2025年1月1日 9時", "ymd-cjk", undefined)).toBeNull();
    expect(parseTimestamp("2025-01-01 09:00", "ymd-cjk", 540)).toBeNull();
  });

  it("excel serial (1900 date system) is wall-clock time at the site offset", () => {
    // 1900 system: serial 1 = 1900-01-01, and Excel counts a fictitious 1900-02-29 (serial 60).
    // Real days from 1900-01-01 to 2025-01-01: 125 years × 365 + 31 leap days (1904..2024) = 45656.
    // Serial of 2025-01-01 = 1 + 45656 + 1 (the fictitious day) = 45658.
    // So 45658 = 2025-01-01 00:00 wall clock; at +09:00 that is 2024-12-31 15:00 UTC.
    expect(parseTimestamp("45658", "excel", 540)).toEqual({ utcMs: Date.UTC(2024, 11, 31, 15, 0), hadOffset: false });
    expect(parseTimestamp("45658", "excel", 0)?.utcMs).toBe(Date.UTC(2025, 0, 1, 0, 0));
    // 45658.375 = 2025-01-01 + 0.375 × 24 h = 09:00 wall clock; at +09:00 = 00:00 UTC
    expect(parseTimestamp("45658.375", "excel", 540)?.utcMs).toBe(Date.UTC(2025, 0, 1, 0, 0));
    // an excel serial is local time: without an offset there is no instant
    expect(parseTimestamp("45658", "excel", undefined)).toBeNull();
    expect(parseTimestamp("0", "excel", 0)).toBeNull();
    expect(parseTimestamp("2025-01-01", "excel", 0)).toBeNull();
  });

  it("epoch-ms", () => {
    expect(parseTimestamp("0", "epoch-ms", undefined)).toEqual({ utcMs: 0, hadOffset: true });
    expect(parseTimestamp("1735689600000", "epoch-ms", undefined)?.utcMs).toBe(Date.UTC(2025, 0, 1));
  });

  it("hour 24:00 is 00:00 of the next day", () => {
    // 2025-01-01 24:00 at +09:00 = 2025-01-02 00:00 local = 2025-01-01 15:00 UTC
    expect(parseTimestamp("2025-01-01 24:00", "iso", 540)?.utcMs).toBe(Date.UTC(2025, 0, 1, 15, 0));
    // 2025-12-31 24:00 at +00:00 = 2026-01-01 00:00 UTC (year rolls over)
    expect(parseTimestamp("2025-12-31 24:00", "iso", 0)?.utcMs).toBe(Date.UTC(2026, 0, 1, 0, 0));
    // 2025年1月1日 24時 at +09:00 = 2025-01-01 15:00 UTC
    expect(parseTimestamp("2025年1月1日 24時", "ymd-cjk", 540)?.utcMs).toBe(Date.UTC(2025, 0, 1, 15, 0));
    // 24:30 is not an hour-ending time
    expect(parseTimestamp("2025-01-01 24:30", "iso", 540)).toBeNull();
    expect(parseTimestamp("2025-01-01 25:00", "iso", 540)).toBeNull();
  });

  it("invalid calendar dates are null, not rolled over", () => {
    expect(parseTimestamp("2025-02-30", "iso", 0)).toBeNull();
    expect(parseTimestamp("2025-02-29 10:00", "iso", 0)).toBeNull(); // 2025 is not a leap year
    expect(parseTimestamp("2024-02-29 10:00", "iso", 0)?.utcMs).toBe(Date.UTC(2024, 1, 29, 10, 0));
    expect(parseTimestamp("2/30/2025", "mdy", 0)).toBeNull();
    expect(parseTimestamp("31/4/2025", "dmy", 0)).toBeNull();
    expect(parseTimestamp("2025年2月30日", "ymd-cjk", 0)).toBeNull();
    expect(parseTimestamp("2025-13-01", "iso", 0)).toBeNull();
    expect(parseTimestamp("2025-01-01 10:60", "iso", 0)).toBeNull();
    expect(parseTimestamp("", "iso", 0)).toBeNull();
    expect(parseTimestamp("not a date", "iso", 0)).toBeNull();
  });

  it("an offset in the text that is not a real offset makes the text no timestamp (null, not a throw)", () => {
    expect(parseTimestamp("2025-01-01T00:00+15:00", "iso", undefined)).toBeNull();
    expect(parseTimestamp("2025-01-01T00:00+08:75", "iso", 480)).toBeNull();
  });
});

describe("hasExplicitOffset", () => {
  it("tells timestamps with an offset from those without", () => {
    expect(hasExplicitOffset("2025-01-01T09:00:00+09:00")).toBe(true);
    expect(hasExplicitOffset("2025-01-01 00:00Z")).toBe(true);
    expect(hasExplicitOffset("2025-01-01 09:00")).toBe(false);
    expect(hasExplicitOffset("2025-01-01")).toBe(false);
  });
});

describe("detectTimeFormat", () => {
  it("recognises each layout", () => {
    expect(detectTimeFormat(["2025-01-01 00:00", "2025-01-01T01:00:00+09:00", ""])).toEqual({ format: "iso" });
    expect(detectTimeFormat(["2025年1月1日 9時", "2025年1月1日 10時"])).toEqual({ format: "ymd-cjk" });
    expect(detectTimeFormat(["1/12/2025", "1/13/2025"])).toEqual({ format: "mdy" }); // 13 can only be a day
    expect(detectTimeFormat(["12/1/2025", "13/1/2025"])).toEqual({ format: "dmy" });
    expect(detectTimeFormat(["45658", "45658.5"])).toEqual({ format: "excel" });
  });

  it("gives a reason instead of guessing", () => {
    const amb = detectTimeFormat(["01/02/2025", "03/04/2025"]);
    expect("reason" in amb && amb.reason).toMatch(/ambiguous/);
    expect("reason" in amb && amb.reason).toMatch(/mdy/);
    const both = detectTimeFormat(["13/01/2025", "01/13/2025"]);
    expect("reason" in both && both.reason).toMatch(/both day-first and month-first/);
    const none = detectTimeFormat(["", "  "]);
    expect("reason" in none && none.reason).toMatch(/no timestamps/);
    const mixed = detectTimeFormat(["2025-01-01", "1/13/2025"]);
    expect("reason" in mixed && mixed.reason).toMatch(/no known timestamp layout/);
    const junk = detectTimeFormat(["yesterday"]);
    expect("format" in junk).toBe(false);
  });
});
