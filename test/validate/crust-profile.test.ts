import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { UCC_RUDNICK_GAO_2014 } from "../../src/metals/tables/crust-rudnick-gao";
import { sharedPath } from "./shared";

describe("the built-in crustal profile's table matches the shared Rudnick & Gao (2014) file", () => {
  it("every oxide % and trace ppm (with 2σ) equals the reference", () => {
    const lines = readFileSync(sharedPath("reference", "crust-ucc-rudnickgao2014.csv"), "utf8")
      .trim()
      .split(/\r?\n/)
      .map((l) => l.split(","));
    const ref = new Map(
      lines.map((f) => [f[0], { value: Number(f[1]), unit: f[2], unc: f[3] === "" ? NaN : Number(f[3]) }]),
    );
    for (const [oxide, [pct, unc]] of Object.entries(UCC_RUDNICK_GAO_2014.oxides)) {
      expect(ref.get(oxide), oxide).toMatchObject({ value: pct, unit: "%" });
      expect(ref.get(oxide)!.unc, oxide).toBe(unc);
    }
    for (const [el, [ppm, unc]] of Object.entries(UCC_RUDNICK_GAO_2014.traces)) {
      expect(ref.get(el), el).toMatchObject({ value: ppm, unit: "ppm" });
      if (Number.isNaN(unc)) expect(Number.isNaN(ref.get(el)!.unc), el).toBe(true);
      else expect(ref.get(el)!.unc, el).toBe(unc);
    }
  });
});
