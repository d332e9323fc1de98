/**
 * Cooper Xact 625i 60-minute minimum detection limits, ng/m3, as listed in the project's
 * conventions (CONVENTIONS.md §3, from Cooper Environmental's published 625i specification;
 * "verify" against your instrument's certificate: MDLs depend on filament, tape and sample
 * time). Override per element with the `mdl` option of the functions that use them.
 */
export const XACT625I_MDL_NG_M3: Readonly<Record<string, number>> = Object.freeze({
  Al: 100,
  Si: 18,
  S: 3.2,
  K: 1.2,
  Ca: 0.3,
  Ti: 1.6,
  V: 0.12,
  Cr: 0.12,
  Mn: 0.14,
  Fe: 0.17,
  Ni: 0.096,
  Cu: 0.079,
  Zn: 0.067,
  As: 0.063,
  Se: 0.081,
  Cd: 2.5,
  Sb: 5.2,
  Ba: 0.39,
  Pb: 0.13,
});

/** Citation of {@link XACT625I_MDL_NG_M3}. */
export const XACT625I_MDL_SOURCE =
  "Cooper Environmental Xact 625i specification (60-min MDLs), as compiled in aozora CONVENTIONS.md §3 (verify against the instrument certificate)";

/**
 * The MDL table in use: the defaults overlaid with `overrides` (ng/m3). Throws for a
 * non-positive override.
 * @throws {RangeError} when an MDL is not > 0 ng/m3
 */
export function xactMdlTable(overrides: Record<string, number> = {}): Record<string, number> {
  const out: Record<string, number> = { ...XACT625I_MDL_NG_M3 };
  for (const [el, v] of Object.entries(overrides)) {
    if (!(v > 0)) throw new RangeError(`MDL of ${el} must be > 0 ng/m3, got ${v}`);
    out[el] = v;
  }
  return out;
}
