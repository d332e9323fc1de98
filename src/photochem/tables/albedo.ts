/**
 * Surface albedo per CMAQ in-line photolysis band (the 7 Fast-JX bands of CMAQ's CB6r5
 * `CSQY_DATA` file, 291–850 nm) for 20 MODIS land-use categories: the annual-average values of
 * CMAQ v5.5 `CCTM/src/phot/inline/PHOT_OPTICS.dat` ("Surface Albedo with wavelength dependence for
 * 20 MODIS land use types … REFERENCE: CERES/SARB Surface Properties database
 * http://www-surf.larc.nasa.gov/surf/pages/explan.html"), copied unchanged (github.com/USEPA/CMAQ,
 * commit 9bd3734, public domain).
 *
 * CMAQ multiplies these by seasonal, solar-zenith and snow-cover corrections (`PHOTOLYSIS_ALBEDO.F`);
 * those corrections are not applied here.
 * @packageDocumentation
 */

/** One land-use category of {@link CMAQ_SURFACE_ALBEDO}. */
export interface SurfaceAlbedoRow {
  /** The category name as CMAQ's PHOT_OPTICS.dat writes it. */
  category: string;
  /** Albedo per band (dimensionless), bands 1–7 (291–298.3, …, 412.5–850 nm). */
  albedo: readonly number[];
}

/** CMAQ v5.5 PHOT_OPTICS.dat annual surface albedo per band, by MODIS land-use category (keys: upper case, `_` for spaces). */
export const CMAQ_SURFACE_ALBEDO = {
  EVERGREEN_NEEDLE_FOREST: {
    category: "EVERGREEN NEEDLE FOREST",
    albedo: [1.12e-1, 1.12e-1, 1.12e-1, 1.12e-1, 1.12e-1, 1.12e-1, 2.389658e-1],
  },
  EVERGREEN_BROADLEAF_FOREST: {
    category: "EVERGREEN BROADLEAF FOREST",
    albedo: [1.1e-1, 1.1e-1, 1.1e-1, 1.1e-1, 1.1e-1, 1.1e-1, 1.729747e-1],
  },
  DECIDUOUS_NEEDLE_FOREST: {
    category: "DECIDUOUS NEEDLE FOREST",
    albedo: [1.28e-1, 1.28e-1, 1.28e-1, 1.28e-1, 1.28e-1, 1.28e-1, 2.731038e-1],
  },
  DECIDUOUS_BROADLEAF_FOREST: {
    category: "DECIDUOUS BROADLEAF FOREST",
    albedo: [8.500001e-2, 8.500001e-2, 8.500001e-2, 8.500001e-2, 8.500001e-2, 8.500001e-2, 2.317877e-1],
  },
  MIXED_FOREST: { category: "MIXED FOREST", albedo: [9.9e-2, 9.9e-2, 9.9e-2, 9.9e-2, 9.9e-2, 9.9e-2, 2.423726e-1] },
  CLOSED_SHRUBS: {
    category: "CLOSED SHRUBS",
    albedo: [4.579739e-2, 4.861081e-2, 5.083271e-2, 5.281545e-2, 5.821295e-2, 9.47941e-2, 4.074914e-1],
  },
  OPEN_SHRUBS: {
    category: "OPEN / SHRUBS",
    albedo: [1.9e-1, 1.9e-1, 1.9e-1, 1.9e-1, 1.900555e-1, 1.946607e-1, 2.973448e-1],
  },
  WOODY_SAVANNA: {
    category: "WOODY SAVANNA",
    albedo: [5.782825e-2, 5.90045e-2, 5.994786e-2, 6.100858e-2, 6.396866e-2, 8.139437e-2, 3.139012e-1],
  },
  SAVANNA: {
    category: "SAVANNA",
    albedo: [2.289869e-2, 2.43054e-2, 2.541636e-2, 2.640773e-2, 2.910648e-2, 4.739705e-2, 2.21276e-1],
  },
  GRASSLAND: {
    category: "GRASSLAND",
    albedo: [3.053159e-2, 3.240721e-2, 3.388848e-2, 3.52103e-2, 3.880863e-2, 6.319606e-2, 2.950347e-1],
  },
  PERMANENT_WETLANDS: {
    category: "PERMANENT WETLANDS",
    albedo: [7.8e-2, 7.8e-2, 7.8e-2, 7.8e-2, 7.8e-2, 7.8e-2, 1.455206e-1],
  },
  CROPLAND: {
    category: "CROPLAND",
    albedo: [2.289869e-2, 2.43054e-2, 2.541636e-2, 2.640773e-2, 2.910648e-2, 4.739705e-2, 2.051391e-1],
  },
  URBAN: { category: "URBAN", albedo: [7.8e-2, 7.8e-2, 7.8e-2, 7.8e-2, 7.8e-2, 7.875838e-2, 1.904894e-1] },
  CROP_MOSAIC: {
    category: "CROP MOSAIC",
    albedo: [3.816449e-2, 4.050901e-2, 4.23606e-2, 4.401288e-2, 4.851079e-2, 7.899508e-2, 2.888656e-1],
  },
  PERMANENT_SNOW: {
    category: "PERMANENT SNOW",
    albedo: [9.166853e-1, 9.19009e-1, 9.208957e-1, 9.230171e-1, 9.286691e-1, 9.428869e-1, 8.972328e-1],
  },
  BARREN_DESSERT: {
    category: "BARREN / DESSERT",
    albedo: [1.44e-1, 1.44e-1, 1.44e-1, 1.44e-1, 1.44e-1, 1.45264e-1, 2.94905e-1],
  },
  OCEAN_WATER: {
    category: "OCEAN WATER",
    albedo: [7.040989e-2, 7.18054e-2, 7.297956e-2, 7.481545e-2, 7.987999e-2, 9.034642e-2, 7.636174e-2],
  },
  TUNDRA: { category: "TUNDRA", albedo: [1.8e-1, 1.8e-1, 1.8e-1, 1.8e-1, 1.8e-1, 1.8e-1, 1.888828e-1] },
  FRESH_SNOW: {
    category: "FRESH SNOW",
    albedo: [9.802786e-1, 9.812036e-1, 9.819302e-1, 9.824035e-1, 9.835413e-1, 9.869627e-1, 9.746961e-1],
  },
  SEA_ICE: { category: "SEA ICE", albedo: [7.78e-1, 7.78e-1, 7.78e-1, 7.78e-1, 7.78e-1, 7.78e-1, 7.150455e-1] },
} as const satisfies Record<string, SurfaceAlbedoRow>;

/** A land-use category of {@link CMAQ_SURFACE_ALBEDO}. */
export type LandUseCategory = keyof typeof CMAQ_SURFACE_ALBEDO;
