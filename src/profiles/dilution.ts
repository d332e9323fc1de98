import type { DilutionTunnelRow } from "./read";
import { speciesMatchKey } from "./species";
import type { SourceProfile } from "./types";

/** One test's profile and what was done to get it. */
export interface TunnelTestProfile extends SourceProfile {
  dilutionRatio: number;
  /** Background-corrected diluted concentrations, net = sample − background·(1 − 1/DR), input unit. */
  net: number[];
  /** Net tailpipe (undiluted) concentrations, net·DR, input unit. */
  tailpipe: number[];
  /** Species whose net concentration is ≤ 0 (sample not above background; fraction kept as computed). */
  notAboveBackground: string[];
}

/**
 * Per-test profiles and their composite from dilution-tunnel results.
 *
 * - Background correction of the dilution air: net_j = C_sample,j − C_bg,j·(1 − 1/DR), the
 *   dilution-air correction of 40 CFR 86.144-94 and 40 CFR 1065.667 (the background enters the
 *   sample only with the dilution air, a share 1 − 1/DR); σ_net² = σ_s² + ((1 − 1/DR)·σ_bg)².
 * - Test profile: f_j = net_j / net_total (total = the gravimetric mass species, default PM2.5),
 *   σ_f = |f|·sqrt((σ_j/net_j)² + (σ_total/net_total)²) (first order, covariance neglected).
 * - Composite: the mean of the test profiles; uncertainty the larger of their standard deviation
 *   and the root-mean-square of the test uncertainties (the SPECIATE/CMB composite convention,
 *   e.g. Chow et al. 2004, Chemosphere 54:185; "verify").
 */
export function dilutionTunnelProfiles(
  rows: DilutionTunnelRow[],
  opts: { total?: string; name?: string; category?: string; file?: string } = {},
): { tests: TunnelTestProfile[]; composite: SourceProfile } {
  const totalKey = speciesMatchKey(opts.total ?? "PM2.5");
  const byTest = new Map<string, DilutionTunnelRow[]>();
  for (const r of rows) {
    if (!byTest.has(r.test)) byTest.set(r.test, []);
    byTest.get(r.test)!.push(r);
  }
  if (byTest.size === 0) throw new RangeError("dilutionTunnelProfiles: no tests");
  const tests: TunnelTestProfile[] = [...byTest.entries()].map(([test, list]) => {
    const dr = list[0].dilutionRatio;
    const w = 1 - 1 / dr;
    const net = list.map((r) => r.sample - r.background * w);
    const sig = list.map((r) => Math.sqrt(r.sampleUnc ** 2 + (w * r.backgroundUnc) ** 2));
    const t = list.findIndex((r) => speciesMatchKey(r.species) === totalKey);
    if (t < 0)
      throw new RangeError(
        `dilution-tunnel test "${test}" has no ${opts.total ?? "PM2.5"} row (the mass the profile is a fraction of)`,
      );
    if (!(net[t] > 0))
      throw new RangeError(
        `dilution-tunnel test "${test}": ${list[t].species} is not above background (net ${net[t]})`,
      );
    const fraction = net.map((v) => v / net[t]);
    return {
      name: `${test}`,
      category: opts.category ?? "vehicles",
      code: test,
      species: list.map((r) => r.species),
      fraction,
      uncertainty: fraction.map((f, j) =>
        j === t ? 0 : Math.abs(f) * Math.sqrt((sig[j] / net[j]) ** 2 + (sig[t] / net[t]) ** 2),
      ),
      unit: "g/g" as const,
      provenance: {
        kind: "dilution-tunnel" as const,
        source: `${opts.file ?? "dilution-tunnel results"}, test ${test} (${list[0].vehicle}, ${list[0].fuel}), rows ${list[0].row}–${list[list.length - 1].row}`,
        notes: `DR ${dr}; net = sample − background·(1 − 1/DR)`,
      },
      dilutionRatio: dr,
      net,
      tailpipe: net.map((v) => v * dr),
      notAboveBackground: list.filter((_, j) => !(net[j] > 0)).map((r) => r.species),
    };
  });
  const species = [...new Set(tests.flatMap((t) => t.species))];
  const fraction: number[] = [],
    uncertainty: number[] = [];
  for (const sp of species) {
    const vals: number[] = [],
      uncs: number[] = [];
    for (const t of tests) {
      const j = t.species.indexOf(sp);
      if (j >= 0 && Number.isFinite(t.fraction[j])) {
        vals.push(t.fraction[j]);
        uncs.push(t.uncertainty[j]);
      }
    }
    const n = vals.length;
    const mean = vals.reduce((a, b) => a + b, 0) / n;
    const sd = n > 1 ? Math.sqrt(vals.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : NaN;
    const rms = Math.sqrt(uncs.reduce((a, b) => a + b * b, 0) / n);
    fraction.push(mean);
    uncertainty.push(Number.isNaN(sd) ? rms : Math.max(sd, rms));
  }
  return {
    tests,
    composite: {
      name: opts.name ?? `Dilution-tunnel composite (${tests.length} tests)`,
      category: opts.category ?? "vehicles",
      species,
      fraction,
      uncertainty,
      unit: "g/g",
      provenance: {
        kind: "dilution-tunnel",
        source: opts.file ?? "dilution-tunnel results",
        notes: `mean of ${tests.length} test profiles; uncertainty = max(SD, RMS of test uncertainties)`,
      },
    },
  };
}
