// @ts-ignore TS1479 under TypeScript 5.0 (see src/figures/specs.ts)
import type { TopLevelSpec } from "vega-lite";
import type { Lang } from "../figures/labels";
import { fontConfig, fontFor, SCHEMA } from "../figures/specs";
import { nameLabel } from "../figures/names";
import { ozLabel, type OzoneAqiLabelKey } from "../models/ozone/labels";
import type { IdwResult, StationValue } from "./idw";

/**
 * Map of an IDW grid (cells coloured by value, masked cells left blank) with the stations as
 * points labelled by name (known site names in the figure language, `nameLabel`), in lon/lat with the aspect of the local latitude (1° lon drawn
 * cos(lat) as wide as 1° lat).
 *
 * @param opts.valueKey label key of the colour legend (default `potentialOzone`); opts.unit its unit
 */
export function idwMapSpec(
  result: IdwResult,
  stations: readonly StationValue[],
  opts: { unit: string; lang?: Lang; valueKey?: OzoneAqiLabelKey; width?: number; title?: string },
): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const nx = result.lons.length;
  const step =
    result.lons.length > 1
      ? result.lons[1] - result.lons[0]
      : result.lats.length > 1
        ? result.lats[1] - result.lats[0]
        : 0.01;
  const cells: { lon: number; lon2: number; lat: number; lat2: number; value: number }[] = [];
  result.values.forEach((v, k) => {
    if (!Number.isFinite(v)) return;
    const i = k % nx,
      j = Math.floor(k / nx);
    // cells drawn 2 % wider than the step so anti-aliasing leaves no seams between them
    const h = 0.51 * step;
    cells.push({
      lon: result.lons[i] - h,
      lon2: result.lons[i] + h,
      lat: result.lats[j] - h,
      lat2: result.lats[j] + h,
      value: v,
    });
  });
  const lonDom = [result.lons[0] - step / 2, result.lons[nx - 1] + step / 2];
  const latDom = [result.lats[0] - step / 2, result.lats[result.lats.length - 1] + step / 2];
  const midLat = ((latDom[0] + latDom[1]) / 2) * (Math.PI / 180);
  const width = opts.width ?? 480;
  const height = Math.round((width * (latDom[1] - latDom[0])) / ((lonDom[1] - lonDom[0]) * Math.cos(midLat)));
  const font = fontFor(lang);
  const xs = {
    scale: { domain: lonDom, zero: false, nice: false },
    axis: { grid: false },
    title: ozLabel("longitude", lang),
  };
  const ys = {
    scale: { domain: latDom, zero: false, nice: false },
    axis: { grid: false },
    title: ozLabel("latitude", lang),
  };
  const pts = stations.map((s) => ({
    lon: s.lon,
    lat: s.lat,
    name: s.name === undefined ? "" : nameLabel(s.name, lang),
    value: s.value,
  }));
  return {
    $schema: SCHEMA,
    ...(opts.title !== undefined ? { title: { text: opts.title } } : {}),
    width,
    height,
    layer: [
      {
        data: { values: cells },
        mark: { type: "rect" },
        encoding: {
          x: { field: "lon", type: "quantitative", ...xs },
          x2: { field: "lon2" },
          y: { field: "lat", type: "quantitative", ...ys },
          y2: { field: "lat2" },
          color: {
            field: "value",
            type: "quantitative",
            scale: { scheme: "orangered" },
            title: [ozLabel(opts.valueKey ?? "potentialOzone", lang), `(${opts.unit})`],
            legend: { titleLimit: 400 },
          },
        },
      },
      {
        data: { values: pts },
        mark: { type: "point", shape: "triangle-up", filled: true, color: "black", size: 60 },
        encoding: {
          x: { field: "lon", type: "quantitative", ...xs },
          y: { field: "lat", type: "quantitative", ...ys },
        },
      },
      {
        data: { values: pts },
        mark: { type: "text", dy: -10, fontSize: 10, color: "black" },
        encoding: {
          x: { field: "lon", type: "quantitative", ...xs },
          y: { field: "lat", type: "quantitative", ...ys },
          text: { field: "name" },
        },
      },
    ],
    config: { ...fontConfig(font), legend: { labelFont: font, titleFont: font } },
  } as TopLevelSpec;
}
