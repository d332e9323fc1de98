/**
 * Time handling: instants are stored as UTC milliseconds since 1970-01-01T00:00Z (a `number`),
 * and a table carries its site's UTC offset in minutes (China +480, Japan +540; neither country
 * uses daylight saving). Local clock text in a file is turned into an instant only with an
 * explicit offset: nothing is guessed from the machine's time zone.
 */

/** UTC offsets of the partner countries, in minutes (CONVENTIONS.md §2). */
export const SITE_OFFSETS = { CN: 480, JP: 540, UTC: 0 } as const;

/** An offset given as minutes, `"+08:00"`, `"+0900"`, `"UTC"`, `"CN"` or `"JP"`. */
export type OffsetLike = number | string;

/**
 * Parse an offset to minutes east of UTC (readers wrap its RangeError in an AozoraInputError naming the file).
 * @throws {RangeError} when the offset is not a whole number of minutes, not a recognised text form, has minutes above 59, or lies beyond ±14 h
 */
export function parseOffset(o: OffsetLike): number {
  if (typeof o === "number") {
    if (!Number.isInteger(o) || Math.abs(o) > 14 * 60)
      throw new RangeError(`UTC offset ${o} min is not a whole number of minutes within ±14 h`);
    return o;
  }
  const s = o.trim().toUpperCase();
  if (s in SITE_OFFSETS) return SITE_OFFSETS[s as keyof typeof SITE_OFFSETS];
  if (s === "Z" || s === "GMT") return 0;
  const m = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(s);
  if (!m) throw new RangeError(`"${o}" is not a UTC offset (use e.g. "+08:00", "+09:00", "CN", "JP")`);
  if (Number(m[3] ?? 0) > 59) throw new RangeError(`"${o}" is not a UTC offset (minutes must be 00-59)`);
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (minutes > 14 * 60) throw new RangeError(`UTC offset "${o}" is beyond ±14 h`);
  return m[1] === "-" ? -minutes : minutes;
}

/** Format an offset in minutes as `+08:00`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const a = Math.abs(minutes);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, "0")}:${String(a % 60).padStart(2, "0")}`;
}

/** Format a UTC instant as local ISO 8601 text with its offset, e.g. `2025-01-01T08:00:00+08:00`. */
export function formatInstant(utcMs: number, offsetMinutes: number): string {
  if (!Number.isFinite(utcMs)) return "";
  const d = new Date(utcMs + offsetMinutes * 60000);
  const iso = d.toISOString(); // 2025-01-01T08:00:00.000Z (shifted to local wall clock)
  const ms = d.getUTCMilliseconds();
  const base = ms === 0 ? iso.slice(0, 19) : iso.slice(0, 23);
  return base + (offsetMinutes === 0 ? "Z" : formatOffset(offsetMinutes));
}

/**
 * Accepted timestamp layouts.
 * - `iso`: `YYYY-MM-DD[T| ]HH:mm[:ss[.fff]]` with optional `Z`/`±HH:MM`; also `YYYY/MM/DD`.
 * - `mdy`: `M/D/YYYY[ H:mm[:ss]]` (US style: EPA PMF files, Cooper Xact exports).
 * - `dmy`: `D/M/YYYY[ H:mm[:ss]]` (also with `.` or `-` separators).
 * - `ymd-cjk`: `2025年1月1日 9時[30分]` (Japanese/Chinese notation; 时/時/点).
 * - `excel`: an Excel serial day number (1900 date system, as stored in .xlsx).
 * - `epoch-ms`: milliseconds since 1970-01-01 UTC.
 * - `auto`: decide from the values; ambiguous day/month order is an error, not a guess.
 */
export type TimeFormat = "iso" | "mdy" | "dmy" | "ymd-cjk" | "excel" | "epoch-ms" | "auto";

export interface ParsedTime {
  /** UTC instant in ms. */
  utcMs: number;
  /** True when the text carried its own offset or `Z`. */
  hadOffset: boolean;
  /** The offset written in the text (minutes), when it had one. */
  textOffsetMinutes?: number;
}

const RE_ISO =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const RE_DAY_FIRST_OR_MONTH_FIRST =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const RE_CJK = /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:(\d{1,2})\s*[時时点:：]\s*(?:(\d{1,2})\s*分?)?)?$/;

/** Excel 1900-system epoch: serial 25569 is 1970-01-01 (accounting for Excel's 1900 leap bug). */
const EXCEL_EPOCH_SERIAL = 25569;

function civil(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number | null {
  // s = 60 (a leap second; RFC 3339 §5.6: "time-second = 2DIGIT ; 00-58, 00-59, 00-60 based on
  // leap second rules") is refused:
  // instants are POSIX milliseconds, which have no leap second, and Date.UTC would roll :60 over
  // into the next minute silently
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 24 || mi > 59 || s > 59) return null;
  if (h === 24 && (mi !== 0 || s !== 0 || ms !== 0)) return null;
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  // reject 2025-02-30 etc: Date.UTC rolls over silently
  const back = new Date(Date.UTC(y, mo - 1, d));
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t;
}

/**
 * Full-width ASCII forms (U+FF01–U+FF5E: `２０２５－０１－０１　０９：００`) and the ideographic
 * space U+3000 to their ASCII characters; nothing else changes. Unlike NFKC this leaves `²`,
 * `①` and the like alone, so they stay non-digits and the text is refused instead of misread.
 */
export function foldFullWidth(text: string): string {
  return /[\uFF01-\uFF5E\u3000]/.test(text)
    ? text.replace(/[\uFF01-\uFF5E\u3000]/g, (c) =>
        c === "\u3000" ? " " : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
      )
    : text;
}

function fraction(f: string | undefined): number {
  return f ? Math.round(Number("0." + f) * 1000) : 0;
}

/**
 * Parse one timestamp. Text without an offset is read as wall-clock time at `offsetMinutes`
 * (which must then be given). Returns `null` if the text does not match `format`.
 * Hour 24:00 is accepted and means 00:00 of the next day (Japanese hour-ending notation).
 * Full-width digits and punctuation (`２０２５－０１－０１`) are read as their ASCII forms
 * (`foldFullWidth`). Second 60 (a leap second) is refused (`null`): instants are POSIX
 * milliseconds, which have no leap seconds, and it is never rolled over into the next minute.
 */
export function parseTimestamp(
  text: string,
  format: Exclude<TimeFormat, "auto">,
  offsetMinutes: number | undefined,
): ParsedTime | null {
  const t = foldFullWidth(text).trim();
  if (t === "") return null;
  if (format === "excel" || format === "epoch-ms") {
    if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
    const v = Number(t);
    if (format === "epoch-ms") return { utcMs: v, hadOffset: true };
    if (offsetMinutes === undefined) return null;
    if (v < 1) return null;
    const wall = Math.round((v - EXCEL_EPOCH_SERIAL) * 86400000);
    return { utcMs: wall - offsetMinutes * 60000, hadOffset: false };
  }
  let y: number,
    mo: number,
    d: number,
    h = 0,
    mi = 0,
    s = 0,
    ms = 0,
    off: string | undefined;
  if (format === "iso") {
    const m = RE_ISO.exec(t);
    if (!m) return null;
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (m[4] !== undefined) [h, mi, s, ms] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0), fraction(m[7])];
    off = m[8];
  } else if (format === "mdy" || format === "dmy") {
    const m = RE_DAY_FIRST_OR_MONTH_FIRST.exec(t);
    if (!m) return null;
    const a = Number(m[1]),
      b = Number(m[2]);
    [mo, d] = format === "mdy" ? [a, b] : [b, a];
    y = Number(m[3]);
    if (m[4] !== undefined) [h, mi, s, ms] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0), fraction(m[7])];
    off = m[8];
  } else {
    const m = RE_CJK.exec(t);
    if (!m) return null;
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (m[4] !== undefined) [h, mi] = [Number(m[4]), Number(m[5] ?? 0)];
  }
  const wall = civil(y, mo, d, h, mi, s, ms);
  if (wall === null) return null;
  if (off !== undefined) {
    let o: number;
    try {
      o = parseOffset(off);
    } catch {
      return null; // e.g. "+15:00" or "+08:75": not a real offset, so not a timestamp
    }
    return { utcMs: wall - o * 60000, hadOffset: true, textOffsetMinutes: o };
  }
  if (offsetMinutes === undefined) return null;
  return { utcMs: wall - offsetMinutes * 60000, hadOffset: false };
}

/** True if the text carries a UTC offset or `Z` (so it needs no site offset). */
export function hasExplicitOffset(text: string): boolean {
  text = foldFullWidth(text);
  return /(Z|[+-]\d{2}:?\d{2})\s*$/i.test(text.trim()) && /\d[T ]\d/.test(text.trim());
}

/**
 * Decide a format from sample values. Returns the format, or a reason why none fits
 * (e.g. day/month order cannot be told apart: pass `format: "mdy"` or `"dmy"`), with the
 * `index` in `samples` of the value to blame when one can be named: the first value that does
 * not fit the layout most values fit (a repeated header row, a typo), or the first value whose
 * day/month order contradicts the values before it. Full-width digits are read as ASCII.
 */
export function detectTimeFormat(
  samples: string[],
): { format: Exclude<TimeFormat, "auto"> } | { reason: string; index?: number } {
  // index of each non-blank value in `samples`, so that a reason can point at one sample
  const at: number[] = [];
  const vals: string[] = [];
  samples.forEach((s, i) => {
    const v = foldFullWidth(s).trim();
    if (v !== "") {
      vals.push(v);
      at.push(i);
    }
  });
  if (vals.length === 0) return { reason: "no timestamps to look at" };
  if (vals.every((v) => RE_ISO.test(v))) return { format: "iso" };
  if (vals.every((v) => RE_CJK.test(v))) return { format: "ymd-cjk" };
  if (vals.every((v) => RE_DAY_FIRST_OR_MONTH_FIRST.test(v))) {
    let firstOver12 = -1,
      secondOver12 = -1;
    vals.forEach((v, k) => {
      const m = RE_DAY_FIRST_OR_MONTH_FIRST.exec(v)!;
      if (Number(m[1]) > 12 && firstOver12 < 0) firstOver12 = k;
      if (Number(m[2]) > 12 && secondOver12 < 0) secondOver12 = k;
    });
    // the later of the two first sightings is the value that contradicts the order before it
    if (firstOver12 >= 0 && secondOver12 >= 0)
      return { reason: "both day-first and month-first dates appear", index: at[Math.max(firstOver12, secondOver12)] };
    if (secondOver12 >= 0) return { format: "mdy" };
    if (firstOver12 >= 0) return { format: "dmy" };
    return { reason: 'day/month order is ambiguous in every value (pass format "mdy" or "dmy")' };
  }
  const RE_EXCEL = /^\d{4,5}(\.\d+)?$/;
  if (vals.every((v) => RE_EXCEL.test(v))) return { format: "excel" };
  // the layout most values fit; the first value that does not fit it is the one to name
  let best = RE_ISO,
    most = -1;
  for (const re of [RE_ISO, RE_CJK, RE_DAY_FIRST_OR_MONTH_FIRST, RE_EXCEL]) {
    const c = vals.filter((v) => re.test(v)).length;
    if (c > most) {
      most = c;
      best = re;
    }
  }
  const k = vals.findIndex((v) => !best.test(v));
  return {
    reason: "no known timestamp layout (iso, mdy, dmy, ymd-cjk, excel) fits all values",
    index: k >= 0 ? at[k] : undefined,
  };
}
