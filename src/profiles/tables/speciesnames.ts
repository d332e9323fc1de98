/**
 * Species names as spelled in SPECIATE exports and lab reports → symbols used in aozora profiles.
 * Keys are lower case. Element names follow IUPAC (American spellings "Aluminum", "Sulfur" too).
 */
export const SPECIES_NAME_SYMBOLS: Record<string, string> = {
  aluminum: "Al", aluminium: "Al", silicon: "Si", calcium: "Ca", titanium: "Ti", iron: "Fe", manganese: "Mn",
  magnesium: "Mg", sodium: "Na", potassium: "K", phosphorus: "P", sulfur: "S", sulphur: "S", chlorine: "Cl",
  vanadium: "V", chromium: "Cr", nickel: "Ni", copper: "Cu", zinc: "Zn", arsenic: "As", selenium: "Se",
  bromine: "Br", strontium: "Sr", cadmium: "Cd", antimony: "Sb", barium: "Ba", lead: "Pb", cobalt: "Co",
  rubidium: "Rb", tin: "Sn", molybdenum: "Mo",
  "sodium ion": "Na", "potassium ion": "K", "chloride ion": "Cl", "magnesium ion": "Mg", "calcium ion": "Ca",
  "sulfate": "SO4", "sulphate": "SO4", "nitrate": "NO3", "ammonium": "NH4", "chloride": "Cl",
  "organic carbon": "OC", "elemental carbon": "EC", "pm2.5": "PM2.5", "levoglucosan": "levoglucosan",
};
