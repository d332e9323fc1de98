import type { Verb } from "./verb";
import { readVerb } from "./read";
import { pmfVerb } from "./pmf";
import { simulateVerb } from "./simulate";
import { versionVerb } from "./version";
import { pscfVerb } from "./pscf";
import { interlabVerb } from "./interlab";
import { qaVerb } from "./qa";
import { identifyVerb } from "./profiles";
import { rsdVerb } from "./rsd";
import { polarVerb } from "./polar";
import { xactVerb } from "./xact";
import { obmVerb } from "./obm";
import { ofpVerb } from "./ofp";
import { aqiVerb } from "./aqi";
import { alertsVerb } from "./alerts";
import { forecastVerb } from "./forecast";
import { networkVerb } from "./network";
import { retrofitVerb } from "./retrofit";

/**
 * The one verb registry of the command line: every verb, one module each under `src/cli/`
 * (`read`, `pmf`, `simulate`, `version` first, then the others in alphabetical order).
 */
export const VERBS: Verb[] = [
  readVerb,
  pmfVerb,
  simulateVerb,
  versionVerb,
  alertsVerb,
  aqiVerb,
  forecastVerb,
  identifyVerb,
  interlabVerb,
  networkVerb,
  obmVerb,
  ofpVerb,
  polarVerb,
  pscfVerb,
  qaVerb,
  retrofitVerb,
  rsdVerb,
  xactVerb,
];
