import type { Verb } from "./verb";
import { interlabVerb } from "./interlab";
import { qaVerb } from "./qa";

/**
 * The verbs defined in their own modules under `src/cli/` (one import and one entry per verb,
 * in alphabetical order).
 */
export const VERBS: Verb[] = [interlabVerb, qaVerb];
