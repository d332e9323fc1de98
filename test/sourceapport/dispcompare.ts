import { expect } from "vitest";
import type { DispResult } from "../../src/sourceapport/disp";

/** Largest |bound difference| over every element, level and side, as a fraction of the reference interval width. */
export function worstRelativeDifference(a: DispResult, ref: DispResult): number {
  let worst = 0;
  a.intervals.forEach((iv, c) => {
    const r = ref.intervals[c];
    expect([iv.k, iv.j]).toEqual([r.k, r.j]);
    r.up.forEach((_, l) => {
      const width = r.up[l] - r.down[l];
      const diff = Math.max(Math.abs(iv.up[l] - r.up[l]), Math.abs(iv.down[l] - r.down[l]));
      worst = Math.max(worst, width > 0 ? diff / width : diff === 0 ? 0 : Infinity);
    });
  });
  return worst;
}
