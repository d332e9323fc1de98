import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { bootstrapPmf, preparePmfInput, readEpaPmf, runPmfSync, type PmfResult } from "../../src";
import {
  builtinProfiles,
  checkTracers,
  dilutionTunnelProfiles,
  factorProfiles,
  identifyFactors,
  namingStability,
  profilesFromMatrix,
  readDilutionTunnel,
  readSpeciate,
  speciesShares,
  vehicleContribution,
  type SourceProfile,
} from "../../src/profiles";

const dir = join(__dirname, "..", "..", "data");
const truth = JSON.parse(readFileSync(join(dir, "shenyang-pm25.truth.json"), "utf8")) as {
  F: number[][];
  G: number[][];
  sources: string[];
  species: string[];
};

function corr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0,
    mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] / n;
    mb += b[i] / n;
  }
  let sab = 0,
    saa = 0,
    sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

let result: PmfResult;
/** trueSource[k]: the simulated source whose true contributions correlate best with factor k's (independent of the profiles). */
let trueSource: string[];
beforeAll(() => {
  const d = readEpaPmf(join(dir, "shenyang-pm25-con.csv"), join(dir, "shenyang-pm25-unc.csv"), {
    unit: "µg/m3",
    utcOffset: "+08:00",
  });
  const times = d.concentration.times();
  const input = preparePmfInput(
    {
      x: d.x,
      s: d.s,
      n: d.n,
      m: d.m,
      species: d.species,
      units: "µg/m3",
      samples: d.samples,
      times,
      utcOffsetMinutes: 480,
    },
    { total: "PM2.5" },
  );
  result = runPmfSync(input, { factors: 7, runs: 6, seed: 1 });
  trueSource = Array.from({ length: 7 }, (_, k) => {
    const g = Array.from({ length: d.n }, (_, i) => result.G[i * 7 + k]);
    const r = truth.sources.map((_, s) =>
      corr(
        g,
        truth.G.map((row) => row[s]),
      ),
    );
    return truth.sources[r.indexOf(Math.max(...r))];
  });
});

describe("factor naming on the PMF known truth (7 simulated sources)", () => {
  it("the factors are the 7 sources (each true source matched by contributions once)", () => {
    expect([...trueSource].sort()).toEqual([...truth.sources].sort());
  });
  it("every factor is named correctly from the simulated reference profiles plus the built-in generic profiles", () => {
    const refs = [
      ...profilesFromMatrix(truth.F, truth.species, truth.sources, {
        total: "PM2.5",
        provenance: { kind: "simulated", source: "shenyang-pm25.truth.json" },
      }),
      ...builtinProfiles(),
    ];
    const id = identifyFactors(factorProfiles(result), refs, { shares: speciesShares(result) });
    expect(id.naming.map((n) => n.name)).toEqual(trueSource);
    for (const n of id.naming) expect(n.tracerCheck?.status, n.name).toBe("ok");
  });
  it("every factor is named correctly from measured-style references: built-ins, a SPECIATE export and the dilution-tunnel composite", () => {
    const spec = readSpeciate(join(dir, "source-profiles-speciate.csv"), {
      categories: {
        "SIM-SOIL": "soil",
        "SIM-COAL": "coal combustion",
        "SIM-BB": "biomass burning",
        "SIM-IND": "industry",
      },
    }).profiles;
    const tunnel = dilutionTunnelProfiles(readDilutionTunnel(join(dir, "dilution-tunnel-tests.csv")).rows).composite;
    const refs: SourceProfile[] = [...builtinProfiles(), ...spec, tunnel];
    const id = identifyFactors(factorProfiles(result), refs, { shares: speciesShares(result) });
    expect(id.naming.map((n) => n.name)).toEqual(trueSource);
    // secondary factors are named from the stoichiometric profiles and pass SID/PD acceptance
    for (const n of id.naming.filter((x) => x.name.startsWith("secondary"))) {
      expect(n.reference).toMatch(/Ammonium/);
      expect(n.accepted).toBe(true);
    }
  });
  it("built-in profiles alone name the soil and secondary factors and leave the others unidentified", () => {
    const id = identifyFactors(factorProfiles(result), builtinProfiles());
    id.naming.forEach((n, k) => {
      if (["soil", "secondary sulfate", "secondary nitrate"].includes(trueSource[k]))
        expect(n.name).toBe(trueSource[k]);
      else expect(n.name).toBe("unidentified");
    });
  });
  it("a factor named vehicles without EC/Cu/Zn/Sb is flagged by the tracer check", () => {
    const shares = speciesShares(result);
    const kSulf = trueSource.indexOf("secondary sulfate");
    expect(checkTracers("vehicles", shares, kSulf)?.status).toBe("flagged");
    expect(checkTracers("vehicles", shares, trueSource.indexOf("vehicles"))?.status).toBe("ok");
    expect(checkTracers("vehicles", { species: ["OC", "SO4"], share: [[0.5, 0.5]] }, 0)?.status).toBe("untestable");
  });
  it("names are stable under the bootstrap (every factor keeps its name in ≥ 90 % of BS runs)", async () => {
    const refs = [
      ...profilesFromMatrix(truth.F, truth.species, truth.sources, {
        total: "PM2.5",
        provenance: { kind: "simulated", source: "truth" },
      }),
      ...builtinProfiles(),
    ];
    const id = identifyFactors(factorProfiles(result), refs);
    const bs = await bootstrapPmf(result, { runs: 12, seed: 3, workers: 1 });
    const st = namingStability(result, bs, refs, id.naming);
    for (const s of st) {
      expect(s.runs, s.name).toBeGreaterThanOrEqual(10);
      expect(s.share, s.name).toBeGreaterThanOrEqual(0.9);
    }
  });
});

describe("vehicle contribution to primary PM2.5", () => {
  it("groups by local season and weekday; the estimate is close to the truth and inside its interval", () => {
    const kv = trueSource.indexOf("vehicles");
    const sec = [trueSource.indexOf("secondary sulfate"), trueSource.indexOf("secondary nitrate")];
    const rows = vehicleContribution(result, { traffic: [kv], secondary: sec, seed: 5, resamples: 300 });
    const by = Object.fromEntries(rows.map((r) => [r.group, r]));
    // 365 days from Monday 2024-01-01: DJF = Jan 31 + Feb 29 + Dec 1–30 = 90 days; weekends = 52·2 = 104
    expect(by.all.days).toBe(365);
    expect(by.DJF.days).toBe(90);
    expect(by.weekend.days).toBe(104);
    expect(by.weekday.days).toBe(261);
    // truth: vehicles contribute G_i,veh·F_veh,PM2.5; primary = all non-secondary sources
    const jt = truth.species.indexOf("PM2.5");
    const sv = truth.sources.indexOf("vehicles");
    const prim = truth.sources.map((s, i) => (s.startsWith("secondary") ? -1 : i)).filter((i) => i >= 0);
    const tr = truth.G.reduce((a, g) => a + g[sv] * truth.F[sv][jt], 0) / truth.G.length;
    const pr = truth.G.reduce((a, g) => a + prim.reduce((b, s) => b + g[s] * truth.F[s][jt], 0), 0) / truth.G.length;
    expect(Math.abs(by.all.traffic - tr) / tr).toBeLessThan(0.1);
    expect(Math.abs(by.all.primaryShare - (100 * tr) / pr)).toBeLessThan(3);
    expect(by.all.trafficLow).toBeLessThan(by.all.traffic);
    expect(by.all.trafficHigh).toBeGreaterThan(by.all.traffic);
  });
});
