import { Rng } from "../random/rng";
import { provenance, type Provenance } from "../provenance";

/** Known truth of {@link simulateRemoteSensing}. */
export interface RsdTruth {
  seed: number;
  utcOffsetMinutes: number;
  /** Plates of the high-emitting vehicles (CO and HC × 8, NO × 2, opacity × 4). */
  highEmitters: string[];
  /** Per category: fuel, share of passes, model-year range. */
  fleet: Record<string, { fuel: string; share: number; years: [number, number] }>;
  /** Median ratios of a normal vehicle: Q = q0·exp(−d·(year − 2006)) per fuel. */
  medianModel: Record<string, { co: [number, number]; hc: [number, number]; no: [number, number] }>;
  /** σ of the log-normal vehicle-to-vehicle and pass-to-pass variation. */
  sigmaVehicle: number;
  sigmaPass: number;
  /** 1-based file rows (header = row 1) written with each defect. */
  defects: { missingCo2: number[]; outOfRange: number[]; duplicate: number[]; invalid: number[] };
}

const FLEET: RsdTruth["fleet"] = {
  "passenger car": { fuel: "gasoline", share: 0.68, years: [2006, 2024] },
  taxi: { fuel: "gasoline", share: 0.1, years: [2015, 2024] },
  bus: { fuel: "diesel", share: 0.05, years: [2008, 2022] },
  "light truck": { fuel: "diesel", share: 0.1, years: [2006, 2024] },
  "heavy truck": { fuel: "diesel", share: 0.07, years: [2006, 2024] },
};
const MEDIAN: RsdTruth["medianModel"] = {
  gasoline: { co: [0.05, 0.13], hc: [0.0008, 0.11], no: [0.004, 0.15] },
  diesel: { co: [0.012, 0.06], hc: [0.0006, 0.06], no: [0.012, 0.07] },
};

/**
 * Simulate roadside remote-sensing records at a Xiamen-like site (UTC+8; plates 闽D…): vehicle
 * passes on `days` days between 07:00 and 19:00 local, a fleet of categories with fuels and model
 * years, ratios log-normal around medians that fall with model year (newer standards), 5 % high
 * emitters, CO rising above 15 kW/t and NO with vehicle specific power, plus defects written on purpose — missing CO2, out-of-range CO/CO2, duplicated rows,
 * instrument-invalid passes — whose file rows the truth lists. Illustrative, not measured.
 */
export function simulateRemoteSensing(opts: {
  seed: number;
  vehicles: number;
  passes: number;
  days: number;
  start: string;
}): { csv: string; truth: RsdTruth; provenance: Provenance } {
  const rng = new Rng(opts.seed);
  const cats = Object.keys(FLEET);
  const pick = () => {
    let u = rng.uniform();
    for (const c of cats) {
      u -= FLEET[c].share;
      if (u < 0) return c;
    }
    return cats[cats.length - 1];
  };
  const letters = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
  const sigmaVehicle = 0.6,
    sigmaPass = 0.5;
  const vehicles = Array.from({ length: opts.vehicles }, (_, v) => {
    const category = pick();
    const f = FLEET[category];
    const year = f.years[0] + rng.int(f.years[1] - f.years[0] + 1);
    let plate = "闽D";
    for (let q = 0; q < 5; q++) plate += letters[rng.int(letters.length)];
    plate += String(v % 10); // unique suffix-space per vehicle index keeps collisions rare
    const high = rng.uniform() < 0.05;
    return {
      category,
      fuel: f.fuel,
      year,
      plate,
      high,
      dev: [rng.normal(), rng.normal(), rng.normal()].map((z) => Math.exp(sigmaVehicle * z)),
    };
  });
  const t0 = Date.parse(opts.start + "T07:00:00Z") - 8 * 3600000;
  const times = Array.from(
    { length: opts.passes },
    () => t0 + rng.int(opts.days) * 86400000 + Math.floor(rng.uniform() * 12 * 3600) * 1000,
  ).sort((a, b) => a - b);
  const fmt = (ms: number) => new Date(ms + 8 * 3600000).toISOString().slice(0, 19).replace("T", " ");
  const lines = [
    "time,plate,category,fuel,model_year,speed (km/h),accel (km/h/s),CO/CO2,HC/CO2,NO/CO2,CO2 (%),opacity (%),valid",
  ];
  const defects: RsdTruth["defects"] = { missingCo2: [], outOfRange: [], duplicate: [], invalid: [] };
  const r5 = (x: number) => Number(x.toPrecision(4));
  for (const t of times) {
    const v = vehicles[rng.int(vehicles.length)];
    const m = MEDIAN[v.fuel];
    const age = v.year - 2006;
    const hi = v.high ? [8, 8, 2] : [1, 1, 1];
    const speed = 20 + 50 * rng.uniform(),
      accel = -3 + 7 * rng.uniform();
    // load dependence: VSP (Jiménez-Palacios 1999) of the pass; CO rises under enrichment above 15 kW/t, NO with load
    const p = (speed / 3.6) * (1.1 * (accel / 3.6) + 0.132) + 0.000302 * (speed / 3.6) ** 3;
    const load = [1 + 0.08 * Math.max(0, p - 15), 1, 0.5 + 0.05 * Math.min(30, Math.max(0, p))];
    const q = (["co", "hc", "no"] as const).map(
      (s, k) => m[s][0] * Math.exp(-m[s][1] * age) * hi[k] * load[k] * v.dev[k] * Math.exp(sigmaPass * rng.normal()),
    );
    const opacity =
      v.fuel === "diesel"
        ? (v.high ? 4 : 1) * 3 * Math.exp(0.5 * rng.normal() - 0.03 * age)
        : Math.max(0, 0.3 * rng.normal());
    const row = lines.length + 1;
    let co2 = String(r5(6 + 6 * rng.uniform()));
    let co = String(r5(q[0]));
    const u = rng.uniform();
    let valid = "1";
    if (u < 0.01) {
      co2 = "";
      defects.missingCo2.push(row);
    } else if (u < 0.015) {
      co = String(r5(3.5 + 2 * rng.uniform()));
      defects.outOfRange.push(row);
    } else if (u < 0.035) {
      valid = "0";
      defects.invalid.push(row);
    }
    const line = [
      fmt(t),
      v.plate,
      v.category,
      v.fuel,
      v.year,
      r5(speed),
      r5(accel),
      co,
      r5(q[1]),
      r5(q[2]),
      co2,
      r5(opacity),
      valid,
    ].join(",");
    lines.push(line);
    if (rng.uniform() < 0.005) {
      lines.push(line);
      defects.duplicate.push(row + 1);
    }
  }
  return {
    provenance: provenance(opts, opts.seed, { routine: "simulateRemoteSensing" }),
    csv: lines.join("\n") + "\n",
    truth: {
      seed: opts.seed,
      utcOffsetMinutes: 480,
      highEmitters: vehicles.filter((v) => v.high).map((v) => v.plate),
      fleet: FLEET,
      medianModel: MEDIAN,
      sigmaVehicle,
      sigmaPass,
      defects,
    },
  };
}
