import { bootstrapTwoSample, type TwoSampleBootstrap } from "./bootstraptwosample";

/** Units (lots or shifts) of one group: numerator (e.g. energy, MJ) and denominator (e.g. production, kg) per unit. */
export interface RatioSample {
  num: ArrayLike<number>;
  den: ArrayLike<number>;
}

function check(s: RatioSample, what: string): void {
  if (s.num.length !== s.den.length)
    throw new RangeError(
      `bootstrapRatioOfRatios: ${what} has ${s.num.length} numerators and ${s.den.length} denominators`,
    );
  for (let i = 0; i < s.num.length; i++) {
    if (!Number.isFinite(s.num[i]) || !Number.isFinite(s.den[i]))
      throw new RangeError(`bootstrapRatioOfRatios: ${what} unit ${i} is not finite`);
  }
}

function ratio(s: RatioSample, idx: Int32Array): number {
  let a = 0,
    b = 0;
  for (let k = 0; k < idx.length; k++) {
    a += s.num[idx[k]];
    b += s.den[idx[k]];
  }
  return a / b;
}

/**
 * Ratio of two ratios of totals, R = (ΣE_a/ΣP_a)/(ΣE_b/ΣP_b) (e.g. SEC of the new machines over
 * SEC of the old), with a stratified bootstrap interval (percentile by default, or BCa)
 * resampling whole units (lots or shifts) within each group (Efron & Tibshirani 1993; ratio estimator as in Cochran,
 * Sampling Techniques, 3rd ed., §6.2). Seeded.
 */
export function bootstrapRatioOfRatios(
  a: RatioSample,
  b: RatioSample,
  opts: { replicates?: number; seed: number; confidence?: number; interval?: "percentile" | "bca" },
): TwoSampleBootstrap {
  check(a, "sample a");
  check(b, "sample b");
  return bootstrapTwoSample(a.num.length, b.num.length, (ia, ib) => ratio(a, ia) / ratio(b, ib), opts);
}
