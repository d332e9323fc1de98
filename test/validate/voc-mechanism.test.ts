import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CB6R5_SURROGATES, parseChemmech, SAPRC07_SURROGATES } from "../../src/photochem";
import { sharedPath } from "./shared";

// Every model species that the VOC → mechanism mapping (src/photochem/tables/voc-mechanism.ts) fills is
// a species of the shipped CMAQ v5.5 .def file and is lost in at least one reaction that does not give
// it back (with OH, O3, NO3 or by photolysis: a reacting species, not a pure product of the
// mechanism); the surrogates the table calls not modelled are absent.

describe.each([
  ["mech_cb6r5_ae7_aq.def", CB6R5_SURROGATES],
  ["mech_saprc07tc_ae6_aq.def", SAPRC07_SURROGATES],
] as const)("%s", (file, table) => {
  const mech = parseChemmech(readFileSync(sharedPath("reference", "mechanisms", file), "utf8"), {
    file,
    lenientExponent: true,
  });
  const species = new Set(mech.species);
  const lost = new Set(
    mech.reactions.flatMap((r) => r.reactants.filter((x) => !r.products.some((p) => p.species === x))),
  );

  it("every mapped model species is a species of the file with a reaction that consumes it", () => {
    const names = Object.values(table)
      .map((s) => s.species)
      .filter((s): s is string => s !== null);
    expect(names.length).toBeGreaterThan(15);
    for (const s of names) {
      expect(species.has(s), s).toBe(true);
      expect(lost.has(s), `${s} consumed`).toBe(true);
    }
  });

  it("the not-modelled surrogates are no species of the file", () => {
    for (const [surrogate, s] of Object.entries(table))
      if (s.species === null) expect(species.has(surrogate)).toBe(false);
  });
});
