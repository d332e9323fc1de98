/**
 * A command-line verb defined in its own module (`src/cli/<verb>.ts`) and listed in
 * `src/cli/verbs.ts`; `src/cli/main.ts` parses its options (strict) and dispatches to it.
 * Throw `AozoraInputError` or `RangeError` for bad input/arguments: the CLI prints one line and
 * exits with 2.
 */
export type VerbOption = { type: "string" | "boolean"; default?: string | boolean; multiple?: boolean };

export type VerbValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

export interface Verb {
  /** The verb as typed: `aozora <name> ...`. */
  name: string;
  /** Help lines shown under "Usage:" (already indented as the other verbs). */
  help: string;
  /** parseArgs options (long names without `--`); `json` is always available. */
  options: Record<string, VerbOption>;
  /** Options whose values may start with a dash (e.g. negative numbers). */
  negativeValues?: string[];
  /** Accept positional arguments (e.g. `aozora xact FILE`); they are passed to `run` as `positionals`. Default false. */
  allowPositionals?: boolean;
  /** Run; resolve to the exit code. */
  run(values: VerbValues, out: (s: string) => void, err: (s: string) => void, positionals?: string[]): Promise<number>;
}
