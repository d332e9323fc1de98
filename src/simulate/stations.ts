import { Rng } from "../random/rng";
import { molarVolume, STP_298 } from "../table/gas";
import { CRITERIA_GAS_MOLAR_MASS } from "../table/molar-mass";
import { provenance, type Provenance } from "../provenance";

/** One simulated station. */
export interface SimStation {
  id: string;
  name: string;
  lon: number;
  lat: number;
  /** urban traffic site or suburban/background site. */
  kind: "urban" | "suburban";
  /** NOx emission factor (median NOx at the site, ppb). */
  noxPpb: number;
}

/** Known truth of {@link simulateCityStations}. */
export interface StationsTruth {
  seed: number;
  utcOffsetMinutes: number;
  start: string;
  days: number;
  /** Each instant marks the start of its averaging hour. */
  hourLabel: "start";
  stations: SimStation[];
  /** Regional oxidant level per day (ppb, afternoon Ox before local NO2), and the stagnation factor per day. */
  regionalOxPpb: number[];
  stagnation: number[];
  /** Cells written as missing-value codes. */
  missing: { station: string; row: number; column: string; code: string }[];
  /** Hours with no row at all (an outage), local text. */
  absentHours: { station: string; local: string }[];
  model: string;
}

/** Station layout of a Xi'an-like city (centre 34.27 N, 108.95 E); names are illustrative. */
const STATIONS: SimStation[] = [
  { id: "S1", name: "Centre", lon: 108.95, lat: 34.27, kind: "urban", noxPpb: 28 },
  { id: "S2", name: "Railway", lon: 108.97, lat: 34.3, kind: "urban", noxPpb: 30 },
  { id: "S3", name: "Hi-tech", lon: 108.88, lat: 34.22, kind: "urban", noxPpb: 24 },
  { id: "S4", name: "Qujiang", lon: 108.99, lat: 34.2, kind: "urban", noxPpb: 20 },
  { id: "S5", name: "Economic zone", lon: 108.94, lat: 34.35, kind: "urban", noxPpb: 22 },
  { id: "S6", name: "Lintong", lon: 109.21, lat: 34.37, kind: "suburban", noxPpb: 9 },
  { id: "S7", name: "Chang'an", lon: 108.91, lat: 34.15, kind: "suburban", noxPpb: 10 },
  { id: "S8", name: "Caotang", lon: 108.62, lat: 34.08, kind: "suburban", noxPpb: 5 },
];

const HEADERS = [
  "Time",
  "PM2.5 (µg/m3)",
  "PM10 (µg/m3)",
  "SO2 (µg/m3)",
  "NO2 (µg/m3)",
  "NOx (µg/m3)",
  "CO (mg/m3)",
  "O3 (µg/m3)",
];

/**
 * Simulate hourly monitoring data of ~8 stations in a Xi'an-like city (UTC+8) for an ozone season:
 * PM2.5, PM10, SO2, NO2, NOx (as NO2), CO and O3, gases in µg/m3 at 298.15 K (CO mg/m3), local
 * time text labelling the start of each hour, one CSV per station plus a station list.
 *
 * Model (per day d, hour h, station s): a regional oxidant Ox_d (ppb; AR(1) in log around 70 ppb)
 * and a stagnation factor S_d (AR(1) in log around 1); NOx = E_s·S_d·(0.35 + rush(h) + 0.6·night(h))·LN(0.3)
 * (rush peaks 08 and 19 h; night(h) = (1 + cos(2π(h − 1)/24))/2 for the shallow night-time boundary layer); NO2 = NOx·(0.45 + 0.35·photo(h)); Ox =
 * Ox_d·(0.45 + 0.55·photo(h)) + 0.1·NOx; O3 = max(1, Ox − NO2); PM2.5 = 30·S_d·(1 + 0.25·rush)·LN(0.25),
 * PM10 = PM2.5·(1.7 + 0.2·N), SO2 = 9·LN(0.3) µg/m3, CO = (0.5 + 0.004·NOx)·LN(0.15) mg/m3.
 * About 0.5 % of cells are written as `-999` or empty, and one station has a 6-hour outage (rows absent).
 */
export function simulateCityStations(opts: { seed: number; start: string; days: number; utcOffsetMinutes: number }): {
  stationsCsv: string;
  files: { id: string; csv: string }[];
  truth: StationsTruth;
  provenance: Provenance;
} {
  const rng = new Rng(opts.seed);
  const t0 = Date.parse(opts.start + "T00:00Z") - opts.utcOffsetMinutes * 60_000;
  if (!Number.isFinite(t0)) throw new Error(`start "${opts.start}" is not YYYY-MM-DD`);
  const regional: number[] = [],
    stag: number[] = [];
  let a = 0,
    b = 0;
  for (let d = 0; d < opts.days; d++) {
    a = 0.7 * a + 0.2 * rng.normal();
    b = 0.75 * b + 0.25 * rng.normal();
    regional.push(Number((70 * Math.exp(a)).toFixed(2)));
    stag.push(Number(Math.exp(b).toFixed(3)));
  }
  const vm = molarVolume(STP_298);
  const ppbToUg = (ppb: number, mw: number) => (ppb * mw) / vm;
  const truth: StationsTruth = {
    seed: opts.seed,
    utcOffsetMinutes: opts.utcOffsetMinutes,
    start: opts.start,
    days: opts.days,
    hourLabel: "start",
    stations: STATIONS,
    regionalOxPpb: regional,
    stagnation: stag,
    missing: [],
    absentHours: [],
    model: "see simulateCityStations (src/simulate/stations.ts)",
  };
  const outageStation = "S3",
    outageStart = 24 * Math.floor(opts.days / 2) + 10;
  const files = STATIONS.map((s) => {
    const lines = [HEADERS.join(",")];
    let row = 1;
    for (let k = 0; k < opts.days * 24; k++) {
      const d = Math.floor(k / 24),
        h = k % 24;
      const rush = Math.exp(-((h - 8) ** 2) / 3) + 0.8 * Math.exp(-((h - 19) ** 2) / 4);
      const night = 0.5 * (1 + Math.cos((2 * Math.PI * (h - 1)) / 24)); // shallow night-time boundary layer, deepest mixing ~13 h
      const photo = Math.max(0, Math.sin((Math.PI * (h - 6)) / 14)) ** 1.5; // 06–20 h, peak ~13 h
      const photoLag = Math.max(0, Math.sin((Math.PI * (h - 7)) / 14)) ** 1.5; // ozone peaks ~14–15 h
      const nox = s.noxPpb * stag[d] * (0.35 + rush + 0.6 * night) * Math.exp(0.3 * rng.normal());
      const no2 = nox * (0.45 + 0.35 * photo);
      const ox = regional[d] * (0.45 + 0.55 * photoLag) * Math.exp(0.05 * rng.normal()) + 0.1 * nox;
      const o3 = Math.max(1, ox - no2);
      const pm25 = 30 * stag[d] * (1 + 0.25 * rush) * Math.exp(0.25 * rng.normal());
      const pm10 = pm25 * (1.7 + 0.2 * Math.abs(rng.normal()));
      const so2 = 9 * Math.exp(0.3 * rng.normal());
      const co = (0.5 + 0.004 * nox) * Math.exp(0.15 * rng.normal());
      const cells = [
        pm25,
        pm10,
        so2,
        ppbToUg(no2, CRITERIA_GAS_MOLAR_MASS.NO2),
        ppbToUg(nox, CRITERIA_GAS_MOLAR_MASS.NOx),
        co,
        ppbToUg(o3, CRITERIA_GAS_MOLAR_MASS.O3),
      ].map((v, j) => (j === 5 ? v.toFixed(1) : v.toFixed(0)));
      const local = new Date(t0 + k * 3_600_000 + opts.utcOffsetMinutes * 60_000)
        .toISOString()
        .slice(0, 16)
        .replace("T", " ");
      if (s.id === outageStation && k >= outageStart && k < outageStart + 6) {
        truth.absentHours.push({ station: s.id, local });
        continue;
      }
      row++;
      if (rng.uniform() < 0.035) {
        const j = rng.int(7);
        const code = rng.uniform() < 0.5 ? "-999" : "";
        cells[j] = code;
        truth.missing.push({ station: s.id, row, column: HEADERS[j + 1], code });
      }
      lines.push([local, ...cells].join(","));
    }
    return { id: s.id, csv: lines.join("\n") + "\n" };
  });
  const stationsCsv =
    ["id,name,lon (deg),lat (deg),kind", ...STATIONS.map((s) => `${s.id},${s.name},${s.lon},${s.lat},${s.kind}`)].join(
      "\n",
    ) + "\n";
  return { provenance: provenance(opts, opts.seed, { routine: "simulateCityStations" }), stationsCsv, files, truth };
}
