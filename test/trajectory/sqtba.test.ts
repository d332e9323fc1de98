import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AqTable } from "../../src/table/table";
import { joinConcentration } from "../../src/trajectory/join";
import { sqtba } from "../../src/trajectory/sqtba";
import { readHysplitFiles } from "../../src/trajectory/read-hysplit-files";
import { readMonitoringTable } from "../../src/io/monitoring";

const R = 6371.0088;
const RAD = Math.PI / 180;
const T0 = Date.UTC(2025, 0, 1);
const H = 3600000;

// two back trajectories from (0°, 0°): traj 1 (Pb 10) is at (0°N, 1°E) after 1 h, traj 2 (Pb 30) at (1°N, 0°E)
const EP = { traj: [1, 1, 2, 2], age: [0, -1, 0, -1], lat: [0, 0, 0, 1], lon: [0, 1, 0, 0] };
const conc = AqTable.create(
  { time: [T0, T0 + H], Pb: [10, 30] },
  { time: { kind: "time" }, Pb: { unit: "ng/m3" } },
  { column: "time", utcOffsetMinutes: 480 },
);
const joined = joinConcentration(
  [1, 2].map((k) => ({ traj: k, start: T0 + (k - 1) * H, file: "f" })),
  conc,
  "Pb",
);

describe("sqtba (hand-worked)", () => {
  it("two one-hour trajectories on a 1° grid, σ = 100 km", () => {
    const g = sqtba(EP, joined, { sigma: 100, extent: { latMin: 0, latMax: 1, lonMin: 0, lonMax: 1 } });
    // node (1, 1) has no endpoint in its cell: dropped (min.bin 1); the others hold 2, 1, 1 endpoints
    expect(g.cells.map((c) => [c.lat, c.lon, c.n])).toEqual([
      [0, 0, 2],
      [0, 1, 1],
      [1, 0, 1],
    ]);
    const s = 100;
    const gauss = (d: number) => (1 / s ** 2) * Math.exp(-0.5 * (d / s) ** 2);
    // node (0, 0): both endpoints 1° of arc away → equal weights → (10 + 30)/2
    expect(g.cells[0].value).toBeCloseTo(20, 12);
    // node (0, 1): traj 1's endpoint is on it (d = 0); traj 2's is at the arc with cos θ = cos²1° (spherical law of cosines)
    const d12 = R * Math.acos(Math.cos(RAD) ** 2);
    expect(d12).toBeCloseTo(157.2, 1);
    const q1 = gauss(0),
      q2 = gauss(d12);
    expect(g.cells[1].value).toBeCloseTo((10 * q1 + 30 * q2) / (q1 + q2), 10);
    expect(g.cells[2].value).toBeCloseTo((10 * q2 + 30 * q1) / (q1 + q2), 10);
    expect(g.statistic).toBe("sqtba");
    expect(g.unit).toBe("ng/m3");
    expect(g.pointsUsed).toBe(2);
  });
  it("openair: true puts every distance at least R·√(2·10⁻⁷) away (its acos(x − 1e-7))", () => {
    const g = sqtba(EP, joined, {
      sigma: 100,
      extent: { latMin: 0, latMax: 1, lonMin: 0, lonMax: 1 },
      openair: true,
    });
    // openair takes rows 2..max|age| = rows 2..1 of each trajectory: none, so no Gaussian at all
    expect(g.pointsUsed).toBe(0);
    expect(g.cells.every((c) => Number.isNaN(c.value))).toBe(true);
  });
  it("refuses bad options", () => {
    expect(() => sqtba(EP, joined, { sigma: 0 })).toThrow(RangeError);
    expect(() => sqtba(EP, joined, { minBin: 0.5 })).toThrow(/minBin/);
    expect(() => sqtba(EP, joined, { resolution: 0 })).toThrow(RangeError);
  });
});

describe("sqtba against openair 2.18.2.9005 on the example trajectories", () => {
  const data = join(__dirname, "..", "..", "data");
  const read = readHysplitFiles(data, { match: /^shanghai-tdump-\d+\.txt$/ });
  const c = readMonitoringTable(join(data, "shanghai-trajectory-conc.csv"), { utcOffset: "+08:00" });
  const j = joinConcentration(read.trajectories, c.table, "Pb");
  const theirs = new Map(
    readFileSync(join(__dirname, "fixtures", "openair-sqtba-pb.csv"), "utf8")
      .split("\n")
      .filter((l) => l && !l.startsWith("#") && !l.startsWith('"'))
      .map((l) => l.split(",").map(Number))
      .map(([x, y, n, v]) => [`${y}/${x}`, { n, v }]),
  );
  it("openair: true gives openair's nodes, counts and values (≤ 1e-9 relative)", () => {
    const g = sqtba(read.endpoints, j, { openair: true });
    expect(theirs.size).toBe(1115);
    expect(g.cells).toHaveLength(theirs.size);
    for (const cell of g.cells) {
      const o = theirs.get(`${cell.lat}/${cell.lon}`)!;
      expect(cell.n).toBe(o.n);
      expect(Math.abs(cell.value - o.v) / o.v).toBeLessThan(1e-9);
    }
  });
  it("the default (haversine, every endpoint, own-cell counts) stays close: same nodes, r > 0.999", () => {
    const g = sqtba(read.endpoints, j);
    expect(g.cells).toHaveLength(theirs.size);
    const x = g.cells.map((c) => c.value),
      y = g.cells.map((c) => theirs.get(`${c.lat}/${c.lon}`)!.v);
    const m = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
    const mx = m(x),
      my = m(y);
    const r =
      x.reduce((s, v, i) => s + (v - mx) * (y[i] - my), 0) /
      Math.sqrt(x.reduce((s, v) => s + (v - mx) ** 2, 0) * y.reduce((s, v) => s + (v - my) ** 2, 0));
    expect(r).toBeGreaterThan(0.999);
    expect(x.some((v, i) => Math.abs(v - y[i]) / y[i] > 0.01)).toBe(true);
  });
});
