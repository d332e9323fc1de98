import { AqTable, type ColumnData } from "../table/table";
import { parseOffset, type OffsetLike } from "../table/time";

/** The part of a danfojs DataFrame these helpers use (danfojs-node is loaded only when called). */
export interface DanfoFrameLike {
  columns: string[];
  column(name: string): { values: unknown[] };
}

function loadDanfo(): { DataFrame: new (data: Record<string, unknown[]>) => DanfoFrameLike } {
  // danfojs-node is heavy (~1 s import): load it only when a conversion is asked for
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("danfojs-node");
}

/**
 * Convert an aozora table to a danfojs DataFrame for users who prefer its API. Numbers stay
 * numbers (NaN = missing), the time column becomes `Date` objects (UTC instants), and the units
 * are returned beside the frame because a DataFrame cannot carry them.
 */
export function toDanfo(t: AqTable): {
  frame: DanfoFrameLike;
  units: Record<string, string>;
  utcOffsetMinutes?: number;
  timeColumn?: string;
} {
  const { DataFrame } = loadDanfo();
  const data: Record<string, unknown[]> = {};
  const units: Record<string, string> = {};
  for (const c of t.columns) {
    const v = t.data.column(c.name) as unknown as ArrayLike<number | string>;
    data[c.name] = c.kind === "time" ? Array.from(v as ArrayLike<number>, (x) => new Date(x)) : Array.from(v);
    units[c.name] = c.unit;
  }
  return { frame: new DataFrame(data), units, utcOffsetMinutes: t.utcOffsetMinutes, timeColumn: t.timeColumn };
}

/**
 * Convert a danfojs DataFrame to an aozora table. Units must be given for every numeric column
 * (a DataFrame has none); the time column, if any, must hold `Date` objects or UTC ms, and the
 * site's offset must be given.
 * @throws Error naming the column when a unit is missing or a time value is not a date.
 */
export function fromDanfo(
  frame: DanfoFrameLike,
  opts: { units: Record<string, string>; time?: { column: string; utcOffset: OffsetLike } },
): AqTable {
  const cols: Record<string, ColumnData> = {};
  const info: Record<string, { unit?: string; kind?: "number" | "time" | "string" }> = {};
  for (const name of frame.columns) {
    const values = frame.column(name).values;
    if (opts.time?.column === name) {
      cols[name] = Float64Array.from(values, (v, i) => {
        const ms = v instanceof Date ? v.getTime() : typeof v === "number" ? v : NaN;
        if (!Number.isFinite(ms))
          throw new RangeError(`DataFrame column "${name}", row ${i}: expected a Date or UTC ms, found ${String(v)}`);
        return ms;
      });
      info[name] = { kind: "time" };
    } else if (values.every((v) => typeof v === "number" || v === null || v === undefined)) {
      const unit = opts.units[name];
      if (unit === undefined)
        throw new RangeError(`DataFrame column "${name}": expected a unit in opts.units (numeric columns carry units)`);
      cols[name] = Float64Array.from(values, (v) => (typeof v === "number" ? v : NaN));
      info[name] = { unit, kind: "number" };
    } else {
      cols[name] = values.map((v) => (v === null || v === undefined ? "" : String(v)));
      info[name] = { kind: "string" };
    }
  }
  return AqTable.create(
    cols,
    info,
    opts.time ? { column: opts.time.column, utcOffsetMinutes: parseOffset(opts.time.utcOffset) } : undefined,
  );
}
