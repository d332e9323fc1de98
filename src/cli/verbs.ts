import type { Verb } from "./verb";
import { aqiVerb } from "./aqi";

/**
 * The verbs defined in their own modules under `src/cli/` (one import and one entry per verb,
 * in alphabetical order).
 */
export const VERBS: Verb[] = [aqiVerb];
