/** Vega-Lite figures of openair's smoothTrend and conditionalQuantile (issue #18); labels en/ja/zh. */
// @ts-ignore TS1479 under TypeScript 5.0 (see src/figures/specs.ts)
import type { TopLevelSpec } from "vega-lite";
import type { Lang } from "../figures/labels";
import {
  LOCAL_ISO_PARSE,
  TIME_AXIS_FORMAT,
  checkSize,
  fontConfig,
  fontFor,
  specFrame,
  toLocalIso,
  withUnit,
} from "../figures/specs";
import { formatOffset } from "../table/time";
import { dirLabel } from "./labels";
import type { SmoothTrendResult } from "./smoothtrend";

/**
 * {@link smoothTrend} as openair draws it: the period values (points joined by a thin line), the
 * GAM curve and its band (shaded; the level and whether analytic or bootstrap in the legend),
 * against local time at the site's offset. `unit` is the values' unit.
 * @throws {RangeError} when the size is not positive
 */
export function smoothTrendSpec(
  res: SmoothTrendResult,
  unit: string,
  opts: { lang?: Lang; title?: string; width?: number; height?: number } = {},
): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const { width, height } = checkSize(opts.width, opts.height, 300);
  const off = res.utcOffsetMinutes;
  const pts = res.periods.filter((p) => Number.isFinite(p.y)).map((p) => ({ time: toLocalIso(p.time, off), y: p.y }));
  const curve = res.fit.map((p) => ({ time: toLocalIso(p.time, off), pred: p.pred, lower: p.lower, upper: p.upper }));
  const meanKey = res.avgTime === "month" ? "monthlyMean" : res.avgTime === "season" ? "seasonalMean" : "annualMean";
  const yTitle = withUnit(
    dirLabel(meanKey, lang) + (res.deseasonalised ? ` (${dirLabel("deseasonalised", lang)})` : ""),
    unit,
  );
  const bandName = `${Math.round(res.level * 100)} % ${dirLabel("interval", lang)}${res.band === "bootstrap" ? ` (${dirLabel("bootstrap", lang)})` : ""}`;
  const names = [dirLabel(meanKey, lang), dirLabel("gamFit", lang), bandName];
  const colour = {
    field: "what",
    type: "nominal",
    scale: { domain: names, range: ["#4c78a8", "#e45756", "#f2a5a4"] },
    title: null,
  };
  const x = {
    field: "time",
    type: "temporal",
    scale: { type: "utc" },
    axis: { format: TIME_AXIS_FORMAT, formatType: "utc" },
    title: `${dirLabel("time", lang)} (UTC${formatOffset(off)})`,
  };
  const parse = { format: { parse: { time: LOCAL_ISO_PARSE } } };
  return {
    ...specFrame(opts.title ?? dirLabel("smoothTrend", lang), width, height),
    layer: [
      {
        data: { values: curve.map((c) => ({ ...c, what: names[2] })), ...parse },
        mark: { type: "area", opacity: 0.45 },
        encoding: {
          x,
          y: { field: "lower", type: "quantitative", title: yTitle, scale: { zero: false } },
          y2: { field: "upper" },
          color: colour,
        },
      },
      {
        data: { values: pts.map((p) => ({ ...p, what: names[0] })), ...parse },
        mark: { type: "line", point: { size: 18 }, strokeWidth: 0.8 },
        encoding: { x, y: { field: "y", type: "quantitative" }, color: colour },
      },
      {
        data: { values: curve.map((c) => ({ ...c, what: names[1] })), ...parse },
        mark: { type: "line", strokeWidth: 2.2 },
        encoding: { x, y: { field: "pred", type: "quantitative" }, color: colour },
      },
    ],
    config: fontConfig(fontFor(lang)),
  } as TopLevelSpec;
}
