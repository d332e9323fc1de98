import { describe, expect, it } from "vitest";
import { normaliseUnit, splitHeaderUnit } from "../../src/table/units";
import { knownSpecies, normaliseSpecies, speciesKey } from "../../src/table/species";

// The canonical microgram spelling uses MICRO SIGN U+00B5; the Greek letter mu is U+03BC.
const MICRO = "\u00b5";
const GREEK_MU = "\u03bc";

describe("normaliseUnit", () => {
  it("folds the spellings of µg/m3 into one", () => {
    expect(normaliseUnit("ug/m3")).toBe(`${MICRO}g/m3`);
    expect(normaliseUnit("UG/M3")).toBe(`${MICRO}g/m3`);
    expect(normaliseUnit(`${GREEK_MU}g/m\u00b3`)).toBe(`${MICRO}g/m3`); // μg/m³
    expect(normaliseUnit(`${MICRO}g m-3`)).toBe(`${MICRO}g/m3`);
    expect(normaliseUnit(` ${MICRO}g/m^3 `)).toBe(`${MICRO}g/m3`);
  });

  it("other known units", () => {
    expect(normaliseUnit("ng m-3")).toBe("ng/m3");
    expect(normaliseUnit("mg/m3")).toBe("mg/m3");
    expect(normaliseUnit("ppbv")).toBe("ppb");
    expect(normaliseUnit("PPM")).toBe("ppm");
    expect(normaliseUnit("ppbC")).toBe("ppbC");
    expect(normaliseUnit("m s-1")).toBe("m/s");
    expect(normaliseUnit("\u2103")).toBe("\u00b0C"); // ℃ → °C
    expect(normaliseUnit("degC")).toBe("\u00b0C");
    expect(normaliseUnit("degrees")).toBe("deg");
    expect(normaliseUnit("mbar")).toBe("hPa");
    expect(normaliseUnit("%")).toBe("%");
  });

  it("keeps unknown units as written (trimmed)", () => {
    expect(normaliseUnit(" W/m2 ")).toBe("W/m2");
    expect(normaliseUnit("Bq/m3")).toBe("Bq/m3");
  });
});

describe("splitHeaderUnit", () => {
  it("splits name and unit in (), [] and full-width brackets", () => {
    expect(splitHeaderUnit(`PM2.5 (${MICRO}g/m3)`)).toEqual({ name: "PM2.5", unit: `${MICRO}g/m3` });
    expect(splitHeaderUnit("SO2[ppb]")).toEqual({ name: "SO2", unit: "ppb" });
    expect(splitHeaderUnit("風速(m/s)")).toEqual({ name: "風速", unit: "m/s" });
    expect(splitHeaderUnit("Fe 26 (ng/m3)")).toEqual({ name: "Fe 26", unit: "ng/m3" });
    expect(splitHeaderUnit("気温（℃）")).toEqual({ name: "気温", unit: "\u00b0C" });
    expect(splitHeaderUnit("NO2【ppbv】")).toEqual({ name: "NO2", unit: "ppb" });
    expect(splitHeaderUnit(`  O3 ( ${GREEK_MU}g/m\u00b3 )  `)).toEqual({ name: "O3", unit: `${MICRO}g/m3` });
    expect(splitHeaderUnit("ratio (1)")).toEqual({ name: "ratio", unit: "1" });
  });

  it("no unit when the header carries none or the brackets hold words", () => {
    expect(splitHeaderUnit("PM2.5")).toEqual({ name: "PM2.5" });
    expect(splitHeaderUnit(" site ")).toEqual({ name: "site" });
    expect(splitHeaderUnit("Note (see the station log)")).toEqual({ name: "Note (see the station log)" });
    expect(splitHeaderUnit("(ppb)")).toEqual({ name: "(ppb)" }); // a unit with no name is not split
  });
});

describe("normaliseSpecies", () => {
  it("PM2.5 spellings", () => {
    for (const s of ["PM25", "pm2.5", "PM2_5", "pm 2.5", "ＰＭ２．５", "微小粒子状物質", "细颗粒物"]) {
      expect(normaliseSpecies(s), s).toBe("PM2.5");
    }
  });

  it("ions", () => {
    expect(normaliseSpecies("SO42-")).toBe("SO4 2-");
    expect(normaliseSpecies("SO4")).toBe("SO4 2-");
    expect(normaliseSpecies("Sulfate")).toBe("SO4 2-");
    expect(normaliseSpecies("硫酸盐")).toBe("SO4 2-");
    expect(normaliseSpecies("硫酸塩")).toBe("SO4 2-");
    expect(normaliseSpecies("NO3-")).toBe("NO3 -");
    expect(normaliseSpecies("NH4+")).toBe("NH4 +");
  });

  it("xylenes", () => {
    expect(normaliseSpecies("M_P Xylene")).toBe("m,p-xylene");
    expect(normaliseSpecies("m/p-xylene")).toBe("m,p-xylene");
    expect(normaliseSpecies("m+p-Xylene")).toBe("m,p-xylene");
    expect(normaliseSpecies("o-Xylene")).toBe("o-xylene");
  });

  it("gases and met", () => {
    expect(normaliseSpecies("二酸化窒素")).toBe("NO2");
    expect(normaliseSpecies("臭氧")).toBe("O3");
    expect(normaliseSpecies("風速")).toBe("WS");
    expect(normaliseSpecies("Wind Dir")).toBe("WD");
    expect(normaliseSpecies("nox")).toBe("NOx");
  });

  it("keeps unknown names (trimmed), never guesses", () => {
    expect(normaliseSpecies("  Fe 26 ")).toBe("Fe 26");
    expect(normaliseSpecies("Levoglucosan")).toBe("Levoglucosan");
    expect(normaliseSpecies("site")).toBe("site");
    expect(normaliseSpecies("__proto__")).toBe("__proto__");
    expect(normaliseSpecies("constructor")).toBe("constructor");
  });

  it("speciesKey folds case, width and separators", () => {
    expect(speciesKey("  M_P   Xylene ")).toBe("m p xylene");
    expect(speciesKey("ＳＯ２")).toBe("so2");
  });

  it("every canonical name maps to itself", () => {
    const names = knownSpecies();
    expect(names).toContain("PM2.5");
    expect(names).toContain("m,p-xylene");
    for (const n of names) expect(normaliseSpecies(n)).toBe(n);
  });
});

describe("splitHeaderUnit: units the writer may emit", () => {
  it("reads short units with unit characters, rejects prose and settings", () => {
    expect(splitHeaderUnit("bext (1/Mm)")).toEqual({ name: "bext", unit: "1/Mm" });
    expect(splitHeaderUnit("N (#/cm3)")).toEqual({ name: "N", unit: "#/cm3" });
    expect(splitHeaderUnit("SW (W m-2)")).toEqual({ name: "SW", unit: "W m-2" });
    expect(splitHeaderUnit("PM10 (µg/m3 STP)")).toEqual({ name: "PM10", unit: "µg/m3 STP" });
    expect(splitHeaderUnit("PM2.5 (Shenyang site)")).toEqual({ name: "PM2.5 (Shenyang site)" });
    expect(splitHeaderUnit("Output Pin 7 (True=ON)")).toEqual({ name: "Output Pin 7 (True=ON)" });
  });
});
