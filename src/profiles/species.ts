import { normaliseSpecies } from "../table/species";
import { SPECIES_NAME_SYMBOLS } from "./tables/speciesnames";

/**
 * Key under which a species is matched between profiles: the project's canonical species name
 * (src/table/species.ts), element and compound names mapped to symbols (SPECIATE spells out
 * "Aluminum", "Sulfate", "Elemental Carbon"), and ion charges dropped so that ion and element
 * measurements of the same species meet (`SO4 2-` ↔ `SO4`, `Cl-` ↔ `Cl`, `K+` ↔ `K`). This
 * treats water-soluble K+ and total K (XRF) as one species — document it when it matters.
 */
export function speciesMatchKey(name: string): string {
  const trimmed = name.trim();
  const named = SPECIES_NAME_SYMBOLS[trimmed.toLowerCase().replace(/\s+/g, " ")];
  const canon = normaliseSpecies(named ?? trimmed);
  const noCharge = canon.replace(/\s*\d*[+-]+$/, "").replace(/\s+/g, "");
  return noCharge.toLowerCase() === "pm25" ? "PM2.5" : noCharge;
}
