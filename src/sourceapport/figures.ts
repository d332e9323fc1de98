/**
 * Vega-Lite figures of a PMF solution, in the style of EPA PMF 5.0's plots: factor profiles
 * (concentration bars on a log scale with % of species as points), contribution time series,
 * factor fingerprints, scaled-residual box plots, observed versus predicted, G-space plots, and
 * Q/Qexp against the number of factors. Axis, legend and header words come from the figure label
 * table (English, Japanese, Chinese); render with `renderSvg` / `saveFigure` from src/figures.
 *
 * References: Norris, G. et al. (2014) EPA Positive Matrix Factorization (PMF) 5.0 Fundamentals and
 * User Guide, EPA/600/R-14/108 (profile, fingerprint, residual, observed/predicted and G-space
 * plots); Paatero, P., Tapper, U. (1994) Environmetrics 5:111 (Q, scaled residuals); Brown, S.G.
 * et al. (2015) Sci. Total Environ. 518–519:626 (reporting Q/Qexp across factor numbers).
 */

// @ts-ignore TS1479 under TypeScript 5.0 (tslab's checker, and what `npx tsc` runs here): it
// rejects even a type-only import of an ES module from a CommonJS file. TypeScript >= 5.8
// accepts it, so @ts-expect-error would fail there; the types resolve either way.
import type { TopLevelSpec } from "vega-lite";
import { label, type Lang } from "../figures/labels";
import {
  DEFAULT_HEIGHT,
  DEFAULT_WIDTH,
  fontFor,
  toLocalIso,
  SCHEMA,
  LOCAL_ISO_PARSE,
  specFrame,
  TIME_AXIS_FORMAT,
} from "../figures/specs";
import { estimateTextWidth } from "../figures/textwidth";
import { nameLabels } from "../figures/names";
import { formatOffset } from "../table/time";
import {
  checkPmfResult,
  gSpace,
  observedPredicted,
  profileMatrices,
  type ProfileMatrices,
  residuals,
  SCALED_RESIDUAL_FLAG,
  totalIndex,
} from "./diagnostics";
import type { PmfResult } from "./types";
import {
  withUnit,
  fontConfig,
  size,
  titleOf,
  labelAngle,
  commonUnit,
  finite,
  logDomain,
  speciesPanelX,
} from "./figurehelpers";

/** Factor and species names of a profile table in the figure language (see `nameLabels`). */
function labelled(pm: ProfileMatrices, lang: Lang): ProfileMatrices {
  return { ...pm, factorNames: nameLabels(pm.factorNames, lang), species: nameLabels(pm.species, lang) };
}

/** Colours of EPA PMF 5.0's profile plot: blue concentration bars, red % of species markers. */
const BAR_COLOUR = "#4c78a8";
const PERCENT_COLOUR = "#e45756";

/** Options shared by the PMF figures. */
export interface PmfFigureOptions {
  /** Label language (default `"en"`). */
  lang?: Lang;
  /** Figure title (optional). */
  title?: string;
  /**
   * Width in pixels: of the whole figure for single-panel figures (default 640), of each panel for
   * the one-row-per-factor figures ({@link profileSpec}, {@link contributionSpec}).
   */
  width?: number;
  /**
   * Height in pixels: of the whole figure for single-panel figures (default 320), of each factor's
   * panel for {@link profileSpec} and {@link contributionSpec} (default 120).
   */
  height?: number;
}

/**
 * Factor profiles as EPA PMF 5.0 plots them: one row per factor; bars of the concentration F_kj
 * of each species on a log scale (left axis; zero and negative values have no bar), and the
 * % of species total (100·F_kj·ḡ_k/Σ_k F_kj·ḡ_k) as square markers on a 0–100 % right axis.
 *
 * Each factor is one panel of a `vconcat` (its name as the panel title, species labels under the
 * last panel), with inline data rows `{ factor, species, concentration, percentOfSpecies }`
 * (`concentration` null where F_kj ≤ 0). `width`/`height` are per panel (defaults 640 × 120).
 *
 * @param result a PMF result
 * @param opts language, title, panel size
 * @returns a vertically concatenated, layered Vega-Lite spec
 */
export function profileSpec(result: PmfResult, opts: PmfFigureOptions = {}): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const { width, height } = size(opts, 120);
  const pm = labelled(profileMatrices(result), lang);
  const rows: { factor: string; species: string; concentration: number | null; percentOfSpecies: number | null }[] = [];
  for (let k = 0; k < pm.p; k++) {
    for (let j = 0; j < pm.m; j++) {
      const c = pm.concentration[k * pm.m + j];
      rows.push({
        factor: pm.factorNames[k],
        species: pm.species[j],
        concentration: Number.isFinite(c) && c > 0 ? c : null,
        percentOfSpecies: finite(pm.percentOfSpecies[k * pm.m + j]),
      });
    }
  }
  const font = fontFor(lang);
  const angle = labelAngle(pm.species, width);
  const concTitle = withUnit(label("concentration", lang), commonUnit(pm.units));
  const last = pm.p - 1;
  // One layered panel per factor, stacked vertically (vconcat). A faceted layer with per-layer
  // y scales leaves the log scale without a domain in Vega-Lite 6, so the rows are built here.
  return {
    $schema: SCHEMA,
    ...titleOf(opts),
    vconcat: pm.factorNames.map((name, k) => {
      const x = speciesPanelX(pm.species, k, last, angle, lang);
      return {
        title: { text: name, anchor: "start" as const, fontSize: 12 },
        width,
        height,
        data: { values: rows.filter((r) => r.factor === name) },
        layer: [
          {
            transform: [{ filter: "datum.concentration != null" }],
            mark: { type: "bar" as const, color: BAR_COLOUR },
            encoding: {
              x,
              y: {
                field: "concentration",
                type: "quantitative",
                scale: { type: "log", ...logDomain(rows.filter((r) => r.factor === name).map((r) => r.concentration)) },
                stack: null, // a stacked bar starts at 0, which a log scale cannot show
                axis: { titleColor: BAR_COLOUR, orient: "left" },
                title: concTitle,
              },
            },
          },
          {
            transform: [{ filter: "datum.percentOfSpecies != null" }],
            mark: { type: "point", shape: "square", filled: true, color: PERCENT_COLOUR, size: 30, opacity: 1 },
            encoding: {
              x,
              y: {
                field: "percentOfSpecies",
                type: "quantitative",
                scale: { domain: [0, 100] },
                axis: { titleColor: PERCENT_COLOUR, orient: "right" },
                title: label("percentOfSpecies", lang),
              },
            },
          },
        ],
        resolve: { scale: { y: "independent" } },
      };
    }),
    resolve: { scale: { y: "independent" } },
    config: fontConfig(font),
  };
}

/** Options of {@link contributionSpec}. */
export interface ContributionSpecOptions extends PmfFigureOptions {
  /**
   * Plot contributions in mass units of the total variable (G_ik·F_k,total) instead of the
   * normalised G (default false; needs a total variable).
   */
  mass?: boolean;
}

/**
 * Factor contributions over time, one row per factor (as EPA PMF 5.0's contribution plots): x is
 * the site's local time when the samples have times (axis title `Time (UTC+08:00)`), otherwise
 * the sample number (1-based); y is the normalised contribution (mean 1) or, with `mass`, the
 * contribution in the total variable's unit. Each row has its own y scale.
 *
 * Inline data rows: `{ factor, time | sample, value }`. `width`/`height` are per panel.
 *
 * @throws Error when `mass` is asked for without a total variable
 */
export function contributionSpec(result: PmfResult, opts: ContributionSpecOptions = {}): TopLevelSpec {
  checkPmfResult(result);
  const lang = opts.lang ?? "en";
  const { width, height } = size(opts, 120);
  const { p, G, F, input } = result;
  const factorNames = nameLabels(result.factorNames, lang);
  const { n, m } = input;
  const t = totalIndex(input);
  if (opts.mass && t < 0) throw new RangeError("contributionSpec: mass units need a total variable (input.total)");
  const scale = (k: number) => (opts.mass ? F[k * m + t] : 1);
  const offset = input.utcOffsetMinutes ?? 0;
  const rows: Record<string, string | number>[] = [];
  for (let k = 0; k < p; k++) {
    for (let i = 0; i < n; i++) {
      const v = G[i * p + k] * scale(k);
      if (!Number.isFinite(v)) continue;
      if (input.times) {
        if (!Number.isFinite(input.times[i])) continue;
        rows.push({ factor: factorNames[k], time: toLocalIso(input.times[i], offset), value: v });
      } else {
        rows.push({ factor: factorNames[k], sample: i + 1, value: v });
      }
    }
  }
  const x = input.times
    ? ({
        field: "time",
        type: "temporal",
        scale: { type: "utc" },
        axis: { format: TIME_AXIS_FORMAT },
        title: `${label("time", lang)} (UTC${formatOffset(offset)})`,
      } as const)
    : ({
        field: "sample",
        type: "quantitative",
        axis: { tickMinStep: 1, format: "d" },
        title: label("sample", lang),
      } as const);
  const yTitle = opts.mass
    ? withUnit(label("contribution", lang), input.units[t])
    : label("normalisedContribution", lang);
  const font = fontFor(lang);
  return {
    $schema: SCHEMA,
    ...titleOf(opts),
    data: input.times ? { values: rows, format: { parse: { time: LOCAL_ISO_PARSE } } } : { values: rows },
    facet: { row: { field: "factor", type: "nominal", sort: factorNames, header: { title: label("factor", lang) } } },
    spec: {
      width,
      height,
      layer: [
        {
          mark: { type: "line", strokeWidth: 1, color: BAR_COLOUR },
          encoding: { x, y: { field: "value", type: "quantitative", title: yTitle } },
        },
        {
          mark: { type: "point", filled: true, size: 12, color: BAR_COLOUR },
          encoding: { x, y: { field: "value", type: "quantitative", title: yTitle } },
        },
      ],
    },
    resolve: { scale: { y: "independent" } },
    config: fontConfig(font),
  };
}

/**
 * Factor fingerprints (EPA PMF 5.0): for each species a horizontal 100 % bar split by factor, each
 * part the factor's % of species total (100·F_kj·ḡ_k/Σ_k F_kj·ḡ_k).
 *
 * Inline data rows: `{ species, factor, factorIndex, percentOfSpecies }`.
 */
export function fingerprintSpec(result: PmfResult, opts: PmfFigureOptions = {}): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const { width, height } = size(opts);
  const pm = labelled(profileMatrices(result), lang);
  const rows: { species: string; factor: string; factorIndex: number; percentOfSpecies: number }[] = [];
  for (let j = 0; j < pm.m; j++) {
    for (let k = 0; k < pm.p; k++) {
      const v = pm.percentOfSpecies[k * pm.m + j];
      if (Number.isFinite(v))
        rows.push({ species: pm.species[j], factor: pm.factorNames[k], factorIndex: k, percentOfSpecies: v });
    }
  }
  const font = fontFor(lang);
  return {
    ...specFrame(opts.title, width, height),
    data: { values: rows },
    mark: { type: "bar" },
    encoding: {
      y: {
        field: "species",
        type: "nominal",
        sort: null,
        scale: { domain: pm.species },
        title: label("species", lang),
      },
      x: {
        field: "percentOfSpecies",
        type: "quantitative",
        stack: "zero",
        scale: { domain: [0, 100] },
        title: label("percentOfSpecies", lang),
      },
      color: { field: "factor", type: "nominal", scale: { domain: pm.factorNames }, title: label("factor", lang) },
      order: { field: "factorIndex", type: "quantitative" },
    },
    config: fontConfig(font),
  };
}

/** Options of {@link residualBoxSpec}. */
export interface ResidualBoxOptions extends PmfFigureOptions {
  /** Flag threshold on |r/s|, drawn as dashed rules at ± this value (default 3). */
  threshold?: number;
}

/**
 * Box plot of the scaled residuals r/s per species (box q1–q3 with the median, whiskers min–max;
 * type-7 quantiles from {@link residuals}), dashed rules at ±3, and the flagged residuals
 * (|r/s| > 3) as points (Norris et al. 2014).
 *
 * Inline data: per-layer rows `{ species, min, q1, median, q3, max }`, `{ species, value }`
 * (flagged cells) and `{ y }` (the ± threshold).
 */
export function residualBoxSpec(result: PmfResult, opts: ResidualBoxOptions = {}): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const { width, height } = size(opts);
  const threshold = opts.threshold ?? SCALED_RESIDUAL_FLAG;
  const res = residuals(result, { threshold });
  const species = result.input.species;
  const m = res.m;
  const boxes = res.species.filter((s) => s.count > 0).map((s) => ({ species: s.species, ...s.box }));
  const flagged: { species: string; value: number }[] = [];
  res.species.forEach((s, j) => {
    for (const i of s.flaggedIndices) flagged.push({ species: s.species, value: res.scaled[i * m + j] });
  });
  const x = {
    field: "species",
    type: "nominal",
    sort: null,
    scale: { domain: species },
    axis: { labelAngle: labelAngle(species, width) },
    title: label("species", lang),
  } as const;
  const yTitle = label("scaledResidual", lang);
  const font = fontFor(lang);
  return {
    ...specFrame(opts.title, width, height),
    layer: [
      {
        data: { values: boxes },
        mark: { type: "rule", color: "#555" },
        encoding: { x, y: { field: "min", type: "quantitative", title: yTitle }, y2: { field: "max" } },
      },
      {
        data: { values: boxes },
        mark: { type: "bar", color: BAR_COLOUR, opacity: 0.8, size: 14 },
        encoding: { x, y: { field: "q1", type: "quantitative", title: yTitle }, y2: { field: "q3" } },
      },
      {
        data: { values: boxes },
        mark: { type: "tick", color: "white", size: 14, thickness: 2 },
        encoding: { x, y: { field: "median", type: "quantitative", title: yTitle } },
      },
      {
        data: { values: flagged },
        mark: { type: "point", color: PERCENT_COLOUR, filled: true, size: 20 },
        encoding: { x, y: { field: "value", type: "quantitative", title: yTitle } },
      },
      {
        data: { values: [{ y: threshold }, { y: -threshold }] },
        mark: { type: "rule", color: PERCENT_COLOUR, strokeDash: [4, 4] },
        encoding: { y: { field: "y", type: "quantitative", title: yTitle } },
      },
    ],
    config: fontConfig(font),
  };
}

/**
 * Observed versus predicted concentrations of one species (EPA PMF 5.0): points
 * (predicted on x, observed on y), the 1:1 line (dashed grey) and the least-squares line of observed
 * on predicted (red). The default title gives r², slope and intercept (from {@link observedPredicted}).
 *
 * Inline data: per-layer rows `{ sample, predicted, observed }` and line end points `{ x, y }`.
 *
 * @param species species name or 0-based index among the fitted species
 * @throws Error when the species is not among the fitted species
 */
export function observedPredictedSpec(
  result: PmfResult,
  species: string | number,
  opts: PmfFigureOptions = {},
): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const { width, height } = size(opts);
  const { input } = result;
  const j = typeof species === "number" ? species : input.species.indexOf(species);
  if (!Number.isInteger(j) || j < 0 || j >= input.m)
    throw new RangeError(`observedPredictedSpec: no fitted species ${JSON.stringify(species)}`);
  const fit = observedPredicted(result);
  const sp = fit.species[j];
  const rows: { sample: string; predicted: number; observed: number }[] = [];
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < input.n; i++) {
    const pv = fit.predicted[i * input.m + j];
    const ov = input.x[i * input.m + j];
    if (!Number.isFinite(pv) || !Number.isFinite(ov)) continue;
    rows.push({ sample: input.samples[i], predicted: pv, observed: ov });
    lo = Math.min(lo, pv, ov);
    hi = Math.max(hi, pv, ov);
  }
  const one =
    rows.length > 0
      ? [
          { x: lo, y: lo },
          { x: hi, y: hi },
        ]
      : [];
  const ols =
    rows.length > 0 && Number.isFinite(sp.slope)
      ? [
          { x: lo, y: sp.slope * lo + sp.intercept },
          { x: hi, y: sp.slope * hi + sp.intercept },
        ]
      : [];
  const xTitle = withUnit(label("predicted", lang), sp.unit);
  const yTitle = withUnit(label("observed", lang), sp.unit);
  const fmt = (v: number) => (Number.isFinite(v) ? v.toPrecision(3) : "–");
  const title =
    opts.title ?? `${sp.species}: r² = ${fmt(sp.r2)}, slope = ${fmt(sp.slope)}, intercept = ${fmt(sp.intercept)}`;
  const font = fontFor(lang);
  return {
    ...specFrame(title, width, height),
    layer: [
      {
        data: { values: one },
        mark: { type: "line", color: "#999", strokeDash: [4, 4] },
        encoding: {
          x: { field: "x", type: "quantitative", title: xTitle },
          y: { field: "y", type: "quantitative", title: yTitle },
        },
      },
      {
        data: { values: ols },
        mark: { type: "line", color: PERCENT_COLOUR },
        encoding: {
          x: { field: "x", type: "quantitative", title: xTitle },
          y: { field: "y", type: "quantitative", title: yTitle },
        },
      },
      {
        data: { values: rows },
        mark: { type: "point", filled: true, color: BAR_COLOUR, size: 20 },
        encoding: {
          x: { field: "predicted", type: "quantitative", title: xTitle },
          y: { field: "observed", type: "quantitative", title: yTitle },
        },
      },
    ],
    config: fontConfig(font),
  };
}

/**
 * G-space plot of two factors (EPA PMF 5.0): normalised contributions G_ia (x) against
 * G_ib (y), one point per sample. Samples along an axis with the other factor near 0 indicate
 * well-separated factors; a missing edge suggests rotational ambiguity (Paatero et al. 2005,
 * Atmos. Environ. 39:193).
 * The default title gives the Pearson r.
 *
 * Inline data rows: `{ sample, a, b }`.
 *
 * @param a first factor, 0-based (x)
 * @param b second factor, 0-based (y)
 */
export function gSpaceSpec(result: PmfResult, a: number, b: number, opts: PmfFigureOptions = {}): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const { width, height } = size(opts);
  const g = gSpace(result, a, b);
  const rows = g.samples
    .map((sample, i) => ({ sample, a: g.ga[i], b: g.gb[i] }))
    .filter((r) => Number.isFinite(r.a) && Number.isFinite(r.b));
  const base = label("normalisedContribution", lang);
  const title = opts.title ?? `${g.factorA} / ${g.factorB}: r = ${Number.isFinite(g.r) ? g.r.toFixed(2) : "–"}`;
  const font = fontFor(lang);
  return {
    ...specFrame(title, width, height),
    data: { values: rows },
    mark: { type: "point", filled: true, color: BAR_COLOUR, size: 20 },
    encoding: {
      x: { field: "a", type: "quantitative", title: `${base}: ${g.factorA}` },
      y: { field: "b", type: "quantitative", title: `${base}: ${g.factorB}` },
    },
    config: fontConfig(font),
  };
}

/** One point of a factor-number scan (see {@link qScanSpec}). */
export interface QScanPoint {
  /** Number of factors p. */
  factors: number;
  /** Q(robust) of the reported (lowest-Q) run with p factors. */
  qRobust: number;
  /** Q(expected) = n·m − p·(n + m) for p factors. */
  qExpected: number;
}

/**
 * Q(robust)/Q(expected) against the number of factors, with a dashed reference line at 1: the
 * usual aid for choosing the number of factors (a ratio near 1 and a flattening decrease;
 * Norris et al. 2014; Brown et al. 2015, Sci. Total Environ. 518:626). Points with a
 * non-finite ratio or Qexp ≤ 0 are dropped.
 *
 * Inline data rows: `{ factors, ratio }` sorted by `factors`.
 *
 * @throws Error when `points` is empty
 */
export function qScanSpec(points: QScanPoint[], opts: PmfFigureOptions = {}): TopLevelSpec {
  if (points.length === 0) throw new RangeError("qScanSpec: no points");
  const lang = opts.lang ?? "en";
  const { width, height } = size(opts);
  const rows = points
    .filter((q) => q.qExpected > 0 && Number.isFinite(q.qRobust / q.qExpected))
    .map((q) => ({ factors: q.factors, ratio: q.qRobust / q.qExpected }))
    .sort((u, v) => u.factors - v.factors);
  const x = {
    field: "factors",
    type: "quantitative",
    axis: { tickMinStep: 1, format: "d" },
    title: label("numberOfFactors", lang),
  } as const;
  const y = { field: "ratio", type: "quantitative", title: label("qOverQexp", lang) } as const;
  const font = fontFor(lang);
  return {
    ...specFrame(opts.title, width, height),
    layer: [
      { data: { values: rows }, mark: { type: "line", color: BAR_COLOUR }, encoding: { x, y } },
      {
        data: { values: rows },
        mark: { type: "point", filled: true, color: BAR_COLOUR, size: 40 },
        encoding: { x, y },
      },
      { data: { values: [{ ratio: 1 }] }, mark: { type: "rule", color: "#999", strokeDash: [4, 4] }, encoding: { y } },
    ],
    config: fontConfig(font),
  };
}
