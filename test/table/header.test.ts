import { describe, expect, it } from "vitest";
import { findHeader, findHeaders, headerKey } from "../../src/table/header";
import { speciesKey } from "../../src/table/species";
import { compactKey } from "../../src/qa/columns";
import { quoteCsvField } from "../../src/io/write";

// One header matcher for every reader, one CSV quoting rule (issue #15 item 4).
describe("headerKey / findHeader (src/table/header)", () => {
  it("NFKC, lower case, runs of spaces and underscores → one space, trimmed", () => {
    expect(headerKey("Wind_Speed")).toBe("wind speed");
    expect(headerKey("  wind \t speed ")).toBe("wind speed");
    // full-width letters and the ideographic space U+3000 fold under NFKC
    expect(headerKey("ＷＩＮＤ\u3000ＳＰＥＥＤ")).toBe("wind speed");
    expect(headerKey("_co_co2_")).toBe("co co2");
    // hyphens stay unless asked for
    expect(headerKey("profile-name")).toBe("profile-name");
    expect(headerKey("profile-name", { hyphens: true })).toBe("profile name");
  });
  it('joiner "" removes the separators (the QA symbol key)', () => {
    expect(headerKey("SO4 2-", { joiner: "" })).toBe("so42-");
    expect(headerKey("Na_ion", { joiner: "" })).toBe("naion");
    expect(compactKey("Na_ion")).toBe("naion");
    expect(speciesKey("Ｍ　Xylene")).toBe("m xylene");
  });
  it("findHeader compares names without their unit, by key or by pattern", () => {
    const header = ["Time", "License Plate", "CO/CO2 (%)", "Model_Year", "Speed (km/h)"];
    expect(findHeader(header, ["plate", "license plate"])).toBe(1);
    expect(findHeader(header, ["model year"])).toBe(3);
    expect(findHeader(header, ["co/co2"])).toBe(2);
    expect(findHeader(header, ["speed"])).toBe(4);
    expect(findHeader(header, ["opacity"])).toBe(-1);
    expect(findHeader(header, /^(time|datetime)$/i)).toBe(0);
    expect(findHeader(["Profile-Name", "x"], ["profile_name"], { hyphens: true })).toBe(0);
    expect(findHeader(["Profile-Name", "x"], ["profile_name"])).toBe(-1);
  });
});

describe("findHeaders: every matching column, so a reader can refuse two for one quantity", () => {
  it("lists each header with the same key, in file order; findHeader is its first", () => {
    // keys by hand: "CO2 (%)" → name "CO2" → "co2"; "co2_signal" → "co2 signal"; "CO2  Signal" → "co2 signal"
    const header = ["time", "CO2 (%)", "co2_signal", "HC/CO2", "CO2  Signal"];
    expect(findHeaders(header, ["co2 signal"])).toEqual([2, 4]);
    expect(findHeaders(header, ["co2", "co2 signal"])).toEqual([1, 2, 4]);
    expect(findHeaders(header, /^hc/i)).toEqual([3]);
    expect(findHeaders(header, ["nox"])).toEqual([]);
    expect(findHeader(header, ["co2 signal"])).toBe(2);
  });
});

describe("quoteCsvField (RFC 4180 §2.6–2.7)", () => {
  it('quotes text with ", CR, LF or the delimiter and doubles inner quotes', () => {
    expect(quoteCsvField("plain")).toBe("plain");
    expect(quoteCsvField("a,b")).toBe('"a,b"');
    expect(quoteCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCsvField("two\nlines")).toBe('"two\nlines"');
    expect(quoteCsvField("a\tb")).toBe("a\tb");
    expect(quoteCsvField("a\tb", "\t")).toBe('"a\tb"');
  });
});
