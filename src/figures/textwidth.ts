/**
 * Text width estimate for headless rendering. Without a canvas Vega guesses every character as
 * 0.8 em wide, which is too narrow for CJK (full-width, 1 em: labels and titles get clipped or
 * overlap) and too wide for Latin text. This estimate classifies characters instead.
 * Internal to the figures module.
 */

/** East Asian wide / full-width characters (CJK ideographs, kana, hangul, full-width forms). */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;
/** Narrow Latin glyphs (about a quarter to a third of an em in Noto Sans CJK). */
const THIN = /[\s.,:;'!|()[\]ijlrtf\u00B7]/;

/**
 * Estimated width of `text` in pixels at `fontSize` pixels: 1 em per wide (CJK) character,
 * 0.3 em per thin glyph (space, punctuation, i/l/t...), 0.62 em otherwise.
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    if (WIDE.test(ch) || ch.codePointAt(0)! > 0xffff) em += 1;
    else if (THIN.test(ch)) em += 0.3;
    else em += 0.62;
  }
  return em * fontSize;
}
