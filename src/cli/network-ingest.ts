import { ingestCnemcArchive } from "../network/ingest";
import { hourLabelOption } from "./common";
import { checkPath } from "./fs";
import { CliUsageError, type OptionSpecs, type OptionValues } from "./options";
import type { NetworkSubcommand } from "./network";

/** The options of `aozora network ingest`. */
export const ingestOptions: OptionSpecs = {
  kind: {
    type: "string",
    choices: ["cnemc"],
    help: "the archive's format (required): cnemc = CNEMC daily files china_sites_YYYYMMDD.csv",
  },
  out: {
    type: "string",
    value: "DATASET",
    fs: "output-dir",
    help: "the dataset folder to write (DATASET/year=YYYY/data_0.parquet); must not hold a dataset already",
  },
  "hour-label": {
    ...hourLabelOption,
    default: "end",
    help: "which end of the averaging hour the files' hour marks (CNEMC: end, hour-ending averages)",
  },
  threads: { type: "number", integer: true, min: 1, max: 64, default: 2, help: "DuckDB worker threads" },
  "memory-limit": {
    type: "string",
    value: "SIZE",
    default: "1GB",
    help: "DuckDB memory limit (it spills to a temporary folder beyond it), e.g. 1200MB, 4GB",
    validate: (t) =>
      /^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(t) ? undefined : "a size such as 1200MB or 4GB",
  },
};

/** `aozora network ingest --kind cnemc DIR --out DATASET`: a whole archive → a Parquet dataset (DuckDB). */
export const ingestSubcommand: NetworkSubcommand = {
  name: "ingest",
  summary: "convert a whole archive of daily files into a Parquet dataset partitioned by year (DuckDB)",
  usage: "ingest --kind cnemc DIR --out DATASET [--hour-label start|end] [--threads N] [--memory-limit SIZE] [--json]",
  options: ingestOptions,
  positionals: { label: "DIR", min: 1, max: 1, fs: "input-dir" },
  async run(values: OptionValues, out: (s: string) => void, _err: (s: string) => void, args: string[]) {
    if (values.kind === undefined)
      throw new CliUsageError("--kind", "cnemc (required): the archive's format", undefined);
    if (values.out === undefined)
      throw new CliUsageError("--out", "DATASET (required): the dataset folder to write", undefined);
    const dir = args[0];
    checkPath(dir, "input-dir");
    // --out is shared with summarise (a CSV there), so its folder check is made here
    checkPath(String(values.out), "output-dir");
    const acc = await ingestCnemcArchive({
      dir,
      out: String(values.out),
      hourLabel: values["hour-label"] === "start" ? "start" : "end",
      threads: Number(values.threads),
      memoryLimit: String(values["memory-limit"]),
    });
    if (values.json) {
      out(JSON.stringify({ verb: "network ingest", format: "cnemc", dataset: String(values.out), ...acc }));
      return 0;
    }
    out(`network ingest: ${acc.files} CNEMC ${acc.kind} files from ${dir} → ${String(values.out)}`);
    out(
      `  rows read ${acc.inputRows} (date × hour × type), rows written ${acc.rows} (station × hour), stations ${acc.stations}, header layouts ${acc.headerGroups}`,
    );
    out(`  time: ${acc.hourConversion}`);
    for (const p of acc.parts) out(`  year=${p.year}: ${p.rows} rows  ${p.file}`);
    const miss = Object.entries(acc.missingCells)
      .filter(([, n]) => n > 0)
      .map(([t, n]) => `${t} ${n}`);
    out(`  empty cells: ${miss.length ? miss.join(", ") : "none"}`);
    out(`  ${(acc.ms / 1000).toFixed(1)} s`);
    return 0;
  },
};
