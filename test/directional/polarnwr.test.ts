import { describe, expect, it } from "vitest";
import { polarPairStatistic } from "../../src/directional/polarnwr";
import { polarPairSpec } from "../../src/directional/figures-polarx";

/** Group A from 90° with y = 3x + 1 exactly, group B from 270° with y = −x + 5; speeds 4 and 6 m/s alternately. */
function twoGroups() {
  const y: number[] = [],
    x: number[] = [],
    wd: number[] = [],
    ws: number[] = [];
  for (let i = 0; i < 200; i++) {
    const xi = 1 + ((i * 37) % 101); // 1..101, not monotone in i
    x.push(xi, xi);
    y.push(3 * xi + 1, -xi + 5);
    wd.push(90, 270);
    ws.push(i % 2 ? 4 : 6, i % 2 ? 4 : 6);
  }
  return { y, x, wd, ws, yError: y.map(() => 0.5), xError: x.map(() => 0.5) };
}

describe("polarPairStatistic: kernel-weighted statistics of two pollutants (Grange et al. 2016; openair)", () => {
  const s = twoGroups();
  it("openair's evaluation points: 30 speeds from 0 to max − min × directions 10..360", () => {
    const r = polarPairStatistic(s);
    expect(r.wdInterval).toBe(10); // every wd is a multiple of 10
    expect(r.points.length).toBe(30 * 36);
    expect(r.wsOffset).toBe(4);
    expect(r.radius).toBe(2);
    expect(r.points[0]).toMatchObject({ ws: 0, wd: 10 });
    expect(r.points[29].ws).toBeCloseTo(2, 14);
    expect(r.points[30].wd).toBe(20);
  });
  it("each group alone near its direction: r = ±1 and every slope is the group's line", () => {
    const at = (r: ReturnType<typeof polarPairStatistic>, wd: number) => r.points.filter((p) => p.wd === wd);
    const pear = polarPairStatistic(s, { grid: 0 });
    for (const p of at(pear, 90)) expect(p.z).toBeCloseTo(1, 12);
    for (const p of at(pear, 270)) expect(p.z).toBeCloseTo(-1, 12);
    // at 180° both groups are 90° away: their weights relative to the largest are equal, all 400 count
    expect(at(pear, 180)[0].n).toBe(400);
    for (const [stat, a, b] of [
      ["spearman", 1, -1],
      ["robust-slope", 3, -1],
      ["quantile-slope", 3, -1],
      ["york-slope", 3, -1],
    ] as const) {
      const r = polarPairStatistic(s, { statistic: stat, grid: 0 });
      for (const p of at(r, 90)) expect(p.z).toBeCloseTo(a, 6);
      for (const p of at(r, 270)) expect(p.z).toBeCloseTo(b, 6);
    }
  });
  it("fewer than 100 weighted records: no value", () => {
    const r = polarPairStatistic(s, { minRecords: 201, grid: 0 });
    expect(r.points.filter((p) => p.wd === 90).every((p) => Number.isNaN(p.z))).toBe(true);
    expect(r.points.find((p) => p.wd === 180)!.z).not.toBeNaN();
  });
  it("direction wrap across north: two-way by default, openair's one-way as an option", () => {
    // 150 records at 357°, 150 at 15°: at the point wd₀ = 5°, 357° is 8° away
    const n = 150;
    const t = {
      y: [...Array(2 * n)].map((_, i) => (i % 7) + (i < n ? 0 : 10)),
      x: [...Array(2 * n)].map((_, i) => (i % 5) + 1),
      wd: [...Array(2 * n)].map((_, i) => (i < n ? 357 : 15)),
      ws: [...Array(2 * n)].map((_, i) => 2 + (i % 3)),
    };
    const two = polarPairStatistic(t, { grid: 0 });
    const one = polarPairStatistic(t, { grid: 0, openairWrap: true });
    expect(two.wdInterval).toBe(5);
    const p2 = two.points.find((p) => p.wd === 5 && p.ws === 0)!;
    const p1 = one.points.find((p) => p.wd === 5 && p.ws === 0)!;
    // weights relative to the largest: 15° is 10° away, 357° is 8° away → both groups kept (two-way);
    // one-way: 357 − 5 = 352 is not wrapped, its weight is 0 → only the 15° group
    expect(p2.n).toBe(300);
    expect(p1.n).toBe(150);
    // at 360° both agree (357 − 360 = −3 needs no wrap; 15 − 360 = −345 is wrapped by both)
    const q2 = two.points.find((p) => p.wd === 360 && p.ws === 0)!;
    const q1 = one.points.find((p) => p.wd === 360 && p.ws === 0)!;
    expect(q2.n).toBe(q1.n);
  });
  it("square grid and figure; bad arguments", () => {
    const r = polarPairStatistic(s, { grid: 21 });
    expect(r.grid.length).toBe(441);
    expect(r.max!.z).toBeCloseTo(1, 10);
    const spec = polarPairSpec(r, "", { lang: "zh" }) as any;
    expect(JSON.stringify(spec)).toContain("皮尔逊相关系数");
    expect(() => polarPairStatistic(s, { statistic: "slope" as never })).toThrow(/unknown statistic/);
    expect(() => polarPairStatistic({ ...s, xError: undefined }, { statistic: "york-slope" })).toThrow(RangeError);
    expect(() => polarPairStatistic(s, { tau: 1 })).toThrow(RangeError);
    expect(() => polarPairStatistic({ ...s, ws: s.ws.map(() => 3) })).toThrow(/do not vary/);
  });
});
