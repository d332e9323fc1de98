import type { Verb, VerbValues } from "./verb";
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

function num(v: VerbValues[string], name: string, def: number): number {
  if (v === undefined) return def;
  const x = Number(v);
  if (typeof v !== "string" || v.trim() === "" || !Number.isFinite(x))
    throw new RangeError(`--${name} must be a number, got "${String(v)}"`);
  return x;
}

/** Run a step that needs columns the file may lack: RangeError → `{ skipped: reason }`. */
function optional<T>(f: () => T): T | { skipped: string } {
  try {
    return f();
  } catch (e) {
    if (e instanceof RangeError) return { skipped: e.message };
    throw e;
  }
}

/** `aozora qa`: composition QA of a filter-sample table. */
export const qaVerb: Verb = {
  name: "qa",
  help: `  aozora qa --file F [--blanks F] [--formulas improve-2007|improve-1994|cn|jp] [--omoc 1.6]
            [--campaign-column site] [--soc-method min|percentile] [--soc-percentile 0.05]
            [--outlier-z 3.5] [--json]        PM2.5 composition QA per sample and campaign: mass
                                           closure, ion balance, OC/EC and SOC, SOR/NOR,
                                           completeness and below-detection share, robust-z
                                           outliers; --blanks subtracts mean field blanks first`,
  options: {
    file: { type: "string" },
    blanks: { type: "string" },
    formulas: { type: "string", default: "improve-2007" },
    omoc: { type: "string" },
    "campaign-column": { type: "string" },
    "soc-method": { type: "string", default: "min" },
    "soc-percentile": { type: "string" },
    "outlier-z": { type: "string" },
  },
  async run(values, out) {
    const file = values.file;
    if (typeof file !== "string") throw new RangeError("aozora qa: --file is required");
    const read = readSampleTable(file);
    let table = read.table;
    let blanks: unknown = null;
    if (typeof values.blanks === "string") {
      const b = readSampleTable(values.blanks);
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
    const omoc = values.omoc === undefined ? undefined : num(values.omoc, "omoc", NaN);
    const socMethod = values["soc-method"];
    if (socMethod !== "min" && socMethod !== "percentile")
      throw new RangeError(`--soc-method must be min or percentile, got "${String(socMethod)}"`);
    const mcOpts = { formulas: String(values.formulas), omoc };
    const mc = massClosure(table, mcOpts);
    const result = {
      file,
      account: summariseAccount(read.account),
      fieldBlanks: blanks,
      massClosure: mc,
      ionBalance: optional(() => ionBalance(table)),
      completeness: completeness(table, { belowDetection: read.belowDetection }),
      soc: optional(() =>
        secondaryOrganicCarbon(table, {
          method: socMethod,
          percentile:
            values["soc-percentile"] === undefined ? undefined : num(values["soc-percentile"], "soc-percentile", NaN),
        }),
      ),
      conversionRatios: optional(() => conversionRatios(table)),
      outliers: flagOutliers(table, { threshold: num(values["outlier-z"], "outlier-z", 3.5) }),
      campaigns: qaSummary(table, {
        campaignColumn: typeof values["campaign-column"] === "string" ? values["campaign-column"] : undefined,
        belowDetection: read.belowDetection,
        massClosure: mcOpts,
        outlierThreshold: num(values["outlier-z"], "outlier-z", 3.5),
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
