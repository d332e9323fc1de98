// Nitrogen in a 12-h CB6r5 closed box (issue #22 item 3: "mass conservation (N ...) checked in tests").
// CB6r5 conserves N except two yields rounded in the file (CB6R5_NITROGEN_ROUNDING: R160 +0.001,
// R170 −0.001 N atoms per reaction). The test adds a balance tracer NBAL produced with −δ_r by every
// reaction r that changes N by δ_r, so that Σ n_i·c_i + NBAL is an exact linear invariant of the system;
// a Rosenbrock method preserves linear invariants (each stage K_i is a combination of f values,
// and wᵀf = 0 ⇒ wᵀJ = 0), so it must stay constant to rounding.
import { describe, expect, it } from "vitest";
import { CB6R5_NITROGEN_ATOMS, CB6R5_NITROGEN_ROUNDING, integrate, type KineticSystem } from "../../src/photochem";
import { cb6r5Box } from "./photochem/cb6r5-box-run";
import { sharedPath } from "./shared";

describe("CB6r5 closed box conserves nitrogen", () => {
  const box = cb6r5Box(sharedPath("reference", "mechanisms", "mech_cb6r5_ae7_aq.def"));
  const sys = box.cm.system;
  const nAtoms = sys.species.map((s) => CB6R5_NITROGEN_ATOMS[s]?.n ?? 0);
  // δ_r from the compiled system's own stoichiometry
  const delta = sys.reactions.map(
    (r) =>
      r.products.reduce((s, p) => s + p.coefficient * nAtoms[p.index], 0) -
      r.reactants.reduce((s, i) => s + nAtoms[i], 0),
  );
  it("only R160 and R170 change N, by the amounts of CB6R5_NITROGEN_ROUNDING", () => {
    const changed = Object.fromEntries(
      sys.reactions.map((r, q) => [r.label, delta[q]] as const).filter(([, d]) => Math.abs(d) > 1e-9),
    );
    expect(Object.keys(changed).sort()).toEqual(Object.keys(CB6R5_NITROGEN_ROUNDING).sort());
    for (const [label, d] of Object.entries(CB6R5_NITROGEN_ROUNDING)) expect(changed[label]).toBeCloseTo(d, 12);
  });
  for (const nonNegative of ["none", "clip"] as const)
    it(`with the balance tracer, total N is constant to 1e-10 over 12 h (rodas3, rtol 1e-4, nonNegative ${nonNegative})`, () => {
      const nb = sys.species.length;
      const augmented: KineticSystem = {
        species: [...sys.species, "NBAL"],
        reactions: sys.reactions.map((r, q) =>
          Math.abs(delta[q]) > 1e-12 ? { ...r, products: [...r.products, { index: nb, coefficient: -delta[q] }] } : r,
        ),
      };
      const w = [...nAtoms, 1];
      const c0 = [...box.c0, 0];
      const total = (c: ArrayLike<number>) => w.reduce((s, wi, i) => s + wi * c[i], 0);
      const out = Array.from({ length: 12 }, (_, h) => 3600 * (h + 1));
      const r = integrate(augmented, box.k, c0, 0, 43200, { rtol: 1e-4, atol: 1e3, outputTimes: out, nonNegative });
      for (const s of r.states) expect(Math.abs(total(s) - total(c0)) / total(c0)).toBeLessThan(1e-10);
      // the nitrogen moved: NOx was converted to reservoirs (PAN, HNO3, organic nitrates)
      const nox = (c: ArrayLike<number>) => c[sys.species.indexOf("NO")] + c[sys.species.indexOf("NO2")];
      expect(nox(r.final)).toBeLessThan(0.5 * nox(c0));
    });
});
