import { Rng } from "../random/rng";
import { provenance, type Provenance } from "../provenance";

/** Known truth of {@link simulateXactExport}. */
export interface XactTruth {
  seed: number;
  /** Number of records written (ambient + QA). */
  records: number;
  /** 1-based file rows of the QA records (Sample Type 2). */
  qaRows: number[];
  /** 1-based file rows of short records (restart after QA). */
  shortRows: number[];
  /** 1-based file rows with a non-zero ALARM, and the code. */
  alarmRows: { row: number; code: number }[];
  /** Elements written (Mg is written as empty columns: not in the analysis method). */
  elements: string[];
  /** Mean concentrations used (ng/m3). */
  means: Record<string, number>;
}

const INSTRUMENT = [
  "TIME",
  "PUMP START TIME",
  "AT (C)",
  "SAMPLE (C)",
  "BP (mmHg)",
  "TAPE (mmHg)",
  "FLOW 25 (slpm)",
  "FLOW ACT (lpm)",
  "FLOW STD (slpm)",
  "VOLUME (L)",
  "TUBE (C)",
  "ENCLOSURE (C)",
  "FILAMENT (V)",
  "SDD (C)",
  "DPP (C)",
  "RH (%)",
  "WIND (m/s)",
  "WIND DIR (deg)",
  "SAMPLE TIME (min)",
  "Output Pin 7 (True=ON)",
  "ALARM",
  "XC VER",
  "Sample Type",
];
const ELEMENTS: [string, number, string, number][] = [
  ["Mg", 12, "MAGNESIUM", 0],
  ["S", 16, "SULPHUR", 1800],
  ["K", 19, "POTASSIUM", 700],
  ["Ca", 20, "CALCIUM", 220],
  ["Ti", 22, "TITANIUM", 30],
  ["V", 23, "VANADIUM", 4],
  ["Mn", 25, "MANGANESE", 40],
  ["Fe", 26, "IRON", 650],
  ["Ni", 28, "NICKEL", 3],
  ["Cu", 29, "COPPER", 15],
  ["Zn", 30, "ZINC", 150],
  ["As", 33, "ARSENIC", 6],
  ["Pb", 82, "LEAD", 20],
];

function mdy(t: number): string {
  const d = new Date(t);
  const p = (v: number) => String(v).padStart(2, "0");
  return `${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/**
 * Simulate a Cooper Xact 625i hourly export in the instrument's own layout (two header rows,
 * element/uncertainty pairs with the real exports' header quirks: `Mg uncert`, ` K 19`), with a
 * daily QA record at 00:15 (Sample Type 2), a short record after it, one alarmed record and
 * elements not detected (0.0). Clock times are the instrument's local time.
 * @throws {RangeError} when `start` is not YYYY-MM-DDTHH:mm
 */
export function simulateXactExport(opts: { seed: number; start: string; hours: number }): {
  csv: string;
  truth: XactTruth;
  provenance: Provenance;
} {
  const rng = new Rng(opts.seed);
  const t0 = Date.parse(opts.start + "Z");
  if (!Number.isFinite(t0)) throw new RangeError(`start "${opts.start}" is not YYYY-MM-DDTHH:mm`);
  const row1 = [...INSTRUMENT.map(() => ""), ...ELEMENTS.flatMap(([, , long]) => [long, ""])];
  const row2 = [
    ...INSTRUMENT,
    ...ELEMENTS.flatMap(([el, z]) => [
      `${el === "K" ? " " : ""}${el} ${z} (ng/m3)`,
      el === "Mg" ? "Mg uncert (ng/m3)" : `${el} Uncert (ng/m3)`,
    ]),
  ];
  const lines = [row1.join(","), row2.join(",")];
  const truth: XactTruth = {
    seed: opts.seed,
    records: 0,
    qaRows: [],
    shortRows: [],
    alarmRows: [],
    elements: ELEMENTS.slice(1).map((e) => e[0]),
    means: Object.fromEntries(ELEMENTS.map((e) => [e[0], e[3]])),
  };
  const record = (t: number, sampleType: number, volume: number, alarm: number) => {
    const ws = 2.5 * Math.exp(0.4 * rng.normal());
    const wd = (((200 + 60 * rng.normal()) % 360) + 360) % 360;
    const inst = [
      mdy(t),
      mdy(t + 44000),
      (18 + 3 * rng.uniform()).toFixed(2),
      "103.82",
      "750.5",
      "-95.7",
      "17.55",
      "16.7",
      "16.8",
      volume.toFixed(2),
      "34.9",
      "25.3",
      "3.26",
      "-38.04",
      "41.8",
      "44.1",
      ws.toFixed(2),
      wd.toFixed(1),
      "60",
      "",
      String(alarm),
      "1.2.2.124",
      String(sampleType),
    ];
    const el = ELEMENTS.flatMap(([e, , , mean]) => {
      if (e === "Mg") return ["", ""];
      const v = mean * Math.exp(0.5 * rng.normal());
      const nd = mean < 5 && rng.uniform() < 0.2;
      return nd ? ["0.0", "0.0"] : [v.toFixed(4), (0.07 * v + 0.3).toFixed(4)];
    });
    lines.push([...inst, ...el].join(","));
    truth.records++;
    return lines.length; // file row just written
  };
  for (let h = 0; h < opts.hours; h++) {
    const t = t0 + h * 3600000;
    const hod = new Date(t).getUTCHours();
    if (hod === 0 && h > 0) {
      truth.qaRows.push(record(t + 15 * 60000, 2, 1000, 0));
      truth.shortRows.push(record(t + 30 * 60000, 1, 490, 0));
      continue;
    }
    const alarm = h === 5 ? 201 : 0;
    const row = record(t, 1, 975 + 10 * rng.uniform(), alarm);
    if (alarm) truth.alarmRows.push({ row, code: alarm });
  }
  return {
    provenance: provenance(opts, opts.seed, { routine: "simulateXactExport" }),
    csv: lines.join("\n") + "\n",
    truth,
  };
}
