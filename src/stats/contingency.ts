/** The 2 × 2 contingency table of a yes/no forecast of an event and its scores ({@link eventScores}). */
export interface EventScores {
  /** Hits a: event forecast and observed. */
  hits: number;
  /** False alarms b: forecast, not observed. */
  falseAlarms: number;
  /** Misses c: observed, not forecast. */
  misses: number;
  /** Correct negatives d: neither. */
  correctNegatives: number;
  /** Probability of detection (hit rate) a / (a + c). */
  POD: number;
  /** False alarm ratio b / (a + b). */
  FAR: number;
  /** Critical success index (threat score) a / (a + b + c). */
  CSI: number;
  /** Proportion correct (a + d) / n. */
  accuracy: number;
  /** Frequency bias (a + b) / (a + c). */
  bias: number;
  /** Heidke skill score 2(ad − bc) / ((a + c)(c + d) + (a + b)(b + d)). */
  HSS: number;
}

/**
 * Scores of a yes/no forecast of an event (e.g. daily AQI > 200, an alert threshold) from paired
 * forecast and observed values: the event is `value ≥ threshold` (or `> threshold` with
 * `strict`). Pairs where either value is not finite are left out. Definitions of Wilks, D. S.
 * (2011), *Statistical Methods in the Atmospheric Sciences*, 3rd ed., §8.2 (the 2 × 2 contingency table)
 * and the WWRP/WGNE Joint Working Group on Forecast Verification's "Forecast verification:
 * methods" pages: POD = a/(a + c), FAR = b/(a + b), CSI = a/(a + b + c), PC = (a + d)/n,
 * B = (a + b)/(a + c), HSS = 2(ad − bc)/[(a + c)(c + d) + (a + b)(b + d)]. A ratio with a zero
 * denominator is NaN. All scores dimensionless.
 *
 * @param forecast forecast values (any unit)
 * @param observed observed values paired with `forecast` (same unit)
 * @param threshold the event threshold (same unit)
 * @param strict the event is `value > threshold` instead of `≥` (default false)
 * @throws {RangeError} when the arrays differ in length or the threshold is not finite
 */
export function eventScores(
  forecast: ArrayLike<number>,
  observed: ArrayLike<number>,
  threshold: number,
  strict = false,
): EventScores {
  if (forecast.length !== observed.length)
    throw new RangeError(`eventScores: forecast has ${forecast.length} values, observed has ${observed.length}`);
  if (!Number.isFinite(threshold)) throw new RangeError(`eventScores: threshold must be finite, got ${threshold}`);
  const isEvent = (v: number) => (strict ? v > threshold : v >= threshold);
  let a = 0,
    b = 0,
    c = 0,
    d = 0;
  for (let i = 0; i < forecast.length; i++) {
    if (!Number.isFinite(forecast[i]) || !Number.isFinite(observed[i])) continue;
    const f = isEvent(forecast[i]),
      o = isEvent(observed[i]);
    if (f && o) a++;
    else if (f) b++;
    else if (o) c++;
    else d++;
  }
  const n = a + b + c + d;
  const ratio = (x: number, y: number) => (y === 0 ? NaN : x / y);
  return {
    hits: a,
    falseAlarms: b,
    misses: c,
    correctNegatives: d,
    POD: ratio(a, a + c),
    FAR: ratio(b, a + b),
    CSI: ratio(a, a + b + c),
    accuracy: ratio(a + d, n),
    bias: ratio(a + b, a + c),
    HSS: ratio(2 * (a * d - b * c), (a + c) * (c + d) + (a + b) * (b + d)),
  };
}

/**
 * The K × K contingency table of categorical forecasts (e.g. AQI categories 1–6) and the
 * multi-category Heidke skill score, HSS = [Σᵢ p(yᵢ, oᵢ) − Σᵢ p(yᵢ) p(oᵢ)] / [1 − Σᵢ p(yᵢ) p(oᵢ)]
 * (Wilks 2011, §8.2, the multicategory generalisation of the HSS), with p(yᵢ, oⱼ) the joint relative frequencies and p(yᵢ), p(oᵢ) the
 * forecast and observed marginals; proportion correct Σᵢ p(yᵢ, oᵢ). Pairs where either category is
 * not one of `categories` (a missing forecast or observation) are left out and counted.
 *
 * @param forecast forecast categories
 * @param observed observed categories, paired with `forecast`
 * @param categories the K categories in order (table rows: forecast; columns: observed)
 * @returns `table[i][j]` = number of pairs with forecast category i and observed category j
 * @throws {RangeError} when the arrays differ in length or `categories` is empty or repeats a value
 */
export function categoryScores<T>(
  forecast: readonly T[],
  observed: readonly T[],
  categories: readonly T[],
): { table: number[][]; n: number; leftOut: number; accuracy: number; HSS: number } {
  if (forecast.length !== observed.length)
    throw new RangeError(`categoryScores: forecast has ${forecast.length} values, observed has ${observed.length}`);
  const index = new Map<T, number>();
  categories.forEach((c, i) => index.set(c, i));
  if (categories.length === 0 || index.size !== categories.length)
    throw new RangeError("categoryScores: categories must be non-empty and distinct");
  const K = categories.length;
  const table = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  let n = 0,
    leftOut = 0;
  for (let i = 0; i < forecast.length; i++) {
    const f = index.get(forecast[i]),
      o = index.get(observed[i]);
    if (f === undefined || o === undefined) {
      leftOut++;
      continue;
    }
    table[f][o]++;
    n++;
  }
  let pc = 0,
    chance = 0;
  for (let i = 0; i < K; i++) {
    let row = 0,
      col = 0;
    for (let j = 0; j < K; j++) {
      row += table[i][j];
      col += table[j][i];
    }
    pc += table[i][i] / n;
    chance += (row / n) * (col / n);
  }
  return { table, n, leftOut, accuracy: n ? pc : NaN, HSS: n ? (pc - chance) / (1 - chance) : NaN };
}
