import { readMonitoringTable } from "../io/monitoring";
import { readEpaPmf } from "../sourceapport/read-epapmf";
import { readXact } from "../metals/read-xact";
import { readHysplit } from "../trajectory/read-hysplit";
import { summariseAccount, type ReadAccount } from "../io/account";
import type { TextEncodingName } from "../io/decode";
import type { AqTable } from "../table/table";
import { monitoringInputOptions, monitoringUnitsOf, numberFormatOf, utcOffsetOption } from "./common";
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

function guessKind(file: string): string {
  if (/tdump|\.traj$/i.test(file)) return "hysplit";
  if (/xact/i.test(file)) return "xact";
  if (/-con\.(csv|txt)$/i.test(file)) return "epa-pmf";
  return "monitoring";
}

/** Options each kind's reader honours; any other given option is refused (never silently ignored). */
const HONOURED: Record<string, string[]> = {
  monitoring: ["encoding", "sheet", "utc-offset", "units", "decimal", "thousands"],
  "epa-pmf": ["encoding", "sheet", "utc-offset", "unc", "unit"],
  xact: ["encoding", "utc-offset"],
  hysplit: [],
};

/**
 * `aozora read --file F [--kind …]`: read a station table, EPA PMF pair, Xact export or HYSPLIT
 * tdump; print its shape, columns, units and the reader's account (or `--json`).
 */
export const readVerb: Verb = {
  name: "read",
  summary: "read a station table, EPA PMF pair, Xact export or HYSPLIT tdump; print shape, units and the account",
  usage: "--file F [--kind monitoring|epa-pmf|xact|hysplit] [--utc-offset ±HH:MM] [--json] ...",
  description: `Read one file with the reader of its kind (guessed from the name when --kind is absent:
tdump/.traj → hysplit, xact → xact, *-con.csv → epa-pmf, else monitoring) and print its shape,
columns with units, time span and the reader's account (rows set aside, cells changed).
Options that the chosen reader does not use are refused.`,
  json: true,
  options: {
    file: { type: "string", required: true, value: "F", fs: "input-file", help: "the file to read" },
    kind: {
      type: "string",
      choices: ["monitoring", "epa-pmf", "xact", "hysplit"],
      help: "reader to use (default: guessed from the file name)",
    },
    unc: {
      type: "string",
      value: "F",
      fs: "input-file",
      help: "epa-pmf: the uncertainty file (default: the -con file's name with -unc)",
    },
    unit: { type: "string", value: "U", help: "epa-pmf: the concentration unit (EPA PMF files carry none; required)" },
    "utc-offset": utcOffsetOption("site offset for local timestamps (xact: the instrument clock's; required)"),
    ...monitoringInputOptions,
  },
  async run(values, out) {
    const file = values.file as string;
    const kind = (values.kind as string | undefined) ?? guessKind(file);
    for (const o of ["encoding", "sheet", "utc-offset", "units", "unc", "unit", "decimal", "thousands"])
      if (values[o] !== undefined && !HONOURED[kind].includes(o))
        throw new CliUsageError(
          `--${o}`,
          `an option the ${kind} reader uses (${HONOURED[kind].map((x) => `--${x}`).join(", ") || "none"})`,
          String(values[o]),
          `not used with --kind ${kind}`,
        );
    const offset = values["utc-offset"] as string | undefined;
    const encoding = values.encoding as TextEncodingName | undefined;
    const enc = encoding ? { encoding } : {};
    let result: {
      tables: Record<string, ReturnType<typeof describe>>;
      accounts: ReturnType<typeof summariseAccount>[];
      accountsFull: ReadAccount[];
    };
    if (kind === "monitoring") {
      const r = readMonitoringTable(file, {
        utcOffset: offset,
        ...enc,
        ...(values.sheet ? { sheet: values.sheet as string } : {}),
        ...(values.units ? monitoringUnitsOf(values.units as string) : {}),
        ...numberFormatOf(values),
      });
      result = {
        tables: { data: describe(r.table) },
        accounts: [summariseAccount(r.account)],
        accountsFull: [r.account],
      };
    } else if (kind === "epa-pmf") {
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
    } else if (kind === "xact") {
      if (!offset)
        throw new CliUsageError(
          "--utc-offset",
          "the instrument clock's offset with --kind xact (e.g. +08:00)",
          undefined,
        );
      const r = readXact(file, { utcOffset: offset, ...enc });
      result = {
        tables: { ambient: describe(r.table), qa: describe(r.qa) },
        accounts: [summariseAccount(r.account)],
        accountsFull: [r.account],
      };
    } else {
      const r = readHysplit(file);
      result = {
        tables: { endpoints: describe(r.endpoints) },
        accounts: [summariseAccount(r.account)],
        accountsFull: [r.account],
      };
    }
    if (values.json) out(JSON.stringify({ kind, file, tables: result.tables, accounts: result.accountsFull }, null, 1));
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
