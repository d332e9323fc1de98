import { Rng } from "../random/rng";
import { AqTable } from "../table/table";
import { provenance, type Provenance } from "../provenance";

/** Generating parameters of {@link simulateForecastStation} (the known truth). */
export interface ForecastStationTruth {
  seed: number;
  /** Local start date `YYYY-MM-DD` (00:00 local). */
  start: string;
  days: number;
  utcOffsetMinutes: number;
  /** Each instant marks the start of its averaging hour. */
  hourLabel: "start";
  /** Heating season (local month-day, inclusive; Shenyang's municipal heating runs 1 Nov – 31 Mar). */
  heatingSeason: { from: string; to: string };
  /** Daily stagnation latent: AR(1) coefficient and innovation SD (dimensionless). */
  stagnationAr: { phi: number; sd: number };
  /** ln PM2.5 model: base level (µg/m3), heating-season factor, stagnation slope, wash-out per mm, AR(1) of the daily residual, residual SD, hourly noise SD. */
  pm25: {
    baseUgm3: number;
    heatingFactor: number;
    stagnationSlope: number;
    washoutPerMm: number;
    residualAr: number;
    residualSd: number;
    hourlySd: number;
  };
  /** O3 model: background (µg/m3), photochemical gain (µg/m3 per (W/m2 · °C) above `tBaseC`), night-time titration by NO2 (fraction). */
  o3: { backgroundUgm3: number; gain: number; tBaseC: number; titration: number };
  /** Daily series of the latent drivers (one per local day). */
  daily: { date: string; stagnation: number; heating: boolean; precipMm: number; meanTempC: number }[];
  model: string;
}

const HOUR = 3_600_000;
const DAY = 86_400_000;

/**
 * Simulate three years (default 1096 days) of hourly data at a Shenyang-like station (41.8 N,
 * UTC+8): PM2.5, PM10, SO2, NO2, O3 (µg/m3), CO (mg/m3), and the meteorology a forecaster uses —
 * temperature T (°C), relative humidity RH (%), wind speed WS (m/s) and direction WD (deg),
 * boundary-layer height BLH (m), a stagnation index `Stagnation` (0–1), precipitation `Precip`
 * (mm/h) and global radiation `Radiation` (W/m2).
 *
 * Model (illustrative, not fitted to real data): a daily stagnation latent z follows an AR(1)
 * (φ = 0.85, so episodes last several days); it lowers wind speed (WS ∝ e^(−0.45 z)) and BLH
 * (∝ e^(−0.5 z)) and raises ln PM2.5 (slope 0.55), together with the heating season (×1.9, 1 Nov –
 * 31 Mar), precipitation wash-out and a persistent daily residual; the hourly values carry a
 * diurnal cycle (evening peak) and log-normal noise. O3 follows radiation × (T − 10 °C) in the
 * afternoon, titrated by NO2 at night. Seeded: the same seed gives the same bits.
 *
 * @param opts `seed`; optional `start` (local date, default 2023-01-01) and `days` (default 1096)
 * @returns the hourly table (time = UTC instants of the hour start, offset +480), the truth and provenance
 * @throws {RangeError} when `start` is not a YYYY-MM-DD date or `days` is not a positive integer
 */
export function simulateForecastStation(opts: { seed: number; start?: string; days?: number }): {
  table: AqTable;
  truth: ForecastStationTruth;
  provenance: Provenance;
} {
  const start = opts.start ?? "2023-01-01";
  const days = opts.days ?? 1096;
  const off = 480;
  const t0 = Date.parse(start + "T00:00:00Z") - off * 60000;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || !Number.isFinite(t0))
    throw new RangeError(`simulateForecastStation: start must be YYYY-MM-DD, got "${start}"`);
  if (!Number.isInteger(days) || days < 1)
    throw new RangeError(`simulateForecastStation: days must be a positive integer, got ${days}`);
  const rng = new Rng(opts.seed);
  const truth: ForecastStationTruth = {
    seed: opts.seed,
    start,
    days,
    utcOffsetMinutes: off,
    hourLabel: "start",
    heatingSeason: { from: "11-01", to: "03-31" },
    stagnationAr: { phi: 0.85, sd: 0.55 },
    pm25: {
      baseUgm3: 28,
      heatingFactor: 1.9,
      stagnationSlope: 0.55,
      washoutPerMm: 0.04,
      residualAr: 0.6,
      residualSd: 0.22,
      hourlySd: 0.18,
    },
    o3: { backgroundUgm3: 45, gain: 0.0125, tBaseC: 10, titration: 0.5 },
    daily: [],
    model:
      "daily AR(1) stagnation latent → WS, BLH, ln PM2.5; heating season ×1.9; wash-out; O3 ∝ radiation × (T − 10 °C)",
  };
  const n = days * 24;
  const cols: Record<string, Float64Array> = {};
  const names = [
    "PM2.5",
    "PM10",
    "SO2",
    "NO2",
    "CO",
    "O3",
    "T",
    "RH",
    "WS",
    "WD",
    "BLH",
    "Stagnation",
    "Precip",
    "Radiation",
  ];
  for (const c of names) cols[c] = new Float64Array(n);
  const time = new Float64Array(n);
  const p = truth.pm25;
  let z = 0;
  let resid = 0;
  let tAnom = 0;
  for (let d = 0; d < days; d++) {
    const localMidnight = Date.parse(start + "T00:00:00Z") + d * DAY;
    const date = new Date(localMidnight).toISOString().slice(0, 10);
    const md = date.slice(5);
    const yearStart = Date.UTC(new Date(localMidnight).getUTCFullYear(), 0, 1);
    const doy = (localMidnight - yearStart) / DAY;
    const season = Math.cos((2 * Math.PI * (doy - 15)) / 365.25); // +1 mid-January, −1 mid-July
    z = truth.stagnationAr.phi * z + truth.stagnationAr.sd * rng.normal();
    resid = p.residualAr * resid + p.residualSd * rng.normal();
    tAnom = 0.7 * tAnom + 2.0 * rng.normal();
    const meanT = 8 - 17 * season + tAnom + 1.2 * z; // Shenyang: about −12 °C in January, 25 °C in July
    const heating = md >= truth.heatingSeason.from || md <= truth.heatingSeason.to;
    const rainProb = 0.12 + ((0.18 * (1 - season)) / 2) * 2 - 0.05 * z;
    const rainy = rng.uniform() < Math.max(0.02, rainProb);
    const precipDay = rainy ? rng.lognormal(Math.log(4 + 8 * (1 - season)), 0.9) : 0;
    const rainHours = rainy ? 2 + rng.int(8) : 0;
    const rainStart = rng.int(24);
    const cloud = rainy ? 0.35 : 0.75 + 0.2 * rng.uniform() - 0.1 * Math.max(0, z);
    const wsDay = 3.2 * Math.exp(-0.45 * Math.max(z, -2) + 0.2 * rng.normal()) * (1 + 0.2 * Math.max(0, -season));
    const wdDay = z > 0.5 ? 200 + 40 * rng.normal() : 315 + 45 * rng.normal();
    const lnPmDay =
      Math.log(p.baseUgm3) +
      (heating ? Math.log(p.heatingFactor) : 0) +
      p.stagnationSlope * z -
      p.washoutPerMm * Math.min(precipDay, 30) +
      resid;
    const so2Day = (heating ? 45 : 12) * Math.exp(0.5 * z + 0.3 * rng.normal());
    const no2Day = 32 * Math.exp(0.35 * z + 0.2 * rng.normal()) * (heating ? 1.2 : 1);
    const coDay = (heating ? 1.1 : 0.6) * Math.exp(0.4 * z + 0.2 * rng.normal());
    truth.daily.push({ date, stagnation: 1 / (1 + Math.exp(-z)), heating, precipMm: 0, meanTempC: meanT });
    let precipSum = 0;
    for (let h = 0; h < 24; h++) {
      const i = d * 24 + h;
      time[i] = t0 + i * HOUR;
      const diurnalT = -4 * Math.cos((2 * Math.PI * (h - 3)) / 24); // minimum near 03 h, maximum 15 h
      const T = meanT + diurnalT + 0.6 * rng.normal();
      // clear-sky radiation: solar elevation at 41.8 N, local solar time ≈ clock time
      const decl = -23.44 * Math.cos((2 * Math.PI * (doy + 10)) / 365.25);
      const ha = (h + 0.5 - 12) * 15;
      const rad = Math.PI / 180;
      const sinEl =
        Math.sin(41.8 * rad) * Math.sin(decl * rad) + Math.cos(41.8 * rad) * Math.cos(decl * rad) * Math.cos(ha * rad);
      const radiation = Math.max(0, 1000 * sinEl * cloud);
      const inRain = rainy && (h - rainStart + 24) % 24 < rainHours;
      const pr = inRain ? precipDay / rainHours : 0;
      precipSum += pr;
      const mixing = Math.max(0, Math.sin((Math.PI * (h - 7)) / 12)); // daytime mixing 07–19 h
      const blh =
        (250 + 1300 * mixing * (1 - 0.4 * season)) *
        Math.exp(-0.5 * Math.min(Math.max(z, -2), 3) + 0.15 * rng.normal());
      const rush = Math.exp(-((h - 8) ** 2) / 4) + Math.exp(-((h - 19) ** 2) / 5);
      const diurnalPm = 1 + 0.25 * Math.cos((2 * Math.PI * (h - 21)) / 24);
      const pm25 = Math.exp(lnPmDay + p.hourlySd * rng.normal()) * diurnalPm;
      const no2 = no2Day * (0.7 + 0.6 * rush) * (1.2 - 0.5 * mixing) * Math.exp(0.15 * rng.normal());
      const photo = truth.o3.gain * radiation * Math.max(0, T - truth.o3.tBaseC);
      const o3 = Math.max(
        1,
        (truth.o3.backgroundUgm3 * (1 - 0.3 * Math.max(0, z)) + photo) *
          (1 - truth.o3.titration * (1 - mixing) * (no2 / 60)) *
          Math.exp(0.12 * rng.normal()),
      );
      cols["PM2.5"][i] = pm25;
      cols.PM10[i] =
        pm25 / 0.58 + (md >= "03-15" && md <= "05-15" ? 40 * Math.exp(0.5 * rng.normal()) * (wsDay / 3) : 10);
      cols.SO2[i] = so2Day * (0.8 + 0.4 * mixing) * Math.exp(0.15 * rng.normal());
      cols.NO2[i] = no2;
      cols.CO[i] = coDay * (0.9 + 0.3 * rush) * Math.exp(0.1 * rng.normal());
      cols.O3[i] = o3;
      cols.T[i] = T;
      cols.RH[i] = Math.min(
        100,
        Math.max(8, 62 - 10 * season - 1.2 * diurnalT + 10 * z * 0.5 + (inRain ? 25 : 0) + 5 * rng.normal()),
      );
      cols.WS[i] = Math.max(0.1, wsDay * (0.7 + 0.6 * mixing) * Math.exp(0.2 * rng.normal()));
      cols.WD[i] = (((wdDay + 20 * rng.normal()) % 360) + 360) % 360;
      cols.BLH[i] = blh;
      cols.Stagnation[i] = 1 / (1 + Math.exp(-z));
      cols.Precip[i] = pr;
      cols.Radiation[i] = radiation;
    }
    truth.daily[d].precipMm = precipSum;
  }
  // mass concentrations in µg/m3 except CO in mg/m3 (the units of China's station exports)
  const units: Record<string, string> = { CO: "mg/m3", T: "°C", RH: "%", WS: "m/s", WD: "deg", BLH: "m" };
  Object.assign(units, { Stagnation: "1", Precip: "mm", Radiation: "W/m2" });
  for (const c of ["PM2.5", "PM10", "SO2", "NO2", "O3"]) units[c] = "µg/m3";
  const info: Record<string, { unit?: string }> = {};
  for (const c of names) info[c] = { unit: units[c] };
  const table = AqTable.create({ time, ...cols }, info, { column: "time", utcOffsetMinutes: off });
  return { table, truth, provenance: provenance(opts, opts.seed, { routine: "simulateForecastStation" }) };
}
