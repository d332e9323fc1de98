/**
 * Issue #20: HYSPLIT fixed-width fields are checked against their Fortran edit descriptors and
 * ranges (HYSPLIT4 User's Guide, "Trajectory endpoints file format": records 2 `A8,5I6`, 4
 * `4I6,2F9.3,F8.1`, 6 `8I6,F8.1,2F9.3,F8.1,n(1X,F8.1)`; HYSPLIT writes the height as 1X,F8.1).
 * Corpus files for the same classes: hysplit/start-*.tdump, met-grid-month-13.tdump, cut-pressure.tdump.
 */
import { describe, expect, it } from "vitest";
import { AozoraInputError } from "../../src/io/errors";
import { readHysplit } from "../../src/trajectory/read-hysplit";

const i6 = (n: number) => String(n).padStart(6);
const f = (x: number, w: number, d: number) => x.toFixed(d).padStart(w);
const HEAD = [
  `${i6(1)}${i6(1)}`,
  `    GDAS${i6(25)}${i6(1)}${i6(2)}${i6(3)}${i6(0)}`,
  `${i6(1)} BACKWARD OMEGA`,
  `${i6(25)}${i6(1)}${i6(2)}${i6(3)}${f(33.88, 9, 3)}${f(130.88, 9, 3)}${f(500, 8, 1)}`,
  `${i6(1)} PRESSURE`,
];
// 8·6 + 8 + 9 + 9 + 9 + 9 = 92 characters
const E1 =
  [1, 1, 25, 1, 2, 3, 0, 0].map(i6).join("") +
  f(0, 8, 1) +
  f(33.88, 9, 3) +
  f(130.88, 9, 3) +
  f(500, 9, 1) +
  f(954.7, 9, 1);

function err(lines: string[]): AozoraInputError {
  try {
    readHysplit({ name: "t.tdump", text: lines.join("\n") + "\n" });
  } catch (e) {
    expect(e).toBeInstanceOf(AozoraInputError);
    return e as AozoraInputError;
  }
  throw new Error("expected an AozoraInputError");
}

describe("HYSPLIT fields: width, form and range", () => {
  it("the well-formed file reads: start 25-01-02 03 UTC, pressure 954.7 hPa", () => {
    expect(E1.length).toBe(92);
    const h = readHysplit({ name: "t.tdump", text: [...HEAD, E1].join("\n") + "\n" });
    expect(h.starts).toEqual([{ time: Date.UTC(2025, 0, 2, 3), lat: 33.88, lon: 130.88, height: 500 }]);
    expect(Array.from(h.endpoints.numbers("PRESSURE"))).toEqual([954.7]);
    expect(h.metGrids).toEqual([{ model: "GDAS", time: Date.UTC(2025, 0, 2, 3) }]);
  });

  it("an endpoint line cut inside the pressure field (954.1 → 9) is an error, not 9 hPa", () => {
    for (const cut of [1, 4, 8]) {
      const e = err([...HEAD, E1.slice(0, 92 - cut)]);
      expect([e.row, e.expected, e.found]).toEqual([
        6,
        "an endpoint line of 92 characters (1 diagnostic variable)",
        `${92 - cut} characters`,
      ]);
    }
  });

  it("a field with the wrong number of decimals, or shifted by a character, names the field", () => {
    // lat written F9.2 instead of F9.3: "    33.88" in the lat columns
    const lat2 = E1.slice(0, 56) + f(33.88, 9, 2) + E1.slice(65);
    let e = err([...HEAD, lat2]);
    expect([e.row, e.column, e.found]).toEqual([6, "lat", "    33.88"]);
    expect(e.expected).toBe("a number with 3 decimals right-justified in 9 characters (F9.3)");
    // one character lost before the age: every later field shifts left and the line is one short
    e = err([...HEAD, E1.slice(0, 47) + E1.slice(48) + " "]);
    expect(e.row).toBe(6);
    expect(e.column).toBe("forecast hour");
    // a height written with 3 decimals in its 9 characters (1X,F8.1 expected)
    e = err([...HEAD, E1.slice(0, 74) + "  500.000" + "    954.7"]);
    expect([e.column, e.found]).toEqual(["height", "  500.000"]);
  });

  it("the starting-point block: month 13, hour 24, day 0 and latitude 95 are refused, never rolled over", () => {
    const start = (y: number, mo: number, d: number, h: number, lat = 33.88) =>
      `${i6(y)}${i6(mo)}${i6(d)}${i6(h)}${f(lat, 9, 3)}${f(130.88, 9, 3)}${f(500, 8, 1)}`;
    const cases: [string, string, string, string][] = [
      [start(25, 13, 2, 3), "start month", "a month 1–12", "    13"],
      [start(25, 1, 2, 24), "start hour", "an hour 0–23", "    24"],
      [start(25, 1, 0, 3), "start day", "a day 1–31", "     0"],
      [start(24, 2, 30, 3), "start day", "a day 1–29 of month 2", "    30"], // 2024 is a leap year: 29 days
      [start(25, 1, 2, 3, 95), "start lat", "a latitude within ±90 and a longitude within ±360", "   95.000   130.880"],
    ];
    for (const [line, column, expected, found] of cases) {
      const e = err([...HEAD.slice(0, 3), line, HEAD[4], E1]);
      expect([e.row, e.column, e.expected, e.found]).toEqual([4, column, expected, found]);
    }
    // a start line cut short
    const e = err([...HEAD.slice(0, 3), start(25, 1, 2, 3).slice(0, 45), HEAD[4], E1]);
    expect([e.row, e.found]).toEqual([4, "45 characters"]);
  });

  it("met grid dates, grid numbers and the direction are checked", () => {
    let e = err([HEAD[0], `    GDAS${i6(25)}${i6(1)}${i6(2)}${i6(25)}${i6(0)}`, ...HEAD.slice(2), E1]);
    expect([e.row, e.column, e.expected]).toEqual([2, "met grid hour", "an hour 0–23"]);
    e = err([...HEAD, E1.slice(0, 6) + i6(2) + E1.slice(12)]);
    expect([e.row, e.column, e.expected]).toEqual([6, "grid", "a met grid number 1..1"]);
    e = err([HEAD[0], HEAD[1], `${i6(1)} SIDEWAYS OMEGA`, ...HEAD.slice(3), E1]);
    expect([e.row, e.column, e.expected, e.found]).toEqual([3, "direction", "BACKWARD or FORWARD", "SIDEWAYS"]);
  });
});
