import type { Verb } from "./verb";
import { retrofitVerb } from "./retrofit";

/**
 * The verbs defined in their own modules under `src/cli/` (one import and one entry per verb,
 * in alphabetical order).
 */
export const VERBS: Verb[] = [retrofitVerb];
