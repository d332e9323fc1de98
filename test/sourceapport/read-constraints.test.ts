import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parsePmfConstraints, readPmfConstraints } from "../../src/sourceapport/read-constraints";
import { AozoraInputError } from "../../src/io/errors";

const names = {
  species: ["PM2.5", "Pb", "Zn", "EC"],
  samples: ["2019-01-02", "2019-01-05", "2019-01-08"],
  factors: ["Traffic", "Smelter", "Factor 3"],
};

const example = `{
  "description": "the README example",
  "constraints": [
    { "type": "zero", "factor": 2, "species": "EC" },
    { "type": "value", "factor": "Traffic", "species": 3, "value": 0.25 },
    { "type": "pull", "factor": 1, "species": "Pb", "direction": "down", "dQPct": 0.5 },
    { "type": "zero", "factor": 3, "samples": ["2019-01-05", 3] },
    { "type": "pull", "factor": 2, "sample": "2019-01-02", "direction": "up", "dQPct": 1 },
    { "type": "expression", "expression": "F[2,Pb] - 2*F[2,Zn] = 0" },
    { "type": "expression", "expression": "F[Traffic,Pb] + F[Smelter,Pb] = 0.3", "dQPct": 0.5 },
    { "type": "expression", "expression": "G[1,2019-01-05] - 0.5 G[2,2019-01-05] = 0" }
  ]
}`;

/** The AozoraInputError a parse throws. */
function errorOf(text: string): AozoraInputError {
  try {
    parsePmfConstraints(text, "c.json", names);
  } catch (e) {
    if (e instanceof AozoraInputError) return e;
    throw e;
  }
  throw new Error("no error");
}

describe("parsePmfConstraints", () => {
  it("reads every form of the README example, factors and species by number or name, 1-based → 0-based", () => {
    expect(parsePmfConstraints(example, "c.json", names)).toEqual([
      { type: "zero", factor: 1, species: "EC" },
      { type: "value", factor: 0, species: "Zn", value: 0.25 },
      { type: "pull", factor: 0, species: "Pb", direction: "down", dQPct: 0.5 },
      { type: "zero", factor: 2, samples: ["2019-01-05", "2019-01-08"] },
      { type: "pull", factor: 1, sample: "2019-01-02", direction: "up", dQPct: 1 },
      {
        type: "expression",
        factor: 1,
        terms: [
          { matrix: "F", factor: 1, species: "Pb", coef: 1 },
          { matrix: "F", factor: 1, species: "Zn", coef: -2 },
        ],
        value: 0,
      },
      {
        type: "expression",
        factor: 0,
        terms: [
          { matrix: "F", factor: 0, species: "Pb", coef: 1 },
          { matrix: "F", factor: 1, species: "Pb", coef: 1 },
        ],
        value: 0.3,
        dQPct: 0.5,
      },
      {
        type: "expression",
        factor: 0,
        terms: [
          { matrix: "G", factor: 0, sample: "2019-01-05", coef: 1 },
          { matrix: "G", factor: 1, sample: "2019-01-05", coef: -0.5 },
        ],
        value: 0,
      },
    ]);
  });
  it("a JSON syntax error names the line and character", () => {
    const e = errorOf('{\n  "constraints": [\n    { "type": "zero" "factor": 1 }\n  ]\n}');
    expect(e.file).toBe("c.json");
    expect(e.row).toBe(3);
    expect(e.columnNumber).toBe(22);
    expect(e.message).toMatch(/expected JSON: "," or "}"/);
  });
  it("an unknown species names the line, the JSON path and the species of the fit", () => {
    const e = errorOf(
      '{"constraints": [\n {"type": "zero", "factor": 1, "species": "EC"},\n {"type": "zero", "factor": 1,\n  "species": "Cd"}]}',
    );
    expect(e.row).toBe(4);
    expect(e.column).toBe("constraints[1].species");
    expect(e.found).toBe("Cd");
    expect(e.expected).toMatch(/PM2\.5, Pb, Zn, EC/);
  });
  it("factor out of range, unknown sample, bad direction, missing budget, unknown key and type are each named", () => {
    const one = (c: string) => errorOf(`{"constraints": [${c}]}`);
    expect(one('{"type": "zero", "factor": 4, "species": "EC"}').column).toBe("constraints[0].factor");
    expect(one('{"type": "zero", "factor": 1, "samples": ["2019-02-30"]}').column).toBe("constraints[0].samples[0]");
    expect(one('{"type": "pull", "factor": 1, "species": "EC", "direction": "sideways", "dQPct": 1}').expected).toMatch(
      /"up" or "down"/,
    );
    expect(one('{"type": "pull", "factor": 1, "species": "EC", "direction": "up"}').expected).toMatch(/key "dQPct"/);
    expect(one('{"type": "zero", "factor": 1, "species": "EC", "colour": 1}').found).toBe("colour");
    expect(one('{"type": "fix", "factor": 1}').expected).toMatch(/"zero", "value", "pull" or "expression"/);
    expect(one('{"type": "zero", "factor": 1, "species": "EC", "sample": "2019-01-02"}').expected).toMatch(
      /exactly one/,
    );
  });
  it("expressions that do not parse are named with the text that failed", () => {
    const one = (x: string) => errorOf(`{"constraints": [{"type": "expression", "expression": "${x}"}]}`);
    expect(one("F[1,Pb] - 2*F[1,Zn]").expected).toMatch(/one "="/);
    expect(one("F[1,Pb] 2*F[1,Zn] = 0").found).toBe("2*F[1,Zn]");
    expect(one("F[1,Pb] = x").expected).toMatch(/a number after/);
    expect(one("F[1,Cd] = 0").found).toBe("Cd");
    expect(one("F[1,Pb] = 0 = 1").column).toBe("constraints[0].expression");
  });
  it("readPmfConstraints names a missing file", () => {
    expect(() => readPmfConstraints("/nonexistent/c.json", names)).toThrow(
      /\/nonexistent\/c\.json: expected a readable file/,
    );
  });
  it("the README's example file reads (7 factors, one named industry; daily samples of January 2024)", () => {
    const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("### PMF constraints file"));
    const json = section.slice(section.indexOf("```json") + 7, section.indexOf("```", section.indexOf("```json") + 7));
    const cs = parsePmfConstraints(json, "README.md", {
      species: ["PM2.5", "Cu", "Zn", "Pb"],
      samples: Array.from({ length: 31 }, (_, i) => `1/${i + 1}/2024`),
      factors: ["Factor 1", "industry", "Factor 3", "Factor 4", "Factor 5", "Factor 6", "Factor 7"],
    });
    expect(cs.map((c) => c.type)).toEqual([
      "zero",
      "value",
      "pull",
      "zero",
      "value",
      "pull",
      "expression",
      "expression",
      "expression",
    ]);
    expect(cs[1]).toEqual({ type: "value", factor: 1, species: "Zn", value: 0.25 });
    expect(cs[5]).toEqual({ type: "pull", factor: 3, sample: "1/20/2024", direction: "down", dQPct: 1 });
  });
});
