import { describe, expect, it } from "vitest";
import { alsFit } from "../../src/sourceapport/als";
import { dispPmf, refitSettings } from "../../src/sourceapport/disp";
import { oneElementModel } from "../../src/sourceapport/dispsearch";
import { preparePmfInput } from "../../src/sourceapport/prepare";
import { runPmfSync, settingsOf } from "../../src/sourceapport/solver";
import type { PmfResult } from "../../src/sourceapport/types";
import { wellPosed } from "./wellposed";

/**
 * The exact DISP bounds of one element by brute force: a fine 1-D scan of the displaced element
 * (steps of 1 % of the displacement, at least 1/20 of the one-element model's d at dQ = 1), each
 * point a full refit of everything else with the element held exactly as DISP holds it, converged far tighter
 * than DISP's refits (window 20, tolerance 1e-6) and started from the previous scan point. The
 * bound of each level is the first crossing of dQ = dQmax, interpolated linearly between the two
 * scan points around it (in the fitted value of the element); a downward scan ends at 0.
 */
function scanBounds(base: PmfResult, k: number, j: number, direction: 1 | -1, levels: number[]): number[] {
  const { n, m, x, s } = base.input;
  const p = base.p;
  const st = refitSettings(settingsOf(base.options));
  const tight = { ...st, tolerance: 1e-6, relativeTolerance: 1e-13, window: 20, maxIterations: 20000 };
  const pol = alsFit(x, s, n, m, base.G, base.F, st); // dispPmf's polish: dQ is measured from its Q
  const q0 = pol.qTrue;
  const a = Math.max(oneElementModel({ x, s, G: pol.G, F: pol.F, n, m, p }, k, j).curvature, 1e-12);
  const v0 = pol.F[k * m + j];
  const h0 = Math.sqrt(1 / a) / 20;
  let G = pol.G,
    F = pol.F,
    prev = { v: v0, dQ: 0 },
    d = 0;
  const out: number[] = [];
  let li = 0,
    steps = 0;
  while (li < levels.length) {
    // d grows at least 1 % a step, so 2,000 steps reach ~4e8·h0: a scan that never crosses is a failure, not a hang
    if (++steps > 2000) throw new Error(`scan of F[${k}, ${j}] did not reach dQ ${levels[li]} within 2000 steps`);
    d += Math.max(h0, 0.01 * d);
    const target = Math.max(0, v0 + direction * d);
    const o = alsFit(x, s, n, m, G, F, tight, { fFixed: [{ k, j, value: target }] });
    [G, F] = [o.G, o.F];
    const cur = { v: o.F[k * m + j], dQ: o.qTrue - q0 };
    while (li < levels.length && cur.dQ > levels[li]) {
      out.push(prev.v + ((levels[li] - prev.dQ) / (cur.dQ - prev.dQ)) * (cur.v - prev.v));
      li++;
    }
    if (target === 0) while (li++ < levels.length) out.push(0); // reached zero within the remaining levels
    prev = cur;
  }
  return out;
}

describe("DISP bounds against a brute-force scan (simulated well-posed data, k = 5, a weak total variable)", () => {
  // the well-posed case with a total variable added (the sum of all species, uncertainty 100 × the
  // sum's, far weaker than the other species): its elements have a flat dQ (small curvature, an
  // interval many times the element), as TNMOC has on Baton Rouge
  const wp = wellPosed(80, 7);
  const { n, m } = wp.input;
  const x = new Float64Array(n * (m + 1)),
    s = new Float64Array(n * (m + 1));
  for (let i = 0; i < n; i++) {
    let tot = 0,
      var2 = 0;
    for (let j = 0; j < m; j++) {
      x[i * (m + 1) + j] = wp.input.x[i * m + j];
      s[i * (m + 1) + j] = wp.input.s[i * m + j];
      tot += wp.input.x[i * m + j];
      var2 += wp.input.s[i * m + j] ** 2;
    }
    x[i * (m + 1) + m] = tot;
    s[i * (m + 1) + m] = 100 * Math.sqrt(var2);
  }
  const input = preparePmfInput({
    x,
    s,
    n,
    m: m + 1,
    species: [...wp.input.species, "Total"],
    units: "µg/m3",
    samples: wp.input.samples,
  });
  const base = runPmfSync(input, { factors: wp.p, runs: 4, seed: 2 });
  const levels = [4, 8, 16, 32];
  // the element nearest 0 outside the total variable, and the total variable in the factor with most of it
  let near = { k: 0, j: 0 },
    top = 0;
  for (let k = 0; k < wp.p; k++) {
    for (let j = 0; j < m; j++) if (base.F[k * (m + 1) + j] < base.F[near.k * (m + 1) + near.j]) near = { k, j };
    if (base.F[k * (m + 1) + m] > base.F[top * (m + 1) + m]) top = k;
  }
  const cases = [
    { what: "flat dQ (the total variable)", k: top, j: m },
    { what: "an element near 0", k: near.k, j: near.j },
  ];

  for (const c of cases) {
    it(`${c.what}: fast and the 0.995 reference agree with the scan to 1 % of each interval width`, async () => {
      const down = scanBounds(base, c.k, c.j, -1, levels),
        up = scanBounds(base, c.k, c.j, 1, levels);
      const opts = { workers: 1, species: [input.species[c.j]], factors: [c.k] };
      const fast = (await dispPmf(base, { ...opts, method: "fast" })).intervals[0];
      const ref = (await dispPmf(base, { ...opts, method: "exhaustive", accept: 0.995, steps: 40 })).intervals[0];
      const v0 = fast.base;
      console.log(
        `${c.what} (${input.species[c.j]}, factor ${c.k + 1}, base ${v0.toPrecision(4)}): scan ` +
          levels.map((L, l) => `${L}: [${down[l].toPrecision(4)}, ${up[l].toPrecision(4)}]`).join(" ") +
          `; fast up ${fast.up.map((v) => v.toPrecision(4))}, down ${fast.down.map((v) => v.toPrecision(4))}`,
      );
      for (let l = 0; l < levels.length; l++) {
        const width = up[l] - down[l];
        expect(width).toBeGreaterThan(0);
        for (const r of [fast, ref]) {
          expect(Math.abs(r.up[l] - up[l])).toBeLessThan(0.01 * width);
          expect(Math.abs(r.down[l] - down[l])).toBeLessThan(0.01 * width);
        }
      }
      if (c.j === m)
        expect(up[0] - v0).toBeGreaterThan(2 * v0); // flat: the interval is several times the element
      else
        expect(v0).toBeLessThan(0.05 * Math.max(...Array.from({ length: wp.p }, (_, k) => base.F[k * (m + 1) + c.j])));
    }, 120_000);
  }
});
