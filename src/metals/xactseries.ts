import type { XactRead } from "./read-xact";
import type { ReadAccount } from "../io/account";

/** Reasons that, by default, blank an hour's element values in {@link xactHourly}. */
export const DEFAULT_XACT_EXCLUDE = ["alarm", "short-record", "sample-type"] as const;

/** A note of {@link xactHourly}: an hour (UTC ms) whose content differs from a one-record-per-hour export. */
export interface XactHourNote {
  /** Hour start, UTC ms. */
  hour: number;
  /** File row of the record concerned (NaN for an hour without record). */
  row: number;
  reason: "no-record" | "duplicate-hour" | "off-hour" | "excluded";
  detail: string;
}

/** The hourly series of {@link xactHourly}. */
export interface XactSeries {
  /** Hour starts (UTC ms), every hour from the first to the last ambient record. */
  times: Float64Array;
  utcOffsetMinutes: number;
  /** Elements present (file order). */
  elements: string[];
  /** Per element, concentration and the instrument's uncertainty, ng/m3 (NaN: no record, or excluded). */
  conc: Record<string, Float64Array>;
  unc: Record<string, Float64Array>;
  /** Wind speed (m/s) and direction (degrees) of the record used (kept for excluded records). */
  ws: Float64Array;
  wd: Float64Array;
  /** Per hour, the reasons flagged by the reader for the record used, plus "no-record"; empty when clean. */
  flags: string[][];
  /** Per hour, the file row of the record used (NaN when none). */
  row: Float64Array;
  /** Reasons whose hours had their element values blanked. */
  excluded: string[];
  notes: XactHourNote[];
}

/**
 * File row of every ambient record of an Xact read, in table order. Rebuilt from the reader's
 * account: data rows start at file row 3 (two header rows), blank rows are skipped, set-aside
 * (QA) rows are not in the ambient table.
 */
export function xactAmbientRows(account: ReadAccount): number[] {
  const blank = new Set(account.blankRows);
  const aside = new Set(account.setAside.map((s) => s.row));
  const rows: number[] = [];
  let row = 3,
    seen = 0;
  while (seen < account.inputRows) {
    if (!blank.has(row)) {
      seen++;
      if (!aside.has(row)) rows.push(row);
    }
    row++;
  }
  return rows;
}

/** Reasons per file row from a reader's account (flagged rows and set-aside rows). */
export function reasonsByRow(account: ReadAccount): Map<number, string[]> {
  const m = new Map<number, string[]>();
  for (const f of [...account.flagged, ...account.setAside]) {
    const a = m.get(f.row) ?? [];
    if (!a.includes(f.reason)) a.push(f.reason);
    m.set(f.row, a);
  }
  return m;
}

/**
 * Align an Xact read to whole local hours: each ambient record goes to the hour holding its
 * start time; hours without a record are added (values NaN, flag "no-record"); when an hour
 * holds several records (e.g. a short record after a restart and a regular one) the record with
 * the fewest excluded flags, then the earliest, is used and the others are noted
 * ("duplicate-hour"). Records of hours flagged with an `exclude` reason (default alarm,
 * short-record, sample-type) keep their flags and wind but their element values become NaN
 * ("excluded"). Builds on the reader's account ({@link readXact} sets QA records aside and flags
 * alarms and short records); nothing is dropped without a note.
 *
 * @param read the result of `readXact`
 * @param opts `exclude`: reasons to blank (use [] to keep everything)
 */
export function xactHourly(read: XactRead, opts: { exclude?: readonly string[] } = {}): XactSeries {
  const exclude = opts.exclude ?? DEFAULT_XACT_EXCLUDE;
  const t = read.table.times();
  const off = read.table.utcOffsetMinutes ?? 0;
  const H = 3600000;
  const rows = xactAmbientRows(read.account);
  const reasons = reasonsByRow(read.account);
  const hourOf = (ms: number) => Math.floor((ms + off * 60000) / H) * H - off * 60000;
  if (read.table.numRows === 0) throw new RangeError(`${read.account.file}: no ambient records`);
  let h0 = Infinity,
    h1 = -Infinity;
  for (const v of t) {
    const h = hourOf(v);
    h0 = Math.min(h0, h);
    h1 = Math.max(h1, h);
  }
  const nh = Math.round((h1 - h0) / H) + 1;
  const chosen = new Int32Array(nh).fill(-1);
  const notes: XactHourNote[] = [];
  const badness = (i: number) => (reasons.get(rows[i]) ?? []).filter((r) => exclude.includes(r)).length;
  for (let i = 0; i < t.length; i++) {
    const k = Math.round((hourOf(t[i]) - h0) / H);
    const j = chosen[k];
    if (j < 0) {
      chosen[k] = i;
      continue;
    }
    const better = badness(i) < badness(j) || (badness(i) === badness(j) && t[i] < t[j]);
    const [keep, drop] = better ? [i, j] : [j, i];
    chosen[k] = keep;
    notes.push({
      hour: h0 + k * H,
      row: rows[drop],
      reason: "duplicate-hour",
      detail: `a second record in this hour; row ${rows[keep]} used`,
    });
  }
  const conc: Record<string, Float64Array> = {},
    unc: Record<string, Float64Array> = {};
  const cols = read.elements.map((el) => [el, read.table.numbers(el), read.table.numbers(el + "_unc")] as const);
  for (const el of read.elements) {
    conc[el] = new Float64Array(nh).fill(NaN);
    unc[el] = new Float64Array(nh).fill(NaN);
  }
  const has = (nm: string) => read.table.names.includes(nm);
  const wsIn = has("WS") ? read.table.numbers("WS") : undefined,
    wdIn = has("WD") ? read.table.numbers("WD") : undefined;
  const ws = new Float64Array(nh).fill(NaN),
    wd = new Float64Array(nh).fill(NaN);
  const flags: string[][] = [],
    rowOut = new Float64Array(nh).fill(NaN),
    times = new Float64Array(nh);
  for (let k = 0; k < nh; k++) {
    times[k] = h0 + k * H;
    const i = chosen[k];
    if (i < 0) {
      flags.push(["no-record"]);
      notes.push({ hour: times[k], row: NaN, reason: "no-record", detail: "no ambient record in this hour" });
      continue;
    }
    const f = (reasons.get(rows[i]) ?? []).slice();
    flags.push(f);
    rowOut[k] = rows[i];
    if (t[i] !== times[k])
      notes.push({
        hour: times[k],
        row: rows[i],
        reason: "off-hour",
        detail: `record starts ${Math.round((t[i] - times[k]) / 60000)} min after the hour`,
      });
    if (wsIn) ws[k] = wsIn[i];
    if (wdIn) wd[k] = wdIn[i];
    const ex = f.filter((r) => exclude.includes(r));
    if (ex.length) {
      notes.push({
        hour: times[k],
        row: rows[i],
        reason: "excluded",
        detail: `element values blanked: ${ex.join(", ")}`,
      });
      continue;
    }
    for (const [el, c, u] of cols) {
      conc[el][k] = c[i];
      unc[el][k] = u[i];
    }
  }
  return {
    times,
    utcOffsetMinutes: off,
    elements: read.elements.slice(),
    conc,
    unc,
    ws,
    wd,
    flags,
    row: rowOut,
    excluded: [...exclude],
    notes,
  };
}
