/**
 * Preparation of a PMF problem: equation-based uncertainties, signal-to-noise (S/N), species
 * categories, missing values, exclusions and extra modeling uncertainty, following EPA PMF 5.0.
 *
 * References:
 * - Norris, G., Duvall, R., Brown, S., Bai, S. (2014) EPA Positive Matrix Factorization (PMF) 5.0
 *   Fundamentals and User Guide, EPA/600/R-14/108 (equation-based uncertainty, S/N, categories,
 *   missing values, extra modeling uncertainty).
 * - Paatero, P., Hopke, P.K. (2003) Discarding or downweighting high-noise variables in factor
 *   analytic models. Anal. Chim. Acta 490:277–289 (S/N categories strong / weak / bad).
 *
 * See CONVENTIONS.md §1 for which of these conventions are verified and which are "verify".
 */
import { PMF_MIN_UNCERTAINTY } from "./read-epapmf";
import { AozoraInputError } from "../io/errors";
import { median } from "../stats/median";
import type { PmfInput, PrepChange, SpeciesCategory, SpeciesSummary } from "./types";

const FILE = "<pmf input>";

/**
 * Relative tolerance used when comparing an S/N with a category threshold: an S/N within
 * 1e-9 (relative) of a threshold counts as *at* the threshold. Input files carry about ten
 * significant digits, so an S/N that is 1 up to that rounding (Baton Rouge "Unidentified",
 * x = 2·s as written: S/N = 0.999999999996) is treated as exactly 1.
 */
export const SN_THRESHOLD_TOLERANCE = 1e-9;

/** Result of {@link equationUncertainty}. */
export interface EquationUncertaintyResult {
  /** Concentrations, n×m row-major, same unit as the input; values ≤ MDL replaced by MDL/2. NaN stays NaN. */
  x: Float64Array;
  /** Uncertainties, n×m row-major, same unit as the input. NaN where x is NaN (missing). */
  s: Float64Array;
  /** One "below-mdl-replaced" change per replaced cell. */
  changes: PrepChange[];
}

/**
 * Equation-based uncertainty of EPA PMF 5.0 (Norris et al. 2014, EPA/600/R-14/108, §5.1):
 * - x ≤ MDL: the concentration is replaced by MDL/2 and s = 5/6 · MDL;
 * - x > MDL: s = sqrt((EF · x)² + (0.5 · MDL)²).
 *
 * Every replaced cell is recorded as a {@link PrepChange} of kind "below-mdl-replaced".
 * Missing cells (NaN) are left missing (x and s NaN) and are not recorded here; use
 * {@link preparePmfInput} to replace or drop them.
 *
 * @param x concentrations, n×m row-major (any concentration unit, e.g. µg/m3; NaN = missing).
 * @param n number of samples.
 * @param m number of species.
 * @param mdl method detection limit per species, in the unit of x; must be > 0.
 * @param errorFraction error fraction EF per species (dimensionless, e.g. 0.1 for 10 %); ≥ 0.
 * @param labels optional species and sample labels, used to name the species and sample in
 *   the recorded changes.
 * @returns new x and s matrices (in the unit of x) and the list of changes.
 * @throws {AozoraInputError} if the shapes disagree, an MDL is not > 0 or an EF is negative.
 */
export function equationUncertainty(
  x: Float64Array,
  n: number,
  m: number,
  mdl: number[],
  errorFraction: number[],
  labels?: { species?: string[]; samples?: string[] },
): EquationUncertaintyResult {
  if (x.length !== n * m)
    throw new AozoraInputError({
      file: FILE,
      expected: `an n×m concentration matrix (${n}×${m} = ${n * m} cells)`,
      found: `${x.length} cells`,
    });
  if (mdl.length !== m)
    throw new AozoraInputError({ file: FILE, expected: `one MDL per species (${m})`, found: `${mdl.length} MDLs` });
  if (errorFraction.length !== m)
    throw new AozoraInputError({
      file: FILE,
      expected: `one error fraction per species (${m})`,
      found: `${errorFraction.length} error fractions`,
    });
  const name = (j: number) => labels?.species?.[j] ?? `species ${j + 1}`;
  for (let j = 0; j < m; j++) {
    if (!(mdl[j] > 0) || !Number.isFinite(mdl[j]))
      throw new AozoraInputError({ file: FILE, column: name(j), expected: "a finite MDL > 0", found: String(mdl[j]) });
    if (!(errorFraction[j] >= 0) || !Number.isFinite(errorFraction[j]))
      throw new AozoraInputError({
        file: FILE,
        column: name(j),
        expected: "a finite error fraction ≥ 0",
        found: String(errorFraction[j]),
      });
  }
  const xo = new Float64Array(n * m);
  const so = new Float64Array(n * m);
  const changes: PrepChange[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const k = i * m + j;
      const v = x[k];
      const d = mdl[j];
      if (Number.isNaN(v)) {
        xo[k] = NaN;
        so[k] = NaN;
      } else if (v <= d) {
        xo[k] = d / 2;
        so[k] = (5 / 6) * d;
        const c: PrepChange = {
          kind: "below-mdl-replaced",
          sampleIndex: i,
          species: name(j),
          from: v,
          to: d / 2,
          reason: `x ≤ MDL (${d}): x = MDL/2, s = 5/6·MDL`,
        };
        const lab = labels?.samples?.[i];
        if (lab !== undefined) c.sample = lab;
        changes.push(c);
      } else {
        const a = errorFraction[j] * v;
        const b = 0.5 * d;
        xo[k] = v;
        so[k] = Math.sqrt(a * a + b * b);
      }
    }
  }
  return { x: xo, s: so, changes };
}

/** Options of {@link signalToNoise}. */
export interface SignalToNoiseOptions {
  /**
   * How missing cells (x or s NaN) enter the mean:
   * - "zero" (default): they count as samples with no signal (d = 0) and stay in the
   *   denominator n. This equals the S/N after EPA's median replacement (x = median,
   *   s = 4 × median gives d = 0) and ESAT's computation (sum over cells present / n).
   * - "exclude": they are left out of the mean (S/N of the measured cells only).
   */
  missing?: "zero" | "exclude";
}

/**
 * Signal-to-noise ratio per species, as in EPA PMF 5.0 (Norris et al. 2014,
 * EPA/600/R-14/108, §5.3, after Paatero & Hopke 2003, Anal. Chim. Acta 490:277):
 *
 *   d_ij = (x_ij − s_ij) / s_ij if x_ij > s_ij, else 0;   S/N_j = (1/n) Σ_i d_ij.
 *
 * Dimensionless. Cells with x ≤ s contribute 0 (x = s gives d = 0 either way, so "x > s" and
 * "x ≥ s" are the same). Missing cells (NaN in x or s) count as d = 0 by default (see
 * {@link SignalToNoiseOptions.missing}). A species with no usable cell gets S/N 0.
 *
 * @param x concentrations, n×m row-major.
 * @param s uncertainties, n×m row-major, same unit as x.
 * @param n number of samples.
 * @param m number of species.
 * @returns S/N per species (length m).
 * @throws {AozoraInputError} if the matrices are not n×m.
 */
export function signalToNoise(
  x: Float64Array,
  s: Float64Array,
  n: number,
  m: number,
  opts: SignalToNoiseOptions = {},
): Float64Array {
  if (x.length !== n * m || s.length !== n * m) {
    throw new AozoraInputError({
      file: FILE,
      expected: `n×m concentration and uncertainty matrices (${n}×${m} = ${n * m} cells)`,
      found: `${x.length} and ${s.length} cells`,
    });
  }
  const exclude = opts.missing === "exclude";
  const out = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let sum = 0;
    let count = 0;
    for (let i = 0; i < n; i++) {
      const xv = x[i * m + j];
      const sv = s[i * m + j];
      if (Number.isNaN(xv) || Number.isNaN(sv)) {
        if (!exclude) count++;
        continue;
      }
      count++;
      if (xv > sv) sum += (xv - sv) / sv;
    }
    out[j] = count > 0 ? sum / count : 0;
  }
  return out;
}

/** The data given to {@link preparePmfInput}: e.g. the fields of `readEpaPmf`'s result. */
export interface PmfPrepData {
  /** Concentrations, n×m row-major (NaN = missing). */
  x: Float64Array;
  /** Uncertainties, n×m row-major, same unit as x (NaN = missing; otherwise > 0). */
  s: Float64Array;
  n: number;
  m: number;
  /** Species names (length m). */
  species: string[];
  /** Unit of every species (length m), or one unit for all. */
  units: string[] | string;
  /** Sample labels (length n), e.g. the dates as written. */
  samples: string[];
  /** UTC instants (ms) of the samples (length n), when known. */
  times?: Float64Array;
  /** The site's UTC offset in minutes, passed through when times are given. */
  utcOffsetMinutes?: number;
}

/** Options of {@link preparePmfInput}. */
export interface PmfPrepOptions {
  /** Categories set by the user, by species name; they override automatic ones. */
  categories?: Record<string, SpeciesCategory>;
  /**
   * Set categories from S/N: S/N < bad → bad; bad ≤ S/N < weak → weak; otherwise strong.
   * `true` uses the defaults bad = 0.5, weak = 1 (EPA PMF 5.0 guidance, CONVENTIONS §1,
   * "verify"). Default false: every species is strong unless given.
   */
  autoCategories?: boolean | { bad?: number; weak?: number };
  /** The total variable (e.g. PM2.5 mass, TNMOC): set weak, kept in the fit. */
  total?: string;
  /** Extra modeling uncertainty, % (0–25, default 0). */
  extraUncertaintyPct?: number;
  /** Missing cells: "median" (default) replaces them, "drop-sample" removes the sample. */
  missing?: "median" | "drop-sample";
  /** Samples to exclude, by 0-based index (number) or label (string). */
  excludeSamples?: (number | string)[];
  /** Species to exclude, by name (listed in the summary as bad, "excluded by user"). */
  excludeSpecies?: string[];
}

/**
 * Prepare a PMF problem the EPA PMF 5.0 way (Norris et al. 2014, EPA/600/R-14/108; S/N
 * categories after Paatero & Hopke 2003, Anal. Chim. Acta 490:277). Steps, in order:
 *
 * 1. `excludeSamples` are removed ("sample-excluded").
 * 2. Missing cells (x or s NaN). "drop-sample": a sample with a missing cell in any species
 *    that is not excluded by the user nor given as bad is removed ("sample-excluded").
 *    "median": see step 6.
 * 3. S/N per species ({@link signalToNoise}) on the remaining samples with the uncertainties
 *    as given (before the weak ×3 and extra uncertainty; EPA reports S/N of the input data).
 *    Missing cells count as d = 0 in a mean over all samples, which is exactly the S/N after
 *    median replacement (x = median < s = 4 × median).
 * 4. Categories: strong by default ("default"); with `autoCategories`, S/N < bad → bad,
 *    bad ≤ S/N < weak → weak, else strong (an S/N within {@link SN_THRESHOLD_TOLERANCE} of a
 *    threshold counts as at it); `categories` override these ("given"); the `total` variable
 *    is weak ("total variable"); `excludeSpecies` are bad ("excluded by user"). Bad species are
 *    removed ("species-excluded").
 * 5. At least 2 species and 2 samples must remain.
 * 6. "median": a missing cell of a used species gets x = the species median over its
 *    non-missing samples and s = 4 × median ("missing-replaced", one per cell; the median must
 *    be > 0).
 * 7. Weak species: s × 3.
 * 8. Extra modeling uncertainty (CONVENTIONS §1, form "verify"): every cell
 *    s' = sqrt(s² + (pct/100 · x)²), after the weak ×3.
 *
 * Nothing is dropped or changed without a {@link PrepChange}. Concentrations and
 * uncertainties keep the units of the input (e.g. µg/m3).
 *
 * The summary holds every original species: S/N, category and reason, the share of the
 * remaining samples with x ≤ s (non-missing cells), and `missingShare`, the share of the
 * samples remaining after `excludeSamples` in which the cell was missing (replaced under
 * "median", the reason for dropping the sample under "drop-sample").
 *
 * @throws {AozoraInputError} (file "<pmf input>", column = species name) for an unknown species
 * in `categories`, `total` or `excludeSpecies`; a total given as strong/bad or excluded;
 * `extraUncertaintyPct` outside 0..25; auto thresholds not 0 ≤ bad ≤ weak; an unknown sample in
 * `excludeSamples`; a used species with all samples missing or with a median ≤ 0 to replace
 * missing cells; an uncertainty ≤ 0; fewer than 2 used species or samples; shapes that disagree.
 */
export function preparePmfInput(data: PmfPrepData, opts: PmfPrepOptions = {}): PmfInput {
  const { x, s, n, m, species, samples } = data;
  // ---- shape and option checks
  if (x.length !== n * m || s.length !== n * m)
    throw new AozoraInputError({
      file: FILE,
      expected: `n×m concentration and uncertainty matrices (${n}×${m} = ${n * m} cells)`,
      found: `${x.length} and ${s.length} cells`,
    });
  if (species.length !== m)
    throw new AozoraInputError({ file: FILE, expected: `${m} species names`, found: `${species.length}` });
  if (samples.length !== n)
    throw new AozoraInputError({ file: FILE, expected: `${n} sample labels`, found: `${samples.length}` });
  if (data.times && data.times.length !== n)
    throw new AozoraInputError({ file: FILE, expected: `${n} sample times`, found: `${data.times.length}` });
  const units = typeof data.units === "string" ? species.map(() => data.units as string) : data.units;
  if (units.length !== m)
    throw new AozoraInputError({
      file: FILE,
      expected: `${m} units (one per species) or one unit`,
      found: `${units.length} units`,
    });
  const index = new Map<string, number>();
  species.forEach((sp, j) => index.set(sp, j));
  const known = (sp: string, what: string) => {
    if (!index.has(sp))
      throw new AozoraInputError({
        file: FILE,
        column: sp,
        expected: `a species of the data in ${what} (${species.join(", ")})`,
        found: sp,
      });
    return index.get(sp) as number;
  };
  const given = new Map<number, SpeciesCategory>();
  for (const [sp, cat] of Object.entries(opts.categories ?? {})) {
    const j = known(sp, "categories");
    if (cat !== "strong" && cat !== "weak" && cat !== "bad")
      throw new AozoraInputError({
        file: FILE,
        column: sp,
        expected: 'a category "strong", "weak" or "bad"',
        found: String(cat),
      });
    given.set(j, cat);
  }
  const userExcluded = new Set<number>();
  for (const sp of opts.excludeSpecies ?? []) userExcluded.add(known(sp, "excludeSpecies"));
  let totalJ: number | undefined;
  if (opts.total !== undefined) {
    totalJ = known(opts.total, "total");
    if (userExcluded.has(totalJ))
      throw new AozoraInputError({
        file: FILE,
        column: opts.total,
        expected: "the total variable not in excludeSpecies (it stays in the fit)",
        found: opts.total,
      });
    const g = given.get(totalJ);
    if (g !== undefined && g !== "weak")
      throw new AozoraInputError({
        file: FILE,
        column: opts.total,
        expected: "the total variable weak (or not listed in categories)",
        found: g,
      });
  }
  const pct = opts.extraUncertaintyPct ?? 0;
  if (!(pct >= 0 && pct <= 25))
    throw new AozoraInputError({
      file: FILE,
      expected: "extraUncertaintyPct between 0 and 25 (%)",
      found: String(pct),
    });
  let auto: { bad: number; weak: number } | undefined;
  if (opts.autoCategories) {
    const a = opts.autoCategories === true ? {} : opts.autoCategories;
    auto = { bad: a.bad ?? 0.5, weak: a.weak ?? 1 };
    if (!(auto.bad >= 0 && auto.weak >= auto.bad && Number.isFinite(auto.weak)))
      throw new AozoraInputError({
        file: FILE,
        expected: "autoCategories thresholds with 0 ≤ bad ≤ weak",
        found: `bad ${auto.bad}, weak ${auto.weak}`,
      });
  }
  const missingMode = opts.missing ?? "median";
  if (missingMode !== "median" && missingMode !== "drop-sample")
    throw new AozoraInputError({
      file: FILE,
      expected: 'missing "median" or "drop-sample"',
      found: String(missingMode),
    });
  for (let k = 0; k < n * m; k++) {
    if (!Number.isNaN(s[k]) && !(s[k] >= PMF_MIN_UNCERTAINTY && s[k] < Infinity)) {
      const i = Math.floor(k / m);
      throw new AozoraInputError({
        file: FILE,
        column: species[k % m],
        expected: `a positive uncertainty, finite and at least ${PMF_MIN_UNCERTAINTY} (sample ${i}, "${samples[i]}")`,
        found: String(s[k]),
      });
    }
  }

  const changes: PrepChange[] = [];
  const isMissing = (i: number, j: number) => Number.isNaN(x[i * m + j]) || Number.isNaN(s[i * m + j]);

  // ---- 1. user sample exclusions
  const keep = new Array<boolean>(n).fill(true);
  const byLabel = new Map<string, number[]>();
  samples.forEach((lab, i) => {
    const l = byLabel.get(lab);
    if (l) l.push(i);
    else byLabel.set(lab, [i]);
  });
  for (const e of opts.excludeSamples ?? []) {
    let idx: number[];
    if (typeof e === "number") {
      if (!Number.isInteger(e) || e < 0 || e >= n)
        throw new AozoraInputError({
          file: FILE,
          expected: `a sample index 0..${n - 1} in excludeSamples`,
          found: String(e),
        });
      idx = [e];
    } else {
      const l = byLabel.get(e);
      if (!l)
        throw new AozoraInputError({ file: FILE, expected: "a sample label of the data in excludeSamples", found: e });
      idx = l;
    }
    for (const i of idx) {
      if (!keep[i]) continue;
      keep[i] = false;
      changes.push({ kind: "sample-excluded", sample: samples[i], sampleIndex: i, reason: "excluded by user" });
    }
  }
  const afterUser: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) afterUser.push(i);

  // missing shares and all-missing check, on the samples left after user exclusions
  const missingCount = new Array<number>(m).fill(0);
  for (const i of afterUser) for (let j = 0; j < m; j++) if (isMissing(i, j)) missingCount[j]++;
  const needed = (j: number) => !userExcluded.has(j) && given.get(j) !== "bad";
  for (let j = 0; j < m; j++) {
    if (needed(j) && afterUser.length > 0 && missingCount[j] === afterUser.length) {
      throw new AozoraInputError({
        file: FILE,
        column: species[j],
        expected: "at least one non-missing sample (or exclude the species)",
        found: `all ${afterUser.length} samples missing`,
      });
    }
  }

  // ---- 2. drop-sample
  if (missingMode === "drop-sample") {
    for (const i of afterUser) {
      const miss: string[] = [];
      for (let j = 0; j < m; j++) if (needed(j) && isMissing(i, j)) miss.push(species[j]);
      if (miss.length > 0) {
        keep[i] = false;
        changes.push({
          kind: "sample-excluded",
          sample: samples[i],
          sampleIndex: i,
          reason: `missing value in ${miss.join(", ")} (missing: "drop-sample")`,
        });
      }
    }
  }
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) rows.push(i);
  const nUsed = rows.length;

  // ---- 3. S/N on the remaining samples, uncertainties as given
  const xs = new Float64Array(nUsed * m);
  const ss = new Float64Array(nUsed * m);
  rows.forEach((i, r) => {
    for (let j = 0; j < m; j++) {
      xs[r * m + j] = x[i * m + j];
      ss[r * m + j] = s[i * m + j];
    }
  });
  const sn = signalToNoise(xs, ss, nUsed, m);

  // ---- 4. categories
  const tol = SN_THRESHOLD_TOLERANCE;
  const below = (v: number, t: number) => v < t - tol * Math.abs(t);
  const cats: SpeciesCategory[] = [];
  const reasons: string[] = [];
  for (let j = 0; j < m; j++) {
    let cat: SpeciesCategory = "strong";
    let reason = "default";
    if (auto) {
      if (below(sn[j], auto.bad)) [cat, reason] = ["bad", `auto (S/N < ${auto.bad})`];
      else if (below(sn[j], auto.weak)) [cat, reason] = ["weak", `auto (${auto.bad} ≤ S/N < ${auto.weak})`];
      else reason = `auto (S/N ≥ ${auto.weak})`;
    }
    const g = given.get(j);
    if (g !== undefined) [cat, reason] = [g, "given"];
    if (j === totalJ) [cat, reason] = ["weak", "total variable"];
    if (userExcluded.has(j)) [cat, reason] = ["bad", "excluded by user"];
    cats.push(cat);
    reasons.push(reason);
  }
  const used: number[] = [];
  for (let j = 0; j < m; j++) {
    if (cats[j] === "bad") {
      const why =
        reasons[j] === "excluded by user" ? "excluded by user" : `category bad (${reasons[j]}; S/N ${fmt(sn[j])})`;
      changes.push({ kind: "species-excluded", species: species[j], reason: why });
    } else used.push(j);
  }

  // ---- 5. size checks
  if (used.length < 2)
    throw new AozoraInputError({
      file: FILE,
      column: used.length === 1 ? species[used[0]] : undefined,
      expected: "at least 2 species used in the fit (not bad or excluded)",
      found: `${used.length}`,
    });
  if (nUsed < 2)
    throw new AozoraInputError({ file: FILE, expected: "at least 2 samples used in the fit", found: `${nUsed}` });

  // ---- 6–8. build the matrices
  const mUsed = used.length;
  const xo = new Float64Array(nUsed * mUsed);
  const so = new Float64Array(nUsed * mUsed);
  used.forEach((j, c) => {
    let med = NaN;
    if (missingCount[j] > 0 && missingMode === "median") {
      const vals: number[] = [];
      for (const i of rows) if (!isMissing(i, j)) vals.push(x[i * m + j]);
      med = median(vals);
      if (vals.length === 0)
        throw new AozoraInputError({
          file: FILE,
          column: species[j],
          expected: "at least one non-missing sample (or exclude the species)",
          found: `all ${nUsed} samples missing`,
        });
      if (!(med > 0))
        throw new AozoraInputError({
          file: FILE,
          column: species[j],
          expected: 'a median > 0 to replace missing values (s = 4 × median), or missing: "drop-sample"',
          found: String(med),
        });
    }
    const weakFactor = cats[j] === "weak" ? 3 : 1;
    rows.forEach((i, r) => {
      let xv = x[i * m + j];
      let sv = s[i * m + j];
      if (Number.isNaN(xv) || Number.isNaN(sv)) {
        const what = Number.isNaN(xv)
          ? Number.isNaN(sv)
            ? "concentration and uncertainty"
            : "concentration"
          : "uncertainty";
        changes.push({
          kind: "missing-replaced",
          sample: samples[i],
          sampleIndex: i,
          species: species[j],
          from: xv,
          to: med,
          reason: `missing ${what}: x = median ${fmt(med)}, s = 4 × median ${fmt(4 * med)}`,
        });
        xv = med;
        sv = 4 * med;
      }
      sv *= weakFactor;
      if (pct > 0) {
        const e = (pct / 100) * xv;
        sv = Math.sqrt(sv * sv + e * e);
      }
      xo[r * mUsed + c] = xv;
      so[r * mUsed + c] = sv;
    });
  });

  // ---- summary
  const summary: SpeciesSummary[] = species.map((name, j) => {
    let le = 0;
    let present = 0;
    for (let r = 0; r < nUsed; r++) {
      const xv = xs[r * m + j];
      const sv = ss[r * m + j];
      if (Number.isNaN(xv) || Number.isNaN(sv)) continue;
      present++;
      if (xv <= sv) le++;
    }
    return {
      name,
      sn: sn[j],
      category: cats[j],
      categoryReason: reasons[j],
      belowUncertaintyShare: present > 0 ? le / present : 0,
      missingShare: afterUser.length > 0 ? missingCount[j] / afterUser.length : 0,
      unit: units[j],
    };
  });

  const out: PmfInput = {
    species: used.map((j) => species[j]),
    units: used.map((j) => units[j]),
    categories: used.map((j) => cats[j] as "strong" | "weak"),
    samples: rows.map((i) => samples[i]),
    n: nUsed,
    m: mUsed,
    x: xo,
    s: so,
    summary,
    changes,
    extraUncertaintyPct: pct,
  };
  if (data.times) {
    const t = data.times;
    out.times = Float64Array.from(rows, (i) => t[i]);
    if (data.utcOffsetMinutes !== undefined) out.utcOffsetMinutes = data.utcOffsetMinutes;
  }
  if (opts.total !== undefined) out.total = opts.total;
  return out;
}

function fmt(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(6))) : String(v);
}
