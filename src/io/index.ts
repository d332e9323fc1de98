/**
 * `aozora/io`: the generic readers and writers (delimited text, xlsx, text encodings, Arrow and
 * Parquet, the zip check), the read account and {@link AozoraInputError}. They know only the table;
 * the readers of domain file formats live in their domains (`aozora/pmf`, `aozora/metals`, ...).
 * @packageDocumentation
 */
export { AozoraInputError } from "./errors";
export {
  summariseAccount,
  checkAccount,
  type ReadAccount,
  type CellChange,
  type CellChangeReason,
  type RowNote,
} from "./account";
export { DEFAULT_MISSING_CODES, type BelowDetectionPolicy } from "./cells";
export type { Source } from "./source";
export type { TextEncodingName } from "./decode";
export type { Delimiter } from "./delimited";
export type { GridOptions as GridReadOptions } from "./grid";
export {
  readMonitoringTable,
  type MonitoringReadOptions,
  type MonitoringRead,
  type MonitoringEngine,
  type EngineUsed,
} from "./monitoring";
export { toCsv, writeCsv, toXlsx, writeXlsx, neutraliseFormula } from "./write";
export { toArrow, writeArrow, readArrow, readArrowBatches, writeArrowBatches } from "./arrow";
export { toParquet, writeParquet, readParquet, readParquetBatches, writeParquetBatches } from "./parquet";
export { TABLE_META_KEY, type AqTableMeta, type ColumnarReadOptions } from "./tablemeta";
export { openDuckDb, type DuckDb, type DuckDbColumns, type DuckDbParam } from "./duckdb";
