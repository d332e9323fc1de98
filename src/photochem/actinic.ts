/**
 * Clear-sky actinic flux at the ground per CSQY wavelength band, by CMAQ's in-line photolysis
 * radiative transfer without clouds or aerosol (CMAQ v5.5 `CCTM/src/phot/inline/PHOT_MOD.F`,
 * `NEW_OPTICS`; Binkowski, Arunachalam, Adelman and Pinto 2007, "Examining photolysis rates with a prototype online
 * photolysis module in CMAQ", J. Appl. Meteorol. Climatol. 46(8), 1252–1256).
 * @packageDocumentation
 */
import type { CsqyData } from "./csqy";
import { interpolateCsqyRow } from "./csqy";
import { twoStream } from "./twostream";
import { CMAQ_INLINE_PHOTOLYSIS as CMAQ, US_STANDARD_ATMOSPHERE_1976 as USSA } from "./tables/atmosphere";
import { CMAQ_SURFACE_ALBEDO, type LandUseCategory } from "./tables/albedo";
import { BOLTZMANN_J_PER_K } from "./air";

/** CMAQ's names of the O3 → O(3P) table whose cross section gives the ozone absorption in the layers (`LO3O3P`). */
const O3_TABLES = ["O3_O3P_IUPAC10", "O3O3P", "O3O3P_SAPRC99", "O3O3P_06", "O3_O3P_IUPAC04", "O3O3P_NASA06"];

/** Options of {@link clearSkyActinicFlux}. */
export interface ClearSkyOptions {
  /** Solar zenith angle (degrees), geometric. */
  zenithDeg: number;
  /** Site altitude above sea level (m; default 0). */
  altitudeM?: number;
  /**
   * Total ozone column (Dobson units; default 300 DU, F0AM v4.4's default "O3col … DEFAULT: 300 DU
   * (typical of mid-latitudes)", F0AM User Manual) — pass a measured column (OMI/TROPOMI, a
   * Dobson/Brewer station) when you have one.
   */
  ozoneColumnDU?: number;
  /**
   * Surface albedo: one value for all bands, one per band, or a MODIS land-use category of
   * {@link CMAQ_SURFACE_ALBEDO} (for a 7-band file; default `"URBAN"`).
   */
  albedo?: number | readonly number[] | LandUseCategory;
  /** Earth–Sun distance (AU; default 1): the top-of-atmosphere flux is scaled by 1/R² (CMAQ `RSQD`). */
  earthSunDistanceAu?: number;
  /** Air temperature at the ground (K; default the U.S. Standard Atmosphere 1976 at the altitude); the profile keeps the standard lapse rate. */
  surfaceTemperatureK?: number;
  /** Air pressure at the ground (Pa; default the U.S. Standard Atmosphere 1976 at the altitude); the profile is scaled to it. */
  surfacePressurePa?: number;
  /**
   * Ozone mixing ratio in the layers below the top (ppb; default 40); the rest of the column is
   * put above the top (CMAQ's `STRAT_O3_COLUMN = TOTAL_O3_COLUMN − TROPO_O3_COLUMN`).
   */
  troposphericO3Ppb?: number;
  /** Top of the layered atmosphere (m above sea level; default 16 000 m, CMAQ's "about 100 [mb] … ~ 16 [km]"). */
  modelTopM?: number;
  /** Layer thickness below the top (m; default 1000). */
  layerThicknessM?: number;
  /** Zenith angle at and above which the flux is zero (degrees; default 85, CMAQ's cutoff); at most 90. */
  zenithCutoffDeg?: number;
}

/** The actinic flux of {@link clearSkyActinicFlux} at the ground, per band. */
export interface ActinicFlux {
  /** Total actinic flux per band (photons cm⁻² s⁻¹): direct + diffuse down + diffuse up. */
  flux: number[];
  /** Direct-beam part (photons cm⁻² s⁻¹). */
  direct: number[];
  /** Diffuse downward part (photons cm⁻² s⁻¹). */
  diffuseDown: number[];
  /** Diffuse upward (surface-reflected and scattered) part (photons cm⁻² s⁻¹). */
  diffuseUp: number[];
  /** Air temperature (K) and number density (molecules cm⁻³) at the ground of the profile used. */
  surface: { temperatureK: number; airDensity: number; pressurePa: number };
  /** Ozone column (DU) in the layers and above the top. */
  ozoneColumnDU: { layers: number; aboveTop: number };
  /** Vertical Rayleigh and ozone optical depth of the whole atmosphere per band. */
  opticalDepth: { rayleigh: number[]; ozone: number[] };
}

/**
 * Rayleigh scattering cross section (cm² molecule⁻¹) at a wavelength, Nicolet (1984), Planet. Space
 * Sci. 32(11), 1467–1468, as CMAQ `GETSRAY` writes it: σ = 4.02 × 10⁻²⁸ / λ^x (λ in µm) with
 * x = 3.6772 + 0.389 λ + 0.09426/λ for λ ≤ 0.55 µm and x = 4.04 above.
 * @param wavelengthNm - wavelength (nm)
 * @returns the cross section (cm²)
 * @throws {RangeError} when the wavelength is not positive
 */
export function rayleighCrossSection(wavelengthNm: number): number {
  if (!(wavelengthNm > 0)) throw new RangeError(`rayleighCrossSection: wavelength must be > 0 nm, got ${wavelengthNm}`);
  const w = wavelengthNm * 1e-3;
  const x = w <= 0.55 ? 3.6772 + 0.389 * w + 0.09426 / w : 4.04;
  return 4.02e-28 / w ** x;
}

/**
 * Temperature (K) and pressure (Pa) of the U.S. Standard Atmosphere 1976 at a geopotential altitude
 * up to 20 km: T = 288.15 − 0.0065 h below 11 km, 216.65 K above; p from the hydrostatic equation,
 * p = 101 325 (T/288.15)^(g0 M/(R* 0.0065)) below 11 km and p11 exp(−g0 M (h − 11 000)/(R* 216.65)) above.
 * @param altitudeM - geopotential altitude (m), −500 to 20 000
 * @returns temperature (K) and pressure (Pa)
 * @throws {RangeError} outside −500 to 20 000 m
 */
export function standardAtmosphere(altitudeM: number): { temperatureK: number; pressurePa: number } {
  if (!(altitudeM >= -500 && altitudeM <= USSA.isothermalTopM))
    throw new RangeError(`standardAtmosphere: altitude must be in [-500, 20000] m, got ${altitudeM}`);
  const gmr = (USSA.g0 * USSA.molarMassKgPerMol) / USSA.gasConstant;
  const t11 = USSA.seaLevelTemperatureK + USSA.lapseRateKPerM * USSA.tropopauseM;
  const expo = -gmr / USSA.lapseRateKPerM;
  if (altitudeM <= USSA.tropopauseM) {
    const t = USSA.seaLevelTemperatureK + USSA.lapseRateKPerM * altitudeM;
    return { temperatureK: t, pressurePa: USSA.seaLevelPressurePa * (t / USSA.seaLevelTemperatureK) ** expo };
  }
  const p11 = USSA.seaLevelPressurePa * (t11 / USSA.seaLevelTemperatureK) ** expo;
  return { temperatureK: t11, pressurePa: p11 * Math.exp((-gmr * (altitudeM - USSA.tropopauseM)) / t11) };
}

/**
 * Slant-path factors ds/dh of the direct beam in spherical geometry, CMAQ `SLANTPATH2` (Dahlback
 * and Stamnes 1991, Planet. Space Sci. 39(5), 671–683, appendix B eq. B1): for the layer between
 * heights z_j (top) and z_{j+1} above the ground, |√(r_j² − (r_j sin θ)²) − √(r_{j+1}² − (r_j sin θ)²)| / Δz
 * with r = R_E + ground altitude + z.
 */
function slantPath(edgesTopDown: readonly number[], groundM: number, sinZ: number): number[] {
  const re = CMAQ.earthRadiusM + groundM;
  const out: number[] = [];
  for (let j = 0; j + 1 < edgesTopDown.length; j++) {
    const rj = re + edgesTopDown[j];
    const rj1 = re + edgesTopDown[j + 1];
    const rp2 = (rj * sinZ) ** 2;
    const gb = Math.sqrt(Math.max(0, rj * rj - rp2));
    const ga = Math.sqrt(Math.max(0, rj1 * rj1 - rp2));
    out.push(Math.abs(gb - ga) / (edgesTopDown[j] - edgesTopDown[j + 1]));
  }
  return out;
}

/**
 * Clear-sky actinic flux at the ground in each band of a CSQY file, by CMAQ v5.5's in-line
 * photolysis (`NEW_OPTICS`) without clouds or aerosol: layers from the ground to `modelTopM` with
 * Rayleigh scattering (Nicolet 1984, {@link rayleighCrossSection}) and ozone absorption (the file's
 * O3 → O(3P) cross section at each layer's temperature), plus one layer above the top holding the
 * rest of the ozone column (the file's `O3_STRAT` cross sections at CMAQ's 225 K) and the air above
 * the top (column = scale height × extrapolated density, `NBAR = HSCALE·DENSTOM`), with
 * single-scattering albedo τ_R/(τ_R + τ_O3) and asymmetry factor 0.05; the direct beam follows the
 * spherical slant path (Dahlback and Stamnes 1991), and the delta-Eddington two-stream solution
 * ({@link twoStream}, Toon et al. 1989) gives direct, diffuse downward and upward actinic fluxes with
 * the surface albedo. The band's top-of-atmosphere flux is the file's divided by R² (R, the
 * Earth–Sun distance in AU).
 *
 * Differences from CMAQ: the temperature and pressure profile is the U.S. Standard Atmosphere 1976
 * (scaled to the given surface values), not a meteorological model's layers; the flux is evaluated
 * at the ground (CMAQ evaluates each layer at its top interface); NO2 absorption in the layers is
 * not included; the albedo is not corrected for season, zenith angle or snow.
 *
 * Accuracy (issue #22, `test/photochem/jo1d.test.ts`): with 7 bands the O(1D) photolysis frequency is
 * 8–11 % above a spectrally resolved calculation through this same radiative transfer (0.5 nm bands from
 * CMAQ's 0.05 nm preprocessor inputs, JPL/Matsumi O(1D) yield) at SZA 0–60°, 15–31 % at 70–80°: the error of
 * averaging over CMAQ's bands, which CMAQ shares (its `GET_TAUO3` forms the stratospheric O3 optical depth as
 * here). Against MCM v3.3.1 J1 at the conditions that reproduce it (350 DU, albedo 0.01, 500 m, as F0AM
 * found) J(O1D) is +3–8 % at SZA ≤ 45°; at 300 DU and albedo 0.1 it is +50 % because MCM's fit is a
 * ~350 DU one, not because of a defect.
 *
 * Twilight: at and above `zenithCutoffDeg` (default 85°) every flux is zero, as CMAQ returns zero
 * photolysis rates for cos θ ≤ cos 85° ("the critical zenith angle for the stratospheric slant path
 * is 85 degrees").
 *
 * @param csqy - the CSQY file's bands, O3 and O3_STRAT cross sections
 * @param opts - zenith angle, altitude, ozone column, albedo, Earth–Sun distance and profile options
 * @returns the actinic flux per band at the ground and the optical depths used
 * @throws {RangeError} when an option is out of range (zenith outside [0, 180], negative ozone or albedo outside [0, 1],
 *   a land-use name with a file that does not have 7 bands, a layer ozone column larger than the total), or the file
 *   has no O3 → O(3P) table
 */
export function clearSkyActinicFlux(csqy: CsqyData, opts: ClearSkyOptions): ActinicFlux {
  const nb = csqy.bands.length;
  const zenith = opts.zenithDeg;
  if (!(zenith >= 0 && zenith <= 180))
    throw new RangeError(`clearSkyActinicFlux: zenithDeg must be in [0, 180], got ${zenith}`);
  const cutoff = opts.zenithCutoffDeg ?? CMAQ.zenithCutoffDeg;
  if (!(cutoff > 0 && cutoff <= 90))
    throw new RangeError(`clearSkyActinicFlux: zenithCutoffDeg must be in (0, 90], got ${cutoff}`);
  const z0 = opts.altitudeM ?? 0;
  const top = opts.modelTopM ?? 16000;
  const dz = opts.layerThicknessM ?? 1000;
  if (!(z0 >= -500 && z0 < top - 100))
    throw new RangeError(`clearSkyActinicFlux: altitudeM must be in [-500, modelTopM − 100) m, got ${z0}`);
  if (!(top > 0 && top <= USSA.isothermalTopM && top < CMAQ.topOfAtmosphereM))
    throw new RangeError(`clearSkyActinicFlux: modelTopM must be in (0, 20000] m, got ${top}`);
  if (!(dz >= 10 && dz <= 5000))
    throw new RangeError(`clearSkyActinicFlux: layerThicknessM must be in [10, 5000] m, got ${dz}`);
  const ozone = opts.ozoneColumnDU ?? 300;
  if (!(ozone >= 0 && Number.isFinite(ozone)))
    throw new RangeError(`clearSkyActinicFlux: ozoneColumnDU must be ≥ 0, got ${ozone}`);
  const tropPpb = opts.troposphericO3Ppb ?? 40;
  if (!(tropPpb >= 0 && Number.isFinite(tropPpb)))
    throw new RangeError(`clearSkyActinicFlux: troposphericO3Ppb must be ≥ 0, got ${tropPpb}`);
  const r = opts.earthSunDistanceAu ?? 1;
  if (!(r > 0.9 && r < 1.1))
    throw new RangeError(`clearSkyActinicFlux: earthSunDistanceAu must be in (0.9, 1.1), got ${r}`);
  const albedo = albedoPerBand(opts.albedo ?? "URBAN", nb);
  const o3Table = csqy.tables.find((t) => O3_TABLES.includes(t.name));
  if (o3Table === undefined)
    throw new RangeError(`clearSkyActinicFlux: ${csqy.file} has no O3 → O(3P) table (${O3_TABLES.join(", ")})`);

  // the profile: U.S. Standard Atmosphere 1976 shifted to the surface temperature, scaled to the surface pressure
  const std0 = standardAtmosphere(z0);
  const tSfc = opts.surfaceTemperatureK ?? std0.temperatureK;
  const pSfc = opts.surfacePressurePa ?? std0.pressurePa;
  if (!(tSfc > 150 && tSfc < 350))
    throw new RangeError(`clearSkyActinicFlux: surfaceTemperatureK must be in (150, 350), got ${tSfc}`);
  if (!(pSfc > 1e4 && pSfc < 1.2e5))
    throw new RangeError(`clearSkyActinicFlux: surfacePressurePa must be in (10 000, 120 000), got ${pSfc}`);
  const density = (z: number) => {
    const s = standardAtmosphere(z);
    const t = s.temperatureK + (tSfc - std0.temperatureK);
    const p = (s.pressurePa * pSfc) / std0.pressurePa;
    return { t, n: p / (BOLTZMANN_J_PER_K * t) / 1e6 };
  };
  const edges: number[] = []; // heights above the ground, bottom up
  for (let h = 0; z0 + h < top - 1e-9; h += dz) edges.push(h);
  edges.push(top - z0);
  const nLay = edges.length - 1;
  const layers = Array.from({ length: nLay }, (_, k) => {
    const mid = z0 + (edges[k] + edges[k + 1]) / 2;
    return { ...density(mid), dzCm: (edges[k + 1] - edges[k]) * 100, midM: mid };
  });
  let tropColumn = 0; // molecules cm-2
  for (const l of layers) tropColumn += tropPpb * 1e-9 * l.n * l.dzCm;
  const tropDU = tropColumn / CMAQ.duToMoleculesPerCm2;
  const stratDU = ozone - tropDU;
  if (stratDU < 0)
    throw new RangeError(
      `clearSkyActinicFlux: the layers' ozone (${tropDU.toFixed(1)} DU at ${tropPpb} ppb) exceeds the column ${ozone} DU`,
    );
  // air above the top: CMAQ's HSCALE = R_G·T_top (cm), DENSTOM, NBAR
  const topLayer = layers[nLay - 1];
  const hscale = ((100 * CMAQ.dryAirGasConstant) / CMAQ.gravity) * topLayer.t;
  const denstom = topLayer.n * Math.exp((-100 * (top - topLayer.midM)) / hscale);
  const nbar = hscale * denstom;
  const o3StratCs = interpolateCsqyRow(csqy.o3Strat.temperaturesK, csqy.o3Strat.cs, CMAQ.stratosphereTemperatureK);
  const o3Cs = layers.map((l) => interpolateCsqyRow(csqy.temperaturesK, o3Table.cs, l.t));

  const surface = { temperatureK: tSfc, airDensity: layers.length > 0 ? density(z0).n : 0, pressurePa: pSfc };
  const zeros = () => new Array<number>(nb).fill(0);
  const out: ActinicFlux = {
    flux: zeros(),
    direct: zeros(),
    diffuseDown: zeros(),
    diffuseUp: zeros(),
    surface,
    ozoneColumnDU: { layers: tropDU, aboveTop: stratDU },
    opticalDepth: { rayleigh: zeros(), ozone: zeros() },
  };
  for (let b = 0; b < nb; b++) {
    const sr = rayleighCrossSection(csqy.bands[b].effectiveNm);
    let tr = nbar * sr;
    let to = CMAQ.duToMoleculesPerCm2 * stratDU * o3StratCs[b];
    for (let k = 0; k < nLay; k++) {
      tr += sr * layers[k].n * layers[k].dzCm;
      to += o3Cs[k][b] * tropPpb * 1e-9 * layers[k].n * layers[k].dzCm;
    }
    out.opticalDepth.rayleigh[b] = tr;
    out.opticalDepth.ozone[b] = to;
  }
  if (zenith >= cutoff) return out;

  const rad = Math.PI / 180;
  const mu = Math.cos(zenith * rad);
  const sinZ = Math.sin(zenith * rad);
  const edgesTopDown = edges.slice().reverse();
  const dsdh = slantPath(edgesTopDown, z0, sinZ);
  // CMAQ SLANTPATHTOP: from the top of the layers to ZTOA, impact parameter at ZTOA
  const rToa = CMAQ.earthRadiusM + CMAQ.topOfAtmosphereM;
  const rTop = CMAQ.earthRadiusM + top;
  const rp2 = (rToa * sinZ) ** 2;
  const dsdhTop =
    (Math.sqrt(Math.max(0, rToa * rToa - rp2)) - Math.sqrt(Math.max(0, rTop * rTop - rp2))) /
    (CMAQ.topOfAtmosphereM - top);
  for (let b = 0; b < nb; b++) {
    const sr = rayleighCrossSection(csqy.bands[b].effectiveNm);
    const tauRayTop = nbar * sr;
    const tauO3Top = CMAQ.duToMoleculesPerCm2 * stratDU * o3StratCs[b];
    const tau: number[] = [tauO3Top + tauRayTop];
    const om: number[] = [tauRayTop / (tauRayTop + tauO3Top)];
    const g: number[] = [CMAQ.stratosphereAsymmetry];
    const ds: number[] = [dsdhTop];
    for (let k = nLay - 1, j = 0; k >= 0; k--, j++) {
      const l = layers[k];
      const scat = Math.max(sr * l.n * l.dzCm, 1e-36) + 1e-36;
      const abs = Math.max(o3Cs[k][b] * tropPpb * 1e-9 * l.n * l.dzCm, 1e-36) + 1e-36;
      tau.push(scat + abs);
      om.push(Math.min(0.9999, scat / (scat + abs)));
      g.push(0);
      ds.push(dsdh[j]);
    }
    const f = twoStream(mu, albedo[b], tau, om, g, ds);
    const toa = csqy.bands[b].toaPhotonFlux / (r * r);
    const last = tau.length;
    out.direct[b] = toa * f.direct[last];
    out.diffuseDown[b] = toa * f.diffuseDown[last];
    out.diffuseUp[b] = toa * f.diffuseUp[last];
    out.flux[b] = out.direct[b] + out.diffuseDown[b] + out.diffuseUp[b];
  }
  return out;
}

function albedoPerBand(a: number | readonly number[] | LandUseCategory, nb: number): number[] {
  let v: number[];
  if (typeof a === "number") v = new Array<number>(nb).fill(a);
  else if (typeof a === "string") {
    const row = (CMAQ_SURFACE_ALBEDO as Record<string, { albedo: readonly number[] }>)[a];
    if (row === undefined)
      throw new RangeError(
        `clearSkyActinicFlux: albedo "${a}" is not one of ${Object.keys(CMAQ_SURFACE_ALBEDO).join(", ")}`,
      );
    if (row.albedo.length !== nb)
      throw new RangeError(
        `clearSkyActinicFlux: land-use albedo "${a}" has ${row.albedo.length} bands, the file ${nb}`,
      );
    v = row.albedo.slice();
  } else v = Array.from(a);
  if (v.length !== nb) throw new RangeError(`clearSkyActinicFlux: albedo has ${v.length} values for ${nb} bands`);
  for (const x of v)
    if (!(x >= 0 && x <= 1)) throw new RangeError(`clearSkyActinicFlux: albedo must be in [0, 1], got ${x}`);
  return v;
}
