/**
 * 16-point compass wind directions (English, Japanese and Chinese names, and the numeric 16-point
 * code of Japanese monitoring files) → meteorological degrees, with calm as a flag.
 *
 * Definition: the 16 points divide the circle into 22.5° steps clockwise from north, the
 * direction the wind blows FROM (the convention of src/directional, CONVENTIONS.md §2):
 * N = 0°, NNE = 22.5°, NE = 45°, … NNW = 337.5°. North is 0 (not 360) because every directional
 * function of aozora works in [0, 360) (`vectorMeanWind` returns [0, 360), `sectorIndex` centres
 * sector 0 on 0°).
 *
 * Numeric 16-point code (Japanese files): 1 = NNE (北北東), increasing clockwise by 1, 16 = N (北),
 * 0 = calm (静穏). Sources: Yokohama City, "METI-LIS 入力用 横浜市内の長期気象データの入手方法"
 * (横浜市環境創造局, wind direction field: "0~16(北北東を 1 として、時計回りに1増やしていき、16
 * が北。無風 (C)は 0。)", https://expydoc.com/doc/7559724/ copy); NIED 防災科学技術研究所
 * 雪氷防災研究センター 新庄 "気象観測データファイルの説明" ("16方位(1:北北東、16:北、0:静穏のため不定)",
 * https://www.bosai.go.jp/seppyo-prev/sekisetu_kisyou_sinjo/ksetumei.html). The code is not
 * read unless asked for (`numeric: true`), since a plain number in a wind-direction column is
 * usually degrees.
 */

/** The 16 English point names, clockwise from north (index k ↔ k × 22.5°). */
export const COMPASS_POINTS_EN: readonly string[] = [
  "N",
  "NNE",
  "NE",
  "ENE",
  "E",
  "ESE",
  "SE",
  "SSE",
  "S",
  "SSW",
  "SW",
  "WSW",
  "W",
  "WNW",
  "NW",
  "NNW",
];

/** The 16 Japanese point names (北, 北北東, 北東, 東北東, 東, …), clockwise from north. */
export const COMPASS_POINTS_JA: readonly string[] = [
  "北",
  "北北東",
  "北東",
  "東北東",
  "東",
  "東南東",
  "南東",
  "南南東",
  "南",
  "南南西",
  "南西",
  "西南西",
  "西",
  "西北西",
  "北西",
  "北北西",
];

/**
 * The 16 Chinese point names in simplified characters (北, 北东北, 东北, 东东北, 东, …), clockwise from
 * north. These forms were written from common Chinese meteorological usage; the text of a Chinese
 * standard listing them was not consulted.
 */
export const COMPASS_POINTS_ZH: readonly string[] = [
  "北",
  "北东北",
  "东北",
  "东东北",
  "东",
  "东东南",
  "东南",
  "南东南",
  "南",
  "南西南",
  "西南",
  "西西南",
  "西",
  "西西北",
  "西北",
  "北西北",
];

/** Texts meaning calm (no direction), compared after trimming, case-insensitive: CALM, C, 静穏, 静稳, 静风, 無風, 无风. */
export const CALM_CODES: readonly string[] = ["CALM", "C", "静穏", "静稳", "静风", "無風", "无风"];

/** A direction cell read as compass text. */
export type CompassParse =
  { kind: "direction"; degrees: number; point: string } | { kind: "calm"; text: string } | { kind: "none" };

const LOOKUP = new Map<string, number>();
COMPASS_POINTS_EN.forEach((p, k) => LOOKUP.set(p, k));
COMPASS_POINTS_JA.forEach((p, k) => LOOKUP.set(p, k));
COMPASS_POINTS_ZH.forEach((p, k) => LOOKUP.set(p, k));
// intercardinals written in the Chinese order with Japanese kanji (東北 = NE, 東南 = SE, 西南 = SW, 西北 = NW)
for (const [t, k] of [
  ["東北", 2],
  ["東南", 6],
  ["西南", 10],
  ["西北", 14],
] as const)
  if (!LOOKUP.has(t)) LOOKUP.set(t, k);
const CALM = new Set(CALM_CODES.map((c) => c.toUpperCase()));

/** Full-width ASCII letters and digits (Ｎ, ＮＮＥ, １６) to half-width; other characters unchanged. */
function halfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Degrees (clockwise from north, the direction the wind blows from) of the k-th of 16 compass
 * points: k × 22.5°, k = 0 (N) … 15 (NNW).
 * @throws {RangeError} when k is not an integer in 0..15
 */
export function compassPointDegrees(k: number): number {
  if (!Number.isInteger(k) || k < 0 || k > 15) throw new RangeError(`compassPointDegrees: k must be 0..15, got ${k}`);
  return k * 22.5;
}

/**
 * Read one cell as a 16-point compass direction: English (`N`, `nne`, full-width `ＮＮＥ`),
 * Japanese (`北北東`), Chinese (`东北`), or calm (`CALM`, `C`, `静穏`, `静稳`, …, {@link CALM_CODES});
 * with `numeric: true` also the Japanese 16-point code (1 = NNE … 16 = N, 0 = calm; see the module
 * comment for its sources). Anything else is `{ kind: "none" }` (the caller decides whether that
 * is a number, a missing code or an error).
 *
 * @param text the cell text
 * @param opts `numeric`: read integer codes 0–16 as the 16-point code (default false)
 */
export function parseCompass(text: string, opts: { numeric?: boolean } = {}): CompassParse {
  const t = halfWidth(text.trim());
  if (t === "") return { kind: "none" };
  const up = t.toUpperCase();
  if (CALM.has(up)) return { kind: "calm", text: t };
  const k = LOOKUP.get(up) ?? LOOKUP.get(t);
  if (k !== undefined) return { kind: "direction", degrees: k * 22.5, point: COMPASS_POINTS_EN[k] };
  if (opts.numeric && /^\d{1,2}$/.test(t)) {
    const c = Number(t);
    if (c === 0) return { kind: "calm", text: t };
    if (c >= 1 && c <= 16) {
      const kk = c % 16;
      return { kind: "direction", degrees: kk * 22.5, point: COMPASS_POINTS_EN[kk] };
    }
  }
  return { kind: "none" };
}

/** Header names of a wind-direction column (after the unit is split off): WD, wd, 風向, 风向, wind direction, wdir. */
export const WIND_DIRECTION_HEADER = /^(wd|wdir|wind[ _]?dir(ection)?|風向|风向)$/i;
