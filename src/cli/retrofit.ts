import { summariseAccount } from "../io/account";
import { readMachineLogs, readStackMeasurements } from "../models/energy/read-machinelog";
import { analyseRetrofit, flaggedRows } from "../models/energy/retrofit";
import { defaultEnergyParameters } from "../models/energy/tables/factors";
import { parseOffset } from "../table/time";
import type { Verb, VerbValues } from "./verb";

function num(v: VerbValues[string], name: string, def: number, check: (x: number) => boolean, what: string): number {
  if (v === undefined) return def;
  const x = Number(v);
  if (typeof v !== "string" || v.trim() === "" || !Number.isFinite(x) || !check(x))
    throw new RangeError(`--${name} must be ${what}, got "${String(v)}"`);
  return x;
}

function list(v: VerbValues[string]): string[] {
  if (v === undefined) return [];
  const a = Array.isArray(v) ? v : [v];
  return a
    .flatMap((s) => String(s).split(","))
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/**
 * `aozora retrofit --logs F[,F…] [--stack F] [--design paired|unpaired|regression]
 * [--unit kg|1000m] [--by lot|shift] [--grid-factor X] [--json]`: tenter retrofit M&V.
 */
export const retrofitVerb: Verb = {
  name: "retrofit",
  help: `  aozora retrofit --logs F[,F...] [--stack F] [--design paired|unpaired|regression]
                  [--unit kg|1000m] [--by lot|shift] [--grid-factor X] [--gas-ncv X]
                  [--boiler-efficiency X] [--energy total|thermal|electric|primary]
                  [--contrast group|period] [--replicates N] [--seed S] [--hours-per-year H]
                  [--limit POLLUTANT=mg/Nm3] [--utc-offset +08:00] [--json]
                                           tenter retrofit before/after: SEC per machine and
                                           period, savings and ratio with 95 % intervals,
                                           ASHRAE G14 CV(RMSE)/NMBE/FSU, removal efficiency and
                                           CO2 reduction (JCM ER = RE − PE) when the data allow`,
  options: {
    logs: { type: "string", multiple: true },
    stack: { type: "string" },
    design: { type: "string" },
    unit: { type: "string", default: "kg" },
    by: { type: "string", default: "lot" },
    "grid-factor": { type: "string" },
    "gas-ncv": { type: "string" },
    "boiler-efficiency": { type: "string" },
    energy: { type: "string", default: "total" },
    contrast: { type: "string", default: "group" },
    replicates: { type: "string" },
    seed: { type: "string" },
    "hours-per-year": { type: "string" },
    limit: { type: "string", multiple: true },
    "utc-offset": { type: "string", default: "+08:00" },
  },
  async run(values, out) {
    const logs = list(values.logs);
    if (logs.length === 0)
      throw new RangeError("retrofit: --logs F is required (machine-log CSV/xlsx; several files separated by commas)");
    const design = values.design as string | undefined;
    if (design !== undefined && !["paired", "unpaired", "regression"].includes(design))
      throw new RangeError(`--design must be paired, unpaired or regression, got "${design}"`);
    const basis = values.unit as string;
    if (basis !== "kg" && basis !== "1000m") throw new RangeError(`--unit must be kg or 1000m, got "${basis}"`);
    const by = values.by as string;
    if (by !== "lot" && by !== "shift") throw new RangeError(`--by must be lot or shift, got "${by}"`);
    const energy = values.energy as string;
    if (!["total", "thermal", "electric", "primary"].includes(energy))
      throw new RangeError(`--energy must be total, thermal, electric or primary, got "${energy}"`);
    const contrast = values.contrast as string;
    if (contrast !== "group" && contrast !== "period")
      throw new RangeError(`--contrast must be group or period, got "${contrast}"`);
    const utc = values["utc-offset"] as string;
    let offsetMinutes: number;
    try {
      offsetMinutes = parseOffset(utc);
    } catch {
      throw new RangeError(`--utc-offset must be like +08:00, got "${utc}"`);
    }
    const over: Record<string, number> = {};
    if (values["grid-factor"] !== undefined)
      over.gridFactor = num(
        values["grid-factor"],
        "grid-factor",
        0,
        (x) => x > 0 && x < 5,
        "a grid emission factor in kgCO2/kWh (0–5)",
      );
    if (values["gas-ncv"] !== undefined)
      over.gasNcv = num(values["gas-ncv"], "gas-ncv", 0, (x) => x > 0 && x < 100, "a natural-gas NCV in MJ/Nm3");
    if (values["boiler-efficiency"] !== undefined)
      over.boilerEfficiency = num(
        values["boiler-efficiency"],
        "boiler-efficiency",
        0,
        (x) => x > 0 && x <= 1,
        "a fraction in (0, 1]",
      );
    const params = defaultEnergyParameters(over);
    const replicates = num(
      values.replicates,
      "replicates",
      2000,
      (x) => Number.isInteger(x) && x >= 100,
      "an integer ≥ 100",
    );
    const seed = num(
      values.seed,
      "seed",
      1,
      (x) => Number.isInteger(x) && x >= 0 && x <= 4294967295,
      "an integer in [0, 4294967295] (2^32 − 1; larger seeds would wrap)",
    );
    const hoursPerYear = num(
      values["hours-per-year"],
      "hours-per-year",
      7200,
      (x) => x > 0 && x <= 8784,
      "operating hours per year (0–8784)",
    );
    const limits: Record<string, { concentration: number }> = {};
    for (const l of (values.limit as string[] | undefined) ?? []) {
      const m = /^(.+)=\s*([0-9.eE+-]+)\s*$/.exec(l);
      if (!m || !(Number(m[2]) > 0) || !Number.isFinite(Number(m[2])))
        throw new RangeError(
          `--limit must be POLLUTANT=mg/Nm3 with a finite positive limit (e.g. "VOC (NMHC)=50"), got "${l}"`,
        );
      limits[m[1].trim()] = { concentration: Number(m[2]) };
    }
    const read = readMachineLogs(logs, { utcOffset: utc });
    const stack = values.stack ? readStackMeasurements(values.stack as string, { utcOffset: utc }) : undefined;
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
