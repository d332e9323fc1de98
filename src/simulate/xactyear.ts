import { XACT625I_MDL_NG_M3 } from "../metals/tables/mdl";
import { Rng } from "../random/rng";
import { provenance, type Provenance } from "../provenance";

/** One simulated source of {@link simulateXactYear}. */
export interface XactYearSource {
  name: string;
  /** Bearing from the site (degrees from north) and the wind-speed range (m/s) in which its plume reaches the site; null for area sources (traffic). */
  bearing: number | null;
  wsRange: [number, number] | null;
  /** Elemental profile, ng/m3 per unit contribution. */
  profile: Record<string, number>;
}

/** Known truth of {@link simulateXactYear}. */
export interface XactYearTruth {
  seed: number;
  start: string;
  utcOffset: string;
  hours: number;
  elements: string[];
  sources: XactYearSource[];
  /** Local start and length (h) of the maintenance gap (no records). */
  gap: { start: string; hours: number };
  /** Counts of records written by kind. */
  records: { ambient: number; qa: number; short: number; alarm: number };
  /** 1-based file rows with a non-zero ALARM and their code. */
  alarmRows: { row: number; code: number }[];
  /** Filter file: elements, sampling schedule, and the true ratio Xact/filter per element (filter = true daily mean / ratio, plus 5 % noise). */
  filter: {
    elements: string[];
    everyDays: number;
    startHour: number;
    hours: number;
    xactOverFilter: Record<string, number>;
    samples: number;
  };
  /** Mean of the true (noise-free) concentrations over the ambient hours, ng/m3. */
  means: Record<string, number>;
}

const ELEMENTS: [string, number, string][] = [
  ["Al", 13, "ALUMINIUM"],
  ["Si", 14, "SILICON"],
  ["S", 16, "SULPHUR"],
  ["K", 19, "POTASSIUM"],
  ["Ca", 20, "CALCIUM"],
  ["Ti", 22, "TITANIUM"],
  ["V", 23, "VANADIUM"],
  ["Cr", 24, "CHROMIUM"],
  ["Mn", 25, "MANGANESE"],
  ["Fe", 26, "IRON"],
  ["Ni", 28, "NICKEL"],
  ["Cu", 29, "COPPER"],
  ["Zn", 30, "ZINC"],
  ["As", 33, "ARSENIC"],
  ["Sb", 51, "ANTIMONY"],
  ["Pb", 82, "LEAD"],
];
/** MDLs used for the simulated uncertainty, ng/m3: the CONVENTIONS §3 values of {@link XACT625I_MDL_NG_M3}. */
const MDL = XACT625I_MDL_NG_M3;

/** The sources of the Shanghai-like example (bearings: steel works to the N (Baoshan), the Yangtze estuary port ENE, coal-fired plants SW (Zhejiang/Jiangsu), dust WNW; traffic local). */
export const XACT_YEAR_SOURCES: XactYearSource[] = [
  {
    name: "steel",
    bearing: 15,
    wsRange: [3, 6],
    profile: { Fe: 900, Mn: 45, Zn: 110, Pb: 28, Cr: 9, Ca: 120, K: 60, S: 150 },
  },
  { name: "shipping", bearing: 75, wsRange: [4, 8], profile: { V: 14, Ni: 4.5, S: 900, Fe: 30, Ca: 25, Zn: 6 } },
  {
    name: "coal",
    bearing: 225,
    wsRange: [5, 9],
    profile: { S: 2600, As: 9, Pb: 30, K: 150, Al: 200, Si: 380, Ca: 90, Fe: 160, Zn: 40, Ti: 12 },
  },
  {
    name: "traffic",
    bearing: null,
    wsRange: null,
    profile: { Cu: 22, Sb: 3.2, Zn: 45, Fe: 320, Ca: 60, Mn: 6, Cr: 2 },
  },
  {
    name: "dust",
    bearing: 300,
    wsRange: [7, 12],
    profile: { Al: 2400, Si: 7000, Ca: 1500, Fe: 700, K: 650, Ti: 140, Mn: 10 },
  },
];

const R = Math.PI / 180;
const mdy = (t: number) => {
  const d = new Date(t);
  const p = (v: number) => String(v).padStart(2, "0");
  return `${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
};
/** Numbers written with about 3 significant digits (keeps the file small). */
function fmt(v: number): string {
  if (v === 0) return "0.0";
  const a = Math.abs(v);
  return a >= 100 ? v.toFixed(0) : a >= 10 ? v.toFixed(1) : a >= 1 ? v.toFixed(2) : v.toFixed(3);
}
const angDiff = (a: number, b: number) => {
  const d = ((((a - b) % 360) + 540) % 360) - 180;
  return d;
};

/**
 * Simulate a year of hourly Cooper Xact 625i data at a Shanghai-like site (UTC+8) with five
 * sources at known bearings and wind-speed ranges ({@link XACT_YEAR_SOURCES}), monsoon winds
 * (NW in winter, SE in summer; AR(1) persistence), a daily QA record at 00:15 followed by a short
 * 00:30 record, alarm episodes, a 3-day maintenance gap, and a daily "filter" file sampled every
 * `filterEveryDays` days (09:00–09:00 local) with a known bias per element.
 *
 * Point-source contributions: A·exp(−Δθ²/(2·12²))·[ws in range, soft edges]·season·LN(0, 0.5);
 * traffic: ∝ rush-hour profile × weekday factor / (ws + 0.7); dust only from 285–315° above
 * 7 m/s, mostly in spring. Measured = true + N(0, u) with u = 0.06·x + MDL/3; written with ~3
 * significant digits; values below MDL/2 written 0.0 (the instrument's "not detected").
 *
 * The instrument layout keeps only TIME, FLOW ACT, VOLUME, SAMPLE TIME, WIND, WIND DIR, ALARM
 * and Sample Type of the 23 instrument columns (file size), then element/uncertainty pairs.
 * @throws {RangeError} when `start` is not YYYY-MM-DDTHH:mm
 */
export function simulateXactYear(opts: { seed: number; start: string; days: number; filterEveryDays?: number }): {
  csv: string;
  filterCsv: string;
  truth: XactYearTruth;
  provenance: Provenance;
} {
  const rng = new Rng(opts.seed);
  const t0 = Date.parse(opts.start + "Z"); // local wall-clock written as if UTC
  if (!Number.isFinite(t0)) throw new RangeError(`start "${opts.start}" is not YYYY-MM-DDTHH:mm`);
  const hours = opts.days * 24;
  const every = opts.filterEveryDays ?? 3;
  const els = ELEMENTS.map((e) => e[0]);
  const inst = [
    "TIME",
    "FLOW ACT (lpm)",
    "VOLUME (L)",
    "SAMPLE TIME (min)",
    "WIND (m/s)",
    "WIND DIR (deg)",
    "ALARM",
    "Sample Type",
  ];
  const lines = [
    [...inst.map(() => ""), ...ELEMENTS.flatMap(([, , long]) => [long, ""])].join(","),
    [
      ...inst,
      ...ELEMENTS.flatMap(([el, z]) => [`${el === "K" ? " " : ""}${el} ${z} (ng/m3)`, `${el} Uncert (ng/m3)`]),
    ].join(","),
  ];
  const gapStart = 24 * Math.floor(opts.days * 0.58) + 10,
    gapHours = 70;
  const truth: XactYearTruth = {
    seed: opts.seed,
    start: opts.start,
    utcOffset: "+08:00",
    hours,
    elements: els,
    sources: XACT_YEAR_SOURCES,
    gap: { start: new Date(t0 + gapStart * 3600000).toISOString().slice(0, 16), hours: gapHours },
    records: { ambient: 0, qa: 0, short: 0, alarm: 0 },
    alarmRows: [],
    filter: {
      elements: ["S", "K", "Ca", "V", "Mn", "Fe", "Ni", "Cu", "Zn", "As", "Pb"],
      everyDays: every,
      startHour: 9,
      hours: 24,
      xactOverFilter: {
        S: 1.12,
        K: 1.05,
        Ca: 0.9,
        V: 1.0,
        Mn: 0.95,
        Fe: 1.08,
        Ni: 1.0,
        Cu: 0.93,
        Zn: 1.02,
        As: 1.1,
        Pb: 0.97,
      },
      samples: 0,
    },
    means: {},
  };
  const trueHourly: Record<string, Float64Array> = Object.fromEntries(els.map((e) => [e, new Float64Array(hours)]));
  // winds: AR(1) on the direction anomaly from a seasonal mode and on log speed
  let dAnom = 0,
    lws = Math.log(3);
  const alarmEpisodes = [
    { h: 24 * 40 + 3, len: 6, code: 103 },
    { h: 24 * 200 + 14, len: 4, code: 106 },
    { h: 24 * 300 + 7, len: 1, code: 201 },
  ];
  for (let h = 0; h < hours; h++) {
    const t = t0 + h * 3600000;
    const d = new Date(t);
    const month = d.getUTCMonth() + 1,
      hod = d.getUTCHours(),
      dow = (d.getUTCDay() + 6) % 7;
    const doy = (t - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000;
    // monsoon: NW (320°) in winter → SE (130°) in summer; regime switching keeps all sectors visited
    const summer = 0.5 - 0.5 * Math.cos(((doy - 15) / 365) * 2 * Math.PI); // 0 mid-Jan, 1 mid-Jul
    dAnom = 0.93 * dAnom + 28 * rng.normal();
    const mode = summer > 0.5 ? 130 : 320;
    const regime = Math.floor(h / 96) % 5; // 4-day regimes sweep other directions too
    const modes = [mode, mode, 60, 220, mode === 130 ? 20 : 270];
    const wd = (((modes[regime] + dAnom) % 360) + 360) % 360;
    const spring = month >= 3 && month <= 5 ? 0.25 : 0;
    lws =
      0.9 * lws +
      0.1 * (Math.log(3.2) + spring + 0.15 * Math.sin(((hod - 8) / 24) * 2 * Math.PI)) +
      0.16 * rng.normal();
    const ws = Math.min(15, Math.max(0.2, Math.exp(lws)));
    const winter = 1 - summer;
    const contrib: number[] = XACT_YEAR_SOURCES.map((s) => {
      if (s.name === "traffic") {
        const rush = 0.45 + Math.exp(-((hod - 8) ** 2) / 3) + 0.8 * Math.exp(-((hod - 18) ** 2) / 4);
        return (rush * (dow < 5 ? 1 : 0.65) * 1.6 * rng.lognormal(0, 0.35)) / (ws + 0.7);
      }
      const dth = angDiff(wd, s.bearing!);
      const [lo, hi] = s.wsRange!;
      const inRange = 1 / (1 + Math.exp(-(ws - lo) / 0.35)) / (1 + Math.exp((ws - hi) / 0.35));
      const season =
        s.name === "coal"
          ? 0.5 + winter
          : s.name === "dust"
            ? month >= 3 && month <= 5
              ? 1.6
              : 0.35
            : s.name === "shipping"
              ? 0.8 + 0.4 * summer
              : 1;
      const width = s.name === "dust" ? 15 : 12;
      return Math.exp(-(dth * dth) / (2 * width * width)) * inRange * season * rng.lognormal(0, 0.5);
    });
    const bg = 0.25 + 0.25 * winter;
    for (const el of els) {
      let v = 0;
      XACT_YEAR_SOURCES.forEach((s, k) => {
        v += contrib[k] * (s.profile[el] ?? 0);
      });
      // regional background: a small share of every profile
      let b = 0;
      for (const s of XACT_YEAR_SOURCES) b += 0.05 * (s.profile[el] ?? 0);
      trueHourly[el][h] = v + bg * b * rng.lognormal(0, 0.3);
    }
    if (h >= gapStart && h < gapStart + gapHours) continue;
    const instRow = (time: number, type: number, vol: number, alarm: number) => [
      mdy(time),
      "16.7",
      vol.toFixed(1),
      "60",
      ws.toFixed(2),
      wd.toFixed(1),
      String(alarm),
      String(type),
    ];
    const elRow = () =>
      els.flatMap((el) => {
        const u = 0.06 * trueHourly[el][h] + MDL[el] / 3;
        const x = Math.max(0, trueHourly[el][h] + u * rng.normal());
        return x < MDL[el] / 2 ? ["0.0", "0.0"] : [fmt(x), fmt(0.06 * x + MDL[el] / 3)];
      });
    if (hod === 0 && h > 0) {
      lines.push([...instRow(t + 15 * 60000, 2, 1000, 0), ...elRow()].join(","));
      truth.records.qa++;
      lines.push([...instRow(t + 30 * 60000, 1, 480 + 10 * rng.uniform(), 0), ...elRow()].join(","));
      truth.records.short++;
      continue;
    }
    const ep = alarmEpisodes.find((e) => h >= e.h && h < e.h + e.len);
    lines.push([...instRow(t, 1, 975 + 10 * rng.uniform(), ep ? ep.code : 0), ...elRow()].join(","));
    truth.records.ambient++;
    if (ep) {
      truth.records.alarm++;
      truth.alarmRows.push({ row: lines.length, code: ep.code });
    }
  }
  for (const el of els) truth.means[el] = +(trueHourly[el].reduce((a, b) => a + b, 0) / hours).toFixed(4);
  // filter file: 24-h samples 09:00–09:00 local every `every` days
  const fel = truth.filter.elements;
  const frows = [["Sample start", "Duration (h)", ...fel.map((e) => `${e} (ng/m3)`)].join(",")];
  for (let day = 0; day + 1 < opts.days; day += every) {
    const h0 = day * 24 + 9;
    const vals = fel.map((el) => {
      let s = 0;
      for (let h = h0; h < h0 + 24; h++) s += trueHourly[el][h];
      return fmt((s / 24 / truth.filter.xactOverFilter[el]) * (1 + 0.05 * rng.normal()));
    });
    frows.push([new Date(t0 + h0 * 3600000).toISOString().slice(0, 16).replace("T", " "), "24", ...vals].join(","));
    truth.filter.samples++;
  }
  return {
    provenance: provenance(opts, opts.seed, { routine: "simulateXactYear" }),
    csv: lines.join("\n") + "\n",
    filterCsv: frows.join("\n") + "\n",
    truth,
  };
}
