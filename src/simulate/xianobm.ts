import { Rng } from "../random/rng";
import { formatInstant } from "../table/time";
import { kohOf, requireVocSpecies } from "../models/voc/registry";
import { solarPosition } from "../photochem/solar";
import { saturationVapourPressureBuck } from "../photochem/water";
import { provenance, type Provenance } from "../provenance";

/** Options of {@link simulateXianObmDays}. */
export interface XianObmOptions {
  /** Seed of the random draws. */
  seed: number;
  /** First local day, `YYYY-MM-DD`. */
  start: string;
  /** Number of days (hourly rows: 24 per day). */
  days: number;
  /** The site's UTC offset in minutes (Xi'an: 480). */
  utcOffsetMinutes: number;
  /** The site: latitude, longitude (degrees) and altitude (m). */
  site: { lat: number; lon: number; altitudeM: number };
}

/** Known truth of {@link simulateXianObmDays}: every generating parameter. */
export interface XianObmTruth {
  seed: number;
  utcOffsetMinutes: number;
  start: string;
  days: number;
  site: { lat: number; lon: number; altitudeM: number };
  /** Each time stamp opens its averaging hour (local time text, no offset in the file). */
  hourLabel: "start";
  /** Per-day draws: stagnation factor S, regional Ox (ppb), maximum and minimum temperature (°C), dew point (°C), cloud factor of J(NO2). */
  daily: { S: number; regionalOxPpb: number; tMaxC: number; tMinC: number; dewPointC: number; cloud: number }[];
  /** Source activity shapes and shares per species (ppb at S = 1, mixing 1, before photochemical loss). */
  sources: readonly string[];
  /** Species (registry ids, m,p-xylene as the co-eluting pair) with their emission ratios per source (ppb). */
  profiles: Record<string, readonly number[]>;
  /** Noise: log-normal σ of VOCs, NOx, CO, J(NO2). */
  noise: { voc: number; nox: number; co: number; jNO2: number };
  /** The formulas, in words. */
  model: string;
  /** Columns of the file, in order. */
  columns: string[];
}

/** Sources of the primary VOCs: activity shape (see {@link simulateXianObmDays}). */
const SOURCES = ["vehicle", "LPG", "solvent", "industry/combustion", "background"] as const;

/**
 * Emission ratios (ppb per source at S = 1, mixing factor 1) of the VOC species written. Synthetic,
 * shaped like urban-China summer profiles (vehicle: C2–C5 alkenes, isopentane, toluene, xylenes; LPG:
 * propane, butanes; solvents: aromatics, C9+ alkanes, esters; industry/combustion: ethane, ethylene,
 * acetylene, benzene; background: ethane, acetone, methanol). Not a measured profile.
 */
const PROFILES: Record<string, readonly [number, number, number, number, number]> = {
  ethane: [0.5, 0.6, 0, 1.0, 1.6],
  ethylene: [1.6, 0, 0, 0.9, 0.2],
  acetylene: [1.0, 0, 0, 1.0, 0.3],
  propane: [0.4, 2.4, 0, 0.3, 0.5],
  propylene: [0.6, 0.2, 0, 0.3, 0.05],
  isobutane: [0.3, 1.0, 0, 0.05, 0.1],
  "n-butane": [0.5, 1.4, 0.1, 0.1, 0.15],
  "1-butene": [0.15, 0.05, 0, 0.1, 0],
  "trans-2-butene": [0.08, 0.03, 0, 0.02, 0],
  "cis-2-butene": [0.06, 0.02, 0, 0.02, 0],
  isopentane: [1.0, 0.1, 0.1, 0.05, 0.1],
  "n-pentane": [0.4, 0.1, 0.1, 0.05, 0.05],
  "1,3-butadiene": [0.08, 0, 0, 0.04, 0],
  "2-methylpentane": [0.25, 0, 0.1, 0, 0.03],
  "n-hexane": [0.2, 0, 0.25, 0, 0.05],
  "n-heptane": [0.08, 0, 0.1, 0, 0.02],
  benzene: [0.3, 0, 0.05, 0.5, 0.1],
  toluene: [0.7, 0, 1.3, 0.2, 0.1],
  ethylbenzene: [0.15, 0, 0.5, 0.02, 0.02],
  "m,p-xylene": [0.36, 0, 0.8, 0.03, 0.02],
  "o-xylene": [0.12, 0, 0.3, 0.01, 0.01],
  styrene: [0.03, 0, 0.2, 0.05, 0],
  "1,2,4-trimethylbenzene": [0.08, 0, 0.2, 0, 0],
  "n-decane": [0.03, 0, 0.15, 0, 0],
  formaldehyde: [0.3, 0, 0, 0.2, 1.5],
  acetaldehyde: [0.3, 0, 0, 0.1, 0.8],
  acetone: [0.2, 0, 0.3, 0.1, 2.5],
  MEK: [0.05, 0, 0.25, 0.05, 0.4],
  methanol: [0.1, 0, 0.4, 0.1, 3.0],
  ethanol: [0.1, 0, 0.5, 0, 0.3],
  "ethyl acetate": [0, 0, 0.8, 0, 0.1],
  isoprene: [0.03, 0, 0, 0, 0],
  "alpha-pinene": [0, 0, 0, 0, 0],
};

/**
 * Biogenic emission scale (ppb at C_L·C_T = 1) of isoprene and α-pinene, and the secondary (photochemical)
 * formaldehyde and acetaldehyde added in proportion to the lagged sunlight (ppb at the daily maximum).
 */
const BIOGENIC_PPB = { isoprene: 1.2, "alpha-pinene": 0.08 } as const;
const SECONDARY_PPB = { formaldehyde: 5.0, acetaldehyde: 1.6, acetone: 1.0, MEK: 0.3 } as const;

/**
 * MCM v3.3.1 parameterisation of J(NO2 → NO + O(3P)) (J4), J = l·cos(χ)^m·exp(−n·sec χ), l = 1.165e-2 s⁻¹,
 * m = 0.244, n = 0.267 (Saunders et al. 2003, Atmos. Chem. Phys. 3, 161; MCM v3.3.1 photolysis parameters,
 * mcm.york.ac.uk). The same table the photolysis tests compare with.
 */
const MCM_J4 = { l: 1.165e-2, m: 0.244, n: 0.267 } as const;

/**
 * Guenther et al. (1993, J. Geophys. Res. 98, 12609) isoprene emission activity: light C_L = α·c_L1·L/√(1 + α²L²)
 * (α = 0.0027, c_L1 = 1.066, L = PAR in µmol m⁻² s⁻¹) and temperature
 * C_T = exp(C_T1 (T − T_s)/(R T_s T)) / (1 + exp(C_T2 (T − T_M)/(R T_s T))) (C_T1 = 95 000, C_T2 = 230 000 J mol⁻¹,
 * T_s = 303 K, T_M = 314 K, R = 8.314 J mol⁻¹ K⁻¹).
 */
function guentherIsoprene(parUmol: number, tK: number): number {
  const a = 0.0027,
    cl1 = 1.066;
  const cl = (a * cl1 * parUmol) / Math.sqrt(1 + a * a * parUmol * parUmol);
  const R = 8.314,
    ts = 303,
    tm = 314;
  const ct = Math.exp((95000 * (tK - ts)) / (R * ts * tK)) / (1 + Math.exp((230000 * (tK - tm)) / (R * ts * tK)));
  return cl * ct;
}

/** Header of a VOC column: `<id> (ppb)`, the pair written `m/p-xylene` as instruments report it. */
const vocHeader = (id: string) => `${id === "m,p-xylene" ? "m/p-xylene" : id} (ppb)`;

/**
 * Simulate hourly observations for an observation-based box model at a Xi'an-like urban site on hot July
 * days (UTC+8; local time text, each stamp opening its hour): 33 VOC species of aozora's registry (ppb;
 * `m/p-xylene` one co-eluting column), NO, NO2, O3 (ppb), CO (ppm), temperature (°C), relative humidity
 * (%), pressure (hPa) and J(NO2) (s⁻¹).
 *
 * Model, per day d and local hour h (the middle of the hour for the sun):
 * - sun: solar zenith angle χ (`solarPosition`); J(NO2) = MCM J4 (l·cos χ^m·exp(−n sec χ)) × cloud_d ×
 *   LN(σ 0.03), 0 when χ ≥ 90°; PAR = 2000·cos χ·cloud_d µmol m⁻² s⁻¹.
 * - meteorology: T = (Tmax_d + Tmin_d)/2 + (Tmax_d − Tmin_d)/2·cos(2π(h − 15)/24) °C, Tmax_d = 35 + 1.5·N,
 *   Tmin_d = Tmax_d − 10; RH = 100·e_w(T_dew,d)/e_w(T) (Buck 1981, `saturationVapourPressureBuck`),
 *   T_dew,d = 21 + 1.5·N °C; P = 962 + 1.2·cos(4π(h − 10)/24) hPa (semidiurnal tide at ~400 m).
 * - mixing: m(h) = 1 + 1.2·night(h), night(h) = (1 + cos(2π(h − 1)/24))/2 (shallow nocturnal boundary layer).
 * - activities: vehicle = 0.35 + rush(h), rush = exp(−(h − 8)²/3) + 0.8·exp(−(h − 19)²/4); LPG = 0.6 + 0.6·rush;
 *   solvent = 0.6 + 0.8·[8 ≤ h ≤ 18]; industry/combustion = 1; background = 1 (not mixed: divided by m(h)).
 * - primary VOC X: Σ_sources ratio × activity × S_d × m(h) × exp(−kOH·OH(h)·2 h) × LN(σ 0.15), with OH(h) =
 *   6 × 10⁶ cm⁻³ × J(NO2)/J4(χ = 0) (kOH from the registry); isoprene and α-pinene add
 *   scale × C_L·C_T (Guenther et al. 1993) × (1 + 0.5/m(h))/1.5; formaldehyde, acetaldehyde, acetone and MEK add a
 *   secondary part ∝ sunlight lagged 2 h.
 * - NOx = 24·S_d·(0.35 + rush + 0.6·night)·LN(σ 0.2) ppb; Ox = Ox_d·(0.35 + photoLag(h)) + 0.1·NOx, Ox_d =
 *   80·exp(0.1·N) ppb, photoLag = max(0, cos χ 2 h earlier); NO, NO2, O3 from the photostationary state J·[NO2] = k[NO][O3] with NOx and Ox conserved
 *   (k = 2.07 × 10⁻¹² exp(−1400/T) cm³ s⁻¹, CB6r5 R3; J floored at 2 × 10⁻⁴ s⁻¹ for fresh night-time NO).
 * - CO = (0.35 + 0.012·NOx)·LN(σ 0.1) ppm.
 * Values are rounded to the written precision (VOCs 3 decimals, NO/NO2/O3 2, CO 3, T/RH/P 1, J 6 decimals).
 *
 * @returns the CSV text, the truth (every generating parameter) and the provenance
 * @throws {RangeError} when `start` is not YYYY-MM-DD or `days` is not a positive integer
 */
export function simulateXianObmDays(opts: XianObmOptions): {
  csv: string;
  truth: XianObmTruth;
  provenance: Provenance;
} {
  const rng = new Rng(opts.seed);
  const t0 = Date.parse(opts.start + "T00:00Z") - opts.utcOffsetMinutes * 60_000;
  if (!Number.isFinite(t0) || !/^\d{4}-\d{2}-\d{2}$/.test(opts.start))
    throw new RangeError(`simulateXianObmDays: start "${opts.start}" is not YYYY-MM-DD`);
  if (!Number.isInteger(opts.days) || opts.days < 1)
    throw new RangeError(`simulateXianObmDays: days must be a positive integer, got ${opts.days}`);
  const species = Object.keys(PROFILES);
  const koh = new Map(
    species.map((id) => {
      const members = id === "m,p-xylene" ? ["m-xylene", "p-xylene"] : [id];
      const ks = members.map((m) => kohOf(requireVocSpecies(m))?.value ?? 0);
      return [id, ks.reduce((a, b) => a + b, 0) / ks.length];
    }),
  );
  const columns = [
    "Time",
    ...species.map(vocHeader),
    "NO (ppb)",
    "NO2 (ppb)",
    "O3 (ppb)",
    "CO (ppm)",
    "T (°C)",
    "RH (%)",
    "P (hPa)",
    "JNO2 (s-1)",
  ];
  const daily: XianObmTruth["daily"] = [];
  for (let d = 0; d < opts.days; d++) {
    const tMax = 35 + 1.5 * rng.normal();
    daily.push({
      S: Math.exp(0.2 * rng.normal()),
      regionalOxPpb: 80 * Math.exp(0.1 * rng.normal()),
      tMaxC: tMax,
      tMinC: tMax - 10,
      dewPointC: 21 + 1.5 * rng.normal(),
      cloud: 0.85 + 0.15 * rng.uniform(),
    });
  }
  const j0 = MCM_J4.l * Math.exp(-MCM_J4.n);
  const cosZ = (t: number) => Math.cos((solarPosition(t, opts.site.lat, opts.site.lon).zenithDeg * Math.PI) / 180);
  const jOf = (c: number) => (c > 0 ? MCM_J4.l * Math.pow(c, MCM_J4.m) * Math.exp(-MCM_J4.n / c) : 0);
  const rows: string[] = [columns.map((c) => (c.includes(",") ? `"${c}"` : c)).join(",")];
  for (let d = 0; d < opts.days; d++) {
    const day = daily[d];
    for (let h = 0; h < 24; h++) {
      const t = t0 + (d * 24 + h) * 3_600_000;
      const mid = t + 1_800_000;
      const c = cosZ(mid);
      const cLag = cosZ(mid - 2 * 3_600_000);
      const jno2 = jOf(c) * day.cloud * (c > 0 ? Math.exp(0.03 * rng.normal()) : 0);
      const par = c > 0 ? 2000 * c * day.cloud : 0;
      const photoLag = Math.max(0, cLag);
      const tC = (day.tMaxC + day.tMinC) / 2 + ((day.tMaxC - day.tMinC) / 2) * Math.cos((2 * Math.PI * (h - 15)) / 24);
      const tK = tC + 273.15;
      const pHpa = 962 + 1.2 * Math.cos((4 * Math.PI * (h - 10)) / 24);
      const rh = Math.min(
        100,
        (100 * saturationVapourPressureBuck(day.dewPointC + 273.15, pHpa * 100)) /
          saturationVapourPressureBuck(tK, pHpa * 100),
      );
      const night = 0.5 * (1 + Math.cos((2 * Math.PI * (h - 1)) / 24));
      const mix = 1 + 1.2 * night;
      const rush = Math.exp(-((h - 8) ** 2) / 3) + 0.8 * Math.exp(-((h - 19) ** 2) / 4);
      const activity = [0.35 + rush, 0.6 + 0.6 * rush, 0.6 + (h >= 8 && h <= 18 ? 0.8 : 0), 1, 1];
      const oh = (6e6 * jno2) / j0;
      const cells: string[] = [formatInstant(t, opts.utcOffsetMinutes).slice(0, 16).replace("T", " ")];
      for (const id of species) {
        const p = PROFILES[id];
        let v = 0;
        for (let k = 0; k < 4; k++) v += p[k] * activity[k] * day.S * mix;
        v += p[4] * activity[4];
        v *= Math.exp(-koh.get(id)! * oh * 2 * 3600);
        if (id === "isoprene" || id === "alpha-pinene")
          v += (BIOGENIC_PPB[id] * guentherIsoprene(par, tK) * (1 + 0.5 / mix)) / 1.5;
        if (id in SECONDARY_PPB) v += SECONDARY_PPB[id as keyof typeof SECONDARY_PPB] * photoLag;
        v *= Math.exp(0.15 * rng.normal());
        cells.push(v.toFixed(3));
      }
      const nox = 24 * day.S * (0.35 + rush + 0.6 * night) * Math.exp(0.2 * rng.normal());
      const ox = day.regionalOxPpb * (0.35 + 1.0 * photoLag) + 0.1 * nox;
      // photostationary state with NOx and Ox conserved: J·x = k'(NOx − x)(Ox − x), x = NO2 (ppb), k' in ppb⁻¹ s⁻¹
      const M = (pHpa * 100) / (1.380649e-23 * tK) / 1e6;
      const kp = 2.07e-12 * Math.exp(-1400 / tK) * M * 1e-9;
      const J = Math.max(jno2, 2e-4);
      const b = kp * (nox + ox) + J;
      const no2 = (b - Math.sqrt(b * b - 4 * kp * kp * nox * ox)) / (2 * kp);
      const no = nox - no2;
      const o3 = ox - no2;
      const co = (0.35 + 0.012 * nox) * Math.exp(0.1 * rng.normal());
      cells.push(
        no.toFixed(2),
        no2.toFixed(2),
        o3.toFixed(2),
        co.toFixed(3),
        tC.toFixed(1),
        rh.toFixed(1),
        pHpa.toFixed(1),
        jno2.toFixed(6),
      );
      rows.push(cells.join(","));
    }
  }
  const truth: XianObmTruth = {
    seed: opts.seed,
    utcOffsetMinutes: opts.utcOffsetMinutes,
    start: opts.start,
    days: opts.days,
    site: { ...opts.site },
    hourLabel: "start",
    daily,
    sources: SOURCES,
    profiles: PROFILES,
    noise: { voc: 0.15, nox: 0.2, co: 0.1, jNO2: 0.03 },
    model:
      "see simulateXianObmDays (src/simulate/xianobm.ts): PSS NO/NO2/O3 from NOx and Ox; MCM J4 × cloud; Guenther (1993) isoprene; OH loss exp(-kOH·OH·2 h)",
    columns,
  };
  return {
    csv: rows.join("\n") + "\n",
    truth,
    provenance: provenance(opts, opts.seed, { routine: "simulateXianObmDays" }),
  };
}
