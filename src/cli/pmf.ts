import { join } from "node:path";
import { readEpaPmf } from "../sourceapport/read-epapmf";
import { preparePmfInput } from "../sourceapport/prepare";
import { runPmf } from "../sourceapport/solver";
import { constraintStepsTable, exportPmfResult } from "../sourceapport/export";
import { bootstrapPmf, type BootstrapResult } from "../sourceapport/bootstrap";
import { dispPmf, type DispResult } from "../sourceapport/disp";
import { bsDispPmf, type BsDispResult } from "../sourceapport/bsdisp";
import { constrainPmf, describeConstraint, fpeakPmf, type ConstrainedResult } from "../sourceapport/rotate";
import { readPmfConstraints } from "../sourceapport/read-constraints";
import { bootstrapIntervalTable, dispIntervalTable } from "../sourceapport/errorfigures";
import { writeCsv } from "../io/write";
import { readEpaPmfResults } from "../sourceapport/read-epapmf-results";
import { compareWithEpaPmf, epaComparisonTable, type EpaComparison } from "../profiles/epa-compare";
import type { SpeciesCategory } from "../sourceapport/types";
import type { TextEncodingName } from "../io/decode";
import { encodingOption, seedOption, sheetOption, utcOffsetOption } from "./common";
import { CliUsageError, listOf } from "./options";
import type { Verb, VerbValues } from "./verb";

/** `--fpeak -0.5,0,0.5`: comma-separated finite numbers (at least one). */
function strengths(v: string | undefined): number[] | undefined {
  if (v === undefined) return undefined;
  const nums = v.split(",").map((t) => (t.trim() === "" ? NaN : Number(t)));
  if (nums.length === 0 || nums.some((x) => !Number.isFinite(x)))
    throw new CliUsageError("--fpeak", "one number or comma-separated numbers (e.g. -0.5,0.5)", v);
  return nums;
}

/** A progress bar on stderr when it is a terminal (nothing otherwise). */
function progressBar(tty: boolean, what: string): (done: number, total: number, note?: string) => void {
  return (done, total, note) => {
    if (!tty) return;
    const width = 30,
      filled = Math.round((done / total) * width);
    process.stderr.write(
      `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${what}${note ? `  ${note}` : ""}${done === total ? "\n" : ""}`,
    );
  };
}

/** Counts of the preparation's changes by kind (e.g. `{ "missing-replaced": 12, "sample-excluded": 2 }`). */
function changeCounts(changes: readonly { kind: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of changes) out[c.kind] = (out[c.kind] ?? 0) + 1;
  return out;
}

/** Upper bound of the run counts (base, bootstrap, BS-DISP): each run keeps its G and F matrices. */
export const MAX_PMF_RUNS = 1000;

/**
 * `aozora pmf`: read an EPA PMF pair, prepare it, run the base runs and, when asked, bootstrap
 * (`--bootstrap N`), DISP (`--disp`), BS-DISP (`--bsdisp N`) and an Fpeak scan (`--fpeak S,…`);
 * print a summary or one JSON object (`bootstrap`, `disp`, `bsdisp`, `fpeak` objects added, no
 * matrices: with `--out` the intervals go to `pmf_{bootstrap,disp,bsdisp}_intervals.csv`).
 *
 * Counts are bounded (`--runs`, `--bootstrap`, `--bsdisp` ≤ {@link MAX_PMF_RUNS}; `--factors` ≤ 50):
 * every run keeps an n×p and a p×m matrix, so `--runs 1e9` would exhaust the heap instead of
 * failing with a message. EPA PMF 5.0's own default is 20 base runs (Norris et al. 2014).
 */
export const pmfVerb: Verb = {
  name: "pmf",
  summary: "PMF base runs (EPA PMF 5.0 conventions); bootstrap, DISP, BS-DISP, Fpeak; --out writes EPA-layout files",
  usage: "--conc F --unc F --factors K [--runs N] [--seed S] [--robust] [--out DIR] [--json] ...",
  description: `Positive matrix factorisation of an EPA PMF concentration/uncertainty pair with EPA PMF 5.0
conventions (Q(true), Q(robust), S/N categories, extra modelling uncertainty). Error estimation:
--bootstrap N block-bootstrap runs, --disp displacement of every profile element, --bsdisp N
BS-DISP on N of the bootstrap runs (needs --bootstrap), --fpeak strengths (e.g. -0.5,0.5); with
--out the intervals are written as CSV. --constraints FILE runs the constrained solution (EPA PMF 5.0
constraints: zero, value, pull up/down within a % dQ budget, expressions of F and G elements) from the
best base run and reports dQ per constraint (absolute and % of the base Q); with --out the constrained
solution is written beside the base (pmf_constrained_*) with pmf_constraints.csv.
--json prints one JSON object on stdout; progress goes to stderr.
The fit minimises Q(true) unless --robust is given (then Q(robust): residuals |e/s| > 4 down-weighted,
as EPA PMF's robust mode); give --robust to compare with an EPA PMF 5.0 robust base run. Missing cells
are replaced by the species median (--missing drop-sample drops the sample instead); --exclude-samples
leaves samples out; every change is counted on stderr and listed in the JSON (changesByKind).
--compare-epa F (repeatable) reads a colleague's EPA PMF 5.0 result files of the same data (_profiles,
_contributions, _diagnostics, _BaseErrorEstimationSummary as .csv/.txt, or _base.xlsx/_diagnostics.xlsx)
and matches factors by profile correlation: per factor profile r, contribution r, the largest
species-share difference, and both Q values (JSON: compareEpa; --out: pmf_epa_comparison.csv).`,
  json: true,
  options: {
    conc: { type: "string", value: "F", required: true, fs: "input-file", help: "EPA PMF concentration file" },
    unc: { type: "string", value: "F", required: true, fs: "input-file", help: "EPA PMF uncertainty file" },
    factors: { type: "number", integer: true, min: 1, max: 50, required: true, value: "K", help: "number of factors" },
    runs: { type: "number", integer: true, min: 1, max: MAX_PMF_RUNS, default: 20, help: "base runs (random starts)" },
    seed: seedOption,
    robust: {
      type: "boolean",
      help: "robust fit: minimise Q(robust), residuals |e/s| > 4 down-weighted (without it aozora minimises Q(true))",
    },
    missing: {
      type: "string",
      choices: ["median", "drop-sample"],
      default: "median",
      help: "missing cells: replace by the species median (s = 4 × median) or drop the sample (EPA PMF 5.0's two choices)",
    },
    "exclude-samples": { type: "string", value: "ID,ID", help: "samples to leave out, by their first-column label" },
    weak: { type: "string", value: "A,B", help: "species set to weak (uncertainty tripled, EPA PMF 5.0)" },
    bad: { type: "string", value: "C,D", help: "species set to bad (excluded)" },
    total: { type: "string", value: "NAME", help: "total variable (set weak, reported per factor)" },
    "auto-categories": { type: "boolean", help: "categorise species by S/N (bad < 0.5, weak < 1; EPA PMF 5.0)" },
    "extra-uncertainty": {
      type: "number",
      min: 0,
      max: 100,
      default: 0,
      unit: "%",
      value: "PCT",
      help: "extra modelling uncertainty",
    },
    unit: { type: "string", value: "U", default: "µg/m3", help: "concentration unit (EPA PMF files carry none)" },
    "utc-offset": utcOffsetOption("site offset: the first column holds local times (otherwise sample ids)"),
    encoding: encodingOption,
    sheet: { ...sheetOption, help: "worksheet of an .xlsx input, for both files (default: the first sheet)" },
    "unc-sheet": { ...sheetOption, help: "worksheet of the uncertainty .xlsx when it differs from --sheet" },
    out: {
      type: "string",
      value: "DIR",
      fs: "output-dir",
      help: "folder for the EPA-layout result files and intervals",
    },
    bootstrap: { type: "number", integer: true, min: 1, max: MAX_PMF_RUNS, help: "block-bootstrap runs" },
    disp: { type: "boolean", help: "DISP: displace every profile element" },
    bsdisp: {
      type: "number",
      integer: true,
      min: 1,
      max: MAX_PMF_RUNS,
      help: "BS-DISP on this many bootstrap runs (≤ --bootstrap)",
    },
    fpeak: { type: "string", value: "S[,S...]", help: "Fpeak strengths (negative values allowed, e.g. -0.5,0.5)" },
    "compare-epa": {
      type: "string",
      multiple: true,
      value: "F",
      fs: "input-file",
      help: "EPA PMF 5.0 result file of the same data (repeat for each file): compare factor by factor",
    },
    "epa-run": {
      type: "number",
      integer: true,
      min: 1,
      value: "N",
      help: "with --compare-epa: the EPA base run to compare (default: its lowest Q(Robust))",
    },
    constraints: {
      type: "string",
      value: "FILE",
      fs: "input-file",
      help: "constraints file (JSON, README 'PMF constraints file'): a constrained run from the best base run",
    },
    workers: {
      type: "number",
      integer: true,
      min: 1,
      max: 64,
      value: "N",
      help: "worker threads (default one per core; the results do not depend on it)",
    },
  },
  run: pmfRun,
};

/** `--sheet` / `--unc-sheet` as readEpaPmf's `sheet` option (one name for both, or one per matrix). */
function pmfSheets(
  sheet: string | undefined,
  uncSheet: string | undefined,
): { sheet?: string | { concentration?: string; uncertainty?: string } } {
  if (uncSheet === undefined) return sheet === undefined ? {} : { sheet };
  return { sheet: { ...(sheet !== undefined ? { concentration: sheet } : {}), uncertainty: uncSheet } };
}

async function pmfRun(values: VerbValues, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const conc = values.conc as string;
  const unc = values.unc as string;
  const factors = values.factors as number;
  const runs = values.runs as number;
  const seed = values.seed as number;
  const extra = values["extra-uncertainty"] as number;
  const offset = values["utc-offset"] as string | undefined;
  const unit = values.unit as string;
  const encoding = values.encoding as TextEncodingName | undefined;
  // error estimation and rotations: checked before any fitting
  const bootstrapRuns = values.bootstrap as number | undefined;
  const bsdispRuns = values.bsdisp as number | undefined;
  if (bsdispRuns !== undefined && bootstrapRuns === undefined)
    throw new CliUsageError(
      "--bsdisp",
      "--bootstrap N as well (BS-DISP runs on the bootstrap resamples)",
      String(bsdispRuns),
    );
  if (bsdispRuns !== undefined && bootstrapRuns !== undefined && bsdispRuns > bootstrapRuns)
    throw new CliUsageError("--bsdisp", `at most --bootstrap ${bootstrapRuns} runs`, String(bsdispRuns));
  const fpeak = strengths(values.fpeak as string | undefined);
  const data = readEpaPmf(conc, unc, {
    unit,
    utcOffset: offset,
    sampleIds: offset === undefined,
    ...(encoding ? { encoding } : {}),
    ...pmfSheets(values.sheet as string | undefined, values["unc-sheet"] as string | undefined),
  });
  for (const w of data.warnings) err(`warning: ${w}`);
  const categories: Record<string, SpeciesCategory> = {};
  for (const sp of listOf(values.weak)) categories[sp] = "weak";
  for (const sp of listOf(values.bad)) categories[sp] = "bad";
  const input = preparePmfInput(
    {
      x: data.x,
      s: data.s,
      n: data.n,
      m: data.m,
      species: data.species,
      units: unit,
      samples: data.samples,
      times: offset ? data.concentration.times() : undefined,
      utcOffsetMinutes: data.concentration.utcOffsetMinutes,
    },
    {
      categories,
      autoCategories: values["auto-categories"] === true,
      total: values.total as string | undefined,
      extraUncertaintyPct: extra,
      missing: values.missing as "median" | "drop-sample",
      ...(values["exclude-samples"] !== undefined ? { excludeSamples: listOf(values["exclude-samples"]) } : {}),
    },
  );
  // the constraints file is resolved against the prepared input before any fitting
  const constraints =
    values.constraints !== undefined
      ? readPmfConstraints(values.constraints as string, {
          species: input.species,
          samples: input.samples,
          factors: Array.from({ length: factors }, (_, k) => `Factor ${k + 1}`),
        })
      : undefined;
  const byKind = changeCounts(input.changes);
  if (input.changes.length > 0)
    err(
      `prepared: ${Object.entries(byKind)
        .map(([k, c]) => `${c} ${k}`)
        .join(", ")} (every change is in the result's changes list)`,
    );
  const tty = process.stderr.isTTY === true;
  const workers = values.workers as number | undefined;
  const result = await runPmf(input, {
    factors,
    runs,
    seed,
    workers,
    robust: values.robust === true,
    onProgress: (done, total, run) => progressBar(tty, "runs")(done, total, `last Q(robust) ${run.qRobust.toFixed(1)}`),
  });
  const best = result.runs[result.bestIndex];
  let bs: BootstrapResult | undefined, disp: DispResult | undefined, bsdisp: BsDispResult | undefined;
  let fp: { strength: number; dQ: number; dQPct: number; converged: boolean }[] | undefined;
  if (bootstrapRuns !== undefined)
    bs = await bootstrapPmf(result, { runs: bootstrapRuns, workers, onProgress: progressBar(tty, "bootstrap runs") });
  if (values.disp === true)
    disp = await dispPmf(result, { workers, onProgress: progressBar(tty, "DISP displacements") });
  if (bsdispRuns !== undefined && bs)
    bsdisp = await bsDispPmf(result, bs, {
      runs: bsdispRuns,
      workers,
      onProgress: progressBar(tty, "BS-DISP displacements"),
    });
  if (fpeak) {
    // one strength at a time (each is independent of the others), so progress can be shown
    const bar = progressBar(tty, "Fpeak strengths");
    fp = fpeak.map((phi, i) => {
      let point: { strength: number; dQ: number; dQPct: number; converged: boolean };
      try {
        const [r] = fpeakPmf(result, [phi]);
        point = { strength: r.strength, dQ: r.dQ, dQPct: r.dQPct, converged: r.converged };
      } catch (e) {
        if (e instanceof RangeError) throw e;
        err(`warning: Fpeak strength ${phi}: ${(e as Error).message}`);
        point = { strength: phi, dQ: NaN, dQPct: NaN, converged: false }; // NaN → null in the JSON
      }
      bar(i + 1, fpeak.length);
      return point;
    });
  }
  let constrained: ConstrainedResult | undefined;
  if (constraints) constrained = constrainPmf(result, constraints);
  if (disp?.warning) err(`WARNING: ${disp.warning}`);
  const epaFiles = values["compare-epa"] as string[] | undefined;
  let cmp: EpaComparison | undefined;
  if (epaFiles && epaFiles.length) {
    const epaRun = values["epa-run"] as number | undefined;
    const epa = readEpaPmfResults(epaFiles, { encoding, ...(epaRun !== undefined ? { run: epaRun } : {}) });
    for (const s of epa.skipped)
      err(
        `compare-epa: skipped ${s.place.file}${s.place.sheet ? ` [sheet ${s.place.sheet}]` : ""} rows ${s.place.row}–${s.place.lastRow} "${s.place.title}": ${s.reason}`,
      );
    cmp = compareWithEpaPmf(result, epa);
  }
  if (values.out) {
    const dir = values.out as string;
    exportPmfResult(result, dir, { format: "both" });
    if (bs) writeCsv(bootstrapIntervalTable(result, bs), join(dir, "pmf_bootstrap_intervals.csv"));
    if (disp) writeCsv(dispIntervalTable(result, disp), join(dir, "pmf_disp_intervals.csv"));
    if (bsdisp) writeCsv(dispIntervalTable(result, bsdisp), join(dir, "pmf_bsdisp_intervals.csv"));
    if (cmp) writeCsv(epaComparisonTable(cmp), join(dir, "pmf_epa_comparison.csv"));
    if (constrained) {
      exportPmfResult({ ...result, G: constrained.G, F: constrained.F }, dir, {
        format: "both",
        name: "pmf_constrained",
        runLabel: `Constrained Run from Base Run #${best.run}`,
      });
      writeCsv(constraintStepsTable(result, constrained), join(dir, "pmf_constraints.csv"));
    }
  }
  if (values.json) {
    out(
      JSON.stringify({
        qExpected: result.qExpected,
        factors: result.p,
        robust: result.options.robust,
        n: input.n,
        m: input.m,
        best: {
          run: best.run,
          seed: best.seed,
          qTrue: best.qTrue,
          qRobust: best.qRobust,
          iterations: best.iterations,
          converged: best.converged,
        },
        runs: result.runs.map((r) => ({
          run: r.run,
          seed: r.seed,
          qTrue: r.qTrue,
          qRobust: r.qRobust,
          iterations: r.iterations,
          converged: r.converged,
        })),
        species: input.summary.map((s) => ({ name: s.name, category: s.category, sn: s.sn, reason: s.categoryReason })),
        changes: input.changes.length,
        changesByKind: byKind,
        provenance: result.provenance,
        ...(bs
          ? {
              bootstrap: {
                blockSize: bs.blockSize,
                runs: bs.runs.length,
                convergedRuns: bs.convergedRuns,
                mappingTable: bs.mappingTable,
                provenance: bs.provenance,
              },
            }
          : {}),
        ...(disp
          ? {
              disp: {
                dQmax: disp.dQmax,
                swaps: disp.swaps,
                largestDecrease: disp.largestDecrease,
                largestDecreasePct: disp.largestDecreasePct,
                warning: disp.warning ?? null,
                provenance: disp.provenance,
              },
            }
          : {}),
        ...(bsdisp
          ? {
              bsdisp: {
                dQmax: bsdisp.dQmax,
                swaps: bsdisp.swaps,
                unreliableFactors: bsdisp.unreliableFactors,
                runsUsed: bsdisp.runsUsed,
                provenance: bsdisp.provenance,
              },
            }
          : {}),
        ...(fp ? { fpeak: fp } : {}),
        ...(cmp
          ? {
              compareEpa: {
                factors: cmp.factors.map((f) => ({
                  aozora: f.aozora,
                  epa: f.epa,
                  profileR: f.profileR,
                  contributionR: f.contributionR,
                  maxShareDifference: f.maxShareDifference,
                })),
                unmatched: cmp.unmatched,
                sumProfileR: cmp.sumProfileR,
                species: cmp.species,
                samples: cmp.samples,
                q: cmp.q,
              },
            }
          : {}),
        ...(constrained
          ? {
              constrained: {
                fromRun: best.run,
                qTrue: constrained.qTrue,
                qRobust: constrained.qRobust,
                dQ: constrained.dQ,
                dQPct: constrained.dQPct,
                iterations: constrained.iterations,
                steps: constrained.steps.map((st) => ({
                  constraint: st.constraint,
                  description: describeConstraint(st.constraint, result.factorNames),
                  value: st.value ?? null,
                  dQ: st.dQ,
                  dQPct: st.dQPct,
                })),
              },
            }
          : {}),
      }),
    );
  } else {
    out(
      `PMF: ${input.n} samples × ${input.m} species, ${result.p} factors, ${result.runs.length} runs (seed ${result.options.seed}, ${result.options.robust ? "robust" : "Q(true)"} fit)`,
    );
    out(
      `Q(expected) ${result.qExpected}; best run ${best.run}: Q(true) ${best.qTrue.toFixed(1)}, Q(robust) ${best.qRobust.toFixed(1)}, ${best.iterations} iterations${best.converged ? "" : " — NOT CONVERGED"}`,
    );
    const nc = result.runs.filter((r) => !r.converged).length;
    if (nc > 0)
      err(
        `warning: ${nc} of ${result.runs.length} runs did not converge within ${result.options.maxIterations} iterations`,
      );
    out(
      "species (S/N, category): " + input.summary.map((s) => `${s.name} ${s.sn.toFixed(2)} ${s.category}`).join("; "),
    );
    if (bs) {
      out(
        `bootstrap: ${bs.runs.length} runs (block size ${bs.blockSize}, ${bs.blockSizeSource}), ${bs.convergedRuns} converged; mapping (base factor: reproduced/converged; mapped to each base factor, unmapped):`,
      );
      for (const r of bs.mappingTable)
        out(`  ${r.factor}: ${r.reproduced}/${bs.convergedRuns}; ${r.mappedTo.join(" ")}, unmapped ${r.unmapped}`);
    }
    const swapLine = (sw: { dQmax: number; byFactor: number[]; displacements: number }[]) =>
      sw.map((l) => `dQmax ${l.dQmax}: ${l.byFactor.join(" ")}`).join("; ");
    if (disp) {
      out(
        `DISP: ${disp.intervals.length} elements, swaps per factor ${swapLine(disp.swaps)}; largest Q decrease ${disp.largestDecrease.toFixed(2)} (${disp.largestDecreasePct.toFixed(3)} %)`,
      );
    }
    if (bsdisp) {
      out(
        `BS-DISP: ${bsdisp.runsUsed.length} bootstrap runs used (${bsdisp.runsSkipped.length} skipped), swaps per factor ${swapLine(bsdisp.swaps)}`,
      );
      if (bsdisp.unreliableFactors.length > 0)
        err(
          `warning: BS-DISP swaps at the smallest dQmax for ${bsdisp.unreliableFactors.join(", ")}: their BS-DISP intervals are not reliable`,
        );
    }
    if (fp)
      out(
        "Fpeak: " +
          fp
            .map(
              (f) =>
                `strength ${f.strength}: dQ ${f.dQ.toFixed(2)} (${f.dQPct.toFixed(3)} %)${f.converged ? "" : " NOT CONVERGED"}`,
            )
            .join("; "),
      );
    if (cmp) {
      const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "n/a");
      out(
        `EPA PMF comparison (Σ profile r ${f3(cmp.sumProfileR)}; samples paired by ${cmp.samples.by}, ${cmp.samples.paired}; Q(robust) aozora/EPA ${f3(cmp.q.ratioRobust)}, Q(true) ${f3(cmp.q.ratioTrue)}):`,
      );
      for (const f of cmp.factors)
        out(
          `  ${f.aozora} ↔ ${f.epa}: profile r ${f3(f.profileR)}, contribution r ${f3(f.contributionR)}, largest share difference ${f.maxShareDifference.species} ${f3(f.maxShareDifference.points)} points`,
        );
      if (cmp.unmatched.aozora.length || cmp.unmatched.epa.length)
        out(
          `  unmatched: aozora ${cmp.unmatched.aozora.join(", ") || "none"}; EPA ${cmp.unmatched.epa.join(", ") || "none"}`,
        );
    }
    if (constrained) {
      out(
        `constrained run from base run ${best.run}: Q(true) ${constrained.qTrue.toFixed(1)}, Q(robust) ${constrained.qRobust.toFixed(1)}; dQ ${constrained.dQ.toFixed(2)} (${constrained.dQPct.toFixed(3)} % of the base Q)`,
      );
      constrained.steps.forEach((st, i) =>
        out(
          `  ${i + 1}. ${describeConstraint(st.constraint, result.factorNames)}: dQ ${st.dQ.toFixed(2)} (${st.dQPct.toFixed(3)} %)${st.value !== undefined ? `, value ${Number(st.value.toPrecision(6))}` : ""}`,
        ),
      );
    }
  }
  return 0;
}
