/**
 * The "split" start of a joint PMF base run (see {@link runJointPmf}): a few unmasked sweeps
 * from the random start, then the fitted factors are placed in the slots by how their
 * contributions split between the sites, then the masked fit. No primary text specifies this
 * start; the reasoning is ours and stated in the TSDoc of {@link splitStartRun}.
 */
import { assignMinCost } from "../stats/assign";
import { alsFit, randomStartF, type RunOutcome } from "./als";
import type { TaskContext } from "./tasks";

/**
 * Share of each fitted factor's contributions that lies outside the rows where each slot's
 * factor may exist: share[k][f] = b / (a + b), a = mean of G_·f over the rows where slot k is
 * free (gZero = 0), b = its mean over the rows where slot k is held at 0 (dimensionless, 0 to 1;
 * 0 for a slot without structural zeros, and 1/2 for a factor whose contributions are all 0).
 * The means make it independent of each factor's scale and of the sites' numbers of samples.
 */
export function outsideShares(G: Float64Array, gZero: Uint8Array, n: number, p: number): number[][] {
  return Array.from({ length: p }, (_, k) => {
    let nIn = 0;
    for (let i = 0; i < n; i++) if (!gZero[i * p + k]) nIn++;
    const nOut = n - nIn;
    if (nOut === 0) return new Array<number>(p).fill(0);
    return Array.from({ length: p }, (_, f) => {
      let a = 0,
        b = 0;
      for (let i = 0; i < n; i++) {
        if (gZero[i * p + k]) b += G[i * p + f];
        else a += G[i * p + f];
      }
      a /= nIn;
      b /= nOut;
      return a + b > 0 ? b / (a + b) : 0.5;
    });
  });
}

/**
 * One joint base run from the split start, on the task context's data, settings, structural
 * zeros and number of unmasked sweeps. (1) F from the run's random start (as
 * {@link alsRun}, same seed → same start); (2) `warmSweeps` iterations of the same weighted ALS
 * *without* the structural zeros, so every factor may settle on whichever source the data give
 * it; (3) the fitted factors are placed in the slots by a minimum-cost assignment (Hungarian
 * algorithm, {@link assignMinCost}) whose cost for a site-only slot is the factor's share of
 * contributions at the sites where the slot is held at 0 ({@link outsideShares}) and 0 for a
 * shared slot, so each site-only slot receives a factor that is (nearly) absent elsewhere —
 * a local source — instead of whatever the random numbering put there; (4) the permuted F and
 * G (G set to 0 at the structural zeros) start the masked fit, with the iterations left of
 * `maxIterations`. Why: with the mask from the first iteration, a shared source that the random
 * start puts in a site-only slot cannot leave it (ALS only moves downhill, and the slot cannot
 * explain the other site's share of that source), which leaves the run at a local minimum.
 *
 * The iterations reported are those of both fits; `converged` is the masked fit's.
 */
export function splitStartRun(ctx: TaskContext & { gZero: Uint8Array; warmSweeps: number }, seed: number): RunOutcome {
  const { x, s, n, m, settings: st, gZero, warmSweeps } = ctx;
  const { p } = st;
  const warm = alsFit(x, s, n, m, undefined, randomStartF(x, n, m, p, seed), {
    ...st,
    maxIterations: Math.min(warmSweeps, st.maxIterations),
  });
  const share = outsideShares(warm.G, gZero, n, p);
  const slotOf = assignMinCost(share); // slotOf[k] = the fitted factor placed in slot k
  const F0 = new Float64Array(p * m),
    G0 = new Float64Array(n * p);
  for (let k = 0; k < p; k++) {
    F0.set(warm.F.subarray(slotOf[k] * m, slotOf[k] * m + m), k * m);
    for (let i = 0; i < n; i++) G0[i * p + k] = gZero[i * p + k] ? 0 : warm.G[i * p + slotOf[k]];
  }
  const left = Math.max(1, st.maxIterations - warm.iterations);
  const fit = alsFit(x, s, n, m, G0, F0, { ...st, maxIterations: left }, undefined, gZero);
  return { ...fit, iterations: warm.iterations + fit.iterations };
}
