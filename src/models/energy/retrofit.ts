import type { MachineInterval, MachineQuantity, StackMeasurement } from "./read-machinelog";
import type { RowNote } from "../../io/account";
import { isAllocationFailure } from "../../io/errors";
import { type AggregationAccount, type AnalysisUnit, aggregateUnits, unitElectricityKwh } from "./aggregate";
import { annualCoBenefits, jcmEmissionReduction, type CoBenefitRow, type StreamSec } from "./cobenefit";
import {
  compareRegression,
  comparePaired,
  compareUnpaired,
  isReporting,
  unitEnergy,
  type EnergyKind,
  type PairedComparison,
  type RegressionComparison,
  type UnpairedComparison,
} from "./compare";
import { summariseStack, type EmissionLimit, type StackSummary } from "./exhaust";
import { pilotVariability, planLots } from "./planner";
import { secTable, unitProduction, type SecBasis, type SecRow } from "./sec";
import type { EnergyParameters } from "./tables/factors";
import { provenance, type Provenance } from "../../provenance";

/** Options of {@link analyseRetrofit}. */
export interface RetrofitOptions {
  params: EnergyParameters;
  /** Analysis unit (default `lot`). */
  unit?: "lot" | "shift";
  /** Production basis (default `kg`). */
  basis?: SecBasis;
  /** Designs to run (default all that the data allow). */
  designs?: ("paired" | "unpaired" | "regression")[];
  /** Energy compared (default `total` final energy). */
  energy?: EnergyKind;
  contrast?: "group" | "period";
  confidence?: number;
  replicates?: number;
  seed?: number;
  /** Target relative half-width of the SEC-ratio interval for the planner (default 0.05). */
  planTarget?: number;
  /** Operating hours per machine per year for annual totals (default 7200 = 300 d × 24 h; set from the site). */
  hoursPerYear?: number;
  /** Outlet limits by pollutant (mg/Nm3 and/or kg/h), given by the user. */
  limits?: Record<string, EmissionLimit>;
  utcOffsetMinutes?: number;
}

/** Everything {@link analyseRetrofit} computes. */
export interface RetrofitResult {
  basis: SecBasis;
  unit: "lot" | "shift";
  units: AnalysisUnit[];
  aggregation: AggregationAccount;
  /** SEC by machine and period, and by side (group) and fabric class. */
  secByMachine: SecRow[];
  secByClass: SecRow[];
  unpaired?: UnpairedComparison;
  /** Unpaired comparison within each fabric class (classes with ≥ 2 units on each side). */
  unpairedByClass: { fabricClass: string; result: UnpairedComparison }[];
  paired?: PairedComparison;
  regression?: RegressionComparison;
  /** Why a requested design could not run. */
  skipped: { design: string; reason: string }[];
  plan?: { target: number; baselineLots: number; reportingLots: number; cvBaseline: number; cvReporting: number };
  stack?: StackSummary[];
  co2?: { reKg: number; peKg: number; erKg: number; annualScale: number; annual: CoBenefitRow[] };
  /** Library version, options (energy parameters, designs, bootstrap replicates and confidence, …) and the bootstrap seed. */
  provenance?: Provenance;
}

/**
 * The whole tenter-retrofit analysis: aggregate intervals to units, SEC tables (ratios of
 * totals), the comparison designs (unpaired with bootstrap, paired by article, regression with
 * IPMVP Option B baseline and ASHRAE G14 statistics), the lot planner, stack summary and CO2
 * co-benefits (JCM ER = RE − PE, annualised with `hoursPerYear` per reporting machine).
 */
export function analyseRetrofit(
  log: {
    intervals: MachineInterval[];
    thermalMeter: Record<string, MachineQuantity>;
    flagged: (RowNote & { file: string })[];
  },
  o: RetrofitOptions,
  stackMeasurements?: StackMeasurement[],
): RetrofitResult {
  const basis = o.basis ?? "kg";
  const unit = o.unit ?? "lot";
  const { units, account } = aggregateUnits(log.intervals, log.flagged, {
    unit,
    thermalMeter: log.thermalMeter,
    params: o.params,
    utcOffsetMinutes: o.utcOffsetMinutes,
  });
  const designs = o.designs ?? ["paired", "unpaired", "regression"];
  const co = {
    basis,
    params: o.params,
    energy: o.energy,
    contrast: o.contrast,
    confidence: o.confidence,
    replicates: o.replicates,
    seed: o.seed,
  };
  const skipped: RetrofitResult["skipped"] = [];
  const attempt = <T>(name: string, f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      // a failed allocation is a resource fault, not a design the data do not allow
      if (e instanceof RangeError && !isAllocationFailure(e)) {
        skipped.push({ design: name, reason: e.message });
        return undefined;
      }
      throw e;
    }
  };
  const res: RetrofitResult = {
    basis,
    unit,
    units,
    aggregation: account,
    secByMachine: secTable(units, ["machine", "group", "period"], basis, o.params),
    secByClass: secTable(units, ["group", "fabricClass"], basis, o.params),
    unpairedByClass: [],
    skipped,
    provenance: provenance(
      { ...o, unit, basis, designs, confidence: o.confidence ?? 0.95, replicates: o.replicates ?? 2000 },
      o.seed ?? 1,
      { routine: "analyseRetrofit" },
    ),
  };
  if (designs.includes("unpaired")) {
    res.unpaired = attempt("unpaired", () => compareUnpaired(units, co));
    const classes = [...new Set(units.map((u) => u.fabricClass).filter((c): c is string => c !== undefined))].sort();
    for (const c of classes) {
      const r = attempt(`unpaired:${c}`, () =>
        compareUnpaired(
          units.filter((u) => u.fabricClass === c),
          co,
        ),
      );
      if (r) res.unpairedByClass.push({ fabricClass: c, result: r });
    }
  }
  if (designs.includes("paired")) res.paired = attempt("paired", () => comparePaired(units, co));
  if (designs.includes("regression")) res.regression = attempt("regression", () => compareRegression(units, co));
  const kind = o.energy ?? "total";
  const side = (rep: boolean) =>
    units
      .filter((u) => isReporting(u, o.contrast) === rep)
      .map((u) => ({ e: unitEnergy(u, kind, o.params), p: unitProduction(u, basis) }));
  const base = side(false),
    rep = side(true);
  if (base.length >= 2 && rep.length >= 2) {
    const v = pilotVariability(base, rep);
    const target = o.planTarget ?? 0.05;
    const plan = planLots({ cvBaseline: v.cvBaseline, cvReporting: v.cvReporting, target });
    res.plan = { target, baselineLots: plan.baselineLots, reportingLots: plan.reportingLots, ...v };
  }
  if (stackMeasurements && stackMeasurements.length) res.stack = summariseStack(stackMeasurements, o.limits);
  // CO2: reference SEC per stream from the baseline units (per kg or 1000 m), applied to the reporting production
  const bu = units.filter((u) => !isReporting(u, o.contrast)),
    ru = units.filter((u) => isReporting(u, o.contrast));
  if (bu.length && ru.length) {
    const fuels = new Set(bu.map((u) => u.thermalFuel));
    if (fuels.size === 1) {
      const pB = bu.reduce((s, u) => s + unitProduction(u, basis), 0);
      const ref: StreamSec = {
        electricityKwh: bu.reduce((s, u) => s + unitElectricityKwh(u), 0) / pB,
        thermalFuelMJ: bu.reduce((s, u) => s + u.thermalFuelMJ, 0) / pB,
        thermalFuel: bu[0].thermalFuel,
      };
      const pR = ru.reduce((s, u) => s + unitProduction(u, basis), 0);
      const jcm = jcmEmissionReduction(
        ref,
        pR,
        ru.map((u) => ({
          electricityKwh: unitElectricityKwh(u),
          thermalFuelMJ: u.thermalFuelMJ,
          thermalFuel: u.thermalFuel,
        })),
        o.params,
      );
      const hours = o.hoursPerYear ?? 7200;
      const machines = new Set(ru.map((u) => u.machine)).size;
      const loggedHours = ru.reduce((s, u) => s + u.runHours + u.idleHours, 0);
      const annualScale = (hours * machines) / loggedHours;
      res.co2 = { ...jcm, annualScale, annual: annualCoBenefits(jcm, annualScale, res.stack ?? [], hours) };
    } else
      skipped.push({
        design: "co2",
        reason: `baseline units burn different fuels (${[...fuels].join(", ")}): give one reference fuel`,
      });
  }
  return res;
}

/** The flagged rows of reader accounts with their file, as {@link aggregateUnits} and {@link analyseRetrofit} take them. */
export function flaggedRows(accounts: { file: string; flagged: RowNote[] }[]): (RowNote & { file: string })[] {
  return accounts.flatMap((a) => a.flagged.map((f) => ({ ...f, file: a.file })));
}
