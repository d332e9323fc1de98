import { writeFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { neutraliseFormula } from "../io/write";
import { formatInstant } from "../table/time";
import { reasonsByRow, xactAmbientRows, xactHourly } from "../metals/xactseries";
import { xactMdlTable } from "../metals/tables/mdl";
import type { AqTable } from "../table/table";
import type { Verb } from "./verb";
import { inputOptions, readInput, type InputUse } from "./input";

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Every input row of the export (ambient and QA, in file order) with a `flags` column naming the reasons. */
function flagsCsv(tables: { t: AqTable; rows: number[] }[], reasons: Map<number, string[]>, off: number): string {
  const cols = tables[0].t.columns.filter((c) => c.name !== "time");
  const header = ["row", "time", ...cols.map((c) => (c.kind === "number" ? `${c.name} (${c.unit})` : c.name)), "flags"];
  const all: { row: number; cells: string[] }[] = [];
  for (const { t, rows } of tables) {
    const times = t.times();
    const data = cols.map((c) => t.data.column(c.name) as unknown as ArrayLike<number | string>);
    rows.forEach((row, i) => {
      const cells = [
        String(row),
        formatInstant(times[i], off),
        ...data.map((d) => {
          const v = d[i];
          return typeof v === "number" ? (Number.isNaN(v) ? "" : String(v)) : neutraliseFormula(String(v));
        }),
        (reasons.get(row) ?? []).join(";"),
      ];
      all.push({ row, cells });
    });
  }
  all.sort((a, b) => a.row - b.row);
  return [header, ...all.map((r) => r.cells)].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** What `xact` reads: a Cooper Xact 625i export (the one kind whose QA it reports). */
const XACT_INPUT: InputUse = {
  kinds: ["xact"],
  times: false,
  oneSite: false,
  offsetHelp: "the instrument clock's offset (default +08:00)",
  offsetFallback: () => "+08:00",
  fileOption: "FILE",
};

/** `aozora xact FILE`: QA summary of a Cooper Xact export, optionally every row with its flags. */
export const xactVerb: Verb = {
  name: "xact",
  summary: "Cooper Xact 625i export QA: rows flagged by reason, hourly alignment, values at or below the MDL",
  usage: "FILE [--utc-offset ±HH:MM] [--out table.csv] [--json]",
  description: `Xact 625i export QA: rows read, rows flagged by reason (alarm, short-record, qa-record,
sample-type), elements, time span, hourly alignment, values at or below the MDL; --out writes
every input row with a flags column.`,
  json: true,
  positionals: { label: "FILE", min: 1, max: 1, help: "the Xact export (CSV)", fs: "input-file" },
  options: {
    out: {
      type: "string",
      value: "table.csv",
      fs: "output-file",
      help: "write every input row with a flags column",
      validate: (t) => (/\.csv$/i.test(t) ? undefined : "a file name ending in .csv (a CSV table is written)"),
    },
    ...inputOptions(XACT_INPUT),
  },
  async run(values, out, err, positionals) {
    const file = positionals[0];
    const read = readInput(file, values, XACT_INPUT, err);
    const r = read.xact!; // the xact kind always returns its read
    const offset = read.input.utcOffset?.offset ?? "+08:00";
    const reasons = reasonsByRow(r.account);
    const byReason: Record<string, number> = {};
    for (const rs of reasons.values()) for (const x of rs) byReason[x] = (byReason[x] ?? 0) + 1;
    const off = r.table.utcOffsetMinutes ?? 0;
    const t = r.table.times();
    let first = Infinity,
      last = -Infinity;
    for (const v of t) {
      first = Math.min(first, v);
      last = Math.max(last, v);
    }
    const hourly = r.table.numRows > 0 ? xactHourly(r) : undefined;
    const noteCount: Record<string, number> = {};
    for (const n of hourly?.notes ?? []) noteCount[n.reason] = (noteCount[n.reason] ?? 0) + 1;
    const mdl = xactMdlTable();
    const atOrBelowMdl: Record<string, number> = {};
    for (const el of r.elements)
      if (el in mdl) {
        let c = 0;
        for (const v of r.table.numbers(el)) if (Number.isFinite(v) && v <= mdl[el]) c++;
        atOrBelowMdl[el] = c;
      }
    const summary = {
      file,
      input: read.input,
      utcOffset: offset,
      rowsRead: r.account.inputRows,
      ambientRows: r.table.numRows,
      qaRows: r.qa.numRows,
      rowsFlagged: reasons.size,
      flaggedByReason: byReason,
      elements: r.elements,
      notAnalysed: r.notAnalysed,
      notDetected: r.notDetected,
      atOrBelowMdl,
      timeSpan: r.table.numRows ? { first: formatInstant(first, off), last: formatInstant(last, off) } : null,
      hourly: hourly ? { hours: hourly.times.length, notes: noteCount } : null,
    };
    if (values.out) {
      const path = String(values.out);
      mkdirSync(dirname(path), { recursive: true });
      const qaRows = r.account.setAside.filter((s) => s.reason === "qa-record").map((s) => s.row);
      writeFileSync(
        path,
        flagsCsv(
          [
            { t: r.table, rows: xactAmbientRows(r.account) },
            { t: r.qa, rows: qaRows },
          ],
          reasons,
          off,
        ),
        "utf8",
      );
    }
    if (values.json) out(JSON.stringify(summary, null, 1));
    else {
      out(
        `${file}: ${summary.rowsRead} rows read (${summary.ambientRows} ambient, ${summary.qaRows} QA), ${summary.rowsFlagged} flagged ${JSON.stringify(byReason)}`,
      );
      out(`  elements: ${r.elements.join(", ")}`);
      if (summary.timeSpan)
        out(
          `  time span: ${summary.timeSpan.first} … ${summary.timeSpan.last}; ${summary.hourly!.hours} hours ${JSON.stringify(noteCount)}`,
        );
      if (values.out) out(`  wrote ${values.out}`);
    }
    return 0;
  },
};
