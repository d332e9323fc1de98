#!/usr/bin/env node
import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { readMonitoringTable } from "../io/monitoring";
import { readEpaPmf } from "../sourceapport/read-epapmf";
import { readXact } from "../metals/read-xact";
import { readHysplit } from "../trajectory/read-hysplit";
import { summariseAccount, type ReadAccount } from "../io/account";
import { AozoraInputError } from "../io/errors";
import type { AqTable } from "../table/table";
import { writeExampleData } from "../simulate/examples";
import { VERSION } from "../version";
import { pmfVerb } from "./pmf";
import { VERBS } from "./verbs";

const HELP = `aozora ${VERSION} — air-quality research toolkit

Usage:
  aozora read --file F [--kind monitoring|epa-pmf|xact|hysplit] [--unc F] [--utc-offset +08:00]
              [--unit µg/m3] [--json]      read a file; print its shape, columns, units and the
                                           reader's account (rows set aside, cells changed)
  aozora pmf --conc F --unc F --factors K [--runs N] [--seed S] [--robust] [--weak A,B]
             [--bad C] [--total NAME] [--auto-categories] [--extra-uncertainty PCT]
             [--unit U] [--utc-offset +08:00] [--out DIR] [--json]
             [--bootstrap N] [--disp] [--bsdisp N] [--fpeak S[,S...]]
                                           PMF base runs (EPA PMF 5.0 conventions); --json prints
                                           one JSON object on stdout; progress goes to stderr.
                                           Error estimation: --bootstrap N block-bootstrap runs,
                                           --disp displacement of every profile element,
                                           --bsdisp N BS-DISP on N of the bootstrap runs (needs
                                           --bootstrap), --fpeak strengths (e.g. -0.5,0.5);
                                           with --out the intervals are written as CSV
  aozora simulate --out DIR                regenerate the example data (data/) from the seeded simulators
  aozora version                           print the version
${VERBS.map((v) => v.help.replace(/\n+$/, "")).join("\n")}

Exit codes: 0 ok; 2 bad arguments or bad input (one line on stderr naming file, row and column).`;

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

/**
 * `--fpeak -0.5,0.5` → `--fpeak=-0.5,0.5`: parseArgs rejects an option value starting with a dash
 * as ambiguous, but negative strengths are ordinary values of these options (a value starting
 * with a single dash is taken as the option's value; the option's own check then judges it).
 */
function joinNegativeValues(args: string[], options: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (options.includes(args[i]) && i + 1 < args.length && /^-(?!-)./.test(args[i + 1])) {
      out.push(`${args[i]}=${args[i + 1]}`);
      i++;
    } else out.push(args[i]);
  }
  return out;
}

/** Run the CLI with arguments (without `node aozora`); resolves to the exit code. */
export async function main(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(s + "\n"),
  err: (s: string) => void = (s) => process.stderr.write(s + "\n"),
): Promise<number> {
  const [verb, ...rest] = argv;
  if (!verb || verb === "help" || verb === "--help" || verb === "-h") {
    out(HELP);
    return verb ? 0 : 2;
  }
  if (verb === "version" || verb === "--version") {
    out(VERSION);
    return 0;
  }
  const registered = VERBS.find((v) => v.name === verb);
  if (registered) {
    let parsed, positionals: string[];
    try {
      ({ values: parsed, positionals } = parseArgs({
        args: joinNegativeValues(
          rest,
          (registered.negativeValues ?? []).map((o) => `--${o}`),
        ),
        options: { json: { type: "boolean", default: false }, ...registered.options },
        strict: true,
        allowPositionals: registered.allowPositionals ?? false,
      }));
    } catch (e) {
      err(`aozora ${verb}: ${(e as Error).message}\n\n${HELP}`);
      return 2;
    }
    try {
      return await registered.run(parsed, out, err, positionals);
    } catch (e) {
      if (e instanceof AozoraInputError || e instanceof RangeError) {
        err(`aozora: ${e.message}`);
        return 2;
      }
      throw e;
    }
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: joinNegativeValues(rest, ["--fpeak"]),
      options: {
        file: { type: "string" },
        kind: { type: "string" },
        unc: { type: "string" },
        "utc-offset": { type: "string" },
        unit: { type: "string" },
        out: { type: "string" },
        json: { type: "boolean", default: false },
        conc: { type: "string" },
        factors: { type: "string" },
        runs: { type: "string" },
        seed: { type: "string" },
        robust: { type: "boolean", default: false },
        weak: { type: "string" },
        bad: { type: "string" },
        total: { type: "string" },
        "auto-categories": { type: "boolean", default: false },
        "extra-uncertainty": { type: "string" },
        bootstrap: { type: "string" },
        disp: { type: "boolean", default: false },
        bsdisp: { type: "string" },
        fpeak: { type: "string" },
      },
      strict: true,
    }).values;
  } catch (e) {
    err(`aozora ${verb}: ${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  try {
    if (verb === "simulate") {
      const dir = resolve(String(values.out ?? "data"));
      const files = writeExampleData(dir);
      out(`wrote ${files.length} files to ${dir}`);
      return 0;
    }
    if (verb === "pmf") return await pmfVerb(values, out, err);
    if (verb === "read") {
      const file = values.file as string | undefined;
      if (!file) {
        err("aozora read: --file is required");
        return 2;
      }
      const kind = (values.kind as string | undefined) ?? guessKind(file);
      const offset = values["utc-offset"] as string | undefined;
      let result: {
        tables: Record<string, ReturnType<typeof describe>>;
        accounts: ReturnType<typeof summariseAccount>[];
        accountsFull: ReadAccount[];
      };
      if (kind === "monitoring") {
        const r = readMonitoringTable(file, { utcOffset: offset });
        result = {
          tables: { data: describe(r.table) },
          accounts: [summariseAccount(r.account)],
          accountsFull: [r.account],
        };
      } else if (kind === "epa-pmf") {
        const unc = (values.unc as string | undefined) ?? file.replace(/-con\.(csv|txt)$/i, "-unc.$1");
        const unit = values.unit as string | undefined;
        if (!unit) {
          err("aozora read --kind epa-pmf: --unit is required (EPA PMF files carry no units)");
          return 2;
        }
        const r = readEpaPmf(file, unc, { unit, utcOffset: offset, sampleIds: offset === undefined });
        result = {
          tables: { concentration: describe(r.concentration), uncertainty: describe(r.uncertainty) },
          accounts: [summariseAccount(r.accounts.concentration), summariseAccount(r.accounts.uncertainty)],
          accountsFull: [r.accounts.concentration, r.accounts.uncertainty],
        };
      } else if (kind === "xact") {
        if (!offset) {
          err("aozora read --kind xact: --utc-offset is required (the instrument clock's offset, e.g. +08:00)");
          return 2;
        }
        const r = readXact(file, { utcOffset: offset });
        result = {
          tables: { ambient: describe(r.table), qa: describe(r.qa) },
          accounts: [summariseAccount(r.account)],
          accountsFull: [r.account],
        };
      } else if (kind === "hysplit") {
        const r = readHysplit(file);
        result = {
          tables: { endpoints: describe(r.endpoints) },
          accounts: [summariseAccount(r.account)],
          accountsFull: [r.account],
        };
      } else {
        err(`aozora read: unknown --kind "${kind}" (monitoring, epa-pmf, xact, hysplit)`);
        return 2;
      }
      if (values.json)
        out(JSON.stringify({ kind, file, tables: result.tables, accounts: result.accountsFull }, null, 1));
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
    }
    err(`aozora: unknown verb "${verb}"\n\n${HELP}`);
    return 2;
  } catch (e) {
    if (e instanceof AozoraInputError || e instanceof RangeError) {
      err(`aozora: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`aozora: internal error: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 1;
    },
  );
}
