import { splitHeaderUnit } from "./units";

/** Options of {@link headerKey} and {@link findHeader}. */
export interface HeaderKeyOptions {
  /** What a run of spaces and underscores (and hyphens, with `hyphens`) becomes: `" "` (default) or `""` (removed). */
  joiner?: " " | "";
  /** Treat hyphens as separators too (`profile-name` = `profile_name` = `profile name`). Default false. */
  hyphens?: boolean;
}

/**
 * The comparison key of a header name: Unicode NFKC (full-width `ＰＭ２．５` → `PM2.5`, ideographic
 * space → space), lower case, each run of white space and underscores (and hyphens with
 * `hyphens: true`) replaced by `joiner`, trimmed. `Wind_Speed`, `wind  speed` and `ＷＩＮＤ　ＳＰＥＥＤ`
 * all give `wind speed`; with `joiner: ""` they give `windspeed`. The one header-name rule every
 * reader matches columns with.
 * @param text a header name (or an alias to compare with one)
 * @param opts the joiner and whether hyphens separate words
 */
export function headerKey(text: string, opts: HeaderKeyOptions = {}): string {
  const sep = opts.hyphens ? /[\s_-]+/g : /[\s_]+/g;
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(sep, " ")
    .trim()
    .replace(/ /g, opts.joiner ?? " ");
}

/**
 * Indices of every header whose name (the header without its unit, see {@link splitHeaderUnit})
 * matches: for a list of names, its {@link headerKey} equals the key of one of them; for a regular
 * expression, the expression matches the trimmed name. Empty when none does. A reader that must
 * refuse two columns for one quantity checks that at most one index comes back.
 * @param header the header cells of a file
 * @param names accepted names (any spelling that has the same key) or a pattern
 * @param opts the key options (for a list of names)
 */
export function findHeaders(
  header: readonly string[],
  names: readonly string[] | RegExp,
  opts: HeaderKeyOptions = {},
): number[] {
  const keys = names instanceof RegExp ? undefined : new Set(names.map((n) => headerKey(n, opts)));
  const out: number[] = [];
  header.forEach((h, j) => {
    const name = splitHeaderUnit(h).name;
    if (keys ? keys.has(headerKey(name, opts)) : (names as RegExp).test(name.trim())) out.push(j);
  });
  return out;
}

/**
 * Index of the first header that {@link findHeaders} matches; −1 when none does.
 * @param header the header cells of a file
 * @param names accepted names (any spelling that has the same key) or a pattern
 * @param opts the key options (for a list of names)
 */
export function findHeader(
  header: readonly string[],
  names: readonly string[] | RegExp,
  opts: HeaderKeyOptions = {},
): number {
  return findHeaders(header, names, opts)[0] ?? -1;
}
