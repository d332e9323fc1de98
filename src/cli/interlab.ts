import type { Verb, VerbValues } from "./verb";
import { readLabPair } from "../interlab/read";
import { compareLabs } from "../interlab/compare";

function pct(v: VerbValues[string], name: string, def: number): number {
  if (v === undefined) return def;
  const x = Number(v);
  if (typeof v !== "string" || v.trim() === "" || !Number.isFinite(x) || x <= 0)
    throw new RangeError(`--${name} must be a positive number (percent), got "${String(v)}"`);
  return x;
}

/** `aozora interlab`: same-sample comparison of two laboratories. */
export const interlabVerb: Verb = {
  name: "interlab",
  help: `  aozora interlab --lab-a F --lab-b F [--labs A,B] [--tolerance 10] [--sigma-pt 10]
                  [--u-a 10] [--u-b 10] [--drop-unmatched] [--json]
                                           inter-laboratory comparison per species on paired
                                           results: differences, ratios, Bland–Altman, Deming,
                                           Passing–Bablok, z/En (lab A as the assigned value;
                                           σpt and expanded uncertainties in % of the value)
                                           and a verdict (agree / bias / disagree) with its rule`,
  options: {
    "lab-a": { type: "string" },
    "lab-b": { type: "string" },
    labs: { type: "string" },
    tolerance: { type: "string" },
    "sigma-pt": { type: "string" },
    "u-a": { type: "string" },
    "u-b": { type: "string" },
    "drop-unmatched": { type: "boolean", default: false },
  },
  async run(values, out) {
    const fa = values["lab-a"],
      fb = values["lab-b"];
    if (typeof fa !== "string" || typeof fb !== "string")
      throw new RangeError("aozora interlab: --lab-a and --lab-b are required");
    let labs: [string, string] = ["A", "B"];
    if (typeof values.labs === "string") {
      const l = values.labs.split(",").map((s) => s.trim());
      if (l.length !== 2 || l.some((s) => s === ""))
        throw new RangeError(`--labs must be two names separated by a comma, got "${values.labs}"`);
      if (l[0] === l[1]) throw new RangeError(`--labs must name two different labs, got "${values.labs}"`);
      labs = [l[0], l[1]];
    }
    const p = readLabPair(fa, fb, { labs, unmatched: values["drop-unmatched"] ? "drop" : "error" });
    const r = compareLabs(p, {
      tolerancePct: pct(values.tolerance, "tolerance", 10),
      sigmaPtRel: pct(values["sigma-pt"], "sigma-pt", 10) / 100,
      uRel: { a: pct(values["u-a"], "u-a", 10) / 100, b: pct(values["u-b"], "u-b", 10) / 100 },
    });
    const slim = r.species.map((s) => ({
      ...s,
      blandAltman: s.blandAltman && { ...s.blandAltman, means: undefined, differences: undefined },
      blandAltmanRelative: s.blandAltmanRelative && {
        ...s.blandAltmanRelative,
        means: undefined,
        differences: undefined,
      },
    }));
    if (values.json) {
      out(
        JSON.stringify({
          labs: r.labs,
          files: p.files,
          samples: p.ids.length,
          unmatched: p.unmatched,
          onlyA: p.onlyA,
          onlyB: p.onlyB,
          level: r.level,
          assigned: r.assigned,
          criterion: r.criterion,
          verdicts: Object.fromEntries(r.species.map((s) => [s.species, s.verdict])),
          species: slim,
        }),
      );
      return 0;
    }
    out(
      `${p.files[0]} (lab ${labs[0]}) vs ${p.files[1]} (lab ${labs[1]}): ${p.ids.length} paired samples, ${p.species.length} species`,
    );
    out("species\tunit\tn\tbias (B−A)\trel. diff %\tPB slope [CI]\tPB intercept [CI]\t|z|≤2\tverdict");
    for (const s of r.species) {
      const pb = s.passingBablok;
      out(
        [
          s.species,
          s.unit,
          s.n,
          s.meanDifference.toPrecision(3),
          s.meanRelativeDifferencePct.toFixed(1),
          pb ? `${pb.slope.toFixed(3)} [${pb.slopeCI[0].toFixed(3)}, ${pb.slopeCI[1].toFixed(3)}]` : "-",
          pb
            ? `${pb.intercept.toPrecision(3)} [${pb.interceptCI[0].toPrecision(3)}, ${pb.interceptCI[1].toPrecision(3)}]`
            : "-",
          s.scoreSummary[labs[1]] ? `${(100 * s.scoreSummary[labs[1]].zSatisfactory).toFixed(0)} %` : "-",
          s.verdict,
        ].join("\t"),
      );
    }
    for (const s of r.species)
      if (s.censored.length)
        out(
          `${s.species}: ${s.censored.length} pair(s) below detection, not scored and not in the statistics: ` +
            Object.entries(s.censoredSummary)
              .map(([k, v]) => `${k} ${v}`)
              .join(", "),
        );
    out(`criterion: ${r.criterion}`);
    return 0;
  },
};
