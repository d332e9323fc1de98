import { mkdtempSync, readFileSync, existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";

const DATA = join(__dirname, "..", "..", "data");
const TRAJ = ["--traj", DATA, "--match", "^shanghai-tdump-\\d+\\.txt$"];
const CONC = join(DATA, "shanghai-trajectory-conc.csv");
const truth = JSON.parse(readFileSync(join(DATA, "shanghai-trajectories.truth.json"), "utf8"));
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

describe("aozora pscf", () => {
  const dir = mkdtempSync(join(tmpdir(), "aozora-pscf-"));
  it("--json: PSCF on the shipped example, unmatched trajectories listed with reasons, map and table written", async () => {
    const svg = join(dir, "pscf.svg"),
      csv = join(dir, "cells.csv");
    const r = await run([
      "pscf",
      ...TRAJ,
      "--conc",
      CONC,
      "--utc-offset",
      "+08:00",
      "--species",
      "Pb",
      "--out",
      svg,
      "--table",
      csv,
      "--json",
    ]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({
      method: "pscf",
      species: "Pb",
      percentile: 75,
      resolution: 1,
      files: 5,
      trajectories: 248,
      matched: 240,
    });
    expect(j.unmatched.filter((u: { reason: string }) => u.reason === "missing-value")).toHaveLength(
      truth.missingArrivals.length,
    );
    expect(
      j.unmatched
        .filter((u: { reason: string }) => u.reason === "no-time-within-tolerance")
        .map((u: { arrival: string }) => u.arrival),
    ).toEqual(truth.arrivalsWithoutConcentrationRow.map((s: string) => s.replace(".000Z", "Z")));
    // the highest weighted cell of this one-month example lies in the simulated source box
    const s = truth.source;
    expect(j.top[0].lat).toBeGreaterThanOrEqual(s.latMin);
    expect(j.top[0].lat).toBeLessThanOrEqual(s.latMax);
    expect(j.top[0].lon).toBeGreaterThanOrEqual(s.lonMin);
    expect(j.top[0].lon).toBeLessThanOrEqual(s.lonMax);
    expect(readFileSync(svg, "utf8")).toMatch(/^<svg/);
    const lines = readFileSync(csv, "utf8").trim().split(/\r\n/);
    expect(lines).toHaveLength(j.cells + 1);
    expect(lines[0]).toMatch(/latMin/);
  });
  it("--method cwt and frequency write PNG maps", async () => {
    const png = join(dir, "cwt.png");
    const r = await run([
      "pscf",
      ...TRAJ,
      "--conc",
      CONC,
      "--utc-offset",
      "+08:00",
      "--species",
      "PM2.5",
      "--method",
      "cwt",
      "--resolution",
      "2",
      "--lang",
      "ja",
      "--out",
      png,
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/cwt: 248 trajectories from 5 file/);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe("PNG");
    const f = await run(["pscf", ...TRAJ, "--method", "frequency", "--out", join(dir, "f.svg"), "--json"]);
    expect(f.code, f.err).toBe(0);
    expect(JSON.parse(f.out).top[0]).toMatchObject({ lat: 31, lon: 121, value: 100 });
  });
  it("bad input exits 2 with one line", async () => {
    const svg = join(dir, "x.svg");
    const later = join(dir, "later.csv");
    writeFileSync(later, "Time,PM2.5 (µg/m3)\n2026-03-01 00:00:00,12\n2026-03-01 01:00:00,14\n");
    const cases = [
      ["pscf", "--traj", "/nonexistent/dir", "--conc", CONC, "--utc-offset", "+08:00", "--species", "Pb", "--out", svg],
      ["pscf", ...TRAJ, "--conc", "/nonexistent.csv", "--species", "Pb", "--out", svg],
      ["pscf", ...TRAJ, "--conc", CONC, "--utc-offset", "+08:00", "--species", "Zn", "--out", svg],
      [
        "pscf",
        ...TRAJ,
        "--conc",
        CONC,
        "--utc-offset",
        "+08:00",
        "--species",
        "Pb",
        "--percentile",
        "101",
        "--out",
        svg,
      ],
      ["pscf", ...TRAJ, "--conc", CONC, "--utc-offset", "+08:00", "--species", "Pb", "--out", join(dir, "x.pdf")],
      ["pscf", ...TRAJ, "--conc", later, "--utc-offset", "+08:00", "--species", "PM2.5", "--out", svg], // no time in common
    ];
    for (const c of cases) {
      const r = await run(c);
      expect(r.code, c.join(" ")).toBe(2);
      // one error line, after at most the statement of what --conc was read as (issue #17: detection is stated)
      const lines = r.err.split("\n").filter((l) => !l.startsWith("detected: "));
      expect(lines, c.join(" ")).toHaveLength(1);
    }
    const none = await run(cases[5]);
    expect(none.err).toMatch(/no trajectory arrival .* has a PM2\.5 value/);
    expect(existsSync(svg)).toBe(false);
  });
});
