import { Rng } from "../random/rng";
import { formatInstant } from "../table/time";
import { provenance, type Provenance } from "../provenance";

/** Known truth of {@link simulateMonitoring}: the model that generated each series. */
export interface MonitoringTruth {
  seed: number;
  utcOffsetMinutes: number;
  hours: number;
  /** Median levels (before diurnal modulation). */
  median: { "PM2.5": number; NO2: number; O3: number; WS: number };
  /** File rows (1-based; header = row 1) written with a missing-value code, and the code. */
  missing: { row: number; column: string; code: string }[];
  /** File rows written as below detection `<DL`, with the limit. */
  belowDetection: { row: number; column: string; limit: number }[];
}

/**
 * Simulate an hourly monitoring CSV (PM2.5 µg/m3, NO2 ppb, O3 ppb, wind speed m/s, wind
 * direction deg) at a site, as local-time text without offset (like most station exports), with
 * a few missing-value codes (`-999`, empty, `NA`) and below-detection markers (`<2`) whose
 * positions are returned as the truth.
 *
 * Model: log-normal noise (σ = 0.35) around medians with a diurnal cycle (NO2 peaks at 08 and
 * 19 h local, O3 at 15 h); wind direction from a prevailing sector (mean 315°, sd 40°).
 * @throws {RangeError} when `start` is not YYYY-MM-DDTHH:mm
 */
export function simulateMonitoring(opts: {
  seed: number;
  start: string;
  hours: number;
  utcOffsetMinutes: number;
  lang?: "en" | "ja" | "zh";
}): { csv: string; truth: MonitoringTruth; provenance: Provenance } {
  const rng = new Rng(opts.seed);
  const median = { "PM2.5": 35, NO2: 22, O3: 30, WS: 2.5 };
  const headers = {
    en: ["Time", "PM2.5 (µg/m3)", "NO2 (ppb)", "O3 (ppb)", "WS (m/s)", "WD (deg)"],
    ja: ["日時", "PM2.5(µg/m3)", "二酸化窒素(ppb)", "オゾン(ppb)", "風速(m/s)", "風向(deg)"],
    zh: ["时间", "PM2.5(µg/m3)", "二氧化氮(ppb)", "臭氧(ppb)", "风速(m/s)", "风向(deg)"],
  }[opts.lang ?? "en"];
  const cols = ["PM2.5", "NO2", "O3", "WS", "WD"];
  const t0 = Date.parse(opts.start + "Z") - opts.utcOffsetMinutes * 60000;
  if (!Number.isFinite(t0)) throw new RangeError(`start "${opts.start}" is not YYYY-MM-DDTHH:mm`);
  const lines = [headers.join(",")];
  const truth: MonitoringTruth = {
    seed: opts.seed,
    utcOffsetMinutes: opts.utcOffsetMinutes,
    hours: opts.hours,
    median,
    missing: [],
    belowDetection: [],
  };
  for (let h = 0; h < opts.hours; h++) {
    const t = t0 + h * 3600000;
    const local = formatInstant(t, opts.utcOffsetMinutes).slice(0, 19).replace("T", " ");
    const hod = new Date(t + opts.utcOffsetMinutes * 60000).getUTCHours();
    const rush = Math.exp(-((hod - 8) ** 2) / 4) + Math.exp(-((hod - 19) ** 2) / 4);
    const vals = [
      median["PM2.5"] * (0.8 + 0.4 * rush) * Math.exp(0.35 * rng.normal()),
      median.NO2 * (0.6 + 0.9 * rush) * Math.exp(0.35 * rng.normal()),
      median.O3 * (0.4 + 1.2 * Math.exp(-((hod - 15) ** 2) / 8)) * Math.exp(0.35 * rng.normal()),
      median.WS * Math.exp(0.35 * rng.normal()),
      (((315 + 40 * rng.normal()) % 360) + 360) % 360,
    ];
    const cells = vals.map((v, k) => (k === 4 ? v.toFixed(0) : v.toFixed(k === 3 ? 1 : 2)));
    const row = h + 2;
    const u = rng.uniform();
    if (u < 0.02) {
      const k = rng.int(4);
      const code = ["-999", "", "NA"][rng.int(3)];
      cells[k] = code;
      truth.missing.push({ row, column: cols[k], code });
    } else if (u < 0.03 && vals[1] < 10) {
      cells[1] = "<2";
      truth.belowDetection.push({ row, column: "NO2", limit: 2 });
    }
    lines.push([local, ...cells].join(","));
  }
  return {
    provenance: provenance(opts, opts.seed, { routine: "simulateMonitoring" }),
    csv: lines.join("\n") + "\n",
    truth,
  };
}
