import type { Verb } from "./verb";
import { pscfVerb } from "./pscf";
import { interlabVerb } from "./interlab";
import { qaVerb } from "./qa";

/**
 * The verbs defined in their own modules under `src/cli/` (one import and one entry per verb,
 * in alphabetical order).
 */
export const VERBS: Verb[] = [interlabVerb, pscfVerb, qaVerb];
