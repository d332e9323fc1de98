import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import type { XactYearTruth } from "../../src/simulate/xactyear";

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
const angle = (a: number, b: number) => Math.abs(((((a - b) % 360) + 540) % 360) - 180);

describe("aozora polar", () => {
  const file = join(DATA, "shanghai-xact-2025.csv");
  const truth = JSON.parse(readFileSync(join(DATA, "shanghai-xact-2025.truth.json"), "utf8")) as XactYearTruth;
  const ship = truth.sources.find((s) => s.name === "shipping")!;
  it("CBPF of V on the example year: maximum at the shipping bearing and speed range; SVG written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "aozora-polar-"));
    const r = await run([
      "polar",
      "--file",
      file,
      "--species",
      "V",
      "--statistic",
      "cbpf",
      "--percentile",
      "90",
      "--out",
      join(dir, "v.svg"),
      "--json",
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(angle(j.max.wd, ship.bearing!)).toBeLessThanOrEqual(15);
    expect(j.max.ws).toBeGreaterThanOrEqual(ship.wsRange![0]);
    expect(j.max.ws).toBeLessThanOrEqual(ship.wsRange![1]);
    expect(readFileSync(join(dir, "v.svg"), "utf8")).toMatch(/^<svg/);
  });
  it("CPF per sector (--statistic cpf) and mean", async () => {
    const c = JSON.parse((await run(["polar", "--file", file, "--species", "V", "--statistic", "cpf", "--json"])).out);
    expect(c.sectors).toHaveLength(16);
    expect(angle(c.max.wd, ship.bearing!)).toBeLessThanOrEqual(22.5);
    const m = JSON.parse((await run(["polar", "--file", file, "--species", "V", "--json"])).out);
    expect(m.unit).toBe("ng/m3");
    expect(angle(m.max.wd, ship.bearing!)).toBeLessThanOrEqual(15);
    // openair's GAM smoother: s(u, v, k = 100) over the occupied bins, the speed shifted by its minimum
    expect(m.smoother).toBe("gam");
    expect(m.fit.k).toBe(100);
    expect(m.fit.knots).toBeGreaterThanOrEqual(100);
    expect(m.fit.edf).toBeGreaterThan(3);
    expect(m.fit.edf).toBeLessThan(100);
  });
  it("bad input exits 2 with one line", async () => {
    const r = await run(["polar", "--file", file, "--species", "Hg", "--json"]);
    expect(r.code).toBe(2);
    // the detection statement, then the one error line
    const lines = r.err.split("\n");
    expect(lines[0]).toMatch(/^detected: Cooper Xact 625i export/);
    expect(lines.slice(1)).toHaveLength(1);
    expect(lines[1]).toMatch(/^aozora polar: --species: expected an element of .*, found "Hg" \(no such element\)$/);
    expect((await run(["polar", "--file", file, "--species", "V", "--statistic", "max", "--json"])).code).toBe(2);
    expect((await run(["polar", "--file", file, "--species", "V", "--percentile", "120", "--json"])).code).toBe(2);
    expect((await run(["polar", "--species", "V", "--json"])).code).toBe(2);
  });
});
