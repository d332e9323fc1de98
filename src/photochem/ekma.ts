/**
 * EKMA ozone isopleths from the observation-based box model (issue #22 item 4): {@link runObm} over a
 * grid of scalings of the observed VOC and NOx, the ridge line of maximum ozone, and the regime of
 * the observed point from the ridge, compared with the ratio indicators.
 * @packageDocumentation
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { hchoNo2Regime, vocNoxRegime, type OzoneRegime } from "../models/ozone/regime";
import { compileMechanism, type CompileMechanismOptions, type CompiledMechanism } from "./compile";
import type { Mechanism } from "./mechanism";
import { CB6R5_RIR_GROUPS, runObm, type ObmObservations, type ObmOptions, type ObmResult } from "./obm";

/**
 * Default scalings of the observed VOC and of the observed NOx (× observed): ten values from 0.1 to 2
 * that contain 1 (the observed point).
 */
export const EKMA_DEFAULT_SCALES: readonly number[] = [0.1, 0.2, 0.4, 0.6, 0.8, 1, 1.2, 1.4, 1.7, 2];

/**
 * Default band of the "transitional" regime (dimensionless): the observed point is transitional when
 * |∂O3/∂ln NOx| ≤ 0.2 × |∂O3/∂ln VOC|, i.e. a given fractional cut of NOx changes the metric by at most a
 * fifth of what the same cut of VOC does. aozora's choice, not a published value (see {@link ekmaRegime}).
 */
export const EKMA_TRANSITIONAL_BAND = 0.2;

/** Which metric of each grid cell. */
export type EkmaMetric = "peakO3" | "netPO3";

/** Options of {@link ekmaIsopleths}. */
export interface EkmaOptions {
  /** VOC scalings (× observed), strictly increasing, positive, containing 1 (default {@link EKMA_DEFAULT_SCALES}). */
  vocScales?: readonly number[];
  /** NOx scalings (× observed), strictly increasing, positive, containing 1 (default {@link EKMA_DEFAULT_SCALES}). */
  noxScales?: readonly number[];
  /**
   * The observed species scaled as "VOC" (default: the observed members of `CB6R5_RIR_GROUPS` AVOC and
   * BVOC, i.e. every held CB6r5 VOC; give e.g. `CB6R5_RIR_GROUPS.AVOC` for anthropogenic VOC only).
   */
  vocSpecies?: readonly string[];
  /** The observed species scaled as "NOx" (default the observed of NO and NO2). */
  noxSpecies?: readonly string[];
  /** The metric the ridge and the regime are taken from (default `"peakO3"`; both are computed per cell). */
  metric?: EkmaMetric;
  /** Band of the transitional regime (default {@link EKMA_TRANSITIONAL_BAND}). */
  transitionalBand?: number;
  /**
   * Worker threads (default 2). Each worker compiles the mechanism once and runs cells; the numbers do
   * not depend on the count. Without the compiled library (running from TypeScript sources) the cells
   * run in this thread.
   */
  workers?: number;
  /** Options of `compileMechanism` (the same for every cell). */
  compile?: CompileMechanismOptions;
  /**
   * The observed ratios for the indicator regimes: VOC (ppbC) and NOx (ppb) for `vocNoxRegime`, HCHO and
   * NO2 (ppb) for `hchoNo2Regime`. Defaults: `hchoPpb` the mean of observed `FORM`, `no2Ppb` and
   * `noxPpb` the means of observed NO2 and NO + NO2, over the daytime intervals of the last day; no
   * default for `vocPpbC` (lumped model species carry no carbon number: give it from the measured VOC).
   */
  indicators?: { vocPpbC?: number; noxPpb?: number; hchoPpb?: number; no2Ppb?: number };
  /** Called after each cell with the number done and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** The ridge at one VOC scaling. */
export interface EkmaRidgePoint {
  /** VOC scaling of the row. */
  vocScale: number;
  /** NOx scaling of the maximum of the metric along the row (interpolated). */
  noxScale: number;
  /** The metric at that maximum (of the interpolating quadratic). */
  value: number;
  /** `"below"`/`"above"` when the row's maximum is at the lowest/highest NOx scaling (the ridge lies outside the grid). */
  edge?: "below" | "above";
}

/** Regime of the observed point from a gridded surface ({@link ekmaRegime}). */
export interface EkmaRegime {
  /** The ridge line, one point per VOC scaling. */
  ridge: EkmaRidgePoint[];
  /** NOx scaling of the ridge at the observed VOC (scaling 1). */
  ridgeNoxAtObserved: number;
  /** Local derivatives of the metric at the observed point (units of the metric per unit ln scaling). */
  derivatives: { dLnNOx: number; dLnVOC: number };
  /** The regime: the side of the ridge, or transitional inside the band. */
  regime: OzoneRegime;
  /** The side of the ridge alone (NOx above the ridge: VOC-limited). */
  side: OzoneRegime;
  /** The band used. */
  band: number;
}

/** A gridded surface of one metric. */
export interface EkmaSurface {
  /** VOC scalings (rows). */
  vocScales: readonly number[];
  /** NOx scalings (columns). */
  noxScales: readonly number[];
  /** `values[i][j]` at VOC scaling i, NOx scaling j. */
  values: readonly (readonly number[])[];
}

/** Result of {@link ekmaIsopleths}. */
export interface EkmaResult {
  /** VOC scalings (× observed). */
  vocScales: number[];
  /** NOx scalings (× observed). */
  noxScales: number[];
  /** Peak O3 (ppb) of the last day of each run, `[iVoc][iNox]`. */
  peakO3: number[][];
  /** Daytime-integrated net P(O3) (ppb) of the last day of each run, `[iVoc][iNox]`. */
  netPO3: number[][];
  /** The metric of the ridge and regime. */
  metric: EkmaMetric;
  /** The species scaled as VOC and as NOx. */
  vocSpecies: string[];
  noxSpecies: string[];
  /** Means over the last day's intervals of the observed VOC (Σ of the scaled model species) and NOx, ppb, at scaling 1. */
  observed: { vocPpb: number; noxPpb: number };
  /** The ridge, derivatives and regime of the observed point. */
  regime: EkmaRegime;
  /** The indicator regimes of the observed ratios beside the EKMA regime. */
  comparison: EkmaComparison;
  /** Worker threads used. */
  workers: number;
}

/** The EKMA regime beside the ratio-indicator regimes. */
export interface EkmaComparison {
  ekma: OzoneRegime;
  /** `vocNoxRegime` of the given VOC (ppbC) / NOx (ppb); absent without `indicators.vocPpbC`. */
  vocNox?: { ratio: number; regime: OzoneRegime | undefined; agrees: boolean | undefined };
  /** `hchoNo2Regime` of HCHO / NO2; absent without HCHO. */
  hchoNo2?: { ratio: number; regime: OzoneRegime | undefined; agrees: boolean | undefined };
}

/** What every cell of a grid shares (plain data: it crosses to worker threads). */
export interface EkmaCellContext {
  obs: ObmObservations;
  opts: ObmOptions;
  vocSpecies: readonly string[];
  noxSpecies: readonly string[];
}

/** The two metrics of one cell. */
export interface EkmaCellValue {
  peakO3: number;
  netPO3: number;
}

/** Number of outputs in the last day of a run of `n` instants spaced `dtSec`. */
function lastDayCount(n: number, dtSec: number): number {
  return Math.min(n, Math.max(1, Math.round(86400 / dtSec)));
}

/**
 * The two EKMA metrics of one run: peak free O3 (ppb, the largest hourly output) and daytime-integrated
 * net P(O3) (ppb: Σ over daytime intervals of `budget.net` × interval length), both over the last day of
 * the run (the last 24 h of outputs; all of them for a shorter run).
 * @param r - a {@link runObm} result
 * @returns the two metrics
 * @throws {RangeError} when the run has no O3 species
 */
export function ekmaMetrics(r: ObmResult): EkmaCellValue {
  const n = r.timesUtc.length;
  const dt = n > 1 ? (r.timesUtc[1] - r.timesUtc[0]) / 1000 : 3600;
  const k = lastDayCount(n, dt);
  const o3 = r.ppb.O3;
  if (o3 === undefined) throw new RangeError("ekmaMetrics: the mechanism has no O3");
  let peak = -Infinity,
    p = 0;
  for (let i = n - k; i < n; i++) {
    if (o3[i] > peak) peak = o3[i];
    if (r.daytime[i]) p += r.budget.net[i] * (dt / 3600);
  }
  return { peakO3: peak, netPO3: p };
}

/**
 * Run one EKMA cell: the observations with the VOC species × `vocScale` and the NOx species × `noxScale`
 * in every hour (spin-up included), through {@link runObm}, and its {@link ekmaMetrics}.
 * @param compiled - from `compileMechanism`
 * @param ctx - observations, options and the scaled species
 * @param vocScale - VOC scaling (× observed)
 * @param noxScale - NOx scaling (× observed)
 * @returns the cell's peak O3 and daytime net P(O3) (ppb)
 * @throws RangeError and Error as {@link runObm}
 */
export function ekmaCell(
  compiled: CompiledMechanism,
  ctx: EkmaCellContext,
  vocScale: number,
  noxScale: number,
): EkmaCellValue {
  const ppb: Record<string, ArrayLike<number>> = { ...ctx.obs.ppb };
  for (const s of ctx.vocSpecies) ppb[s] = Float64Array.from(ctx.obs.ppb[s], (v) => v * vocScale);
  for (const s of ctx.noxSpecies) ppb[s] = Float64Array.from(ctx.obs.ppb[s], (v) => v * noxScale);
  return ekmaMetrics(runObm(compiled, { ...ctx.obs, ppb }, ctx.opts));
}

function checkScales(name: string, s: readonly number[]): number[] {
  if (s.length < 3) throw new RangeError(`ekmaIsopleths: ${name} needs at least 3 values, got ${s.length}`);
  for (let i = 0; i < s.length; i++)
    if (!(s[i] > 0) || !Number.isFinite(s[i]) || (i > 0 && !(s[i] > s[i - 1])))
      throw new RangeError(`ekmaIsopleths: ${name} must be positive, finite and strictly increasing (index ${i})`);
  if (!s.includes(1)) throw new RangeError(`ekmaIsopleths: ${name} must contain 1 (the observed point)`);
  return [...s];
}

/** Derivative at xs[j] of the quadratic through three grid points around j (one-sided at the ends). */
function gridDerivative(xs: readonly number[], ys: readonly number[], j: number): number {
  const a = Math.min(Math.max(j - 1, 0), xs.length - 3);
  const [x0, x1, x2] = [xs[a], xs[a + 1], xs[a + 2]];
  const [y0, y1, y2] = [ys[a], ys[a + 1], ys[a + 2]];
  const x = xs[j];
  // derivative of the Lagrange basis polynomials at x
  return (
    (y0 * (2 * x - x1 - x2)) / ((x0 - x1) * (x0 - x2)) +
    (y1 * (2 * x - x0 - x2)) / ((x1 - x0) * (x1 - x2)) +
    (y2 * (2 * x - x0 - x1)) / ((x2 - x0) * (x2 - x1))
  );
}

/** The maximum of one row: the vertex of the quadratic through the three cells around the largest value. */
function rowRidge(
  xs: readonly number[],
  ys: readonly number[],
): { x: number; value: number; edge?: "below" | "above" } {
  let j = 0;
  for (let q = 1; q < ys.length; q++) if (ys[q] > ys[j]) j = q;
  if (j === 0) return { x: xs[0], value: ys[0], edge: "below" };
  if (j === ys.length - 1) return { x: xs[j], value: ys[j], edge: "above" };
  const [x0, x1, x2] = [xs[j - 1], xs[j], xs[j + 1]];
  const [y0, y1, y2] = [ys[j - 1], ys[j], ys[j + 1]];
  // y = A x² + B x + C through the three points (divided differences)
  const d01 = (y1 - y0) / (x1 - x0),
    d12 = (y2 - y1) / (x2 - x1);
  const A = (d12 - d01) / (x2 - x0);
  const B = d01 - A * (x0 + x1);
  if (!(A < 0)) return { x: x1, value: y1 };
  const x = -B / (2 * A);
  return { x, value: y0 + d01 * (x - x0) + A * (x - x0) * (x - x1) };
}

/**
 * The ridge line and the regime of the observed point (scaling 1 × 1) on a gridded surface of an
 * EKMA metric (peak O3 or integrated P(O3)) over VOC × NOx scalings.
 *
 * - **Ridge**: for each VOC scaling, the NOx scaling of the maximum along the row, the vertex of the
 *   quadratic through the largest cell and its two neighbours (at the first/last NOx scaling the ridge
 *   lies outside the grid: `edge` is set and the grid end is returned). This is the line of the EKMA
 *   diagram that separates the VOC-limited part (more NOx lowers O3) from the NOx-limited part; NRC (1991,
 *   *Rethinking the Ozone Problem in Urban and Regional Air Pollution*, ch. 6, p. 163) on the diagram:
 *   "Isopleths (lines of constant value) of the maximum ozone concentrations can be constructed by
 *   connecting points that correspond to various initial conditions … they have been used
 *   quantitatively to develop control strategies for ozone reduction by the U.S. Environmental
 *   Protection Agency's EKMA (empirical kinetic modeling approach) (Dodge, 1977)".
 * - **Side**: the observed point (NOx scaling 1) is VOC-limited when it lies above the ridge at VOC
 *   scaling 1 (∂O3/∂NOx < 0), NOx-limited below it. Sillman (1999, *Atmos. Environ.* 33, 1821–1845,
 *   abstract): "a fundamental split into a NOx-sensitive and VOC-sensitive (or NOx-saturated) chemical
 *   regimes".
 * - **Transitional**: when |∂O3/∂ln NOx| ≤ `band` × |∂O3/∂ln VOC| at the observed point (a fractional
 *   NOx cut changes the metric by at most `band` times what the same VOC cut does: near the ridge both
 *   controls are not clearly separated). The derivatives are those of the quadratic through the point and
 *   its two grid neighbours along each axis (d/d ln s = s·d/ds = d/ds at s = 1). **No published band was
 *   found** for this rule: Sillman's papers classify model locations by the O3 change from equal
 *   percentage cuts of VOC and NOx, but the clause defining a mixed/transitional class could not be
 *   retrieved here; the default {@link EKMA_TRANSITIONAL_BAND} (0.2) is aozora's choice.
 *
 * @param surface - scalings and values (`values[iVoc][iNox]`)
 * @param band - the transitional band (default {@link EKMA_TRANSITIONAL_BAND})
 * @returns the ridge, the derivatives at the observed point, the regime and the side of the ridge
 * @throws {RangeError} when an axis has fewer than 3 scalings, is not positive and strictly increasing or
 *   lacks 1, the values do not match the axes or are not finite, or the band is negative
 */
export function ekmaRegime(surface: EkmaSurface, band = EKMA_TRANSITIONAL_BAND): EkmaRegime {
  const xs = checkScales("vocScales", surface.vocScales);
  const ns = checkScales("noxScales", surface.noxScales);
  if (!(band >= 0) || !Number.isFinite(band)) throw new RangeError(`ekmaRegime: band must be ≥ 0, got ${band}`);
  if (surface.values.length !== xs.length)
    throw new RangeError(`ekmaRegime: values has ${surface.values.length} rows for ${xs.length} VOC scalings`);
  surface.values.forEach((row, i) => {
    if (row.length !== ns.length)
      throw new RangeError(`ekmaRegime: values[${i}] has ${row.length} values for ${ns.length} NOx scalings`);
    row.forEach((v, j) => {
      if (!Number.isFinite(v)) throw new RangeError(`ekmaRegime: values[${i}][${j}] is not finite`);
    });
  });
  const ridge: EkmaRidgePoint[] = xs.map((v, i) => {
    const r = rowRidge(ns, surface.values[i]);
    return { vocScale: v, noxScale: r.x, value: r.value, ...(r.edge ? { edge: r.edge } : {}) };
  });
  const iv = xs.indexOf(1),
    jn = ns.indexOf(1);
  const r1 = ridge[iv];
  const dLnNOx = gridDerivative(ns, surface.values[iv], jn);
  const dLnVOC = gridDerivative(
    xs,
    xs.map((_, i) => surface.values[i][jn]),
    iv,
  );
  const above = r1.edge === "below" ? true : r1.edge === "above" ? false : 1 > r1.noxScale;
  const side: OzoneRegime =
    r1.edge === undefined && r1.noxScale === 1 ? "transitional" : above ? "VOC-limited" : "NOx-limited";
  const regime: OzoneRegime = Math.abs(dLnNOx) <= band * Math.abs(dLnVOC) ? "transitional" : side;
  return { ridge, ridgeNoxAtObserved: r1.noxScale, derivatives: { dLnNOx, dLnVOC }, regime, side, band };
}

/** Mean of `s` over the daytime intervals (J(NO2) > 0 is not known here: the `daytime` flags of a run) of the last day. */
function lastDayMean(s: ArrayLike<number>, flags: readonly boolean[] | undefined): number {
  const n = s.length;
  const k = Math.min(n, flags?.length ?? n);
  let a = 0,
    c = 0;
  for (let i = n - k; i < n; i++)
    if (!flags || flags[i - (n - k)]) {
      a += s[i];
      c++;
    }
  return c > 0 ? a / c : NaN;
}

/** The compiled worker script, when running from dist/ (from TypeScript sources there is none). */
function ekmaWorkerScript(): string | undefined {
  const f = join(__dirname, "ekma-worker.js");
  return existsSync(f) ? f : undefined;
}

/** An error as posted by the worker. */
interface PostedCellError {
  kind: "range" | "error";
  message: string;
}

/** Run the cells on `nw` workers (each compiles the mechanism once); results in cell order. */
function runOnWorkers(
  script: string,
  nw: number,
  mechanism: Mechanism,
  compile: CompileMechanismOptions | undefined,
  ctx: EkmaCellContext,
  cells: [number, number][],
  onDone: (done: number) => void,
): Promise<EkmaCellValue[]> {
  const results: EkmaCellValue[] = new Array(cells.length);
  let next = 0,
    done = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let over = false;
    const finish = (err?: unknown) => {
      if (over) return;
      over = true;
      for (const w of workers) void w.terminate();
      if (err) reject(err);
      else resolve(results);
    };
    const feed = (w: Worker) => {
      if (next >= cells.length) return;
      const i = next++;
      w.postMessage({ type: "cell", index: i, vocScale: cells[i][0], noxScale: cells[i][1] });
    };
    for (let k = 0; k < nw; k++) {
      const w = new Worker(script, { workerData: { mechanism, compile, ctx } });
      workers.push(w);
      w.on(
        "message",
        (msg: { type: "done"; index: number; value: EkmaCellValue } | { type: "error"; error: PostedCellError }) => {
          if (over) return;
          if (msg.type === "error") {
            finish(msg.error.kind === "range" ? new RangeError(msg.error.message) : new Error(msg.error.message));
            return;
          }
          results[msg.index] = msg.value;
          done++;
          onDone(done);
          if (done === cells.length) finish();
          else feed(w);
        },
      );
      w.on("error", (e) => finish(e));
      feed(w);
    }
  });
}

/**
 * EKMA isopleths from the observation-based box model: {@link runObm} on every cell of a grid of
 * scalings of the observed VOC (rows) × NOx (columns), each scaling applied to the observed series in
 * every hour (spin-up included), with two metrics per cell ({@link ekmaMetrics}: peak free O3 of the last
 * day, ppb; daytime-integrated net P(O3) of the last day, ppb); then the ridge line and the regime of the
 * observed point (1 × 1) from the ridge ({@link ekmaRegime}), beside the ratio-indicator regimes
 * (`vocNoxRegime`, `hchoNo2Regime`).
 *
 * The method is EKMA's (Dodge 1977, US EPA's Ozone Isopleth Plotting Package OZIPP; NRC 1991, p. 163:
 * ozone isopleth diagrams "depict the effect of reducing initial VOC and NOx concentrations on the peak
 * ozone concentrations"), with the box model constrained by the observations in place of OZIPP's
 * initial mixture and emissions: the observed point is the model's base case, and every other cell the
 * same day with the precursors scaled, as in the OBM-based isopleths of the Chinese studies (the same
 * procedure as `relativeIncrementalReactivity`'s reductions, on a grid). The 1 × 1 cell is the base run
 * itself (its metrics equal those of `runObm` on the observations).
 *
 * Cells are independent, so the grid runs on `workers` threads (default 2): the mechanism is sent once
 * to each worker (as parsed text, compiled there with `opts.compile`), then cells; the numbers do not
 * depend on the number of workers.
 *
 * @param mechanism - the parsed mechanism (`readChemmech`, `parseChemmech`, `readKpp`)
 * @param obs - the observations (mechanism species; see {@link runObm}); O3 must not be held
 * @param obmOptions - options of {@link runObm} (the same for every cell)
 * @param options - scalings, species, metric, band, workers, compile options, indicator ratios, progress
 * @returns both metric grids, the ridge, derivatives and regime, the indicator comparison
 * @throws {RangeError} when a scaling list is invalid (fewer than 3, not positive and increasing, no 1),
 *   no VOC or NOx species is observed or one named is not observed, O3 is held, `workers` is not a
 *   positive integer, an indicator value is negative; and what {@link runObm} throws for the observations
 * @throws {Error} when an integration fails (see `integrate`) or a worker thread fails
 */
export async function ekmaIsopleths(
  mechanism: Mechanism,
  obs: ObmObservations,
  obmOptions: ObmOptions,
  options: EkmaOptions = {},
): Promise<EkmaResult> {
  const vocScales = checkScales("vocScales", options.vocScales ?? EKMA_DEFAULT_SCALES);
  const noxScales = checkScales("noxScales", options.noxScales ?? EKMA_DEFAULT_SCALES);
  const observed = (s: string) => obs.ppb[s] !== undefined;
  const pick = (name: string, given: readonly string[] | undefined, dflt: readonly string[]) => {
    if (given) {
      for (const s of given)
        if (!observed(s)) throw new RangeError(`ekmaIsopleths: ${name} species ${s} is not observed`);
      if (given.length === 0) throw new RangeError(`ekmaIsopleths: ${name} species list is empty`);
      return [...given];
    }
    const list = dflt.filter(observed);
    if (list.length === 0) throw new RangeError(`ekmaIsopleths: no ${name} species observed (${dflt.join(", ")})`);
    return list;
  };
  const vocSpecies = pick("VOC", options.vocSpecies, [...CB6R5_RIR_GROUPS.AVOC, ...CB6R5_RIR_GROUPS.BVOC]);
  const noxSpecies = pick("NOx", options.noxSpecies, ["NO", "NO2"]);
  const free = new Set(obmOptions.free ?? ["O3"]);
  if (observed("O3") && !free.has("O3"))
    throw new RangeError("ekmaIsopleths: O3 is held (not in `free`); the isopleths need ozone produced by the model");
  const metric = options.metric ?? "peakO3";
  if (metric !== "peakO3" && metric !== "netPO3")
    throw new RangeError(`ekmaIsopleths: metric must be "peakO3" or "netPO3", got ${String(metric)}`);
  const band = options.transitionalBand ?? EKMA_TRANSITIONAL_BAND;
  if (!(band >= 0) || !Number.isFinite(band))
    throw new RangeError(`ekmaIsopleths: transitionalBand must be ≥ 0, got ${band}`);
  const requested = options.workers ?? 2;
  if (!Number.isInteger(requested) || requested < 1)
    throw new RangeError(`ekmaIsopleths: workers must be an integer ≥ 1, got ${requested}`);
  for (const [k, v] of Object.entries(options.indicators ?? {}))
    if (v !== undefined && !(v >= 0)) throw new RangeError(`ekmaIsopleths: indicators.${k} must be ≥ 0, got ${v}`);

  const ctx: EkmaCellContext = { obs, opts: obmOptions, vocSpecies, noxSpecies };
  const cells: [number, number][] = [];
  for (const v of vocScales) for (const n of noxScales) cells.push([v, n]);
  const total = cells.length;
  // the base cell first, in this thread: it checks the observations and options (runObm's errors arrive
  // here as themselves) and gives the daytime flags
  const compiled = compileMechanism(mechanism, options.compile);
  const base = runObm(compiled, obs, obmOptions);
  const baseValue = ekmaMetrics(base);
  const baseIndex = cells.findIndex(([v, n]) => v === 1 && n === 1);
  const rest = cells.filter((_, i) => i !== baseIndex);
  let doneCount = 1;
  options.onProgress?.(doneCount, total);
  const script = ekmaWorkerScript();
  const nw = script ? Math.max(1, Math.min(requested, rest.length)) : 1;
  let restValues: EkmaCellValue[];
  if (nw > 1 && script)
    restValues = await runOnWorkers(script, nw, mechanism, options.compile, ctx, rest, (d) =>
      options.onProgress?.(d + 1, total),
    );
  else
    restValues = rest.map(([v, n]) => {
      const value = ekmaCell(compiled, ctx, v, n);
      options.onProgress?.(++doneCount, total);
      return value;
    });
  const values: EkmaCellValue[] = [];
  for (let i = 0, q = 0; i < cells.length; i++) values.push(i === baseIndex ? baseValue : restValues[q++]);
  const grid = (key: EkmaMetric) =>
    vocScales.map((_, iv) => noxScales.map((_, jn) => values[iv * noxScales.length + jn][key]));
  const peakO3 = grid("peakO3");
  const netPO3 = grid("netPO3");
  const regime = ekmaRegime({ vocScales, noxScales, values: metric === "peakO3" ? peakO3 : netPO3 }, band);

  // observed means over the last day (all intervals) and the indicator ratios (daytime intervals)
  const n = obs.timesUtc.length;
  const dt = n > 1 ? (obs.timesUtc[1] - obs.timesUtc[0]) / 1000 : 3600;
  const k = lastDayCount(n, dt);
  const sumOf = (list: readonly string[]) =>
    Float64Array.from({ length: n }, (_, i) => list.reduce((a, s) => a + obs.ppb[s][i], 0));
  const allFlags = new Array<boolean>(k).fill(true);
  const dayFlags = base.daytime.slice(n - k);
  const ind = options.indicators ?? {};
  const noxObs = ["NO", "NO2"].filter(observed);
  const noxPpb = ind.noxPpb ?? (noxObs.length ? lastDayMean(sumOf(noxObs), dayFlags) : NaN);
  const no2Ppb = ind.no2Ppb ?? (observed("NO2") ? lastDayMean(obs.ppb.NO2, dayFlags) : NaN);
  const hchoPpb = ind.hchoPpb ?? (observed("FORM") ? lastDayMean(obs.ppb.FORM, dayFlags) : undefined);
  const agrees = (r: OzoneRegime | undefined) => (r === undefined ? undefined : r === regime.regime);
  const comparison: EkmaComparison = { ekma: regime.regime };
  if (ind.vocPpbC !== undefined) {
    const r = vocNoxRegime(ind.vocPpbC, noxPpb);
    comparison.vocNox = { ...r, agrees: agrees(r.regime) };
  }
  if (hchoPpb !== undefined) {
    const r = hchoNo2Regime(hchoPpb, no2Ppb);
    comparison.hchoNo2 = { ...r, agrees: agrees(r.regime) };
  }
  return {
    vocScales,
    noxScales,
    peakO3,
    netPO3,
    metric,
    vocSpecies,
    noxSpecies,
    observed: {
      vocPpb: lastDayMean(sumOf(vocSpecies), allFlags),
      noxPpb: lastDayMean(sumOf(noxSpecies), allFlags),
    },
    regime,
    comparison,
    workers: nw,
  };
}
