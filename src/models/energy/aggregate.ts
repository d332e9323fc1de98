import type { MachineInterval, MachineQuantity } from "./read-machinelog";
import { thermalEnergy } from "./convert";
import type { EnergyParameters } from "./tables/factors";

/** Article or class of a shift that ran several: such units are left out of by-article pairing. */
export const MIXED = "(mixed)";

/** One analysis unit (a lot or a shift on one machine) with run/idle energy in common units. */
export interface AnalysisUnit {
  /** Lot id, or `machine|shift`. */
  id: string;
  machine: string;
  group: "old" | "new";
  period?: "before" | "after";
  article?: string;
  fabricClass?: string;
  /** Start and end, UTC ms. */
  start: number;
  end: number;
  runHours: number;
  idleHours: number;
  /** Electricity in run and idle intervals, kWh. */
  electricityRunKwh: number;
  electricityIdleKwh: number;
  /** Thermal energy in run and idle intervals, MJ. */
  thermalRunMJ: number;
  thermalIdleMJ: number;
  /** Fuel energy behind the thermal energy (run + idle), MJ. */
  thermalFuelMJ: number;
  thermalFuel: "gas" | "coal";
  /** The thermal meter of the machine. */
  meter: MachineQuantity;
  /** Production, kg and m (NaN when neither logged nor derivable). */
  productionKg: number;
  productionM: number;
  /** Production-weighted mean speed (m/min), width (m), GSM (g/m2), exhaust temperature (°C), exhaust humidity (g/kg); NaN when not logged. */
  speed: number;
  width: number;
  gsm: number;
  exhaustTemp: number;
  exhaustHumidity: number;
  /** File rows of the unit's intervals. */
  rows: number[];
}

/** Totals of a unit: electricity kWh, thermal MJ (run + idle). */
export function unitElectricityKwh(u: AnalysisUnit): number {
  return u.electricityRunKwh + u.electricityIdleKwh;
}
/** Thermal energy of a unit, MJ (run + idle). */
export function unitThermalMJ(u: AnalysisUnit): number {
  return u.thermalRunMJ + u.thermalIdleMJ;
}

/** A unit set aside or a note about how units were built. */
export interface AggregationNote {
  /** Unit id (or machine for notes about unassigned intervals). */
  unit: string;
  reason:
    | "missing-meter"
    | "negative-reading"
    | "zero-production"
    | "idle-charged-to-lot"
    | "production-kg-derived"
    | "production-m-derived"
    | "lot-spans-periods";
  detail: string;
  rows: number[];
}

/** The account of {@link aggregateUnits}: every unit set aside and every derivation, with reasons. */
export interface AggregationAccount {
  intervals: number;
  units: number;
  setAside: AggregationNote[];
  notes: AggregationNote[];
}

/** Options of {@link aggregateUnits}. */
export interface AggregateOptions {
  /** Analysis unit: `lot` (default) or `shift`. */
  unit?: "lot" | "shift";
  /** Thermal meter per machine (from the reader). */
  thermalMeter: Record<string, MachineQuantity>;
  params: EnergyParameters;
  /** UTC offset (minutes) of the site for shifts derived from the clock (default 480, China). */
  utcOffsetMinutes?: number;
  /** Shift length in hours when the log has no shift column (default 8; shifts start at local midnight). */
  shiftHours?: number;
}

const FLAG_REASONS = new Set(["missing-meter", "negative-reading"]);

/**
 * Aggregate logged intervals to analysis units (lots or shifts) with run/idle separation and
 * energy in common units (electricity kWh; thermal MJ via {@link thermalEnergy}).
 *
 * Rules (all reported in the returned account, nothing dropped silently):
 * - lot units: intervals carrying the lot id belong to it; idle intervals without a lot id are
 *   charged to the lot before them on the same machine (standby and changeover belong to
 *   production), or to the next lot at the start of the log;
 * - shift units: the `shift` column, or local-clock blocks of `shiftHours` from midnight;
 * - production in kg missing from the log but m, width and GSM present: kg = m·width·GSM/1000
 *   (and m from kg likewise), noted per unit;
 * - a unit with a missing meter reading, a negative reading, or zero production with energy
 *   use is set aside (it cannot give an SEC), listed with its file rows.
 * @throws {RangeError} when shiftHours is outside (0, 24], a machine has intervals but no lot ids, or no thermal meter is known for a machine
 */
export function aggregateUnits(
  intervals: MachineInterval[],
  flaggedRows: { file: string; row: number; reason: string }[],
  opts: AggregateOptions,
): { units: AnalysisUnit[]; account: AggregationAccount } {
  const mode = opts.unit ?? "lot";
  const offset = opts.utcOffsetMinutes ?? 480;
  const shiftHours = opts.shiftHours ?? 8;
  if (!(shiftHours > 0 && shiftHours <= 24))
    throw new RangeError(`aggregateUnits: shiftHours must be in (0, 24], got ${shiftHours}`);
  const flagged = new Map<string, string[]>();
  for (const f of flaggedRows) {
    if (!FLAG_REASONS.has(f.reason)) continue;
    const k = `${f.file}#${f.row}`;
    flagged.set(k, [...(flagged.get(k) ?? []), f.reason]);
  }
  const setAside: AggregationNote[] = [];
  const notes: AggregationNote[] = [];
  // assign each interval to a unit key
  const byMachine = new Map<string, MachineInterval[]>();
  for (const iv of intervals) {
    const l = byMachine.get(iv.machine);
    if (l) l.push(iv);
    else byMachine.set(iv.machine, [iv]);
  }
  const groups = new Map<string, MachineInterval[]>();
  const add = (key: string, iv: MachineInterval) => {
    const l = groups.get(key);
    if (l) l.push(iv);
    else groups.set(key, [iv]);
  };
  for (const [machine, list] of byMachine) {
    const sorted = [...list].sort((a, b) => a.start - b.start);
    if (mode === "lot") {
      let current: string | undefined;
      const pending: MachineInterval[] = [];
      for (const iv of sorted) {
        if (iv.lot !== undefined) {
          current = iv.lot;
          if (pending.length) {
            notes.push({
              unit: current,
              reason: "idle-charged-to-lot",
              detail: `${pending.length} idle interval(s) without lot at the start of machine ${machine}'s log charged to the next lot`,
              rows: pending.map((p) => p.row),
            });
            for (const p of pending) add(current, p);
            pending.length = 0;
          }
          add(current, iv);
        } else if (current === undefined) pending.push(iv);
        else {
          // an idle or run interval without lot after a lot: charged to the lot before it
          add(current, iv);
          notes.push({
            unit: current,
            reason: "idle-charged-to-lot",
            detail: `${iv.state === "idle" ? "idle" : "run"} interval without lot on ${machine} charged to the lot before it`,
            rows: [iv.row],
          });
        }
      }
      if (pending.length)
        throw new RangeError(`aggregateUnits: machine ${machine} has intervals but no lot ids (use unit "shift")`);
    } else {
      for (const iv of sorted) {
        let key: string;
        if (iv.shift !== undefined) key = `${machine}|${iv.shift}`;
        else {
          const local = new Date(iv.start + offset * 60000);
          const block = Math.floor(local.getUTCHours() / shiftHours);
          key = `${machine}|${local.toISOString().slice(0, 10)}#${block + 1}`;
        }
        add(key, iv);
      }
    }
  }
  const units: AnalysisUnit[] = [];
  for (const [id, ivs] of groups) {
    const first = ivs[0];
    const meter = opts.thermalMeter[first.machine];
    if (meter === undefined)
      throw new RangeError(`aggregateUnits: no thermal meter known for machine ${first.machine}`);
    const rows = ivs.map((iv) => iv.row);
    const bad = ivs.flatMap((iv) => (flagged.get(`${iv.file}#${iv.row}`) ?? []).map((r) => ({ r, row: iv.row })));
    if (bad.length) {
      const reason = bad[0].r as "missing-meter" | "negative-reading";
      setAside.push({
        unit: id,
        reason,
        detail: `${bad.length} flagged interval(s) (${[...new Set(bad.map((b) => b.r))].join(", ")}): the unit has no complete energy or production total`,
        rows: bad.map((b) => b.row),
      });
      continue;
    }
    const periods = new Set(ivs.map((iv) => iv.period));
    if (periods.size > 1)
      notes.push({
        unit: id,
        reason: "lot-spans-periods",
        detail: `intervals in ${[...periods].join(" and ")}; unit assigned to the period of its first interval`,
        rows,
      });
    let eRun = 0,
      eIdle = 0,
      tRun = 0,
      tIdle = 0,
      fuel = 0,
      runH = 0,
      idleH = 0;
    let kg = 0,
      m = 0,
      kgDerived = 0,
      mDerived = 0,
      kgMissing = false,
      mMissing = false;
    const wsum: Record<string, [number, number]> = {
      speed: [0, 0],
      width: [0, 0],
      gsm: [0, 0],
      exhaustTemp: [0, 0],
      exhaustHumidity: [0, 0],
    };
    let thermalFuel: "gas" | "coal" = "gas";
    for (const iv of ivs) {
      const h = (iv.end - iv.start) / 3600000;
      const v = iv.values;
      const th = thermalEnergy(meter, v, h, opts.params);
      thermalFuel = th.thermalFuel;
      const el = v.electricity ?? NaN;
      if (iv.state === "run") {
        eRun += el;
        tRun += th.thermalMJ;
        runH += h;
      } else {
        eIdle += el;
        tIdle += th.thermalMJ;
        idleH += h;
      }
      fuel += th.thermalFuelMJ;
      const fin = (x: number | undefined): x is number => x !== undefined && Number.isFinite(x);
      const w = v.width,
        g = v.gsm;
      // an idle interval produces nothing: an empty production cell there counts as no production
      const pk =
        iv.state === "idle" && !fin(v.productionKg) ? (v.productionKg === undefined ? undefined : 0) : v.productionKg;
      const pm =
        iv.state === "idle" && !fin(v.productionM) ? (v.productionM === undefined ? undefined : 0) : v.productionM;
      if (fin(pk)) kg += pk;
      else if (fin(pm) && pm === 0) {
        /* nothing produced */
      } else if (fin(pm) && fin(w) && fin(g)) {
        kg += (pm * w * g) / 1000;
        kgDerived++;
      } else kgMissing = true;
      if (fin(pm)) m += pm;
      else if (fin(pk) && pk === 0) {
        /* nothing produced */
      } else if (fin(pk) && fin(w) && fin(g) && w > 0 && g > 0) {
        m += (pk * 1000) / (w * g);
        mDerived++;
      } else mMissing = true;
      const weight = iv.state === "run" ? h : 0;
      for (const k of Object.keys(wsum)) {
        const x = v[k as MachineQuantity];
        if (x !== undefined && Number.isFinite(x) && weight > 0) {
          wsum[k][0] += x * weight;
          wsum[k][1] += weight;
        }
      }
    }
    if (kgDerived)
      notes.push({
        unit: id,
        reason: "production-kg-derived",
        detail: `kg from m·width·GSM/1000 in ${kgDerived} interval(s)`,
        rows,
      });
    if (mDerived)
      notes.push({
        unit: id,
        reason: "production-m-derived",
        detail: `m from kg·1000/(width·GSM) in ${mDerived} interval(s)`,
        rows,
      });
    const energy = eRun + eIdle + tRun + tIdle;
    if (!Number.isFinite(energy) || !Number.isFinite(fuel)) {
      setAside.push({
        unit: id,
        reason: "missing-meter",
        detail: "energy total not computable (a reading needed by the meter conversion is missing)",
        rows,
      });
      continue;
    }
    if (!(kg > 0) && !(m > 0) && energy > 0) {
      setAside.push({
        unit: id,
        reason: "zero-production",
        detail: `energy ${energy.toFixed(1)} (kWh + MJ) with zero production`,
        rows,
      });
      continue;
    }
    const mean = (k: string) => (wsum[k][1] > 0 ? wsum[k][0] / wsum[k][1] : NaN);
    units.push({
      id,
      machine: first.machine,
      group: first.group,
      period: first.period,
      article: mode === "lot" ? first.article : uniqueOr(ivs.map((iv) => iv.article)),
      fabricClass: mode === "lot" ? first.fabricClass : uniqueOr(ivs.map((iv) => iv.fabricClass)),
      start: Math.min(...ivs.map((iv) => iv.start)),
      end: Math.max(...ivs.map((iv) => iv.end)),
      runHours: runH,
      idleHours: idleH,
      electricityRunKwh: eRun,
      electricityIdleKwh: eIdle,
      thermalRunMJ: tRun,
      thermalIdleMJ: tIdle,
      thermalFuelMJ: fuel,
      thermalFuel,
      meter,
      productionKg: kgMissing ? NaN : kg,
      productionM: mMissing ? NaN : m,
      speed: mean("speed"),
      width: mean("width"),
      gsm: mean("gsm"),
      exhaustTemp: mean("exhaustTemp"),
      exhaustHumidity: mean("exhaustHumidity"),
      rows,
    });
  }
  units.sort((a, b) => a.machine.localeCompare(b.machine) || a.start - b.start);
  return { units, account: { intervals: intervals.length, units: units.length, setAside, notes } };
}

function uniqueOr(xs: (string | undefined)[]): string | undefined {
  const s = new Set(xs.filter((x) => x !== undefined));
  return s.size === 0 ? undefined : s.size === 1 ? [...s][0] : MIXED;
}
