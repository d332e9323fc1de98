import { readRemoteSensing } from "../remotesensing/read";
import { rsdEmissions } from "../remotesensing/emissions";
import { efByGroup } from "../remotesensing/summary";
import type { Verb } from "./verb";
import { encodingOption, gridOptionsOf, sheetOption, utcOffsetOption } from "./common";

/** `aozora rsd`: remote-sensing records → flags, fuel-based EFs by category, model year and VSP mode. */
export const rsdVerb: Verb = {
  name: "rsd",
  summary: "vehicle remote-sensing records: flags, fuel-based emission factors by category, model year and VSP mode",
  usage: "--file F --utc-offset ±HH:MM [--pollutant CO|HC|NO] [--cut G_PER_KG] [--json]",
  description: `Remote-sensing records: flag counts, fuel-based emission factors (g/kg, carbon balance) by
category, model year and VSP mode; --cut counts passes above it.`,
  json: true,
  options: {
    file: { type: "string", value: "F", required: true, fs: "input-file", help: "remote-sensing records" },
    "utc-offset": {
      ...utcOffsetOption("site offset of local timestamps (local times are not guessed)"),
      required: true,
    },
    pollutant: {
      type: "string",
      value: "CO|HC|NO",
      default: "CO",
      help: "pollutant of the emission factors (any case)",
      validate: (t) => (["CO", "HC", "NO"].includes(t.toUpperCase()) ? undefined : "CO, HC or NO"),
    },
    cut: { type: "number", unit: "g/kg", value: "G_PER_KG", help: "count passes above this emission factor" },
    encoding: encodingOption,
    sheet: sheetOption,
  },
  async run(v, out) {
    const pol = String(v.pollutant).toUpperCase();
    const cut = v.cut as number | undefined;
    const read = readRemoteSensing(String(v.file), { utcOffset: String(v["utc-offset"]), ...gridOptionsOf(v) });
    const r = read.records;
    const e = rsdEmissions(r);
    const ef = pol === "CO" ? e.co : pol === "HC" ? e.hc : e.no;
    const usable = e.usable.filter(Boolean).length;
    const res = {
      file: read.account.file,
      records: r.n,
      usable,
      flagCounts: read.flagCounts,
      pollutant: pol,
      unit: "g/kg fuel",
      byCategory: efByGroup(ef, r.category),
      byModelYear: efByGroup(ef, Array.from(r.modelYear)),
      byVspMode: efByGroup(ef, Array.from(e.mode)),
      ...(cut !== undefined ? { screening: { cut, flagged: Array.from(ef).filter((x) => x > cut).length } } : {}),
    };
    if (v.json) out(JSON.stringify(res));
    else {
      out(
        `${res.file}: ${res.records} records, ${usable} usable; flags: ${
          Object.entries(res.flagCounts)
            .map(([k, n]) => `${k} ${n}`)
            .join(", ") || "none"
        }`,
      );
      out(`${pol} (g/kg fuel) by category:`);
      for (const g of res.byCategory)
        out(
          `  ${g.group}\tn ${g.n}\tmean ${g.mean.toFixed(2)} ± ${g.ci95.toFixed(2)}\tmedian ${g.median.toFixed(2)}\tp90 ${g.p90.toFixed(2)}\ttop 10 % share ${(100 * g.top10Share).toFixed(0)} %`,
        );
      if (res.screening) out(`passes above ${cut} g/kg: ${res.screening.flagged}`);
    }
    return 0;
  },
};
