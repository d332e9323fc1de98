import { AozoraInputError } from "../io/errors";
import type { Source } from "../io/source";
import { missingCodeSet, parseCell } from "../io/cells";
import { readSampleTable, type SampleTableOptions, type SampleTableRead } from "../qa/read";

/** Paired results of two laboratories on the same samples (splits of the same filters). */
export interface PairedLabResults {
  labs: [string, string];
  files: [string, string];
  /** Sample ids in lab A's row order. */
  ids: string[];
  /** Species in both tables (lab A's column order). */
  species: string[];
  /** Unit per species (the same in both labs). */
  units: Record<string, string>;
  /** Values per species aligned with `ids`. */
  a: Record<string, Float64Array>;
  b: Record<string, Float64Array>;
  /**
   * Censored results per lab (`[lab A, lab B]`), per species aligned with `ids`: the detection
   * limit of a result reported below detection (`<0.05` → 0.05; `ND` without a limit → NaN), and
   * `censored` 1 where the reader met a below-detection marker. The value in `a`/`b` for such a
   * cell is the reader's substitute (DL/2 by default) and is not a measurement: {@link compareLabs}
   * keeps it out of every statistic and score.
   */
  censored: [Record<string, Uint8Array>, Record<string, Uint8Array>];
  detectionLimit: [Record<string, Float64Array>, Record<string, Float64Array>];
  /** Species in only one table (not compared). */
  onlyA: string[];
  onlyB: string[];
  /** Samples set aside with `unmatched: "drop"` (lab, file row, id). */
  unmatched: { lab: string; row: number; sample: string }[];
  /** The two readers' results (tables, accounts). */
  reads: [SampleTableRead, SampleTableRead];
}

/**
 * Pair two laboratories' result tables by sample id (each read with `readSampleTable`).
 *
 * @throws {AozoraInputError} naming the file, row and column when a sample id of one lab is
 * missing from the other (unless `unmatched: "drop"`, which lists them in `unmatched`), when a
 * species has different units in the two files, or when no species is in both.
 */
export function pairLabResults(
  a: SampleTableRead,
  b: SampleTableRead,
  opts: { labs?: [string, string]; unmatched?: "error" | "drop" } = {},
): PairedLabResults {
  const labs = opts.labs ?? ["A", "B"];
  const fa = a.account.file,
    fb = b.account.file;
  const inA = new Map(a.ids.map((id, i) => [id, i] as const)),
    inB = new Map(b.ids.map((id, i) => [id, i] as const));
  const unmatched: PairedLabResults["unmatched"] = [];
  const check = (r: SampleTableRead, other: Map<string, number>, file: string, otherFile: string, lab: string) => {
    r.ids.forEach((id, i) => {
      if (other.has(id)) return;
      if (opts.unmatched === "drop") unmatched.push({ lab, row: r.fileRows[i], sample: id });
      else
        throw new AozoraInputError({
          file,
          row: r.fileRows[i],
          column: r.idHeader,
          expected: `a sample id that is also in ${otherFile} (both laboratories must report the same samples; pass unmatched: "drop" to set unmatched samples aside)`,
          found: id,
        });
    });
  };
  check(a, inB, fa, fb, labs[0]);
  check(b, inA, fb, fa, labs[1]);
  const ids = a.ids.filter((id) => inB.has(id));
  const numA = a.table.columns.filter((c) => c.kind === "number"),
    numB = b.table.columns.filter((c) => c.kind === "number");
  const species: string[] = [],
    units: Record<string, string> = {};
  const va: Record<string, Float64Array> = {},
    vb: Record<string, Float64Array> = {};
  const cens: PairedLabResults["censored"] = [{}, {}],
    dls: PairedLabResults["detectionLimit"] = [{}, {}];
  const limits = (r: SampleTableRead) => {
    // detection limit of every below-detection cell, from the text in the file (the account keeps it)
    const m = new Map<string, Map<number, number>>();
    const codes = missingCodeSet();
    for (const c of r.account.cellChanges) {
      if (c.reason !== "below-detection") continue;
      const q = parseCell(c.original, codes, "limit");
      const lim = q.kind === "below-detection" && q.limit !== undefined ? q.limit : NaN;
      if (!m.has(c.column)) m.set(c.column, new Map());
      m.get(c.column)!.set(c.row, lim);
    }
    return m;
  };
  const limA = limits(a),
    limB = limits(b);
  for (const c of numA) {
    const d = numB.find((x) => x.name === c.name);
    if (!d) continue;
    if (c.unit !== d.unit) {
      const col = b.table.columns.findIndex((x) => x.name === d.name);
      throw new AozoraInputError({
        file: fb,
        row: 1,
        column: d.original,
        columnNumber: col + 1,
        expected: `the unit of "${c.original}" in ${fa} (${c.unit}); convert one laboratory's results first`,
        found: d.unit,
      });
    }
    species.push(c.name);
    units[c.name] = c.unit;
    const xa = a.table.numbers(c.name),
      xb = b.table.numbers(c.name);
    va[c.name] = Float64Array.from(ids, (id) => xa[inA.get(id)!]);
    vb[c.name] = Float64Array.from(ids, (id) => xb[inB.get(id)!]);
    const side = (r: SampleTableRead, at: Map<string, number>, lim: Map<string, Map<number, number>>, k: 0 | 1) => {
      const byRow = lim.get(c.name);
      const flag = new Uint8Array(ids.length),
        dl = new Float64Array(ids.length).fill(NaN);
      ids.forEach((id, i) => {
        const row = r.fileRows[at.get(id)!];
        if (byRow?.has(row)) {
          flag[i] = 1;
          dl[i] = byRow.get(row)!;
        }
      });
      cens[k][c.name] = flag;
      dls[k][c.name] = dl;
    };
    side(a, inA, limA, 0);
    side(b, inB, limB, 1);
  }
  if (species.length === 0)
    throw new AozoraInputError({
      file: fb,
      row: 1,
      expected: `at least one species column also in ${fa}`,
      found: numB.map((c) => c.original).join(", "),
    });
  return {
    labs,
    files: [fa, fb],
    ids,
    species,
    units,
    a: va,
    b: vb,
    censored: cens,
    detectionLimit: dls,
    onlyA: numA.filter((c) => !species.includes(c.name)).map((c) => c.name),
    onlyB: numB.filter((c) => !species.includes(c.name)).map((c) => c.name),
    unmatched,
    reads: [a, b],
  };
}

/** Read two laboratories' result files and pair them (see `readSampleTable`, {@link pairLabResults}). */
export function readLabPair(
  fileA: Source,
  fileB: Source,
  opts: SampleTableOptions & { labs?: [string, string]; unmatched?: "error" | "drop" } = {},
): PairedLabResults {
  return pairLabResults(readSampleTable(fileA, opts), readSampleTable(fileB, opts), opts);
}
