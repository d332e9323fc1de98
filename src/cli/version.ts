import { VERSION } from "../version";
import type { Verb } from "./verb";

/** `aozora version`: print the library version. */
export const versionVerb: Verb = {
  name: "version",
  summary: "print the library version",
  usage: "",
  description: "Print the version of aozora (also `aozora --version`).",
  options: {},
  async run(_values, out) {
    out(VERSION);
    return 0;
  },
};
