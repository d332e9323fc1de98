import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { readHysplitFiles, listTrajectoryFiles } from "../trajectory/read-hysplit-files";
import { readMonitoringTable } from "../io/monitoring";
import { writeCsv } from "../io/write";
import { renderPng, renderSvg } from "../figures/render";
import { isLang } from "../figures/labels";
import { joinConcentration, type TrajectoryJoin } from "../trajectory/join";
import { cwt, pscf, trajectoryFrequency } from "../trajectory/statistics";
import { trajectoryGridTable, type TrajectoryGrid } from "../trajectory/result";
import { trajectoryMapSpec } from "../trajectory/map";
import type { Verb, VerbValues } from "./verb";

function num(v: unknown, name: string, dflt: number, ok: (x: number) => boolean, what: string): number {
  if (v === undefined) return dflt;
  const x = Number(v);
  if (typeof v !== "string" || v.trim() === "" || !Number.isFinite(x) || !ok(x))
    throw new RangeError(`--${name} must be ${what}, got "${String(v)}"`);
  return x;
}

const iso = (t: number) => (Number.isFinite(t) ? new Date(t).toISOString().replace(".000Z", "Z") : null);

/**
 * `aozora pscf`: back trajectories (HYSPLIT tdump files or a directory of them) + a
 * concentration file → PSCF (default), CWT or trajectory-frequency map (SVG or PNG by the
 * `--out` extension), optional cell table (`--table cells.csv`), summary or `--json`.
 */
export const pscfVerb: Verb = {
  name: "pscf",
  help: `  aozora pscf --traj DIR_OR_FILES --conc FILE --species X [--method pscf|cwt|frequency]
        [--percentile 75] [--resolution 1] [--tolerance 0] [--utc-offset +08:00] [--match REGEX]
        [--lang en|ja|zh] [--site LAT,LON] --out map.svg|.png [--table cells.csv] [--json]
                                           PSCF / CWT / trajectory-frequency map from back trajectories
                                           joined to concentrations by arrival time (UTC)`,
  options: {
    traj: { type: "string", multiple: true },
    conc: { type: "string" },
    species: { type: "string" },
    method: { type: "string", default: "pscf" },
    percentile: { type: "string" },
    resolution: { type: "string" },
    tolerance: { type: "string" },
    "utc-offset": { type: "string" },
    match: { type: "string" },
    lang: { type: "string", default: "en" },
    site: { type: "string" },
    out: { type: "string" },
    table: { type: "string" },
  },
  async run(values: VerbValues, out: (s: string) => void): Promise<number> {
    const method = String(values.method);
    if (!["pscf", "cwt", "frequency"].includes(method))
      throw new RangeError(`--method must be pscf, cwt or frequency, got "${method}"`);
    const lang = String(values.lang);
    if (!isLang(lang)) throw new RangeError(`--lang must be en, ja or zh, got "${lang}"`);
    const trajArgs = ((values.traj as string[] | undefined) ?? [])
      .flatMap((s) => s.split(","))
      .map((s) => s.trim())
      .filter((s) => s !== "");
    if (trajArgs.length === 0) throw new RangeError("--traj is required (a directory of tdump files, or files)");
    const outPath = values.out as string | undefined;
    if (!outPath) throw new RangeError("--out is required (map.svg or map.png)");
    if (!/\.(svg|png)$/i.test(outPath)) throw new RangeError(`--out must end in .svg or .png, got "${outPath}"`);
    if (values.table !== undefined && !/\.csv$/i.test(String(values.table)))
      throw new RangeError(`--table must end in .csv (a CSV table is written), got "${String(values.table)}"`);
    const percentile = num(values.percentile, "percentile", 75, (x) => x >= 0 && x <= 100, "a number in [0, 100]");
    const resolution = num(
      values.resolution,
      "resolution",
      1,
      (x) => x > 0 && x <= 10,
      "a cell size in degrees in (0, 10]",
    );
    const tolerance = num(values.tolerance, "tolerance", 0, (x) => x >= 0, "a number of minutes ≥ 0");
    let match: RegExp | undefined;
    if (values.match !== undefined) {
      try {
        match = new RegExp(String(values.match));
      } catch {
        throw new RangeError(`--match must be a regular expression, got "${String(values.match)}"`);
      }
    }
    let site: { lat: number; lon: number } | undefined;
    if (values.site !== undefined) {
      const parts = String(values.site).split(",");
      const p = parts.map((s) => (s.trim() === "" ? NaN : Number(s)));
      if (p.length !== 2 || !p.every(Number.isFinite) || Math.abs(p[0]) > 90 || Math.abs(p[1]) > 180)
        throw new RangeError(
          `--site must be LAT,LON in degrees (latitude in [−90, 90], longitude in [−180, 180]), got "${String(values.site)}"`,
        );
      site = { lat: p[0], lon: p[1] };
    }

    const files = listTrajectoryFiles(trajArgs, match);
    const read = readHysplitFiles(files);
    if (!site && read.trajectories.length) site = { lat: read.trajectories[0].lat, lon: read.trajectories[0].lon };
    let join: TrajectoryJoin | undefined;
    let grid: TrajectoryGrid;
    if (method === "frequency") grid = trajectoryFrequency(read.endpoints, { resolution });
    else {
      const concFile = values.conc as string | undefined;
      const species = values.species as string | undefined;
      if (!concFile) throw new RangeError(`--conc is required for --method ${method}`);
      if (!species) throw new RangeError(`--species is required for --method ${method}`);
      const offset = values["utc-offset"] as string | undefined;
      const conc = readMonitoringTable(concFile, offset === undefined ? {} : { utcOffset: offset });
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
