import { describe, expect, it } from "vitest";
import { readCommentedCsv } from "./openair-fixtures";
import { smoothTrend } from "../../src/directional/smoothtrend";
import { gamSmooth1d, thinPlateBasis1d, tpsEta1d } from "../../src/stats/tprs1d";
import { stl } from "../../src/stats/stl";
import { smoothTrendSpec } from "../../src/directional/figures-smooth";
import { renderSvg } from "../../src/figures/render";
import { pearson } from "../../src/stats/correlation";
import { Rng } from "../../src/random/rng";

const csv = readCommentedCsv;
const maxAbs = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

describe('thin-plate regression spline in one covariate (mgcv s(x), bs = "tp")', () => {
  it("η(r) = r³/12: Wood (2003) Γ(d/2 − m)/(2^(2m) π^(d/2) (m − 1)!) r^(2m−d) with d = 1, m = 2", () => {
    // Γ(−3/2) = 4√π/3, so the constant is (4√π/3)/(16√π) = 1/12
    expect(tpsEta1d(2)).toBeCloseTo(8 / 12, 15);
    expect(tpsEta1d(-3)).toBeCloseTo(27 / 12, 15);
    expect(tpsEta1d(0)).toBe(0);
  });

  it("the basis has k columns and the penalty vanishes on the null space [1, x]", () => {
    const x = Array.from({ length: 40 }, (_, i) => i * i * 0.1);
    const b = thinPlateBasis1d(x, 10);
    expect(b.X.length).toBe(40 * 10);
    for (let a = 0; a < 10; a++) {
      expect(b.S[a * 10 + 8]).toBe(0);
      expect(b.S[a * 10 + 9]).toBe(0);
    }
    // the predict matrix at the data rows equals the model matrix (the same function)
    const P = b.predictMatrix(x);
    expect(maxAbs(P, b.X)).toBeLessThan(1e-9 * Math.max(...Array.from(b.X, Math.abs)));
  });

  it("a straight line is reproduced exactly (the linear null space is not penalised without select)", () => {
    const x = Array.from({ length: 30 }, (_, i) => 1.4e9 + i * 2.6e6); // seconds, as smoothTrend's months
    const y = x.map((v) => 3 + 2e-8 * (v - 1.4e9));
    const g = gamSmooth1d(x, y);
    expect(maxAbs(g.fitted, y)).toBeLessThan(1e-9);
    const p = g.predict([1.4e9 + 5.5 * 2.6e6]);
    expect(p.fit[0]).toBeCloseTo(3 + 2e-8 * 5.5 * 2.6e6, 9);
  });

  it("refuses fewer distinct x than k, and y of another length", () => {
    expect(() => thinPlateBasis1d([1, 2, 3, 4], 10)).toThrow(RangeError);
    expect(() => gamSmooth1d([1, 2, 3], [1, 2])).toThrow(RangeError);
  });
});

describe("STL (R stats::stl, Cleveland et al. 1990)", () => {
  const rows = csv("r-stl.csv");
  const y = rows.map((r) => r[0]);
  it("non-robust decomposition equals R 4.2 stl(s.window = 11, s.degree = 1) to 1e-12", () => {
    const s = stl(y, 12, { robust: false });
    expect(
      maxAbs(
        s.seasonal,
        rows.map((r) => r[1]),
      ),
    ).toBeLessThan(1e-12);
    expect(
      maxAbs(
        s.trend,
        rows.map((r) => r[2]),
      ),
    ).toBeLessThan(1e-12);
    expect(
      maxAbs(
        s.remainder,
        rows.map((r) => r[3]),
      ),
    ).toBeLessThan(1e-12);
  });
  it("one robustness iteration (inner = 1, outer = 1) equals R to 1e-12", () => {
    const s = stl(y, 12, { inner: 1, outer: 1 });
    expect(
      maxAbs(
        s.seasonal,
        rows.map((r) => r[4]),
      ),
    ).toBeLessThan(1e-12);
    expect(
      maxAbs(
        s.trend,
        rows.map((r) => r[5]),
      ),
    ).toBeLessThan(1e-12);
  });
  it("a fixed seasonal pattern plus a line is split exactly into its parts (hand case)", () => {
    const pat = [3, 1, -2, 0.5, 4, -1, -3, 2, 0, -0.5, 1.5, -4.5]; // sums to 1 → centred below
    const m = pat.reduce((a, b) => a + b, 0) / 12;
    const z = Array.from({ length: 72 }, (_, i) => 5 + 0.1 * i + pat[i % 12] - m);
    const s = stl(z, 12, { robust: false });
    for (let i = 0; i < 72; i++) {
      expect(s.seasonal[i]).toBeCloseTo(pat[i % 12] - m, 6);
      expect(s.trend[i]).toBeCloseTo(5 + 0.1 * i, 6);
    }
  });
  it("refuses missing values and short series", () => {
    expect(() => stl([1, NaN, ...Array(30).fill(1)], 12)).toThrow(RangeError);
    expect(() => stl(Array(20).fill(1), 12)).toThrow(RangeError);
  });
});

describe("smoothTrend against openair 2.18.2.9005 (fixtures: its output on an 8-year simulated series)", () => {
  const means = csv("openair-smoothtrend-means.csv"); // t (UTC s of the local month start), monthly mean
  const times = means.map((r) => r[0] * 1000),
    values = means.map((r) => r[1]);

  it("analytic fit and 95 % band: openair's `$data$fit` (r = 1 to 10 digits, |Δ| < 1e-4)", () => {
    const oa = csv("openair-smoothtrend-fit.csv");
    const r = smoothTrend(times, values, 480);
    expect(r.fit.length).toBe(100);
    expect(
      maxAbs(
        r.fit.map((p) => p.time / 1000),
        oa.map((o) => o[0]),
      ),
    ).toBeLessThan(1e-3);
    expect(
      maxAbs(
        r.fit.map((p) => p.pred),
        oa.map((o) => o[1]),
      ),
    ).toBeLessThan(1e-4);
    expect(
      maxAbs(
        r.fit.map((p) => p.lower),
        oa.map((o) => o[2]),
      ),
    ).toBeLessThan(1e-4);
    expect(
      maxAbs(
        r.fit.map((p) => p.upper),
        oa.map((o) => o[3]),
      ),
    ).toBeLessThan(1e-4);
    expect(
      pearson(
        r.fit.map((p) => p.pred),
        oa.map((o) => o[1]),
      ),
    ).toBeGreaterThan(1 - 1e-10);
    expect(r.band).toBe("analytic");
  });

  it("deseason: STL values within 0.1 of openair's and the fitted curve r > 0.99999 (robust iterations differ, see TSDoc)", () => {
    const oaData = csv("openair-smoothtrend-deseason-data.csv");
    const oaFit = csv("openair-smoothtrend-deseason-fit.csv");
    const r = smoothTrend(times, values, 480, { deseason: true });
    expect(r.deseasonalised).toBe(true);
    expect(
      maxAbs(
        r.periods.map((p) => p.y),
        oaData.map((o) => o[1]),
      ),
    ).toBeLessThan(0.1);
    expect(
      pearson(
        r.fit.map((p) => p.pred),
        oaFit.map((o) => o[1]),
      ),
    ).toBeGreaterThan(0.99999);
    expect(
      maxAbs(
        r.fit.map((p) => p.pred),
        oaFit.map((o) => o[1]),
      ),
    ).toBeLessThan(0.05);
  });

  it("≤ 24 periods: deseason is skipped as in openair, and said so", () => {
    const r = smoothTrend(times.slice(0, 24), values.slice(0, 24), 480, { deseason: true });
    expect(r.deseasonalised).toBe(false);
  });
});

describe("smoothTrend: monthly means, bootstrap, type", () => {
  // 6 years of daily values at UTC+9: trend 10 + 0.5·year, seasonal ±3, noise
  const rng = new Rng(7);
  const t0 = Date.UTC(2018, 0, 1) - 9 * 3600000;
  const times: number[] = [],
    values: number[] = [];
  for (let d = 0; d < 6 * 365; d++) {
    times.push(t0 + d * 86400000);
    values.push(10 + (0.5 * d) / 365 + 3 * Math.cos((2 * Math.PI * d) / 365) + 2 * rng.normal());
  }

  it("period values are the local monthly means (hand check of the first month)", () => {
    const r = smoothTrend(times, values, 540);
    const jan = values.slice(0, 31);
    expect(r.periods[0].value).toBeCloseTo(jan.reduce((a, b) => a + b, 0) / 31, 12);
    expect(r.periods[0].time).toBe(t0);
    expect(r.periods.length).toBe(72);
  });

  it("the bootstrap band: same seed same bits, another seed differs, width near the analytic band", () => {
    const a = smoothTrend(times, values, 540, { simulate: true, nBoot: 60, seed: 3 });
    const b = smoothTrend(times, values, 540, { simulate: true, nBoot: 60, seed: 3 });
    const c = smoothTrend(times, values, 540, { simulate: true, nBoot: 60, seed: 4 });
    expect(a.fit).toEqual(b.fit);
    expect(a.fit.map((p) => p.lower)).not.toEqual(c.fit.map((p) => p.lower));
    expect(a.band).toBe("bootstrap");
    const an = smoothTrend(times, values, 540);
    // the curve is the fit to the data
    expect(
      maxAbs(
        a.fit.map((p) => p.pred),
        an.fit.map((p) => p.pred),
      ),
    ).toBeLessThan(1e-9);
    const w = (r: typeof a) => r.fit.reduce((s, p) => s + p.upper - p.lower, 0) / r.fit.length;
    expect(w(a) / w(an)).toBeGreaterThan(0.6);
    expect(w(a) / w(an)).toBeLessThan(1.4);
    for (const p of a.fit) expect(p.lower).toBeLessThanOrEqual(p.upper);
  });

  it("openair's bootstrap (openair: true): n evenly spaced points, the curve is the mean of the resamples", () => {
    const r = smoothTrend(times, values, 540, { simulate: true, nBoot: 20, openair: true });
    expect(r.fit.length).toBe(72);
    expect(r.fit[0].time).toBe(t0);
  });

  it("type = season gives one trend per season; bad options are RangeErrors", () => {
    const r = smoothTrend(times, values, 540, { type: "season" });
    expect(r.byType?.panels.length).toBe(4);
    expect(r.byType?.panels[0].result.periods.length).toBeGreaterThan(20);
    expect(() => smoothTrend(times, values, 540, { avgTime: "week" as never })).toThrow(RangeError);
    expect(() => smoothTrend(times.slice(0, 200), values.slice(0, 200), 540)).toThrow(RangeError);
    expect(() => smoothTrend(times, values.slice(1), 540)).toThrow(RangeError);
  });
});

describe("smoothTrendSpec", () => {
  const means = csv("openair-smoothtrend-means.csv");
  const r = smoothTrend(
    means.map((m) => m[0] * 1000),
    means.map((m) => m[1]),
    480,
  );
  it("points, curve and band with labels in en/ja/zh, local time at the site's offset", async () => {
    const want = {
      en: ["Smooth trend (GAM)", "Monthly mean", "95 % interval", "UTC+08:00"],
      ja: ["平滑化トレンド（GAM）", "月平均", "95 % 信頼区間"],
      zh: ["平滑趋势（GAM）", "月均值", "95 % 置信区间"],
    } as const;
    for (const lang of ["en", "ja", "zh"] as const) {
      const spec = smoothTrendSpec(r, "µg/m3", { lang }) as unknown as { layer: { data: { values: unknown[] } }[] };
      expect(spec.layer.map((l) => l.data.values.length)).toEqual([100, 96, 100]);
      const svg = await renderSvg(spec as never);
      for (const w of want[lang]) expect(svg).toContain(w);
    }
    // the first point is the first month at local time (2012-01-01 00:00 at +08:00)
    const spec = smoothTrendSpec(r, "µg/m3") as unknown as { layer: { data: { values: { time: string }[] } }[] };
    expect(spec.layer[1].data.values[0].time).toBe("2012-01-01T00:00:00");
    expect(() => smoothTrendSpec(r, "µg/m3", { width: 0 })).toThrow(RangeError);
  });
  it("the line of period values breaks at a missing period (type panels have gaps between seasons)", () => {
    const v = means.map((m) => m[1]);
    v[40] = NaN;
    const g = smoothTrend(
      means.map((m) => m[0] * 1000),
      v,
      480,
    );
    const spec = smoothTrendSpec(g, "µg/m3") as unknown as { layer: { data: { values: { segment: number }[] } }[] };
    const segs = spec.layer[1].data.values.map((p) => p.segment);
    expect(segs.length).toBe(95);
    expect(new Set(segs).size).toBe(2);
    expect(segs[39]).toBe(0);
    expect(segs[40]).toBe(1); // month 41 (index 41 of the periods) starts the second run
  });
});
