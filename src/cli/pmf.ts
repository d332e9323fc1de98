import { join } from "node:path";
import { readEpaPmf } from "../sourceapport/read-epapmf";
import { preparePmfInput } from "../sourceapport/prepare";
import { runPmf } from "../sourceapport/solver";
import { exportPmfResult } from "../sourceapport/export";
import { bootstrapPmf, type BootstrapResult } from "../sourceapport/bootstrap";
import { dispPmf, type DispResult } from "../sourceapport/disp";
import { bsDispPmf, type BsDispResult } from "../sourceapport/bsdisp";
import { fpeakPmf } from "../sourceapport/rotate";
import { bootstrapIntervalTable, dispIntervalTable } from "../sourceapport/errorfigures";
import { writeCsv } from "../io/write";
import type { SpeciesCategory } from "../sourceapport/types";

type Values = Record<string, string | boolean | undefined>;

function int(v: string | boolean | undefined, name: string, dflt?: number): number {
  if (v === undefined) {
    if (dflt === undefined) throw new RangeError(`--${name} is required`);
    return dflt;
  }
  const n = Number(v);
  // Number("") and Number("  ") are 0: an empty option value is an error, not 0.
  if (typeof v !== "string" || v.trim() === "" || !Number.isInteger(n))
    throw new RangeError(`--${name} must be an integer, got "${String(v)}"`);
  return n;
}

/** A positive integer option, or undefined when absent. */
function positive(v: string | boolean | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = int(v, name);
  if (n < 1) throw new RangeError(`--${name} must be a positive integer, got "${String(v)}"`);
  return n;
}

/** `--fpeak -0.5,0,0.5`: comma-separated finite numbers (at least one). */
function strengths(v: string | boolean | undefined): number[] | undefined {
  if (v === undefined) return undefined;
  const parts = typeof v === "string" ? v.split(",").map((t) => t.trim()) : [];
  const nums = parts.map((t) => (t === "" ? NaN : Number(t)));
  if (nums.length === 0 || nums.some((x) => !Number.isFinite(x))) {
    throw new RangeError(`--fpeak must be one number or comma-separated numbers (e.g. -0.5,0.5), got "${String(v)}"`);
  }
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

const list = (v: string | boolean | undefined) =>
  typeof v === "string"
    ? v
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== "")
    : [];

/**
 * `aozora pmf`: read an EPA PMF pair, prepare it, run the base runs and, when asked, bootstrap
 * (`--bootstrap N`), DISP (`--disp`), BS-DISP (`--bsdisp N`) and an Fpeak scan (`--fpeak S,…`);
 * print a summary or one JSON object (`bootstrap`, `disp`, `bsdisp`, `fpeak` objects added, no
 * matrices: with `--out` the intervals go to `pmf_{bootstrap,disp,bsdisp}_intervals.csv`).
 */
export async function pmfVerb(values: Values, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const conc = values.conc as string | undefined;
  const unc = values.unc as string | undefined;
  if (!conc || !unc) throw new RangeError("aozora pmf: --conc and --unc are required");
  const factors = int(values.factors, "factors");
  const runs = int(values.runs, "runs", 20);
  const seed = int(values.seed, "seed", 1);
  // The generator takes `seed >>> 0`: 2^32 would silently become seed 0, so refuse, do not wrap.
  if (seed < 0 || seed > 4294967295)
    throw new RangeError(`--seed must be an integer in [0, 4294967295] (2^32 − 1), got "${String(values.seed)}"`);
  const extra = values["extra-uncertainty"] === undefined ? 0 : Number(values["extra-uncertainty"]);
  if (!Number.isFinite(extra) || String(values["extra-uncertainty"]).trim() === "")
    throw new RangeError(
      `--extra-uncertainty must be a number (percent), got "${String(values["extra-uncertainty"])}"`,
    );
  const offset = values["utc-offset"] as string | undefined;
  const unit = (values.unit as string | undefined) ?? "µg/m3";
  // error estimation and rotations: checked before any fitting
  const bootstrapRuns = positive(values.bootstrap, "bootstrap");
  const bsdispRuns = positive(values.bsdisp, "bsdisp");
  if (bsdispRuns !== undefined && bootstrapRuns === undefined)
    throw new RangeError("--bsdisp N needs --bootstrap N (BS-DISP runs on the bootstrap resamples)");
  if (bsdispRuns !== undefined && bootstrapRuns !== undefined && bsdispRuns > bootstrapRuns) {
    throw new RangeError(`--bsdisp ${bsdispRuns} asks for more runs than --bootstrap ${bootstrapRuns}`);
  }
  const fpeak = strengths(values.fpeak);
  const data = readEpaPmf(conc, unc, { unit, utcOffset: offset, sampleIds: offset === undefined });
  const categories: Record<string, SpeciesCategory> = {};
  for (const sp of list(values.weak)) categories[sp] = "weak";
  for (const sp of list(values.bad)) categories[sp] = "bad";
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
    },
  );
  const tty = process.stderr.isTTY === true;
  const result = await runPmf(input, {
    factors,
    runs,
    seed,
    robust: values.robust === true,
    onProgress: (done, total, run) => progressBar(tty, "runs")(done, total, `last Q(robust) ${run.qRobust.toFixed(1)}`),
  });
  const best = result.runs[result.bestIndex];
  let bs: BootstrapResult | undefined, disp: DispResult | undefined, bsdisp: BsDispResult | undefined;
  let fp: { strength: number; dQ: number; dQPct: number; converged: boolean }[] | undefined;
  if (bootstrapRuns !== undefined)
    bs = await bootstrapPmf(result, { runs: bootstrapRuns, onProgress: progressBar(tty, "bootstrap runs") });
  if (values.disp === true) disp = await dispPmf(result, { onProgress: progressBar(tty, "DISP displacements") });
  if (bsdispRuns !== undefined && bs)
    bsdisp = await bsDispPmf(result, bs, { runs: bsdispRuns, onProgress: progressBar(tty, "BS-DISP displacements") });
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
  if (disp?.warning) err(`WARNING: ${disp.warning}`);
  if (values.out) {
    const dir = values.out as string;
    exportPmfResult(result, dir, { format: "both" });
    if (bs) writeCsv(bootstrapIntervalTable(result, bs), join(dir, "pmf_bootstrap_intervals.csv"));
    if (disp) writeCsv(dispIntervalTable(result, disp), join(dir, "pmf_disp_intervals.csv"));
    if (bsdisp) writeCsv(dispIntervalTable(result, bsdisp), join(dir, "pmf_bsdisp_intervals.csv"));
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
  }
  return 0;
}
