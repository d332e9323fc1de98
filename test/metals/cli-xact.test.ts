import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import type { XactTruth } from "../../src/simulate/xact";

const DATA = join(__dirname, "..", "..", "data");
async function run(args: string[]) {
  const out: string[] = [],
    err: string[] = [];
  const code = await main(
    args,
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("aozora xact FILE", () => {
  const file = join(DATA, "xact-hourly.csv");
  const truth = JSON.parse(readFileSync(join(DATA, "xact-hourly.truth.json"), "utf8")) as XactTruth;
  it("--json summary matches the simulator's truth", async () => {
    const r = await run(["xact", file, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.rowsRead).toBe(truth.records);
    expect(j.qaRows).toBe(truth.qaRows.length);
    expect(j.flaggedByReason).toEqual({
      "qa-record": truth.qaRows.length,
      "short-record": truth.shortRows.length,
      alarm: truth.alarmRows.length,
    });
    expect(j.rowsFlagged).toBe(truth.qaRows.length + truth.shortRows.length + truth.alarmRows.length);
    expect(j.elements).toEqual(truth.elements);
    expect(j.notAnalysed).toEqual(["Mg"]);
    expect(j.timeSpan.first).toBe("2025-01-01T01:00:00+08:00");
  });
  it("--out writes every input row with a flags column naming the reasons", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "aozora-xact-")), "flags.csv");
    expect((await run(["xact", file, "--out", out])).code).toBe(0);
    const lines = readFileSync(out, "utf8").trim().split("\r\n");
    const head = lines[0].split(",");
    expect(head[0]).toBe("row");
    expect(head[head.length - 1]).toBe("flags");
    const rows = lines.slice(1).map((l) => l.split(","));
    expect(rows).toHaveLength(truth.records);
    expect(rows.map((r) => +r[0])).toEqual(Array.from({ length: truth.records }, (_, i) => i + 3)); // file rows 3 … in order
    const flagOf = new Map(rows.map((r) => [+r[0], r[r.length - 1]]));
    for (const q of truth.qaRows) expect(flagOf.get(q)).toBe("qa-record");
    for (const q of truth.shortRows) expect(flagOf.get(q)).toBe("short-record");
    for (const a of truth.alarmRows) expect(flagOf.get(a.row)).toBe("alarm");
    const flagged = new Set([...truth.qaRows, ...truth.shortRows, ...truth.alarmRows.map((a) => a.row)]);
    for (const [row, f] of flagOf) if (!flagged.has(row)) expect(f).toBe("");
  });
  it("bad arguments and files exit 2 with one line", async () => {
    expect((await run(["xact"])).code).toBe(2);
    expect((await run(["xact", "a.csv", "b.csv"])).code).toBe(2);
    const r = await run(["xact", join(DATA, "nope-xact.csv")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nope-xact\.csv: expected a readable file/);
    expect((await run(["xact", file, "--bogus"])).code).toBe(2);
  });
});
