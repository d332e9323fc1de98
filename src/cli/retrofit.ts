import { summariseAccount } from "../io/account";
import { readMachineLogs, readStackMeasurements } from "../models/energy/read-machinelog";
import { analyseRetrofit, flaggedRows } from "../models/energy/retrofit";
import { defaultEnergyParameters } from "../models/energy/tables/factors";
import { parseOffset } from "../table/time";
import type { Verb } from "./verb";
import { encodingOption, gridOptionsOf, seedOption, sheetOption, utcOffsetOption } from "./common";
import { CliUsageError, listOf } from "./options";

/**
 * Upper bound of `--replicates`: the resampling keeps every replicate's statistics, so 1e9 would
 * run for hours and exhaust memory; 100,000 replicates give Monte-Carlo error of a 95 % bound far
 * below the sampling error of any logged period.
 */
export const MAX_REPLICATES = 100000;

/**
 * `aozora retrofit --logs F[,F…] [--stack F] [--design paired|unpaired|regression]
 * [--unit kg|1000m] [--by lot|shift] [--grid-factor X] [--json]`: tenter retrofit M&V.
 */
export const retrofitVerb: Verb = {
  name: "retrofit",
  summary:
    "tenter retrofit before/after: SEC, savings and ratio with intervals, ASHRAE G14 statistics, stack removal, CO2",
  usage: "--logs F[,F...] [--stack F] [--design paired|unpaired|regression] [--replicates N] [--json] ...",
  description: `Tenter retrofit before/after: SEC per machine and period, savings and ratio with 95 %
intervals, ASHRAE G14 CV(RMSE)/NMBE/FSU, removal efficiency and CO2 reduction (JCM ER = RE − PE)
when the data allow. --replicates is bounded (${MAX_REPLICATES}) so the resampling always ends.`,
  json: true,
  options: {
    logs: {
      type: "string",
      multiple: true,
      list: true,
      value: "F[,F...]",
      required: true,
      fs: "input-file",
      help: "machine-log CSV/xlsx files (comma-separated or repeated)",
    },
    stack: { type: "string", value: "F", fs: "input-file", help: "stack measurements (removal efficiency)" },
    design: {
      type: "string",
      choices: ["paired", "unpaired", "regression"],
      help: "one design (default: every design the data allow)",
    },
    unit: { type: "string", choices: ["kg", "1000m"], default: "kg", help: "production basis of the SEC" },
    by: { type: "string", choices: ["lot", "shift"], default: "lot", help: "analysis unit" },
    "grid-factor": {
      type: "number",
      min: 0,
      max: 5,
      minExclusive: true,
      maxExclusive: true,
      unit: "kgCO2/kWh",
      help: "grid emission factor",
    },
    "gas-ncv": {
      type: "number",
      min: 0,
      max: 100,
      minExclusive: true,
      maxExclusive: true,
      unit: "MJ/Nm3",
      help: "natural-gas net calorific value",
    },
    "boiler-efficiency": { type: "number", min: 0, max: 1, minExclusive: true, help: "boiler efficiency (fraction)" },
    energy: {
      type: "string",
      choices: ["total", "thermal", "electric", "primary"],
      default: "total",
      help: "energy compared",
    },
    contrast: {
      type: "string",
      choices: ["group", "period"],
      default: "group",
      help: "retrofitted vs other machines, or before vs after",
    },
    replicates: {
      type: "number",
      integer: true,
      min: 100,
      max: MAX_REPLICATES,
      default: 2000,
      help: "bootstrap replicates of the intervals",
    },
    seed: seedOption,
    "hours-per-year": {
      type: "number",
      min: 0,
      max: 8784,
      minExclusive: true,
      default: 7200,
      unit: "h",
      help: "operating hours per year (annual CO2)",
    },
    limit: {
      type: "string",
      multiple: true,
      value: "POLLUTANT=mg/Nm3",
      help: 'emission limit of a stack pollutant (e.g. "VOC (NMHC)=50")',
    },
    "utc-offset": utcOffsetOption("site offset of the logs' local timestamps", "+08:00"),
    encoding: encodingOption,
    sheet: sheetOption,
  },
  async run(values, out) {
    const logs = listOf(values.logs);
    const design = values.design as string | undefined;
    const basis = values.unit as string;
    const by = values.by as string;
    const energy = values.energy as string;
    const contrast = values.contrast as string;
    const utc = values["utc-offset"] as string;
    const offsetMinutes = parseOffset(utc);
    const over: Record<string, number> = {};
    if (values["grid-factor"] !== undefined) over.gridFactor = values["grid-factor"] as number;
    if (values["gas-ncv"] !== undefined) over.gasNcv = values["gas-ncv"] as number;
    if (values["boiler-efficiency"] !== undefined) over.boilerEfficiency = values["boiler-efficiency"] as number;
    const params = defaultEnergyParameters(over);
    const replicates = values.replicates as number;
    const seed = values.seed as number;
    const hoursPerYear = values["hours-per-year"] as number;
    const limits: Record<string, { concentration: number }> = {};
    for (const l of (values.limit as string[] | undefined) ?? []) {
      const m = /^(.+)=\s*([0-9.eE+-]+)\s*$/.exec(l);
      if (!m || !(Number(m[2]) > 0) || !Number.isFinite(Number(m[2])))
        throw new CliUsageError("--limit", 'POLLUTANT=mg/Nm3 with a finite positive limit (e.g. "VOC (NMHC)=50")', l);
      limits[m[1].trim()] = { concentration: Number(m[2]) };
    }
    const read = readMachineLogs(logs, { utcOffset: utc, ...gridOptionsOf(values) });
    const stack = values.stack
      ? readStackMeasurements(values.stack as string, { utcOffset: utc, ...gridOptionsOf(values) })
      : undefined;
    const designs = design
      ? ([...new Set([design, "regression"])] as ("paired" | "unpaired" | "regression")[])
      : undefined;
    const r = analyseRetrofit(
      { intervals: read.intervals, thermalMeter: read.thermalMeter, flagged: flaggedRows(read.accounts) },
      {
        params,
        basis: basis as "kg" | "1000m",
        unit: by as "lot" | "shift",
        designs,
        energy: energy as "total",
        contrast: contrast as "group",
        replicates,
        seed,
        hoursPerYear,
        limits,
        utcOffsetMinutes: offsetMinutes,
      },
      stack?.measurements,
    );
    const secUnit = `${energy === "electric" ? "kWh" : "MJ"}/${basis === "kg" ? "kg" : "1000 m"}`;
    const reg = r.regression;
    const result = {
      logs,
      stack: values.stack ?? null,
      basis,
      secUnit,
      analysisUnit: by,
      energy,
      contrast,
      design: design ?? "all",
      accounts: read.accounts.map(summariseAccount),
      stackAccount: stack ? summariseAccount(stack.account) : null,
      aggregation: {
        intervals: r.aggregation.intervals,
        units: r.aggregation.units,
        setAside: r.aggregation.setAside,
        notes: countBy(r.aggregation.notes.map((n) => n.reason)),
      },
      sec: r.secByMachine.map((s) => ({
        ...s.keys,
        units: s.units,
        production: s.production,
        secThermalMJ: s.secThermalMJ,
        secElectricKwh: s.secElectricKwh,
        secTotalMJ: s.secTotalMJ,
        secPrimaryMJ: s.secPrimaryMJ,
        idleShare: s.idleShare,
      })),
      secByClass: r.secByClass.map((s) => ({ ...s.keys, units: s.units, secTotalMJ: s.secTotalMJ })),
      unpaired: r.unpaired ?? null,
      unpairedByClass: r.unpairedByClass.map((c) => ({
        fabricClass: c.fabricClass,
        ratio: c.result.ratio,
        savings: c.result.savings,
        nBaseline: c.result.nBaseline,
        nReporting: c.result.nReporting,
      })),
      paired: r.paired ?? null,
      regression: reg ?? null,
      g14: reg
        ? {
            cvRmse: reg.baseline.cvRmse,
            nmbe: reg.baseline.nmbe,
            rho: reg.baseline.rho,
            fsu: reg.baseline.fsu,
            n: reg.baseline.n,
            m: reg.baseline.m,
            meetsMonthlyLimits: reg.baseline.meetsG14,
          }
        : null,
      plan: r.plan ?? null,
      stackSummary: r.stack ?? null,
      co2: r.co2
        ? {
            gridFactor: params.gridFactor,
            gasFactor: params.gasFactor,
            coalFactor: params.coalFactor,
            reKg: r.co2.reKg,
            peKg: r.co2.peKg,
            erKg: r.co2.erKg,
            annualScale: r.co2.annualScale,
            annual: r.co2.annual,
          }
        : null,
      skipped: r.skipped,
      parameters: params,
      replicates,
      seed,
      provenance: r.provenance ?? null,
    };
    if (values.json) {
      out(JSON.stringify(result, null, 1));
      return 0;
    }
    const f = (x: number, d = 3) => x.toFixed(d);
    out(`SEC (${secUnit}), ratio of totals, ${r.units.length} ${by}s:`);
    for (const s of r.secByMachine)
      out(
        `  ${Object.values(s.keys).filter(Boolean).join(" / ")}: ${f(s.secTotalMJ)} (thermal ${f(s.secThermalMJ)} MJ, electric ${f(s.secElectricKwh)} kWh; ${s.units} units)`,
      );
    if (r.unpaired)
      out(
        `unpaired: ratio ${f(r.unpaired.ratio.estimate, 4)} [${f(r.unpaired.ratio.lower, 4)}, ${f(r.unpaired.ratio.upper, 4)}], savings ${f(r.unpaired.savings.estimate, 0)} ${r.unpaired.secUnit.split("/")[0]} [${f(r.unpaired.savings.lower, 0)}, ${f(r.unpaired.savings.upper, 0)}]`,
      );
    if (r.paired)
      out(
        `paired (${r.paired.pairs.length} articles): ratio ${f(r.paired.ratio.estimate, 4)} [${f(r.paired.ratio.lower, 4)}, ${f(r.paired.ratio.upper, 4)}]`,
      );
    if (reg)
      out(
        `regression: savings ${f(reg.savings.estimate, 0)} [${f(reg.savings.lower, 0)}, ${f(reg.savings.upper, 0)}] (${f(100 * reg.savings.fraction, 1)} %); baseline CV(RMSE) ${f(100 * reg.baseline.cvRmse, 1)} %, NMBE ${f(100 * reg.baseline.nmbe, 2)} %, FSU ${f(100 * reg.baseline.fsu, 1)} %`,
      );
    if (r.stack)
      for (const s of r.stack)
        out(
          `  ${s.unit} ${s.pollutant}: removal ${f(100 * s.efficiency, 1)} % (mass rates), outlet ${f(s.outletRate, 4)} kg/h${s.limit ? `; limit ${s.limit.concentration} mg/Nm3: ${s.exceedances} of ${s.n} above` : ""}`,
        );
    if (r.co2)
      out(
        `CO2: ER = RE − PE = ${f(r.co2.reKg / 1000, 2)} − ${f(r.co2.peKg / 1000, 2)} = ${f(r.co2.erKg / 1000, 2)} t in the logged period; ${f(r.co2.annual[0].reduction, 0)} t/yr`,
      );
    for (const s of r.skipped) out(`  (${s.design} not run: ${s.reason})`);
    return 0;
  },
};

function countBy(xs: string[]): Record<string, number> {
  const o: Record<string, number> = {};
  for (const x of xs) o[x] = (o[x] ?? 0) + 1;
  return o;
}
