import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { xactHourly } from "../metals/xactseries";
import { polarPlot } from "../directional/polarplot";
import { cpf } from "../directional/cpf";
import { cpfSpec, polarPlotSpec } from "../directional/figures";
import { renderPng, renderSvg } from "../figures/render";
import type { Lang } from "../figures/labels";
import type { Verb } from "./verb";
import { requiredFileOption } from "./common";
import { inputOptions, readInput, type InputUse } from "./input";
import { CliUsageError } from "./options";

/** What `polar` reads: an Xact export or a one-site table with WS and WD (any monitoring kind). */
const POLAR_INPUT: InputUse = {
  kinds: ["table", "xact", "cnemc", "soramame", "nies"],
  times: false,
  oneSite: true,
  offsetHelp: "site or instrument clock offset of local timestamps (default +08:00)",
  offsetFallback: () => "+08:00",
  fileOption: "--file",
};

/** `aozora polar`: polar plot (mean or CBPF) or CPF rose of one species, as a figure and numbers. */
export const polarVerb: Verb = {
  name: "polar",
  summary: "openair-style polar plot (mean, CPF or CBPF) of a species against wind speed and direction, SVG/PNG",
  usage: "--file F --species X [--statistic mean|cpf|cbpf] [--percentile P] --out fig.svg|fig.png [--json] ...",
  description: `Openair-style polar plot of X (Xact export or a table with WS/WD columns): mean, CPF per 16
sectors, or CBPF (P-th percentile, or a band) smoothed over (u, v); --json prints the maximum
and the bins. Give --out and/or --json.`,
  json: true,
  options: {
    file: {
      ...requiredFileOption(
        "Xact export or a table with WS, WD columns (CNEMC: also a folder or a comma-separated list of daily files)",
      ),
      fs: "input-file-or-dir",
      list: true,
    },
    species: { type: "string", value: "X", required: true, help: "species (column or Xact element)" },
    statistic: { type: "string", choices: ["mean", "cpf", "cbpf"], default: "mean", help: "statistic plotted" },
    percentile: { type: "number", min: 0, max: 100, default: 75, value: "P", help: "CPF/CBPF threshold percentile" },
    band: { type: "string", value: "P1,P2", help: "CPF/CBPF percentile band instead of a threshold (e.g. 75,90)" },
    out: {
      type: "string",
      value: "fig.svg|fig.png",
      fs: "output-file",
      help: "figure file (format by extension)",
      validate: (t) =>
        /\.(svg|png)$/i.test(t) ? undefined : "a file name ending in .svg or .png (the format written)",
    },
    lang: { type: "string", choices: ["en", "ja", "zh"], default: "en", help: "language of the figure's labels" },
    ...inputOptions(POLAR_INPUT),
  },
  async run(values, out, err) {
    const file = values.file as string,
      species = values.species as string;
    const stat = String(values.statistic);
    const lang = String(values.lang);
    if (!values.out && !values.json)
      throw new CliUsageError("--out", "fig.svg or fig.png (and/or --json): nothing would be written", undefined);
    const percentile = values.percentile as number;
    let band: [number, number] | undefined;
    if (values.band !== undefined) {
      const text = String(values.band);
      const p = text.split(",").map((x) => (x.trim() === "" ? NaN : Number(x)));
      if (p.length !== 2 || !p.every((x) => x >= 0 && x <= 100) || !(p[0] < p[1]))
        throw new CliUsageError("--band", "P1,P2: two increasing percentiles in [0, 100] (e.g. 75,90)", text);
      band = [p[0], p[1]];
    }
    const read = readInput(file, values, POLAR_INPUT, err);
    let v: Float64Array, ws: Float64Array, wd: Float64Array, unit: string;
    if (read.xact) {
      const s = xactHourly(read.xact);
      if (!s.conc[species])
        throw new CliUsageError(
          "--species",
          `an element of ${file} (${s.elements.join(", ")})`,
          species,
          "no such element",
        );
      v = s.conc[species];
      ws = s.ws;
      wd = s.wd;
      unit = "ng/m3";
    } else {
      const t = read.table;
      for (const c of [species, "WS", "WD"])
        if (!t.names.includes(c))
          throw new CliUsageError(
            c === species ? "--species" : "--file",
            c === species
              ? `a column of ${file} (${t.names.join(", ")})`
              : `a table with WS and WD columns (${t.names.join(", ")})`,
            c,
            "no such column",
          );
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
        smoother: r.smoother,
        ...(r.fit ? { fit: r.fit } : { bandwidth: r.bandwidth }),
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
    if (values.json) out(JSON.stringify({ file, species, input: read.input, ...result }, null, 1));
    else {
      const m = result.max as { wd: number; ws?: number };
      out(
        `${species} ${stat}: maximum at ${m.wd.toFixed(0)}°${m.ws !== undefined ? `, ${m.ws.toFixed(1)} m/s` : ""}${values.out ? `; wrote ${values.out}` : ""}`,
      );
    }
    return 0;
  },
};
