import { describe, expect, it } from "vitest";
import { readMonitoringTable } from "../../src/io/monitoring";
import { detectTimeFormat, parseTimestamp } from "../../src/table/time";
import { thrown } from "../helpers";

// Issue #20 "Timestamp errors name the row": one bad timestamp, a repeated header row from
// concatenated exports, full-width digits. Rows are 1-based file rows (header = row 1).
const csv = (text: string) => ({ name: "t.csv", text });

describe("timestamp errors name the row", () => {
  it("one bad timestamp among ISO ones: its row and text", () => {
    const e = thrown(() =>
      readMonitoringTable(
        csv("time,PM2.5 (µg/m3)\n2025-01-01 00:00,1\n2025-01-01 01:00,2\n2025-01-01 0200,3\n2025-01-01 03:00,4\n"),
        { utcOffset: "+09:00" },
      ),
    );
    expect(e.row).toBe(4);
    expect(e.column).toBe("time");
    expect(e.found).toBe("2025-01-01 0200");
    expect(e.expected).toMatch(/no known timestamp layout/);
  });

  it("a repeated header row from two concatenated exports: the second header's row", () => {
    const text = "time,PM2.5 (µg/m3)\n2025-01-01 00:00,1\n2025-01-01 01:00,2\ntime,PM2.5 (µg/m3)\n2025-01-01 02:00,3\n";
    const e = thrown(() => readMonitoringTable(csv(text), { utcOffset: "+08:00" }));
    expect(e.row).toBe(4);
    expect(e.found).toBe("time");
  });

  it("day-first and month-first mixed: the row that contradicts the earlier ones", () => {
    // row 2 has 13 first (day-first); row 4 has 13 second (month-first)
    const e = thrown(() =>
      readMonitoringTable(csv("date,PM2.5 (µg/m3)\n13/01/2025,1\n14/01/2025,2\n01/13/2025,3\n"), {
        utcOffset: "+09:00",
      }),
    );
    expect(e.row).toBe(4);
    expect(e.found).toBe("01/13/2025");
    expect(e.expected).toMatch(/both day-first and month-first/);
  });

  it("full-width digits in dates are read as their ASCII digits", () => {
    // ２０２５－０１－０１　０９：００ at +09:00 is 2025-01-01T00:00Z (hand conversion: 09:00 − 9 h)
    const r = readMonitoringTable(csv("time,PM2.5 (µg/m3)\n２０２５－０１－０１　０９：００,1\n2025-01-01 10:00,2\n"), {
      utcOffset: "+09:00",
    });
    expect(Array.from(r.table.times())).toEqual([Date.UTC(2025, 0, 1, 0, 0), Date.UTC(2025, 0, 1, 1, 0)]);
    expect(parseTimestamp("２０２５年１月２日　３時", "ymd-cjk", 540)?.utcMs).toBe(Date.UTC(2025, 0, 1, 18, 0));
  });

  it("full-width text that is not a timestamp names its row", () => {
    const e = thrown(() =>
      readMonitoringTable(csv("time,PM2.5 (µg/m3)\n2025-01-01 00:00,1\n２０２５－０１－０１　２５：００,2\n"), {
        utcOffset: "+09:00",
      }),
    );
    expect(e.row).toBe(3);
    expect(e.found).toBe("２０２５－０１－０１　２５：００");
  });

  it("superscripts are not digits: 2025-01-0² is refused, not read as day 02", () => {
    expect(parseTimestamp("2025-01-0²", "iso", 0)).toBeNull();
    const d = detectTimeFormat(["2025-01-01", "2025-01-0²"]);
    expect("reason" in d && d.index).toBe(1);
  });
});

describe("leap second :60", () => {
  // RFC 3339 §5.6: "time-second = 2DIGIT ; 00-58, 00-59, 00-60 based on leap second rules"; POSIX time (and so every
  // instant in aozora, ms since 1970 without leap seconds) has none, so :60 is refused instead
  // of rolling over into the next minute as Date.UTC would.
  it("is refused, not rolled over", () => {
    expect(parseTimestamp("2016-12-31T23:59:60Z", "iso", undefined)).toBeNull();
    expect(parseTimestamp("2016-12-31T23:59:59Z", "iso", undefined)?.utcMs).toBe(Date.UTC(2016, 11, 31, 23, 59, 59));
    const e = thrown(() =>
      readMonitoringTable(csv("time,PM2.5 (µg/m3)\n2016-12-31T23:59:59Z,1\n2016-12-31T23:59:60Z,2\n")),
    );
    expect(e.row).toBe(3);
    expect(e.found).toBe("2016-12-31T23:59:60Z");
  });
});
