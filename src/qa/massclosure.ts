import { median } from "../stats/median";
import type { MathNode, EvalFunction, MathJsInstance } from "mathjs";
import type { AqTable } from "../table/table";
import { findColumn, sampleLabels, valuesUgm3 } from "./columns";
import { MASS_CLOSURE_SETS, type MassClosureComponent, type MassClosureFormulaSet } from "./tables/massclosure";
import { TRACE_ELEMENTS } from "./tables/symbols";

let mathInstance: MathJsInstance | undefined;
/** mathjs, created on first use (loading it costs ~0.5 s; the library should not pay that at import). */
function math(): MathJsInstance {
  if (!mathInstance) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const m = require("mathjs") as typeof import("mathjs");
    mathInstance = m.create(m.all, {});
  }
  return mathInstance;
}

/** Options of {@link massClosure}. */
export interface MassClosureOptions {
  /** Formula set id (`improve-1994`, `improve-2007`, `cn`, `jp`; default `improve-2007`) or a set of your own. */
  formulas?: string | MassClosureFormulaSet;
  /** OM/OC factor (default: the set's; typical 1.4 fresh urban … 2.1 aged/biomass, Turpin & Lim 2001). */
  omoc?: number;
  /** Extra or replacing components (mathjs expressions of formula symbols, µg/m3), e.g. `{ key: "soil", expression: "Al / 0.08" }`. */
  extraComponents?: MassClosureComponent[];
  /** Formula symbol → column name, overriding the automatic match. */
  columns?: Record<string, string>;
  /** Measured-mass column (default: the column matching `PM25`). */
  massColumn?: string;
  /** Text column with sample ids (default `sample`/`sample_id`/`id` if present). */
  idColumn?: string;
  /** Components whose inputs are missing from the table: `skip` (default; listed in `skipped`) or `error`. */
  missing?: "skip" | "error";
}

/** One sample of {@link MassClosureResult}. */
export interface MassClosureSample {
  sample: string;
  /** Component values, µg/m3 (NaN when an input is NaN). */
  components: Record<string, number>;
  /** Sum of the components, µg/m3 (NaN when any component is NaN). */
  reconstructed: number;
  /** Measured mass, µg/m3 (NaN when absent). */
  measured: number;
  /** reconstructed / measured. */
  ratio: number;
  /** measured − reconstructed, µg/m3. */
  unexplained: number;
}

/** Result of {@link massClosure}. */
export interface MassClosureResult {
  formulaSet: string;
  omoc: number;
  /** Components computed, with their expressions and the columns used. */
  components: { key: string; expression: string; columns: Record<string, string> }[];
  /** Components not computed, with the formula symbols that had no column. */
  skipped: { key: string; expression: string; missingSymbols: string[] }[];
  samples: MassClosureSample[];
  /** Campaign summary over samples with finite ratio: n, mean and median ratio, mean component shares of measured mass. */
  summary: {
    n: number;
    meanRatio: number;
    medianRatio: number;
    meanReconstructed: number;
    meanMeasured: number;
    meanShare: Record<string, number>;
  };
  unit: "µg/m3";
}

function symbolsOf(node: MathNode): string[] {
  const out = new Set<string>();
  node.traverse((n, path, parent) => {
    if (n.type === "SymbolNode" && !(parent && parent.type === "FunctionNode" && path === "fn"))
      out.add((n as unknown as { name: string }).name);
  });
  return [...out];
}

/**
 * Mass closure (chemical mass reconstruction) of PM2.5 per sample: reconstructed mass as a sum of
 * components (ammonium sulfate/nitrate or measured ions, organic matter = OM/OC·OC, EC, soil or
 * mineral oxides, sea salt, trace elements) compared with the gravimetric mass. Formula sets and
 * their citations: `MASS_CLOSURE_SETS` (IMPROVE 1994, revised IMPROVE 2007, Chinese and
 * Japanese variants); user components are mathjs expressions of the same symbols.
 *
 * All concentrations are converted to µg/m3 (ng/m3 columns ÷ 1000). A component whose symbols
 * have no column is skipped and listed (never silently zero); a NaN input makes that sample's
 * component and reconstructed mass NaN.
 * @throws {RangeError} when the formula set is unknown, the OM/OC factor is not > 0, or a component's expression cannot be parsed, needs a column the table lacks, or does not give a number
 */
export function massClosure(table: AqTable, opts: MassClosureOptions = {}): MassClosureResult {
  const set = typeof opts.formulas === "object" ? opts.formulas : MASS_CLOSURE_SETS[opts.formulas ?? "improve-2007"];
  if (!set)
    throw new RangeError(
      `unknown mass-closure formula set "${String(opts.formulas)}" (have: ${Object.keys(MASS_CLOSURE_SETS).join(", ")})`,
    );
  const omoc = opts.omoc ?? set.omoc;
  if (!(omoc > 0)) throw new RangeError(`OM/OC factor must be > 0, got ${omoc}`);
  const comps = set.components.slice();
  for (const c of opts.extraComponents ?? []) {
    const i = comps.findIndex((d) => d.key === c.key);
    if (i >= 0) comps[i] = c;
    else comps.push(c);
  }
  const n = table.numRows;
  const cache = new Map<string, Float64Array>();
  const traceCols = TRACE_ELEMENTS.map((e) => [e, findColumn(table, e, opts.columns)] as const).filter(
    (p) => p[1] !== undefined,
  ) as [string, string][];
  const computed: MassClosureResult["components"] = [];
  const skipped: MassClosureResult["skipped"] = [];
  const values: Record<string, Float64Array> = {};
  for (const c of comps) {
    let expr = c.expression;
    if (expr.includes("sum(TRACE)")) {
      if (traceCols.length === 0) {
        skipped.push({ key: c.key, expression: c.expression, missingSymbols: ["TRACE (no trace-element column)"] });
        continue;
      }
      expr = expr.replace(/sum\(TRACE\)/g, "(" + traceCols.map((p) => p[0]).join(" + ") + ")");
    }
    let node: MathNode, code: EvalFunction;
    try {
      node = math().parse(expr);
      code = node.compile();
    } catch (e) {
      throw new RangeError(
        `mass-closure component "${c.key}": cannot parse "${c.expression}" (${(e as Error).message})`,
      );
    }
    const syms = symbolsOf(node).filter((s) => s !== "omoc");
    const cols: Record<string, string> = {};
    const missing: string[] = [];
    for (const s of syms) {
      const col = findColumn(table, s, opts.columns);
      if (col === undefined) missing.push(s);
      else cols[s] = col;
    }
    if (missing.length) {
      if (opts.missing === "error")
        throw new RangeError(
          `mass-closure component "${c.key}" (${c.expression}) needs ${missing.join(", ")}: no such column (have: ${table.names.join(", ")})`,
        );
      skipped.push({ key: c.key, expression: c.expression, missingSymbols: missing });
      continue;
    }
    const arrays: Record<string, Float64Array> = {};
    for (const [s, col] of Object.entries(cols)) {
      if (!cache.has(col)) cache.set(col, valuesUgm3(table, col));
      arrays[s] = cache.get(col)!;
    }
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const scope: Record<string, number> = { omoc };
      let bad = false;
      for (const s of syms) {
        const v = arrays[s][i];
        if (Number.isNaN(v)) bad = true;
        scope[s] = v;
      }
      if (bad) {
        out[i] = NaN;
        continue;
      }
      const r = code.evaluate(scope);
      if (typeof r !== "number")
        throw new RangeError(`mass-closure component "${c.key}" does not evaluate to a number`);
      out[i] = r;
    }
    values[c.key] = out;
    computed.push({ key: c.key, expression: c.expression, columns: cols });
  }
  const massCol = opts.massColumn ?? findColumn(table, "PM25", opts.columns);
  const mass = massCol !== undefined ? valuesUgm3(table, massCol) : new Float64Array(n).fill(NaN);
  const ids = sampleLabels(table, opts.idColumn);
  const samples: MassClosureSample[] = [];
  for (let i = 0; i < n; i++) {
    const components: Record<string, number> = {};
    let rec = computed.length ? 0 : NaN;
    for (const c of computed) {
      components[c.key] = values[c.key][i];
      rec += values[c.key][i];
    }
    samples.push({
      sample: ids[i],
      components,
      reconstructed: rec,
      measured: mass[i],
      ratio: rec / mass[i],
      unexplained: mass[i] - rec,
    });
  }
  const ok = samples.filter((s) => Number.isFinite(s.ratio));
  const mean = (f: (s: MassClosureSample) => number) => ok.reduce((a, s) => a + f(s), 0) / ok.length;
  const ratios = ok.map((s) => s.ratio);
  const meanShare: Record<string, number> = {};
  for (const c of computed) meanShare[c.key] = mean((s) => s.components[c.key] / s.measured);
  return {
    formulaSet: set.id,
    omoc,
    components: computed,
    skipped,
    samples,
    summary: {
      n: ok.length,
      meanRatio: mean((s) => s.ratio),
      medianRatio: median(ratios),
      meanReconstructed: mean((s) => s.reconstructed),
      meanMeasured: mean((s) => s.measured),
      meanShare,
    },
    unit: "µg/m3",
  };
}
