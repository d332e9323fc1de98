import { CliUsageError, listOf, suggest, type FsCheck, type OptionSpecs, type OptionValues } from "./options";
import type { Verb } from "./verb";
import { ingestSubcommand } from "./network-ingest";
import { summariseSubcommand } from "./network-summarise";

/**
 * One sub-command of `aozora network` (`ingest`, …), in its own module (`src/cli/network-<name>.ts`)
 * and listed in {@link NETWORK_SUBCOMMANDS}. Its options are merged into the verb's (the front end
 * parses them); the dispatcher refuses an option that belongs to another sub-command.
 */
export interface NetworkSubcommand {
  /** `aozora network <name>`. */
  name: string;
  /** One line for the verb's help. */
  summary: string;
  /** The usage line, starting with the name. */
  usage: string;
  /** Its options (by long name); required ones are checked by `run` (the verb's specs are shared). */
  options: OptionSpecs;
  /** Its positional arguments after the name. */
  positionals: { label: string; min: number; max: number; fs?: FsCheck };
  /** Run with the parsed values and the arguments after the name. */
  run(values: OptionValues, out: (s: string) => void, err: (s: string) => void, args: string[]): Promise<number>;
}

/** The sub-commands of `aozora network`. */
export const NETWORK_SUBCOMMANDS: NetworkSubcommand[] = [ingestSubcommand, summariseSubcommand];

function mergedOptions(): OptionSpecs {
  const all: OptionSpecs = {};
  for (const s of NETWORK_SUBCOMMANDS) Object.assign(all, s.options);
  return all;
}

/** `aozora network <sub-command> …`: national network archives as datasets (DuckDB). */
export const networkVerb: Verb = {
  name: "network",
  summary: "national network archives (CNEMC daily files) as a Parquet dataset on DuckDB: ingest, summarise",
  usage: NETWORK_SUBCOMMANDS.map((s) => s.usage).join("\n       aozora network "),
  description: `A whole national network on one machine with embedded DuckDB (no server).
${NETWORK_SUBCOMMANDS.map((s) => `  ${s.name.padEnd(10)}${s.summary}`).join("\n")}
ingest writes DATASET/year=YYYY/data_0.parquet: station, time (UTC instant of the start of the hour,
TIMESTAMPTZ), one DOUBLE column per CNEMC type (AQI, PM2.5, PM2.5_24h, …, CO_24h; µg/m3, CO mg/m3),
units, offset +08:00 and the hour label in the Parquet metadata.`,
  json: true,
  options: mergedOptions(),
  positionals: {
    label: "SUBCOMMAND ARGS",
    min: 1,
    max: 1 + Math.max(...NETWORK_SUBCOMMANDS.map((s) => s.positionals.max)),
    help: `${NETWORK_SUBCOMMANDS.map((s) => s.name).join(" | ")}, then its arguments (ingest: DIR, the folder of daily files; summarise: DATASET)`,
  },
  async run(values, out, err, positionals) {
    const [name, ...args] = positionals;
    const sub = NETWORK_SUBCOMMANDS.find((s) => s.name === name);
    if (!sub) {
      const names = NETWORK_SUBCOMMANDS.map((s) => s.name);
      const g = suggest(name, names);
      throw new CliUsageError("SUBCOMMAND", `one of ${names.join(", ")}`, name, g ? `did you mean ${g}?` : undefined);
    }
    // an option given that is not this sub-command's (defaults do not count)
    for (const [k, spec] of Object.entries(networkVerb.options)) {
      if (k in sub.options) continue;
      const v = values[k];
      if (v === undefined || v === false || ("default" in spec && listOf(v).join() === String(spec.default))) continue;
      throw new CliUsageError(`--${k}`, `an option of network ${sub.name} (network ${name} --help)`, String(v));
    }
    if (args.length < sub.positionals.min || args.length > sub.positionals.max)
      throw new CliUsageError(
        sub.positionals.label,
        `${sub.positionals.min === sub.positionals.max ? sub.positionals.min : `${sub.positionals.min}–${sub.positionals.max}`} ${sub.positionals.label} after "network ${sub.name}"`,
        args.join(" ") || undefined,
      );
    return sub.run(values, out, err, args);
  },
};
