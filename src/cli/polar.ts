import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { readXact } from "../metals/read-xact";
import { readMonitoringTable } from "../io/monitoring";
import { readGrid } from "../io/grid";
import { xactHourly } from "../metals/xactseries";
import { polarPlot } from "../directional/polarplot";
import { cpf } from "../directional/cpf";
import { cpfSpec, polarPlotSpec } from "../directional/figures";
import { renderPng, renderSvg } from "../figures/render";
import { isLang, type Lang } from "../figures/labels";
import type { Verb } from "./verb";

/** True when the file looks like a Cooper Xact export (two header rows, the second starting with TIME). */
function looksLikeXact(file: string): boolean {
  if (/xact/i.test(file)) return true;
  try {
    const g = readGrid(file, { headerRow: 2, delimiter: "," });
    return g.header[0]?.trim() === "TIME" && g.header.some((h) => /\(ng\/m3\)/i.test(h));
  } catch {
    return false;
  }
}

function num(v: unknown, name: string, lo: number, hi: number): number {
  const n = Number(v);
  if (typeof v !== "string" || v.trim() === "" || !Number.isFinite(n) || n < lo || n > hi)
    throw new RangeError(`--${name} must be a number in ${lo}..${hi}, got "${String(v)}"`);
  return n;
}

/** `aozora polar`: polar plot (mean or CBPF) or CPF rose of one species, as a figure and numbers. */
export const polarVerb: Verb = {
  name: "polar",
  help: `  aozora polar --file F --species X [--statistic mean|cpf|cbpf] [--percentile P]
               [--band P1,P2] [--utc-offset +08:00] [--lang en|ja|zh] --out fig.svg|fig.png [--json]
                                           openair-style polar plot of X (Xact export or a table
                                           with WS/WD columns): mean, CPF per 16 sectors, or CBPF
                                           (P-th percentile, default 75, or a band) smoothed over
                                           (u, v); --json prints the maximum and the bins`,
  options: {
    file: { type: "string" },
    species: { type: "string" },
    statistic: { type: "string", default: "mean" },
    percentile: { type: "string" },
    band: { type: "string" },
    out: { type: "string" },
    "utc-offset": { type: "string", default: "+08:00" },
    lang: { type: "string", default: "en" },
  },
  async run(values, out) {
    const file = values.file as string | undefined,
      species = values.species as string | undefined;
    if (!file) throw new RangeError("aozora polar: --file is required");
    if (!species) throw new RangeError("aozora polar: --species is required");
    const stat = String(values.statistic);
    if (!["mean", "cpf", "cbpf"].includes(stat))
      throw new RangeError(`--statistic must be mean, cpf or cbpf, got "${stat}"`);
    const lang = String(values.lang);
    if (!isLang(lang)) throw new RangeError(`--lang must be en, ja or zh, got "${lang}"`);
    if (!values.out && !values.json) throw new RangeError("aozora polar: give --out fig.svg (or .png) and/or --json");
    // The format written follows the extension: any other extension would get SVG under a wrong name.
    if (values.out !== undefined && !/\.(svg|png)$/i.test(String(values.out)))
      throw new RangeError(`--out must end in .svg or .png (the format written), got "${String(values.out)}"`);
    const percentile = values.percentile === undefined ? 75 : num(values.percentile, "percentile", 0, 100);
    let band: [number, number] | undefined;
    if (values.band !== undefined) {
      const p = String(values.band).split(",");
      if (p.length !== 2) throw new RangeError(`--band must be P1,P2 (e.g. 75,90), got "${String(values.band)}"`);
      band = [num(p[0], "band", 0, 100), num(p[1], "band", 0, 100)];
      if (!(band[0] < band[1])) throw new RangeError(`--band percentiles must increase, got ${band.join(",")}`);
    }
    const offset = String(values["utc-offset"]);
    let v: Float64Array, ws: Float64Array, wd: Float64Array, unit: string;
    if (looksLikeXact(file)) {
      const s = xactHourly(readXact(file, { utcOffset: offset }));
      if (!s.conc[species])
        throw new RangeError(`aozora polar: no element "${species}" in ${file} (have ${s.elements.join(", ")})`);
      v = s.conc[species];
      ws = s.ws;
      wd = s.wd;
      unit = "ng/m3";
    } else {
      const t = readMonitoringTable(file, { utcOffset: offset }).table;
      for (const c of [species, "WS", "WD"])
        if (!t.names.includes(c))
          throw new RangeError(`aozora polar: no column "${c}" in ${file} (have ${t.names.join(", ")})`);
      v = t.numbers(species);
      ws = t.numbers("WS");
      wd = t.numbers("WD");
      unit = t.unit(species);
    }
    const series = { values: v, ws, wd };
    let spec, result: Record<string, unknown>;
    if (stat === "cpf") {
      const r = cpf(series, { percentile, band, sectors: 16 });
      const best = r.rows.reduce((a, b) => (b.cpf > a.cpf ? b : a));
      result = {
        statistic: "cpf",
        threshold: r.threshold,
        upper: r.upper,
        max: { wd: best.wd, cpf: best.cpf },
        sectors: r.rows,
      };
      spec = cpfSpec(r.rows, {
        lang: lang as Lang,
        title: `${species} CPF (${band ? `P${band[0]}–P${band[1]}` : `> P${percentile}`})`,
      });
    } else {
      const r = polarPlot(series, stat === "cbpf" ? { statistic: "cpf", percentile, band } : { statistic: "mean" });
      result = {
        statistic: stat,
        unit: stat === "mean" ? unit : "1",
        n: r.n,
        threshold: r.threshold,
        upper: r.upper,
        bandwidth: r.bandwidth,
        radius: r.radius,
        max: { wd: r.max.wd, ws: r.max.ws, z: r.max.z },
        bins: r.bins,
      };
      spec = polarPlotSpec(r, stat === "mean" ? unit : "1", {
        lang: lang as Lang,
        title: stat === "mean" ? species : `${species} CBPF (${band ? `P${band[0]}–P${band[1]}` : `> P${percentile}`})`,
      });
    }
    if (values.out) {
      const path = String(values.out);
      mkdirSync(dirname(path), { recursive: true });
      if (/\.png$/i.test(path)) writeFileSync(path, await renderPng(spec));
      else writeFileSync(path, await renderSvg(spec), "utf8");
    }
    if (values.json) out(JSON.stringify({ file, species, ...result }, null, 1));
    else {
      const m = result.max as { wd: number; ws?: number };
      out(
        `${species} ${stat}: maximum at ${m.wd.toFixed(0)}°${m.ws !== undefined ? `, ${m.ws.toFixed(1)} m/s` : ""}${values.out ? `; wrote ${values.out}` : ""}`,
      );
    }
    return 0;
  },
};
