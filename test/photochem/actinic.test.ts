import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  clearSkyActinicFlux,
  CMAQ_SURFACE_ALBEDO,
  rayleighCrossSection,
  readCsqy,
  standardAtmosphere,
  twoStream,
} from "../../src/photochem";

const csqy = readCsqy(readFileSync(join(__dirname, "fixtures", "CSQY_DATA_cb6r5_ae7_aq"), "utf8"), { file: "csqy" });

describe("standardAtmosphere: U.S. Standard Atmosphere 1976", () => {
  it("the standard's layer-base values: 11 km 216.65 K and 2.263206e4 Pa, 20 km 5.474889e3 Pa (Table 4 P_b)", () => {
    expect(standardAtmosphere(0)).toEqual({ temperatureK: 288.15, pressurePa: 101325 });
    const t = standardAtmosphere(11000);
    expect(t.temperatureK).toBeCloseTo(216.65, 9);
    expect(t.pressurePa).toBeCloseTo(22632.06, 1);
    expect(standardAtmosphere(20000).pressurePa).toBeCloseTo(5474.889, 1);
  });
  it("refuses altitudes outside −500 to 20 000 m", () => {
    expect(() => standardAtmosphere(25000)).toThrow(RangeError);
  });
});

describe("twoStream: delta-Eddington (Toon et al. 1989), CMAQ TWOSTREAM_S", () => {
  it("without scattering it is Beer–Lambert along the slant path: exp(−Σ τ·dsdh), no diffuse light", () => {
    const tau = [0.2, 0.3, 0.5];
    const dsdh = [1.5, 1.5, 1.5];
    const f = twoStream(Math.cos(Math.acos(1 / 1.5)), 0, tau, [1e-9, 1e-9, 1e-9], [0, 0, 0], dsdh);
    expect(f.direct[3]).toBeCloseTo(Math.exp(-1.0 * 1.5), 12);
    expect(f.direct[1]).toBeCloseTo(Math.exp(-0.2 * 1.5), 12);
    expect(Math.abs(f.diffuseDown[3])).toBeLessThan(1e-8);
    expect(Math.abs(f.diffuseUp[0])).toBeLessThan(1e-8);
  });
  it("conservative scattering over a black surface conserves energy: transmitted + reflected irradiance = μ0", () => {
    const mu = Math.cos((30 * Math.PI) / 180);
    const tau = [0.1, 0.4, 0.5];
    const f = twoStream(mu, 0, tau, [1, 1, 1], [0, 0, 0], [1 / mu, 1 / mu, 1 / mu]);
    const transmitted = mu * f.direct[3] + f.irradianceDown[3];
    const reflected = f.irradianceUp[0];
    expect((transmitted + reflected) / mu).toBeCloseTo(1, 5);
  });
  it("a Lambertian surface reflects albedo × the downward irradiance (Toon et al. eq. 37 boundary)", () => {
    const mu = 0.8;
    const A = 0.3;
    const f = twoStream(mu, A, [0.3, 0.6], [0.9, 0.95], [0, 0.05], [1.25, 1.25]);
    expect(f.irradianceUp[2]).toBeCloseTo(A * (f.irradianceDown[2] + mu * f.direct[2]), 12);
    expect(f.diffuseUp[2]).toBeCloseTo(2 * f.irradianceUp[2], 12);
  });
});

describe("clearSkyActinicFlux: CMAQ in-line radiative transfer without clouds or aerosol", () => {
  it("the Rayleigh optical depth / σ is the air column p/(m_air·g) = 2.1482e25 cm⁻² at 101 325 Pa (hydrostatic)", () => {
    const f = clearSkyActinicFlux(csqy, { zenithDeg: 30, altitudeM: 0, ozoneColumnDU: 300, albedo: 0.1 });
    const mAir = 0.0289644 / 6.02214076e23; // kg per molecule (USSA 1976 molar mass, CODATA N_A)
    const column = 101325 / (mAir * 9.80665) / 1e4; // molecules cm⁻²
    const sigma = rayleighCrossSection(csqy.bands[5].effectiveNm);
    expect(f.opticalDepth.rayleigh[5] / sigma / column).toBeCloseTo(1, 2);
  });
  it("the ozone optical depth of the column above the layers is 2.6879e16 × DU × σ(O3_STRAT, 225 K)", () => {
    const a = clearSkyActinicFlux(csqy, { zenithDeg: 30, ozoneColumnDU: 300, troposphericO3Ppb: 0, albedo: 0 });
    // band 1: σ at 225 K, linear between 180 K 6.113743e-19 and 260 K 6.434133e-19 (the file's O3_STRAT rows)
    const sigma = 6.113743e-19 + ((6.434133e-19 - 6.113743e-19) * (225 - 180)) / (260 - 180);
    expect(a.opticalDepth.ozone[0] / (2.6879e16 * 300 * sigma)).toBeCloseTo(1, 10);
    expect(a.ozoneColumnDU).toEqual({ layers: 0, aboveTop: 300 });
  });
  it("scales as 1/R² with the Earth–Sun distance: perihelion/aphelion (1.0167/0.9833)² = 1.0691", () => {
    const near = clearSkyActinicFlux(csqy, { zenithDeg: 20, earthSunDistanceAu: 0.9833 });
    const far = clearSkyActinicFlux(csqy, { zenithDeg: 20, earthSunDistanceAu: 1.0167 });
    for (let b = 0; b < 7; b++) expect(near.flux[b] / far.flux[b]).toBeCloseTo((1.0167 / 0.9833) ** 2, 10);
  });
  it("is zero at and above CMAQ's 85° cutoff, and the cutoff is an option", () => {
    expect(clearSkyActinicFlux(csqy, { zenithDeg: 85 }).flux.every((v) => v === 0)).toBe(true);
    expect(clearSkyActinicFlux(csqy, { zenithDeg: 86, zenithCutoffDeg: 88 }).flux[5]).toBeGreaterThan(0);
  });
  it("a land-use albedo is CMAQ's PHOT_OPTICS.dat row (URBAN band 7 = 1.904894E-01)", () => {
    expect(CMAQ_SURFACE_ALBEDO.URBAN.albedo[6]).toBe(1.904894e-1);
    const urban = clearSkyActinicFlux(csqy, { zenithDeg: 30, albedo: "URBAN" });
    const same = clearSkyActinicFlux(csqy, { zenithDeg: 30, albedo: CMAQ_SURFACE_ALBEDO.URBAN.albedo });
    expect(urban.flux).toEqual(same.flux);
  });
  it("more ozone, less UV-B: the 291–298 nm band falls, the 412–850 nm band hardly moves", () => {
    const lo = clearSkyActinicFlux(csqy, { zenithDeg: 30, ozoneColumnDU: 250 });
    const hi = clearSkyActinicFlux(csqy, { zenithDeg: 30, ozoneColumnDU: 400 });
    expect(hi.flux[0] / lo.flux[0]).toBeLessThan(0.2);
    expect(hi.flux[6] / lo.flux[6]).toBeGreaterThan(0.99);
  });
  it("refuses bad options", () => {
    expect(() => clearSkyActinicFlux(csqy, { zenithDeg: -1 })).toThrow(RangeError);
    expect(() => clearSkyActinicFlux(csqy, { zenithDeg: 10, albedo: 1.5 })).toThrow(RangeError);
    expect(() => clearSkyActinicFlux(csqy, { zenithDeg: 10, ozoneColumnDU: 10, troposphericO3Ppb: 80 })).toThrow(
      /exceeds the column/,
    );
    expect(() => clearSkyActinicFlux(csqy, { zenithDeg: 10, albedo: "MARS" as never })).toThrow(RangeError);
  });
});
