import type { AqTable } from "../table/table";
import { headerKey } from "../table/header";
import { splitHeaderUnit } from "../table/units";
import { ELEMENTS, SYMBOL_ALIASES } from "./tables/symbols";

/** Compact comparison key: NFKC, lower case, no spaces or underscores ({@link headerKey} with joiner ""). */
export function compactKey(s: string): string {
  return headerKey(s, { joiner: "" });
}

/**
 * The column of `table` holding formula symbol `symbol` (e.g. `SO4` ↔ `SO4 2-`, `Na_ion` ↔ `Na+`,
 * `Al` ↔ `Al`), or undefined. Elements match their symbol exactly (case-sensitive), ions and
 * bulk species match the aliases of `SYMBOL_ALIASES`; `columns` overrides with symbol → column.
 * @throws {RangeError} when the column given for the symbol in `columns` is not in the table
 */
export function findColumn(table: AqTable, symbol: string, columns: Record<string, string> = {}): string | undefined {
  const given = columns[symbol];
  if (given !== undefined) {
    if (!table.names.includes(given))
      throw new RangeError(
        `column "${given}" given for symbol ${symbol} is not in the table (have: ${table.names.join(", ")})`,
      );
    return given;
  }
  const numeric = table.columns.filter((c) => c.kind === "number");
  if ((ELEMENTS as readonly string[]).includes(symbol)) {
    const c = numeric.find((c) => c.name === symbol || splitHeaderUnit(c.original).name.trim() === symbol);
    return c?.name;
  }
  const keys = new Set((SYMBOL_ALIASES[symbol] ?? [symbol]).map(compactKey));
  keys.add(compactKey(symbol));
  const c = numeric.find((c) => keys.has(compactKey(c.name)) || keys.has(compactKey(splitHeaderUnit(c.original).name)));
  return c?.name;
}

/** Factor to µg/m3 for a mass-concentration unit; throws for other units. */
export function toUgm3Factor(unit: string, column: string): number {
  if (unit === "µg/m3") return 1;
  if (unit === "ng/m3") return 1e-3;
  if (unit === "mg/m3") return 1e3;
  throw new RangeError(
    `column "${column}" is in "${unit}"; composition QA needs a mass concentration (µg/m3, ng/m3 or mg/m3)`,
  );
}

/** Values of a column in µg/m3 (a copy; ng/m3 and mg/m3 are converted). */
export function valuesUgm3(table: AqTable, column: string): Float64Array {
  const f = toUgm3Factor(table.unit(column), column);
  const v = table.numbers(column);
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i] * f;
  return out;
}

/** Sample labels: the text column `idColumn` if given or present as `sample`/`sample_id`/`id`, else local times (time-series tables), else row numbers 1..n. */
export function sampleLabels(table: AqTable, idColumn?: string): string[] {
  const name =
    idColumn ??
    table.columns.find((c) => c.kind === "string" && /^(sample|sample[ _]?id|id|filter[ _]?id)$/i.test(c.name))?.name;
  if (name !== undefined) return table.strings(name).slice();
  if (table.timeColumn) return table.localTimes();
  return Array.from({ length: table.numRows }, (_, i) => String(i + 1));
}
