import { readEpaPmf } from "../sourceapport/read-epapmf";
import { readHysplit } from "../trajectory/read-hysplit";
import { summariseAccount, type ReadAccount } from "../io/account";
import type { TextEncodingName } from "../io/decode";
import type { AqTable } from "../table/table";
import { inputOptions, kindOption, readInput, type InputStatement, type InputUse } from "./input";
import { CliUsageError } from "./options";
import type { Verb } from "./verb";

/** Describe a table for the CLI: shape, columns with units, time span. */
function describe(t: AqTable) {
  const times = t.timeColumn ? t.localTimes() : [];
  return {
    rows: t.numRows,
    columns: t.columns.map((c) => ({ name: c.name, original: c.original, unit: c.unit, kind: c.kind })),
    utcOffsetMinutes: t.utcOffsetMinutes,
    first: times[0],
    last: times[times.length - 1],
  };
}

/** The reader a file name announces (HYSPLIT tdump, EPA PMF `-con` file), or undefined. */
function kindFromName(file: string): "hysplit" | "epa-pmf" | undefined {
  if (/tdump|\.traj$/i.test(file)) return "hysplit";
  if (/-con\.(csv|txt)$/i.test(file)) return "epa-pmf";
  return undefined;
}

/** What `read` reads through {@link readInput}: every monitoring kind, times described. */
const READ_INPUT: InputUse = {
  kinds: ["table", "xact", "cnemc", "soramame", "nies"],
  times: true,
  oneSite: false,
  offsetHelp: "site offset for local timestamps (xact: the instrument clock's; required)",
  fileOption: "--file",
};

/** Options the verb's own readers (EPA PMF pair, HYSPLIT tdump) honour; any other given option is refused. */
const OWN_HONOURED: Record<string, string[]> = {
  "epa-pmf": ["encoding", "sheet", "utc-offset", "unc", "unit"],
  hysplit: [],
};
const OWN_OPTIONS = ["encoding", "sheet", "utc-offset", "units", "unc", "unit", "decimal", "thousands", "hour-label"];

/**
 * `aozora read --file F [--kind …]`: read a monitoring table, a national network file (CNEMC,
 * soramame, NIES), an Xact export, an EPA PMF pair or a HYSPLIT tdump; print its shape, columns,
 * units, the input statement and the reader's account (or `--json`).
 */
export const readVerb: Verb = {
  name: "read",
  summary:
    "read a station table, network file, EPA PMF pair, Xact export or HYSPLIT tdump; print shape, units and the account",
  usage: "--file F [--kind auto|table|xact|cnemc|soramame|nies|epa-pmf|hysplit] [--utc-offset ±HH:MM] [--json] ...",
  description: `Read one file with the reader of its kind and print its shape, columns with units, time span
and the reader's account (rows set aside, cells changed). --kind auto (default): a tdump/.traj name
→ hysplit, *-con.csv → epa-pmf, else detected from the first rows (table, xact, cnemc, soramame,
nies) and stated. Options that the chosen reader does not use are refused.`,
  json: true,
  options: {
    file: {
      type: "string",
      required: true,
      value: "F",
      fs: "input-file-or-dir",
      list: true,
      help: "the file to read (CNEMC: also a folder or a comma-separated list of daily files)",
    },
    ...inputOptions(READ_INPUT),
    kind: kindOption(READ_INPUT.kinds, ["epa-pmf", "hysplit"]),
    unc: {
      type: "string",
      value: "F",
      fs: "input-file",
      help: "epa-pmf: the uncertainty file (default: the -con file's name with -unc)",
    },
    unit: { type: "string", value: "U", help: "epa-pmf: the concentration unit (EPA PMF files carry none; required)" },
  },
  async run(values, out, err) {
    const file = values.file as string;
    const asked = String(values.kind ?? "auto");
    const own = asked === "epa-pmf" || asked === "hysplit" ? asked : asked === "auto" ? kindFromName(file) : undefined;
    let kind: string;
    let input: InputStatement | undefined;
    let result: {
      tables: Record<string, ReturnType<typeof describe>>;
      accounts: ReturnType<typeof summariseAccount>[];
      accountsFull: ReadAccount[];
    };
    if (own === undefined) {
      for (const o of ["unc", "unit"])
        if (values[o] !== undefined)
          throw new CliUsageError(`--${o}`, "an option of the reader used (--kind epa-pmf only)", String(values[o]));
      const r = readInput(file, values, READ_INPUT, err);
      kind = r.kind;
      input = r.input;
      // an Xact export keeps its two tables' names (ambient rows and QA records)
      const tables: Record<string, ReturnType<typeof describe>> = r.xact
        ? { ambient: describe(r.table), qa: describe(r.xact.qa) }
        : { data: describe(r.table) };
      result = { tables, accounts: r.accounts.map(summariseAccount), accountsFull: r.accounts };
    } else {
      kind = own;
      if (asked === "auto") err(`detected: ${kind} (from the file name ${file})`);
      for (const o of OWN_OPTIONS)
        if (values[o] !== undefined && !OWN_HONOURED[kind].includes(o))
          throw new CliUsageError(
            `--${o}`,
            `an option the ${kind} reader uses (${OWN_HONOURED[kind].map((x) => `--${x}`).join(", ") || "none"})`,
            String(values[o]),
            `not used with --kind ${kind}`,
          );
      const offset = values["utc-offset"] as string | undefined;
      const encoding = values.encoding as TextEncodingName | undefined;
      const enc = encoding ? { encoding } : {};
      if (kind === "epa-pmf") {
        const unc = (values.unc as string | undefined) ?? file.replace(/-con\.(csv|txt)$/i, "-unc.$1");
        const unit = values.unit as string | undefined;
        if (!unit)
          throw new CliUsageError(
            "--unit",
            "the concentration unit with --kind epa-pmf (EPA PMF files carry no units)",
            undefined,
          );
        const r = readEpaPmf(file, unc, {
          unit,
          utcOffset: offset,
          sampleIds: offset === undefined,
          ...enc,
          ...(values.sheet ? { sheet: values.sheet as string } : {}),
        });
        result = {
          tables: { concentration: describe(r.concentration), uncertainty: describe(r.uncertainty) },
          accounts: [summariseAccount(r.accounts.concentration), summariseAccount(r.accounts.uncertainty)],
          accountsFull: [r.accounts.concentration, r.accounts.uncertainty],
        };
      } else {
        const r = readHysplit(file);
        result = {
          tables: { endpoints: describe(r.endpoints) },
          accounts: [summariseAccount(r.account)],
          accountsFull: [r.account],
        };
      }
    }
    if (values.json)
      out(JSON.stringify({ kind, file, input, tables: result.tables, accounts: result.accountsFull }, null, 1));
    else {
      for (const [name, d] of Object.entries(result.tables)) {
        out(`${name}: ${d.rows} rows × ${d.columns.length} columns${d.first ? `, ${d.first} … ${d.last}` : ""}`);
        out("  " + d.columns.map((c) => (c.unit ? `${c.name} [${c.unit}]` : c.name)).join(", "));
      }
      for (const a of result.accounts)
        out(
          `account ${a.file}: ${a.inputRows} rows in, ${a.keptRows} kept, set aside ${JSON.stringify(a.setAside)}, flagged ${JSON.stringify(a.flagged)}, cells changed ${JSON.stringify(a.cellChanges)}`,
        );
    }
    return 0;
  },
};
