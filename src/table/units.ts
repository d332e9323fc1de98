/**
 * Units carried per column. Unit text is normalised to one spelling (`µg/m3`, `ng/m3`, `ppb`,
 * ...) so that `ug/m3`, `μg/m³` and `µg m-3` compare equal. Dimensionless quantities use `1`;
 * text columns use `""`.
 */

const ALIASES: Array<[RegExp, string]> = [
  [/^(u|μ|µ)g\s*\/?\s*(m3|m\^3|m³|m-3|nm3)$/i, "µg/m3"],
  [/^ng\s*\/?\s*(m3|m\^3|m³|m-3)$/i, "ng/m3"],
  [/^mg\s*\/?\s*(m3|m\^3|m³|m-3)$/i, "mg/m3"],
  [/^mg\s*\/?\s*nm3$/i, "mg/Nm3"],
  [/^ppbv?$/i, "ppb"],
  [/^ppmv?$/i, "ppm"],
  [/^pptv?$/i, "ppt"],
  [/^ppbc$/i, "ppbC"],
  [/^(m\/s|m s-1|m·s-1|ms-1)$/i, "m/s"],
  [/^(deg|degree|degrees|°)$/i, "deg"],
  [/^(c|°c|degc|deg c|℃)$/i, "°C"],
  [/^k$/i, "K"],
  [/^(%|％)$/, "%"],
  [/^(hpa|mbar)$/i, "hPa"],
  [/^mmhg$/i, "mmHg"],
  [/^kwh$/i, "kWh"],
];

/** Normalise unit text (`ug/m3` → `µg/m3`, `μg/m³` → `µg/m3`). Unknown units are kept as written (trimmed). */
export function normaliseUnit(unit: string): string {
  const u = unit.trim();
  for (const [re, canonical] of ALIASES) if (re.test(u)) return canonical;
  return u;
}

/**
 * Split a header such as `PM2.5 (µg/m3)`, `SO2[ppb]`, `Fe 26 (ng/m3)` or `風速(m/s)` into
 * name and unit. Returns `unit: undefined` when the header carries none.
 */
export function splitHeaderUnit(header: string): { name: string; unit?: string } {
  const h = header.trim();
  const m = /^(.*?)\s*[([（【]\s*([^()[\]（）【】]+?)\s*[)\]）】]\s*$/.exec(h);
  if (m && m[1] !== "" && looksLikeUnit(m[2])) return { name: m[1].trim(), unit: normaliseUnit(m[2]) };
  return { name: h };
}

/**
 * Heuristic: text in brackets at the end of a header is a unit when it is a known unit, or short
 * (≤ 2 words, ≤ 20 characters, no `=`) and has a unit-like character (digit, `/`, `%`, `#`, `°`,
 * `µ`) or is a single short word (`ppb`, `hPa`). `(Shenyang site)` and `(True=ON)` are not units.
 */
function looksLikeUnit(s: string): boolean {
  const t = s.trim();
  if (normaliseUnit(t) !== t) return true; // a known alias
  if (t.length === 0 || t.length > 20 || t.includes("=")) return false;
  const words = t.split(/\s+/);
  if (words.length > 2) return false;
  if (/[0-9/%％#°µμ℃³]/.test(t)) return true;
  return words.length === 1 && /^[A-Za-z]{1,5}$/.test(t);
}
