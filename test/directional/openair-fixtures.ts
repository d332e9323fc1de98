import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Folder of the fixtures produced by R openair 2.18.2.9005 (make-fixtures.R there). */
export const OPENAIR_FIXTURES = join(__dirname, "fixtures", "openair") + "/";

/** Read a fixture CSV written by make-fixtures.R: `date` (UTC ISO) → ms, other columns numbers (NA → NaN). */
export function readFixtureCsv(name: string): { times: number[]; columns: Record<string, number[]> } {
  const lines = readFileSync(OPENAIR_FIXTURES + name, "utf8")
    .trim()
    .split(/\r?\n/);
  const head = lines[0].split(",");
  const columns: Record<string, number[]> = {};
  for (const h of head.slice(1)) columns[h] = [];
  const times: number[] = [];
  for (const line of lines.slice(1)) {
    const f = line.split(",");
    times.push(Date.parse(f[0]));
    head.slice(1).forEach((h, j) => columns[h].push(f[j + 1] === "NA" ? NaN : Number(f[j + 1])));
  }
  return { times, columns };
}

/** Read a fixture JSON (openair output; null = NA). */
export function readFixtureJson<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(OPENAIR_FIXTURES + name, "utf8")) as T;
}

/** Read a fixture CSV of test/directional/fixtures/: `#` comment lines (the source), a header, numbers (NA → NaN), one array per row. */
export function readCommentedCsv(name: string): number[][] {
  return readFileSync(join(__dirname, "fixtures", name), "utf8")
    .trim()
    .split(/\r?\n/)
    .filter((l) => !l.startsWith("#"))
    .slice(1)
    .map((l) => l.split(",").map((x) => (x === "NA" ? NaN : Number(x))));
}
