/**
 * Country outlines for map figures, from the npm package `world-atlas` (Natural Earth
 * Admin 0 countries, public domain; TopoJSON by M. Bostock, ISC licence). The TopoJSON is
 * decoded here (quantised, delta-encoded arcs) into GeoJSON features, keeping only the
 * countries whose bounding box meets the map extent, so specs stay small.
 *
 * No China province (admin-1) outlines are shipped: no package on the npm registry was found
 * that provides them with a clear public-domain/open-data licence for the geometry.
 */
import { readFileSync } from "node:fs";

/** A lon/lat box in degrees. */
export interface MapExtent {
  lonMin: number;
  lonMax: number;
  latMin: number;
  latMax: number;
}

/** A GeoJSON polygon feature (d3/Vega winding, as world-atlas stores it). */
export interface OutlineFeature {
  type: "Feature";
  id: string;
  properties: { name: string };
  geometry: { type: "Polygon"; coordinates: number[][][] } | { type: "MultiPolygon"; coordinates: number[][][][] };
}

interface Topology {
  transform: { scale: [number, number]; translate: [number, number] };
  arcs: number[][][];
  objects: Record<
    string,
    { geometries: { type: string; arcs: number[][] | number[][][]; id?: string; properties?: { name?: string } }[] }
  >;
}

const cache = new Map<string, { features: OutlineFeature[]; boxes: MapExtent[] }>();

function decode(resolution: "50m" | "110m"): { features: OutlineFeature[]; boxes: MapExtent[] } {
  const hit = cache.get(resolution);
  if (hit) return hit;
  const topo = JSON.parse(
    readFileSync(require.resolve(`world-atlas/countries-${resolution}.json`), "utf8"),
  ) as Topology;
  const [sx, sy] = topo.transform.scale,
    [tx, ty] = topo.transform.translate;
  const arcs = topo.arcs.map((arc) => {
    let x = 0,
      y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
  const ring = (ids: number[]): number[][] => {
    const pts: number[][] = [];
    ids.forEach((i, k) => {
      const a = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
      pts.push(...(k === 0 ? a : a.slice(1)));
    });
    return pts;
  };
  const features: OutlineFeature[] = [];
  const boxes: MapExtent[] = [];
  for (const g of topo.objects.countries.geometries) {
    let geometry: OutlineFeature["geometry"];
    if (g.type === "Polygon") geometry = { type: "Polygon", coordinates: (g.arcs as number[][]).map(ring) };
    else if (g.type === "MultiPolygon")
      geometry = { type: "MultiPolygon", coordinates: (g.arcs as number[][][]).map((p) => p.map(ring)) };
    else continue;
    const box = { lonMin: Infinity, lonMax: -Infinity, latMin: Infinity, latMax: -Infinity };
    const polys = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    for (const p of polys)
      for (const r of p)
        for (const [x, y] of r) {
          if (x < box.lonMin) box.lonMin = x;
          if (x > box.lonMax) box.lonMax = x;
          if (y < box.latMin) box.latMin = y;
          if (y > box.latMax) box.latMax = y;
        }
    features.push({ type: "Feature", id: g.id ?? "", properties: { name: g.properties?.name ?? "" }, geometry });
    boxes.push(box);
  }
  const out = { features, boxes };
  cache.set(resolution, out);
  return out;
}

/**
 * Natural Earth country outlines (world-atlas) that meet a lon/lat extent, as GeoJSON features.
 *
 * @param extent     the map's lon/lat box (deg)
 * @param resolution Natural Earth scale: `"50m"` (1:50 million, default) or `"110m"`
 */
export function countryOutlines(extent: MapExtent, resolution: "50m" | "110m" = "50m"): OutlineFeature[] {
  const { features, boxes } = decode(resolution);
  return features.filter((_, k) => {
    const b = boxes[k];
    return (
      b.lonMax >= extent.lonMin && b.lonMin <= extent.lonMax && b.latMax >= extent.latMin && b.latMin <= extent.latMax
    );
  });
}

/**
 * The extent as a GeoJSON polygon feature (lon/lat corners), for a projection's `fit`: map specs
 * fit the Mercator projection to it and clip to the plot.
 */
export function extentFeature(ext: MapExtent): {
  type: "Feature";
  properties: Record<string, never>;
  geometry: { type: "Polygon"; coordinates: number[][][] };
} {
  return {
    type: "Feature",
    properties: {},
    geometry: {
      type: "Polygon",
      coordinates: [
        [
          [ext.lonMin, ext.latMin],
          [ext.lonMin, ext.latMax],
          [ext.lonMax, ext.latMax],
          [ext.lonMax, ext.latMin],
          [ext.lonMin, ext.latMin],
        ],
      ],
    },
  };
}
