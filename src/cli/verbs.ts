import type { Verb } from "./verb";
import { polarVerb } from "./polar";
import { xactVerb } from "./xact";

/**
 * The verbs defined in their own modules under `src/cli/` (one import and one entry per verb,
 * in alphabetical order).
 */
export const VERBS: Verb[] = [polarVerb, xactVerb];
