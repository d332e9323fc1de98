// @ts-ignore TS1479 under TypeScript 5.0 (see src/figures/specs.ts)
import type { TopLevelSpec } from "vega-lite";
import { countryOutlines, extentFeature, type MapExtent } from "../figures/basemap";
import type { Lang } from "../figures/labels";
import { DEFAULT_WIDTH, SCHEMA, fontConfig, fontFor, withUnit } from "../figures/specs";
import { nameLabel } from "../figures/names";
import { trajectoryLabel } from "./labels";
import type { TrajectoryGrid } from "./result";

/** Options of {@link trajectoryMapSpec}. */
export interface TrajectoryMapOptions {
  /** Label language (default `"en"`). */
  lang?: Lang;
  /** The receptor, drawn as a black triangle; a known site name is shown in the figure language (`nameLabel`). */
  site?: { lat: number; lon: number; name?: string };
  /** Map extent (deg); default: the occupied cells' bounds plus one cell. */
  extent?: MapExtent;
  /** Whole-figure width in pixels (default 640); the height follows the Mercator aspect. */
  width?: number;
  /** Title (default: built from the statistic, species, percentile and resolution). */
  title?: string;
  /** Natural Earth outline scale (default `"50m"`, `"110m"` when the extent spans more than 30°). */
  outlines?: "50m" | "110m";
  /** Map the weighted statistic (default) or the unweighted `value`. */
  field?: "weighted" | "value";
  /** Regions to outline (dashed), e.g. a known or suspected source area; known place names in the figure language. */
  regions?: { name: string; box: MapExtent }[];
  /** Graticule step (deg; default chosen from the extent). */
  graticuleStep?: number;
}

const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/** The map frame shared by the trajectory maps: size, projection, land, graticule, outlines, ticks, regions and the receptor. */
export interface MapFrame {
  width: number;
  height: number;
  projection: unknown;
  /** Layers under the data (land fill). */
  under: unknown[];
  /** Layers over the data (graticule, outlines, tick labels, regions, receptor). */
  over: unknown[];
  config: unknown;
}

/**
 * Build the {@link MapFrame} of an extent: Mercator fitted and clipped to it, Natural Earth
 * outlines (world-atlas), a graticule with tick labels, optional dashed regions and the receptor.
 * @param legendRoom pixels of the width kept for the legend (default 110)
 * @throws {RangeError} when the extent is empty
 */
export function mapFrame(
  ext: MapExtent,
  opts: Pick<TrajectoryMapOptions, "lang" | "site" | "width" | "outlines" | "regions" | "graticuleStep">,
  legendRoom = 110,
): MapFrame {
  if (!(ext.lonMax > ext.lonMin && ext.latMax > ext.latMin)) throw new RangeError("map extent is empty (no cells?)");
  const lang = opts.lang ?? "en";
  const plotW = (opts.width ?? DEFAULT_WIDTH) - legendRoom;
  const plotH = Math.round(
    (plotW * (mercY(ext.latMax) - mercY(ext.latMin))) / (((ext.lonMax - ext.lonMin) * Math.PI) / 180),
  );
  const span = Math.max(ext.lonMax - ext.lonMin, ext.latMax - ext.latMin);
  const step = opts.graticuleStep ?? (span > 40 ? 10 : span > 16 ? 5 : span > 6 ? 2 : 1);
  const outlines = countryOutlines(ext, opts.outlines ?? (span > 30 ? "110m" : "50m"));
  const frame = extentFeature(ext);
  const lats: number[] = [],
    lons: number[] = [];
  for (let y = Math.ceil(ext.latMin / step) * step; y <= ext.latMax; y += step) lats.push(y);
  for (let x = Math.ceil(ext.lonMin / step) * step; x <= ext.lonMax; x += step) lons.push(x);
  const ns = (y: number) => `${Math.abs(y)}°${y > 0 ? "N" : y < 0 ? "S" : ""}`;
  const ew = (x: number) => `${Math.abs(x)}°${x > 0 && x < 180 ? "E" : x < 0 ? "W" : ""}`;
  const ticks = [
    ...lats
      .filter((y) => y > ext.latMin + step / 4 && y < ext.latMax - step / 4)
      .map((y) => ({ lon: ext.lonMin, lat: y, text: ns(y), align: "left", baseline: "bottom" })),
    ...lons
      .filter((x) => x > ext.lonMin + step / 4 && x < ext.lonMax - step / 4)
      .map((x) => ({ lon: x, lat: ext.latMin, text: ew(x), align: "left", baseline: "bottom" })),
  ];
  const under: unknown[] = [{ data: { values: outlines }, mark: { type: "geoshape", fill: "#ececec", stroke: null } }];
  const over: unknown[] = [
    {
      data: { graticule: { step: [step, step] } },
      mark: { type: "geoshape", filled: false, stroke: "#9a9a9a", strokeWidth: 0.4, strokeDash: [2, 2] },
    },
    { data: { values: outlines }, mark: { type: "geoshape", filled: false, stroke: "#4d4d4d", strokeWidth: 0.7 } },
    {
      data: { values: ticks },
      mark: { type: "text", fontSize: 9, color: "#555", dx: 2, dy: -2, align: "left", baseline: "bottom" },
      encoding: {
        longitude: { field: "lon", type: "quantitative" },
        latitude: { field: "lat", type: "quantitative" },
        text: { field: "text" },
      },
    },
  ];
  if (opts.regions?.length) {
    const rows = opts.regions.map((q) => ({
      name: nameLabel(q.name, lang),
      lonMin: q.box.lonMin,
      lonMax: q.box.lonMax,
      latMin: q.box.latMin,
      latMax: q.box.latMax,
    }));
    const pos = {
      longitude: { field: "lonMin", type: "quantitative" },
      latitude: { field: "latMin", type: "quantitative" },
      longitude2: { field: "lonMax" },
      latitude2: { field: "latMax" },
    };
    over.push(
      {
        data: { values: rows },
        mark: { type: "rect", filled: false, fill: null, stroke: "#1f3a93", strokeWidth: 1.6, strokeDash: [5, 3] },
        encoding: pos,
      },
      {
        data: { values: rows },
        mark: { type: "text", align: "left", baseline: "bottom", dx: 2, dy: -3, fontSize: 10, color: "#1f3a93" },
        encoding: {
          longitude: { field: "lonMin", type: "quantitative" },
          latitude: { field: "latMax", type: "quantitative" },
          text: { field: "name" },
        },
      },
    );
  }
  if (opts.site) {
    const s = {
      lat: opts.site.lat,
      lon: opts.site.lon,
      name: opts.site.name !== undefined ? nameLabel(opts.site.name, lang) : trajectoryLabel("site", lang),
    };
    over.push(
      {
        data: { values: [s] },
        mark: {
          type: "point",
          shape: "triangle-up",
          filled: true,
          color: "black",
          size: 90,
          stroke: "white",
          strokeWidth: 0.8,
        },
        encoding: {
          longitude: { field: "lon", type: "quantitative" },
          latitude: { field: "lat", type: "quantitative" },
        },
      },
      {
        data: { values: [s] },
        mark: {
          type: "text",
          dx: 8,
          dy: -8,
          align: "left",
          fontSize: 11,
          fontWeight: "bold",
          stroke: "white",
          strokeWidth: 0,
        },
        encoding: {
          longitude: { field: "lon", type: "quantitative" },
          latitude: { field: "lat", type: "quantitative" },
          text: { field: "name" },
        },
      },
    );
  }
  return {
    width: plotW,
    height: plotH,
    projection: {
      type: "mercator",
      fit: frame,
      clipExtent: [
        [0, 0],
        [plotW, plotH],
      ],
    },
    under,
    over,
    config: { ...fontConfig(fontFor(lang)), view: { stroke: "#333" } },
  };
}

/**
 * A map of a gridded trajectory statistic (PSCF, CWT, SQTBA or frequency): cells as lon/lat rectangles
 * coloured by the (weighted) value, over Natural Earth country outlines (world-atlas), with a
 * graticule, the receptor, and en/ja/zh labels. Frequency maps use a log colour scale (the
 * receptor cell holds every trajectory; openair bins frequencies at 1, 5, 10, 25 %). Mercator projection fitted and clipped to the
 * extent. The spec carries its data inline.
 * @throws {RangeError} when the map extent is empty (no cells)
 */
export function trajectoryMapSpec(g: TrajectoryGrid, opts: TrajectoryMapOptions = {}): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const r = g.resolution;
  const field = opts.field ?? "weighted";
  const ext: MapExtent = opts.extent ?? {
    lonMin: Math.min(...g.cells.map((c) => c.lonMin)) - r,
    lonMax: Math.max(...g.cells.map((c) => c.lonMax)) + r,
    latMin: Math.max(-80, Math.min(...g.cells.map((c) => c.latMin)) - r),
    latMax: Math.min(80, Math.max(...g.cells.map((c) => c.latMax)) + r),
  };
  const mf = mapFrame(ext, opts);
  const cells = g.cells
    .filter((c) => c.lonMax > ext.lonMin && c.lonMin < ext.lonMax && c.latMax > ext.latMin && c.latMin < ext.latMax)
    .map((c) => ({
      lonMin: Math.max(c.lonMin, ext.lonMin),
      lonMax: Math.min(c.lonMax, ext.lonMax),
      latMin: Math.max(c.latMin, ext.latMin),
      latMax: Math.min(c.latMax, ext.latMax),
      lat: c.lat,
      lon: c.lon,
      n: c.n,
      m: c.m,
      value: c.value,
      weight: c.weight,
      weighted: c.weighted,
    }));
  const legendKey = g.statistic;
  const legendTitle =
    g.statistic === "cwt" || g.statistic === "sqtba"
      ? withUnit(trajectoryLabel(g.statistic, lang), g.unit)
      : trajectoryLabel(legendKey, lang);
  const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3));
  const vars = {
    species: g.species ?? "",
    p: g.percentile ?? "",
    thr: g.threshold === undefined ? "" : fmt(g.threshold),
    unit: g.concentrationUnit ?? "",
    res: r,
    n: g.trajectoriesUsed,
    sigma: g.sigma ?? "",
  };
  const title =
    opts.title ??
    trajectoryLabel(
      g.statistic === "pscf"
        ? g.percentile === undefined
          ? "titlePscfThreshold"
          : "titlePscf"
        : g.statistic === "cwt"
          ? "titleCwt"
          : g.statistic === "sqtba"
            ? "titleSqtba"
            : "titleFrequency",
      lang,
      vars,
    )
      .replace(/\s+\)/g, ")")
      .replace(/\s+）/g, "）");
  const layers: unknown[] = [
    ...mf.under,
    {
      data: { values: cells },
      mark: { type: "rect", opacity: 0.85 },
      encoding: {
        longitude: { field: "lonMin", type: "quantitative" },
        latitude: { field: "latMin", type: "quantitative" },
        longitude2: { field: "lonMax" },
        latitude2: { field: "latMax" },
        color: {
          field,
          type: "quantitative",
          title: legendTitle,
          scale:
            g.statistic === "frequency"
              ? { type: "log", scheme: "yelloworangered" }
              : { scheme: "yelloworangered", zero: true, ...(g.statistic === "pscf" ? { domain: [0, 1] } : {}) },
          legend: { gradientLength: Math.max(120, Math.min(mf.height - 40, 260)) },
        },
        tooltip: [
          { field: "lat", type: "quantitative" },
          { field: "lon", type: "quantitative" },
          { field: "n", type: "quantitative" },
          ...(g.statistic === "pscf" ? [{ field: "m", type: "quantitative" }] : []),
          { field: "value", type: "quantitative", format: ".3~g" },
          { field: "weight", type: "quantitative" },
          { field: "weighted", type: "quantitative", format: ".3~g" },
        ],
      },
    },
    ...mf.over,
  ];
  return {
    $schema: SCHEMA,
    title: {
      text: title,
      subtitle: trajectoryLabel("subtitle", lang, { n: g.trajectoriesUsed, e: g.endpointsUsed }),
      anchor: "start",
      fontSize: 13,
      subtitleFontSize: 10,
    },
    width: mf.width,
    height: mf.height,
    projection: mf.projection,
    layer: layers,
    config: mf.config,
  } as unknown as TopLevelSpec;
}
