/**
 * Photolysis frequencies for a site and a series of UTC instants: clear-sky J from the CSQY tables,
 * optionally scaled to a measured J(NO2), with user-supplied J series taking precedence per name.
 * @packageDocumentation
 */
import type { CsqyData } from "./csqy";
import { photolysisFrequencies } from "./csqy";
import { clearSkyActinicFlux, type ClearSkyOptions } from "./actinic";
import { solarPosition } from "./solar";
import { CB6R5_MCM_J, MCM_V331_PHOTOLYSIS, type McmPhotolysisParameters } from "./tables/mcm-photolysis";

/** CMAQ's names of the NO2 photolysis table (`LNO2` in `CSQY_DATA.F`), the one a measured J(NO2) scales by. */
const NO2_TABLES = ["NO2_IUPAC10", "NO2", "NO2_SAPRC99", "NO2_06", "NO2_RACM2"];

/** A site for {@link photolysisAt}. */
export interface PhotolysisSite {
  /** Latitude (degrees north). */
  lat: number;
  /** Longitude (degrees east). */
  lon: number;
  /** Altitude above sea level (m; default 0). */
  altitudeM?: number;
}

/** A value per instant: one number for all instants, or one per instant. */
export type PerInstant = number | ArrayLike<number>;

/** Options of {@link photolysisAt}. */
export interface PhotolysisAtOptions extends Omit<
  ClearSkyOptions,
  "zenithDeg" | "altitudeM" | "earthSunDistanceAu" | "ozoneColumnDU" | "surfaceTemperatureK" | "surfacePressurePa"
> {
  /** The CMAQ CSQY tables ({@link readCsqy}). */
  csqy: CsqyData;
  /** Total ozone column (DU; default 300), one value or one per instant. */
  ozoneColumnDU?: PerInstant;
  /** Air temperature at the site (K), one value or one per instant (default the U.S. Standard Atmosphere 1976 at the altitude): the CSQY temperature and the profile. */
  temperatureK?: PerInstant;
  /** Air pressure at the site (Pa), one value or one per instant (default the U.S. Standard Atmosphere 1976 at the altitude). */
  pressurePa?: PerInstant;
  /**
   * Measured J(NO2) (s⁻¹), one per instant (NaN = not measured): every modelled J at that instant is
   * multiplied by J(NO2)measured / J(NO2)model. Instants where it is NaN, or where the model's J(NO2)
   * is 0 (night), are left unscaled and listed in {@link PhotolysisSeries.unscaled}.
   */
  measuredJNO2?: ArrayLike<number>;
  /** The CSQY table a measured J(NO2) stands for (default: the file's NO2 table, e.g. `NO2_IUPAC10`). */
  no2Table?: string;
  /** User-supplied J series (s⁻¹), one value per instant, by photolysis-table name: they replace the model's (never scaled). */
  userJ?: Readonly<Record<string, ArrayLike<number>>>;
  /** Apply CMAQ's pressure corrections of named tables (default true, see {@link photolysisFrequencies}). */
  corrections?: boolean;
  /**
   * `"clear-sky"` (default): every J from the CSQY tables and the clear-sky flux. `"mcm"`: the tables of
   * {@link CB6R5_MCM_J} take the MCM v3.3.1 parameterisation J = l·(cos χ)^m·exp(−n·sec χ) at the geometric
   * zenith angle ({@link MCM_V331_PHOTOLYSIS}; 0 at χ ≥ 90° and at or above `zenithCutoffDeg`), the others
   * stay clear-sky — for comparison with MCM-based box models (MCM's J(O1D) corresponds to ~350 DU, see the
   * README, *Photolysis*). A measured J(NO2) then scales against MCM's J4.
   */
  jMethod?: "clear-sky" | "mcm";
}

/** Where one J series of a {@link PhotolysisSeries} came from. */
export type JSource =
  "clear-sky" | "clear-sky scaled to measured J(NO2)" | "user" | "MCM v3.3.1" | "MCM v3.3.1 scaled to measured J(NO2)";

/** Result of {@link photolysisAt}. */
export interface PhotolysisSeries {
  /** The instants (UTC ms). */
  times: number[];
  /** Geometric solar zenith angle at each instant (degrees). */
  zenithDeg: number[];
  /** Earth–Sun distance at each instant (AU). */
  earthSunDistanceAu: number[];
  /** J (s⁻¹) by photolysis-table name, one value per instant. */
  j: Record<string, number[]>;
  /** Where each name's series came from. */
  source: Record<string, JSource>;
  /** J(NO2)measured / J(NO2)model per instant (NaN where not applied); absent without `measuredJNO2`. */
  scale?: number[];
  /** Indices of instants left unscaled although `measuredJNO2` was given, and why. */
  unscaled: { index: number; reason: "measurement missing" | "model J(NO2) is zero" }[];
  /** The method and the options that determine the numbers. */
  method: {
    radiativeTransfer: string;
    twilight: string;
    ozoneColumnDU: number | "per instant";
    albedo: ClearSkyOptions["albedo"];
    troposphericO3Ppb: number;
    corrections: boolean;
    /** `"clear-sky"` or `"mcm"` (see {@link PhotolysisAtOptions.jMethod}). */
    jMethod: "clear-sky" | "mcm";
  };
}

/**
 * The MCM parameterisation J = l·(cos χ)^m·exp(−n·sec χ) (s⁻¹) at a geometric zenith angle χ (degrees);
 * 0 at χ ≥ 90° or at and above the twilight cutoff.
 */
function mcmJ(p: McmPhotolysisParameters, zenithDeg: number, cutoffDeg: number): number {
  if (zenithDeg >= 90 || zenithDeg >= cutoffDeg) return 0;
  const c = Math.cos((zenithDeg * Math.PI) / 180);
  return p.l * c ** p.m * Math.exp(-p.n / c);
}

function perInstant(v: PerInstant | undefined, n: number, name: string): (i: number) => number | undefined {
  if (v === undefined) return () => undefined;
  if (typeof v === "number") return () => v;
  if (v.length !== n) throw new RangeError(`photolysisAt: ${name} has ${v.length} values for ${n} instants`);
  return (i) => v[i];
}

/**
 * Photolysis frequencies (s⁻¹) of every CSQY table for a site at each UTC instant.
 *
 * At each instant: the solar zenith angle and Earth–Sun distance ({@link solarPosition}, NOAA/Meeus),
 * the clear-sky actinic flux at the ground per band ({@link clearSkyActinicFlux}, CMAQ's in-line
 * radiative transfer without clouds or aerosol), and J = Σ F·CS·EQY at the site's temperature and air
 * density ({@link photolysisFrequencies}). Night and twilight: J = 0 at and above the zenith cutoff
 * (default 85°, CMAQ's rule; `zenithCutoffDeg`).
 *
 * Scaling to a measured J(NO2) and user-supplied series follow F0AM's rules (F0AM v4.4 User Manual,
 * `Docs/F0AM_UserManual.docx`, github.com/AirChem/F0AM commit 1d69b05; Wolfe et al. 2016, Geosci.
 * Model Dev. 9, 3309–3319): "J[n]: Measured J-values (s-1), used to overwrite the default parameterized
 * values" and "jcorr: Correction factor used to scale all J-values that are not explicitly input …
 * a string specifying the name of an input J-value, e,g. 'J4' … a correction factor will be
 * calculated as the observed/calculated J-value ratio". Here every modelled J at an instant is
 * multiplied by J(NO2)measured/J(NO2)model (so the NO2 table's J equals the measurement), and
 * `userJ` series replace the model's for their names (a name not in the CSQY file is added) and are
 * never scaled; {@link PhotolysisSeries.source} says where each series came from.
 *
 * @param site - latitude, longitude (degrees) and altitude (m)
 * @param timesUtc - the instants, UTC ms
 * @param opts - the CSQY tables, ozone column, temperature, pressure, albedo, measured J(NO2), user J
 * @returns J series by name with their sources, zenith angles and the scaling applied
 * @throws {RangeError} when a per-instant option has the wrong length, a measured or user J is negative or
 *   not finite (NaN is allowed in `measuredJNO2` only), the NO2 table is not in the file, an instant is not finite,
 *   an unknown `jMethod`, or an option is out of range ({@link clearSkyActinicFlux}, {@link solarPosition})
 */
export function photolysisAt(
  site: PhotolysisSite,
  timesUtc: ArrayLike<number>,
  opts: PhotolysisAtOptions,
): PhotolysisSeries {
  const n = timesUtc.length;
  const { csqy } = opts;
  const ozone = perInstant(opts.ozoneColumnDU, n, "ozoneColumnDU");
  const temp = perInstant(opts.temperatureK, n, "temperatureK");
  const pres = perInstant(opts.pressurePa, n, "pressurePa");
  const no2 = opts.no2Table ?? csqy.tables.find((t) => NO2_TABLES.includes(t.name))?.name;
  if (opts.measuredJNO2 !== undefined) {
    if (no2 === undefined || !csqy.tables.some((t) => t.name === no2))
      throw new RangeError(
        `photolysisAt: no NO2 table ${opts.no2Table ?? `(${NO2_TABLES.join(", ")})`} in ${csqy.file}`,
      );
    if (opts.measuredJNO2.length !== n)
      throw new RangeError(`photolysisAt: measuredJNO2 has ${opts.measuredJNO2.length} values for ${n} instants`);
    for (let i = 0; i < n; i++) {
      const v = opts.measuredJNO2[i];
      if (!Number.isNaN(v) && !(Number.isFinite(v) && v >= 0))
        throw new RangeError(`photolysisAt: measuredJNO2[${i}] must be ≥ 0 s⁻¹ or NaN, got ${v}`);
    }
  }
  const user = opts.userJ ?? {};
  for (const [name, s] of Object.entries(user)) {
    if (s.length !== n) throw new RangeError(`photolysisAt: userJ.${name} has ${s.length} values for ${n} instants`);
    for (let i = 0; i < n; i++)
      if (!(Number.isFinite(s[i]) && s[i] >= 0))
        throw new RangeError(`photolysisAt: userJ.${name}[${i}] must be ≥ 0 s⁻¹, got ${s[i]}`);
  }
  const jMethod = opts.jMethod ?? "clear-sky";
  if (jMethod !== "clear-sky" && jMethod !== "mcm")
    throw new RangeError(`photolysisAt: jMethod must be "clear-sky" or "mcm", got ${String(jMethod)}`);
  const names = csqy.tables.map((t) => t.name);
  const mcmOf = new Map<string, McmPhotolysisParameters>();
  if (jMethod === "mcm")
    for (const name of names) {
      const J = CB6R5_MCM_J[name];
      if (J !== undefined) mcmOf.set(name, MCM_V331_PHOTOLYSIS[J]);
    }
  const cutoff = opts.zenithCutoffDeg ?? 85;
  const j: Record<string, number[]> = {};
  for (const name of names) j[name] = new Array<number>(n).fill(0);
  const zenithDeg: number[] = [];
  const dist: number[] = [];
  const scale: number[] | undefined = opts.measuredJNO2 === undefined ? undefined : new Array<number>(n).fill(NaN);
  const unscaled: PhotolysisSeries["unscaled"] = [];
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = timesUtc[i];
    if (!Number.isFinite(t))
      throw new RangeError(`photolysisAt: timesUtc[${i}] must be a finite UTC ms instant, got ${t}`);
    times.push(t);
    const sun = solarPosition(t, site.lat, site.lon);
    zenithDeg.push(sun.zenithDeg);
    dist.push(sun.earthSunDistanceAu);
    const f = clearSkyActinicFlux(csqy, {
      zenithDeg: sun.zenithDeg,
      altitudeM: site.altitudeM,
      earthSunDistanceAu: sun.earthSunDistanceAu,
      ozoneColumnDU: ozone(i),
      surfaceTemperatureK: temp(i),
      surfacePressurePa: pres(i),
      albedo: opts.albedo,
      troposphericO3Ppb: opts.troposphericO3Ppb,
      modelTopM: opts.modelTopM,
      layerThicknessM: opts.layerThicknessM,
      zenithCutoffDeg: opts.zenithCutoffDeg,
    });
    const r = photolysisFrequencies(csqy, f.flux, f.surface.temperatureK, {
      airDensity: f.surface.airDensity,
      corrections: opts.corrections,
    });
    for (const [name, p] of mcmOf) r.j[name] = mcmJ(p, sun.zenithDeg, cutoff);
    let k = 1;
    if (scale !== undefined) {
      const meas = opts.measuredJNO2![i];
      const model = r.j[no2!];
      if (Number.isNaN(meas)) unscaled.push({ index: i, reason: "measurement missing" });
      else if (!(model > 0)) unscaled.push({ index: i, reason: "model J(NO2) is zero" });
      else k = scale[i] = meas / model;
    }
    for (const name of names) j[name][i] = r.j[name] * k;
  }
  const source: Record<string, JSource> = {};
  for (const name of names) {
    const base = mcmOf.has(name) ? "MCM v3.3.1" : "clear-sky";
    source[name] = (scale === undefined ? base : `${base} scaled to measured J(NO2)`) as JSource;
  }
  for (const [name, s] of Object.entries(user)) {
    j[name] = Array.from(s);
    source[name] = "user";
  }
  return {
    times,
    zenithDeg,
    earthSunDistanceAu: dist,
    j,
    source,
    ...(scale !== undefined ? { scale } : {}),
    unscaled,
    method: {
      radiativeTransfer:
        "CMAQ v5.5 in-line photolysis, clear sky: Rayleigh (Nicolet 1984) + O3 absorption, delta-Eddington two-stream (Toon et al. 1989), U.S. Standard Atmosphere 1976 profile",
      twilight: `J = 0 for solar zenith angle ≥ ${opts.zenithCutoffDeg ?? 85}° (CMAQ's cutoff)`,
      ozoneColumnDU: typeof opts.ozoneColumnDU === "object" ? "per instant" : (opts.ozoneColumnDU ?? 300),
      albedo: opts.albedo ?? "URBAN",
      troposphericO3Ppb: opts.troposphericO3Ppb ?? 40,
      corrections: opts.corrections ?? true,
      jMethod,
    },
  };
}
