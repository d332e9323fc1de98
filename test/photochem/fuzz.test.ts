/**
 * Bounded mutation fuzzing of the mechanism readers (the byte-level edits of test/fuzz/mutate.ts on
 * the rate-form mechanism and the MCM subset of fixtures/mechanisms.ts): every input either reads,
 * or is refused with an AozoraInputError naming the file; a mechanism that reads compiles (or is
 * refused the same way) and gives rate constants at 298 K without any other exception. Seeds fixed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AozoraInputError } from "../../src/io/errors";
import { airNumberDensity, compileMechanism, parseChemmech, parseKpp, type Mechanism } from "../../src/photochem";
import { mutatedBytes } from "../fuzz/mutate";
import { EQN, FORMS } from "./fixtures/mechanisms";

const dec = new TextDecoder();
const enc = new TextEncoder();

function exercise(read: () => Mechanism, file: string): void {
  let mech: Mechanism;
  try {
    mech = read();
  } catch (e) {
    if (e instanceof AozoraInputError && e.file === file) return;
    throw e;
  }
  let c;
  try {
    c = compileMechanism(mech, { aerosol: true });
  } catch (e) {
    if (e instanceof AozoraInputError && e.file === file) return; // e.g. a K<R> chain made circular
    throw e;
  }
  const M = airNumberDensity(101325, 298);
  const photolysis = Object.fromEntries(c.photolysisNames.map((n) => [n, 1e-3]));
  const k = c.rateConstants({
    temperatureK: 298,
    pressurePa: 101325,
    M,
    O2: 0.21 * M,
    N2: 0.78 * M,
    H2O: 4e17,
    photolysis,
  });
  expect(k.length).toBe(c.system.reactions.length);
}

describe("mechanism readers under byte-level mutation", () => {
  it("parseChemmech: reads or refuses with AozoraInputError", () => {
    fc.assert(
      fc.property(mutatedBytes(enc.encode(FORMS)), (bytes) =>
        exercise(() => parseChemmech(dec.decode(bytes), { file: "m.def" }), "m.def"),
      ),
      { numRuns: 300, seed: 22 },
    );
  });
  it("parseKpp: reads or refuses with AozoraInputError", () => {
    fc.assert(
      fc.property(mutatedBytes(enc.encode(EQN)), (bytes) =>
        exercise(() => parseKpp(dec.decode(bytes), { file: "m.eqn" }), "m.eqn"),
      ),
      { numRuns: 300, seed: 22 },
    );
  });
  it("species named like Object's own properties are plain species", () => {
    const m = parseChemmech("T\nREACTIONS[CM] =\n<R1> constructor + valueOf = toString # 1.0E-12;\nEND\n", {
      file: "p.def",
    });
    expect(m.species).toEqual(["constructor", "valueOf", "toString"]);
    const c = compileMechanism(m);
    expect(c.system.reactions[0].reactants).toEqual([0, 1]);
    const k = parseKpp(
      "#DEFVAR\nconstructor = IGNORE;\n__proto__ = IGNORE;\n#EQUATIONS\n<1> constructor = __proto__ : 1.0E-3;\n",
      { file: "p.eqn" },
    );
    expect(k.species).toEqual(["constructor", "__proto__"]);
    expect(compileMechanism(k).system.species).toEqual(["constructor", "__proto__"]);
  });
});
