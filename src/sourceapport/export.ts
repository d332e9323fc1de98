/**
 * Export of a PMF solution: tidy tables (CSV and/or xlsx, through the library's writers) and
 * CSV files laid out like EPA PMF 5.0's own `<name>_profiles.csv` and `<name>_contributions.csv`,
 * for side-by-side comparison with EPA PMF runs.
 *
 * References: Norris, G. et al. (2014) EPA Positive Matrix Factorization (PMF) 5.0 Fundamentals and
 * User Guide, EPA/600/R-14/108 (base-run output files); Brown, S.G. et al. (2015) Sci. Total
 * Environ. 518–519:626–635 (what a PMF report should include: runs and Q values, S/N and species
 * categories, profiles, contributions, residual and fit diagnostics).
 */

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { neutraliseFormula, quoteCsvField, writeCsv, writeXlsx } from "../io/write";
import { AqTable } from "../table/table";
import { formatInstant } from "../table/time";
import {
  contributions,
  observedPredicted,
  profileMatrices,
  profiles,
  residuals,
  scaledResidualTable,
  speciesDiagnosticTable,
  totalIndex,
} from "./diagnostics";
import type { PmfResult } from "./types";
import { describeConstraint, type ConstrainedResult } from "./rotate";

/** Options of {@link exportPmfResult}. */
export interface PmfExportOptions {
  /** Tidy tables as `.csv`, `.xlsx` or both (default `"csv"`). */
  format?: "csv" | "xlsx" | "both";
  /** File-name prefix (default `"pmf"`): files are `<name>_profiles.csv` etc. No path separators. */
  name?: string;
  /** Also write the EPA PMF 5.0-style `<name>_profiles.csv` and `<name>_contributions.csv` (default true; always CSV). */
  epaLayout?: boolean;
  /** Start CSV files with a UTF-8 byte-order mark so Excel reads CJK text correctly (default false). */
  bom?: boolean;
  /** Run named in the EPA-layout block titles (default `Base Run #r`; e.g. `Constrained Run from Base Run #3`). */
  runLabel?: string;
}

/**
 * The run table: one row per base run with `run`, `seed`, `qTrue`, `qRobust`, `iterations`
 * (numbers, unit `"1"`), `converged` (`"true"`/`"false"`) and `best` (`"*"` on the reported run,
 * the lowest Q(robust)).
 */
export function runsTable(result: PmfResult): AqTable {
  const runs = result.runs;
  return AqTable.create(
    {
      run: Float64Array.from(runs, (r) => r.run),
      seed: Float64Array.from(runs, (r) => r.seed),
      qTrue: Float64Array.from(runs, (r) => r.qTrue),
      qRobust: Float64Array.from(runs, (r) => r.qRobust),
      iterations: Float64Array.from(runs, (r) => r.iterations),
      converged: runs.map((r) => String(r.converged)),
      best: runs.map((_, i) => (i === result.bestIndex ? "*" : "")),
    },
    {
      run: { unit: "1" },
      seed: { unit: "1" },
      qTrue: { unit: "1" },
      qRobust: { unit: "1" },
      iterations: { unit: "1" },
      converged: { kind: "string" },
      best: { kind: "string" },
    },
  );
}

/**
 * The species summary: every species of the original data (bad and excluded ones too) with its
 * unit, EPA PMF 5.0 signal-to-noise `sn` (Norris et al. 2014), `category`
 * (strong/weak/bad), `categoryReason`, `belowUncertaintyShare` and `missingShare` (fractions 0–1).
 */
export function speciesSummaryTable(result: PmfResult): AqTable {
  const s = result.input.summary;
  return AqTable.create(
    {
      species: s.map((r) => r.name),
      unit: s.map((r) => r.unit),
      sn: Float64Array.from(s, (r) => r.sn),
      category: s.map((r) => r.category),
      categoryReason: s.map((r) => r.categoryReason),
      belowUncertaintyShare: Float64Array.from(s, (r) => r.belowUncertaintyShare),
      missingShare: Float64Array.from(s, (r) => r.missingShare),
    },
    {
      species: { kind: "string" },
      unit: { kind: "string" },
      sn: { unit: "1" },
      category: { kind: "string" },
      categoryReason: { kind: "string" },
      belowUncertaintyShare: { unit: "1" },
      missingShare: { unit: "1" },
    },
  );
}

/** A CSV cell from text: formula-neutralised, quoted when needed (RFC 4180). */
function textCell(s: string): string {
  return quoteCsvField(neutraliseFormula(s));
}

/** A CSV cell from a number: shortest round-trip decimal, empty when not finite. */
function numCell(x: number): string {
  if (!Number.isFinite(x)) return "";
  return Object.is(x, -0) ? "-0" : String(x);
}

/** `"Base Run #3"`: the reported run's number. */
function baseRunLabel(result: PmfResult): string {
  const run = result.runs[result.bestIndex]?.run ?? result.bestIndex + 1;
  return `Base Run #${run}`;
}

/** One EPA-style block: title line, blank line, header row, one row per entry, blank line. */
function block(title: string, header: string[], rows: { label: string; values: ArrayLike<number> }[]): string[] {
  const lines = [textCell(title), "", header.map(textCell).join(",")];
  for (const r of rows) lines.push([textCell(r.label), ...Array.from(r.values, numCell)].join(","));
  lines.push("");
  return lines;
}

/**
 * Text of an EPA PMF 5.0-style `_profiles.csv`: blocks
 * `Factor Profiles (conc. of species) from Base Run #r`,
 * `Factor Profiles (% of species sum) from Base Run #r`,
 * `Factor Profiles (% of factor total) from Base Run #r` and, when a total variable is set,
 * `Factor Profiles (% of total variable) from Base Run #r`. Each block is a title line, a blank
 * line, a header row (`""`, `Factor 1`, …), one row per species (name, then one number per
 * factor), and a blank line. Lines end in CRLF; text cells are protected against formula
 * injection; numbers are written in shortest round-trip form, undefined values as empty cells.
 * (EPA PMF's own files carry the same blocks; the "% of factor total" block is aozora's, see
 * {@link profileMatrices}.)
 */
export function epaProfilesCsv(result: PmfResult, runLabel?: string): string {
  const pm = profileMatrices(result);
  const { p, m } = pm;
  const run = runLabel ?? baseRunLabel(result);
  const header = ["", ...pm.factorNames];
  const rowsOf = (mat: Float64Array) =>
    pm.species.map((sp, j) => ({ label: sp, values: Float64Array.from({ length: p }, (_, k) => mat[k * m + j]) }));
  const lines = [
    ...block(`Factor Profiles (conc. of species) from ${run}`, header, rowsOf(pm.concentration)),
    ...block(`Factor Profiles (% of species sum) from ${run}`, header, rowsOf(pm.percentOfSpecies)),
    ...block(`Factor Profiles (% of factor total) from ${run}`, header, rowsOf(pm.percentOfFactorTotal)),
  ];
  if (pm.percentOfTotalVariable) {
    lines.push(
      ...block(`Factor Profiles (% of total variable) from ${run}`, header, rowsOf(pm.percentOfTotalVariable)),
    );
  }
  return lines.join("\r\n");
}

/**
 * Text of an EPA PMF 5.0-style `_contributions.csv`: a block
 * `Factor Contributions (avg = 1) from Base Run #r` with header `Date` (local ISO 8601 time with
 * the site's offset, when times are known) or `Sample` (the sample labels), then `Factor 1`, …;
 * and, when a total variable is set, a block
 * `Factor Contributions (conc. units) from Base Run #r; total variable <name> (<unit>)` holding
 * G_ik·F_k,total. Same block structure and cell rules as {@link epaProfilesCsv}.
 */
export function epaContributionsCsv(result: PmfResult, runLabel?: string): string {
  const { p, G, F, input, factorNames } = result;
  profileMatrices(result); // size checks
  const { m } = input;
  const t = totalIndex(input);
  const run = runLabel ?? baseRunLabel(result);
  const labels = input.times
    ? Array.from(input.times, (ms) => formatInstant(ms, input.utcOffsetMinutes ?? 0))
    : input.samples;
  const header = [input.times ? "Date" : "Sample", ...factorNames];
  const rows = (scale: (k: number) => number) =>
    labels.map((label, i) => ({ label, values: Float64Array.from({ length: p }, (_, k) => G[i * p + k] * scale(k)) }));
  const lines = block(
    `Factor Contributions (avg = 1) from ${run}`,
    header,
    rows(() => 1),
  );
  if (t >= 0) {
    lines.push(
      ...block(
        `Factor Contributions (conc. units) from ${run}; total variable ${input.species[t]} (${input.units[t]})`,
        header,
        rows((k) => F[k * m + t]),
      ),
    );
  }
  return lines.join("\r\n");
}

/**
 * The dQ of each constraint of a constrained run ({@link constrainPmf}), one row per constraint
 * in the order applied: `constraint` (1-based), `description` ({@link describeConstraint}),
 * `value` (what the element or expression was set to or reached; F in concentration units, G
 * normalised, empty when none), `dQ` (objective increase of the step over the previous ones) and
 * `dQPct` (100·dQ/Q_base, EPA's "% dQ"); a last row `total` with the constrained run's dQ.
 */
export function constraintStepsTable(result: PmfResult, constrained: ConstrainedResult): AqTable {
  const steps = constrained.steps;
  return AqTable.create(
    {
      constraint: [...steps.map((_, i) => String(i + 1)), "total"],
      description: [...steps.map((st) => describeConstraint(st.constraint, result.factorNames)), "all constraints"],
      value: Float64Array.from([...steps.map((st) => st.value ?? NaN), NaN]),
      dQ: Float64Array.from([...steps.map((st) => st.dQ), constrained.dQ]),
      dQPct: Float64Array.from([...steps.map((st) => st.dQPct), constrained.dQPct]),
    },
    {
      constraint: { kind: "string" },
      description: { kind: "string" },
      value: { unit: "1" },
      dQ: { unit: "1" },
      dQPct: { unit: "%" },
    },
  );
}

/**
 * Write a PMF solution to `dir` (created if missing) and return the paths written.
 *
 * Tidy tables, as `.csv` and/or `.xlsx` per `format` (writers of src/io/write.ts: header
 * `name (unit)`, times as local ISO 8601 with offset, text protected against formula injection):
 * - `<name>_profile_table`: {@link profiles} (factor, species, concentration, % of species,
 *   % of factor total[, % of total variable]);
 * - `<name>_contribution_table`: {@link contributions} (normalised and, with a total variable,
 *   mass units);
 * - `<name>_scaled_residuals`: {@link scaledResidualTable} (r/s per sample and species);
 * - `<name>_species_diagnostics`: {@link speciesDiagnosticTable} (Q/Qexp, |r/s| > 3 counts, box
 *   statistics, observed/predicted r², slope, intercept);
 * - `<name>_sample_diagnostics`: Q_i and Q_i/(Qexp/n) per sample;
 * - `<name>_runs`: {@link runsTable};
 * - `<name>_species_summary`: {@link speciesSummaryTable} (S/N and categories).
 *
 * EPA PMF 5.0 layout (CSV, unless `epaLayout` is false): `<name>_profiles.csv`
 * ({@link epaProfilesCsv}) and `<name>_contributions.csv` ({@link epaContributionsCsv}).
 *
 * @param result a PMF result
 * @param dir output folder
 * @param opts format (default csv), file-name prefix (default `pmf`), EPA layout (default on), BOM
 * @returns the paths of the files written, in writing order
 * @throws Error when `name` is empty or contains a path separator, or the result is inconsistent
 */
export function exportPmfResult(result: PmfResult, dir: string, opts: PmfExportOptions = {}): string[] {
  const format = opts.format ?? "csv";
  if (format !== "csv" && format !== "xlsx" && format !== "both") {
    throw new RangeError(`export format must be "csv", "xlsx" or "both", got "${String(format)}"`);
  }
  const name = opts.name ?? "pmf";
  if (name === "" || /[/\\]/.test(name) || name === "." || name === "..") {
    throw new RangeError(`export name "${name}" must be a plain file-name prefix (no path separators)`);
  }
  const res = residuals(result);
  const fit = observedPredicted(result);
  const sampleDiag = AqTable.create(
    {
      sample: res.samples.map((s) => s.sample),
      q: Float64Array.from(res.samples, (s) => s.q),
      qRatio: Float64Array.from(res.samples, (s) => s.qRatio),
    },
    { sample: { kind: "string" }, q: { unit: "1" }, qRatio: { unit: "1" } },
  );
  const tables: [string, AqTable, string][] = [
    ["profile_table", profiles(result), "profiles"],
    ["contribution_table", contributions(result), "contributions"],
    ["scaled_residuals", scaledResidualTable(result, res), "scaled residuals"],
    ["species_diagnostics", speciesDiagnosticTable(result, res, fit), "species diagnostics"],
    ["sample_diagnostics", sampleDiag, "sample diagnostics"],
    ["runs", runsTable(result), "runs"],
    ["species_summary", speciesSummaryTable(result), "species summary"],
  ];
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [suffix, table, sheet] of tables) {
    const base = join(dir, `${name}_${suffix}`);
    if (format === "csv" || format === "both") {
      writeCsv(table, `${base}.csv`, { bom: opts.bom });
      written.push(`${base}.csv`);
    }
    if (format === "xlsx" || format === "both") {
      writeXlsx(table, `${base}.xlsx`, { sheet });
      written.push(`${base}.xlsx`);
    }
  }
  if (opts.epaLayout ?? true) {
    const bom = opts.bom ? "\uFEFF" : "";
    for (const [suffix, text] of [
      ["profiles", epaProfilesCsv(result, opts.runLabel)],
      ["contributions", epaContributionsCsv(result, opts.runLabel)],
    ] as const) {
      const path = join(dir, `${name}_${suffix}.csv`);
      writeFileSync(path, bom + text, "utf8");
      written.push(path);
    }
  }
  return written;
}
