/**
 * The lat/lon grid of the trajectory statistics. Cells are centred on multiples of the
 * resolution, as openair's `trajLevel()` bins (`round_any(lat, lat.inc)`): a cell with centre
 * c spans [c − r/2, c + r/2]; a coordinate exactly on a cell edge goes to the cell whose index
 * is even (R's `round()` rounds halves to even), so results match openair's bins exactly.
 */
import { roundHalfEven as roundHalfEvenAt } from "../stats/round";

/** R's `round(x)` for whole numbers: nearest integer, exact halves to even (IEC 60559). */
export function roundHalfEven(x: number): number {
  return roundHalfEvenAt(x, 0, 0);
}

/** Integer cell index of a coordinate (deg) at a resolution (deg): roundHalfEven(x / r). */
export function cellIndex(x: number, resolution: number): number {
  return roundHalfEven(x / resolution);
}

/** Check a grid resolution (deg): finite, > 0 and ≤ 10. */
export function checkResolution(resolution: number): void {
  if (!(Number.isFinite(resolution) && resolution > 0 && resolution <= 10)) {
    throw new RangeError(`grid resolution must be a number of degrees in (0, 10], got ${resolution}`);
  }
}

/** One occupied grid cell: its integer indices and its bounds (deg). */
export interface GridCell {
  /** Latitude index: centre = iy · resolution. */
  iy: number;
  /** Longitude index: centre = ix · resolution. */
  ix: number;
  lat: number;
  lon: number;
  latMin: number;
  latMax: number;
  lonMin: number;
  lonMax: number;
}

/** The geometry of cell (iy, ix) at a resolution. */
export function cellOf(iy: number, ix: number, resolution: number): GridCell {
  const lat = iy * resolution,
    lon = ix * resolution,
    h = resolution / 2;
  return { iy, ix, lat, lon, latMin: lat - h, latMax: lat + h, lonMin: lon - h, lonMax: lon + h };
}

/** A key for an (iy, ix) pair (indices within ±2^20). */
export function cellKey(iy: number, ix: number): number {
  return (iy + 1048576) * 2097152 + (ix + 1048576);
}
