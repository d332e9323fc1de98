import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fillDistances, featureWidth } from "../../src/trajectory/cluster-distance";
import { trajCluster } from "../../src/trajectory/cluster";
import * as cmap from "../../src/trajectory/cluster-map";
import { readHysplitFiles } from "../../src/trajectory/read-hysplit-files";
import { Rng } from "../../src/random/rng";

const R = 6371.0088;
const RAD = Math.PI / 180;

describe("trajectory distances (hand-worked)", () => {
  // A: receptor (0°, 0°) then (0°N, 1°E); B: receptor (0°, 0°) then (1°N, 0°E)
  it("chord: the straight line between (0°, 1°E) and (1°N, 0°) is R·√2·sin 1°", () => {
    // unit vectors (cos 0 cos 1°, cos 0 sin 1°, 0) and (cos 1°, 0, sin 1°): difference (0, sin 1°, −sin 1°)
    const v = (lat: number, lon: number) => [
      R * Math.cos(lat * RAD) * Math.cos(lon * RAD),
      R * Math.cos(lat * RAD) * Math.sin(lon * RAD),
      R * Math.sin(lat * RAD),
    ];
    const x = new Float64Array([...v(0, 0), ...v(0, 1), ...v(0, 0), ...v(1, 0)]);
    const out = new Float64Array(1);
    fillDistances({ kernel: "chord", n: 2, points: 2, x }, out, 0, 2);
    expect(out[0]).toBeCloseTo(R * Math.SQRT2 * Math.sin(RAD), 9); // 157.25 km
    expect(out[0]).toBeCloseTo(157.2456, 3);
  });
  it("openair distEuclid: 110·√(Δlon² + (Δlat·cos(lon_i·3.14159/180))²), the cosine of the earlier trajectory's longitude", () => {
    // features per point: lon, lat, cos(lon·3.14159/180); trajectory 0 = A (earlier) has lon 1 at point 2
    const c = (lon: number) => Math.cos((lon * 3.14159) / 180);
    const x = new Float64Array([0, 0, c(0), 1, 0, c(1), 0, 0, c(0), 0, 1, c(0)]);
    const out = new Float64Array(1);
    fillDistances({ kernel: "openair-euclid", n: 2, points: 2, x }, out, 0, 2);
    expect(out[0]).toBeCloseTo(110 * Math.sqrt(1 + Math.cos((1 * 3.14159) / 180) ** 2), 12);
    expect(featureWidth("openair-euclid")).toBe(3);
  });
  it("angle: east against north is π/2 (bearing kernel and openair's law of cosines A = B = 1, C = 2)", () => {
    const out = new Float64Array(1);
    fillDistances({ kernel: "bearing", n: 2, points: 1, x: new Float64Array([Math.PI / 2, 0]) }, out, 0, 2);
    expect(out[0]).toBeCloseTo(Math.PI / 2, 14);
    // wrap: bearings 170° and −170° are 20° apart
    fillDistances({ kernel: "bearing", n: 2, points: 1, x: new Float64Array([170 * RAD, -170 * RAD]) }, out, 0, 2);
    expect(out[0]).toBeCloseTo(20 * RAD, 12);
    const nan = fillDistances(
      { kernel: "openair-angle", n: 2, points: 1, x: new Float64Array([1, 0, 0, 1]), origin: [0, 0] },
      out,
      0,
      2,
    );
    expect(out[0]).toBeCloseTo(Math.PI / 2, 14);
    expect(nan).toBe(0);
    // a point at the origin: A = 0 → 0/0 → NaN, and openair sets the pair's distance to 0
    const nan2 = fillDistances(
      { kernel: "openair-angle", n: 2, points: 1, x: new Float64Array([0, 0, 0, 1]), origin: [0, 0] },
      out,
      0,
      2,
    );
    expect([nan2, out[0]]).toEqual([1, 0]);
  });
});

/** Back trajectories from (31.2, 121.5): group W heads west 1°/6 h, group N north; ±0.05° noise. */
function twoGroups(nW: number, nN: number, hours = 12) {
  const rng = new Rng(7);
  const traj: number[] = [],
    age: number[] = [],
    lat: number[] = [],
    lon: number[] = [];
  for (let t = 0; t < nW + nN; t++)
    for (let h = 0; h <= hours; h++) {
      const west = t < nW;
      const j = h === 0 ? 0 : 0.05 * (rng.uniform() - 0.5);
      traj.push(t + 1);
      age.push(h === 0 ? 0 : -h);
      lat.push(31.2 + (west ? 0 : h / 6) + j);
      lon.push(121.5 - (west ? h / 6 : 0) + j);
    }
  return { traj, age, lat, lon };
}

describe("trajCluster", () => {
  it("separates two groups of paths; percentages and mean paths by hand", async () => {
    const ep = twoGroups(6, 4);
    for (const method of ["euclid", "angle"] as const) {
      const r = await trajCluster(ep, { nCluster: 2, method });
      expect([...r.cluster]).toEqual([1, 1, 1, 1, 1, 1, 2, 2, 2, 2]); // cluster 1 holds trajectory 1 (R's numbering)
      expect(r.clusters.map((c) => [c.label, c.n, c.percent])).toEqual([
        ["C1", 6, 60],
        ["C2", 4, 40],
      ]);
      expect(r.ages).toEqual([0, -1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -11, -12]);
      // mean path of C2 at age −6: the mean of the four trajectories' points
      const idx = [6, 7, 8, 9].map((t) => t * 13 + 6);
      const mean = (a: number[]) => idx.reduce((s, i) => s + a[i], 0) / 4;
      const p = r.clusters[1].path[6];
      expect(p.age).toBe(-6);
      expect(p.lat).toBeCloseTo(mean(ep.lat), 12);
      expect(p.lon).toBeCloseTo(mean(ep.lon), 12);
      expect(r.distanceUnit).toBe(method === "euclid" ? "km" : "rad");
      expect(r.distanceBytes).toBe(4 * 45);
    }
  });
  it("lists trajectories of another length or with a missing position (openair drops them silently)", async () => {
    const ep = twoGroups(5, 5);
    // trajectory 3 loses its last point; trajectory 8 gets a NaN latitude
    const keep = ep.traj.map((t, i) => !(t === 3 && ep.age[i] === -12));
    const f = <T>(a: T[]) => a.filter((_, i) => keep[i]);
    const e2 = { traj: f(ep.traj), age: f(ep.age), lat: f(ep.lat), lon: f(ep.lon) };
    e2.lat[e2.traj.indexOf(8) + 4] = NaN;
    const r = await trajCluster(e2, { nCluster: 2 });
    expect(r.excluded).toEqual([
      { traj: 3, points: 12, reason: "12 points, the common length is 13" },
      { traj: 8, points: 13, reason: "a point without latitude or longitude" },
    ]);
    expect(r.traj).toEqual([1, 2, 4, 5, 6, 7, 9, 10]);
    expect([...r.cluster]).toEqual([1, 1, 1, 1, 2, 2, 2, 2]);
  });
  it("refuses bad options", async () => {
    const ep = twoGroups(3, 3);
    await expect(trajCluster(ep, { nCluster: 6 })).rejects.toThrow(/nCluster must be an integer in \[1, 5\]/);
    await expect(trajCluster(ep, { method: "manhattan" as "euclid" })).rejects.toThrow(RangeError);
    await expect(trajCluster(ep, { workers: 0 })).rejects.toThrow(/workers/);
  });

  // openair 2.18.2.9005 output on the example trajectories (fixtures made by scripts/compare-openair/trajcluster.R)
  const fixture = (name: string) =>
    readFileSync(join(__dirname, "fixtures", name), "utf8")
      .split("\n")
      .filter((l) => l && !l.startsWith("#"))
      .slice(1)
      .map((l) => l.replace(/"/g, "").split(","));
  const read = readHysplitFiles(join(__dirname, "..", "..", "data"), { match: /^shanghai-tdump-\d+\.txt$/ });
  const iso = (t: number) => new Date(t).toISOString().slice(0, 19).replace("T", " ");
  const arrival = new Map(read.trajectories.map((t) => [t.traj, iso(t.start)]));
  for (const method of ["euclid", "angle"] as const)
    it(`openair: true reproduces openair's ${method} clustering of the 248 example trajectories`, async () => {
      const r = await trajCluster(read.endpoints, { method, nCluster: 5, openair: true });
      const theirs = new Map(fixture(`openair-trajcluster-${method}.csv`).map(([d, c]) => [d, c]));
      // a one-to-one label map that explains every assignment
      const map = new Map<string, string>();
      r.traj.forEach((t, i) => {
        const o = theirs.get(arrival.get(t)!)!;
        const mine = `C${r.cluster[i]}`;
        if (!map.has(mine)) map.set(mine, o);
        expect(map.get(mine)).toBe(o);
      });
      expect(new Set(map.values()).size).toBe(5);
      const paths = fixture(`openair-trajcluster-${method}-paths.csv`);
      for (const c of r.clusters) {
        const rows = paths.filter((p) => p[0] === map.get(c.label));
        expect(rows).toHaveLength(73);
        for (const [, age, lat, lon, freq] of rows) {
          const p = c.path.find((q) => q.age === Number(age))!;
          expect(p.lat).toBeCloseTo(Number(lat), 9);
          expect(p.lon).toBeCloseTo(Number(lon), 9);
          expect(Math.round(10 * c.percent) / 10).toBeCloseTo(Number(freq), 9);
        }
      }
      if (method === "angle") expect(r.undefinedPairs).toBeGreaterThanOrEqual(0);
    });
  it("the default Euclidean distance differs from openair's on the example (its cos(longitude) defect)", async () => {
    const d = await trajCluster(read.endpoints, { nCluster: 5 });
    const o = await trajCluster(read.endpoints, { nCluster: 5, openair: true });
    expect(d.clusters.map((c) => c.n)).not.toEqual(o.clusters.map((c) => c.n));
    expect(d.traj).toHaveLength(248);
  });
});

describe("trajClusterMapSpec", () => {
  it("one line per cluster labelled with its percentage, en/ja/zh titles", async () => {
    const { trajClusterMapSpec } = cmap;
    const r = await trajCluster(twoGroups(6, 4), { nCluster: 2 });
    for (const [lang, word] of [
      ["en", "Back-trajectory clusters"],
      ["ja", "後方流跡線のクラスター"],
      ["zh", "后向轨迹聚类"],
    ] as const) {
      const spec = trajClusterMapSpec(r, { lang }) as unknown as {
        title: { text: string };
        layer: { mark: { type: string } | string; data?: { values?: { cluster?: string }[] } }[];
      };
      expect(spec.title.text).toContain(word);
      const line = spec.layer.find((l) => typeof l.mark === "object" && l.mark.type === "line")!;
      expect(new Set(line.data!.values!.map((v) => v.cluster))).toEqual(new Set(["C1 (60.0 %)", "C2 (40.0 %)"]));
      expect(line.data!.values!).toHaveLength(2 * 13);
    }
  });
});

describe("trajCluster with type (openair's type, clusters per level)", () => {
  it("clusters each season on its own; percentages within the level", async () => {
    const ep = twoGroups(6, 4);
    const jan = Date.UTC(2025, 0, 10),
      jul = Date.UTC(2025, 6, 10);
    // trajectories 1–3 and 7–8 arrive in January, 4–6 and 9–10 in July
    const arrivals = new Map([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((t) => [t, [1, 2, 3, 7, 8].includes(t) ? jan : jul]));
    const r = await trajCluster(ep, { nCluster: 2, type: "season", arrivals, utcOffsetMinutes: 480 });
    const levels = r.byType!.levels;
    expect(levels.map((l) => [l.level, l.n])).toEqual([
      ["summer (JJA)", 5],
      ["winter (DJF)", 5],
    ]);
    expect(levels[1].result.traj).toEqual([1, 2, 3, 7, 8]);
    expect([...levels[1].result.cluster]).toEqual([1, 1, 1, 2, 2]);
    expect(levels[0].result.clusters.map((c) => c.percent)).toEqual([60, 40]);
    expect(r.byType!.excluded).toEqual([]);
    expect(r.traj).toHaveLength(10); // the top level is all trajectories together
  });
  it("refuses a type without arrival times", async () => {
    await expect(trajCluster(twoGroups(3, 3), { nCluster: 2, type: "season" })).rejects.toThrow(/arrival times/);
  });
});
