import type { ReadAccount } from "../io/account";
import { decodeText, type TextEncodingName } from "../io/decode";
import { detectDelimiter, parseDelimited } from "../io/delimited";
import { AozoraInputError } from "../io/errors";
import { readGrid } from "../io/grid";
import { readMonitoringTable, timeColumnIndex } from "../io/monitoring";
import { loadBytes } from "../io/source";
import { readXact, type XactRead } from "../metals/read-xact";
import { isCnemcHeader, readCnemcDaily } from "../network/read-cnemc";
import type { HourLabel } from "../models/ozone/hourgrid";
import type { AqTable } from "../table/table";
import {
  decimalOption,
  encodingOption,
  hourLabelOption,
  monitoringUnitsOf,
  numberFormatOf,
  sheetOption,
  thousandsOption,
  unitsOption,
  utcOffsetOption,
} from "./common";
import { CliUsageError, type OptionSpecs, type OptionValues, type StringOption } from "./options";

/**
 * One home for reading the input file of every CLI verb that reads a monitoring or time-series
 * file (issue #17 item 3): `--kind` (detected from the content when `auto`, and the detection is
 * stated), `--encoding`, `--sheet`, `--units`, `--decimal`, `--thousands`, `--utc-offset`,
 * `--hour-label` and, for files of many stations, `--station`. A verb declares which kinds it can
 * use and whether it uses the times ({@link InputUse}); it is offered only the options that one
 * of those kinds' readers honours, and an option the chosen kind's reader does not use is refused
 * (never silently ignored).
 */

/** The kinds of input file the CLI reads through {@link readInput}. */
export type InputKind = "table" | "xact" | "cnemc";

/** The input options {@link readInput} handles, by long name. */
export type InputOptionName =
  "utc-offset" | "hour-label" | "station" | "units" | "encoding" | "sheet" | "decimal" | "thousands";

/** The input options in help order (`units`, `encoding`, `sheet`, `decimal`, `thousands` together). */
export const INPUT_OPTIONS: readonly InputOptionName[] = [
  "utc-offset",
  "hour-label",
  "station",
  "units",
  "encoding",
  "sheet",
  "decimal",
  "thousands",
];

/** What a verb reads through {@link readInput}. */
export interface InputUse {
  /** The kinds the verb can use (the first is the default when detection finds no signature). */
  kinds: readonly InputKind[];
  /** The verb uses the times (then `--hour-label` is offered and applied). */
  times: boolean;
  /** The verb works on one site: a file of several stations needs `--station`. */
  oneSite: boolean;
  /** Help of `--utc-offset` in this verb. */
  offsetHelp: string;
  /** The offset used for kinds without one of their own when `--utc-offset` is absent (may depend on other options). */
  offsetFallback?: (values: OptionValues) => string | undefined;
  /** The verb's option that names the file (for messages), e.g. `--file`, `--conc`, `FILE`. */
  fileOption: string;
  /**
   * A text column of station codes that the generic table reader keeps (`readMonitoringTable`'s
   * `station` option: timestamps unique per station), for a verb that works on an area's stations.
   */
  stationColumn?: string;
}

/** A few decoded lines from the start of a file, for signature detection. */
export interface InputHead {
  /** The file. */
  file: string;
  /** The first rows' cells (header rows first), at most {@link HEAD_ROWS}. */
  rows: string[][];
  /** The encoding the text was decoded with (`xlsx` for a workbook). */
  encoding: string;
}

/** How many rows of a file detection looks at. */
export const HEAD_ROWS = 6;

/** A kind of input: its reader, the options the reader honours and its signature. */
export interface InputKindDef {
  kind: InputKind;
  /** What the kind is, for messages ("Cooper Xact 625i export"). */
  label: string;
  /** The options its reader honours. */
  honours: readonly InputOptionName[];
  /** Which end of the hour the format's time stamps mark, by its documentation (with the source). */
  hourLabel?: { label: HourLabel; source: string };
  /** A UTC offset fixed by the format (China Standard Time, Japan Standard Time), with the source. */
  utcOffset?: { offset: string; source: string };
  /** The file holds several stations in a text column `station`. */
  multiStation?: boolean;
  /** Encodings tried for detection when `--encoding` is absent and the text is not UTF-8. */
  encodings?: readonly TextEncodingName[];
  /** The reason this file is of this kind (a signature in its first rows), or undefined. */
  detect?: (head: InputHead) => string | undefined;
  /** Read the file. */
  read(file: string, o: KindReadOptions): KindRead;
}

/** The options a kind's reader is given (only those it honours are ever set). */
export interface KindReadOptions {
  encoding?: TextEncodingName;
  sheet?: string;
  utcOffset?: string;
  defaultUnit?: string;
  units?: Record<string, string>;
  decimal?: "." | ",";
  thousands?: "," | "." | " " | "'";
  /** A station column to keep (generic table only; see {@link InputUse.stationColumn}). */
  station?: string;
}

/** What a kind's reader returns. */
export interface KindRead {
  /** The main table (times as the file stamps them, before `--hour-label`). */
  table: AqTable;
  /** The readers' accounts. */
  accounts: ReadAccount[];
  /** The Xact read, for kind `xact` (its QA table too). */
  xact?: XactRead;
}

/** What {@link readInput} returns. */
export interface InputRead extends KindRead {
  /** The kind read. */
  kind: InputKind;
  /** What the kind is, in words. */
  label: string;
  /** The file. */
  file: string;
  /** What was said about the input (also printed on stderr for a detection): JSON-able. */
  input: InputStatement;
}

/** The statement of what was read and how, printed on stderr and put in `--json` output as `input`. */
export interface InputStatement {
  kind: InputKind;
  label: string;
  /** `option` (`--kind` given) or `detected`, with the reason. */
  chosen: "option" | "detected";
  reason: string;
  /** The UTC offset of local time stamps, and where it came from. */
  utcOffset?: { offset: string; source: string };
  /** For a verb that uses times: which end of the hour the stamps mark, where that came from and the shift applied. */
  hourLabel?: { label: HourLabel; source: string; shiftMinutes: number };
  /** For a multi-station file read by a one-site verb: the station used and how many the file has. */
  station?: { code: string; source: string; stations: number };
}

const XACT_ELEMENT = /^\s*[A-Z][a-z]?\s*\d{1,3}\s*\(\s*ng\/m3\s*\)\s*$/i;

/** The generic monitoring table (`readMonitoringTable`): one time column, one column per variable. */
const TABLE: InputKindDef = {
  kind: "table",
  label: "monitoring table",
  honours: ["utc-offset", "hour-label", "units", "encoding", "sheet", "decimal", "thousands"],
  detect(head) {
    const header = head.rows[0] ?? [];
    const i = timeColumnIndex(header, undefined);
    return i < 0
      ? undefined
      : `one header row with a time column "${header[i].trim()}" (#${i + 1}) and ${header.length - 1} other column(s)`;
  },
  read(file, o) {
    const r = readMonitoringTable(file, {
      ...(o.utcOffset === undefined ? {} : { utcOffset: o.utcOffset }),
      ...(o.encoding ? { encoding: o.encoding } : {}),
      ...(o.sheet ? { sheet: o.sheet } : {}),
      ...(o.defaultUnit ? { defaultUnit: o.defaultUnit } : {}),
      ...(o.units ? { units: o.units } : {}),
      ...(o.decimal ? { decimal: o.decimal } : {}),
      ...(o.thousands ? { thousands: o.thousands } : {}),
      ...(o.station ? { station: o.station } : {}),
    });
    return { table: r.table, accounts: [r.account] };
  },
};

/**
 * Cooper Xact 625i hourly export (`readXact`): a row of element names above a header row that
 * starts with `TIME` and has `"<El> <Z> (ng/m3)"` columns. Its TIME is the start of the sample
 * (the reader's documented convention: "`time` (UTC ms, start of sample)").
 */
const XACT: InputKindDef = {
  kind: "xact",
  label: "Cooper Xact 625i export",
  honours: ["utc-offset", "hour-label", "encoding"],
  hourLabel: { label: "start", source: "the Xact export's TIME is the start of the sample (readXact)" },
  detect(head) {
    const h = head.rows[1] ?? [];
    if (h[0]?.trim() !== "TIME") return undefined;
    const el = h.find((c) => XACT_ELEMENT.test(c));
    return el === undefined
      ? undefined
      : `second header row starts with TIME and has element columns such as "${el.trim()}"`;
  },
  read(file, o) {
    if (o.utcOffset === undefined)
      throw new CliUsageError(
        "--utc-offset",
        "the instrument clock's offset for an Xact export (e.g. +08:00)",
        undefined,
      );
    const r = readXact(file, { utcOffset: o.utcOffset, ...(o.encoding ? { encoding: o.encoding } : {}) });
    return { table: r.table, accounts: [r.account], xact: r };
  },
};

/**
 * CNEMC daily archive file (`readCnemcDaily`): header `date,hour,type,<station codes or city
 * names>`, one row per hour × type, China Standard Time. The reader is asked for the stamps as
 * written (`hourLabel: "start"`: hour h = h:00 local); `--hour-label` (default `end`, the
 * hour-ending convention of CNEMC's real-time release as issue #17 states it — the archive's own
 * statement is not yet found) then moves them to the start of their hour like every other kind.
 */
const CNEMC: InputKindDef = {
  kind: "cnemc",
  label: "CNEMC daily archive file",
  honours: ["hour-label", "station", "encoding"],
  hourLabel: {
    label: "end",
    source: "CNEMC hourly values are hour-ending (issue #17; the archive's own statement not yet found)",
  },
  utcOffset: { offset: "+08:00", source: "China Standard Time (CNEMC publishes Beijing time)" },
  multiStation: true,
  encodings: ["gb18030"],
  detect(head) {
    const k = isCnemcHeader(head.rows[0] ?? []);
    return k === undefined
      ? undefined
      : `header date,hour,type then ${k === "sites" ? "station codes such as 1001A" : "city names"} (china_${k}_YYYYMMDD.csv)`;
  },
  read(file, o) {
    const r = readCnemcDaily(file, { hourLabel: "start", ...(o.encoding ? { encoding: o.encoding } : {}) });
    return { table: r.table, accounts: r.account.files };
  },
};

/** Every kind {@link readInput} knows, by name. */
export const INPUT_KINDS: Readonly<Record<InputKind, InputKindDef>> = { table: TABLE, xact: XACT, cnemc: CNEMC };

/**
 * The option specs of a verb's input: `--kind` (auto and the verb's kinds; only when it has more
 * than one), then every input option one of its kinds' readers honours (`--hour-label` only when
 * the verb uses the times, `--station` only for a one-site verb that reads a multi-station kind).
 *
 * @param use what the verb reads.
 */
export function inputOptions(use: InputUse): OptionSpecs {
  const defs = use.kinds.map((k) => INPUT_KINDS[k]);
  const specs: OptionSpecs = {};
  if (use.kinds.length > 1) specs.kind = kindOption(use.kinds);
  const all: Record<InputOptionName, StringOption> = {
    "utc-offset": utcOffsetOption(use.offsetHelp),
    "hour-label": {
      ...hourLabelOption,
      default: undefined,
      help: "which end of the averaging hour the file's time stamps mark (default: the format's documented convention, else start); times are then the start of each hour",
    },
    station: {
      type: "string",
      value: "CODE",
      help: "the station of a multi-station file to use (required when the file has several)",
    },
    units: unitsOption,
    encoding: encodingOption,
    sheet: sheetOption,
    decimal: decimalOption,
    thousands: thousandsOption,
  };
  for (const name of INPUT_OPTIONS) {
    if (name === "hour-label" && !use.times) continue;
    if (name === "station" && !(use.oneSite && defs.some((d) => d.multiStation))) continue;
    if (!defs.some((d) => d.honours.includes(name))) continue;
    specs[name] = all[name];
  }
  return specs;
}

/**
 * `--kind auto|…`: the reader of the input file (`auto`, the default: detected from the file's
 * first rows, and the detection is stated).
 *
 * @param kinds the kinds a verb can use.
 * @param extra further kinds the verb reads itself (e.g. `read`'s `epa-pmf`, `hysplit`).
 */
export function kindOption(kinds: readonly string[], extra: readonly string[] = []): StringOption {
  return {
    type: "string",
    choices: ["auto", ...kinds, ...extra],
    default: "auto",
    help: `kind of input file: ${[...kinds, ...extra].map((k) => (k in INPUT_KINDS ? `${k} (${INPUT_KINDS[k as InputKind].label})` : k)).join(", ")}; auto detects it from the first rows and says what it found`,
  };
}

/**
 * The first rows of a file for detection: a workbook's first rows (of `sheet`), else the text
 * decoded with `encoding` — or, without one, as UTF-8 and, where that fails, with each of
 * `fallbacks` in turn (the candidate kinds' documented encodings).
 *
 * @param file the file.
 * @param encoding `--encoding`, if given.
 * @param sheet `--sheet`, if given.
 * @param fallbacks encodings to try when the text is not UTF-8.
 * @returns the head, or the UTF-8 decoding error when no encoding reads it.
 * @throws {AozoraInputError} for an unreadable file or bytes that no tried encoding reads.
 */
export function readHead(
  file: string,
  encoding: TextEncodingName | undefined,
  sheet: string | undefined,
  fallbacks: readonly TextEncodingName[] = [],
): InputHead {
  const { bytes } = loadBytes(file);
  if (bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    const g = readGrid(file, sheet ? { sheet } : {});
    return { file, rows: [g.header, ...g.records.slice(0, HEAD_ROWS - 1).map((r) => r.fields)], encoding: "xlsx" };
  }
  // a whole number of lines from the first 64 KiB (a cut inside a multi-byte character would not decode)
  let b = bytes.subarray(0, 1 << 16);
  if (b.length < bytes.length) {
    const nl = b.lastIndexOf(0x0a);
    if (nl > 0) b = b.subarray(0, nl + 1);
  }
  const tries: (TextEncodingName | undefined)[] = encoding ? [encoding] : [undefined, ...fallbacks];
  let first: unknown;
  for (const enc of tries) {
    try {
      const text = decodeText(b, file, enc);
      return { file, rows: headRows(text, file), encoding: enc ?? "utf-8" };
    } catch (e) {
      if (!(e instanceof AozoraInputError)) throw e;
      first ??= e;
    }
  }
  throw first;
}

/** The first {@link HEAD_ROWS} records of delimited text (quotes honoured; an unterminated quote ends the head). */
function headRows(text: string, file: string): string[][] {
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== "");
  const head = lines.slice(0, HEAD_ROWS).join("\n") + "\n";
  const delimiter = detectDelimiter(head);
  try {
    return parseDelimited(head, file, delimiter)
      .records.slice(0, HEAD_ROWS)
      .map((r) => r.fields);
  } catch {
    return lines.slice(0, HEAD_ROWS).map((l) => l.split(delimiter));
  }
}

/**
 * Detect the kind of a file among candidates by their signatures. Exactly one signature → that
 * kind; none → `fallback` (the generic table, whose own signature is a time column) when it is a
 * candidate, with its reason; several → an error listing them: detection never guesses.
 *
 * @param head the file's first rows.
 * @param candidates the kinds to consider, most specific first; `table` is the fallback.
 * @returns the kind and the reason.
 * @throws {CliUsageError} (`--kind`) when several signatures match or none does and `table` is
 *   not a candidate.
 */
export function detectKind(
  head: InputHead,
  candidates: readonly InputKindDef[],
): { def: InputKindDef; reason: string } {
  const specific = candidates.filter((d) => d.kind !== "table");
  const hits: { def: InputKindDef; reason: string }[] = [];
  for (const d of specific) {
    const reason = d.detect?.(head);
    if (reason !== undefined) hits.push({ def: d, reason });
  }
  const names = candidates.map((d) => d.kind).join(", ");
  if (hits.length > 1)
    throw new CliUsageError(
      "--kind",
      `one of ${names} (the file ${head.file} matches several signatures: ${hits.map((h) => `${h.def.kind}: ${h.reason}`).join("; ")})`,
      undefined,
      "pass --kind to say which",
    );
  if (hits.length === 1) return { def: hits[0].def, reason: hits[0].reason };
  const table = candidates.find((d) => d.kind === "table");
  const firstRow = (head.rows[0] ?? []).slice(0, 6).join(",");
  if (table) {
    const reason = table.detect?.(head);
    return {
      def: table,
      reason:
        reason ??
        `no ${specific.map((d) => d.label).join(" or ") || "other"} signature in the first rows (header ${firstRow}…): read as a generic monitoring table`,
    };
  }
  throw new CliUsageError(
    "--kind",
    `a file of one of these kinds: ${candidates.map((d) => `${d.kind} (${d.label})`).join(", ")}`,
    `${head.file}, whose first row is ${firstRow}…`,
    "no signature matched; pass --kind if you know the kind",
    true,
  );
}

/**
 * Read a verb's input file with the shared input options: detect or take the kind, refuse
 * options the kind's reader does not use, read, pick the station of a multi-station file, and
 * apply the hour label (an hour-ending file's times are moved back 1 h, so every verb works with
 * the start of each averaging hour). When the kind was detected, the statement is written with
 * `say` (stderr): `detected: <label> (<reason>)`.
 *
 * @param file the input file.
 * @param values the verb's parsed options.
 * @param use what the verb reads.
 * @param say writes one line to stderr (the detection statement).
 * @returns the table(s), accounts and the statement for `--json` output.
 * @throws {CliUsageError} for an option the kind's reader does not use, an ambiguous or unknown
 *   kind, a missing offset, or a missing or unknown `--station`.
 * @throws {AozoraInputError} from the reader, naming file, row and column.
 */
export function readInput(
  file: string,
  values: OptionValues,
  use: InputUse,
  say: (s: string) => void = () => {},
): InputRead {
  const encoding = typeof values.encoding === "string" ? (values.encoding as TextEncodingName) : undefined;
  const sheet = typeof values.sheet === "string" ? values.sheet : undefined;
  const asked = typeof values.kind === "string" ? values.kind : "auto";
  const defs = use.kinds.map((k) => INPUT_KINDS[k]);
  let def: InputKindDef, reason: string, chosen: "option" | "detected";
  if (asked !== "auto" || defs.length === 1) {
    def = asked === "auto" ? defs[0] : INPUT_KINDS[asked as InputKind];
    reason = asked === "auto" ? `the only kind ${use.fileOption} takes` : `--kind ${asked}`;
    chosen = "option";
  } else {
    const fallbacks = [...new Set(defs.flatMap((d) => d.encodings ?? []))];
    let head: InputHead;
    try {
      head = readHead(file, encoding, sheet, fallbacks);
    } catch (e) {
      // text that no candidate's encoding reads: the generic reader reports it (naming the row and --encoding)
      if (e instanceof AozoraInputError && defs.some((d) => d.kind === "table"))
        head = { file, rows: [], encoding: "" };
      else throw e;
    }
    ({ def, reason } = detectKind(head, defs));
    if (head.encoding !== "" && head.encoding !== "utf-8" && head.encoding !== "xlsx" && !encoding)
      reason += ` (text decoded as ${head.encoding}, the format's encoding)`;
    chosen = "detected";
    say(`detected: ${def.label} (${reason})`);
  }
  refuseUnused(def, values);
  // the offset: the format's own, else --utc-offset, else the verb's fallback
  let utcOffset: InputStatement["utcOffset"];
  if (def.utcOffset) utcOffset = def.utcOffset;
  else if (typeof values["utc-offset"] === "string")
    utcOffset = { offset: values["utc-offset"], source: "--utc-offset" };
  else {
    const f = use.offsetFallback?.(values);
    if (f !== undefined) utcOffset = { offset: f, source: "the verb's default" };
  }
  const units = typeof values.units === "string" ? monitoringUnitsOf(values.units) : {};
  const read = def.read(file, {
    ...(encoding ? { encoding } : {}),
    ...(sheet ? { sheet } : {}),
    ...(utcOffset ? { utcOffset: utcOffset.offset } : {}),
    ...units,
    ...numberFormatOf(values),
    ...(use.stationColumn && def.kind === "table" ? { station: use.stationColumn } : {}),
  });
  const statement: InputStatement = { kind: def.kind, label: def.label, chosen, reason };
  if (utcOffset) statement.utcOffset = utcOffset;
  let out: KindRead = read;
  if (def.multiStation && use.oneSite) {
    const picked = pickStation(read, values, file);
    out = picked.read;
    statement.station = picked.station;
  }
  if (use.times) {
    const given = typeof values["hour-label"] === "string" ? (values["hour-label"] as HourLabel) : undefined;
    const label: HourLabel = given ?? def.hourLabel?.label ?? "start";
    const source = given
      ? "--hour-label"
      : (def.hourLabel?.source ??
        "default: the file format documents none (pass --hour-label end for stamps at the end of each hour)");
    const shiftMinutes = label === "end" ? -60 : 0;
    if (shiftMinutes !== 0) out = shiftRead(out, shiftMinutes);
    statement.hourLabel = { label, source, shiftMinutes };
  }
  return { ...out, kind: def.kind, label: def.label, file, input: statement };
}

/** Refuse the input options given that `def`'s reader does not use. */
function refuseUnused(def: InputKindDef, values: OptionValues): void {
  for (const o of INPUT_OPTIONS) {
    if (values[o] === undefined || def.honours.includes(o)) continue;
    const fixed = o === "utc-offset" && def.utcOffset ? `; the format's offset is ${def.utcOffset.offset}` : "";
    throw new CliUsageError(
      `--${o}`,
      `an option the ${def.kind} reader uses (${def.honours.map((x) => `--${x}`).join(", ") || "none"})`,
      String(values[o]),
      `not used with --kind ${def.kind}${fixed}`,
    );
  }
}

/** The rows of one station of a multi-station read (`--station`, or the only station). */
function pickStation(
  read: KindRead,
  values: OptionValues,
  file: string,
): { read: KindRead; station: InputStatement["station"] } {
  const codes = read.table.strings("station");
  const all = [...new Set(codes)];
  const list = all.length > 12 ? `${all.slice(0, 12).join(", ")}, … (${all.length} stations)` : all.join(", ");
  const want = typeof values.station === "string" ? values.station : undefined;
  if (want === undefined && all.length !== 1)
    throw new CliUsageError(
      "--station",
      `one station of ${file} (${list}): this verb works on one site; run it once per station`,
      undefined,
    );
  const code = want ?? all[0];
  if (!all.includes(code))
    throw new CliUsageError("--station", `a station of ${file} (${list})`, code, "no such station in the file");
  const rows: number[] = [];
  codes.forEach((c, i) => {
    if (c === code) rows.push(i);
  });
  return {
    read: { ...read, table: read.table.take(rows) },
    station: { code, source: want ? "--station" : "the only station in the file", stations: all.length },
  };
}

/** Move every time of a read by `minutes` (the main table and, for Xact, the QA table). */
function shiftRead(read: KindRead, minutes: number): KindRead {
  const shift = (t: AqTable): AqTable => {
    if (!t.timeColumn) return t;
    const ms = minutes * 60000;
    const moved = Float64Array.from(t.times(), (x) => x + ms);
    const info = t.info(t.timeColumn);
    return t.withColumn(t.timeColumn, moved, { kind: "time", original: info.original });
  };
  const table = shift(read.table);
  return read.xact ? { ...read, table, xact: { ...read.xact, table, qa: shift(read.xact.qa) } } : { ...read, table };
}
