/**
 * VOC reactivity: species registry (MIR, kOH, SOAP, SOA yields with citations), header name
 * matching, unit conversion, OFP / L_OH / SOA potential, the VOC table reader, and figures.
 */
export { VOC_SPECIES_ROWS, type VocSpeciesRow, type VocGroup } from "./tables/species";
export { CO_ELUTING_PAIRS, type CoElutingPair } from "./tables/coelution";
export {
  VOC_GROUPS,
  vocSpeciesList,
  getVocSpecies,
  requireVocSpecies,
  mirOf,
  kohOf,
  coElutingPairs,
  getCoElutingPair,
  speciesEntity,
  pairEntity,
  type MirScale,
  type KohSource,
  type VocEntity,
} from "./registry";
export { nameKey, matchVocName, nameIndex, type NameMatch, type MatchedBy, type NameAliases } from "./names";
export {
  vocUnit,
  vocToPpb,
  vocToUgm3,
  ppbToVoc,
  moleculesPerPpb,
  ugm3ToMolecules,
  AVOGADRO,
  BOLTZMANN,
  type VocUnit,
} from "./convert";
export {
  vocReactivity,
  type VocColumnInput,
  type CoElutionChoice,
  type VocReactivityOptions,
  type SpeciesReactivity,
  type ReactivitySums,
  type VocReactivity,
} from "./reactivity";
export {
  readVocTable,
  vocReadFromTable,
  type VocFromTableOptions,
  type VocReadOptions,
  type VocRead,
  type VocReadColumn,
  type VocUnmatched,
} from "./read";
export { VOC_LABELS, VOC_GROUP_LABELS, vocLabel } from "./labels";
export { vocGroupShareSpec, vocSampleStackSpec, vocTopSpeciesSpec, VOC_GROUP_COLOURS } from "./figures";
