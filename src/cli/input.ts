import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { ReadAccount } from "../io/account";
import { decodeText, type TextEncodingName } from "../io/decode";
import { detectDelimiter, parseDelimited } from "../io/delimited";
import { AozoraInputError } from "../io/errors";
import { readGrid } from "../io/grid";
import { readMonitoringTable, timeColumnIndex } from "../io/monitoring";
import { loadBytes } from "../io/source";
import { readXact, type XactRead } from "../metals/read-xact";
import { isCnemcHeader, readCnemcDaily } from "../network/read-cnemc";
import { isSoramameHeader, readSoramame } from "../network/soramame";
import { isNiesHourlyHeader, readNiesHourly } from "../network/nies";
import type { HourLabel } from "../models/ozone/hourgrid";
import type { AqTable } from "../table/table";
import { readSampleTable, type SampleTableRead } from "../qa/read";
import { splitHeaderUnit } from "../table/units";
import {
  decimalOption,
  encodingOption,
  hourLabelOption,
  monitoringUnitsOf,
  gridOptionsOf,
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
export type InputKind = "table" | "xact" | "cnemc" | "soramame" | "nies";

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
  /**
   * The reader converts the file's hour labels itself (given {@link KindReadOptions.hourLabel}):
   * its table already holds the start of each hour and {@link readInput} does not shift it.
   */
  labelsHours?: boolean;
  /** The hour labels the reader accepts (default both). */
  hourLabels?: readonly HourLabel[];
  /** The reader reads a folder or a list of files as one table ({@link KindReadOptions.files}). */
  manyFiles?: boolean;
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
  /** Which end of the hour the file's labels mark (only for kinds with {@link InputKindDef.labelsHours}). */
  hourLabel?: HourLabel;
  /** Several files read as one (a folder or a list; only kinds with {@link InputKindDef.manyFiles}). */
  files?: string[];
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
 * hour-ending convention of CNEMC's real-time release: "如16时的小时均值为15:00-16:00的算术平均值",
 * its 数据发布说明 as quoted by HeQinWill/CNEMC — the daily archive's own statement is not found) then moves them to the start of their hour like every other kind.
 */
const CNEMC: InputKindDef = {
  kind: "cnemc",
  label: "CNEMC daily archive file",
  honours: ["hour-label", "station", "encoding"],
  hourLabel: {
    label: "end",
    source:
      'CNEMC hourly values are hour-ending (CNEMC real-time platform 数据发布说明: "如16时的小时均值为15:00-16:00的算术平均值", quoted by github.com/HeQinWill/CNEMC; the daily archive\'s own statement not found)',
  },
  utcOffset: { offset: "+08:00", source: "China Standard Time (CNEMC publishes Beijing time)" },
  multiStation: true,
  manyFiles: true,
  encodings: ["gb18030"],
  detect(head) {
    const k = isCnemcHeader(head.rows[0] ?? []);
    return k === undefined
      ? undefined
      : `header date,hour,type then ${k === "sites" ? "station codes such as 1001A" : "city names"} (china_${k}_YYYYMMDD.csv)`;
  },
  read(file, o) {
    const r = readCnemcDaily(o.files ?? file, { hourLabel: "start", ...(o.encoding ? { encoding: o.encoding } : {}) });
    return { table: r.table, accounts: r.account.files };
  },
};

/**
 * 環境省 そらまめ君 download (`readSoramame`): header `測定局コード,[測定局名,]日付,時,<item>(<unit>),…`,
 * Shift_JIS, one row per station × hour, 時 = 1–24 by default (the hour-ending national
 * convention; `--hour-label start` reads 時 0–23 as hour starts). The reader converts the labels
 * itself, so its table already holds hour starts. Units come from the headers; `--units` may
 * only override columns (`SPM=mg/m3`).
 */
const SORAMAME: InputKindDef = {
  kind: "soramame",
  label: "soramame download (環境省 そらまめ君)",
  honours: ["hour-label", "station", "units", "encoding"],
  hourLabel: {
    label: "end",
    source:
      "national hourly values are labelled by the end of their hour (国立環境研究所 環境展望台 測定値について, https://tenbou.nies.go.jp/download/explain_values.html)",
  },
  utcOffset: { offset: "+09:00", source: "Japan Standard Time (the ministry publishes JST)" },
  multiStation: true,
  labelsHours: true,
  encodings: ["shift_jis"],
  detect(head) {
    return isSoramameHeader(head.rows[0] ?? []) ? "header with 測定局コード, 日付 and 時" : undefined;
  },
  read(file, o) {
    if (o.defaultUnit !== undefined)
      throw new CliUsageError(
        "--units",
        "COLUMN=UNIT overrides only with --kind soramame (its headers carry their units)",
        o.defaultUnit,
      );
    const r = readSoramame(file, {
      hourLabel: o.hourLabel ?? "end",
      ...(o.encoding ? { encoding: o.encoding } : {}),
      ...(o.units ? { units: o.units } : {}),
    });
    return { table: r.table, accounts: [r.account] };
  },
};

/**
 * NIES 大気環境時間値 file (`readNiesHourly`): header `測定年度,測定局コード,市町村コード,測定項目コード,
 * 測定単位コード,測定月,測定日,01h … 24h`, Shift_JIS, one row per station × item × day, hour-ending
 * labels 01h–24h (converted by the reader; `--hour-label start` is refused: the files have no
 * hour 0), JST. Units come from the unit codes; `--units` may name units for unit codes the
 * reader does not know (`PRS=hPa`). Wind-direction codes (`16DIRC`) stay the column `WD code`.
 */
const NIES: InputKindDef = {
  kind: "nies",
  label: "NIES hourly file (国立環境研究所 大気環境時間値)",
  honours: ["hour-label", "station", "units", "encoding"],
  hourLabel: {
    label: "end",
    source:
      "NIES labels 01h–24h mark the end of their hour (国立環境研究所 環境展望台 測定値について, https://tenbou.nies.go.jp/download/explain_values.html)",
  },
  hourLabels: ["end"],
  utcOffset: { offset: "+09:00", source: "Japan Standard Time (NIES files are in JST)" },
  multiStation: true,
  labelsHours: true,
  encodings: ["shift_jis"],
  detect(head) {
    return isNiesHourlyHeader(head.rows[0] ?? [])
      ? "header with 測定年度, 測定局コード, 測定項目コード, 測定単位コード, 測定月, 測定日 and 01h … 24h"
      : undefined;
  },
  read(file, o) {
    if (o.defaultUnit !== undefined)
      throw new CliUsageError(
        "--units",
        "ITEM=UNIT items only with --kind nies (its unit codes give the units)",
        o.defaultUnit,
      );
    const r = readNiesHourly(file, {
      ...(o.encoding ? { encoding: o.encoding } : {}),
      ...(o.units ? { units: o.units } : {}),
    });
    return { table: r.table, accounts: [r.account] };
  },
};

/** Every kind {@link readInput} knows, by name. */
export const INPUT_KINDS: Readonly<Record<InputKind, InputKindDef>> = {
  table: TABLE,
  xact: XACT,
  cnemc: CNEMC,
  soramame: SORAMAME,
  nies: NIES,
};

/**
 * The option specs of a verb's input: `--kind` (auto and the verb's kinds), then every input option one of its kinds' readers honours (`--hour-label` only when
 * the verb uses the times, `--station` only for a one-site verb that reads a multi-station kind).
 *
 * @param use what the verb reads.
 */
export function inputOptions(use: InputUse): OptionSpecs {
  const defs = use.kinds.map((k) => INPUT_KINDS[k]);
  const specs: OptionSpecs = {};
  specs.kind = kindOption(use.kinds);
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
 * `fallbacks` in turn (the candidate kinds' documented encodings). Bytes of one legacy encoding
 * often decode without error in another (Shift_JIS bytes are valid GB18030): with `accept`, the
 * first decoding whose rows it accepts (a kind's signature matches) is taken, else the first
 * decoding that succeeded.
 *
 * @param file the file.
 * @param encoding `--encoding`, if given.
 * @param sheet `--sheet`, if given.
 * @param fallbacks encodings to try when the text is not UTF-8.
 * @param accept whether a decoded head shows a known signature.
 * @returns the head, with the encoding it was decoded with.
 * @throws {AozoraInputError} for an unreadable file or bytes that no tried encoding reads (the
 *   UTF-8 error).
 */
export function readHead(
  file: string,
  encoding: TextEncodingName | undefined,
  sheet: string | undefined,
  fallbacks: readonly TextEncodingName[] = [],
  accept?: (head: InputHead) => boolean,
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
  let error: unknown;
  let decoded: InputHead | undefined;
  for (const enc of tries) {
    let head: InputHead;
    try {
      head = { file, rows: headRows(decodeText(b, file, enc), file), encoding: enc ?? "utf-8" };
    } catch (e) {
      if (!(e instanceof AozoraInputError)) throw e;
      error ??= e;
      continue;
    }
    if (!accept || accept(head)) return head;
    decoded ??= head;
  }
  if (decoded) return decoded;
  throw error;
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

/** The files a verb's file argument names: one file, a folder of CNEMC daily files, or a list. */
export interface InputFiles {
  /** The files, in reading order (a folder's CNEMC files sorted by name). */
  files: string[];
  /** `file` (one file), `folder` or `list` (comma-separated). */
  form: "file" | "folder" | "list";
}

/**
 * Resolve a verb's file argument: an existing file is one file (even with a comma in its name);
 * a folder means its CNEMC daily files, sorted by name (every `china_sites_YYYYMMDD.csv`, or
 * when it has none every `china_cities_YYYYMMDD.csv`: one kind per table); otherwise a
 * comma-separated list of files. Only the CNEMC kind reads more than one file.
 *
 * @param arg the option's value.
 * @param option the option's name, for messages.
 * @returns the files and the form.
 * @throws {CliUsageError} for a folder without CNEMC daily files or an empty list item.
 */
export function inputFiles(arg: string, option: string): InputFiles {
  if (existsSync(arg) && statSync(arg).isDirectory()) {
    // the station files when the folder has any (the archive holds both kinds side by side), else the city files
    const names = readdirSync(arg).sort();
    const sites = names.filter((f) => /^china_sites_\d{8}\.csv$/.test(f));
    const files = (sites.length ? sites : names.filter((f) => /^china_cities_\d{8}\.csv$/.test(f))).map((f) =>
      join(arg, f),
    );
    if (!files.length)
      throw new CliUsageError(
        option,
        "a file, or a folder of CNEMC daily files (china_sites_YYYYMMDD.csv, china_cities_YYYYMMDD.csv)",
        arg,
        "the folder holds none",
      );
    return { files, form: "folder" };
  }
  if (arg.includes(",") && !existsSync(arg)) {
    const files = arg.split(",").map((f) => f.trim());
    if (files.some((f) => f === ""))
      throw new CliUsageError(option, "a comma-separated list of files with no empty item", arg);
    return { files, form: "list" };
  }
  return { files: [arg], form: "file" };
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
  let encoding = typeof values.encoding === "string" ? (values.encoding as TextEncodingName) : undefined;
  const sheet = typeof values.sheet === "string" ? values.sheet : undefined;
  const asked = typeof values.kind === "string" ? values.kind : "auto";
  const defs = use.kinds.map((k) => INPUT_KINDS[k]);
  const src = inputFiles(file, use.fileOption);
  let def: InputKindDef, reason: string, chosen: "option" | "detected";
  if (asked !== "auto" || defs.length === 1) {
    def = asked === "auto" ? defs[0] : INPUT_KINDS[asked as InputKind];
    reason = asked === "auto" ? `the only kind ${use.fileOption} takes` : `--kind ${asked}`;
    chosen = "option";
  } else {
    const fallbacks = [...new Set(defs.flatMap((d) => d.encodings ?? []))];
    let head: InputHead;
    try {
      head = readHead(src.files[0], encoding, sheet, fallbacks, (h) =>
        defs.some((d) => d.kind !== "table" && d.detect?.(h) !== undefined),
      );
    } catch (e) {
      // text that no candidate's encoding reads: the generic reader reports it (naming the row and --encoding)
      if (e instanceof AozoraInputError && defs.some((d) => d.kind === "table") && src.form === "file")
        head = { file, rows: [], encoding: "" };
      else throw e;
    }
    ({ def, reason } = detectKind(head, defs));
    if (head.encoding !== "" && head.encoding !== "utf-8" && head.encoding !== "xlsx" && !encoding) {
      reason += ` (text decoded as ${head.encoding}, the format's encoding)`;
      // the format's signature matched in that encoding: its reader reads the file in it too
      if (def.kind !== "table" && def.honours.includes("encoding")) encoding = head.encoding as TextEncodingName;
    }
    chosen = "detected";
    say(`detected: ${def.label} (${reason})`);
  }
  refuseUnused(def, values);
  if (src.form !== "file") {
    if (!def.manyFiles)
      throw new CliUsageError(
        use.fileOption,
        `one file: a folder or a list of files is read only as CNEMC daily files (${src.files[0]} is read as ${def.label})`,
        file,
      );
    reason += `; ${src.files.length} files${src.form === "folder" ? ` of the folder ${file}` : ""}`;
  }
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
  // which end of the hour the stamps mark: --hour-label, else the format's documented convention, else start
  const given = typeof values["hour-label"] === "string" ? (values["hour-label"] as HourLabel) : undefined;
  const label: HourLabel = given ?? def.hourLabel?.label ?? "start";
  if (def.hourLabels && !def.hourLabels.includes(label))
    throw new CliUsageError(
      "--hour-label",
      `${def.hourLabels.join(" or ")} with --kind ${def.kind} (${def.hourLabel?.source ?? "the format's convention"})`,
      label,
    );
  const read = def.read(file, {
    ...(encoding ? { encoding } : {}),
    ...(sheet ? { sheet } : {}),
    ...(utcOffset ? { utcOffset: utcOffset.offset } : {}),
    ...units,
    ...numberFormatOf(values),
    ...(use.stationColumn && def.kind === "table" ? { station: use.stationColumn } : {}),
    ...(def.labelsHours ? { hourLabel: label } : {}),
    ...(src.form !== "file" ? { files: src.files } : {}),
  });
  checkUnitColumns(read.table, units.units, file);
  const statement: InputStatement = { kind: def.kind, label: def.label, chosen, reason };
  if (utcOffset) statement.utcOffset = utcOffset;
  let out: KindRead = read;
  if (def.multiStation && use.oneSite) {
    const picked = pickStation(read, values, file);
    out = picked.read;
    statement.station = picked.station;
  }
  if (use.times || def.labelsHours) {
    const source = given
      ? "--hour-label"
      : (def.hourLabel?.source ??
        "default: the file format documents none (pass --hour-label end for stamps at the end of each hour)");
    // a reader that converts the labels itself already returns hour starts; otherwise hour-ending stamps move back 1 h
    const shiftMinutes = label === "end" && !def.labelsHours ? -60 : 0;
    if (shiftMinutes !== 0) out = shiftRead(out, shiftMinutes);
    statement.hourLabel = {
      label,
      source: def.labelsHours ? `${source}; converted by the reader` : source,
      shiftMinutes,
    };
  }
  return { ...out, kind: def.kind, label: def.label, file, input: statement };
}

/**
 * Every `--units` override must name a column of the table read (by its name in the table or its
 * header as written): an override that matches nothing would do nothing, so it is an error naming it.
 */
function checkUnitColumns(table: AqTable, units: Record<string, string> | undefined, file: string): void {
  if (!units) return;
  for (const col of Object.keys(units)) {
    const hit = table.columns.some(
      (c) => c.name === col || c.original.trim() === col || splitHeaderUnit(c.original).name === col,
    );
    if (!hit)
      throw new CliUsageError(
        "--units",
        `COLUMN=UNIT items naming columns of ${file} (${table.columns
          .filter((c) => c.kind === "number")
          .map((c) => c.name)
          .join(", ")})`,
        `${col}=${units[col]}`,
        "no such column",
      );
  }
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

/**
 * For a verb with a reader of its own (filter samples, lab results, VOC tables) that also takes
 * the monitoring kinds: the kind to read `file` as. `--kind` names it (`own` for the verb's
 * reader); with `auto`, a national network or Xact signature in the first rows picks that kind
 * (stated with `say`), anything else is the verb's own format (also stated).
 *
 * @param file the input file.
 * @param values the verb's parsed options.
 * @param use the monitoring kinds the verb takes.
 * @param own the verb's own format: its `--kind` name and what it is.
 * @param say writes one line to stderr (the detection statement).
 * @returns `own` with the statement, or the monitoring kind to pass to {@link readInput}.
 * @throws {CliUsageError} (`--kind`) when several signatures match.
 * @throws {AozoraInputError} for an unreadable file.
 */
export function ownOrInputKind(
  file: string,
  values: OptionValues,
  use: InputUse,
  own: { kind: string; label: string },
  say: (s: string) => void = () => {},
):
  | { kind: "own"; statement: Omit<InputStatement, "kind"> & { kind: string } }
  | { kind: InputKind; reason?: string; encoding?: TextEncodingName } {
  const asked = typeof values.kind === "string" ? values.kind : "auto";
  if (asked === own.kind)
    return {
      kind: "own",
      statement: { kind: own.kind, label: own.label, chosen: "option", reason: `--kind ${asked}` },
    };
  if (asked !== "auto") return { kind: asked as InputKind };
  const defs = use.kinds.map((k) => INPUT_KINDS[k]).filter((d) => d.kind !== "table");
  const encoding = typeof values.encoding === "string" ? (values.encoding as TextEncodingName) : undefined;
  const sheet = typeof values.sheet === "string" ? values.sheet : undefined;
  let head: InputHead;
  try {
    head = readHead(
      inputFiles(file, use.fileOption).files[0],
      encoding,
      sheet,
      [...new Set(defs.flatMap((d) => d.encodings ?? []))],
      (h) => defs.some((d) => d.detect?.(h) !== undefined),
    );
  } catch (e) {
    if (!(e instanceof AozoraInputError)) throw e;
    head = { file, rows: [], encoding: "" }; // the verb's own reader reports it, naming the row
  }
  const hits = defs.flatMap((d) => {
    const reason = d.detect?.(head);
    return reason === undefined ? [] : [{ def: d, reason }];
  });
  if (hits.length > 1) detectKind(head, defs); // throws the ambiguity error listing the signatures
  if (hits.length === 1) {
    const enc =
      head.encoding !== "utf-8" && head.encoding !== "xlsx" && !encoding
        ? ` (text decoded as ${head.encoding}, the format's encoding)`
        : "";
    const reason = hits[0].reason + enc;
    say(`detected: ${hits[0].def.label} (${reason})`);
    // the signature matched in the format's encoding: the reader reads the file in it too
    return { kind: hits[0].def.kind, reason, ...(enc !== "" ? { encoding: head.encoding as TextEncodingName } : {}) };
  }
  const reason = `no ${defs.map((d) => d.label).join(" or ")} signature in the first rows: read as a ${own.label}`;
  say(`detected: ${own.label} (${reason})`);
  return { kind: "own", statement: { kind: own.kind, label: own.label, chosen: "detected", reason } };
}

/**
 * Read `file` as monitoring kind `kind` (from {@link ownOrInputKind}), stating a detection as
 * such, and give it the shape of a sample table (`readSampleTable`): one site's rows (`--station`),
 * ids = the local ISO hour starts, `fileRows` = 1-based rows of the long table read (a network
 * file's rows are pivoted: its own rows are in the account), no below-detection markers.
 *
 * @param file the input file.
 * @param values the verb's parsed options.
 * @param use the monitoring kinds the verb takes.
 * @param kind the kind to read.
 * @param reason the detection reason, when the kind was detected.
 * @returns the sample-table view and the input statement.
 * @throws {CliUsageError} and {@link AozoraInputError} as {@link readInput}.
 */
export function readInputAsSamples(
  file: string,
  values: OptionValues,
  use: InputUse,
  kind: InputKind,
  reason?: string,
): { samples: SampleTableRead; input: InputStatement } {
  const r = readInput(file, { ...values, kind }, use);
  const input: InputStatement = reason === undefined ? r.input : { ...r.input, chosen: "detected", reason };
  const ids = r.table.timeColumn
    ? r.table.localTimes()
    : Array.from({ length: r.table.numRows }, (_, i) => `#${i + 1}`);
  return {
    samples: {
      table: r.table,
      ids,
      idHeader: "time",
      fileRows: ids.map((_, i) => i + 1),
      belowDetection: {},
      account: r.accounts[0],
    },
    input,
  };
}

/** The monitoring-reader options a sample table reader (`readSampleTable`) does not use. */
const NOT_FOR_SAMPLES = ["utc-offset", "hour-label", "station", "decimal", "thousands"];

/**
 * One file of a verb whose own format is a sample table (`qa`'s filter samples, `interlab`'s lab
 * results) and which also takes monitoring kinds: {@link ownOrInputKind} picks the kind, then the
 * file is read with `readSampleTable` (`--encoding`, `--sheet`, `--units`; the monitoring-only
 * options refused) or with {@link readInputAsSamples}.
 *
 * @param file the input file.
 * @param values the verb's parsed options.
 * @param use the monitoring kinds the verb takes (all of them may be named with `--kind`).
 * @param own the verb's own format (`--kind` name and label).
 * @param say writes one line to stderr (the detection statement).
 * @param detectAmong the kinds a signature may select under `auto` (default: those of `use`).
 * @returns the sample table and the statement of what was read.
 * @throws {CliUsageError} for an option the chosen reader does not use, and as {@link readInput}.
 * @throws {AozoraInputError} from the reader, naming file, row and column.
 */
export function readSamplesOrInput(
  file: string,
  values: OptionValues,
  use: InputUse,
  own: { kind: string; label: string },
  say: (s: string) => void,
  detectAmong: readonly InputKind[] = use.kinds,
): { read: SampleTableRead; input: Omit<InputStatement, "kind"> & { kind: string } } {
  const pick = ownOrInputKind(file, values, { ...use, kinds: detectAmong }, own, say);
  if (pick.kind !== "own") {
    const r = readInputAsSamples(
      file,
      pick.encoding ? { ...values, encoding: pick.encoding } : values,
      use,
      pick.kind,
      pick.reason,
    );
    return { read: r.samples, input: r.input };
  }
  for (const o of NOT_FOR_SAMPLES)
    if (values[o] !== undefined)
      throw new CliUsageError(
        `--${o}`,
        `an option the ${own.label} reader uses (--units, --encoding, --sheet)`,
        String(values[o]),
        `not used with --kind ${own.kind}`,
      );
  const read = readSampleTable(file, {
    ...gridOptionsOf(values),
    ...(typeof values.units === "string" ? monitoringUnitsOf(values.units) : {}),
  });
  return { read, input: pick.statement };
}
