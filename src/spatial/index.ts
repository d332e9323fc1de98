export { EARTH_RADIUS_KM, greatCircleKm } from "./greatcircle";
export { idwAt, idwGrid, type StationValue, type LonLatGrid, type IdwResult } from "./idw";
export { idwMapSpec } from "./figures";
