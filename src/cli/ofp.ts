import type { Verb, VerbValues } from "./verb";
import { encodingOption, gridOptionsOf, requiredFileOption, sheetOption, utcOffsetOption } from "./common";
import { CliUsageError } from "./options";
import { readVocTable, vocReadFromTable, type VocRead } from "../models/voc/read";
import { kindOption, ownOrInputKind, readInput, type InputStatement, type InputUse } from "./input";
import { summariseAccount } from "../io/account";
import { vocReactivity, type CoElutionChoice } from "../models/voc/reactivity";
import type { MirScale } from "../models/voc/registry";
import { vocUnit } from "../models/voc/convert";

const str = (v: VerbValues[string]): string | undefined => (typeof v === "string" ? v : undefined);

/** Parse `--mp-xylene pair|split:F` (F = fraction of m-xylene). */
function coelutionOf(text: string | undefined): CoElutionChoice {
  if (text === undefined || text === "pair") return { mode: "pair" };
  const m = /^split:([0-9.]+)$/.exec(text);
  const f = m ? Number(m[1]) : NaN;
  if (!(f >= 0 && f <= 1))
    throw new CliUsageError("--mp-xylene", '"pair" or "split:F" with F the m-xylene fraction in [0, 1]', text);
  return { mode: "split", fractions: { "m,p-xylene": f, "m,p-ethyltoluene": f } };
}

/**
 * The national network kinds `ofp` also reads through `readInput` (issue #17 item 3). Their files
 * carry no speciated VOCs (at most NMHC, CH4, THC), so on them `ofp` reports exactly that, naming
 * the columns; a network-layout file that does hold VOC species columns is computed like a table.
 */
const OFP_INPUT: InputUse = {
  kinds: ["cnemc", "soramame", "nies"],
  times: true,
  oneSite: true,
  offsetHelp: "site offset of local timestamps",
  fileOption: "--file",
};
const OWN = { kind: "voc", label: "VOC table" };

/**
 * `aozora ofp`: VOC table → per-species and per-group OFP (MIR × µg/m3), L_OH (kOH × n), SOA
 * potential (SOAP-weighted and yield-based), the matching report and unmatched species.
 */
export const ofpVerb: Verb = {
  name: "ofp",
  summary: "VOC reactivity: ozone formation potential (MIR), L_OH and SOA potential per species and group",
  usage: "--file F [--units ppb|ugm3|ppbC|ppt|ppm] [--scale saprc07|cn] [--temperature K] [--json] ...",
  description: `VOC reactivity: OFP per species and group (MIR SAPRC-07 or China scale), L_OH, SOA
potential; unmatched species listed; m/p-xylene kept as a pair or split (recorded).`,
  json: true,
  options: {
    file: {
      ...requiredFileOption(
        "VOC table: time or sample column + one column per species, or long format; or a national network file (CNEMC: also a folder or a comma-separated list of daily files)",
      ),
      fs: "input-file-or-dir",
      list: true,
    },
    kind: kindOption(["voc", ...OFP_INPUT.kinds]),
    "hour-label": {
      type: "string",
      choices: ["start", "end"],
      help: "network files: which end of the hour the stamps mark (default: the format's documented convention)",
    },
    station: {
      type: "string",
      value: "CODE",
      help: "network files: the station to use (required when the file has several)",
    },
    units: {
      type: "string",
      value: "ppb|ugm3|ppbC|ppt|ppm",
      help: "unit of species columns whose header has none",
      validate: (t) => (vocUnit(t === "ugm3" ? "µg/m3" : t) ? undefined : "ppb, ugm3, ppbC, ppt or ppm"),
    },
    scale: { type: "string", choices: ["saprc07", "cn"], default: "saprc07", help: "MIR scale" },
    temperature: {
      type: "number",
      min: 200,
      max: 350,
      default: 298.15,
      unit: "K",
      value: "K",
      help: "reference temperature for ppb ↔ µg/m3",
    },
    pressure: {
      type: "number",
      min: 50,
      max: 110,
      default: 101.325,
      unit: "kPa",
      value: "kPa",
      help: "reference pressure for ppb ↔ µg/m3",
    },
    "china-by-date": {
      type: "boolean",
      help: "China's reference state of each sample's date (273.15 K before 2018-09-01, 298.15 K after)",
    },
    "utc-offset": utcOffsetOption("site offset of local timestamps"),
    "mp-xylene": {
      type: "string",
      value: "pair|split:F",
      help: "m,p-xylene kept as a pair or split with m-xylene fraction F (default pair)",
    },
    negative: {
      type: "string",
      choices: ["error", "missing", "zero"],
      default: "error",
      help: "what negative concentrations are",
    },
    "mixed-units": {
      type: "string",
      choices: ["error", "convert"],
      default: "error",
      help: "columns in different units: an error or converted",
    },
    top: { type: "number", integer: true, min: 1, max: 1000, default: 10, help: "species in the ranking" },
    encoding: encodingOption,
    sheet: sheetOption,
  },
  async run(values, out, err) {
    const file = values.file as string;
    const scale = values.scale as string;
    const unitsText = str(values.units);
    const units = unitsText === undefined ? undefined : vocUnit(unitsText === "ugm3" ? "µg/m3" : unitsText);
    const state = { temperatureK: values.temperature as number, pressureKPa: values.pressure as number };
    const negative = values.negative as "error" | "missing" | "zero";
    const mixed = values["mixed-units"] as "error" | "convert";
    const topN = values.top as number;
    const coelution = coelutionOf(str(values["mp-xylene"]));

    // a national network signature is stated on stderr; a VOC table (the verb's own format) only in --json's input
    const pick = ownOrInputKind(file, values, OFP_INPUT, OWN, (line) => {
      if (!line.startsWith(`detected: ${OWN.label} `)) err(line);
    });
    let read: VocRead;
    let input: InputStatement | Record<string, unknown>;
    if (pick.kind === "own") {
      for (const o of ["hour-label", "station"])
        if (values[o] !== undefined)
          throw new CliUsageError(
            `--${o}`,
            "an option of the network kinds (cnemc, soramame, nies)",
            String(values[o]),
            "not used with a VOC table",
          );
      read = readVocTable(file, {
        utcOffset: str(values["utc-offset"]),
        units,
        negative,
        mixedUnits: mixed,
        referenceState: state,
        ...gridOptionsOf(values),
      });
      input = pick.statement;
    } else {
      if (unitsText !== undefined)
        throw new CliUsageError(
          "--units",
          "the unit of a VOC table's columns; network files carry their units",
          unitsText,
          `not used with --kind ${pick.kind}`,
        );
      const r = readInput(
        file,
        { ...values, units: undefined, kind: pick.kind, ...(pick.encoding ? { encoding: pick.encoding } : {}) },
        OFP_INPUT,
        err,
      );
      input = pick.reason ? { ...r.input, chosen: "detected", reason: pick.reason } : r.input;
      read = vocReadFromTable(r.table, file, r.accounts[0], { negative });
    }
    // --china-by-date: each sample at China's reference state of its date (273.15 K before 2018-09-01, 298.15 K after)
    const r = vocReactivity(
      read.columns,
      { scale: scale as MirScale, referenceState: values["china-by-date"] ? "china-by-date" : state, coelution, topN },
      read.times,
    );
    const matching = {
      matched: read.columns.map((c) => ({
        header: c.header,
        species: c.match.id,
        kind: c.match.kind,
        by: c.by,
        unit: c.fileUnit,
      })),
      unmatched: read.unmatched,
      conversions: read.conversions,
    };
    if (values.json) {
      out(
        JSON.stringify(
          {
            file,
            input,
            layout: read.layout,
            samples: read.samples.length,
            scale: r.scale,
            referenceState: r.referenceState,
            statesUsed: r.statesUsed,
            coelution: r.coelution,
            matching,
            species: r.species.map((s) => ({
              id: s.id,
              group: s.group,
              n: s.n,
              ppb: s.ppb,
              ugm3: s.ugm3,
              ppbC: s.ppbC,
              mir: s.mir,
              ofp: s.ofp,
              koh: s.koh,
              kohEstimate: s.kohEstimate,
              loh: s.loh,
              soap: s.soap,
              soaSoap: s.soaSoap,
              soaYield: s.soaYield,
              soaFromYield: s.soaFromYield,
              share: s.share,
            })),
            groups: r.groups,
            totals: r.totals,
            totalsSamplingSe: r.totalsSamplingSe,
            ranking: r.ranking,
            missingFactors: r.missingFactors,
            units: {
              concentration: "ppb, µg/m3, ppbC (means over valid samples)",
              ofp: "µg O3/m3",
              loh: "s-1",
              soaSoap: "µg/m3 toluene-equivalent",
              soaFromYield: "µg/m3",
            },
            account: summariseAccount(read.account),
          },
          null,
          1,
        ),
      );
      return 0;
    }
    const f = (x: number | null, d = 2) => (x === null ? "—" : x.toFixed(d));
    out(
      `${file}: ${read.samples.length} samples, ${read.columns.length} VOC columns matched, ${read.unmatched.length} unmatched (${read.unmatched.map((u) => u.header).join(", ") || "none"})`,
    );
    out(
      `MIR scale ${r.scale}; reference state ${r.statesUsed.map((st) => `${st.temperatureK} K, ${st.pressureKPa} kPa`).join(" / ")}${r.referenceState === "china-by-date" ? " (China, by sample date)" : ""}; co-elution: ${r.coelution.map((c) => `${c.pair} ${c.mode}${c.fraction !== undefined ? " " + c.fraction : ""}`).join(", ") || "none"}`,
    );
    out(
      `TVOC ${f(r.totals.ppb)} ppb = ${f(r.totals.ugm3)} µg/m3; OFP ${f(r.totals.ofp)} µg/m3; L_OH ${f(r.totals.loh)} s-1; SOA(yield) ${f(r.totals.soaFromYield)} µg/m3; SOAP-weighted ${f(r.totals.soaSoap)} µg/m3`,
    );
    out("group         OFP(µg/m3)  share  L_OH(s-1)  share");
    for (const g of r.groups)
      out(
        `${g.group.padEnd(13)} ${f(g.ofp).padStart(10)} ${(100 * g.share.ofp).toFixed(1).padStart(5)}% ${f(g.loh, 3).padStart(10)} ${(100 * g.share.loh).toFixed(1).padStart(5)}%`,
      );
    out(`top OFP: ${r.ranking.ofp.join(", ")}`);
    if (r.missingFactors.length)
      out(`missing factors: ${r.missingFactors.map((m) => `${m.id} (${m.factor})`).join(", ")}`);
    return 0;
  },
};
