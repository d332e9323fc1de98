/**
 * Turning one cell's text into a number, with missing-value codes and below-detection markers.
 * The result says what happened so the reader can account for it.
 */
import { foldFullWidth } from "../table/time";
import type { CellChange } from "./account";
import { AozoraInputError } from "./errors";

/** Default missing-value codes (compared after trimming, case-insensitive). */
export const DEFAULT_MISSING_CODES: readonly string[] = [
  "",
  "NA",
  "N/A",
  "N/D",
  "NaN",
  "null",
  "#N/A",
  "-",
  "--",
  "—",
  "-999",
  "-999.0",
  "-9999",
  "-9999.0",
  "欠測",
  "缺测",
  "缺測",
];

/** Markers for "not detected" without a number. */
const ND_MARKERS = new Set(["nd", "n.d.", "bdl", "<dl", "<mdl", "不検出", "未検出", "未检出", "検出下限未満"]);

/**
 * What a below-detection cell becomes:
 * - `half-limit`: DL/2 (the EPA PMF convention for values below MDL; default)
 * - `limit`: DL
 * - `zero`: 0
 * - `missing`: NaN
 * `ND` without a limit always becomes NaN (no number to use), and is accounted for.
 */
export type BelowDetectionPolicy = "half-limit" | "limit" | "zero" | "missing";

export type CellParse =
  | { kind: "number"; value: number }
  | { kind: "missing"; value: number }
  | { kind: "below-detection"; value: number; limit?: number }
  | { kind: "invalid"; reason: string };

/** Compile the missing-code list into a lookup set. */
export function missingCodeSet(codes: readonly string[] = DEFAULT_MISSING_CODES): Set<string> {
  return new Set(codes.map((c) => c.trim().toLowerCase()));
}

const numericCodes = new WeakMap<Set<string>, readonly number[]>();

/**
 * The values of the missing codes in `missing` that are numbers (`-999`, `-9999`). A numeric
 * cell is a missing code when its value equals one of them, however it is written (`-999.00`,
 * `-9999.000`, `-9.99e2`): codes are matched by value, not by text (issue #20).
 */
export function missingCodeValues(missing: Set<string>): readonly number[] {
  let v = numericCodes.get(missing);
  if (v === undefined) {
    v = [...missing]
      .map((c) => parsePlainNumber(foldFullWidth(c)))
      .filter((x): x is number => x !== undefined && Number.isFinite(x));
    numericCodes.set(missing, v);
  }
  return v;
}

/** The `reason` of a {@link CellParse} for a number that is not finite (`1e309`, `Infinity`). */
export const NON_FINITE = "a finite number";

const RE_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Parse a plain number (no thousands separators; a decimal comma is not accepted). */
export function parsePlainNumber(t: string): number | undefined {
  const s = t.trim();
  if (!RE_NUMBER.test(s)) return undefined;
  return Number(s);
}

/** Powers of ten that are exact doubles (10^0 … 10^22). */
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/**
 * The number in a cell written as a plain ASCII decimal (`12.5`, `-3`, `.5`, `1e-3`; no spaces),
 * or `undefined` for anything else. A quick check before the full {@link parseCell}: such text
 * is unchanged by full-width folding and trimming, so both give the same number. With at most 15
 * digits and no exponent the value is digits / 10^decimals, both exact doubles, so the one
 * division is correctly rounded and equals `Number(text)` (Clinger 1990, "How to read floating
 * point numbers accurately", the fast path); other text goes through `Number`.
 */
export function plainAsciiNumber(t: string): number | undefined {
  const n = t.length;
  let i = 0;
  let c = n > 0 ? t.charCodeAt(0) : 0;
  let neg = false;
  if (c === 43 || c === 45) {
    neg = c === 45;
    c = t.charCodeAt(++i);
  } // + -
  let digits = 0,
    frac = 0,
    m = 0;
  while (c >= 48 && c <= 57) {
    m = m * 10 + (c - 48);
    digits++;
    c = t.charCodeAt(++i);
  }
  if (c === 46) {
    // .
    c = t.charCodeAt(++i);
    while (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      frac++;
      c = t.charCodeAt(++i);
    }
  }
  if (digits === 0) return undefined;
  if (c === 101 || c === 69) {
    // e E
    c = t.charCodeAt(++i);
    if (c === 43 || c === 45) c = t.charCodeAt(++i);
    let e = 0;
    while (c >= 48 && c <= 57) {
      e++;
      c = t.charCodeAt(++i);
    }
    if (e === 0 || i !== n) return undefined;
    return Number(t);
  }
  if (i !== n) return undefined;
  if (digits > 15) return Number(t);
  const v = frac === 0 ? m : m / POW10[frac];
  return neg ? -v : v;
}

/**
 * Parse one cell. Full-width ASCII forms (`１２．５`, `＜０．１`, `ＮＤ`) are folded to ASCII first;
 * nothing else is folded, so `5²` or `½` are invalid rather than read as `52` or `1⁄2` (Unicode
 * NFKC would change their value). A number equal in value to a numeric missing code (`-999.00`
 * for `-999`) is missing ({@link missingCodeValues}).
 */
export function parseCell(text: string, missing: Set<string>, policy: BelowDetectionPolicy): CellParse {
  const quick = plainAsciiNumber(text);
  if (quick !== undefined && !missing.has(text.toLowerCase()) && !missingCodeValues(missing).includes(quick)) {
    return Number.isFinite(quick) ? { kind: "number", value: quick } : { kind: "invalid", reason: "a finite number" };
  }
  const t = foldFullWidth(text).trim();
  if (missing.has(t.toLowerCase())) return { kind: "missing", value: NaN };
  const n = parsePlainNumber(t);
  if (n !== undefined) {
    if (!Number.isFinite(n)) return { kind: "invalid", reason: NON_FINITE };
    if (missingCodeValues(missing).includes(n)) return { kind: "missing", value: NaN };
    return { kind: "number", value: n };
  }
  if (ND_MARKERS.has(t.toLowerCase())) return { kind: "below-detection", value: NaN };
  const m = /^<\s*(.+)$/.exec(t);
  if (m) {
    const limit = parsePlainNumber(m[1]);
    if (limit === undefined || !Number.isFinite(limit) || limit < 0)
      return { kind: "invalid", reason: "a detection limit after '<' (e.g. <0.05)" };
    const value = policy === "half-limit" ? limit / 2 : policy === "limit" ? limit : policy === "zero" ? 0 : NaN;
    return { kind: "below-detection", value, limit };
  }
  if (/^[+-]?(inf|infinity)$/i.test(t)) return { kind: "invalid", reason: NON_FINITE };
  return { kind: "invalid", reason: "a number, a missing-value code or a below-detection marker (<DL, ND)" };
}

/**
 * Read a cell of a column that holds numbers or missing codes only (no below-detection markers):
 * the number, or NaN for a missing code with a `missing-code` entry in `changes` (the account's
 * cell changes). A column index j < 0 (an optional column the file lacks) gives NaN.
 * @param file the file, for the error message
 * @param header the header cells (the column name in messages and in the account)
 * @param changes the account's cell changes, appended to
 * @param r the record: its 1-based file row and its fields
 * @param j the column index (or −1)
 * @param missing the missing-value codes ({@link missingCodeSet})
 * @param expected what the message says the cell should hold
 * @throws {AozoraInputError} when the cell is not a number or a missing code (a `<DL`/ND marker included)
 */
export function numberOrMissingCell(
  file: string,
  header: readonly string[],
  changes: CellChange[],
  r: { row: number; fields: string[] },
  j: number,
  missing: Set<string>,
  expected: string,
): number {
  if (j < 0) return NaN;
  const c = parseCell(r.fields[j], missing, "missing");
  if (c.kind === "invalid" || c.kind === "below-detection")
    throw new AozoraInputError({
      file,
      row: r.row,
      column: header[j],
      columnNumber: j + 1,
      expected,
      found: r.fields[j],
    });
  if (c.kind === "missing")
    changes.push({ row: r.row, column: header[j], original: r.fields[j], value: NaN, reason: "missing-code" });
  return c.value;
}
