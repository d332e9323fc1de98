import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { corr } from "../helpers";
import { wellPosed } from "./wellposed";
import { simulateTwoCityPmf } from "../../src/simulate/twocitypmf";
import { preparePmfInput } from "../../src/sourceapport/prepare";
import { runPmf } from "../../src/sourceapport/solver";
import {
  bootstrapJointPmf,
  jointBootstrapRows,
  jointSiteResult,
  runJointPmf,
  type JointPmfSite,
} from "../../src/sourceapport/joint";
import { jointContributionSpec, jointProfileSpec } from "../../src/sourceapport/jointfigures";
import { blockBootstrapRows, timeOrder } from "../../src/sourceapport/bootstrap";
import { runSeed } from "../../src/sourceapport/solver";
import { outsideShares } from "../../src/sourceapport/jointstart";
import { Rng } from "../../src/random/rng";
import { renderPng } from "../../src/figures/render";
import type { PmfInput } from "../../src/sourceapport/types";

// Two simulated cities, 365 days × 22 species each: 5 shared sources (same profiles), coal
// combustion at Shenyang only (source 1), industry at Kawasaki only (source 6).
const sim = simulateTwoCityPmf({ seed: 7, days: 365 });
const m = sim.species.length;
const sites: JointPmfSite[] = sim.sites.map((c) => ({
  name: c.name,
  input: preparePmfInput(c.data, { total: "PM2.5" }),
}));
const siteOnly = sim.truth.siteOnly; // { 1: "Shenyang", 6: "Kawasaki" }
const P = 7;
const joint = runJointPmf(sites, { factors: P, runs: 8, seed: 1, workers: 1, siteOnly });

/** Q(true), Q(robust) of one site from its data and the reported G, F, by the definition (CONVENTIONS §1). */
function handQ(input: PmfInput, G: Float64Array, F: Float64Array, p: number, alpha = 4) {
  let qt = 0,
    qr = 0;
  for (let i = 0; i < input.n; i++) {
    for (let j = 0; j < input.m; j++) {
      let y = 0;
      for (let k = 0; k < p; k++) y += G[i * p + k] * F[k * input.m + j];
      const e = (input.x[i * input.m + j] - y) / input.s[i * input.m + j];
      qt += e * e;
      qr += Math.abs(e) > alpha ? alpha * Math.abs(e) : e * e;
    }
  }
  return { qt, qr };
}

describe("runJointPmf: two simulated cities with shared and local sources (simulateTwoCityPmf)", () => {
  it("recovers every true profile at r ≥ 0.95, each local source in its own site-only factor", async () => {
    const r = await joint;
    const row = (k: number) => Array.from(r.F.subarray(k * m, k * m + m));
    for (let t = 0; t < P; t++) {
      const rs = Array.from({ length: P }, (_, k) => corr(sim.truth.F[t], row(k)));
      const best = rs.indexOf(Math.max(...rs));
      expect(rs[best], sim.truth.sources[t]).toBeGreaterThanOrEqual(0.95);
      // a local source is found in the factor reserved for its city
      if (t in siteOnly) expect(best, sim.truth.sources[t]).toBe(t);
      // and the contributions follow the true series at every site where the source exists
      for (const [s, site] of r.sites.entries()) {
        const gTrue = sim.sites[s].G.map((g) => g[t]);
        if (gTrue.every((v) => v === 0)) continue;
        const gFit = Array.from({ length: site.input.n }, (_, i) => site.G[i * P + best]);
        // Secondary sulfate at Shenyang shares the site with coal combustion (which carries SO4 and
        // NH4): G_sulfate + a·G_coal with F_coal − a·F_sulfate is a rotation the data barely see.
        // Among the 8 runs (split start) at the lowest Q (within 1e-5 of each other) this r runs
        // from 0.86 to above 0.93 (the random start's best run had 0.951), so it is checked at 0.8 here and the
        // rotation-free sum of the two sources' PM2.5 below at 0.95.
        const floor = sim.truth.sources[t] === "secondary sulfate" && site.name === "Shenyang" ? 0.8 : 0.9;
        expect(corr(gTrue, gFit), `${sim.truth.sources[t]} at ${site.name}`).toBeGreaterThanOrEqual(floor);
      }
    }
    // the PM2.5 of secondary sulfate + coal combustion at Shenyang (invariant under that rotation; r = 0.975)
    const pm = sim.species.indexOf("PM2.5");
    const [sul, coal] = ["secondary sulfate", "coal combustion"].map((nm) => sim.truth.sources.indexOf(nm));
    const fitOf = (t: number) => {
      const rs = Array.from({ length: P }, (_, k) => corr(sim.truth.F[t], row(k)));
      return rs.indexOf(Math.max(...rs));
    };
    const [ks, kc] = [fitOf(sul), fitOf(coal)];
    const she = r.sites[1];
    const massTrue = sim.sites[1].G.map((g) => g[sul] * sim.truth.F[sul][pm] + g[coal] * sim.truth.F[coal][pm]);
    const massFit = Array.from(
      { length: she.input.n },
      (_, i) => she.G[i * P + ks] * r.F[ks * m + pm] + she.G[i * P + kc] * r.F[kc * m + pm],
    );
    expect(corr(massTrue, massFit)).toBeGreaterThanOrEqual(0.95);
  }, 120000);

  it("the split start brings more runs to the lowest Q than the plain random start", async () => {
    // Diagnosis (simulateTwoCityPmf seed 7, runs seed 1, k = 7): with the structural zeros from
    // the first iteration (start: "random"), a random start that puts a shared source in a
    // site-only slot stays there — 2 of the first 8 runs (7 of 20) reach within 1 % of the lowest
    // Q(robust), the others end 33–68 % higher with e.g. biomass burning, soil or vehicles in
    // the coal/industry slots, and 1.5 times the iterations (1395 vs 902 over 8 runs). The split
    // start (20 unmasked sweeps, then each site-only slot gets the fitted factor with the
    // smallest share at the other site) brings 8 of 8 (20 of 20) within 1 %.
    const within = (runs: { qRobust: number }[]) => {
      const best = Math.min(...runs.map((x) => x.qRobust));
      return runs.filter((x) => x.qRobust <= 1.01 * best).length;
    };
    const split = await joint;
    const random = await runJointPmf(sites, { factors: P, runs: 8, seed: 1, workers: 1, siteOnly, start: "random" });
    expect(split.options.start).toBe("split");
    expect(random.options.start).toBe("random");
    expect(within(random.runs)).toBeLessThanOrEqual(3);
    expect(within(split.runs)).toBeGreaterThanOrEqual(7);
    // both reach the same lowest Q (the split start finds the minimum, it does not move it)
    expect(Math.abs(split.qRobust / random.qRobust - 1)).toBeLessThan(1e-3);
    // and every split run puts the local sources in their slots (profile r against the truth)
    for (const run of split.runs)
      for (const k of [1, 6]) {
        const f = Array.from(run.F.subarray(k * m, k * m + m));
        const rs = sim.truth.F.map((t) => corr(t, f));
        expect(rs.indexOf(Math.max(...rs)), `run ${run.run} slot ${k}`).toBe(k);
      }
    const iters = (r: { runs: { iterations: number }[] }) => r.runs.reduce((a, x) => a + x.iterations, 0);
    expect(iters(split)).toBeLessThan(iters(random));
  }, 120000);

  it("outsideShares: a factor's mean contribution where the slot is held at 0 over the sum of both means (by hand)", () => {
    // n = 4 rows, p = 2; slot 1 held at 0 in rows 0 and 1 (the "other site")
    const G = Float64Array.from([1, 2, 3, 0, 2, 1, 2, 3]);
    const gZero = Uint8Array.from([0, 1, 0, 1, 0, 0, 0, 0]);
    const sh = outsideShares(G, gZero, 4, 2);
    expect(sh[0]).toEqual([0, 0]); // slot 0 has no structural zeros: no cost
    // factor 0: mean over rows 2,3 = 2, over rows 0,1 = 2 → 2/4; factor 1: 2 and (2+0)/2 = 1 → 1/3
    expect(sh[1][0]).toBeCloseTo(0.5, 15);
    expect(sh[1][1]).toBeCloseTo(1 / 3, 15);
    // a factor that is 0 everywhere: 1/2
    expect(outsideShares(new Float64Array(8), gZero, 4, 2)[1]).toEqual([0.5, 0.5]);
  });

  it("holds a site-only factor's contributions at exactly 0 at the other site", async () => {
    const r = await joint;
    const [kawasaki, shenyang] = r.sites;
    for (let i = 0; i < kawasaki.input.n; i++) expect(kawasaki.G[i * P + 1]).toBe(0); // coal: Shenyang only
    for (let i = 0; i < shenyang.input.n; i++) expect(shenyang.G[i * P + 6]).toBe(0); // industry: Kawasaki only
    for (const run of r.runs) {
      for (let i = 0; i < kawasaki.input.n; i++) expect(run.G[i * P + 1]).toBe(0);
      for (let i = kawasaki.input.n; i < r.stacked.n; i++) expect(run.G[i * P + 6]).toBe(0);
    }
    expect(kawasaki.factors).toEqual([0, 2, 3, 4, 5, 6]);
    expect(shenyang.factors).toEqual([0, 1, 2, 3, 4, 5]);
    // the local factors are used where they exist
    expect(shenyang.G.filter((_, c) => c % P === 1).some((v) => v > 0)).toBe(true);
  });

  it("Q(true) and Q(robust) are the sums of the two sites' Q computed by hand", async () => {
    const r = await joint;
    const q = r.sites.map((s) => handQ(s.input, s.G, r.F, P));
    for (const [t, s] of r.sites.entries()) {
      expect(s.qTrue).toBeCloseTo(q[t].qt, 6);
      expect(s.qRobust).toBeCloseTo(q[t].qr, 6);
    }
    expect(Math.abs(r.qTrue / (q[0].qt + q[1].qt) - 1)).toBeLessThan(1e-12);
    expect(Math.abs(r.qRobust / (q[0].qr + q[1].qr) - 1)).toBeLessThan(1e-12);
    // every run's per-site split sums to its Q
    for (const run of r.runs) expect(Math.abs(run.sites[0].qTrue + run.sites[1].qTrue - run.qTrue)).toBeLessThan(1e-6);
    // Q(expected) = cells − free parameters: 730·22 − (365·6 + 365·6 + 7·22) (coal and industry at one site each)
    expect(r.qExpected).toBe(730 * 22 - (365 * 6 * 2 + 7 * 22));
    expect(r.qTrue / r.qExpected).toBeGreaterThan(0.8);
    expect(r.qTrue / r.qExpected).toBeLessThan(1.2);
  });

  it("normalises each factor to mean 1 over the samples of the sites where it exists", async () => {
    const r = await joint;
    for (let k = 0; k < P; k++) {
      let sum = 0,
        count = 0;
      r.sites.forEach((s, t) => {
        if (!r.presence[t][k]) return;
        for (let i = 0; i < s.input.n; i++) sum += s.G[i * P + k];
        count += s.input.n;
      });
      expect(count).toBe(k === 1 || k === 6 ? 365 : 730);
      expect(sum / count).toBeCloseTo(1, 12);
    }
    // G·F is the best run's, unchanged by the scaling
    const best = r.runs[r.bestIndex];
    const i = 400,
      j = 3;
    let a = 0,
      b = 0;
    for (let k = 0; k < P; k++) {
      a += r.G[i * P + k] * r.F[k * m + j];
      b += best.G[i * P + k] * best.F[k * m + j];
    }
    expect(a).toBeCloseTo(b, 10);
  });

  it("gives each site its own samples and times, and a PmfResult view for the single-site tools", async () => {
    const r = await joint;
    expect(r.stacked.samples[0]).toBe("Kawasaki/2024-01-01");
    expect(r.stacked.samples[365]).toBe("Shenyang/2024-01-01");
    const sy = jointSiteResult(r, "Shenyang");
    expect(sy.input.samples[0]).toBe("2024-01-01");
    expect(sy.input.utcOffsetMinutes).toBe(480);
    expect(sy.input.times![0]).toBe(Date.UTC(2023, 11, 31, 16)); // local midnight at UTC+8
    expect(sy.p).toBe(6);
    expect(sy.factorNames).toEqual(["Factor 1", "Factor 2", "Factor 3", "Factor 4", "Factor 5", "Factor 6"]);
    // G of the view: the site's rows of the present factors
    expect(sy.G[10 * 6 + 1]).toBe(r.sites[1].G[10 * P + 1]);
    expect(handQ(sy.input, sy.G, sy.F, 6).qt).toBeCloseTo(r.sites[1].qTrue, 6);
    expect(sy.qExpected).toBe(365 * 22 - 6 * (365 + 22));
    expect(() => jointSiteResult(r, "Osaka")).toThrow(/no site "Osaka" \(sites: Kawasaki, Shenyang\)/);
  });
});

describe("runJointPmf: runs, seeds and options as runPmf", () => {
  const small = wellPosed(60, 11);
  it("a joint fit of one site equals runPmf on that site bit for bit (plain and robust)", async () => {
    for (const robust of [false, true]) {
      const a = await runPmf(small.input, { factors: 5, runs: 3, seed: 4, workers: 1, robust });
      const b = await runJointPmf([{ name: "only", input: small.input }], {
        factors: 5,
        runs: 3,
        seed: 4,
        workers: 1,
        robust,
      });
      expect(b.runs.map((x) => x.qTrue)).toEqual(a.runs.map((x) => x.qTrue));
      expect(b.runs.map((x) => x.qRobust)).toEqual(a.runs.map((x) => x.qRobust));
      expect(b.runs.map((x) => x.seed)).toEqual(a.runs.map((x) => x.seed));
      expect(b.bestIndex).toBe(a.bestIndex);
      expect(b.F).toEqual(a.F);
      expect(b.G).toEqual(a.G);
      expect(b.sites[0].G).toEqual(a.G);
      expect(b.qExpected).toBe(a.qExpected);
      expect(b.stacked.samples).toEqual(small.input.samples);
    }
  });

  it("same seed → same bits; another seed → other starts", async () => {
    const two: JointPmfSite[] = [
      { name: "A", input: wellPosed(50, 3).input },
      { name: "B", input: wellPosed(40, 5).input },
    ];
    const o = { factors: 5, runs: 3, seed: 9, siteOnly: { 4: "B" } };
    const a = await runJointPmf(two, { ...o, workers: 1 });
    const b = await runJointPmf(two, { ...o, workers: 2 });
    expect(b.runs.map((r) => r.qTrue)).toEqual(a.runs.map((r) => r.qTrue));
    expect(b.F).toEqual(a.F);
    expect(b.G).toEqual(a.G);
    const c = await runJointPmf(two, { ...o, seed: 10, workers: 1 });
    expect(c.runs.map((r) => r.seed)).not.toEqual(a.runs.map((r) => r.seed));
    expect(a.runs.map((r) => r.seed)).toEqual([1, 2, 3].map((r) => runSeed(9, r)));
  });

  it("worker threads give the same bits as one thread (compiled build)", async () => {
    const req = createRequire(__filename);
    const dist = req(
      join(__dirname, "..", "..", "dist", "sourceapport", "joint.js"),
    ) as typeof import("../../src/sourceapport/joint");
    const two: JointPmfSite[] = [
      { name: "A", input: wellPosed(50, 3).input },
      { name: "B", input: wellPosed(40, 5).input },
    ];
    const o = { factors: 5, runs: 4, seed: 9, siteOnly: { 4: "B" } };
    const w2 = await dist.runJointPmf(two, { ...o, workers: 2 });
    const w1 = await runJointPmf(two, { ...o, workers: 1 });
    expect(w2.runs.map((r) => r.qTrue)).toEqual(w1.runs.map((r) => r.qTrue));
    expect(w2.G).toEqual(w1.G);
    expect(w2.F).toEqual(w1.F);
    const b2 = await dist.bootstrapJointPmf(w2, { runs: 4, seed: 2, workers: 2 });
    const b1 = await bootstrapJointPmf(w1, { runs: 4, seed: 2, workers: 1 });
    expect(b2.runs.map((r) => r.qTrue)).toEqual(b1.runs.map((r) => r.qTrue));
    expect(b2.intervals).toEqual(b1.intervals);
    // the plain random start too
    const r2 = await dist.runJointPmf(two, { ...o, start: "random", workers: 2 });
    const r1 = await runJointPmf(two, { ...o, start: "random", workers: 1 });
    expect(r2.runs.map((r) => r.qTrue)).toEqual(r1.runs.map((r) => r.qTrue));
    expect(r2.F).toEqual(r1.F);
  }, 60000);

  it("rejects sites that do not share species, units or total, and bad siteOnly entries", async () => {
    const a = wellPosed(40, 3).input;
    const withB = (b: PmfInput) =>
      runJointPmf(
        [
          { name: "A", input: a },
          { name: "B", input: b },
        ],
        { factors: 3 },
      );
    const renamed: PmfInput = { ...a, species: a.species.map((s, j) => (j === 2 ? "NH4+" : s)) };
    await expect(withB(renamed)).rejects.toThrow(/site "B" species 3 is "NH4\+" but site "A" has "NH4"/);
    const fewer: PmfInput = { ...a, species: a.species.slice(0, -1), m: a.m - 1 };
    await expect(withB(fewer)).rejects.toThrow(/site "B" species 14 is "\(none\)" but site "A" has "PM2.5"/);
    const units: PmfInput = { ...a, units: a.units.map((u, j) => (j === 0 ? "ng/m3" : u)) };
    await expect(withB(units)).rejects.toThrow(/site "B" species "SO4" is in ng\/m3 but site "A" has µg\/m3/);
    await expect(
      runJointPmf(
        [
          { name: "A", input: a },
          { name: "A", input: a },
        ],
        { factors: 3 },
      ),
    ).rejects.toThrow(/site name "A" is used twice/);
    await expect(runJointPmf([{ name: "A", input: a }], { factors: 3, siteOnly: { 1: "C" } })).rejects.toThrow(
      /siteOnly\[1\] is "C", which is not a site \(sites: A\)/,
    );
    await expect(runJointPmf([{ name: "A", input: a }], { factors: 3, siteOnly: { 3: "A" } })).rejects.toThrow(
      /siteOnly factor index must be an integer from 0 to 2, got 3/,
    );
    await expect(runJointPmf([], { factors: 3 })).rejects.toThrow(RangeError);
    await expect(runJointPmf([{ name: "A", input: a }], { factors: 0 })).rejects.toThrow(RangeError);
    await expect(
      runJointPmf([{ name: "A", input: a }], { factors: 3, start: "warm" as unknown as "split" }),
    ).rejects.toThrow(/start must be "split" or "random", got warm/);
    await expect(runJointPmf([{ name: "A", input: a }], { factors: 3, warmSweeps: 0 })).rejects.toThrow(
      /warmSweeps must be an integer ≥ 1, got 0/,
    );
  });
});

describe("bootstrapJointPmf: block bootstrap within each site", () => {
  it("draws each site's rows from that site only, one generator per run (hand-built rows)", () => {
    const plans = [
      { offset: 0, order: [0, 1, 2, 3, 4], blockSize: 2 },
      { offset: 5, order: [2, 0, 1], blockSize: 1 },
    ];
    const rows = jointBootstrapRows(plans, 3, 2);
    const rng = new Rng(runSeed(3, 2));
    const a = blockBootstrapRows(5, 2, rng),
      b = blockBootstrapRows(3, 1, rng);
    expect(Array.from(rows)).toEqual([...Array.from(a), ...Array.from(b).map((q) => 5 + [2, 0, 1][q])]);
    for (let i = 0; i < 5; i++) expect(rows[i]).toBeLessThan(5);
    for (let i = 5; i < 8; i++) expect(rows[i]).toBeGreaterThanOrEqual(5);
  });

  it("reproduces the factors of the two-city fit, keeps local factors local, same seed → same bits", async () => {
    const r = await joint;
    const bs = await bootstrapJointPmf(r, { runs: 12, seed: 5, workers: 1 });
    expect(bs.siteBlockSizes.map((s) => s.site)).toEqual(["Kawasaki", "Shenyang"]);
    expect(bs.blockSize).toBe(Math.max(...bs.siteBlockSizes.map((s) => s.blockSize)));
    expect(bs.convergedRuns).toBe(12);
    for (const row of bs.mappingTable) expect(row.reproduced, row.factor).toBeGreaterThanOrEqual(11);
    // the base profile of each factor's main species lies inside its BS 5–95 % interval
    for (let k = 0; k < P; k++) {
      const j = Array.from(r.F.subarray(k * m, k * m + m - 1)).reduce((b, v, jj, a) => (v > a[b] ? jj : b), 0);
      const iv = bs.intervals[k][j];
      expect(iv.p5, `factor ${k + 1} ${iv.species}`).toBeLessThanOrEqual(iv.base * 1.05);
      expect(iv.p95, `factor ${k + 1} ${iv.species}`).toBeGreaterThanOrEqual(iv.base * 0.95);
    }
    // the per-site block lengths come from each site's own contributions in time order
    const ky = r.sites[0];
    const order = timeOrder(ky.input.n, ky.input.times);
    expect(Array.from(order.slice(0, 3))).toEqual([0, 1, 2]);
    const again = await bootstrapJointPmf(r, { runs: 3, seed: 5, workers: 1 });
    expect(again.runs.map((x) => x.qTrue)).toEqual(bs.runs.slice(0, 3).map((x) => x.qTrue));
    expect(again.runs.map((x) => x.F)).toEqual(bs.runs.slice(0, 3).map((x) => x.F));
    await expect(bootstrapJointPmf(r, { blockSize: 366 })).rejects.toThrow(/smallest site's number of samples \(365\)/);
    await expect(bootstrapJointPmf(r, { minCorrelation: 2 })).rejects.toThrow(RangeError);
  }, 120000);
});

describe("jointProfileSpec / jointContributionSpec: figures per site", () => {
  it("titles each site's figure in en/ja/zh and shows only its factors; renders to PNG", async () => {
    const r = await joint;
    const titles = { en: "Site: Shenyang", ja: "地点: 瀋陽", zh: "站点: 沈阳" } as const;
    for (const lang of ["en", "ja", "zh"] as const) {
      const prof = jointProfileSpec(r, "Shenyang", { lang }) as { title: { text: string }; vconcat: unknown[] };
      expect(prof.title.text).toBe(titles[lang]);
      expect(prof.vconcat).toHaveLength(6);
      const con = jointContributionSpec(r, "Kawasaki", { lang }) as {
        title: { text: string };
        data: { values: unknown[] };
      };
      expect(con.title.text).toBe(lang === "en" ? "Site: Kawasaki" : lang === "ja" ? "地点: 川崎" : "站点: 川崎");
      expect(con.data.values).toHaveLength(6 * 365);
      const png = await renderPng(prof as never, { scale: 1 });
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      if (process.env.AOZORA_FIGURE_DIR) {
        const { writeFileSync } = await import("node:fs");
        writeFileSync(join(process.env.AOZORA_FIGURE_DIR, `joint-profile-shenyang-${lang}.png`), png);
        writeFileSync(
          join(process.env.AOZORA_FIGURE_DIR, `joint-contrib-kawasaki-${lang}.png`),
          await renderPng(con as never, { scale: 1 }),
        );
      }
    }
    expect(() => jointProfileSpec(r, "Osaka")).toThrow(RangeError);
  }, 120000);
});
