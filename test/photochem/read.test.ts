import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AozoraInputError } from "../../src/io/errors";
import { readChemmech, readKpp } from "../../src/photochem";
import { EQN, FORMS } from "./fixtures/mechanisms";

describe("readChemmech / readKpp: files", () => {
  const dir = mkdtempSync(join(tmpdir(), "aozora-mech-"));

  it("reads a .def from a path (same as parsing its text) and names the path in errors", () => {
    const p = join(dir, "forms.def");
    writeFileSync(p, FORMS);
    const m = readChemmech(p);
    expect(m.file).toBe(p);
    expect(m.reactions.length).toBe(39);
    const bad = join(dir, "bad.def");
    writeFileSync(bad, "T\nREACTIONS[CM] =\n<A> X = Y # 8.3-11;\nEND\n");
    expect(() => readChemmech(bad)).toThrow(
      new RegExp(`${bad.replace(/[/.]/g, "\\$&")}, row 3: expected in reaction <A>`),
    );
    expect(readChemmech(bad, { lenientExponent: true }).changes[0].reason).toBe("lenient-exponent");
  });

  it("refuses a missing file, bytes that are not UTF-8 (naming the row), and a file over maxFileBytes", () => {
    expect(() => readChemmech(join(dir, "none.def"))).toThrow(AozoraInputError);
    const latin = join(dir, "latin1.def");
    writeFileSync(
      latin,
      Buffer.concat([
        Buffer.from("T\nREACTIONS[CM] =\n! caf"),
        Buffer.from([0xe9]),
        Buffer.from("\n<A> X = Y # 1.0;\nEND\n"),
      ]),
    );
    expect(() => readChemmech(latin)).toThrow(/row 3: expected text in utf-8/);
    expect(() => readChemmech({ name: "big.def", text: FORMS }, { maxFileBytes: 100 })).toThrow(/at most 100 bytes/);
  });

  it("reads a KPP .eqn with a separate .spc", () => {
    const eqn = join(dir, "x.eqn");
    const spc = join(dir, "x.spc");
    writeFileSync(spc, "#DEFVAR\nNO = N + O ;\nNO2 = N + 2O ;\nO = O ;\n");
    writeFileSync(eqn, "#INCLUDE x.spc\n#EQUATIONS\n<1> NO2 + hv = NO + O : J(J_NO2) ;\n");
    const m = readKpp(eqn, { spc });
    expect(m.species).toEqual(["NO2", "NO", "O"]);
    expect(m.changes.map((c) => c.reason)).toEqual(["kpp-command-ignored"]); // the #INCLUDE is not followed
    const subset = join(dir, "subset.eqn");
    writeFileSync(subset, EQN);
    expect(readKpp(subset).reactions.length).toBe(15);
  });
});
