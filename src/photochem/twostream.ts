/**
 * The delta-Eddington two-stream solution for a stack of homogeneous layers with a
 * pseudo-spherical direct beam, as CMAQ's in-line photolysis solves it (CMAQ v5.5
 * `CCTM/src/phot/inline/PHOT_MOD.F`, subroutines `TWOSTREAM_S` and `TRIDIAGONAL`, "a modification of
 * ps2str.f from TUV"): Toon, McKay, Ackerman and Santhanam (1989), J. Geophys. Res. 94(D13),
 * 16 287–16 301 (equation numbers below are theirs), with the delta-Eddington coefficients of
 * Joseph, Wiscombe and Weinman (1976), J. Atmos. Sci. 33, 2452–2459.
 * @packageDocumentation
 */

/** Fluxes at the layer boundaries of {@link twoStream}, relative to a unit flux normal to the beam at the top. */
export interface TwoStreamFluxes {
  /** Direct-beam actinic flux at each level (top first; `nLayers + 1` values). */
  direct: number[];
  /** Diffuse downward actinic flux at each level (2 × the diffuse downward irradiance). */
  diffuseDown: number[];
  /** Diffuse upward actinic flux at each level (2 × the diffuse upward irradiance). */
  diffuseUp: number[];
  /** Diffuse downward irradiance at each level. */
  irradianceDown: number[];
  /** Diffuse upward irradiance at each level. */
  irradianceUp: number[];
}

const SMALLEST = 1e-36;
const SQRT_LARGEST = 1e18;
const INV_SQRT_LARGEST = 1e-18;
const EPS = 1e-3;
const PRECIS = 1 - 1e-7;
const LOG_SMALLEST = -709.090848126508;
const expClamped = (x: number) => Math.exp(Math.max(LOG_SMALLEST, x));

/**
 * Solve the two-stream equations for layers listed from the top down.
 *
 * Each layer's optical depth, single-scattering albedo and asymmetry factor are delta-scaled
 * (f = g²: g' = (g − f)/(1 − f), ω' = (1 − f)ω/(1 − ωf), τ' = (1 − ωf)τ); the direct beam crosses
 * layer i along the slant factor dsdh[i] (ds/dh), and the diffuse source uses the layer's
 * effective 1/μ = slant/vertical optical depth (CMAQ's `MU2`). The coefficients are Toon et al.
 * Table 1 line 1 (γ1 = (7 − ω(4 + 3g))/4, γ2 = −(1 − ω(4 − 3g))/4, γ3 = (2 − 3gμ0)/4, γ4 = 1 − γ3),
 * λ and Γ their eqs. 21–22, the particular solutions C± eqs. 23–24 (with 1/μ² shifted by 10⁻³
 * where it meets λ²), the surface term eq. 37, the tridiagonal system eqs. 39–43 and the fluxes
 * eqs. 31–32; the diffuse actinic flux is 2 × the diffuse irradiance (μ1 = 1/2).
 *
 * @param mu - cosine of the solar zenith angle (> 0)
 * @param albedo - surface albedo (0–1)
 * @param tau - unscaled optical depth of each layer (top first)
 * @param omega - unscaled single-scattering albedo of each layer
 * @param g - unscaled asymmetry factor of each layer
 * @param dsdh - slant-path factor of the direct beam in each layer
 * @returns the fluxes at the `tau.length + 1` levels, top first, for a unit flux normal to the beam at the top
 * @throws {RangeError} when the arrays differ in length or are empty, or μ is not in (0, 1]
 */
export function twoStream(
  mu: number,
  albedo: number,
  tau: readonly number[],
  omega: readonly number[],
  g: readonly number[],
  dsdh: readonly number[],
): TwoStreamFluxes {
  const n = tau.length;
  if (n === 0 || omega.length !== n || g.length !== n || dsdh.length !== n)
    throw new RangeError(`twoStream: tau, omega, g and dsdh must have one value per layer (${n})`);
  if (!(mu > 0 && mu <= 1)) throw new RangeError(`twoStream: mu must be in (0, 1], got ${mu}`);
  const pifs = 1.0;
  const fdn0 = 0.0;
  const gi = new Float64Array(n + 1);
  const omi = new Float64Array(n + 1);
  const taun = new Float64Array(n + 1);
  for (let i = 1; i <= n; i++) {
    const f = g[i - 1] * g[i - 1];
    gi[i] = (g[i - 1] - f) / (1 - f);
    omi[i] = ((1 - f) * omega[i - 1]) / (1 - omega[i - 1] * f);
    taun[i] = (1 - omega[i - 1] * f) * tau[i - 1];
  }
  const tausla = new Float64Array(n + 1);
  const tauc = new Float64Array(n + 1);
  const mu2 = new Float64Array(n + 1).fill(SQRT_LARGEST);
  for (let i = 1; i <= n; i++) {
    tausla[i] = tausla[i - 1] + taun[i] * dsdh[i - 1];
    tauc[i] = tauc[i - 1] + taun[i];
    if (tausla[i] === tausla[i - 1]) mu2[i] = INV_SQRT_LARGEST;
    else {
      const m = (tausla[i] - tausla[i - 1]) / (tauc[i] - tauc[i - 1]);
      mu2[i] = Math.sign(m) * Math.min(Math.abs(m), SQRT_LARGEST);
    }
  }
  const e1 = new Float64Array(n + 1);
  const e2 = new Float64Array(n + 1);
  const e3 = new Float64Array(n + 1);
  const e4 = new Float64Array(n + 1);
  const cup = new Float64Array(n + 1);
  const cdn = new Float64Array(n + 1);
  const cuptn = new Float64Array(n + 1);
  const cdntn = new Float64Array(n + 1);
  const mu1 = 2.0;
  for (let i = 1; i <= n; i++) {
    const G = Math.sign(gi[i]) * Math.min(Math.abs(gi[i]), PRECIS);
    const OM = Math.min(omi[i], PRECIS);
    const gam1 = (7 - OM * (4 + 3 * G)) * 0.25;
    const gam2 = -(1 - OM * (4 - 3 * G)) * 0.25;
    const gam3 = (2 - 3 * G * mu) * 0.25;
    const gam4 = 1 - gam3;
    const lam = Math.sqrt(gam1 * gam1 - gam2 * gam2);
    const bgam = Math.abs(gam2) <= SMALLEST ? 0 : (gam1 - lam) / gam2;
    const expon = expClamped(-lam * taun[i]);
    e1[i] = 1 + bgam * expon;
    e2[i] = 1 - bgam * expon;
    e3[i] = bgam + expon;
    e4[i] = bgam - expon;
    let divisr = lam * lam - mu2[i] * mu2[i];
    divisr = (divisr < 0 ? -1 : 1) * Math.max(EPS, Math.abs(divisr));
    const up = (OM * pifs * ((gam1 - mu2[i]) * gam3 + gam4 * gam2)) / divisr;
    const dn = (OM * pifs * ((gam1 + mu2[i]) * gam4 + gam2 * gam3)) / divisr;
    const expon0 = expClamped(-tausla[i - 1]);
    const expon1 = expClamped(-tausla[i]);
    cup[i] = up * expon0;
    cdn[i] = dn * expon0;
    cuptn[i] = up * expon1;
    cdntn[i] = dn * expon1;
  }
  const ssfc = albedo * mu * pifs * expClamped(-tausla[n]);
  const m = 2 * n;
  const A = new Float64Array(m + 1);
  const B = new Float64Array(m + 1);
  const D = new Float64Array(m + 1);
  const E = new Float64Array(m + 1);
  A[1] = 0;
  B[1] = e1[1];
  D[1] = -e2[1];
  E[1] = fdn0 - cdn[1];
  for (let row = 3, i = 1; row <= m - 1; row += 2, i++) {
    A[row] = e2[i] * e3[i] - e4[i] * e1[i];
    B[row] = e1[i] * e1[i + 1] - e3[i] * e3[i + 1];
    D[row] = e3[i] * e4[i + 1] - e1[i] * e2[i + 1];
    E[row] = e3[i] * (cup[i + 1] - cuptn[i]) + e1[i] * (cdntn[i] - cdn[i + 1]);
  }
  for (let row = 2, i = 1; row <= m - 2; row += 2, i++) {
    A[row] = e2[i + 1] * e1[i] - e3[i] * e4[i + 1];
    B[row] = e2[i] * e2[i + 1] - e4[i] * e4[i + 1];
    D[row] = e1[i + 1] * e4[i + 1] - e2[i + 1] * e3[i + 1];
    E[row] = (cup[i + 1] - cuptn[i]) * e2[i + 1] - (cdn[i + 1] - cdntn[i]) * e4[i + 1];
  }
  A[m] = e1[n] - albedo * e3[n];
  B[m] = e2[n] - albedo * e4[n];
  D[m] = 0;
  E[m] = ssfc - cuptn[n] + albedo * cdntn[n];
  const Y = tridiagonal(A, B, D, E, m);

  const direct = [1.0];
  const irradianceDown = [fdn0];
  const irradianceUp = [Y[1] * e3[1] - Y[2] * e4[1] + cup[1]];
  for (let lev = 2, row = 1, j = 1; lev <= n + 1; lev++, row += 2, j++) {
    direct.push(expClamped(-tausla[lev - 1]));
    irradianceDown.push(Y[row] * e3[j] + Y[row + 1] * e4[j] + cdntn[j]);
    irradianceUp.push(Y[row] * e1[j] + Y[row + 1] * e2[j] + cuptn[j]);
  }
  return {
    direct,
    diffuseDown: irradianceDown.map((v) => v * mu1),
    diffuseUp: irradianceUp.map((v) => v * mu1),
    irradianceDown,
    irradianceUp,
  };
}

/** Thomas algorithm on 1-based arrays: sub-diagonal a, diagonal b, super-diagonal d, right-hand side e. */
function tridiagonal(a: Float64Array, b: Float64Array, d: Float64Array, e: Float64Array, n: number): Float64Array {
  const y = new Float64Array(n + 1);
  const gam = new Float64Array(n + 1);
  let bet = 1 / b[1];
  y[1] = bet * e[1];
  for (let j = 2; j <= n; j++) {
    gam[j] = bet * d[j - 1];
    bet = 1 / (b[j] - a[j] * gam[j]);
    y[j] = bet * (e[j] - a[j] * y[j - 1]);
  }
  for (let j = n - 1; j >= 1; j--) y[j] -= gam[j + 1] * y[j + 1];
  return y;
}
