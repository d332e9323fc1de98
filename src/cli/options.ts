/**
 * The one option parser of the command line (`aozora <verb> …`): typed option specs, one number
 * parser with bounds, "did you mean" suggestions (Damerau–Levenshtein distance ≤ 2) and one error
 * class for usage errors. Every verb declares its options here-style; `src/cli/main.ts` parses them
 * before the verb runs, so a verb never sees an unknown, empty or out-of-range value.
 */

/** What the front end checks on the file system before the verb computes anything. */
export type FsCheck = "input-file" | "input-dir" | "input-file-or-dir" | "output-file" | "output-dir";

interface OptionBase {
  /** One line of help (units and meaning); the default is appended by the help printer. */
  help: string;
  /** Placeholder shown in the help (`--file F`); default derived from the type. */
  value?: string;
  /** The verb cannot run without it: absent → usage error before anything is read. */
  required?: boolean;
  /** File-system check of the value (each comma-separated item when `list`). */
  fs?: FsCheck;
}

/** A flag: present → true. */
export interface BooleanOption extends OptionBase {
  type: "boolean";
}

/** A text value, optionally one of fixed choices; `multiple` collects repeats. */
export interface StringOption extends OptionBase {
  type: "string";
  default?: string;
  /** Accepted values (exact match); anything else is a usage error with a suggestion. */
  choices?: readonly string[];
  /** The option may be repeated; the values are collected in order. */
  multiple?: boolean;
  /** Values are comma-separated lists (used by the `fs` check, which checks every item). */
  list?: boolean;
  /** Extra check of the text: returns what was expected when the value is invalid, else undefined. */
  validate?: (text: string) => string | undefined;
}

/** A number with bounds (inclusive unless `minExclusive` / `maxExclusive`). */
export interface NumberOption extends OptionBase {
  type: "number";
  default?: number;
  /** Only integers (a count, a seed). */
  integer?: boolean;
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  /** Unit shown in messages and help (`K`, `kPa`, `%`, `g/kg`). */
  unit?: string;
}

/** One option of a verb (long name without `--` is the key in {@link OptionSpecs}). */
export type OptionSpec = BooleanOption | StringOption | NumberOption;

/** A verb's options by long name (without `--`). */
export type OptionSpecs = Record<string, OptionSpec>;

/** Parsed option values: string, string[] (multiple), number or boolean; absent without a default → undefined. */
export type OptionValues = Record<string, string | string[] | number | boolean | undefined>;

/**
 * A usage error: a bad, unknown, missing or out-of-range option or argument. The CLI prints
 * `aozora <verb>: --opt: expected …, found …` and exits with 2. It is a `RangeError` (a bad
 * argument, by the library's error rule).
 */
export class CliUsageError extends RangeError {
  /** The option as typed (`--runs`), or a label such as `FILE` or `verb`. */
  readonly option: string;
  /** What was expected. */
  readonly expected: string;
  /** What was found (the value as typed, quoted), or `nothing`. */
  readonly found: string;
  /**
   * @param option the option as typed (`--runs`) or an argument label.
   * @param expected what a valid value is (with unit and range).
   * @param found the value as typed (quoted by the constructor) or undefined for "nothing".
   * @param hint optional text after the message (e.g. `did you mean --robust?`).
   * @param describedFound `found` is a description (printed as is), not the value as typed.
   */
  constructor(option: string, expected: string, found: string | undefined, hint?: string, describedFound = false) {
    const f = found === undefined ? "nothing" : describedFound ? found : `"${found}"`;
    super(`${option}: expected ${expected}, found ${f}${hint ? ` (${hint})` : ""}`);
    this.name = "CliUsageError";
    this.option = option;
    this.expected = expected;
    this.found = f;
  }
}

/**
 * Optimal-string-alignment Damerau–Levenshtein distance: the fewest insertions, deletions,
 * substitutions and transpositions of two adjacent characters that turn `a` into `b` (no
 * substring edited twice). Damerau (1964), Commun. ACM 7(3):171 — "the four types of error:
 * wrong letter, missing letter, extra letter, or two adjacent letters transposed".
 */
export function damerauLevenshtein(a: string, b: string): number {
  const n = a.length,
    m = b.length;
  const d: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = 0; i <= n; i++) d[i][0] = i;
  for (let j = 0; j <= m; j++) d[0][j] = j;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i][j] = v;
    }
  }
  return d[n][m];
}

/**
 * The closest candidate within Damerau–Levenshtein distance 2 (ties: the first in `candidates`),
 * or undefined when none is that close.
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined,
    bestD = 3;
  for (const c of candidates) {
    const dist = damerauLevenshtein(word, c);
    if (dist < bestD) {
      best = c;
      bestD = dist;
    }
  }
  return best;
}

/** "an integer in [1, 1000]", "a number (K) in [200, 350]", "a number > 0". */
export function describeNumber(spec: NumberOption): string {
  const what = (spec.integer ? "an integer" : "a number") + (spec.unit ? ` (${spec.unit})` : "");
  const { min, max } = spec;
  if (min !== undefined && max !== undefined)
    return `${what} in ${spec.minExclusive ? "(" : "["}${min}, ${max}${spec.maxExclusive ? ")" : "]"}`;
  if (min !== undefined) return `${what} ${spec.minExclusive ? ">" : "≥"} ${min}`;
  if (max !== undefined) return `${what} ${spec.maxExclusive ? "<" : "≤"} ${max}`;
  return what;
}

/**
 * Parse one number option value: empty text, `Infinity`/`1e400`, non-integers where an integer
 * is asked and values outside the bounds are usage errors (never 0, never wrapped).
 *
 * @param text the value as typed.
 * @param spec the option's type, bounds and unit.
 * @param option the option as typed, for the message (`--runs`).
 * @returns the number.
 * @throws {CliUsageError} naming the option, the expected range and the value found.
 */
export function parseNumberOption(text: string, spec: NumberOption, option: string): number {
  const t = text.trim();
  // Number("") and Number("  ") are 0 in JavaScript: an empty value is an error, not 0.
  const x = t === "" ? NaN : Number(t);
  const bad =
    !Number.isFinite(x) ||
    (spec.integer === true && !Number.isInteger(x)) ||
    (spec.min !== undefined && (spec.minExclusive ? x <= spec.min : x < spec.min)) ||
    (spec.max !== undefined && (spec.maxExclusive ? x >= spec.max : x > spec.max));
  if (bad) throw new CliUsageError(option, describeNumber(spec), text);
  return x;
}

/**
 * The items of a (possibly repeated) option value: repeats flattened, and with `split` each value
 * split at commas (`--logs a.csv,b.csv --logs c.csv` → 3 items); items trimmed, empty ones dropped.
 *
 * @param v a parsed option value.
 * @param split split each value at commas (default true).
 */
export function listOf(v: OptionValues[string], split = true): string[] {
  if (v === undefined || typeof v === "boolean") return [];
  const a = Array.isArray(v) ? v : [String(v)];
  return a
    .flatMap((s) => (split ? s.split(",") : [s]))
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Result of {@link parseOptions}. */
export interface ParsedArgs {
  values: OptionValues;
  positionals: string[];
  /** `--help` or `-h` was given: print the verb's help and exit 0 (nothing else is checked). */
  help: boolean;
}

/**
 * Parse a verb's arguments against its option specs.
 *
 * Rules: `--name value` and `--name=value`; a value may start with a single dash (`--utc-offset
 * -05:00`, `--min -3`, `--fpeak -0.5,0.5`): the token after a value option is always its value
 * unless it starts with `--`. Booleans take no value (`--robust=yes` is an error). `-h`/`--help`
 * anywhere asks for help. `--` ends the options. Unknown options are refused with the closest
 * known option within Damerau–Levenshtein distance 2.
 *
 * @param args the arguments after the verb.
 * @param specs the verb's options.
 * @param positionals how many positional arguments are allowed (default 0).
 * @throws {CliUsageError} for an unknown option, a missing or invalid value, a repeated
 *   non-multiple option, a missing required option or too many/few positionals.
 */
export function parseOptions(
  args: readonly string[],
  specs: OptionSpecs,
  positionals: { min: number; max: number; label: string } = { min: 0, max: 0, label: "argument" },
): ParsedArgs {
  const values: OptionValues = {};
  const pos: string[] = [];
  const seen = new Set<string>();
  let help = false;
  const unknown: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      pos.push(...args.slice(i + 1));
      break;
    }
    if (a === "-h" || a === "--help") {
      help = true;
      continue;
    }
    if (!a.startsWith("-") || a === "-" || /^-\d/.test(a)) {
      pos.push(a);
      continue;
    }
    if (!a.startsWith("--")) {
      const guess = suggest(a.replace(/^-+/, ""), Object.keys(specs));
      throw new CliUsageError(
        a,
        "a long option (--name); the only short option is -h",
        undefined,
        guess ? `did you mean --${guess}?` : undefined,
      );
    }
    const eq = a.indexOf("=");
    const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
    const spec = Object.prototype.hasOwnProperty.call(specs, name) ? specs[name] : undefined;
    if (!spec) {
      // collect every unknown option, so one line names them all; a following bare word is its value
      const guess = suggest(name, Object.keys(specs));
      unknown.push(guess ? `--${name} (did you mean --${guess}?)` : `--${name}`);
      if (eq < 0 && args[i + 1] !== undefined && !args[i + 1].startsWith("--")) i++;
      continue;
    }
    if (spec.type === "boolean") {
      if (eq >= 0) throw new CliUsageError(`--${name}`, "no value (a flag)", a.slice(eq + 1));
      values[name] = true;
      continue;
    }
    let text: string;
    if (eq >= 0) text = a.slice(eq + 1);
    else {
      const next = args[i + 1];
      if (next === undefined || next.startsWith("--"))
        throw new CliUsageError(`--${name}`, `a value (${spec.value ?? placeholder(spec)})`, undefined);
      text = next;
      i++;
    }
    const multiple = spec.type === "string" && spec.multiple === true;
    if (seen.has(name) && !multiple)
      throw new CliUsageError(`--${name}`, "the option once", text, "given more than once");
    seen.add(name);
    if (spec.type === "number") values[name] = parseNumberOption(text, spec, `--${name}`);
    else {
      if (text.trim() === "")
        throw new CliUsageError(`--${name}`, `a value (${spec.value ?? placeholder(spec)})`, text);
      if (spec.choices && !spec.choices.includes(text)) {
        const guess = suggest(text, spec.choices);
        throw new CliUsageError(
          `--${name}`,
          `one of ${spec.choices.join(", ")}`,
          text,
          guess ? `did you mean ${guess}?` : undefined,
        );
      }
      const bad = spec.validate?.(text);
      if (bad !== undefined) throw new CliUsageError(`--${name}`, bad, text);
      if (multiple) values[name] = [...((values[name] as string[] | undefined) ?? []), text];
      else values[name] = text;
    }
  }
  if (help) return { values, positionals: pos, help };
  if (unknown.length > 0)
    throw new CliUsageError(
      unknown.map((u) => u.split(" ")[0]).join(", "),
      "options of this verb (--help lists them)",
      unknown.length > 1
        ? `unknown options: ${unknown.join(", ")}`
        : `an unknown option${unknown[0].slice(unknown[0].indexOf(" ") < 0 ? unknown[0].length : unknown[0].indexOf(" "))}`,
      undefined,
      true,
    );
  for (const [name, spec] of Object.entries(specs)) {
    if (values[name] !== undefined) continue;
    if (spec.required)
      throw new CliUsageError(`--${name}`, `${spec.value ?? placeholder(spec)} (required): ${spec.help}`, undefined);
    if (spec.type === "boolean") values[name] = false;
    else if (spec.default !== undefined)
      values[name] = spec.type === "string" && spec.multiple ? [spec.default] : spec.default;
  }
  if (pos.length < positionals.min || pos.length > positionals.max) {
    const want =
      positionals.max === 0
        ? "no positional arguments (options are --name value)"
        : positionals.min === positionals.max
          ? `${positionals.min} ${positionals.label}`
          : `${positionals.min}–${positionals.max} ${positionals.label}`;
    throw new CliUsageError(positionals.max === 0 ? "arguments" : positionals.label, want, pos.join(" ") || undefined);
  }
  return { values, positionals: pos, help };
}

/** The placeholder of a value option in help and messages (`N`, `X`, `a|b|c`, `TEXT`). */
export function placeholder(spec: OptionSpec): string {
  if (spec.value) return spec.value;
  if (spec.type === "number") return spec.integer ? "N" : "X";
  if (spec.type === "string" && spec.choices) return spec.choices.join("|");
  return spec.type === "boolean" ? "" : "TEXT";
}

/**
 * Help lines of a verb's options: `  --name VALUE   help (unit; default D)`, one option per line,
 * in declaration order.
 */
export function optionHelp(specs: OptionSpecs): string[] {
  const rows: [string, string][] = Object.entries(specs).map(([name, s]) => {
    const left = `  --${name}${s.type === "boolean" ? "" : ` ${placeholder(s)}`}`;
    const notes: string[] = [];
    if (s.type === "number") notes.push(describeNumber(s));
    if (s.required) notes.push("required");
    if (s.type !== "boolean" && s.default !== undefined) notes.push(`default ${s.default}`);
    if (s.type === "string" && s.multiple) notes.push("may be repeated");
    return [left, s.help + (notes.length ? ` (${notes.join("; ")})` : "")] as [string, string];
  });
  rows.push(["  -h, --help", "print this help and exit"]);
  const width = Math.min(34, Math.max(...rows.map((r) => r[0].length), 0) + 2);
  const wrap = (text: string): string[] => {
    const lines: string[] = [];
    let line = "";
    for (const word of text.split(" ")) {
      if (line !== "" && width + line.length + 1 + word.length > 110) {
        lines.push(line);
        line = word;
      } else line = line === "" ? word : `${line} ${word}`;
    }
    return [...lines, line];
  };
  return rows.map(([l, r]) => {
    const body = wrap(r).join(`\n${" ".repeat(width)}`);
    return l.length + 1 >= width ? `${l}\n${" ".repeat(width)}${body}` : l.padEnd(width) + body;
  });
}
