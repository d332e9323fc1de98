import { readRemoteSensing } from "../remotesensing/read";
import { rsdEmissions } from "../remotesensing/emissions";
import { efByGroup } from "../remotesensing/summary";
import type { Verb } from "./verb";

/** `aozora rsd`: remote-sensing records → flags, fuel-based EFs by category, model year and VSP mode. */
export const rsdVerb: Verb = {
  name: "rsd",
  help: `  aozora rsd --file F --utc-offset +08:00 [--pollutant CO|HC|NO] [--cut G_PER_KG] [--json]
                                           remote-sensing records: flag counts, fuel-based
                                           emission factors (g/kg, carbon balance) by category,
                                           model year and VSP mode; --cut counts passes above it`,
  options: {
    file: { type: "string" },
    "utc-offset": { type: "string" },
    pollutant: { type: "string", default: "CO" },
    cut: { type: "string" },
  },
  async run(v, out) {
    if (v.file === undefined) throw new RangeError("rsd: --file F is required");
    if (v["utc-offset"] === undefined)
      throw new RangeError("rsd: --utc-offset is required (local times are not guessed), e.g. +08:00");
    const pol = String(v.pollutant).toUpperCase();
    if (!["CO", "HC", "NO"].includes(pol))
      throw new RangeError(`rsd: --pollutant must be CO, HC or NO, got "${v.pollutant}"`);
    const cut = v.cut === undefined ? undefined : Number(v.cut);
    if (cut !== undefined && (String(v.cut).trim() === "" || !Number.isFinite(cut)))
      throw new RangeError(`rsd: --cut must be a number (g/kg), got "${v.cut}"`);
    const read = readRemoteSensing(String(v.file), { utcOffset: String(v["utc-offset"]) });
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
