import { describe, expect, it } from "vitest";
import { pamFeatures as pam } from "../../src/stats/pam-features";

describe("pamFeatures (PAM on Euclidean feature distances, Kaufman & Rousseeuw 1990; R cluster::pam)", () => {
  it("five points on a line, BUILD and SWAP by hand", () => {
    // 0 1 2 10 12, k = 2. BUILD 1: total distances 25, 22, 21, 29, 35 → the point 2 (row 2).
    // BUILD 2: gains over D = [2, 1, 0, 8, 10]: row 0 → 2, row 1 → 2, row 3 → 8 + 8 = 16, row 4 → 6 + 10 = 16;
    // tie → R's pam takes the last of equally good candidates (row 4; R 4.2.2, cluster 2.1.4:
    // pam(matrix(c(0, 1, 2, 10, 12)), 2)$id.med − 1 = 1 4, objective build 1.0, swap 0.8).
    // Total 2 + 1 + 0 + 2 + 0 = 5, mean 1. SWAP: 2 → 1 gives 1 + 0 + 1 + 2 + 0 = 4 (Δ −1); then 12 → 10 gives 4 (Δ 0): stop.
    const r = pam([[0, 1, 2, 10, 12]], 2);
    expect(Array.from(r.medoids)).toEqual([1, 4]);
    expect(Array.from(r.clustering)).toEqual([0, 0, 0, 1, 1]);
    expect(r.objective.build).toBe(1);
    expect(r.objective.swap).toBe(0.8);
    expect(r.swaps).toBe(1);
  });

  it("standardize: (x − mean) / mean absolute deviation, as cluster's meanabsdev", () => {
    // x = 0 1 2 10 12: mean 5, |x − 5| = 5 4 3 5 7 → MAD 4.8; scaling one feature does not change the clustering
    const r = pam([[0, 1, 2, 10, 12]], 2, { standardize: true });
    expect(r.center[0]).toBe(5);
    expect(r.scale[0]).toBeCloseTo(4.8, 14);
    expect(Array.from(r.medoids)).toEqual([1, 4]);
    expect(r.objective.swap).toBeCloseTo(0.8 / 4.8, 14);
  });

  // R 4.2.2, cluster 2.1.4: i <- 0:29; x <- cbind(u = ((i * 37) %% 101) / 10 + ifelse(i %% 3 == 0, 20, 0),
  // v = ((i * 53) %% 89) / 7, z = sqrt(i + 1)); pam(x, k, stand = TRUE, pamonce = 3) (openair's call)
  // and pam(x[, 1:2], 3); id.med − 1, clustering − 1, objective printed with %.15g
  const i = Array.from({ length: 30 }, (_, t) => t);
  const u = i.map((t) => ((t * 37) % 101) / 10 + (t % 3 === 0 ? 20 : 0));
  const v = i.map((t) => ((t * 53) % 89) / 7);
  const z = i.map((t) => Math.sqrt(t + 1));
  const R = [
    {
      k: 2,
      med: [9, 16],
      obj: [1.61047559766532, 1.61047559766532],
      cl: "0 1 0 0 1 1 0 1 1 0 1 1 0 1 1 0 1 1 0 1 1 0 1 1 0 1 1 0 1 1",
    },
    {
      k: 3,
      med: [2, 16, 21],
      obj: [1.41285548968168, 1.39397147936236],
      cl: "0 0 0 1 0 1 2 0 1 2 1 1 2 1 1 2 1 1 2 1 1 2 1 1 2 1 1 2 1 1",
    },
    {
      k: 4,
      med: [2, 8, 21, 26],
      obj: [1.25455568347329, 1.16236354112822],
      cl: "0 0 0 1 0 1 1 0 1 2 1 1 2 1 3 2 3 3 2 3 1 2 3 3 2 3 3 2 3 3",
    },
  ];
  it.each(R)("the same medoids, clusters and objectives as R's pam(stand = TRUE), k = $k", ({ k, med, obj, cl }) => {
    const r = pam([u, v, z], k, { standardize: true });
    expect(Array.from(r.medoids)).toEqual(med);
    expect(Array.from(r.clustering).join(" ")).toBe(cl);
    expect(r.objective.build).toBeCloseTo(obj[0], 12);
    expect(r.objective.swap).toBeCloseTo(obj[1], 12);
  });

  it("unstandardised, as R's pam(x[, 1:2], 3)", () => {
    const r = pam([u, v], 3);
    expect(Array.from(r.medoids)).toEqual([9, 23, 29]);
    expect(Array.from(r.clustering).join(" ")).toBe("0 1 2 0 2 1 0 2 1 0 1 1 0 1 2 0 2 2 0 2 1 0 2 1 0 1 1 0 1 2");
    expect(r.objective.build).toBeCloseTo(3.9171503357969, 12);
    expect(r.objective.swap).toBeCloseTo(3.65872168115621, 12);
  });

  it("a medoid's duplicate stays with it; bad arguments are RangeErrors", () => {
    const r = pam([[0, 0, 5, 5, 5]], 2);
    expect(Array.from(r.clustering)).toEqual([0, 0, 1, 1, 1]);
    expect(r.objective.swap).toBe(0);
    expect(() => pam([], 2)).toThrow(RangeError);
    expect(() => pam([[1, 2, 3]], 3)).toThrow(/k must be/);
    expect(() =>
      pam(
        [
          [1, 2, 3],
          [1, 2],
        ],
        1,
      ),
    ).toThrow(/feature 1/);
    expect(() => pam([[1, NaN, 3]], 1)).toThrow(/not finite/);
    expect(() => pam([[1, 1, 1]], 2, { standardize: true })).toThrow(/constant/);
  });
});
