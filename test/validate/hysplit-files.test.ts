import { describe, expect, it } from "vitest";
import { readHysplitFiles } from "../../src/trajectory/read-hysplit-files";
import { simulateHysplitTdump } from "../../src/simulate/hysplit";
import { trajectoryFrequency } from "../../src/trajectory/statistics";
import { sharedPath } from "./shared";

describe("many HYSPLIT files at once (shared tdump + a simulated one)", () => {
  const shared = sharedPath("data", "hysplit", "tdump-backward-4traj.txt");
  const sim = simulateHysplitTdump({
    lat: 33.88,
    lon: 130.88,
    heights: [500],
    start: "2025-01-02T03:00",
    hours: 2,
    dlat: 0.1,
    dlon: -0.3,
  });
  const r = readHysplitFiles([shared, { name: "sim.txt", text: sim.text }]);
  it("numbers trajectories across files and keeps file, start time and endpoint columns", () => {
    expect(r.trajectories.map((t) => [t.traj, t.file === shared ? "shared" : t.file, t.trajInFile])).toEqual([
      [1, "shared", 1],
      [2, "shared", 2],
      [3, "shared", 3],
      [4, "shared", 4],
      [5, "sim.txt", 1],
    ]);
    expect(r.trajectories[0]).toMatchObject({
      start: Date.UTC(2024, 1, 27, 16),
      lat: 22.63,
      lon: 120.346,
      height: 10,
      direction: "BACKWARD",
    });
    // 93 endpoints in the shared file (trajectory 1 stops at −17 h) + 3 simulated
    expect(r.endpoints.numRows).toBe(96);
    const traj = Array.from(r.endpoints.numbers("traj"));
    expect([1, 2, 3, 4, 5].map((k) => traj.filter((x) => x === k).length)).toEqual([18, 25, 25, 25, 3]);
    expect(r.endpoints.names).toEqual([
      "traj",
      "file",
      "trajInFile",
      "start",
      "time",
      "age",
      "lat",
      "lon",
      "height",
      "PRESSURE",
    ]);
    expect(r.endpoints.numbers("lat")[4]).toBe(22.7); // "22.700": trajectory 1 at −1 h
    expect(r.endpoints.numbers("start")[95]).toBe(Date.UTC(2025, 0, 2, 3));
    expect(r.accounts.map((a) => a.inputRows)).toEqual([93, 3]);
  });
  it("frequency map: every trajectory starts in the 23 N / 120 E cell (22.630 N, 120.346 E)", () => {
    const g = trajectoryFrequency(readHysplitFiles([shared]).endpoints);
    const c = g.cells.find((x) => x.lat === 23 && x.lon === 120)!;
    expect(c.trajectories).toBe(4);
    expect(c.value).toBe(100);
  });
  it("a missing file is an input error naming it", () => {
    expect(() => readHysplitFiles("/nonexistent/tdump")).toThrow(/\/nonexistent\/tdump/);
  });
});
