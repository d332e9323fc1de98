/**
 * Vega-Lite figures of openair's polarFreq, the kernel-weighted two-pollutant polar statistics,
 * corPlot and conditionalQuantile (issue #18); labels en/ja/zh.
 */
// @ts-ignore TS1479 under TypeScript 5.0 (see src/figures/specs.ts)
import type { TopLevelSpec } from "vega-lite";
import { withUnit } from "../figures/specs";
import { arcEncoding, base, niceRings, polarFrame, type PolarFigureOptions } from "./figures";
import { dirLabel } from "./labels";
import type { PolarFreqResult } from "./polarfreq";

const D2R = Math.PI / 180;

/**
 * {@link polarFreq} cells as wedges: direction around, speed interval outward (rings in m/s),
 * colour = the statistic on a square-root scale (openair's default `trans = TRUE`). With
 * `openairNorthSplit` the 0° and 360° cells are drawn at the same place, 360° on top, as openair.
 * `unit` is the values' unit (ignored for `frequency` and `weighted-mean`).
 */
export function polarFreqSpec(res: PolarFreqResult, unit = "", opts: PolarFigureOptions = {}): TopLevelSpec {
  const lang = opts.lang ?? "en",
    size = opts.size ?? 420;
  const R = size / 2 - 24;
  const w = res.sectorWidth;
  const maxWs = Math.max(res.maxWs, 1e-9);
  const data = [...res.cells]
    .sort((a, b) => a.wd - b.wd)
    .map((c) => ({
      t0: (c.wd - w / 2) * D2R,
      t1: (c.wd + w / 2) * D2R,
      r0: (c.wsLo / maxWs) * R,
      r1: (c.wsHi / maxWs) * R,
      value: c.value,
      n: c.n,
      wd: c.wd,
      ws: `${c.wsLo}–${c.wsHi}`,
    }));
  const key = {
    frequency: "count",
    mean: "mean",
    median: "median",
    max: "max",
    stdev: "stdev",
    "weighted-mean": "contribution",
  }[res.statistic];
  const legend =
    res.statistic === "frequency" || res.statistic === "weighted-mean"
      ? dirLabel(key, lang)
      : withUnit(dirLabel(key, lang), unit);
  return base(size, lang, opts.title ?? dirLabel("polarFreq", lang), [
    {
      data: { values: data },
      mark: { type: "arc", stroke: null },
      encoding: {
        ...arcEncoding({
          field: "value",
          type: "quantitative",
          scale: { type: "sqrt", scheme: opts.scheme ?? "viridis", zero: true },
          title: legend,
        }),
        tooltip: [{ field: "wd" }, { field: "ws" }, { field: "value", format: ".4g" }, { field: "n" }],
      },
    },
    ...polarFrame(size, maxWs, niceRings(maxWs), " m/s", lang),
  ]);
}
