/**
 * Figures of {@link polarDiff} (a diverging heat map of after − before on symmetric limits) and
 * {@link polarCluster} (the clusters on the polar grid), labels en/ja/zh.
 */
// @ts-ignore TS1479 under TypeScript 5.0 (see src/figures/specs.ts)
import type { TopLevelSpec } from "vega-lite";
import { fontConfig, fontFor, SCHEMA, withUnit } from "../figures/specs";
import { dirLabel } from "./labels";
import { base, polarLayers, type PolarFigureOptions, type PolarSurfaceFrame } from "./figures";
import type { PolarDiffResult } from "./polardiff";
import type { PolarClusterResult } from "./polarcluster";

/** openair's polarDiff colours, blue (decrease) – near-white – red (increase), 9 stops. */
const DIFF_COLOURS = [
  "#002F70",
  "#3167BB",
  "#879FDB",
  "#C8D2F1",
  "#F6F6F6",
  "#F4C8C8",
  "#DA8A8B",
  "#AE4647",
  "#5F1415",
];

function geometry(res: PolarDiffResult): PolarSurfaceFrame {
  return { grid: res.grid, radius: res.radius, step: res.step, wsOffset: res.wsOffset };
}

/**
 * Polar plot of a {@link polarDiff} result: after − before on the common grid, openair's diverging
 * colours (blue = lower after, red = higher) on the symmetric limits of the result (values beyond
 * them drawn at the end colour, as openair), rings labelled with the wind speed itself (m/s).
 * With `resmoothed: true` (and a result made with `resmooth`), openair's drawn surface instead.
 * @param res the polarDiff result
 * @param unit unit of the values (e.g. ng/m3; "1" for cpf)
 * @param opts language, title, size, legend title; `resmoothed` draws res.resmoothed
 * @throws {RangeError} when `resmoothed` is asked and the result has no resmoothed surface
 */
export function polarDiffSpec(
  res: PolarDiffResult,
  unit: string,
  opts: PolarFigureOptions & { legendTitle?: string; resmoothed?: boolean } = {},
): TopLevelSpec {
  const lang = opts.lang ?? "en",
    size = opts.size ?? 420;
  const [lo, hi] = res.limits;
  const domain = DIFF_COLOURS.map((_, i) => lo + ((hi - lo) * i) / (DIFF_COLOURS.length - 1));
  const title =
    opts.legendTitle ?? (unit === "1" ? dirLabel("difference", lang) : withUnit(dirLabel("difference", lang), unit));
  const colour = { scale: { domain, range: DIFF_COLOURS, clamp: true }, title };
  if (opts.resmoothed) {
    const r = res.resmoothed;
    if (!r) throw new RangeError("polarDiffSpec: the result has no resmoothed surface (polarDiff with resmooth: true)");
    const geo: PolarSurfaceFrame = {
      grid: r.grid,
      radius: r.radius,
      step: r.step,
      wsOffset: res.wsOffset + (r.fit?.wsOffset ?? 0),
    };
    return base(
      size,
      lang,
      opts.title,
      polarLayers(
        geo,
        r.grid.map((g) => g.z),
        size,
        lang,
        colour,
      ),
    );
  }
  return base(
    size,
    lang,
    opts.title,
    polarLayers(
      geometry(res),
      res.grid.map((g) => g.z),
      size,
      lang,
      colour,
    ),
  );
}

/**
 * Map of {@link polarCluster} clusters on the polar grid (openair's polarCluster figure): one
 * panel per number of clusters, colours of the "paired" scheme (openair's default "Paired").
 * @param res the polarCluster result
 * @param opts language, title, size per panel, colour scheme
 */
export function polarClusterSpec(res: PolarClusterResult, opts: PolarFigureOptions = {}): TopLevelSpec {
  const lang = opts.lang ?? "en",
    size = opts.size ?? (res.levels.length > 1 ? 300 : 420);
  const s = res.surface;
  const geo: PolarSurfaceFrame =
    "wsOffset" in s
      ? { grid: s.grid, radius: s.radius, step: s.step, wsOffset: s.wsOffset }
      : { grid: s.grid, radius: s.radius, step: s.step, wsOffset: s.fit?.wsOffset ?? 0 };
  const maxK = Math.max(...res.levels.map((l) => l.k));
  const colour = {
    type: "nominal",
    scale: { scheme: opts.scheme ?? "paired", domain: Array.from({ length: maxK }, (_, i) => i + 1) },
    title: dirLabel("cluster", lang),
  };
  const z = (l: (typeof res.levels)[number]) => Array.from(l.grid, (c) => (c > 0 ? c : NaN));
  if (res.levels.length === 1)
    return base(size, lang, opts.title, polarLayers(geo, z(res.levels[0]), size, lang, colour));
  return {
    $schema: SCHEMA,
    ...(opts.title ? { title: opts.title } : {}),
    concat: res.levels.map((l) => ({
      width: size,
      height: size,
      title: `${l.k} ${dirLabel("nClusters", lang)}`,
      layer: polarLayers(geo, z(l), size, lang, colour),
    })),
    columns: Math.min(3, res.levels.length),
    resolve: { scale: { color: "shared" } },
    config: { ...fontConfig(fontFor(lang)), view: { stroke: null } },
  } as TopLevelSpec;
}
