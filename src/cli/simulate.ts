import { resolve } from "node:path";
import { writeExampleData } from "../simulate/examples";
import type { Verb } from "./verb";

/** `aozora simulate [--out DIR]`: regenerate the example data from the seeded simulators. */
export const simulateVerb: Verb = {
  name: "simulate",
  summary: "regenerate the example data (data/) from the seeded simulators",
  usage: "[--out DIR]",
  description:
    "Write every example data file of data/ again from the seeded simulators (identical bytes for the same version).",
  options: {
    out: { type: "string", value: "DIR", default: "data", fs: "output-dir", help: "folder to write the files into" },
  },
  async run(values, out) {
    const dir = resolve(String(values.out));
    const files = writeExampleData(dir);
    out(`wrote ${files.length} files to ${dir}`);
    return 0;
  },
};
