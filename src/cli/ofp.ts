import type { Verb, VerbValues } from "./verb";
import { readVocTable } from "../models/voc/read";
import { summariseAccount } from "../io/account";
import { vocReactivity, type CoElutionChoice } from "../models/voc/reactivity";
import type { MirScale } from "../models/voc/registry";
import { vocUnit } from "../models/voc/convert";

const str = (v: VerbValues[string]): string | undefined => (typeof v === "string" ? v : undefined);

/** Parse `--mp-xylene pair|split:F` (F = fraction of m-xylene). */
function coelutionOf(text: string | undefined): CoElutionChoice {
  if (text === undefined || text === "pair") return { mode: "pair" };
  const m = /^split:([0-9.]+)$/.exec(text);
  if (!m)
    throw new RangeError(
      `--mp-xylene must be "pair" or "split:F" with F the m-xylene fraction in [0, 1], got "${text}"`,
    );
  const f = Number(m[1]);
  if (!(f >= 0 && f <= 1)) throw new RangeError(`--mp-xylene split fraction must be in [0, 1], got ${m[1]}`);
  return { mode: "split", fractions: { "m,p-xylene": f, "m,p-ethyltoluene": f } };
}

function numberOpt(v: string | undefined, name: string, lo: number, hi: number, dflt: number): number {
  if (v === undefined) return dflt;
  const x = Number(v);
  if (v.trim() === "" || !Number.isFinite(x) || x < lo || x > hi)
    throw new RangeError(`--${name} must be a number in [${lo}, ${hi}], got "${v}"`);
  return x;
}

/**
 * `aozora ofp`: VOC table → per-species and per-group OFP (MIR × µg/m3), L_OH (kOH × n), SOA
 * potential (SOAP-weighted and yield-based), the matching report and unmatched species.
 */
export const ofpVerb: Verb = {
  name: "ofp",
  help: `  aozora ofp --file F [--units ppb|ugm3|ppbC] [--scale saprc07|cn] [--temperature K]
             [--pressure kPa] [--china-by-date] [--utc-offset +08:00] [--mp-xylene pair|split:F]
             [--negative error|missing|zero] [--mixed-units error|convert] [--top N] [--json]
                                           VOC reactivity: OFP per species and group (MIR SAPRC-07
                                           or China scale), L_OH, SOA potential; unmatched species
                                           listed; m/p-xylene kept as a pair or split (recorded)`,
  options: {
    file: { type: "string" },
    units: { type: "string" },
    scale: { type: "string", default: "saprc07" },
    temperature: { type: "string" },
    pressure: { type: "string" },
    "utc-offset": { type: "string" },
    "mp-xylene": { type: "string" },
    "china-by-date": { type: "boolean", default: false },
    negative: { type: "string" },
    "mixed-units": { type: "string" },
    top: { type: "string" },
  },
  async run(values, out) {
    const file = str(values.file);
    if (!file)
      throw new RangeError(
        "ofp needs --file F (a VOC table: time or sample column + one column per species, or long format)",
      );
    const scale = str(values.scale) ?? "saprc07";
    if (scale !== "saprc07" && scale !== "cn") throw new RangeError(`--scale must be saprc07 or cn, got "${scale}"`);
    const unitsText = str(values.units);
    let units: string | undefined;
    if (unitsText !== undefined) {
      const u = vocUnit(unitsText === "ugm3" ? "µg/m3" : unitsText);
      if (!u) throw new RangeError(`--units must be ppb, ugm3, ppbC, ppt or ppm, got "${unitsText}"`);
      units = u;
    }
    const state = {
      temperatureK: numberOpt(str(values.temperature), "temperature", 200, 350, 298.15),
      pressureKPa: numberOpt(str(values.pressure), "pressure", 50, 110, 101.325),
    };
    const negative = str(values.negative) ?? "error";
    if (negative !== "error" && negative !== "missing" && negative !== "zero")
      throw new RangeError(`--negative must be error, missing or zero, got "${negative}"`);
    const mixed = str(values["mixed-units"]) ?? "error";
    if (mixed !== "error" && mixed !== "convert")
      throw new RangeError(`--mixed-units must be error or convert, got "${mixed}"`);
    const topN = numberOpt(str(values.top), "top", 1, 1000, 10);
    const coelution = coelutionOf(str(values["mp-xylene"]));

    const read = readVocTable(file, {
      utcOffset: str(values["utc-offset"]),
      units,
      negative,
      mixedUnits: mixed,
      referenceState: state,
    });
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
