import { describe, expect, it } from "vitest";
import { VERBS } from "../../src/cli/verbs";
import { run } from "./run";

// Issue #15 item 4 ("one home per helper"): the option specs shared by several verbs live once in
// src/cli/common.ts. These tests pin what the verbs using them accept and show.
const verb = (name: string) => VERBS.find((v) => v.name === name)!;

describe("shared option specs", () => {
  it("--seed of pmf and retrofit: integer 0 … 2^32 − 1 (4294967295), default 1, never wrapped", async () => {
    for (const name of ["pmf", "retrofit"]) {
      expect(verb(name).options.seed).toEqual({
        type: "number",
        integer: true,
        min: 0,
        max: 4294967295,
        default: 1,
        value: "S",
        help: "random seed (never wrapped modulo 2^32)",
      });
      // 2^32 = 4294967296 is one past the range: refused before the verb runs
      const r = await run([name, "--seed", "4294967296"]);
      expect(r.code, name).not.toBe(0);
      expect(r.err, name).toMatch(/--seed/);
    }
  });
  it("aqi and read list the monitoring-table options in the order units, encoding, sheet, decimal, thousands", () => {
    for (const name of ["aqi", "read"]) {
      const keys = Object.keys(verb(name).options);
      const i = keys.indexOf("units");
      expect(keys.slice(i, i + 5), name).toEqual(["units", "encoding", "sheet", "decimal", "thousands"]);
    }
  });
  it("the required input files of ofp, polar and interlab: value F, required, checked as an existing file or folder (CNEMC folders and lists)", async () => {
    for (const [name, key] of [
      ["ofp", "file"],
      ["polar", "file"],
      ["interlab", "lab-a"],
      ["interlab", "lab-b"],
    ]) {
      expect(verb(name).options[key], `${name} --${key}`).toMatchObject({
        type: "string",
        value: "F",
        required: true,
        fs: "input-file-or-dir",
        list: true,
      });
    }
    const r = await run(["ofp", "--file", "/nonexistent/voc.csv"]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/\/nonexistent\/voc.csv: expected a readable file or directory, found nothing/);
  });
});
