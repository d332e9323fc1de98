import { gridToTable, type MonitoringReadOptions } from "../io/monitoring";
import { cellError, readGrid } from "../io/grid";
import { AozoraInputError } from "../io/errors";
import type { ReadAccount } from "../io/account";
import type { Source } from "../io/source";
import type { AqTable } from "../table/table";
import { findHeader } from "../table/header";

/** Header spellings of a sample-id column (compared case-insensitively, after removing a unit). */
export const SAMPLE_ID_HEADER =
  /^(sample|sample[ _-]?id|sample[ _-]?no\.?|filter|filter[ _-]?id|id|試料|試料id|試料番号|試料名|フィルタ番号|样品|样品编号|样品id|样品名称|滤膜编号)$/i;

/** Options of {@link readSampleTable}. */
export interface SampleTableOptions extends Omit<MonitoringReadOptions, "time" | "utcOffset"> {
  /** Header of the sample-id column (default: detected, see {@link SAMPLE_ID_HEADER}). */
  idColumn?: string;
}

/** What {@link readSampleTable} returns. */
export interface SampleTableRead {
  /** The table: text column `sample` (ids), other text columns (site, date, ...), numeric species columns with units. */
  table: AqTable;
  /** Sample ids in row order (unique). */
  ids: string[];
  /** The sample-id column's header as written in the file (the table calls it `sample`). */
  idHeader: string;
  /** 1-based file row of each table row. */
  fileRows: number[];
  /** Species → 1 where the reader read a below-detection marker (`<DL`, `ND`), per table row. */
  belowDetection: Record<string, Uint8Array>;
  account: ReadAccount;
}

/**
 * Read a table of filter-sample results (CSV, TSV or .xlsx): one header row, one row per sample,
 * a sample-id column, species columns with units in the headers (`SO4 (µg/m3)`) or as options.
 * Text columns (site, date, lab) are kept as text. Cell handling (missing codes, `<DL`/`ND`) as
 * in `readMonitoringTable`, every changed cell in the account.
 *
 * @throws {AozoraInputError} naming file, row and column for: no sample-id column, an empty or
 * duplicated sample id, a numeric column without a unit, a non-numeric cell.
 */
export function readSampleTable(src: Source, opts: SampleTableOptions = {}): SampleTableRead {
  const grid = readGrid(src, opts);
  const { file, header } = grid;
  const j =
    opts.idColumn !== undefined
      ? header.findIndex((h) => h.trim() === opts.idColumn)
      : findHeader(header, SAMPLE_ID_HEADER);
  if (j < 0) {
    throw new AozoraInputError({
      file,
      row: grid.headerRow,
      expected:
        opts.idColumn !== undefined
          ? `a sample-id column "${opts.idColumn}"`
          : "a sample-id column (header sample, sample_id, filter_id, 試料ID, 样品编号, ...)",
      found: header.join(", "),
    });
  }
  const seen = new Map<string, number>();
  for (const r of grid.records) {
    const id = r.fields[j].trim();
    if (id === "") throw cellError(grid, r, j, "a sample id", "an empty cell");
    const prev = seen.get(id);
    if (prev !== undefined) throw cellError(grid, r, j, `a unique sample id (row ${prev} has the same id)`, id);
    seen.set(id, r.row);
  }
  // the id column is text and named `sample`
  const g2 = { ...grid, header: header.map((h, k) => (k === j ? "sample" : h)) };
  const { table, account } = gridToTable(g2, {
    ...opts,
    time: false,
    textColumns: [...(opts.textColumns ?? []), "sample"],
    normaliseNames: opts.normaliseNames,
  });
  const ids = table.strings("sample").slice();
  const fileRows = grid.records.map((r) => r.row);
  const rowIndex = new Map(fileRows.map((r, i) => [r, i] as const));
  const belowDetection: Record<string, Uint8Array> = {};
  for (const c of account.cellChanges) {
    if (c.reason !== "below-detection") continue;
    if (!belowDetection[c.column]) belowDetection[c.column] = new Uint8Array(ids.length);
    belowDetection[c.column][rowIndex.get(c.row)!] = 1;
  }
  return { table, ids, idHeader: header[j].trim(), fileRows, belowDetection, account };
}
