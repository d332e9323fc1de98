import type { Verb } from "./verb";
import { isAllocationFailure } from "../io/errors";
import { gridOptionsOf, sheetOption } from "./common";
import { inputOptions, kindOption, readSamplesOrInput, type InputUse } from "./input";
import { readSampleTable } from "../qa/read";
import { massClosure } from "../qa/massclosure";
import { ionBalance } from "../qa/ionbalance";
import { completeness } from "../qa/completeness";
import { secondaryOrganicCarbon } from "../qa/soc";
import { conversionRatios } from "../qa/conversion";
import { subtractFieldBlanks } from "../qa/blanks";
import { flagOutliers } from "../qa/outliers";
import { qaSummary } from "../qa/summary";
import { summariseAccount } from "../io/account";

/** Run a step that needs columns the file may lack: RangeError → `{ skipped: reason }`. */
function optional<T>(f: () => T): T | { skipped: string } {
  try {
    return f();
  } catch (e) {
    if (e instanceof RangeError && !isAllocationFailure(e)) return { skipped: e.message };
    throw e;
  }
}

/**
 * The monitoring kinds `qa` also reads (one site's hourly series: completeness, outliers, and the
 * checks whose species the file has, e.g. an Xact export's elements).
 */
const QA_INPUT: InputUse = {
  kinds: ["xact", "cnemc", "soramame", "nies"],
  times: true,
  oneSite: true,
  offsetHelp: "instrument clock offset of an Xact export (default +08:00)",
  offsetFallback: () => "+08:00",
  fileOption: "--file",
};
const OWN = { kind: "samples", label: "filter-sample table" };

/** `aozora qa`: composition QA of a filter-sample table (or of one site's monitoring series). */
export const qaVerb: Verb = {
  name: "qa",
  summary: "PM2.5 composition QA: mass closure, ion balance, OC/EC and SOC, SOR/NOR, completeness, outliers",
  usage: "--file F [--blanks F] [--formulas improve-2007|improve-1994|cn|jp] [--json] ...",
  description: `PM2.5 composition QA per sample and campaign: mass closure, ion balance, OC/EC and SOC,
SOR/NOR, completeness and below-detection share, robust-z outliers; --blanks subtracts mean
field blanks first.`,
  json: true,
  options: {
    file: {
      type: "string",
      value: "F",
      required: true,
      fs: "input-file-or-dir",
      list: true,
      help: "filter-sample table, or an hourly network file (CNEMC: also a folder or a comma-separated list of daily files)",
    },
    blanks: { type: "string", value: "F", fs: "input-file", help: "field-blank table (same layout)" },
    formulas: {
      type: "string",
      choices: ["improve-2007", "improve-1994", "cn", "jp"],
      default: "improve-2007",
      help: "mass-closure formula set",
    },
    omoc: {
      type: "number",
      min: 1,
      value: "X",
      help: "OM/OC ratio (OM includes the carbon, so ≥ 1; default: the formula set's)",
    },
    "campaign-column": { type: "string", value: "COL", help: "column naming each sample's campaign" },
    "soc-method": {
      type: "string",
      choices: ["min", "percentile"],
      default: "min",
      help: "(OC/EC)pri estimate of the EC-tracer method",
    },
    "soc-percentile": {
      type: "number",
      min: 0,
      max: 1,
      value: "Q",
      help: "quantile of OC/EC with --soc-method percentile (e.g. 0.05)",
    },
    "outlier-z": {
      type: "number",
      min: 0,
      minExclusive: true,
      default: 3.5,
      value: "Z",
      help: "robust-z outlier threshold",
    },
    ...inputOptions(QA_INPUT),
    kind: kindOption(QA_INPUT.kinds, ["samples"]),
    sheet: sheetOption,
  },
  async run(values, out, err) {
    const file = values.file as string;
    const { read, input } = readSamplesOrInput(file, values, QA_INPUT, OWN, err);
    let table = read.table;
    let blanks: unknown = null;
    if (typeof values.blanks === "string") {
      const b = readSampleTable(values.blanks, gridOptionsOf(values));
      // a species is corrected when at least half of its blanks are measured values (not <DL, not missing);
      // a blank below detection carries no number to subtract (the half-limit is a convention, not a blank)
      const species: string[] = [],
        notCorrected: { species: string; reason: string }[] = [];
      for (const c of table.columns) {
        if (c.kind !== "number") continue;
        if (!b.table.names.includes(c.name)) {
          notCorrected.push({ species: c.name, reason: "no blank column" });
          continue;
        }
        const v = b.table.numbers(c.name),
          m = b.belowDetection[c.name];
        let measured = 0;
        for (let i = 0; i < v.length; i++) if (Number.isFinite(v[i]) && !(m && m[i])) measured++;
        if (measured >= v.length / 2 && measured > 0) species.push(c.name);
        else notCorrected.push({ species: c.name, reason: `${measured} of ${v.length} blanks above detection` });
      }
      const r = subtractFieldBlanks(table, b.table, { species });
      table = r.table;
      blanks = {
        file: values.blanks,
        blanks: r.blanks,
        notCorrected,
        negatives: r.negatives,
        changedCells: r.changes.length,
        changes: r.changes,
      };
    }
    const omoc = values.omoc as number | undefined;
    const socMethod = values["soc-method"] as "min" | "percentile";
    const mcOpts = { formulas: String(values.formulas), omoc };
    const mc = massClosure(table, mcOpts);
    const result = {
      file,
      input,
      account: summariseAccount(read.account),
      fieldBlanks: blanks,
      massClosure: mc,
      ionBalance: optional(() => ionBalance(table)),
      completeness: completeness(table, { belowDetection: read.belowDetection }),
      soc: optional(() =>
        secondaryOrganicCarbon(table, {
          method: socMethod,
          percentile: values["soc-percentile"] as number | undefined,
        }),
      ),
      conversionRatios: optional(() => conversionRatios(table)),
      outliers: flagOutliers(table, { threshold: values["outlier-z"] as number }),
      campaigns: qaSummary(table, {
        campaignColumn: typeof values["campaign-column"] === "string" ? values["campaign-column"] : undefined,
        belowDetection: read.belowDetection,
        massClosure: mcOpts,
        outlierThreshold: values["outlier-z"] as number,
      }),
    };
    if (values.json) {
      out(JSON.stringify(result));
      return 0;
    }
    out(
      `${file}: ${table.numRows} samples; mass closure ${mc.formulaSet} (OM/OC ${mc.omoc}), components ${mc.components.map((c) => c.key).join(", ")}${mc.skipped.length ? `; skipped ${mc.skipped.map((s) => `${s.key} (no ${s.missingSymbols.join(", ")})`).join(", ")}` : ""}`,
    );
    out("campaign\tsamples\tmass ratio (mean)\tCE/AE (mean)\tCE-AE slope\tmin completeness\tBDL share\toutliers");
    for (const c of result.campaigns.campaigns) {
      out(
        [
          c.campaign,
          c.samples,
          c.massClosureMeanRatio.toFixed(3),
          c.ionBalanceMeanRatio.toFixed(3),
          c.ionBalanceSlope.toFixed(3),
          `${(100 * c.minCompleteness).toFixed(1)} % (${c.minCompletenessSpecies})`,
          `${(100 * c.meanBelowDetectionShare).toFixed(1)} %`,
          c.outliers,
        ].join("\t"),
      );
    }
    return 0;
  },
};
