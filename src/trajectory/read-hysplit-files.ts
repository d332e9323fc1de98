import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { AqTable } from "../table/table";
import type { ReadAccount } from "../io/account";
import { AozoraInputError } from "../io/errors";
import { readHysplit } from "./read-hysplit";
import type { Source } from "../io/source";

/** What {@link readHysplitFiles} returns. */
export interface HysplitFilesRead {
  /**
   * All endpoints of all files in long form, one row per endpoint: `traj` (1-based id over all
   * files, in file order then trajectory order), `file` (the file it came from), `trajInFile`
   * (the trajectory number inside its file), `start` (UTC ms, the trajectory's starting time =
   * the arrival time of a backward trajectory), `time` (UTC ms of the endpoint), `age` (h,
   * negative backward), `lat` (deg N), `lon` (deg E), `height` (m AGL), then the diagnostic
   * variables that every file carries (e.g. `PRESSURE`, hPa).
   */
  endpoints: AqTable;
  /** One row per trajectory: id, file, number in file, start time (UTC ms), start point, direction. */
  trajectories: {
    traj: number;
    file: string;
    trajInFile: number;
    start: number;
    lat: number;
    lon: number;
    height: number;
    direction: string;
  }[];
  /** Diagnostic variables left out because not every file has them, with the files that had them. */
  omittedDiagnostics: { name: string; files: string[] }[];
  /** One reader account per file, in file order. */
  accounts: ReadAccount[];
}

/**
 * The files of a trajectory set: a directory (every regular, non-hidden file in it, sorted by
 * name; narrow with `match`) or a list of files/directories.
 *
 * @throws {AozoraInputError} for a path that does not exist, or a set with no files.
 */
export function listTrajectoryFiles(paths: string | string[], match?: RegExp): string[] {
  const out: string[] = [];
  for (const p of Array.isArray(paths) ? paths : [paths]) {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      throw new AozoraInputError({
        file: p,
        expected: "a trajectory file or a directory of them",
        found: (e as NodeJS.ErrnoException).code ?? String(e),
      });
    }
    if (st.isDirectory()) {
      const names = readdirSync(p)
        .filter((n) => !n.startsWith(".") && (!match || match.test(n)))
        .sort();
      for (const n of names) if (statSync(join(p, n)).isFile()) out.push(join(p, n));
    } else out.push(p);
  }
  if (out.length === 0)
    throw new AozoraInputError({ file: String(paths), expected: "at least one trajectory file", found: "none" });
  return out;
}

/**
 * Read many HYSPLIT endpoint files ("tdump") into one endpoints table, each trajectory with a
 * set-wide id, its file and its starting time. Each file is read by {@link readHysplit}
 * (fixed-width fields, UTC times); nothing is dropped: diagnostic variables missing from some
 * files are listed in `omittedDiagnostics` and every file's account is returned.
 *
 * @param sources files (paths or in-memory sources) or, as a string, a directory / one file
 * @param opts.match for directories: only file names matching this pattern
 * @throws {AozoraInputError} naming the file (and row, field) of a malformed file.
 */
export function readHysplitFiles(sources: Source[] | string, opts: { match?: RegExp } = {}): HysplitFilesRead {
  const list: Source[] = typeof sources === "string" ? listTrajectoryFiles(sources, opts.match) : sources;
  const reads = list.map((s) => ({ name: typeof s === "string" ? s : s.name, r: readHysplit(s) }));
  const diagSets = reads.map(({ r }) => r.endpoints.names.slice(6));
  const common = diagSets.length ? diagSets[0].filter((d) => diagSets.every((s) => s.includes(d))) : [];
  const omitted = new Map<string, string[]>();
  reads.forEach(({ name }, k) =>
    diagSets[k].filter((d) => !common.includes(d)).forEach((d) => omitted.set(d, [...(omitted.get(d) ?? []), name])),
  );

  const trajectories: HysplitFilesRead["trajectories"] = [];
  const file: string[] = [];
  const cols: Record<string, number[]> = {
    traj: [],
    trajInFile: [],
    start: [],
    time: [],
    age: [],
    lat: [],
    lon: [],
    height: [],
  };
  for (const d of common) cols[d] = [];
  let base = 0;
  for (const { name, r } of reads) {
    r.starts.forEach((s, k) =>
      trajectories.push({
        traj: base + k + 1,
        file: name,
        trajInFile: k + 1,
        start: s.time,
        lat: s.lat,
        lon: s.lon,
        height: s.height,
        direction: r.direction,
      }),
    );
    const e = r.endpoints;
    const tr = e.numbers("traj"),
      tm = e.numbers("time"),
      ag = e.numbers("age"),
      la = e.numbers("lat"),
      lo = e.numbers("lon"),
      he = e.numbers("height");
    const diag = common.map((d) => e.numbers(d));
    for (let i = 0; i < e.numRows; i++) {
      const k = tr[i];
      cols.traj.push(base + k);
      cols.trajInFile.push(k);
      cols.start.push(r.starts[k - 1].time);
      cols.time.push(tm[i]);
      cols.age.push(ag[i]);
      cols.lat.push(la[i]);
      cols.lon.push(lo[i]);
      cols.height.push(he[i]);
      common.forEach((d, j) => cols[d].push(diag[j][i]));
      file.push(name);
    }
    base += r.starts.length;
  }
  const info: Record<string, { unit?: string; kind?: "number" | "time" | "string" }> = {
    traj: { unit: "1" },
    file: { kind: "string" },
    trajInFile: { unit: "1" },
    start: { kind: "time" },
    time: { kind: "time" },
    age: { unit: "h" },
    lat: { unit: "deg" },
    lon: { unit: "deg" },
    height: { unit: "m" },
  };
  for (const d of common) info[d] = { unit: reads[0].r.endpoints.unit(d) };
  const { traj, trajInFile, start, time, ...rest } = cols;
  const endpoints = AqTable.create({ traj, file, trajInFile, start, time, ...rest }, info, {
    column: "time",
    utcOffsetMinutes: 0,
  });
  return {
    endpoints,
    trajectories,
    omittedDiagnostics: [...omitted].map(([name, files]) => ({ name, files })),
    accounts: reads.map(({ r }) => r.account),
  };
}
