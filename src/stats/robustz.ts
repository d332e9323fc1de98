import { median } from "./median";
/** Result of {@link robustZ}. */
export interface RobustZResult {
  /** z_i = (x_i − median)/(1.4826·MAD); NaN where x_i is NaN or the scale is 0. */
  z: Float64Array;
  median: number;
  /** Median absolute deviation from the median (unscaled). */
  mad: number;
  /** Robust standard deviation 1.4826·MAD (consistent with σ for normal data). */
  scale: number;
  /** Finite values used. */
  n: number;
}

/**
 * Robust z-scores by median and MAD: z = (x − med)/(1.4826·MAD), 1.4826 = 1/Φ⁻¹(0.75) making the
 * MAD consistent with the standard deviation of normal data (Iglewicz & Hoaglin 1993, How to Detect
 * and Handle Outliers, §2.2 — their "modified z" 0.6745·(x − med)/MAD is the same number; ISO
 * 13528:2022 §C.2, MADe). NaN values are ignored in the median and MAD and get NaN z.
 * @param values data (any unit)
 */
export function robustZ(values: ArrayLike<number>): RobustZResult {
  const fin: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) fin.push(values[i]);
  const z = new Float64Array(values.length).fill(NaN);
  if (fin.length === 0) return { z, median: NaN, mad: NaN, scale: NaN, n: 0 };
  const med = median(fin);
  const mad = median(fin.map((v) => Math.abs(v - med)));
  const scale = 1.482602218505602 * mad;
  if (scale > 0) for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) z[i] = (values[i] - med) / scale;
  return { z, median: med, mad, scale, n: fin.length };
}
