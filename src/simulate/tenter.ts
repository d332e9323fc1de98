import { Rng } from "../random/rng";
import { ENERGY_DEFAULTS } from "../models/energy/tables/factors";
import { provenance, type Provenance } from "../provenance";

/**
 * Simulated tenter (stenter) logs for the Changshu retrofit example: one old tenter (gas-fired,
 * kept as the comparison machine) and three new energy-efficient tenters, four fabric classes,
 * lots with idle changeovers, 30-minute log intervals, a before and an after period; plus stack
 * measurements of the exhaust-treatment unit. Every number comes from the seeded model below, and
 * the truth (population SEC per class and side, true ratios, true removal efficiencies) is
 * computed from the model's expectations, not from the simulated sample.
 */

/** Options of {@link simulateTenterLogs}. */
export interface TenterSimOptions {
  seed: number;
  /** Local start date of the before period (YYYY-MM-DD). */
  beforeStart: string;
  /** Local start date of the after period. */
  afterStart: string;
  /** Days per period. */
  days: number;
  /** Log interval, minutes. */
  intervalMinutes: number;
  utcOffsetMinutes: number;
}

interface Article {
  id: string;
  cls: string;
  width: number;
  gsm: number;
  speed: number;
}

/** Fabric classes: variable thermal energy (MJ/kg) on the old machine, and the new/old ratio of it. */
const CLASSES: Record<string, { sVar: number; newFactor: number; articles: [number, number, number][] }> = {
  // articles: [width m, GSM g/m2, old speed m/min]
  "cotton-light": {
    sVar: 3.2,
    newFactor: 0.8,
    articles: [
      [1.7, 110, 55],
      [1.8, 130, 50],
    ],
  },
  "cotton-heavy": {
    sVar: 3.6,
    newFactor: 0.84,
    articles: [
      [1.7, 260, 32],
      [1.6, 300, 28],
    ],
  },
  polyester: {
    sVar: 2.2,
    newFactor: 0.86,
    articles: [
      [1.8, 140, 60],
      [1.7, 160, 55],
    ],
  },
  blend: {
    sVar: 3.0,
    newFactor: 0.82,
    articles: [
      [1.7, 190, 42],
      [1.8, 210, 38],
    ],
  },
};

/** Machine-type parameters: fixed run loads, idle loads, speed factor, exhaust state. */
const MACHINE_TYPE = {
  old: {
    thermalFixedMJh: 900,
    elecVarKwhKg: 0.09,
    elecFixedKwh: 55,
    idleThermalMJh: 450,
    idleElecKwh: 25,
    speedFactor: 1.0,
    exhaustT: 150,
    exhaustW: 45,
  },
  new: {
    thermalFixedMJh: 500,
    elecVarKwhKg: 0.08,
    elecFixedKwh: 38,
    idleThermalMJh: 250,
    idleElecKwh: 15,
    speedFactor: 1.1,
    exhaustT: 130,
    exhaustW: 90,
  },
} as const;

/** Lot length (m) ~ U(LOT_MIN, LOT_MAX); changeover idle = 1–3 log intervals (uniform); lot noise σ (log scale). */
const LOT_MIN = 2000,
  LOT_MAX = 8000,
  IDLE_MIN_INTERVALS = 1,
  IDLE_MAX_INTERVALS = 3,
  LOT_SIGMA = 0.06;

/** Stack: pollutant → inlet mg/Nm3, true removal efficiency on mass rates. Inlet flow 18000 Nm3/h, outlet 18500 (leak air). */
const STACK = {
  "VOC (NMHC)": { cin: 60, eta: 0.85 },
  "oil mist": { cin: 40, eta: 0.92 },
  particulate: { cin: 25, eta: 0.9 },
} as const;
const Q_IN = 18000,
  Q_OUT = 18500;

function articles(): Article[] {
  const out: Article[] = [];
  for (const [cls, c] of Object.entries(CLASSES))
    c.articles.forEach(([w, g, v], i) =>
      out.push({
        id: `${cls.slice(0, 2).toUpperCase()}-${String.fromCharCode(65 + i)}${g}`,
        cls,
        width: w,
        gsm: g,
        speed: v,
      }),
    );
  return out;
}

/** Expected SEC (final MJ/kg; thermal MJ/kg; electric kWh/kg) of a class on a machine type, lots charged with their idle gap. */
function trueSec(
  cls: string,
  type: "old" | "new",
  intervalMinutes: number,
): { total: number; thermal: number; electric: number } {
  const mt = MACHINE_TYPE[type];
  const c = CLASSES[cls];
  const sVar = type === "old" ? c.sVar : c.sVar * c.newFactor;
  const meanL = (LOT_MIN + LOT_MAX) / 2,
    meanIdle = ((IDLE_MIN_INTERVALS + IDLE_MAX_INTERVALS) / 2) * (intervalMinutes / 60);
  let kg = 0,
    th = 0,
    el = 0;
  for (const [w, g, v0] of c.articles) {
    const k = (meanL * w * g) / 1000;
    const thr = (v0 * mt.speedFactor * 60 * w * g) / 1000; // kg/h
    kg += k;
    th += k * (sVar + mt.thermalFixedMJh / thr) + meanIdle * mt.idleThermalMJh;
    el += k * (mt.elecVarKwhKg + mt.elecFixedKwh / thr) + meanIdle * mt.idleElecKwh;
  }
  return { thermal: th / kg, electric: el / kg, total: (th + 3.6 * el) / kg };
}

function localText(utcMs: number, offsetMin: number): string {
  return new Date(utcMs + offsetMin * 60000).toISOString().slice(0, 16).replace("T", " ");
}

/**
 * Simulate the machine log CSV and the stack CSV. Model per lot: length L ~ U(2000, 8000) m of a
 * uniformly drawn class and article; speed = article speed × machine factor; run thermal energy
 * = kg·(s_var + fixed/throughput)·LN(σ = 0.06, mean 1), electricity likewise; a changeover idle
 * gap of 1–3 log intervals with idle loads follows each lot. Energy and production are split over
 * 30-minute intervals in proportion to time; gas Nm3 = thermal MJ / 38.931 MJ/Nm3 (the default NCV).
 * One lot has a missing electricity reading (an empty cell), which the reader must flag.
 */
export function simulateTenterLogs(o: TenterSimOptions): {
  logCsv: string;
  stackCsv: string;
  truth: unknown;
  provenance: Provenance;
} {
  const rng = new Rng(o.seed);
  const arts = articles();
  const ncv = ENERGY_DEFAULTS.gasNcv.value;
  const header =
    "start,end,machine,group,period,lot,article,class,state,speed (m/min),width (m),gsm (g/m2),electricity (kWh),gas (Nm3),exhaust temp (°C),exhaust humidity (g/kg),production (m),production (kg)";
  const lines: string[] = [header];
  const step = o.intervalMinutes * 60000;
  let lotNo = 0;
  let missingLot = "";
  const machines: { id: string; type: "old" | "new"; periods: ("before" | "after")[] }[] = [
    { id: "OLD-1", type: "old", periods: ["before", "after"] },
    { id: "NEW-1", type: "new", periods: ["after"] },
    { id: "NEW-2", type: "new", periods: ["after"] },
    { id: "NEW-3", type: "new", periods: ["after"] },
  ];
  const f = (x: number, d: number) => x.toFixed(d);
  for (const m of machines) {
    const mt = MACHINE_TYPE[m.type];
    for (const period of m.periods) {
      const day0 = period === "before" ? o.beforeStart : o.afterStart;
      const t0 = Date.parse(`${day0}T08:00:00Z`) - o.utcOffsetMinutes * 60000;
      const tEnd = t0 + o.days * 86400000;
      let t = t0;
      while (true) {
        const a = arts[rng.int(arts.length)];
        const L = LOT_MIN + (LOT_MAX - LOT_MIN) * rng.uniform();
        const v = a.speed * mt.speedFactor;
        const runMin = L / v;
        const nInt = Math.max(1, Math.round(runMin / o.intervalMinutes));
        if (t + nInt * step > tEnd) break;
        lotNo++;
        const lot = `L${String(lotNo).padStart(5, "0")}`;
        const kg = (L * a.width * a.gsm) / 1000;
        const thr = (v * 60 * a.width * a.gsm) / 1000;
        const c = CLASSES[a.cls];
        const sVar = m.type === "old" ? c.sVar : c.sVar * c.newFactor;
        const noise = Math.exp(LOT_SIGMA * rng.normal() - (LOT_SIGMA * LOT_SIGMA) / 2);
        const thermal = kg * (sVar + mt.thermalFixedMJh / thr) * noise;
        const elec = kg * (mt.elecVarKwhKg + mt.elecFixedKwh / thr) * Math.exp(0.04 * rng.normal() - 0.0008);
        const dropMeter = m.type === "new" && period === "after" && missingLot === "" && lotNo % 7 === 0;
        if (dropMeter) missingLot = lot;
        // interval weights (small speed fluctuations), normalised to the lot totals
        const wts = Array.from({ length: nInt }, () => 1 + 0.05 * rng.normal());
        const ws = wts.reduce((s, x) => s + x, 0);
        for (let k = 0; k < nInt; k++) {
          const share = wts[k] / ws;
          const pm = L * share,
            pk = kg * share;
          const el = elec * share,
            gas = (thermal * share) / ncv;
          const elText = dropMeter && k === Math.floor(nInt / 2) ? "" : f(el, 2);
          lines.push(
            [
              localText(t, o.utcOffsetMinutes),
              localText(t + step, o.utcOffsetMinutes),
              m.id,
              m.type,
              period,
              lot,
              a.id,
              a.cls,
              "run",
              f(v * nInt * share, 1),
              f(a.width, 2),
              f(a.gsm, 0),
              elText,
              f(gas, 3),
              f(mt.exhaustT + 3 * rng.normal(), 1),
              f(mt.exhaustW + 4 * rng.normal(), 1),
              f(pm, 1),
              f(pk, 2),
            ].join(","),
          );
          t += step;
        }
        // changeover idle
        const nIdle = IDLE_MIN_INTERVALS + rng.int(IDLE_MAX_INTERVALS - IDLE_MIN_INTERVALS + 1);
        for (let k = 0; k < nIdle && t + step <= tEnd; k++) {
          const h = o.intervalMinutes / 60;
          const el = mt.idleElecKwh * h * Math.exp(0.05 * rng.normal() - 0.00125);
          const gas = (mt.idleThermalMJh * h * Math.exp(0.05 * rng.normal() - 0.00125)) / ncv;
          lines.push(
            [
              localText(t, o.utcOffsetMinutes),
              localText(t + step, o.utcOffsetMinutes),
              m.id,
              m.type,
              period,
              "",
              "",
              "",
              "idle",
              "0.0",
              "",
              "",
              f(el, 2),
              f(gas, 3),
              f(mt.exhaustT - 20 + 3 * rng.normal(), 1),
              f(20 + 2 * rng.normal(), 1),
              "0.0",
              "0.00",
            ].join(","),
          );
          t += step;
        }
      }
    }
  }
  // stack measurements: 12 sampling events on the treatment unit of the new line
  const stackLines = ["time,unit,pollutant,inlet (mg/Nm3),outlet (mg/Nm3),inlet flow (Nm3/h),outlet flow (Nm3/h)"];
  const sT0 = Date.parse(`${o.afterStart}T10:00:00Z`) - o.utcOffsetMinutes * 60000;
  for (let k = 0; k < 12; k++) {
    const tt = sT0 + Math.floor((k * o.days) / 12) * 86400000 + (k % 3) * 3 * 3600000;
    const qin = Q_IN * (1 + 0.03 * rng.normal()),
      qout = Q_OUT * (1 + 0.03 * rng.normal());
    for (const [p, s] of Object.entries(STACK)) {
      const cin = s.cin * Math.exp(0.15 * rng.normal() - 0.01125);
      // outlet concentration such that the expected outlet mass rate is (1 − η)·C_in·Q_in
      const cout = (((1 - s.eta) * cin * Q_IN) / Q_OUT) * Math.exp(0.1 * rng.normal() - 0.005);
      stackLines.push(
        [localText(tt, o.utcOffsetMinutes), "ETU-1", p, f(cin, 2), f(cout, 2), f(qin, 0), f(qout, 0)].join(","),
      );
    }
  }
  const classes = Object.keys(CLASSES);
  const truth = {
    description:
      "Population SEC (lots charged with their changeover idle energy) from the simulator's expectations; ratio = new/old of total final energy per kg.",
    gasNcvMJPerNm3: ncv,
    secPerKg: Object.fromEntries(
      classes.map((c) => [c, { old: trueSec(c, "old", o.intervalMinutes), new: trueSec(c, "new", o.intervalMinutes) }]),
    ),
    ratioByClass: Object.fromEntries(
      classes.map((c) => [c, trueSec(c, "new", o.intervalMinutes).total / trueSec(c, "old", o.intervalMinutes).total]),
    ),
    thermalRatioByClass: Object.fromEntries(
      classes.map((c) => [
        c,
        trueSec(c, "new", o.intervalMinutes).thermal / trueSec(c, "old", o.intervalMinutes).thermal,
      ]),
    ),
    removalEfficiency: Object.fromEntries(Object.entries(STACK).map(([p, s]) => [p, s.eta])),
    missingMeterLot: missingLot,
    machines: machines.map((m) => m.id),
    settings: o,
  };
  return {
    provenance: provenance(o, o.seed, { routine: "simulateTenterLogs" }),
    logCsv: lines.join("\n") + "\n",
    stackCsv: stackLines.join("\n") + "\n",
    truth,
  };
}
