/**
 * Reproducibility (issue #9): every stochastic routine takes a seed; the same seed gives
 * bit-identical results — also spread over worker threads — and the same provenance record; a
 * different seed gives different results. Worker-thread runs use the compiled build (dist/), like
 * the solver and bootstrap tests: the worker script is dist/sourceapport/worker.js.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runPmfSync } from "../../src/sourceapport/solver";
import { bootstrapPmf } from "../../src/sourceapport/bootstrap";
import { scanFactors } from "../../src/sourceapport/scan";
import { timeVariation } from "../../src/directional/timevariation";
import { theilSenTrend } from "../../src/directional/trend";
import { fleetEmissions } from "../../src/remotesensing/fleet";
import { vehicleContribution } from "../../src/profiles/vehicle";
import { Rng } from "../../src/random/rng";
import { EXAMPLE_SETTINGS } from "../../src/simulate/examples";
import { simulateMonitoring } from "../../src/simulate/monitoring";
import { simulatePmfInput } from "../../src/simulate/pmf";
import { simulatePm25Composition } from "../../src/simulate/pm25sources";
import { simulateXactExport } from "../../src/simulate/xact";
import { simulateXactYear } from "../../src/simulate/xactyear";
import { simulateFilterCampaign } from "../../src/simulate/filtercampaign";
import { simulateDilutionTunnel, simulateSpeciateProfiles } from "../../src/simulate/dilutiontunnel";
import { simulateRemoteSensing } from "../../src/simulate/rsd";
import { simulateVocCanisters } from "../../src/simulate/voccanister";
import { simulateTrajectoryExample } from "../../src/simulate/trajectories";
import { simulateCityStations } from "../../src/simulate/stations";
import { simulateTenterLogs } from "../../src/simulate/tenter";
import { main } from "../../src/cli/main";
import { bootstrapTwoSample } from "../../src/stats/bootstraptwosample";
import {
  analyseRetrofit,
  defaultEnergyParameters,
  flaggedRows,
  readMachineLog,
  readStackMeasurements,
} from "../../src/models/energy";
import { VERSION } from "../../src/version";
import { wellPosed } from "../sourceapport/wellposed";

type Solver = typeof import("../../src/sourceapport/solver");
type Bootstrap = typeof import("../../src/sourceapport/bootstrap");
type Disp = typeof import("../../src/sourceapport/disp");
type BsDisp = typeof import("../../src/sourceapport/bsdisp");
const req = createRequire(__filename);
const dist = <T>(mod: string) => req(join(__dirname, "..", "..", "dist", "sourceapport", `${mod}.js`)) as T;

/** The IEEE-754 bytes of a Float64Array, as hex (equal strings ⇔ bit-identical, −0 and NaN payloads included). */
const bits = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("hex");

describe("PMF: same seed, same bits and same provenance, on 1 or 2 worker threads", () => {
  const { input, p } = wellPosed(120, 11);
  const times = Float64Array.from({ length: input.n }, (_, i) => Date.UTC(2024, 0, 1) + i * 86400000 - 8 * 3600000);
  const timed = { ...input, times, utcOffsetMinutes: 480 };

  it("runPmf: 1 and 2 workers and the synchronous path give identical bits and provenance; another seed does not", async () => {
    const { runPmf } = dist<Solver>("solver");
    const w2 = await runPmf(timed, { factors: p, runs: 4, seed: 3, workers: 2 });
    const w1 = await runPmf(timed, { factors: p, runs: 4, seed: 3, workers: 1 });
    const sync = runPmfSync(timed, { factors: p, runs: 4, seed: 3 });
    for (const r of [w1, sync]) {
      expect(bits(r.G)).toBe(bits(w2.G));
      expect(bits(r.F)).toBe(bits(w2.F));
      expect(r.runs.map((x) => bits(x.G) + bits(x.F))).toEqual(w2.runs.map((x) => bits(x.G) + bits(x.F)));
      expect(r.runs.map((x) => [x.seed, x.qTrue, x.qRobust, x.iterations])).toEqual(
        w2.runs.map((x) => [x.seed, x.qTrue, x.qRobust, x.iterations]),
      );
    }
    // the provenance does not depend on the number of workers, and says everything that does matter
    expect(JSON.stringify(w1.provenance)).toBe(JSON.stringify(w2.provenance));
    expect(JSON.stringify(sync.provenance)).toBe(JSON.stringify(w2.provenance));
    expect(w2.provenance).toEqual({
      library: "aozora",
      version: VERSION,
      node: process.version,
      routine: "runPmf",
      options: {
        factors: p,
        runs: 4,
        seed: 3,
        robust: false,
        alpha: 4,
        maxIterations: 5000,
        tolerance: 0.1,
        relativeTolerance: 1e-5,
        window: 20,
      },
      seed: 3,
    });
    // another seed: other random starts (every run's Q differs), other provenance seed
    const other = runPmfSync(timed, { factors: p, runs: 4, seed: 4 });
    expect(other.provenance!.seed).toBe(4);
    other.runs.forEach((r, i) => {
      expect(r.seed).not.toBe(w2.runs[i].seed);
      expect(r.qTrue).not.toBe(w2.runs[i].qTrue);
    });
  });

  it("bootstrapPmf, dispPmf and bsDispPmf: 1 and 2 workers give identical bits and provenance; another seed does not", async () => {
    const base = runPmfSync(timed, { factors: p, runs: 4, seed: 3 });
    const { bootstrapPmf: bsDist } = dist<Bootstrap>("bootstrap");
    const b2 = await bsDist(base, { runs: 6, seed: 5, workers: 2 });
    const b1 = await bsDist(base, { runs: 6, seed: 5, workers: 1 });
    expect(b1.runs.map((r) => bits(r.F))).toEqual(b2.runs.map((r) => bits(r.F)));
    expect(b1.intervals).toEqual(b2.intervals);
    expect(JSON.stringify(b1.provenance)).toBe(JSON.stringify(b2.provenance));
    expect(b2.provenance).toMatchObject({
      routine: "bootstrapPmf",
      seed: 5,
      options: {
        runs: 6,
        blockSize: b2.blockSize,
        blockSizeSource: "auto",
        minCorrelation: 0.6,
        base: { factors: p, runs: 4, seed: 3 },
      },
    });
    expect(b2.provenance!.options.base).not.toHaveProperty("workers");
    // default seed: the base runs' seed
    expect((await bootstrapPmf(base, { runs: 2, workers: 1 })).provenance!.seed).toBe(3);
    const other = await bootstrapPmf(base, { runs: 6, seed: 6, workers: 1 });
    expect(other.provenance!.seed).toBe(6);
    expect(other.runs.map((r) => bits(r.F))).not.toEqual(b2.runs.map((r) => bits(r.F)));

    const { dispPmf } = dist<Disp>("disp");
    const d2 = await dispPmf(base, { species: [input.species[0]], factors: [0], workers: 2 });
    const d1 = await dispPmf(base, { species: [input.species[0]], factors: [0], workers: 1 });
    expect(d1.intervals).toEqual(d2.intervals);
    expect(d1.qBase).toBe(d2.qBase);
    expect(JSON.stringify(d1.provenance)).toBe(JSON.stringify(d2.provenance));
    expect(d2.provenance).toMatchObject({
      routine: "dispPmf",
      seed: 3,
      options: { dQmax: [4, 8, 16, 32], species: [input.species[0]], factors: [0], steps: null },
    });

    const { bsDispPmf } = dist<BsDisp>("bsdisp");
    const s2 = await bsDispPmf(base, b2, { species: [input.species[0]], factors: [0], runs: 2, workers: 2 });
    const s1 = await bsDispPmf(base, b2, { species: [input.species[0]], factors: [0], runs: 2, workers: 1 });
    expect(s1.intervals).toEqual(s2.intervals);
    expect(s1.runsUsed).toEqual(s2.runsUsed);
    expect(JSON.stringify(s1.provenance)).toBe(JSON.stringify(s2.provenance));
    expect(s2.provenance).toMatchObject({
      routine: "bsDispPmf",
      seed: 5,
      options: { runs: s2.runsUsed.length, bootstrap: { runs: 6, minCorrelation: 0.6 } },
    });
  }, 120_000);

  it("scanFactors: same seed, same points; each point carries its base runs' provenance", async () => {
    const a = await scanFactors(timed, [2, 3], { runs: 2, seed: 7, workers: 1 });
    const b = await scanFactors(timed, [2, 3], { runs: 2, seed: 7, workers: 1 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    a.forEach((pt, i) => {
      const k = [2, 3][i];
      expect(pt.qExpected).toBe(timed.n * timed.m - k * (timed.n + timed.m));
      expect(pt.provenance).toMatchObject({ routine: "runPmf", seed: 7, options: { factors: k, runs: 2, seed: 7 } });
      expect(pt.provenance!.options).not.toHaveProperty("workers");
    });
    const c = await scanFactors(timed, [2, 3], { runs: 2, seed: 8, workers: 1 });
    expect(c.map((pt) => pt.qTrue)).not.toEqual(a.map((pt) => pt.qTrue));
  });

  it("vehicleContribution: same seed, same intervals and provenance; another seed, other intervals", () => {
    const base = runPmfSync(timed, { factors: p, runs: 2, seed: 3 });
    const a = vehicleContribution(base, { traffic: [0], secondary: [1], resamples: 200, seed: 9 });
    const b = vehicleContribution(base, { traffic: [0], secondary: [1], resamples: 200, seed: 9 });
    const c = vehicleContribution(base, { traffic: [0], secondary: [1], resamples: 200, seed: 10 });
    expect(b).toEqual(a);
    expect(JSON.stringify(b.provenance)).toBe(JSON.stringify(a.provenance));
    expect(a.provenance).toMatchObject({
      routine: "vehicleContribution",
      seed: 9,
      options: { traffic: [0], secondary: [1], resamples: 200, utcOffsetMinutes: 480 },
    });
    // the record is not a row and does not appear in JSON
    expect(Object.keys(a)).toEqual(a.map((_, i) => String(i)));
    expect(JSON.stringify(a)).not.toContain("provenance");
    expect(c.map((r) => r.trafficLow)).not.toEqual(a.map((r) => r.trafficLow));
    // the point estimates do not depend on the seed, only the intervals do
    expect(c.map((r) => r.traffic)).toEqual(a.map((r) => r.traffic));
  });
});

describe("bootstrap intervals outside PMF: same seed, same bits", () => {
  // two years of hourly data at a +08:00 site: a daily cycle plus noise
  const rng = new Rng(42);
  const t0 = Date.UTC(2023, 0, 1) - 8 * 3600000;
  const times = Float64Array.from({ length: 2 * 8760 }, (_, i) => t0 + i * 3600000);
  const values = Float64Array.from(
    times,
    (t, i) => 20 + 5 * Math.sin((2 * Math.PI * (i % 24)) / 24) + 0.0005 * i + 3 * rng.normal(),
  );

  it("timeVariation", () => {
    const a = timeVariation(times, values, 480, { nBoot: 50, seed: 7 });
    const b = timeVariation(times, values, 480, { nBoot: 50, seed: 7 });
    const c = timeVariation(times, values, 480, { nBoot: 50, seed: 8 });
    expect(b).toEqual(a);
    expect(a.provenance).toEqual({
      library: "aozora",
      version: VERSION,
      node: process.version,
      routine: "timeVariation",
      options: { nBoot: 50, level: 0.95, utcOffsetMinutes: 480 },
      seed: 7,
    });
    expect(c.hour.map((r) => r.lo)).not.toEqual(a.hour.map((r) => r.lo));
    expect(c.hour.map((r) => r.mean)).toEqual(a.hour.map((r) => r.mean));
    expect(timeVariation(times, values, 480, { nBoot: 10 }).provenance!.seed).toBe(1); // the documented default
  });

  it("theilSenTrend", () => {
    const a = theilSenTrend(times, values, 480, { nBoot: 100, seed: 7 });
    const b = theilSenTrend(times, values, 480, { nBoot: 100, seed: 7 });
    const c = theilSenTrend(times, values, 480, { nBoot: 100, seed: 8 });
    expect(b).toEqual(a);
    expect(a.provenance).toMatchObject({
      routine: "theilSenTrend",
      seed: 7,
      options: { deseasonalise: false, nBoot: 100, level: 0.95, minCapture: 0.75, utcOffsetMinutes: 480 },
    });
    expect([c.lo, c.hi]).not.toEqual([a.lo, a.hi]);
    expect(c.slope).toBe(a.slope);
  });

  it("fleetEmissions", () => {
    const r = new Rng(3);
    const ef = Array.from({ length: 300 }, () => r.lognormal(1, 0.8));
    const cat = ef.map((_, i) => (i % 3 === 0 ? "diesel" : "gasoline"));
    const fuel = { gasoline: 1e5, diesel: 4e4 };
    const a = fleetEmissions(ef, cat, fuel, { seed: 11, resamples: 300 });
    const b = fleetEmissions(ef, cat, fuel, { seed: 11, resamples: 300 });
    const c = fleetEmissions(ef, cat, fuel, { seed: 12, resamples: 300 });
    expect(b).toEqual(a);
    expect(a.provenance).toMatchObject({
      routine: "fleetEmissions",
      seed: 11,
      options: { resamples: 300, fuelKgPerDay: fuel },
    });
    expect(c.total.low).not.toBe(a.total.low);
    expect(c.total.emission).toBe(a.total.emission);
  });
});

describe("energy (tenter retrofit): same seed, same bootstrap", () => {
  it("bootstrapTwoSample", () => {
    const a = [3, 5, 4, 6, 8, 7, 5],
      b = [2, 2.5, 4, 3, 3.5];
    const mean = (v: number[], idx: Int32Array) => Array.from(idx).reduce((s, i) => s + v[i], 0) / idx.length;
    const stat = (ia: Int32Array, ib: Int32Array) => mean(a, ia) / mean(b, ib);
    const r1 = bootstrapTwoSample(a.length, b.length, stat, { replicates: 200, seed: 4, interval: "bca" });
    const r2 = bootstrapTwoSample(a.length, b.length, stat, { replicates: 200, seed: 4, interval: "bca" });
    const r3 = bootstrapTwoSample(a.length, b.length, stat, { replicates: 200, seed: 5, interval: "bca" });
    expect(bits(r2.values)).toBe(bits(r1.values));
    expect(r2).toEqual(r1);
    expect(r1.provenance).toEqual({
      library: "aozora",
      version: VERSION,
      node: process.version,
      routine: "bootstrapTwoSample",
      options: { na: 7, nb: 5, replicates: 200, confidence: 0.95, interval: "bca" },
      seed: 4,
    });
    expect(bits(r3.values)).not.toBe(bits(r1.values));
    expect(r3.estimate).toBe(r1.estimate);
  });

  it("analyseRetrofit and aozora retrofit --json", async () => {
    const data = join(__dirname, "..", "..", "data");
    const log = readMachineLog(join(data, "changshu-tenter-log.csv"), { utcOffset: "+08:00" });
    const stack = readStackMeasurements(join(data, "changshu-tenter-stack.csv"), { utcOffset: "+08:00" });
    const run = (seed: number) =>
      analyseRetrofit(
        { intervals: log.intervals, thermalMeter: log.thermalMeter, flagged: flaggedRows([log.account]) },
        { params: defaultEnergyParameters(), replicates: 200, seed },
        stack.measurements,
      );
    const a = run(5),
      b = run(5),
      c = run(6);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.provenance).toMatchObject({
      routine: "analyseRetrofit",
      seed: 5,
      options: {
        replicates: 200,
        confidence: 0.95,
        unit: "lot",
        basis: "kg",
        designs: ["paired", "unpaired", "regression"],
      },
    });
    expect(a.unpaired!.ratio).toBeDefined();
    expect(JSON.stringify(c.unpaired)).not.toBe(JSON.stringify(a.unpaired));
    const out: string[] = [];
    expect(
      await main(
        ["retrofit", "--logs", join(data, "changshu-tenter-log.csv"), "--replicates", "100", "--seed", "3", "--json"],
        (x) => out.push(x),
        () => {},
      ),
    ).toBe(0);
    expect(JSON.parse(out.join("\n")).provenance).toMatchObject({
      library: "aozora",
      routine: "analyseRetrofit",
      seed: 3,
      options: { replicates: 100 },
    });
  }, 60_000);
});

describe("simulators: same seed, same bytes; another seed, other data", () => {
  const s = EXAMPLE_SETTINGS;
  const cases: [string, (seed: number) => unknown][] = [
    ["simulateMonitoring", (seed) => simulateMonitoring({ ...s.monitoring, hours: 48, seed })],
    ["simulatePmfInput", (seed) => simulatePmfInput({ n: 20, seed })],
    ["simulatePm25Composition", (seed) => simulatePm25Composition({ ...s.pm25, days: 20, seed })],
    ["simulateXactExport", (seed) => simulateXactExport({ ...s.xact, hours: 24, seed })],
    ["simulateXactYear", (seed) => simulateXactYear({ ...s.xactYear, days: 10, seed })],
    ["simulateFilterCampaign", (seed) => simulateFilterCampaign({ ...s.filterCampaign, days: 10, seed })],
    ["simulateDilutionTunnel", (seed) => simulateDilutionTunnel({ ...s.dilutionTunnel, seed })],
    ["simulateSpeciateProfiles", (seed) => simulateSpeciateProfiles({ seed })],
    ["simulateRemoteSensing", (seed) => simulateRemoteSensing({ ...s.rsd, vehicles: 100, passes: 200, days: 2, seed })],
    ["simulateVocCanisters", (seed) => simulateVocCanisters({ ...s.vocCanister, days: 3, seed })],
    ["simulateCityStations", (seed) => simulateCityStations({ ...s.xianStations, days: 3, seed })],
    ["simulateTenterLogs", (seed) => simulateTenterLogs({ ...s.tenter, days: 3, seed })],
    [
      "simulateTrajectoryExample",
      (seed) => {
        const t = s.trajectories;
        return simulateTrajectoryExample({
          ...t,
          arrivals: 16,
          site: { ...t.site },
          source: { ...t.source },
          species: t.species.map((x) => ({ ...x })),
          seed,
        });
      },
    ],
  ];
  for (const [name, sim] of cases) {
    it(name, () => {
      const r = sim(101) as { provenance: unknown };
      const a = JSON.stringify(r);
      expect(JSON.stringify(sim(101))).toBe(a);
      expect(JSON.stringify(sim(102))).not.toBe(a);
      expect(r.provenance).toMatchObject({
        library: "aozora",
        version: VERSION,
        routine: name,
        seed: 101,
        options: { seed: 101 },
      });
    });
  }
});

describe("the command line records provenance", () => {
  it("aozora pmf --json: provenance of the base runs and the bootstrap; the same seed prints the same JSON", async () => {
    const data = join(__dirname, "..", "..", "data");
    const args = [
      "pmf",
      "--conc",
      join(data, "pmf-synthetic-con.csv"),
      "--unc",
      join(data, "pmf-synthetic-unc.csv"),
      "--factors",
      "4",
      "--runs",
      "2",
      "--seed",
      "9",
      "--bootstrap",
      "2",
      "--json",
    ];
    const run = async (a: string[]) => {
      const out: string[] = [];
      expect(
        await main(
          a,
          (x) => out.push(x),
          () => {},
        ),
      ).toBe(0);
      return out.join("\n");
    };
    const first = await run(args);
    const j = JSON.parse(first);
    expect(j.provenance).toMatchObject({
      library: "aozora",
      version: VERSION,
      routine: "runPmf",
      seed: 9,
      options: { factors: 4, runs: 2, seed: 9, robust: false },
    });
    expect(j.bootstrap.provenance).toMatchObject({ routine: "bootstrapPmf", seed: 9, options: { runs: 2 } });
    expect(await run(args)).toBe(first);
  }, 120_000);
});
