import { ATOMIC_WEIGHT as AW } from "./tables/atomic";
import { UCC_RUDNICK_GAO_2014 } from "../metals/tables/crust-rudnick-gao";
import { SEAWATER_MILLERO_2008 } from "./tables/seawater";
import type { SourceProfile } from "./types";

/**
 * Crustal material from the upper-continental-crust composition (Rudnick & Gao 2014): oxide mass
 * % converted to element mass fractions, w_el = w_oxide·n·M_el/M_oxide (IUPAC atomic weights;
 * Fe from total FeO), traces from ppm (1 ppm = 1e-6 g/g). Uncertainty: the published 2σ / 2.
 * Resuspended soil is enriched in Ca and C locally; treat this as a generic reference.
 */
export function crustalProfile(): SourceProfile {
  const species: string[] = [],
    fraction: number[] = [],
    uncertainty: number[] = [];
  for (const [oxide, [pct, unc2, el, n]] of Object.entries(UCC_RUDNICK_GAO_2014.oxides)) {
    const nO = Number(/O(\d*)$/.exec(oxide)![1] || 1);
    const mOxide = n * AW[el] + nO * AW.O;
    const f = (n * AW[el]) / mOxide;
    species.push(el);
    fraction.push((pct / 100) * f);
    uncertainty.push((unc2 / 2 / 100) * f);
  }
  for (const [el, [ppm, unc2]] of Object.entries(UCC_RUDNICK_GAO_2014.traces)) {
    species.push(el);
    fraction.push(ppm * 1e-6);
    uncertainty.push((unc2 / 2) * 1e-6);
  }
  return {
    name: "Crustal material (upper continental crust)",
    category: "soil",
    code: "AOZORA-UCC-RG2014",
    species,
    fraction,
    uncertainty,
    unit: "g/g",
    complete: true,
    provenance: {
      kind: "built-in",
      source: UCC_RUDNICK_GAO_2014.citation,
      notes:
        "oxides converted to elements with IUPAC 2021 atomic weights; Fe is total Fe (as FeO); uncertainty = published 2σ/2",
    },
  };
}

/**
 * Fresh sea salt from the reference composition of seawater (Millero et al. 2008): each
 * constituent's g/kg divided by the reference salinity 35.16504 g/kg. No uncertainty (a
 * reference composition); aged sea salt loses Cl (chloride depletion), so Cl fits loosely.
 */
export function seaSaltProfile(): SourceProfile {
  const t = SEAWATER_MILLERO_2008;
  const species = Object.keys(t.gPerKg);
  return {
    name: "Sea salt (reference seawater)",
    category: "sea salt",
    code: "AOZORA-SEASALT-M2008",
    species,
    fraction: species.map((s) => t.gPerKg[s] / t.salinity),
    uncertainty: species.map(() => NaN),
    unit: "g/g",
    complete: true,
    provenance: {
      kind: "built-in",
      source: t.citation,
      notes: "g/kg ÷ reference salinity 35.16504 g/kg; fresh (not chloride-depleted) sea salt",
    },
  };
}

/** A complete built-in profile of a salt from its mass fractions (g/g) by stoichiometry, species in the order given. */
function saltProfile(name: string, category: string, code: string, fractions: Record<string, number>): SourceProfile {
  return {
    name,
    category,
    code,
    species: Object.keys(fractions),
    fraction: Object.values(fractions),
    uncertainty: Object.keys(fractions).map(() => NaN),
    unit: "g/g",
    complete: true,
    provenance: {
      kind: "built-in",
      source: "stoichiometry, IUPAC 2021 standard atomic weights (Prohaska et al. 2022)",
    },
  };
}

const M = { NH4: AW.N + 4 * AW.H, SO4: AW.S + 4 * AW.O, NO3: AW.N + 3 * AW.O };

/** Ammonium sulfate (NH4)2SO4 by stoichiometry: NH4 = 2·18.039/132.14, SO4 = 96.06/132.14 (IUPAC atomic weights). */
export function ammoniumSulfateProfile(): SourceProfile {
  const total = 2 * M.NH4 + M.SO4;
  return saltProfile("Ammonium sulfate (NH4)2SO4", "secondary sulfate", "AOZORA-AS", {
    SO4: M.SO4 / total,
    NH4: (2 * M.NH4) / total,
  });
}

/** Ammonium nitrate NH4NO3 by stoichiometry: NH4 = 18.039/80.043, NO3 = 62.004/80.043. */
export function ammoniumNitrateProfile(): SourceProfile {
  const total = M.NH4 + M.NO3;
  return saltProfile("Ammonium nitrate NH4NO3", "secondary nitrate", "AOZORA-AN", {
    NO3: M.NO3 / total,
    NH4: M.NH4 / total,
  });
}

/** The built-in generic profiles: crustal material, sea salt, ammonium sulfate, ammonium nitrate. */
export function builtinProfiles(): SourceProfile[] {
  return [crustalProfile(), seaSaltProfile(), ammoniumSulfateProfile(), ammoniumNitrateProfile()];
}
