// The observation-based box model on CB6r5 (issue #22, Benchmarks): (a) one 24-h OBM run after 3
// spin-up days, one core, target ≤ 2 s; (b) the 10 × 10 EKMA grid (ekmaIsopleths) on 2 worker
// threads, target ≤ 60 s.
// The case is a Xi'an July-like day: the VOC of data/xian-voc-canister.csv (the canister campaign's
// medians of the 08, 14 and 20 h samples per species, interpolated hourly around the clock) mapped to
// CB6r5 species with mapVocToMechanism; NO, NO2, CO the July means by local hour of station S1 of
// data/xian-hourly-s1.csv (µg/m3, mg/m3 at 298.15 K → ppb); T, RH, p of a hot day at 400 m; clear-sky photolysis from CMAQ's CSQY_DATA_cb6r5_ae7_aq at 34.26 N, 108.94 E
// on 1 July; O3 free (starts at the station's July mean at 00 h). Mechanism: CMAQ's mech_cb6r5_ae7_aq.def (gas phase).
// Environment: AOZORA_SHARED (default ../shared) for the mechanism.
// Called by bench/run.mjs (group obm); also runs alone: `node bench/obm.mjs` (needs dist: bash scripts/build.sh).
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
const require = createRequire(import.meta.url);
const a = require("../dist/index.js");
const here = dirname(fileURLToPath(import.meta.url));
const SHARED = process.env.AOZORA_SHARED ?? resolve(here, "..", "..", "shared");

const median = (v) => {
  const s = v.filter(Number.isFinite).sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
};

/** The Xi'an July-like OBM case: parsed mechanism, observations and runObm options. */
export function xianJulyObmCase() {
  const def = join(SHARED, "reference", "mechanisms", "mech_cb6r5_ae7_aq.def");
  if (!existsSync(def)) return { skipped: `${def} not found (set AOZORA_SHARED)` };
  const mechanism = a.readChemmech(def, { lenientExponent: true });
  const csqy = a.loadCsqy(join(here, "..", "test", "photochem", "fixtures", "CSQY_DATA_cb6r5_ae7_aq"));
  const voc = a.readVocTable(join(here, "..", "data", "xian-voc-canister.csv"), { utcOffset: "+08:00" });
  const localHour = Array.from(voc.times, (t) => Math.round((t / 3.6e6 + 8) % 24));
  const T0 = Date.UTC(2024, 6, 1, -8); // 00:00 local (UTC+8)
  const n = 24;
  const timesUtc = Array.from({ length: n }, (_, i) => T0 + i * 3600e3);
  // hourly series by periodic linear interpolation between the 08, 14 and 20 h medians
  const knots = [8, 14, 20];
  const hourly = (m) =>
    Array.from({ length: n }, (_, h) => {
      const x = h + 0.5;
      for (let k = 0; k < 3; k++) {
        const x0 = knots[k],
          x1 = k < 2 ? knots[k + 1] : knots[0] + 24;
        const xx = x < x0 ? x + 24 : x;
        if (xx >= x0 && xx <= x1) return m[k] + ((m[(k + 1) % 3] - m[k]) * (xx - x0)) / (x1 - x0);
      }
      return m[0];
    });
  const input = {};
  for (const c of voc.columns) {
    const m = knots.map((k) => median(Array.from(c.values).filter((_, i) => localHour[i] === k)));
    input[c.match.id] = hourly(m);
  }
  const mapped = a.mapVocToMechanism(input, "cb6r5");
  // NO2, NOx (as NO2) and CO of station S1 of data/xian-hourly-s1.csv: July means by local hour, in ppb at 298.15 K
  const st = a.readMonitoringTable(join(here, "..", "data", "xian-hourly-s1.csv"), { utcOffset: "+08:00" }).table;
  const stT = st.times();
  const julyMean = (col, mw, factor) => {
    const v = st.numbers(col);
    const s = new Array(24).fill(0),
      k = new Array(24).fill(0);
    for (let i = 0; i < stT.length; i++) {
      const d = new Date(stT[i] + 8 * 3600e3);
      if (d.getUTCMonth() !== 6 || !Number.isFinite(v[i])) continue;
      s[d.getUTCHours()] += a.ugm3ToPpb(v[i] * factor, mw);
      k[d.getUTCHours()]++;
    }
    return s.map((x, h) => x / k[h]);
  };
  const MW = a.CRITERIA_GAS_MOLAR_MASS;
  const no2 = julyMean("NO2", MW.NO2, 1);
  const nox = julyMean("NOx", MW.NO2, 1);
  const co = julyMean("CO", MW.CO, 1000);
  const o3 = julyMean("O3", MW.O3, 1);
  const sun = (h) => Math.max(0, Math.sin((Math.PI * (h - 6)) / 14));
  const series = (f) => timesUtc.map((_, i) => f(i + 0.5));
  const ppb = {
    ...Object.fromEntries(Object.entries(mapped.species).map(([s, v]) => [s, Array.from(v)])),
    NO: nox.map((x, h) => Math.max(0, x - no2[h])),
    NO2: no2,
    CO: co,
    O3: timesUtc.map(() => o3[0]), // free: only the first value initialises the run
  };
  const obs = {
    timesUtc,
    ppb,
    temperatureK: series((h) => 299 + 8 * sun(h)),
    rhPercent: series((h) => 65 - 30 * sun(h)),
    pressurePa: 96500,
  };
  const opts = { site: { lat: 34.26, lon: 108.94, altitudeM: 400 }, photolysis: { csqy }, spinUpDays: 3 };
  return { mechanism, obs, opts, mapped };
}

export async function runObmBench() {
  const c = xianJulyObmCase();
  if (c.skipped)
    return [
      { name: "CB6r5 OBM 3 d spin-up + 24 h", skipped: c.skipped },
      { name: "EKMA 10 × 10", skipped: c.skipped },
    ];
  const { mechanism, obs, opts, mapped } = c;
  const rows = [];
  const compiled = a.compileMechanism(mechanism);
  a.runObm(compiled, obs, opts); // warm-up
  const ts = [],
    cpu = [];
  let r;
  for (let rep = 0; rep < 3; rep++) {
    const t0 = performance.now(),
      u0 = process.cpuUsage();
    r = a.runObm(compiled, obs, opts);
    ts.push(performance.now() - t0);
    const du = process.cpuUsage(u0);
    cpu.push((du.user + du.system) / 1000);
  }
  ts.sort((x, y) => x - y);
  cpu.sort((x, y) => x - y);
  const m = a.ekmaMetrics(r);
  rows.push({
    name: `CB6r5 OBM (${compiled.system.species.length} species, ${compiled.system.reactions.length} reactions), Xi'an July-like, ${Object.keys(obs.ppb).length} observed species (${Object.keys(mapped.species).length} from ${mapped.mapped.length} VOCs), 3 d spin-up + 24 h, one core`,
    median_ms: +ts[1].toFixed(1),
    min_ms: +ts[0].toFixed(1),
    reps: 3,
    cpu_ms: +cpu[1].toFixed(1),
    target_ms: 2000,
    met: ts[1] <= 2000,
    peak_o3_ppb: +m.peakO3.toFixed(2),
    daytime_net_po3_ppb: +m.netPO3.toFixed(2),
    load_avg: loadavg().map((x) => +x.toFixed(2)),
  });
  if (process.env.AOZORA_BENCH_EKMA === "0") return rows;
  // (b) the 10 × 10 grid on 2 workers
  const t0 = performance.now(),
    u0 = process.cpuUsage();
  const g = await a.ekmaIsopleths(mechanism, obs, opts, { workers: 2 });
  const wall = performance.now() - t0;
  const du = process.cpuUsage(u0);
  rows.push({
    name: `EKMA ${g.vocScales.length} × ${g.noxScales.length} grid (ekmaIsopleths, same case, ${g.vocSpecies.length} VOC species scaled), ${g.workers} workers`,
    median_ms: +wall.toFixed(0),
    reps: 1,
    process_cpu_ms: +((du.user + du.system) / 1000).toFixed(0),
    target_ms: 60000,
    met: wall <= 60000,
    workers: g.workers,
    regime: g.regime.regime,
    ridge_nox_at_observed: +g.regime.ridgeNoxAtObserved.toFixed(3),
    dO3_dlnNOx_ppb: +g.regime.derivatives.dLnNOx.toFixed(2),
    dO3_dlnVOC_ppb: +g.regime.derivatives.dLnVOC.toFixed(2),
    peak_o3_1x1_ppb: +g.peakO3[g.vocScales.indexOf(1)][g.noxScales.indexOf(1)].toFixed(2),
    load_avg: loadavg().map((x) => +x.toFixed(2)),
  });
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.table(await runObmBench());
