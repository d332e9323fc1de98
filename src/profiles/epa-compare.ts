/**
 * Factor-by-factor comparison of an aozora PMF solution with an EPA PMF 5.0 run of the same data
 * (issue #21: "results from colleagues using EPA PMF can be compared factor by factor with
 * aozora's"), and a figure of the matched profiles side by side.
 *
 * Factors are matched one-to-one by maximising the sum of the Pearson r of their concentration
 * profiles over the species both runs share (an optimal assignment, {@link assignMinCost} on −r:
 * Kuhn 1955; Munkres 1957) — the profile-correlation matching ESAT uses against PMF5 outputs
 * (quanted/esat `eval/factor_comparison.py`, `FactorCompare.compare`, which takes the best of all
 * factor permutations), without enumerating the p! permutations. Per matched pair: profile r,
 * contribution r (Pearson r of the contribution time series over the shared samples, EPA's
 * "avg = 1" table; r does not depend on the normalisation), and the difference of each species'
 * share of its species sum (EPA PMF's "% of species sum", Norris et al. 2014, EPA/600/R-14/108:
 * 100·F_kj·ḡ_k / Σ_k F_kj·ḡ_k), in percentage points (aozora − EPA PMF); and the two runs' Q.
 */

// @ts-ignore TS1479 under TypeScript 5.0 (see src/figures/specs.ts)
import type { TopLevelSpec } from "vega-lite";
import { label, type Lang } from "../figures/labels";
import { checkSize, fontConfig, fontFor, SCHEMA } from "../figures/specs";
import { pearson } from "../stats/correlation";
import { finitePairs } from "../stats/modstats";
import { AqTable } from "../table/table";
import { profileMatrices } from "../sourceapport/diagnostics";
import { labelAngle } from "../sourceapport/figurehelpers";
import type { EpaPmfResults, EpaProfileTable } from "../sourceapport/read-epapmf-results";
import type { PmfResult } from "../sourceapport/types";
import { assignMinCost } from "../stats/assign";

/** Options of {@link compareWithEpaPmf}. */
export interface EpaCompareOptions {
  /**
   * How samples are paired for the contribution r: `label` (same sample text: the first column of
   * the PMF input and EPA's date column), `position` (same row order and count), or `auto`
   * (default: `label` when every EPA sample label is among aozora's, else `position` when the
   * counts agree, else no contribution r).
   */
  samples?: "auto" | "label" | "position";
}

/** One matched factor pair. */
export interface EpaFactorComparison {
  /** aozora's factor name and 0-based index. */
  aozora: string;
  aozoraIndex: number;
  /** EPA PMF's factor name and 0-based index. */
  epa: string;
  epaIndex: number;
  /** Pearson r of the concentration profiles over the shared species (dimensionless). */
  profileR: number;
  /** Pearson r of the contributions over the paired samples; NaN when not available. */
  contributionR: number;
  /** Shared species, in aozora's order. */
  species: string[];
  /** % of species sum of each shared species: aozora's, EPA PMF's, and aozora − EPA (percentage points). */
  shareAozora: number[];
  shareEpa: number[];
  shareDifference: number[];
  /** Largest |share difference| (percentage points) and its species. */
  maxShareDifference: { species: string; points: number };
}

/** The result of {@link compareWithEpaPmf}. */
export interface EpaComparison {
  /** Matched pairs, in aozora's factor order. */
  factors: EpaFactorComparison[];
  /** Factors of the larger solution left without a partner (when the factor counts differ). */
  unmatched: { aozora: string[]; epa: string[] };
  /** Σ profile r of the assignment (what the matching maximises). */
  sumProfileR: number;
  /** Species in both runs, only in aozora's, only in EPA PMF's. */
  species: { shared: string[]; aozoraOnly: string[]; epaOnly: string[] };
  /** How samples were paired for contribution r, and how many pairs. */
  samples: { by: "label" | "position" | "none"; paired: number };
  /** Where EPA's shares come from: its "% of species sum" block, or computed from its conc. profiles. */
  epaShareSource: "percent-of-species-sum" | "computed";
  /** Q of aozora's reported run and of EPA's base run (from the base run summary table), and their ratios aozora/EPA. */
  q: {
    aozoraRobust: number;
    aozoraTrue: number;
    epaRun?: number;
    epaRobust: number;
    epaTrue: number;
    ratioRobust: number;
    ratioTrue: number;
  };
}

const key = (s: string) => s.trim().toLowerCase();

/** EPA PMF's % of species sum (factor-major p×m over its species): its own block, or 100·F·ḡ/ΣF·ḡ with ḡ its contribution means (1 for avg = 1). */
function epaShares(
  epa: EpaPmfResults,
  conc: EpaProfileTable,
): { share: Float64Array; source: EpaComparison["epaShareSource"] } {
  const pss = epa.profiles.percentOfSpeciesSum;
  const p = conc.factors.length,
    m = conc.species.length;
  if (pss && pss.factors.length === p) {
    const share = new Float64Array(p * m);
    const at = new Map(pss.species.map((s, j) => [key(s), j]));
    for (let j = 0; j < m; j++) {
      const q = at.get(key(conc.species[j]));
      for (let k = 0; k < p; k++) share[k * m + j] = q === undefined ? NaN : pss.values[k * pss.species.length + q];
    }
    return { share, source: "percent-of-species-sum" };
  }
  const g = new Float64Array(p).fill(1);
  const cn = epa.contributions.normalised;
  if (cn && cn.factors.length === p) {
    const n = cn.samples.length;
    for (let k = 0; k < p; k++) {
      let s = 0,
        c = 0;
      for (let i = 0; i < n; i++) {
        const v = cn.values[i * p + k];
        if (Number.isFinite(v)) ((s += v), c++);
      }
      g[k] = c ? s / c : 1;
    }
  }
  const share = new Float64Array(p * m);
  for (let j = 0; j < m; j++) {
    let sum = 0;
    for (let k = 0; k < p; k++) sum += conc.values[k * m + j] * g[k];
    for (let k = 0; k < p; k++) share[k * m + j] = sum !== 0 ? (100 * conc.values[k * m + j] * g[k]) / sum : NaN;
  }
  return { share, source: "computed" };
}

/** Pearson r over the pairs where both values are finite (`finitePairs`); NaN with fewer than 2. */
function finiteR(x: number[], y: number[]): number {
  const { o, m } = finitePairs(x, y, "compareWithEpaPmf");
  return o.length < 2 ? NaN : pearson(o, m);
}

/**
 * Compare an aozora PMF solution with an EPA PMF 5.0 run read by `readEpaPmfResults` (see the
 * module comment for the matching and the definitions). Species are paired by name (case and
 * surrounding space ignored); empty EPA cells are left out of each r.
 *
 * @example
 * ```ts
 * const cmp = compareWithEpaPmf(result, readEpaPmfResults(["b_profiles.csv", "b_contributions.csv"]));
 * cmp.factors.map((f) => `${f.aozora} ↔ ${f.epa}: r = ${f.profileR.toFixed(3)}`);
 * ```
 * @throws {RangeError} when the EPA results have no "conc. of species" profile block, fewer than
 * 2 shared species, or `samples: "label"` / `"position"` cannot pair the samples (a label not
 * among aozora's, or different counts)
 */
export function compareWithEpaPmf(result: PmfResult, epa: EpaPmfResults, opts: EpaCompareOptions = {}): EpaComparison {
  const conc = epa.profiles.concentration;
  if (!conc)
    throw new RangeError(
      'compareWithEpaPmf: epa must hold a "Factor Profiles (conc. of species)" block (the _profiles file or the Profiles sheet), got none',
    );
  const pm = profileMatrices(result);
  const { p, m } = pm;
  const pe = conc.factors.length,
    me = conc.species.length;
  const epaAt = new Map(conc.species.map((s, j) => [key(s), j]));
  const sharedA: number[] = [];
  for (let j = 0; j < m; j++) if (epaAt.has(key(pm.species[j]))) sharedA.push(j);
  const aKeys = new Set(pm.species.map(key));
  const species = {
    shared: sharedA.map((j) => pm.species[j]),
    aozoraOnly: pm.species.filter((s) => !epaAt.has(key(s))),
    epaOnly: conc.species.filter((s) => !aKeys.has(key(s))),
  };
  if (sharedA.length < 2)
    throw new RangeError(
      `compareWithEpaPmf: the two runs must share at least 2 species (by name), got ${sharedA.length} (aozora: ${pm.species.join(", ")}; EPA PMF: ${conc.species.join(", ")})`,
    );
  const sharedE = sharedA.map((j) => epaAt.get(key(pm.species[j]))!);
  const prof = (k: number) => sharedA.map((j) => pm.concentration[k * m + j]);
  const profE = (k: number) => sharedE.map((j) => conc.values[k * me + j]);
  const r: number[][] = [];
  for (let a = 0; a < p; a++) {
    r.push([]);
    for (let e = 0; e < pe; e++) r[a].push(finiteR(prof(a), profE(e)));
  }
  // maximise Σ r: minimise Σ −r; an undefined r (constant profile) costs more than any r ≥ −1
  const cost = (a: number, e: number) => (Number.isFinite(r[a][e]) ? -r[a][e] : 2);
  const pairs: [number, number][] = [];
  if (p <= pe) {
    const col = assignMinCost(r.map((_, a) => Array.from({ length: pe }, (_, e) => cost(a, e))));
    col.forEach((e, a) => pairs.push([a, e]));
  } else {
    const col = assignMinCost(Array.from({ length: pe }, (_, e) => Array.from({ length: p }, (_, a) => cost(a, e))));
    col.forEach((a, e) => pairs.push([a, e]));
    pairs.sort((x, y) => x[0] - y[0]);
  }
  // samples for contribution r
  const mode = opts.samples ?? "auto";
  const cn = epa.contributions.normalised;
  const aSamples = result.input.samples;
  let by: EpaComparison["samples"]["by"] = "none";
  let pairIdx: [number, number][] = [];
  if (cn) {
    const at = new Map<string, number>();
    aSamples.forEach((s, i) => at.set(s.trim(), i));
    const byLabel = cn.samples.every((s) => at.has(s.trim()));
    if (mode === "label" && !byLabel) {
      const bad = cn.samples.find((s) => !at.has(s.trim()));
      throw new RangeError(`compareWithEpaPmf: samples "label" needs every EPA sample among aozora's, "${bad}" is not`);
    }
    if (mode === "position" && cn.samples.length !== aSamples.length)
      throw new RangeError(
        `compareWithEpaPmf: samples "position" needs the same number of samples, got ${aSamples.length} (aozora) and ${cn.samples.length} (EPA PMF)`,
      );
    if (mode === "label" || (mode === "auto" && byLabel)) {
      by = "label";
      pairIdx = cn.samples.map((s, i) => [at.get(s.trim())!, i]);
    } else if (mode === "position" || (mode === "auto" && cn.samples.length === aSamples.length)) {
      by = "position";
      pairIdx = aSamples.map((_, i) => [i, i]);
    }
  }
  const { share, source } = epaShares(epa, conc);
  const factors: EpaFactorComparison[] = pairs.map(([a, e]) => {
    const shareAozora = sharedA.map((j) => pm.percentOfSpecies[a * m + j]);
    const shareEpa = sharedE.map((j) => share[e * me + j]);
    const shareDifference = shareAozora.map((x, i) => x - shareEpa[i]);
    let mi = -1;
    shareDifference.forEach((d, i) => {
      if (Number.isFinite(d) && (mi < 0 || Math.abs(d) > Math.abs(shareDifference[mi]))) mi = i;
    });
    const pep = cn ? cn.factors.length : 0;
    const contributionR =
      by === "none" || !cn || e >= pep
        ? NaN
        : finiteR(
            pairIdx.map(([ia]) => result.G[ia * p + a]),
            pairIdx.map(([, ie]) => cn.values[ie * pep + e]),
          );
    return {
      aozora: pm.factorNames[a],
      aozoraIndex: a,
      epa: conc.factors[e],
      epaIndex: e,
      profileR: r[a][e],
      contributionR,
      species: species.shared.slice(),
      shareAozora,
      shareEpa,
      shareDifference,
      maxShareDifference:
        mi < 0 ? { species: "", points: NaN } : { species: species.shared[mi], points: shareDifference[mi] },
    };
  });
  const usedA = new Set(pairs.map((x) => x[0])),
    usedE = new Set(pairs.map((x) => x[1]));
  const best = result.runs[result.bestIndex];
  const er = epa.runs.find((x) => x.run === epa.baseRun);
  const epaRobust = er?.qRobust ?? NaN,
    epaTrue = er?.qTrue ?? NaN;
  return {
    factors,
    unmatched: {
      aozora: pm.factorNames.filter((_, a) => !usedA.has(a)),
      epa: conc.factors.filter((_, e) => !usedE.has(e)),
    },
    sumProfileR: factors.reduce((s, f) => s + (Number.isFinite(f.profileR) ? f.profileR : 0), 0),
    species,
    samples: { by, paired: pairIdx.length },
    epaShareSource: source,
    q: {
      aozoraRobust: best.qRobust,
      aozoraTrue: best.qTrue,
      ...(epa.baseRun !== undefined ? { epaRun: epa.baseRun } : {}),
      epaRobust,
      epaTrue,
      ratioRobust: best.qRobust / epaRobust,
      ratioTrue: best.qTrue / epaTrue,
    },
  };
}

/** Options of {@link epaComparisonSpec}. */
export interface EpaComparisonSpecOptions {
  /** Label language (default `"en"`). */
  lang?: Lang;
  /** Width and height of each factor panel in pixels (defaults 600 × 160). */
  width?: number;
  height?: number;
  /** Figure title (default none). */
  title?: string;
}

/**
 * Matched factor profiles side by side: one panel per matched pair (aozora's factor name, EPA
 * PMF's, and the profile r in the panel title), grouped bars of each shared species' % of species
 * sum, aozora's and EPA PMF's next to each other. Labels in English, Japanese or Chinese.
 *
 * @throws {RangeError} when width or height is not a positive number
 */
export function epaComparisonSpec(cmp: EpaComparison, opts: EpaComparisonSpecOptions = {}): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const { width, height } = checkSize(opts.width ?? 600, opts.height, 160);
  const prog = label("pmfProgram", lang);
  const names = ["aozora", "EPA PMF 5.0"];
  const last = cmp.factors.length - 1;
  const angle = labelAngle(cmp.species.shared, width);
  const panels = cmp.factors.map((f, i) => ({
    title: `${f.aozora} ↔ EPA PMF ${f.epa} (r = ${Number.isFinite(f.profileR) ? f.profileR.toFixed(3) : "—"})`,
    width,
    height,
    data: {
      values: f.species.flatMap((s, j) => [
        { species: s, program: names[0], share: Number.isFinite(f.shareAozora[j]) ? f.shareAozora[j] : null },
        { species: s, program: names[1], share: Number.isFinite(f.shareEpa[j]) ? f.shareEpa[j] : null },
      ]),
    },
    mark: "bar",
    encoding: {
      x: {
        field: "species",
        type: "nominal",
        sort: null,
        axis: i === last ? { labelAngle: angle } : { labels: false, ticks: false },
        title: i === last ? label("species", lang) : null,
      },
      xOffset: { field: "program", type: "nominal", sort: names },
      y: { field: "share", type: "quantitative", title: label("percentOfSpecies", lang), scale: { domain: [0, 100] } },
      color: { field: "program", type: "nominal", scale: { domain: names }, title: prog },
      tooltip: [
        { field: "species", type: "nominal", title: label("species", lang) },
        { field: "program", type: "nominal", title: prog },
        { field: "share", type: "quantitative", format: ".1f", title: label("percentOfSpecies", lang) },
      ],
    },
  }));
  return {
    $schema: SCHEMA,
    ...(opts.title !== undefined ? { title: { text: opts.title } } : {}),
    vconcat: panels,
    config: fontConfig(fontFor(lang)),
  } as TopLevelSpec;
}

/**
 * The comparison as a tidy table, one row per matched factor pair and shared species:
 * `aozoraFactor`, `epaFactor`, `profileR`, `contributionR` (dimensionless), `species`,
 * `shareAozora`, `shareEpa` (% of species sum) and `shareDifference` (percentage points, aozora − EPA PMF).
 */
export function epaComparisonTable(cmp: EpaComparison): AqTable {
  const rows = cmp.factors.flatMap((f) => f.species.map((s, j) => ({ f, s, j })));
  return AqTable.create(
    {
      aozoraFactor: rows.map((r) => r.f.aozora),
      epaFactor: rows.map((r) => r.f.epa),
      profileR: Float64Array.from(rows, (r) => r.f.profileR),
      contributionR: Float64Array.from(rows, (r) => r.f.contributionR),
      species: rows.map((r) => r.s),
      shareAozora: Float64Array.from(rows, (r) => r.f.shareAozora[r.j]),
      shareEpa: Float64Array.from(rows, (r) => r.f.shareEpa[r.j]),
      shareDifference: Float64Array.from(rows, (r) => r.f.shareDifference[r.j]),
    },
    {
      aozoraFactor: { kind: "string" },
      epaFactor: { kind: "string" },
      profileR: { unit: "1" },
      contributionR: { unit: "1" },
      species: { kind: "string" },
      shareAozora: { unit: "%" },
      shareEpa: { unit: "%" },
      shareDifference: { unit: "percentage points" },
    },
  );
}
