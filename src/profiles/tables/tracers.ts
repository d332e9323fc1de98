/**
 * Tracer sanity rules for named factors: a factor named for a source category should hold a
 * clear share of that category's marker species. A tracer counts as present when the factor
 * carries at least `minShareOfSpecies` of the species' total over all factors (EPA PMF's
 * "% of species" view); the rule passes when at least `minPresent` tracers are present. Tracers
 * absent from the data are listed as untestable, never counted as failures.
 *
 * Marker species after the source-marker reviews of Viana et al. (2008) J. Aerosol Sci. 39:827–849
 * (Table 3) and Belis et al. (2013) Atmos. Environ. 69:94–108 (source categories of European SA
 * studies); vehicle markers EC, Cu, Zn, Sb (exhaust and brake/tyre wear; Pant & Harrison 2013,
 * Atmos. Environ. 77:78–97).
 */
export interface TracerRule {
  category: string;
  tracers: string[];
  minPresent: number;
  /** Smallest share of a species' total (over all factors) for a tracer to count, 0..1. */
  minShareOfSpecies: number;
  why: string;
}

export const TRACER_RULES: TracerRule[] = [
  {
    category: "vehicles",
    tracers: ["EC", "Cu", "Zn", "Sb"],
    minPresent: 1,
    minShareOfSpecies: 0.15,
    why: "exhaust EC, brake and tyre wear Cu, Zn, Sb",
  },
  {
    category: "soil",
    tracers: ["Al", "Si", "Ti", "Ca", "Fe"],
    minPresent: 2,
    minShareOfSpecies: 0.25,
    why: "crustal elements",
  },
  {
    category: "coal combustion",
    tracers: ["As", "Se", "Pb", "Cl", "SO4"],
    minPresent: 1,
    minShareOfSpecies: 0.2,
    why: "coal trace elements and sulfur",
  },
  {
    category: "biomass burning",
    tracers: ["K", "levoglucosan"],
    minPresent: 1,
    minShareOfSpecies: 0.25,
    why: "potassium and levoglucosan",
  },
  { category: "secondary sulfate", tracers: ["SO4"], minPresent: 1, minShareOfSpecies: 0.3, why: "sulfate" },
  { category: "secondary nitrate", tracers: ["NO3"], minPresent: 1, minShareOfSpecies: 0.3, why: "nitrate" },
  {
    category: "sea salt",
    tracers: ["Na", "Cl", "Mg"],
    minPresent: 1,
    minShareOfSpecies: 0.25,
    why: "sodium and chloride",
  },
  {
    category: "industry",
    tracers: ["Mn", "Fe", "Zn", "Pb", "Cr", "Ni"],
    minPresent: 2,
    minShareOfSpecies: 0.2,
    why: "smelting and metal-working elements",
  },
  {
    category: "shipping / heavy oil",
    tracers: ["V", "Ni"],
    minPresent: 2,
    minShareOfSpecies: 0.25,
    why: "V and Ni of residual oil",
  },
];

/** Categories counted as traffic for the vehicle contribution (exhaust and non-exhaust). */
export const TRAFFIC_CATEGORIES = [
  "vehicles",
  "vehicle exhaust",
  "gasoline vehicles",
  "diesel vehicles",
  "road dust",
  "non-exhaust",
];
/** Categories counted as secondary (not primary PM). */
export const SECONDARY_CATEGORIES = ["secondary sulfate", "secondary nitrate", "secondary organic"];
