import type { Verb } from "./verb";
import { requiredFileOption, sheetOption } from "./common";
import { CliUsageError } from "./options";
import { pairLabResults } from "../interlab/read";
import { inputOptions, kindOption, readSamplesOrInput, type InputUse } from "./input";
import { compareLabs } from "../interlab/compare";

const pctOption = (help: string) =>
  ({ type: "number", min: 0, minExclusive: true, default: 10, unit: "%", value: "PCT", help }) as const;

/**
 * The monitoring kinds `interlab` also reads: two co-located instruments' (or two labs') hourly
 * series of one site, paired by hour (`--station` picks the same station in both files).
 */
const LAB_INPUT: InputUse = {
  kinds: ["table", "xact", "cnemc", "soramame", "nies"],
  times: true,
  oneSite: true,
  offsetHelp: "site offset of local timestamps (tables; an Xact export's clock: default +08:00)",
  offsetFallback: () => "+08:00",
  fileOption: "--lab-a/--lab-b",
};
const OWN = { kind: "samples", label: "lab result table (one row per sample id)" };

/** `aozora interlab`: same-sample comparison of two laboratories. */
export const interlabVerb: Verb = {
  name: "interlab",
  summary: "same-sample inter-laboratory comparison: Bland–Altman, Deming, Passing–Bablok, z/En, a verdict per species",
  usage: "--lab-a F --lab-b F [--labs A,B] [--tolerance PCT] [--json] ...",
  description: `Inter-laboratory comparison per species on paired results: differences, ratios, Bland–Altman,
Deming, Passing–Bablok, z/En (lab A as the assigned value; σpt and expanded uncertainties in % of
the value) and a verdict (agree / bias / disagree) with its rule.`,
  json: true,
  options: {
    "lab-a": {
      ...requiredFileOption(
        "lab A's results (the assigned values) (CNEMC: also a folder or a comma-separated list of daily files)",
      ),
      fs: "input-file-or-dir",
      list: true,
    },
    "lab-b": {
      ...requiredFileOption("lab B's results (CNEMC: also a folder or a comma-separated list of daily files)"),
      fs: "input-file-or-dir",
      list: true,
    },
    labs: { type: "string", value: "A,B", help: "names of the two labs (default A,B)" },
    tolerance: pctOption("tolerance of the mean relative difference"),
    "sigma-pt": pctOption("standard deviation for proficiency assessment σpt"),
    "u-a": pctOption("lab A's expanded uncertainty"),
    "u-b": pctOption("lab B's expanded uncertainty"),
    "drop-unmatched": { type: "boolean", help: "drop samples only one lab reported (default: an error)" },
    ...inputOptions(LAB_INPUT),
    kind: kindOption(LAB_INPUT.kinds, ["samples"]),
    sheet: sheetOption,
  },
  async run(values, out, err) {
    const fa = values["lab-a"] as string,
      fb = values["lab-b"] as string;
    let labs: [string, string] = ["A", "B"];
    if (typeof values.labs === "string") {
      const l = values.labs.split(",").map((s) => s.trim());
      if (l.length !== 2 || l.some((s) => s === ""))
        throw new CliUsageError("--labs", "two names separated by a comma", values.labs);
      if (l[0] === l[1]) throw new CliUsageError("--labs", "two different lab names", values.labs);
      labs = [l[0], l[1]];
    }
    // a signature selects a network or Xact kind; a generic time table only with --kind table
    const detect = LAB_INPUT.kinds.filter((k) => k !== "table");
    const la = readSamplesOrInput(fa, values, LAB_INPUT, OWN, err, detect),
      lb = readSamplesOrInput(fb, values, LAB_INPUT, OWN, err, detect);
    const p = pairLabResults(la.read, lb.read, { labs, unmatched: values["drop-unmatched"] ? "drop" : "error" });
    const r = compareLabs(p, {
      tolerancePct: values.tolerance as number,
      sigmaPtRel: (values["sigma-pt"] as number) / 100,
      uRel: { a: (values["u-a"] as number) / 100, b: (values["u-b"] as number) / 100 },
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
          input: { a: la.input, b: lb.input },
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
