import type { Verb } from "./verb";
import { identifyVerb } from "./profiles";
import { rsdVerb } from "./rsd";

/**
 * The verbs defined in their own modules under `src/cli/` (one import and one entry per verb,
 * in alphabetical order).
 */
export const VERBS: Verb[] = [identifyVerb, rsdVerb];
