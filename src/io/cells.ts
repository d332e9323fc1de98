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

/**
 * What a cell became. `numberLike` marks invalid text that is a number in some writing (a
 * non-finite value, a decimal comma, thousands separators): a column of such cells is a numeric
 * column with errors, never a text column.
 */
export type CellParse =
  | { kind: "number"; value: number }
  | { kind: "missing"; value: number }
  | { kind: "below-detection"; value: number; limit?: number }
  | { kind: "invalid"; reason: string; numberLike?: boolean };

/**
 * How numbers are written in a file, for European and other exports (issue #20):
 * - `decimal`: the decimal mark, `"."` (default) or `","` (`12,5` = 12.5).
 * - `thousands`: a digit-group separator, `","`, `"."`, `" "` (also no-break space U+00A0 and
 *   narrow no-break space U+202F, as French exports write) or `"'"` (Swiss); groups must be of
 *   three digits (`1,234,567`), else the cell is an error. Default: none.
 * Without them, a cell such as `12,5`, `1,234` or `1 234` is an error naming the option to pass,
 * never text. With `decimal: ","` a cell with a decimal point (`12.5`) is an error unless
 * `thousands: "."` makes the point a group separator.
 */
export interface NumberFormat {
  decimal?: "." | ",";
  thousands?: "," | "." | " " | "'";
}

/**
 * Check a {@link NumberFormat}.
 *
 * @throws {RangeError} for a decimal mark other than "." or ",", a thousands separator other than
 *   ",", ".", " " or "'", or the same character for both.
 */
export function checkNumberFormat(f: NumberFormat): void {
  if (f.decimal !== undefined && f.decimal !== "." && f.decimal !== ",")
    throw new RangeError(`decimal must be "." or ",", got ${JSON.stringify(f.decimal)}`);
  if (f.thousands !== undefined && ![",", ".", " ", "'"].includes(f.thousands))
    throw new RangeError(`thousands must be ",", ".", " " or "'", got ${JSON.stringify(f.thousands)}`);
  if (f.thousands !== undefined && f.thousands === (f.decimal ?? "."))
    throw new RangeError(`decimal and thousands must differ, both are ${JSON.stringify(f.thousands)}`);
}

const escapeRe = (c: string) => c.replace(/[.\\^$*+?()[\]{}|]/g, "\\$&");
const localNumberRes = new Map<string, RegExp>();

/**
 * The plain form (`1234.5`) of number text written with `fmt`'s decimal mark and thousands
 * separator (`1.234,5` with `{ decimal: ",", thousands: "." }`), or `undefined` if the text is
 * not such a number. Only called when `fmt` differs from the plain writing.
 */
function localToPlain(t: string, fmt: NumberFormat): string | undefined {
  const dec = fmt.decimal ?? ".";
  const th = fmt.thousands;
  const key = dec + (th ?? "");
  let re = localNumberRes.get(key);
  if (re === undefined) {
    const sep = th === undefined ? undefined : th === " " ? "[ \u00a0\u202f]" : escapeRe(th);
    const int = sep === undefined ? "\\d+" : `(?:\\d{1,3}(?:${sep}\\d{3})+|\\d+)`;
    re = new RegExp(`^([+-]?)(${int})(?:${escapeRe(dec)}(\\d*))?([eE][+-]?\\d+)?$`);
    localNumberRes.set(key, re);
  }
  const m = re.exec(t);
  if (!m) return undefined;
  const intDigits = th === undefined ? m[2] : m[2].replace(/[^0-9]/g, "");
  if (m[3] === undefined) return m[1] + intDigits + (m[4] ?? "");
  return m[1] + intDigits + "." + m[3] + (m[4] ?? "");
}

/**
 * Why plain-number text that failed to parse looks like a number written with a decimal comma or
 * digit-group separators (`12,5`, `1,234`, `1 234`, `1'234.5`), naming the option to pass;
 * `undefined` when it does not.
 */
function separatorHint(t: string): string | undefined {
  if (/^[+-]?\d+,\d+([eE][+-]?\d+)?$/.test(t)) {
    if (/^[+-]?\d{1,3}(,\d{3})+$/.test(t))
      return `a plain number: "${t}" looks like a decimal comma or a thousands separator; pass decimal: "," or thousands: ","`;
    return `a plain number: "${t}" looks like a decimal comma; pass decimal: ","`;
  }
  if (/^[+-]?\d{1,3}(\.\d{3})+,\d+$/.test(t))
    return `a plain number: "${t}" looks like a decimal comma with "." between digit groups; pass decimal: "," and thousands: "."`;
  const m = /^[+-]?\d{1,3}([, '\u00a0\u202f])\d{3}(\1\d{3})*(\.\d+)?$/.exec(t);
  if (m) {
    const sep = m[1] === "\u00a0" || m[1] === "\u202f" ? " " : m[1];
    return `a plain number: "${t}" looks like thousands separators; pass thousands: "${sep}"`;
  }
  return undefined;
}

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

/**
 * Powers of ten that are exact doubles (10^0 … 10^22), for the fast paths of the number readers
 * (Clinger 1990: with a mantissa of at most 15 digits, mantissa / 10^k is one correctly rounded
 * division of two exact doubles).
 */
const POW10: Float64Array = Float64Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

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
 * {@link plainAsciiNumber} of the bytes `b[a, end)` (ASCII text), without making a string for the
 * common case: the same grammar and the same value ({@link plainNumberAt} on a copy of the bytes
 * with a stop byte after them). `undefined` for anything that is not a plain ASCII decimal.
 */
export function plainAsciiNumberBytes(b: Uint8Array, a: number, end: number): number | undefined {
  const copy = new Uint8Array(end - a + 1);
  copy.set(b.subarray(a, end));
  const v = plainNumberAt(copy, 0, prefixEnd);
  return prefixEnd.end === end - a ? v : undefined;
}

const prefixEnd = { end: 0 };

/**
 * The plain ASCII decimal ({@link plainAsciiNumber}'s grammar: `[+-]digits[.digits]`,
 * `[+-].digits`, an optional exponent) that starts at `b[a]` and ends before the first byte that
 * cannot continue it; `out.end` is set to that end. `b` must hold such a byte after the number
 * (the byte reader's bytes end in a line end): no bounds are checked. At most 15 digits and no
 * exponent: digits / 10^decimals, both exact doubles, so the one division is correctly rounded
 * (Clinger 1990, "How to read floating point numbers accurately", the fast path) and equals
 * `Number` of the text; otherwise `Number` of the text. `undefined` when no digit starts there
 * or an exponent has no digits. The byte reader scans a field with it: the field is a plain
 * number when `out.end` is the field's end.
 */
export function plainNumberAt(b: Uint8Array, a: number, out: { end: number }): number | undefined {
  let i = a;
  let c = b[i];
  let neg = false;
  if (c === 43 || c === 45) {
    neg = c === 45;
    c = b[++i];
  }
  let digits = 0,
    frac = 0,
    m = 0;
  while (c >= 48 && c <= 57) {
    m = m * 10 + (c - 48);
    digits++;
    c = b[++i];
  }
  if (c === 46) {
    c = b[++i];
    while (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      frac++;
      c = b[++i];
    }
  }
  out.end = i;
  if (digits === 0) return undefined;
  if (c === 101 || c === 69) return exponentTail(b, a, i + 1, out);
  if (digits > 15) return Number(latin1(b, a, i));
  const v = frac === 0 ? m : m / POW10[frac];
  return neg ? -v : v;
}

/** The exponent digits of {@link plainNumberAt}'s number from `b[i]` (after the `e`), and its value by `Number`. */
function exponentTail(b: Uint8Array, a: number, i: number, out: { end: number }): number | undefined {
  let c = b[i];
  if (c === 43 || c === 45) c = b[++i];
  let e = 0;
  while (c >= 48 && c <= 57) {
    e++;
    c = b[++i];
  }
  out.end = i;
  return e === 0 ? undefined : Number(latin1(b, a, i));
}

/** ASCII bytes as text. */
function latin1(b: Uint8Array, a: number, end: number): string {
  return String.fromCharCode.apply(null, b.subarray(a, end) as unknown as number[]);
}

/**
 * Parse one cell. Full-width ASCII forms (`１２．５`, `＜０．１`, `ＮＤ`) are folded to ASCII first;
 * nothing else is folded, so `5²` or `½` are invalid rather than read as `52` or `1⁄2` (Unicode
 * NFKC would change their value). A number equal in value to a numeric missing code (`-999.00`
 * for `-999`) is missing ({@link missingCodeValues}).
 *
 * @param fmt the file's decimal mark and digit-group separator ({@link NumberFormat}; default
 *   plain `12.5`). Text that is a number in another writing than `fmt` (`12,5` by default, `12.5`
 *   with `decimal: ","`) is invalid with `numberLike` set and a reason naming the option to pass.
 */
export function parseCell(
  text: string,
  missing: Set<string>,
  policy: BelowDetectionPolicy,
  fmt: NumberFormat = {},
): CellParse {
  const local = (fmt.decimal ?? ".") !== "." || fmt.thousands !== undefined;
  const quick = local ? undefined : plainAsciiNumber(text);
  if (quick !== undefined && !missing.has(text.toLowerCase()) && !missingCodeValues(missing).includes(quick)) {
    return Number.isFinite(quick)
      ? { kind: "number", value: quick }
      : { kind: "invalid", reason: NON_FINITE, numberLike: true };
  }
  const t = foldFullWidth(text).trim();
  if (missing.has(t.toLowerCase())) return { kind: "missing", value: NaN };
  const readNumber = (x: string): number | undefined => {
    if (!local) return parsePlainNumber(x);
    const plain = localToPlain(x.trim(), fmt);
    return plain === undefined ? undefined : Number(plain);
  };
  const n = readNumber(t);
  if (local) {
    if (n === undefined && parsePlainNumber(t) !== undefined)
      return {
        kind: "invalid",
        reason: `a number written with decimal "${fmt.decimal ?? "."}"${fmt.thousands === undefined ? "" : ` and thousands "${fmt.thousands}"`} (options decimal, thousands)`,
        numberLike: true,
      };
  }
  if (n !== undefined) {
    if (!Number.isFinite(n)) return { kind: "invalid", reason: NON_FINITE, numberLike: true };
    if (missingCodeValues(missing).includes(n)) return { kind: "missing", value: NaN };
    return { kind: "number", value: n };
  }
  if (ND_MARKERS.has(t.toLowerCase())) return { kind: "below-detection", value: NaN };
  const m = /^<\s*(.+)$/.exec(t);
  if (m) {
    const limit = readNumber(m[1]);
    if (limit === undefined || !Number.isFinite(limit) || limit < 0)
      return { kind: "invalid", reason: "a detection limit after '<' (e.g. <0.05)" };
    const value = policy === "half-limit" ? limit / 2 : policy === "limit" ? limit : policy === "zero" ? 0 : NaN;
    return { kind: "below-detection", value, limit };
  }
  if (/^[+-]?(inf|infinity)$/i.test(t)) return { kind: "invalid", reason: NON_FINITE, numberLike: true };
  if (local) {
    const other = localToPlain(t, {});
    // digit groups not of three digits (`12,50,0` with thousands ",") are a number written wrongly, not text
    const th =
      fmt.thousands === undefined ? undefined : fmt.thousands === " " ? "[ \u00a0\u202f]" : escapeRe(fmt.thousands);
    const badGroups =
      th !== undefined && new RegExp(`^[+-]?\\d+(${th}\\d+)+(${escapeRe(fmt.decimal ?? ".")}\\d+)?$`).test(t);
    if (badGroups || (other === undefined && separatorHint(t) !== undefined))
      return {
        kind: "invalid",
        reason: `a number written with decimal "${fmt.decimal ?? "."}"${fmt.thousands === undefined ? "" : ` and thousands "${fmt.thousands}"`} (options decimal, thousands)`,
        numberLike: true,
      };
  } else {
    const hint = separatorHint(t);
    if (hint !== undefined) return { kind: "invalid", reason: hint, numberLike: true };
  }
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
