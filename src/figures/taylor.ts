// @ts-ignore TS1479 under TypeScript 5.0 (see src/figures/specs.ts)
import type { TopLevelSpec } from "vega-lite";
import type { TaylorStats } from "../stats/taylor";
import { labelLookup, type Lang } from "./labels";
import { checkSize, fontConfig, fontFor, specFrame } from "./specs";

/** Words of the Taylor diagram in English, Japanese and (simplified) Chinese. */
export const TAYLOR_LABELS = {
  sdNorm: { en: "Standard deviation (normalised)", ja: "標準偏差（規格化）", zh: "标准差（归一化）" },
  correlation: { en: "Correlation", ja: "相関係数", zh: "相关系数" },
  observed: { en: "Observed", ja: "観測値", zh: "观测值" },
  crmsd: { en: "Centred RMS difference", ja: "中心化 RMS 差", zh: "中心化均方根差" },
  group: { en: "Method", ja: "手法", zh: "方法" },
  notShown: {
    en: "r < 0 or undefined, not shown",
    ja: "r < 0 または算出不能のため非表示",
    zh: "r < 0 或无法计算，未显示",
  },
} as const;

const tlabel = labelLookup(TAYLOR_LABELS, "Taylor diagram");

/** One point of {@link taylorDiagram}: a name (method, group) and its {@link TaylorStats}. */
export interface TaylorPoint {
  /** Legend text of the point (e.g. "MLR", "forest, lead 2"). */
  name: string;
  stats: TaylorStats;
}

/** Options of {@link taylorDiagram}. */
export interface TaylorDiagramOptions {
  lang?: Lang;
  /** Figure size in pixels (default 560 × 520: the plot area is square). */
  width?: number;
  height?: number;
  title?: string;
  /** Legend title (default "Method" in the figure language). */
  legendTitle?: string;
}

/** R's `pretty` step for 0 … max in about n intervals: 1, 2, 2.5 or 5 × 10^k. */
function niceStep(max: number, n: number): number {
  const raw = max / n;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

/**
 * A Taylor diagram (Taylor, K. E. (2001), J. Geophys. Res. 106 (D7), 7183–7192) as Vega-Lite,
 * laid out as openair's `TaylorDiagram(…, normalise = TRUE)` (openair 2.18 `R/TaylorDiagram.R`):
 * one quadrant, the radius is the normalised standard deviation σ_m/σ_o and the angle from the x
 * axis is arccos r, so a point sits at (σ̂ r, σ̂ sin(arccos r)); the observed point is (1, 0) on the
 * dashed arc σ̂ = 1; straight grey lines from the origin mark r = 0.2, 0.4, 0.6, 0.8, 0.9, 0.95,
 * 0.99 (labels on the outer arc); dashed arcs centred on the observed point are the contours
 * of the normalised centred RMS difference E′/σ_o (E′² = σ_o² + σ_m² − 2σ_oσ_m r, steps of R's
 * `pretty`); the outer arc has radius 1.2 × the largest σ̂ (at least 1.2), as openair's `maxsd`.
 * A point with r < 0 or a non-finite statistic lies outside the quadrant and is left out; its
 * name is listed in the subtitle. Labels in English, Japanese or Chinese.
 *
 * @param points one point per method or group (from {@link taylorStats})
 * @param opts language, size, title, legend title
 * @returns a Vega-Lite spec with inline data
 * @throws {RangeError} when there are no points, two points share a name, or the size is not positive
 */
export function taylorDiagram(points: readonly TaylorPoint[], opts: TaylorDiagramOptions = {}): TopLevelSpec {
  if (points.length === 0) throw new RangeError("taylorDiagram: no points");
  const names = new Set<string>();
  for (const p of points) {
    if (names.has(p.name)) throw new RangeError(`taylorDiagram: two points are named "${p.name}"`);
    names.add(p.name);
  }
  const lang = opts.lang ?? "en";
  const { width, height } = checkSize(opts.width ?? 560, opts.height, 520);
  const shown = points.filter((p) => Number.isFinite(p.stats.sdRatio) && Number.isFinite(p.stats.r) && p.stats.r >= 0);
  const left = points.filter((p) => !shown.includes(p)).map((p) => p.name);
  const maxsd = 1.2 * Math.max(1, ...shown.map((p) => p.stats.sdRatio));
  const arc = (radius: number, cx: number, from: number, to: number, id: string, steps = 90) =>
    Array.from({ length: steps + 1 }, (_, k) => {
      const a = from + ((to - from) * k) / steps;
      return { id, k, x: cx + radius * Math.cos(a), y: radius * Math.sin(a) };
    });
  const frame = [...arc(maxsd, 0, 0, Math.PI / 2, "outer"), ...arc(1, 0, 0, Math.PI / 2, "obs")];
  const rays = [0.2, 0.4, 0.6, 0.8, 0.9, 0.95, 0.99].flatMap((r) => [
    { id: `r${r}`, k: 0, x: 0, y: 0 },
    { id: `r${r}`, k: 1, x: maxsd * r, y: maxsd * Math.sqrt(1 - r * r) },
  ]);
  const rayLabels = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99].map((r) => ({
    x: 1.05 * maxsd * r,
    y: 1.05 * maxsd * Math.sqrt(1 - r * r),
    text: String(r),
  }));
  // centred RMS difference contours around (1, 0), inside the outer arc and right of the y axis
  const step = niceStep(maxsd, 5);
  const rms: { id: string; k: number; x: number; y: number }[] = [];
  const rmsLabels: { x: number; y: number; text: string }[] = [];
  for (let g = step; g < maxsd + 1e-9; g += step) {
    const pts = arc(g, 1, 0, Math.PI, `e${g}`, 120).filter((p) => p.x >= 0 && p.x * p.x + p.y * p.y <= maxsd * maxsd);
    if (pts.length < 2) continue;
    rms.push(...pts);
    const mid = pts[Math.floor(pts.length * 0.45)];
    rmsLabels.push({ x: mid.x, y: mid.y, text: String(+g.toFixed(3)) });
  }
  const dots = shown.map((p) => ({
    name: p.name,
    x: p.stats.sdRatio * p.stats.r,
    y: p.stats.sdRatio * Math.sqrt(Math.max(0, 1 - p.stats.r * p.stats.r)),
    sdRatio: +p.stats.sdRatio.toFixed(3),
    r: +p.stats.r.toFixed(3),
    crmsdNorm: +p.stats.crmsdNorm.toFixed(3),
  }));
  const domain = [0, 1.16 * maxsd];
  const x = (title: string) => ({
    field: "x",
    type: "quantitative" as const,
    scale: { domain, nice: false, zero: true },
    axis: { title, grid: false },
  });
  const y = (title: string) => ({
    field: "y",
    type: "quantitative" as const,
    scale: { domain, nice: false, zero: true },
    axis: { title, grid: false },
  });
  const sd = tlabel("sdNorm", lang);
  const base = specFrame(opts.title, width, height);
  return {
    ...base,
    ...(left.length
      ? { title: { text: opts.title ?? "", subtitle: `${tlabel("notShown", lang)}: ${left.join(", ")}` } }
      : {}),
    config: { ...fontConfig(fontFor(lang)), view: { stroke: null } },
    layer: [
      {
        data: { values: rms },
        mark: { type: "line", strokeDash: [4, 3], color: "#b8860b", strokeWidth: 1 },
        encoding: { x: x(sd), y: y(sd), detail: { field: "id" }, order: { field: "k" } },
      },
      {
        data: { values: rmsLabels },
        mark: { type: "text", color: "#b8860b", fontSize: 9, dy: 8 },
        encoding: { x: x(sd), y: y(sd), text: { field: "text" } },
      },
      {
        data: { values: rays },
        mark: { type: "line", color: "#bbbbbb", strokeWidth: 0.8 },
        encoding: { x: x(sd), y: y(sd), detail: { field: "id" }, order: { field: "k" } },
      },
      {
        data: { values: frame },
        mark: { type: "line", color: "#000000", strokeWidth: 1 },
        encoding: {
          x: x(sd),
          y: y(sd),
          detail: { field: "id" },
          order: { field: "k" },
          strokeDash: {
            field: "id",
            type: "nominal",
            scale: {
              domain: ["outer", "obs"],
              range: [
                [1, 0],
                [5, 3],
              ],
            },
            legend: null,
          },
        },
      },
      {
        data: { values: rayLabels },
        mark: { type: "text", fontSize: 9, color: "#333333" },
        encoding: { x: x(sd), y: y(sd), text: { field: "text" } },
      },
      {
        data: {
          values: [
            {
              x: 1.12 * maxsd * Math.cos(Math.PI / 4),
              y: 1.12 * maxsd * Math.sin(Math.PI / 4),
              text: tlabel("correlation", lang),
            },
          ],
        },
        mark: { type: "text", angle: 45, fontSize: 11, color: "#333333", dx: 8, dy: -8 },
        encoding: { x: x(sd), y: y(sd), text: { field: "text" } },
      },
      {
        data: { values: [{ x: 1.16 * maxsd, y: 1.14 * maxsd, text: tlabel("crmsd", lang) }] },
        mark: { type: "text", align: "right", fontSize: 10, color: "#b8860b" },
        encoding: { x: x(sd), y: y(sd), text: { field: "text" } },
      },
      {
        data: { values: [{ x: 1, y: 0, text: tlabel("observed", lang) }] },
        mark: { type: "point", filled: true, size: 90, color: "#800080" },
        encoding: { x: x(sd), y: y(sd) },
      },
      {
        data: { values: [{ x: 1, y: 0, text: tlabel("observed", lang) }] },
        mark: { type: "text", color: "#800080", dy: -10, fontSize: 10 },
        encoding: { x: x(sd), y: y(sd), text: { field: "text" } },
      },
      {
        data: { values: dots },
        mark: { type: "point", filled: true, size: 110, opacity: 0.9 },
        encoding: {
          x: x(sd),
          y: y(sd),
          color: { field: "name", type: "nominal", title: opts.legendTitle ?? tlabel("group", lang), sort: null },
          shape: { field: "name", type: "nominal", title: opts.legendTitle ?? tlabel("group", lang), sort: null },
          tooltip: [
            { field: "name", type: "nominal" },
            { field: "sdRatio", type: "quantitative", title: "σm/σo" },
            { field: "r", type: "quantitative", title: "r" },
            { field: "crmsdNorm", type: "quantitative", title: "E′/σo" },
          ],
        },
      },
    ],
  } as TopLevelSpec;
}
