import { Rng } from "../random/rng";
import { provenance, type Provenance } from "../provenance";

/** A lat/lon box (deg), edges inclusive. */
export interface LatLonBox {
  latMin: number;
  latMax: number;
  lonMin: number;
  lonMax: number;
}

/** Options of {@link simulateTrajectories}. */
export interface TrajectorySimOptions {
  seed: number;
  /** First arrival, UTC, ISO text without zone (e.g. `"2025-01-01T00:00"`). */
  start: string;
  /** Number of arrivals. */
  arrivals: number;
  /** Hours between arrivals (default 3). */
  everyHours?: number;
  /** Back-trajectory length in hours (default 72; hourly endpoints, age 0 included). */
  hours?: number;
  /** Receptor (deg N, deg E) and start height (m AGL, default 500). */
  site: { lat: number; lon: number; height?: number };
  /** The regional source: a trajectory picks up pollution for each hour it spends in this box below 1500 m. */
  source: LatLonBox;
  /** Species: name, unit, background median and log-sd, increment per hour in the source box. */
  species: { name: string; unit: string; background: number; sigma: number; perHour: number }[];
}

/** One simulated back trajectory with its arrival concentration(s). */
export interface SimulatedTrajectory {
  /** Arrival at the site, UTC ms. */
  arrival: number;
  /** Endpoints at ages 0, −1, …, −hours h. */
  lat: number[];
  lon: number[];
  height: number[];
  /** Hours (endpoints) spent in the source box below 1500 m AGL. */
  sourceHours: number;
  /** Concentration per species at arrival (in the species' unit). */
  conc: Record<string, number>;
}

/** Known truth of {@link simulateTrajectories}. */
export interface TrajectorySimTruth {
  site: { lat: number; lon: number; height: number };
  source: LatLonBox;
  model: string;
  species: TrajectorySimOptions["species"];
}

const M_PER_DEG = 111320;

/**
 * Seeded back trajectories arriving every few hours at a site, with a concentration that a
 * regional source raises. Model (for tests and examples, not meteorology): a domain-wide
 * "synoptic" wind W(t) = seasonal monsoon mean (toward SE at (4, −4) m/s in mid-January, toward
 * NW at (−2, 4) m/s in mid-July, cosine in between) + an hourly AR(1) anomaly (φ = exp(−1/48),
 * stationary sd 5 m/s per component); each parcel adds its own AR(1) anomaly (φ = 0.9, sd 2 m/s)
 * and is stepped backward one hour at a time; heights random-walk (sd 60 m/h, 10–3000 m).
 * Concentration at arrival = background · LN(0, σ) + perHour · (hours in the source box below
 * 1500 m) · LN(0, 0.25).
 */
export function simulateTrajectories(opts: TrajectorySimOptions): {
  trajectories: SimulatedTrajectory[];
  truth: TrajectorySimTruth;
  provenance: Provenance;
} {
  const rng = new Rng(opts.seed);
  const every = opts.everyHours ?? 3,
    hours = opts.hours ?? 72,
    h0 = opts.site.height ?? 500;
  const t0 = Date.parse(opts.start + "Z");
  const spanH = (opts.arrivals - 1) * every + hours + 1;
  const tFirst = t0 - hours * 3600000; // W is indexed by hour from tFirst
  const phi = Math.exp(-1 / 48),
    sdW = 5,
    innov = sdW * Math.sqrt(1 - phi * phi);
  const Wu = new Float64Array(spanH),
    Wv = new Float64Array(spanH);
  let au = sdW * rng.normal(),
    av = sdW * rng.normal();
  for (let k = 0; k < spanH; k++) {
    const t = tFirst + k * 3600000;
    const doy = (t - Date.UTC(new Date(t).getUTCFullYear(), 0, 1)) / 86400000;
    const s = Math.cos((2 * Math.PI * (doy - 15)) / 365.25);
    Wu[k] = ((1 + s) / 2) * 4 + ((1 - s) / 2) * -2 + au;
    Wv[k] = ((1 + s) / 2) * -4 + ((1 - s) / 2) * 4 + av;
    au = phi * au + innov * rng.normal();
    av = phi * av + innov * rng.normal();
  }
  const src = opts.source;
  const trajectories: SimulatedTrajectory[] = [];
  for (let a = 0; a < opts.arrivals; a++) {
    const arrival = t0 + a * every * 3600000;
    const lat = [opts.site.lat],
      lon = [opts.site.lon],
      height = [h0];
    let pu = 2 * rng.normal(),
      pv = 2 * rng.normal();
    let inSource = 0;
    for (let k = 1; k <= hours; k++) {
      const idx = Math.round((arrival - k * 3600000 - tFirst) / 3600000);
      const u = Wu[idx] + pu,
        v = Wv[idx] + pv;
      const y = lat[k - 1],
        x = lon[k - 1];
      lat.push(y - (v * 3600) / M_PER_DEG);
      lon.push(x - (u * 3600) / (M_PER_DEG * Math.cos((y * Math.PI) / 180)));
      height.push(Math.min(3000, Math.max(10, height[k - 1] + 60 * rng.normal())));
      pu = 0.9 * pu + 2 * Math.sqrt(1 - 0.81) * rng.normal();
      pv = 0.9 * pv + 2 * Math.sqrt(1 - 0.81) * rng.normal();
    }
    for (let k = 0; k <= hours; k++)
      if (
        lat[k] >= src.latMin &&
        lat[k] <= src.latMax &&
        lon[k] >= src.lonMin &&
        lon[k] <= src.lonMax &&
        height[k] < 1500
      )
        inSource++;
    const conc: Record<string, number> = {};
    for (const sp of opts.species)
      conc[sp.name] = sp.background * rng.lognormal(0, sp.sigma) + sp.perHour * inSource * rng.lognormal(0, 0.25);
    trajectories.push({ arrival, lat, lon, height, sourceHours: inSource, conc });
  }
  return {
    provenance: provenance(opts, opts.seed, { routine: "simulateTrajectories" }),
    trajectories,
    truth: {
      site: { lat: opts.site.lat, lon: opts.site.lon, height: h0 },
      source: { ...src },
      model:
        "synoptic AR(1) wind + monsoon mean, parcel AR(1) anomaly; C = background·LN(0,σ) + perHour·(h in source box below 1500 m)·LN(0,0.25)",
      species: opts.species.map((s) => ({ ...s })),
    },
  };
}

const f = (v: number, w: number, d: number) => v.toFixed(d).padStart(w);
const i6 = (v: number) => String(v).padStart(6);
const ymdh = (t: number) => {
  const d = new Date(t);
  return [d.getUTCFullYear() % 100, d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours()];
};

/**
 * Write back trajectories as one HYSPLIT endpoint file ("tdump", old format, two-digit years,
 * UTC) with several starting times, as HYSPLIT writes a multi-start run: the header lists every
 * start; endpoint lines go age by age, trajectory by trajectory, with the field widths HYSPLIT
 * uses (8I6, F8.1, 2F9.3, n(1X, F8.1)); one diagnostic variable, PRESSURE (hPa, standard
 * atmosphere of the height).
 */
export function formatTdump(trajs: readonly SimulatedTrajectory[], model = "GDAS"): string {
  const lines: string[] = [];
  const first = Math.min(...trajs.map((t) => t.arrival)) - (trajs[0].lat.length - 1) * 3600000;
  lines.push(i6(1) + i6(1));
  lines.push(model.padStart(8) + ymdh(first).map(i6).join("") + i6(0));
  lines.push(i6(trajs.length) + " BACKWARD OMEGA   ");
  for (const t of trajs)
    lines.push(ymdh(t.arrival).map(i6).join("") + f(t.lat[0], 9, 3) + f(t.lon[0], 9, 3) + f(t.height[0], 8, 1));
  lines.push(i6(1) + " PRESSURE");
  const hours = trajs[0].lat.length - 1;
  for (let a = 0; a <= hours; a++) {
    trajs.forEach((t, k) => {
      const h = t.height[a];
      lines.push(
        [k + 1, 1, ...ymdh(t.arrival - a * 3600000), 0, a].map(i6).join("") +
          f(-a, 8, 1) +
          f(t.lat[a], 9, 3) +
          f(t.lon[a], 9, 3) +
          " " +
          f(h, 8, 1) +
          " " +
          f(1013.25 * Math.exp(-h / 8400), 8, 1),
      );
    });
  }
  return lines.join("\n") + "\n";
}

/** Options of {@link simulateTrajectoryExample}. */
export interface TrajectoryExampleOptions extends TrajectorySimOptions {
  /** Site offset east of UTC (min) of the concentration file's local clock. */
  utcOffsetMinutes: number;
  /** Arrivals per tdump file. */
  perFile: number;
  /** Arrivals whose concentration is written as `NA`. */
  missing: number;
}

/**
 * The shipped trajectory example: tdump files of `perFile` arrivals each, an hourly
 * concentration CSV on the site's local clock (values at arrival hours are the simulated
 * arrival concentrations; hours between arrivals are linear interpolations; `missing` arrival
 * hours are written `NA`), and the truth.
 */
export function simulateTrajectoryExample(opts: TrajectoryExampleOptions): {
  tdumps: string[];
  csv: string;
  truth: TrajectorySimTruth & {
    arrivals: string[];
    concentrations: Record<string, number[]>;
    sourceHours: number[];
    missingArrivals: string[];
    arrivalsWithoutConcentrationRow: string[];
    utcOffsetMinutes: number;
  };
  provenance: Provenance;
} {
  const sim = simulateTrajectories(opts);
  const tr = sim.trajectories;
  const tdumps: string[] = [];
  for (let i = 0; i < tr.length; i += opts.perFile) tdumps.push(formatTdump(tr.slice(i, i + opts.perFile)));
  const rng = new Rng(opts.seed + 1);
  const missingIdx = new Set<number>();
  while (missingIdx.size < opts.missing) missingIdx.add(1 + rng.int(tr.length - 2));
  const off = opts.utcOffsetMinutes * 60000;
  // the local days covering the arrivals' first..last UTC day
  const localStart = Date.parse(opts.start.slice(0, 10) + "T00:00Z") - off; // UTC instant of local midnight
  const days = Math.floor((tr[tr.length - 1].arrival - tr[0].arrival) / 86400000) + 1;
  const header = ["Time", ...opts.species.map((s) => `${s.name} (${s.unit})`)];
  const rows: string[] = [header.join(",")];
  const arrivalsWithoutRow: string[] = [];
  const lastHour = localStart + (days * 24 - 1) * 3600000;
  for (let t = localStart; t <= lastHour; t += 3600000) {
    const k = (t - tr[0].arrival) / (opts.everyHours ?? 3) / 3600000;
    const lo = Math.max(0, Math.min(tr.length - 1, Math.floor(k))),
      hi = Math.max(0, Math.min(tr.length - 1, Math.ceil(k)));
    const w = hi === lo ? 0 : k - lo;
    const isMissing = Number.isInteger(k) && missingIdx.has(k);
    const vals = opts.species.map((s) =>
      isMissing ? "NA" : ((1 - w) * tr[lo].conc[s.name] + w * tr[hi].conc[s.name]).toFixed(2),
    );
    rows.push([new Date(t + off).toISOString().slice(0, 19).replace("T", " "), ...vals].join(","));
  }
  for (const t of tr) if (t.arrival > lastHour) arrivalsWithoutRow.push(new Date(t.arrival).toISOString());
  const concentrations: Record<string, number[]> = {};
  for (const s of opts.species) concentrations[s.name] = tr.map((t) => Number(t.conc[s.name].toFixed(2)));
  return {
    provenance: provenance(opts, opts.seed, { routine: "simulateTrajectoryExample" }),
    tdumps,
    csv: rows.join("\n") + "\n",
    truth: {
      ...sim.truth,
      utcOffsetMinutes: opts.utcOffsetMinutes,
      arrivals: tr.map((t) => new Date(t.arrival).toISOString()),
      concentrations,
      sourceHours: tr.map((t) => t.sourceHours),
      missingArrivals: [...missingIdx].sort((a, b) => a - b).map((i) => new Date(tr[i].arrival).toISOString()),
      arrivalsWithoutConcentrationRow: arrivalsWithoutRow,
    },
  };
}
