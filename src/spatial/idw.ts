import { greatCircleKm } from "./greatcircle";

/** A station value at a point (degrees). */
export interface StationValue {
  name?: string;
  lon: number;
  lat: number;
  value: number;
}

/** A regular lon/lat grid of cell centres. */
export interface LonLatGrid {
  lonMin: number;
  lonMax: number;
  latMin: number;
  latMax: number;
  /** Cell size in degrees (same in lon and lat). */
  step: number;
}

/** Result of {@link idwGrid}. */
export interface IdwResult {
  /** Cell-centre longitudes (ascending) and latitudes (ascending). */
  lons: number[];
  lats: number[];
  /** values[j * lons.length + i] at (lons[i], lats[j]); NaN = masked (no station within the radius). */
  values: Float64Array;
  /** Stations used per cell. */
  counts: Uint16Array;
  power: number;
  radiusKm: number;
}

/**
 * Inverse-distance-weighted value at one point (Shepard 1968): Σ w_k z_k / Σ w_k with
 * w_k = d_k^−p over the stations within `radiusKm` (great-circle distance); a station at distance
 * 0 gives its own value; no station in range → NaN. Stations with a non-finite value are skipped.
 * @throws {RangeError} when the power or the radius is not > 0
 */
export function idwAt(
  lon: number,
  lat: number,
  stations: readonly StationValue[],
  opts: { power?: number; radiusKm?: number } = {},
): { value: number; count: number } {
  const p = opts.power ?? 2;
  const R = opts.radiusKm ?? Infinity;
  if (!(p > 0)) throw new RangeError(`idw: power must be > 0, got ${p}`);
  if (!(R > 0)) throw new RangeError(`idw: radiusKm must be > 0, got ${R}`);
  let sw = 0,
    swz = 0,
    n = 0;
  for (const s of stations) {
    if (!Number.isFinite(s.value)) continue;
    const d = greatCircleKm(lon, lat, s.lon, s.lat);
    if (d > R) continue;
    if (d === 0) return { value: s.value, count: 1 };
    const w = d ** -p;
    sw += w;
    swz += w * s.value;
    n++;
  }
  return { value: n ? swz / sw : NaN, count: n };
}

/**
 * Inverse-distance weighting of station values onto a lon/lat grid (cell centres from
 * lonMin/latMin in steps of `step`), power `power` (default 2), search radius `radiusKm`
 * (great-circle, default unlimited); cells with no station within the radius are masked (NaN).
 *
 * @throws RangeError for an empty or inverted grid, a non-positive step, power or radius, or a
 *   station with non-finite coordinates
 */
export function idwGrid(
  stations: readonly StationValue[],
  grid: LonLatGrid,
  opts: { power?: number; radiusKm?: number } = {},
): IdwResult {
  const { lonMin, lonMax, latMin, latMax, step } = grid;
  if (!(step > 0)) throw new RangeError(`idwGrid: step must be > 0 degrees, got ${step}`);
  if (!(lonMax >= lonMin) || !(latMax >= latMin))
    throw new RangeError("idwGrid: grid bounds must satisfy lonMin ≤ lonMax and latMin ≤ latMax");
  for (const s of stations)
    if (!Number.isFinite(s.lon) || !Number.isFinite(s.lat) || Math.abs(s.lat) > 90)
      throw new RangeError(`idwGrid: station ${s.name ?? ""} has invalid coordinates (${s.lon}, ${s.lat})`);
  const nx = Math.floor((lonMax - lonMin) / step + 1e-9) + 1,
    ny = Math.floor((latMax - latMin) / step + 1e-9) + 1;
  const lons = Array.from({ length: nx }, (_, i) => lonMin + i * step);
  const lats = Array.from({ length: ny }, (_, j) => latMin + j * step);
  const values = new Float64Array(nx * ny),
    counts = new Uint16Array(nx * ny);
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) {
      const r = idwAt(lons[i], lats[j], stations, opts);
      values[j * nx + i] = r.value;
      counts[j * nx + i] = r.count;
    }
  return { lons, lats, values, counts, power: opts.power ?? 2, radiusKm: opts.radiusKm ?? Infinity };
}
