import { existsSync } from "node:fs";
import { join } from "node:path";
import { AozoraInputError } from "../io/errors";
import { readGrid } from "../io/grid";
import { readDilutionTunnel, readProfiles, readSpeciate } from "../profiles/read";
import { builtinProfiles } from "../profiles/builtin";
import { dilutionTunnelProfiles } from "../profiles/dilution";
import { identifyFactors } from "../profiles/identify";
import { speciesMatchKey } from "../profiles/species";
import type { SourceProfile } from "../profiles/types";
import { splitHeaderUnit } from "../table/units";
import type { Verb } from "./verb";
import { encodingOption, gridOptionsOf, sheetOption } from "./common";
import { CliUsageError, listOf } from "./options";

/** Factor profiles and species shares from a `aozora pmf --out DIR` folder (`<name>_profile_table.csv`). */
function readPmfOut(
  dir: string,
  name: string,
  total: string | undefined,
): { factors: SourceProfile[]; shares: { species: string[]; share: number[][] } } {
  const file = join(dir, `${name}_profile_table.csv`);
  if (!existsSync(file))
    throw new AozoraInputError({ file, expected: "the profile table written by `aozora pmf --out DIR`" });
  const g = readGrid(file);
  const col = (n: string) => {
    const j = g.header.findIndex((h) => splitHeaderUnit(h).name === n);
    if (j < 0) throw new AozoraInputError({ file, row: 1, expected: `a "${n}" column` });
    return j;
  };
  const jf = col("factor"),
    js = col("species"),
    jc = col("concentration"),
    jp = col("percentOfSpecies");
  const by = new Map<string, { species: string[]; conc: number[]; pct: number[] }>();
  for (const r of g.records) {
    const f = r.fields[jf];
    if (!by.has(f)) by.set(f, { species: [], conc: [], pct: [] });
    const num = (j: number) => {
      const v = Number(r.fields[j]);
      if (r.fields[j].trim() === "" || !Number.isFinite(v))
        throw new AozoraInputError({
          file,
          row: r.row,
          column: g.header[j],
          columnNumber: j + 1,
          expected: "a number",
          found: r.fields[j],
        });
      return v;
    };
    const e = by.get(f)!;
    e.species.push(r.fields[js]);
    e.conc.push(num(jc));
    e.pct.push(num(jp));
  }
  const entries = [...by.entries()];
  const species = entries[0]?.[1].species ?? [];
  const tKey = total === undefined ? undefined : speciesMatchKey(total);
  const factors = entries.map(([fname, e]) => {
    const t = tKey === undefined ? -1 : e.species.findIndex((s) => speciesMatchKey(s) === tKey);
    if (tKey !== undefined && t < 0)
      throw new AozoraInputError({ file, expected: `the total species "${total}" in factor "${fname}"` });
    const mass = t >= 0 ? e.conc[t] : e.conc.reduce((a, b) => a + b, 0);
    return {
      name: fname,
      category: "unknown",
      species: e.species,
      fraction: e.conc.map((v) => v / mass),
      uncertainty: e.conc.map(() => NaN),
      unit: "g/g" as const,
      provenance: { kind: "pmf-factor" as const, source: file },
    };
  });
  return { factors, shares: { species, share: entries.map(([, e]) => e.pct.map((p) => p / 100)) } };
}

/** `aozora identify`: name PMF factors from reference profiles. */
export const identifyVerb: Verb = {
  name: "identify",
  summary: "name PMF factors against reference profiles (SPECIATE-style, dilution tunnel, built-ins): r, COD, SID/PD",
  usage:
    "(--pmf-out DIR [--name pmf] | --profiles F (a long profile table, or an EPA PMF 5.0 _profiles.csv/.txt export)) [--total PM2.5] [--references F]... [--json] ...",
  description: `Name factors from reference profiles: r, Spearman, COD, SID/PD (Belis et al. 2015), one-to-one
naming, tracer checks; built-in crust, sea salt, ammonium sulfate/nitrate unless --no-builtin.`,
  json: true,
  options: {
    "pmf-out": { type: "string", value: "DIR", fs: "input-dir", help: "folder written by aozora pmf --out DIR" },
    name: { type: "string", default: "pmf", help: "file-name prefix inside --pmf-out" },
    profiles: { type: "string", value: "F", fs: "input-file", help: "factor profiles table (instead of --pmf-out)" },
    total: { type: "string", value: "NAME", help: "total species the fractions are of (default PM2.5 with --pmf-out)" },
    references: { type: "string", multiple: true, value: "F", fs: "input-file", help: "reference profiles table" },
    speciate: { type: "string", value: "F", fs: "input-file", help: "SPECIATE export of reference profiles" },
    categories: { type: "string", value: "CODE=CAT,...", help: "categories of SPECIATE profile codes" },
    tunnel: {
      type: "string",
      value: "F",
      fs: "input-file",
      help: "dilution-tunnel measurements (a composite reference)",
    },
    "no-builtin": { type: "boolean", help: "leave out the built-in references" },
    encoding: encodingOption,
    sheet: sheetOption,
  },
  async run(v, out) {
    const pmfOut = v["pmf-out"] as string | undefined,
      profFile = v.profiles as string | undefined;
    if ((pmfOut === undefined) === (profFile === undefined))
      throw new CliUsageError("--pmf-out", "exactly one of --pmf-out DIR or --profiles F", pmfOut ?? profFile);
    const total = v.total as string | undefined;
    let factors: SourceProfile[];
    let shares: { species: string[]; share: number[][] } | undefined;
    if (pmfOut !== undefined) ({ factors, shares } = readPmfOut(pmfOut, String(v.name), total ?? "PM2.5"));
    else {
      // a long profile table, or an EPA PMF 5.0-layout factor-profile export (EPA PMF's or `pmf --out`'s _profiles.csv)
      const r = readProfiles(profFile!, { total, ...gridOptionsOf(v) });
      factors = r.profiles;
      shares = r.shares;
    }
    const refs: SourceProfile[] = v["no-builtin"] ? [] : builtinProfiles();
    for (const f of listOf(v.references, false)) refs.push(...readProfiles(f, gridOptionsOf(v)).profiles);
    if (v.speciate !== undefined) {
      const categories: Record<string, string> = {};
      for (const pair of String(v.categories ?? "")
        .split(",")
        .filter((s) => s !== "")) {
        const [code, cat] = pair.split("=");
        if (!code || !cat) throw new CliUsageError("--categories", "CODE=CATEGORY pairs separated by commas", pair);
        categories[code.trim()] = cat.trim();
      }
      refs.push(...readSpeciate(String(v.speciate), { categories, ...gridOptionsOf(v) }).profiles);
    }
    if (v.tunnel !== undefined)
      refs.push(
        dilutionTunnelProfiles(readDilutionTunnel(String(v.tunnel), gridOptionsOf(v)).rows, { file: String(v.tunnel) })
          .composite,
      );
    if (refs.length === 0)
      throw new RangeError(
        "identify: no reference profiles (give --references/--speciate/--tunnel or drop --no-builtin)",
      );
    const id = identifyFactors(factors, refs, { shares });
    const naming = id.naming.map((n) => ({
      factor: n.factor,
      name: n.name,
      reference: n.reference,
      accepted: n.accepted,
      bestAlone: n.bestAlone,
      margin: n.margin,
      pearson: n.evidence?.pearson,
      spearman: n.evidence?.spearman,
      cod: n.evidence?.cod,
      sid: n.evidence?.sid,
      pd: n.evidence?.pd,
      distance: n.evidence?.distance,
      tracerCheck: n.tracerCheck ? { status: n.tracerCheck.status, message: n.tracerCheck.message } : undefined,
    }));
    if (v.json) {
      out(
        JSON.stringify({
          naming,
          candidates: id.candidates.map((c) =>
            c.slice(0, 3).map((x) => ({
              reference: x.reference,
              category: x.category,
              distance: x.distance,
              pearson: x.pearson,
              sid: x.sid,
              pd: x.pd,
              accepted: x.accepted,
            })),
          ),
        }),
      );
    } else {
      const f = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? "NaN" : x.toFixed(2));
      out("factor\tname\treference\tr\tSID\tPD\taccepted\ttracers");
      for (const n of naming)
        out(
          [
            n.factor,
            n.name,
            n.reference,
            f(n.pearson),
            f(n.sid),
            f(n.pd),
            n.accepted ? "yes" : "no",
            n.tracerCheck?.status ?? "-",
          ].join("\t"),
        );
    }
    return 0;
  },
};
