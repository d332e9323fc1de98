import type { FsCheck, OptionSpecs, OptionValues } from "./options";

/**
 * A command-line verb, defined in its own module (`src/cli/<verb>.ts`) and listed in the one
 * registry `src/cli/verbs.ts`. The front end (`src/cli/main.ts`) parses its options with
 * `parseOptions` (unknown options refused, numbers parsed and bounded, required options and
 * file-system paths checked) before `run` is called.
 *
 * Throw `AozoraInputError` for bad files and `RangeError` (or `CliUsageError`) for bad
 * arguments: the CLI prints one line `aozora <verb>: …` and exits with 2.
 */
export interface Verb {
  /** The verb as typed: `aozora <name> ...`. */
  name: string;
  /** One line for `aozora --help`. */
  summary: string;
  /** The usage line(s) after `aozora <name>` (e.g. `--file F [--json]`). */
  usage: string;
  /** What the verb does (a few lines, shown by `aozora <name> --help`). */
  description: string;
  /** Options by long name (without `--`). */
  options: OptionSpecs;
  /** `--json` (print one JSON object on stdout) is added to the options. */
  json?: boolean;
  /** Positional arguments (e.g. `aozora xact FILE`); none when absent. */
  positionals?: { label: string; min: number; max: number; help: string; fs?: FsCheck };
  /** Run with the parsed values; resolve to the exit code. */
  run(values: OptionValues, out: (s: string) => void, err: (s: string) => void, positionals: string[]): Promise<number>;
}

/** Parsed values of a verb (kept as an alias of {@link OptionValues} for verb modules). */
export type VerbValues = OptionValues;
