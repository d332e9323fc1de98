/**
 * Issue #20: a PMF uncertainty of 1e-320 gave Q = NaN and exit 0. Uncertainties that are not
 * positive numbers of at least PMF_MIN_UNCERTAINTY (1e-100) are refused with the cell named, by
 * the reader (file, row, column), by preparePmfInput (species, sample) and by the engine
 * (RangeError naming sample and species). The corpus cases pmf-subnormal-unc, pmf-zero-unc and
 * pmf-below-floor-unc (manifest.json) hold the same files.
 */
import { describe, expect, it } from "vitest";
import { AozoraInputError } from "../../src/io/errors";
import { PMF_MIN_UNCERTAINTY, readEpaPmf } from "../../src/sourceapport/read-epapmf";
import { preparePmfInput } from "../../src/sourceapport/prepare";
import { runPmfSync } from "../../src/sourceapport/solver";

const CON = "date,SO4,NO3\n1/13/2025,3.1,1.2\n1/14/2025,2.5,1.0\n1/15/2025,4.0,1.0\n";
const unc = (cell: string) => `date,SO4,NO3\n1/13/2025,0.31,0.12\n1/14/2025,0.25,${cell}\n1/15/2025,0.4,0.1\n`;
const read = (cell: string) =>
  readEpaPmf({ name: "c.csv", text: CON }, { name: "u.csv", text: unc(cell) }, { unit: "µg/m3", utcOffset: "-06:00" });

describe("PMF uncertainties: normal positive numbers above the floor", () => {
  it("the floor is 1e-100: 1/s² ≤ 1e200, while 1e-320 (subnormal) gives 1/s² = Infinity", () => {
    expect(PMF_MIN_UNCERTAINTY).toBe(1e-100);
    expect(1 / (1e-320 * 1e-320)).toBe(Infinity); // why Q was NaN: Infinity · 0 residual
    expect(Number.isFinite(1 / (1e-100 * 1e-100))).toBe(true);
  });

  for (const cell of ["1e-320", "5e-324", "0", "-0", "-0.2", "9.99e-101"]) {
    it(`reader: ${cell} is refused at row 3, column NO3`, () => {
      let e: unknown;
      try {
        read(cell);
      } catch (x) {
        e = x;
      }
      expect(e).toBeInstanceOf(AozoraInputError);
      const err = e as AozoraInputError;
      expect([err.file, err.row, err.column, err.columnNumber, err.found]).toEqual(["u.csv", 3, "NO3", 3, cell]);
      expect(err.expected).toMatch(/^a positive uncertainty of at least 1e-100/);
    });
  }

  it("reader: the floor itself (1e-100) and NaN (a missing code, accounted) are accepted", () => {
    expect(read("1e-100").s[1 * 2 + 1]).toBe(1e-100);
    const d = read("NaN");
    expect(d.s[3]).toBeNaN();
    expect(d.accounts.uncertainty.cellChanges).toEqual([
      expect.objectContaining({ row: 3, column: "NO3", original: "NaN", reason: "missing-code" }),
    ]);
  });

  const data = (s2: number) => ({
    x: Float64Array.from([3.1, 1.2, 2.5, 1.0, 4.0, 1.0]),
    s: Float64Array.from([0.31, 0.12, 0.25, s2, 0.4, 0.1]),
    n: 3,
    m: 2,
    species: ["SO4", "NO3"],
    samples: ["a", "b", "c"],
    units: "µg/m3",
  });

  it("preparePmfInput refuses 1e-320 and Infinity, naming the species and the sample", () => {
    for (const v of [1e-320, Infinity]) {
      let e: unknown;
      try {
        preparePmfInput(data(v));
      } catch (x) {
        e = x;
      }
      expect(e).toBeInstanceOf(AozoraInputError);
      expect((e as AozoraInputError).column).toBe("NO3");
      expect((e as AozoraInputError).expected).toBe(
        'a positive uncertainty, finite and at least 1e-100 (sample 1, "b")',
      );
    }
  });

  it("the engine refuses an input whose uncertainty is 1e-320 with a RangeError, before any run", () => {
    const input = preparePmfInput(data(0.1));
    input.s[3] = 1e-320; // as a caller building PmfInput by hand could
    expect(() => runPmfSync(input, { factors: 1, runs: 1 })).toThrow(
      new RangeError('uncertainty of sample 1 ("b"), species "NO3" must be finite and at least 1e-100, got 1e-320'),
    );
  });
});
