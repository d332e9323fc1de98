/** Mean Earth radius, km (IUGG R1 = 6371.0088 km; Moritz 2000, Geodetic Reference System 1980). */
export const EARTH_RADIUS_KM = 6371.0088;

/**
 * Great-circle distance (km) between two points given in degrees, by the haversine formula
 * (Sinnott 1984) on a sphere of radius {@link EARTH_RADIUS_KM}.
 */
export function greatCircleKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r,
    dLon = (lon2 - lon1) * r;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}
