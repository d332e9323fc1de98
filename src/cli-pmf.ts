import { readEpaPmf } from "./io/epapmf";
import { preparePmfInput } from "./sourceapport/prepare";
import { runPmf } from "./sourceapport/solver";
import { exportPmfResult } from "./sourceapport/export";
import type { SpeciesCategory } from "./sourceapport/types";

type Values = Record<string, string | boolean | undefined>;

function int(v: string | boolean | undefined, name: string, dflt?: number): number {
  if (v === undefined) {
    if (dflt === undefined) throw new RangeError(`--${name} is required`);
    return dflt;
  }
  const n = Number(v);
  if (typeof v !== "string" || !Number.isInteger(n)) throw new RangeError(`--${name} must be an integer, got "${String(v)}"`);
  return n;
}

const list = (v: string | boolean | undefined) => (typeof v === "string" ? v.split(",").map((s) => s.trim()).filter((s) => s !== "") : []);

/** `aozora pmf`: read an EPA PMF pair, prepare it, run the base runs, print a summary or one JSON object. */
export async function pmfVerb(values: Values, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const conc = values.conc as string | undefined;
  const unc = values.unc as string | undefined;
  if (!conc || !unc) throw new RangeError("aozora pmf: --conc and --unc are required");
  const factors = int(values.factors, "factors");
  const runs = int(values.runs, "runs", 20);
  const seed = int(values.seed, "seed", 1);
  const extra = values["extra-uncertainty"] === undefined ? 0 : Number(values["extra-uncertainty"]);
  if (!Number.isFinite(extra)) throw new RangeError(`--extra-uncertainty must be a number (percent), got "${String(values["extra-uncertainty"])}"`);
  const offset = values["utc-offset"] as string | undefined;
  const unit = (values.unit as string | undefined) ?? "µg/m3";
  const data = readEpaPmf(conc, unc, { unit, utcOffset: offset, sampleIds: offset === undefined });
  const categories: Record<string, SpeciesCategory> = {};
  for (const sp of list(values.weak)) categories[sp] = "weak";
  for (const sp of list(values.bad)) categories[sp] = "bad";
  const input = preparePmfInput(
    { x: data.x, s: data.s, n: data.n, m: data.m, species: data.species, units: unit, samples: data.samples, times: offset ? data.concentration.times() : undefined, utcOffsetMinutes: data.concentration.utcOffsetMinutes },
    { categories, autoCategories: values["auto-categories"] === true, total: values.total as string | undefined, extraUncertaintyPct: extra },
  );
  const tty = process.stderr.isTTY === true;
  const result = await runPmf(input, {
    factors,
    runs,
    seed,
    robust: values.robust === true,
    onProgress: (done, total, run) => {
      if (!tty) return;
      const width = 30, filled = Math.round((done / total) * width);
      process.stderr.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} runs  last Q(robust) ${run.qRobust.toFixed(1)}${done === total ? "\n" : ""}`);
    },
  });
  const best = result.runs[result.bestIndex];
  if (values.out) {
    exportPmfResult(result, values.out as string, { format: "both" });
  }
  if (values.json) {
    out(
      JSON.stringify({
        qExpected: result.qExpected,
        factors: result.p,
        robust: result.options.robust,
        n: input.n,
        m: input.m,
        best: { run: best.run, seed: best.seed, qTrue: best.qTrue, qRobust: best.qRobust, iterations: best.iterations, converged: best.converged },
        runs: result.runs.map((r) => ({ run: r.run, seed: r.seed, qTrue: r.qTrue, qRobust: r.qRobust, iterations: r.iterations, converged: r.converged })),
        species: input.summary.map((s) => ({ name: s.name, category: s.category, sn: s.sn, reason: s.categoryReason })),
        changes: input.changes.length,
      }),
    );
  } else {
    out(`PMF: ${input.n} samples × ${input.m} species, ${result.p} factors, ${result.runs.length} runs (seed ${result.options.seed}, ${result.options.robust ? "robust" : "Q(true)"} fit)`);
    out(`Q(expected) ${result.qExpected}; best run ${best.run}: Q(true) ${best.qTrue.toFixed(1)}, Q(robust) ${best.qRobust.toFixed(1)}, ${best.iterations} iterations${best.converged ? "" : " — NOT CONVERGED"}`);
    const nc = result.runs.filter((r) => !r.converged).length;
    if (nc > 0) err(`warning: ${nc} of ${result.runs.length} runs did not converge within ${result.options.maxIterations} iterations`);
    out("species (S/N, category): " + input.summary.map((s) => `${s.name} ${s.sn.toFixed(2)} ${s.category}`).join("; "));
  }
  return 0;
}
