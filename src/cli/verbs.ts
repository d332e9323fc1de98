import type { Verb } from "./verb";
import { pscfVerb } from "./pscf";
import { interlabVerb } from "./interlab";
import { qaVerb } from "./qa";
import { identifyVerb } from "./profiles";
import { rsdVerb } from "./rsd";
import { polarVerb } from "./polar";
import { xactVerb } from "./xact";
import { ofpVerb } from "./ofp";
import { aqiVerb } from "./aqi";
import { retrofitVerb } from "./retrofit";

/**
 * The verbs defined in their own modules under `src/cli/` (one import and one entry per verb,
 * in alphabetical order).
 */
export const VERBS: Verb[] = [
  aqiVerb,
  identifyVerb,
  interlabVerb,
  ofpVerb,
  polarVerb,
  pscfVerb,
  qaVerb,
  retrofitVerb,
  rsdVerb,
  xactVerb,
];
