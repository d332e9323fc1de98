// @ts-ignore TS1479 under TypeScript 5.0 (see src/figures/specs.ts)
import type { TopLevelSpec } from "vega-lite";
import type { MapExtent } from "../figures/basemap";
import { SCHEMA } from "../figures/specs";
import { mapFrame, type TrajectoryMapOptions } from "./map";
import { trajectoryLabel } from "./labels";
import type { TrajClusterResult } from "./cluster";

/** Options of {@link trajClusterMapSpec}: those of the trajectory maps that apply to lines. */
export type TrajClusterMapOptions = Pick<
  TrajectoryMapOptions,
  "lang" | "site" | "extent" | "width" | "title" | "outlines" | "regions" | "graticuleStep"
>;

/**
 * A map of {@link trajCluster}'s cluster-mean paths, as openair's `trajCluster` plot: one line per
 * cluster from the receptor back to its oldest mean point, coloured by cluster and labelled in the
 * legend with the cluster's percentage of trajectories ("C1 (23.4 %)"), dots every 12 h, over
 * Natural Earth country outlines, with en/ja/zh labels. Mercator fitted to the paths (plus 2°)
 * unless `extent` is given. The receptor defaults to the mean path's first point.
 * @throws {RangeError} when the extent is empty
 */
export function trajClusterMapSpec(r: TrajClusterResult, opts: TrajClusterMapOptions = {}): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const pts = r.clusters.flatMap((c) =>
    c.path.map((p, k) => ({
      cluster: `${c.label} (${c.percent.toFixed(1)} %)`,
      order: k,
      age: p.age,
      lat: p.lat,
      lon: p.lon,
      n: c.n,
    })),
  );
  const ext: MapExtent = opts.extent ?? {
    lonMin: Math.min(...pts.map((p) => p.lon)) - 2,
    lonMax: Math.max(...pts.map((p) => p.lon)) + 2,
    latMin: Math.max(-80, Math.min(...pts.map((p) => p.lat)) - 2),
    latMax: Math.min(80, Math.max(...pts.map((p) => p.lat)) + 2),
  };
  const first = r.clusters[0]?.path[0];
  const site = opts.site ?? (first ? { lat: first.lat, lon: first.lon } : undefined);
  const mf = mapFrame(ext, { ...opts, site }, 150);
  const color = {
    field: "cluster",
    type: "nominal",
    title: trajectoryLabel("cluster", lang),
    scale: { scheme: "set1" },
  };
  const pos = {
    longitude: { field: "lon", type: "quantitative" },
    latitude: { field: "lat", type: "quantitative" },
  };
  const hours = Math.max(...r.ages.map((a) => Math.abs(a)));
  const title =
    opts.title ?? trajectoryLabel("titleCluster", lang, { method: trajectoryLabel(r.method, lang), k: r.nCluster });
  return {
    $schema: SCHEMA,
    title: {
      text: title,
      subtitle: trajectoryLabel("subtitleCluster", lang, { n: r.traj.length, h: hours }),
      anchor: "start",
      fontSize: 13,
      subtitleFontSize: 10,
    },
    width: mf.width,
    height: mf.height,
    projection: mf.projection,
    layer: [
      ...mf.under,
      {
        data: { values: pts },
        mark: { type: "line", strokeWidth: 3 },
        encoding: { ...pos, order: { field: "order", type: "quantitative" }, color, detail: { field: "cluster" } },
      },
      {
        data: { values: pts.filter((p) => p.order > 0 && Math.abs(p.age) % 12 === 0) },
        mark: { type: "point", filled: true, size: 28, opacity: 1 },
        encoding: {
          ...pos,
          color,
          tooltip: [
            { field: "cluster", type: "nominal" },
            { field: "age", type: "quantitative" },
            { field: "lat", type: "quantitative", format: ".2f" },
            { field: "lon", type: "quantitative", format: ".2f" },
          ],
        },
      },
      ...mf.over,
    ],
    config: mf.config,
  } as unknown as TopLevelSpec;
}
