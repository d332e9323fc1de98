import { describe, expect, it } from "vitest";
import { nameLabel, nameLabels } from "../../src/figures/names";
import { timeSeriesSpec } from "../../src/figures/specs";

// Issue #16 item 16: pollutant, factor, site and lab names get en/ja/zh labels where the registry
// knows them; a user-given name passes through unchanged. The gas names are those of the Japanese
// environmental quality standards (二酸化硫黄, 二酸化窒素, 一酸化炭素, 光化学オキシダント) and of
// HJ 633 / GB 3095 (二氧化硫, 二氧化氮, 一氧化碳, 臭氧).
describe("nameLabel: pollutants, sources, sites and labs in en / ja / zh", () => {
  it("pollutants: every spelling the species normaliser knows gets one label per language", () => {
    for (const name of ["SO2", "so2", "sulfur dioxide", "二酸化硫黄", "二氧化硫", "SO₂"]) {
      expect([nameLabel(name, "en"), nameLabel(name, "ja"), nameLabel(name, "zh")]).toEqual([
        "SO₂",
        "二酸化硫黄",
        "二氧化硫",
      ]);
    }
    expect(["en", "ja", "zh"].map((l) => nameLabel("NO2", l as "en"))).toEqual(["NO₂", "二酸化窒素", "二氧化氮"]);
    expect(["en", "ja", "zh"].map((l) => nameLabel("O3", l as "en"))).toEqual(["O₃", "オゾン", "臭氧"]);
    expect(["en", "ja", "zh"].map((l) => nameLabel("Ox", l as "en"))).toEqual([
      "Ox",
      "光化学オキシダント",
      "光化学氧化剂",
    ]);
    expect(nameLabel("一氧化碳", "ja")).toBe("一酸化炭素");
    // particulate species keep their formula in every language
    for (const name of ["SO4", "SO4 2-", "sulfate", "硫酸盐"]) expect(nameLabel(name, "zh")).toBe("SO₄²⁻");
    expect(nameLabel("PM25", "ja")).toBe("PM2.5");
    expect(nameLabel("NO3", "en")).toBe("NO₃⁻");
  });
  it("source (factor) names, with their other spellings", () => {
    expect(["en", "ja", "zh"].map((l) => nameLabel("secondary sulfate", l as "en"))).toEqual([
      "secondary sulfate",
      "二次硫酸塩",
      "二次硫酸盐",
    ]);
    expect(nameLabel("coal", "zh")).toBe("燃煤");
    expect(nameLabel("coal", "en")).toBe("coal"); // an English spelling stays as given in English
    expect(nameLabel("燃煤", "en")).toBe("coal combustion");
    expect(nameLabel("Biomass Burning", "ja")).toBe("バイオマス燃焼");
    // a Japanese label is recognised and converts to Chinese
    expect(nameLabel("二次硝酸塩", "zh")).toBe("二次硝酸盐");
  });
  it("sites and '<site> lab' names", () => {
    expect(["en", "ja", "zh"].map((l) => nameLabel("Shenyang", l as "en"))).toEqual(["Shenyang", "瀋陽", "沈阳"]);
    expect(nameLabel("川崎", "en")).toBe("Kawasaki");
    expect(["en", "ja", "zh"].map((l) => nameLabel("Kawasaki lab", l as "en"))).toEqual([
      "Kawasaki lab",
      "川崎ラボ",
      "川崎实验室",
    ]);
  });
  it("user-given names pass through unchanged", () => {
    for (const name of ["Factor 3", "my factor", "Lab B", "Station 12 (roadside)", "Zn", "Fe", " odd  spacing "])
      for (const lang of ["en", "ja", "zh"] as const) expect(nameLabel(name, lang)).toBe(name);
    expect(() => nameLabel("SO2", "fr" as never)).toThrow(/Unknown figure language "fr"/);
  });
  it("nameLabels keeps the given names when two would get one label", () => {
    expect(nameLabels(["SO4", "NO3", "Fe"], "ja")).toEqual(["SO₄²⁻", "NO₃⁻", "Fe"]);
    expect(nameLabels(["SO4", "SO4 2-"], "ja")).toEqual(["SO4", "SO4 2-"]);
  });
  it("time-series legends use the labels", () => {
    const spec = timeSeriesSpec({
      times: [0, 3600000],
      utcOffsetMinutes: 480,
      series: [
        { name: "SO2", values: [1, 2] },
        { name: "my sensor", values: [3, 4] },
      ],
      unit: "µg/m3",
      lang: "zh",
    }) as any;
    expect(spec.encoding.color.scale.domain).toEqual(["二氧化硫", "my sensor"]);
    expect(new Set(spec.data.values.map((r: { series: string }) => r.series))).toEqual(
      new Set(["二氧化硫", "my sensor"]),
    );
  });
});

describe("nameLabel: elements, OC and EC", () => {
  it("element names in en / ja / zh are labelled by the IUPAC symbol; symbols and ions unchanged", () => {
    // Ti: titanium / チタン / 钛; V: vanadium / バナジウム / 钒; Ni: nickel / ニッケル / 镍 (standard element names)
    for (const [sym, names] of [
      ["Ti", ["titanium", "チタン", "钛"]],
      ["V", ["vanadium", "バナジウム", "钒"]],
      ["Ni", ["nickel", "ニッケル", "镍"]],
      ["Fe", ["iron", "鉄", "铁"]],
      ["Pb", ["lead", "鉛", "铅"]],
      ["Al", ["aluminium", "aluminum", "アルミニウム", "铝"]],
    ] as const)
      for (const n of [sym, ...names])
        for (const lang of ["en", "ja", "zh"] as const) expect(nameLabel(n, lang)).toBe(sym);
    // ions stay ions, gases stay gases: the element rows do not capture them
    expect(nameLabel("K+", "ja")).toBe("K⁺");
    expect(nameLabel("Ca2+", "zh")).toBe("Ca²⁺");
    expect(nameLabel("K", "zh")).toBe("K");
    expect(nameLabel("Cl-", "zh")).toBe("Cl⁻");
    expect(nameLabel("SO2", "ja")).toBe("二酸化硫黄");
    expect(nameLabel("硫黄", "zh")).toBe("S");
  });

  it("OC and EC: every spelling the species normaliser knows gives the formula", () => {
    for (const n of ["OC", "organic carbon", "有机碳", "有機炭素"]) expect(nameLabel(n, "ja")).toBe("OC");
    for (const n of ["EC", "elemental carbon", "元素碳"]) expect(nameLabel(n, "zh")).toBe("EC");
  });
});
