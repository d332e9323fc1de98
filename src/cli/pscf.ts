import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { readHysplitFiles, listTrajectoryFiles } from "../trajectory/read-hysplit-files";
import { writeCsv } from "../io/write";
import { renderPng, renderSvg } from "../figures/render";
import type { Lang } from "../figures/labels";
import { joinConcentration, type TrajectoryJoin } from "../trajectory/join";
import { cwt, pscf, trajectoryFrequency } from "../trajectory/statistics";
import { trajectoryGridTable, type TrajectoryGrid } from "../trajectory/result";
import { trajectoryMapSpec } from "../trajectory/map";
import type { Verb, VerbValues } from "./verb";
import { inputOptions, readInput, type InputStatement, type InputUse } from "./input";
import { CliUsageError, listOf } from "./options";

const iso = (t: number) => (Number.isFinite(t) ? new Date(t).toISOString().replace(".000Z", "Z") : null);

/** What `pscf --conc` reads: a one-site concentration series of any monitoring kind (arrival times used). */
const CONC_INPUT: InputUse = {
  kinds: ["table", "xact", "cnemc", "soramame", "nies"],
  times: true,
  oneSite: true,
  offsetHelp: "site offset of --conc's local timestamps",
  fileOption: "--conc",
};

/**
 * `aozora pscf`: back trajectories (HYSPLIT tdump files or a directory of them) + a
 * concentration file → PSCF (default), CWT or trajectory-frequency map (SVG or PNG by the
 * `--out` extension), optional cell table (`--table cells.csv`), summary or `--json`.
 */
export const pscfVerb: Verb = {
  name: "pscf",
  summary: "PSCF, CWT or trajectory-frequency map from back trajectories joined to concentrations",
  usage: "--traj DIR_OR_FILES --conc FILE --species X [--method pscf|cwt|frequency] --out map.svg|.png [--json] ...",
  description: `PSCF / CWT / trajectory-frequency map from HYSPLIT back trajectories (tdump files or folders
of them) joined to concentrations by arrival time (UTC); the map as SVG or PNG by the --out
extension, the cell table with --table.`,
  json: true,
  options: {
    traj: {
      type: "string",
      multiple: true,
      list: true,
      value: "DIR|F[,F...]",
      required: true,
      fs: "input-file-or-dir",
      help: "tdump files or folders of them (comma-separated or repeated)",
    },
    conc: {
      type: "string",
      value: "FILE",
      fs: "input-file-or-dir",
      list: true,
      help: "concentration table (required for pscf and cwt) (CNEMC: also a folder or a comma-separated list of daily files)",
    },
    species: { type: "string", value: "X", help: "species column of --conc (required for pscf and cwt)" },
    method: { type: "string", choices: ["pscf", "cwt", "frequency"], default: "pscf", help: "statistic mapped" },
    percentile: { type: "number", min: 0, max: 100, default: 75, help: "PSCF threshold percentile" },
    resolution: { type: "number", min: 0, minExclusive: true, max: 10, default: 1, unit: "degrees", help: "cell size" },
    tolerance: { type: "number", min: 0, default: 0, unit: "minutes", help: "arrival-time matching tolerance" },
    match: {
      type: "string",
      value: "REGEX",
      help: "file-name filter inside --traj folders",
      validate: (t) => {
        try {
          new RegExp(t);
          return undefined;
        } catch {
          return "a regular expression";
        }
      },
    },
    lang: { type: "string", choices: ["en", "ja", "zh"], default: "en", help: "language of the map's labels" },
    site: {
      type: "string",
      value: "LAT,LON",
      help: "receptor site marked on the map (default: the first trajectory's start)",
    },
    out: {
      type: "string",
      value: "map.svg|map.png",
      required: true,
      fs: "output-file",
      help: "map file (format by extension)",
      validate: (t) =>
        /\.(svg|png)$/i.test(t) ? undefined : "a file name ending in .svg or .png (the format written)",
    },
    table: {
      type: "string",
      value: "cells.csv",
      fs: "output-file",
      help: "CSV table of the grid cells",
      validate: (t) => (/\.csv$/i.test(t) ? undefined : "a file name ending in .csv (a CSV table is written)"),
    },
    ...inputOptions(CONC_INPUT),
  },
  async run(values: VerbValues, out: (s: string) => void, err: (s: string) => void): Promise<number> {
    const method = String(values.method);
    const lang = String(values.lang) as Lang;
    const trajArgs = listOf(values.traj);
    if (trajArgs.length === 0) throw new CliUsageError("--traj", "a folder of tdump files, or files", undefined);
    const outPath = values.out as string;
    const percentile = values.percentile as number;
    const resolution = values.resolution as number;
    const tolerance = values.tolerance as number;
    const match = values.match === undefined ? undefined : new RegExp(String(values.match));
    let site: { lat: number; lon: number } | undefined;
    if (values.site !== undefined) {
      const parts = String(values.site).split(",");
      const p = parts.map((s) => (s.trim() === "" ? NaN : Number(s)));
      if (p.length !== 2 || !p.every(Number.isFinite) || Math.abs(p[0]) > 90 || Math.abs(p[1]) > 180)
        throw new CliUsageError(
          "--site",
          "LAT,LON in degrees (latitude in [−90, 90], longitude in [−180, 180])",
          String(values.site),
        );
      site = { lat: p[0], lon: p[1] };
    }

    const files = listTrajectoryFiles(trajArgs, match);
    const read = readHysplitFiles(files);
    if (!site && read.trajectories.length) site = { lat: read.trajectories[0].lat, lon: read.trajectories[0].lon };
    let join: TrajectoryJoin | undefined;
    let input: InputStatement | undefined;
    let grid: TrajectoryGrid;
    if (method === "frequency") grid = trajectoryFrequency(read.endpoints, { resolution });
    else {
      const concFile = values.conc as string | undefined;
      const species = values.species as string | undefined;
      if (!concFile) throw new CliUsageError("--conc", `a concentration file with --method ${method}`, undefined);
      if (!species) throw new CliUsageError("--species", `a species column with --method ${method}`, undefined);
      const conc = readInput(concFile, values, CONC_INPUT, err);
      input = conc.input;
      join = joinConcentration(read.trajectories, conc.table, species, { toleranceMinutes: tolerance, file: concFile });
      if (join.matched === 0) {
        throw new RangeError(
          `no trajectory arrival (${iso(read.trajectories[0]?.start ?? NaN)} … ${iso(read.trajectories[read.trajectories.length - 1]?.start ?? NaN)} UTC) has a ${join.species} value in ${concFile} within ${tolerance} min`,
        );
      }
      grid =
        method === "pscf"
          ? pscf(read.endpoints, join, { resolution, percentile })
          : cwt(read.endpoints, join, { resolution });
    }
    const spec = trajectoryMapSpec(grid, { lang, site });
    mkdirSync(dirname(outPath), { recursive: true });
    if (/\.png$/i.test(outPath)) writeFileSync(outPath, await renderPng(spec));
    else writeFileSync(outPath, await renderSvg(spec), "utf8");
    const tablePath = values.table as string | undefined;
    if (tablePath) writeCsv(trajectoryGridTable(grid), tablePath);

    const top = [...grid.cells].sort((a, b) => b.weighted - a.weighted).slice(0, 10);
    const summary = {
      method,
      species: grid.species ?? null,
      unit: grid.unit,
      concentrationUnit: grid.concentrationUnit ?? null,
      resolution,
      percentile: method === "pscf" ? percentile : null,
      threshold: grid.threshold ?? null,
      meanCount: grid.meanCount ?? null,
      files: files.length,
      trajectories: read.trajectories.length,
      matched: join ? join.matched : null,
      toleranceMinutes: join ? tolerance : null,
      unmatched: join
        ? join.unmatched.map((u) => ({ traj: u.traj, file: u.file, arrival: iso(u.arrival), reason: u.status }))
        : [],
      trajectoriesUsed: grid.trajectoriesUsed,
      endpointsUsed: grid.endpointsUsed,
      cells: grid.cells.length,
      top,
      method_reference: grid.method,
      out: outPath,
      table: tablePath ?? null,
      input: input ?? null,
    };
    if (values.json) out(JSON.stringify(summary, null, 1));
    else {
      out(
        `${method}: ${read.trajectories.length} trajectories from ${files.length} file(s)` +
          (join
            ? `, ${join.matched} with ${join.species} (${join.unmatched.length} unmatched: ${[...new Set(join.unmatched.map((u) => u.status))].join(", ") || "none"})`
            : ""),
      );
      if (grid.threshold !== undefined)
        out(
          `threshold: ${percentile}th percentile = ${grid.threshold.toPrecision(4)} ${grid.concentrationUnit}; n̄ = ${grid.meanCount?.toFixed(2)} endpoints/cell`,
        );
      out(
        `${grid.cells.length} cells of ${resolution}°; highest (weighted): ` +
          top
            .slice(0, 3)
            .map((c) => `${c.lat} N ${c.lon} E = ${c.weighted.toPrecision(3)}`)
            .join("; "),
      );
      out(`wrote ${outPath}${tablePath ? ` and ${tablePath}` : ""}`);
    }
    return 0;
  },
};
