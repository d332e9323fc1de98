import type { TextEncodingName } from "../io/decode";
import { parseOffset } from "../table/time";
import type { NumberOption, OptionValues, StringOption } from "./options";

/**
 * The input options shared by every verb that reads files (issue #15 item 3, issue #17): one
 * spec and one meaning each. A verb lists only those its reader honours (an option that would do
 * nothing is never accepted).
 */

/** Text encodings the readers decode (`decodeText`); UTF-16 needs its byte-order mark. */
export const ENCODINGS: readonly TextEncodingName[] = [
  "utf-8",
  "shift_jis",
  "euc-jp",
  "gbk",
  "gb18030",
  "big5",
  "utf-16",
  "utf-16le",
];

/** `--encoding`: text encoding of CSV/TSV inputs. */
export const encodingOption: StringOption = {
  type: "string",
  choices: ENCODINGS,
  value: "NAME",
  help: `text encoding of CSV/TSV input: ${ENCODINGS.join(", ")} (a byte-order mark wins; default utf-8)`,
};

/**
 * A required input-file option (`F`, checked to be an existing file before the verb runs).
 *
 * @param help what the file holds.
 */
export function requiredFileOption(help: string): StringOption {
  return { type: "string", value: "F", required: true, fs: "input-file", help };
}

/**
 * `--seed`: the seed of a verb's random routine (an integer 0 … 2^32 − 1, default 1); a value
 * outside that range is refused, never wrapped.
 */
export const seedOption: NumberOption = {
  type: "number",
  integer: true,
  min: 0,
  max: 4294967295,
  default: 1,
  value: "S",
  help: "random seed (never wrapped modulo 2^32)",
};

/** `--sheet`: worksheet of an .xlsx input. */
export const sheetOption: StringOption = {
  type: "string",
  value: "NAME",
  help: "worksheet of an .xlsx input (default: the first sheet)",
};

/** `--decimal`: the decimal mark of numbers in CSV/TSV input (monitoring readers' `decimal` option). */
export const decimalOption: StringOption = {
  type: "string",
  choices: [".", ","],
  value: "MARK",
  help: 'decimal mark of numbers in CSV/TSV input: "." (default) or "," (European exports, e.g. 12,5 in a ;-separated file)',
};

/** `--thousands`: the digit-group separator of numbers in CSV/TSV input (`thousands` option). */
export const thousandsOption: StringOption = {
  type: "string",
  choices: [",", ".", "space", "'"],
  value: "SEP",
  help: 'thousands separator of numbers in CSV/TSV input: ",", ".", space or "\'" (default: none; 1,234 is refused)',
};

/**
 * The number-format options (`--decimal`, `--thousands`) given on the command line, as the
 * monitoring readers' `decimal` / `thousands` options; absent options are left out.
 *
 * @param v parsed option values.
 */
export function numberFormatOf(v: OptionValues): { decimal?: "." | ","; thousands?: "," | "." | " " | "'" } {
  return {
    ...(typeof v.decimal === "string" ? { decimal: v.decimal as "." | "," } : {}),
    ...(typeof v.thousands === "string"
      ? { thousands: (v.thousands === "space" ? " " : v.thousands) as "," | "." | " " | "'" }
      : {}),
  };
}

/** Expected-text of a bad `--utc-offset`, or undefined when `text` is an offset `parseOffset` accepts. */
function checkOffset(text: string): string | undefined {
  try {
    parseOffset(text);
    return undefined;
  } catch {
    return "a UTC offset such as +08:00, -05:00, +0530, CN or JP (within ±14 h)";
  }
}

/**
 * `--utc-offset`: the site's (or instrument clock's) UTC offset for local timestamps.
 *
 * @param help what the offset applies to in this verb.
 * @param dflt the verb's default, if it has one.
 */
export function utcOffsetOption(help: string, dflt?: string): StringOption {
  return { type: "string", value: "±HH:MM", help, validate: checkOffset, ...(dflt ? { default: dflt } : {}) };
}

/** `--hour-label`: which end of the hour a timestamp marks. */
export const hourLabelOption: StringOption = {
  type: "string",
  choices: ["start", "end"],
  default: "start",
  help: "which end of the averaging hour the file's timestamps mark",
};

/** `--units`: unit for numeric columns whose header has none, plus per-column overrides. */
export const unitsOption: StringOption = {
  type: "string",
  value: "U[,COL=U...]",
  help: 'units of numeric columns without a unit in the header, with per-column overrides ("µg/m3,CO=mg/m3")',
  validate: (t) => {
    try {
      monitoringUnitsOf(t);
      return undefined;
    } catch (e) {
      return `a unit and/or COLUMN=UNIT pairs separated by commas (e.g. "µg/m3,CO=mg/m3"); ${(e as Error).message}`;
    }
  },
};

/**
 * The options of a verb that reads a monitoring table (`readMonitoringTable`), in help order:
 * `--units`, `--encoding`, `--sheet`, `--decimal`, `--thousands`.
 */
export const monitoringInputOptions = {
  units: unitsOption,
  encoding: encodingOption,
  sheet: sheetOption,
  decimal: decimalOption,
  thousands: thousandsOption,
} as const;

/**
 * Parse `--units "µg/m3,CO=mg/m3"`: a bare unit is the default for unit-less numeric columns,
 * `COLUMN=UNIT` overrides one column (header text as in the file, or its normalised name).
 *
 * @param text the option value.
 * @returns `defaultUnit` and `units` for `readMonitoringTable`.
 * @throws {RangeError} naming the bad item (1-based, as written): an empty item, a second bare
 *   unit, a pair with an empty side, a column given twice, or a unit with `=` or quotes in it.
 */
export function monitoringUnitsOf(text: string): { defaultUnit?: string; units?: Record<string, string> } {
  let defaultUnit: string | undefined;
  const units: Record<string, string> = {};
  const items = text.split(",");
  items.forEach((raw, k) => {
    const item = raw.trim();
    const where = `item ${k + 1} ${JSON.stringify(raw)}`;
    if (item === "") throw new RangeError(`${where} is empty`);
    const eq = item.indexOf("=");
    if (eq < 0) {
      if (defaultUnit !== undefined)
        throw new RangeError(
          `${where} is a second default unit (the first is "${defaultUnit}"; overrides are COLUMN=UNIT)`,
        );
      checkUnitText(item, where);
      defaultUnit = item;
      return;
    }
    const col = item.slice(0, eq).trim(),
      unit = item.slice(eq + 1).trim();
    if (col === "") throw new RangeError(`${where} has no column before "="`);
    if (unit === "") throw new RangeError(`${where} has no unit after "="`);
    checkUnitText(unit, where);
    if (Object.prototype.hasOwnProperty.call(units, col))
      throw new RangeError(`${where} gives column "${col}" a second unit`);
    units[col] = unit;
  });
  return { ...(defaultUnit !== undefined ? { defaultUnit } : {}), ...(Object.keys(units).length ? { units } : {}) };
}

/** A unit is short text without `=` or quotes (`µg/m3`, `mg/m3`, `ppb`, `°C`, `%`, `1`). */
function checkUnitText(unit: string, where: string): void {
  if (unit.length > 20 || /[="']/.test(unit))
    throw new RangeError(`${where}: "${unit}" is not a unit (short text without "=" or quotes)`);
}

/**
 * The grid options (`encoding`, `sheet`) given on the command line, for the readers that take
 * `GridOptions`; absent options are left out (the reader's defaults apply).
 *
 * @param v parsed option values.
 */
export function gridOptionsOf(v: OptionValues): { encoding?: TextEncodingName; sheet?: string } {
  return {
    ...(typeof v.encoding === "string" ? { encoding: v.encoding as TextEncodingName } : {}),
    ...(typeof v.sheet === "string" ? { sheet: v.sheet } : {}),
  };
}
