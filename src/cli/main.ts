#!/usr/bin/env node
import { AozoraInputError, isAllocationFailure } from "../io/errors";
import { VERSION } from "../version";
import { checkPath, CliFsError, fsErrorOf } from "./fs";
import { CliUsageError, listOf, optionHelp, parseOptions, suggest, type OptionSpecs } from "./options";
import type { Verb } from "./verb";
import { VERBS } from "./verbs";

const EXIT_CODES = `Exit codes: 0 ok; 2 bad arguments or bad input (one line on stderr: "aozora <verb>: <file>, row R,
column C: expected …, found …", "aozora <verb>: --option: expected …, found …" or
"aozora <verb>: <path>: expected …, found …"); 1 an internal fault (please report it).`;

const JSON_OPTION: OptionSpecs = { json: { type: "boolean", help: "print one JSON object on stdout" } };

/** The options a verb accepts: its own plus `--json` where it prints JSON. */
function specsOf(v: Verb): OptionSpecs {
  return v.json ? { ...v.options, ...JSON_OPTION } : v.options;
}

/** `aozora --help`: the verbs, one line each. */
export function topHelp(): string {
  const w = Math.max(...VERBS.map((v) => v.name.length)) + 4;
  return [
    `aozora ${VERSION} — air-quality research toolkit`,
    "",
    "Usage: aozora <verb> [options]      aozora <verb> --help lists the verb's options",
    "",
    "Verbs:",
    ...VERBS.map((v) => `  ${v.name.padEnd(w)}${v.summary}`),
    "",
    EXIT_CODES,
  ].join("\n");
}

/** `aozora <verb> --help`: usage, description and only that verb's options (units, defaults). */
export function verbHelp(v: Verb): string {
  const lines = [`Usage: aozora ${v.name} ${v.usage}`.trimEnd(), "", v.description.trimEnd(), ""];
  if (v.positionals) lines.push("Arguments:", `  ${v.positionals.label.padEnd(32)}${v.positionals.help}`, "");
  const specs = specsOf(v);
  lines.push("Options:", ...optionHelp(specs), "");
  lines.push(EXIT_CODES);
  return lines.join("\n");
}

/** The message without a verb prefix the verb itself added (`aozora pmf: `, `pmf: `, `aozora: `). */
function bare(message: string, verb: string): string {
  return message.replace(new RegExp(`^(aozora ${verb}: |aozora: |${verb}: )`), "");
}

/** Check every file-system path given on the command line (inputs exist, outputs can be written). */
function checkPaths(v: Verb, values: Record<string, unknown>, positionals: string[]): void {
  for (const [name, spec] of Object.entries(v.options)) {
    const val = values[name];
    if (!spec.fs || val === undefined || typeof val === "boolean" || typeof val === "number") continue;
    for (const p of listOf(val as string | string[], spec.type === "string" && spec.list === true))
      checkPath(p, spec.fs);
  }
  if (v.positionals?.fs) for (const p of positionals) checkPath(p, v.positionals.fs);
}

/**
 * Run the command line with arguments (without `node aozora`); resolves to the exit code.
 *
 * One front end for every verb (`src/cli/verbs.ts`): options parsed by `parseOptions` (unknown
 * options refused with a suggestion, negative values accepted, numbers bounded), file-system
 * paths checked before anything is computed, and one error line per failure:
 * `aozora <verb>: <file>, row R, column C: expected …, found …` for bad input,
 * `aozora <verb>: --opt: expected …, found …` for bad options,
 * `aozora <verb>: <path>: expected …, found …` for file-system problems — all exit 2.
 *
 * @param argv the arguments after `aozora`.
 * @param out writes one line to stdout.
 * @param err writes one line to stderr.
 * @returns 0 on success, 2 for usage and input errors, 1 when memory ran out.
 * @throws whatever a verb throws that is not an input, argument or file-system error (an
 *   internal fault; the entry point prints it and exits with 1).
 */
export async function main(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(s + "\n"),
  err: (s: string) => void = (s) => process.stderr.write(s + "\n"),
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    out(topHelp());
    return 2;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    const v = rest[0] === undefined ? undefined : VERBS.find((x) => x.name === rest[0]);
    if (rest[0] !== undefined && !v) return unknownVerb(rest[0], err);
    out(v ? verbHelp(v) : topHelp());
    return 0;
  }
  if (name === "--version") {
    out(VERSION);
    return 0;
  }
  const verb = VERBS.find((x) => x.name === name);
  if (!verb) return unknownVerb(name, err);
  const say = (m: string) => err(`aozora ${verb.name}: ${bare(m, verb.name)}`);
  let parsed;
  try {
    parsed = parseOptions(rest, specsOf(verb), verb.positionals ?? { min: 0, max: 0, label: "argument" });
    if (parsed.help) {
      out(verbHelp(verb));
      return 0;
    }
    checkPaths(verb, parsed.values, parsed.positionals);
  } catch (e) {
    if (e instanceof CliUsageError || e instanceof CliFsError) {
      say(e.message);
      return 2;
    }
    throw e;
  }
  try {
    return await verb.run(parsed.values, out, err, parsed.positionals);
  } catch (e) {
    if (e instanceof AozoraInputError) {
      say(e.message);
      return 2;
    }
    if (isAllocationFailure(e)) {
      // an allocation failure is never reported as success, nor as the user's mistake
      say(`ran out of memory (${(e as Error).message}): use smaller counts or a smaller input`);
      return 1;
    }
    if (e instanceof RangeError) {
      say(e.message);
      return 2;
    }
    const fe = fsErrorOf(e);
    if (fe) {
      say(fe.message);
      return 2;
    }
    throw e;
  }
}

function unknownVerb(name: string, err: (s: string) => void): number {
  const g = suggest(
    name,
    VERBS.map((v) => v.name),
  );
  err(
    `aozora: ${name.startsWith("-") ? name : `"${name}"`}: expected a verb (${VERBS.map((v) => v.name).join(", ")})${g ? `; did you mean ${g}?` : ""} — aozora --help lists them`,
  );
  return 2;
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
