export { averageByStation, type StationAverages, type StationAverageOptions } from "./average";
export {
  readCsvChunks,
  streamAggregate,
  type CsvChunk,
  type CsvChunkOptions,
  type StreamAggregateOptions,
  type StreamAccount,
} from "./stream";
export { toArrow, writeArrow, readArrow, readArrowBatches, writeArrowBatches } from "../io/arrow";
export { toParquet, writeParquet, readParquet, readParquetBatches, writeParquetBatches } from "../io/parquet";
export { TABLE_META_KEY, type AqTableMeta, type ColumnarReadOptions } from "../io/tablemeta";
export { periodCalendar, type AveragingPeriod, type PeriodCalendar } from "../table/aggregate";
