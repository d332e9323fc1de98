import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { renderPng, renderSvg } from "../../src/figures/render";
import { photoLabel, photolysisAt, photolysisDiurnalSpec, readCsqy } from "../../src/photochem";

const csqy = readCsqy(readFileSync(join(__dirname, "fixtures", "CSQY_DATA_cb6r5_ae7_aq"), "utf8"), { file: "csqy" });
// Beijing, 2025-06-21 local day (+08:00) every 15 minutes
const times = Array.from({ length: 97 }, (_, i) => Date.UTC(2025, 5, 20, 16, 0) + i * 15 * 60000);
const series = photolysisAt({ lat: 39.9, lon: 116.4, altitudeM: 50 }, times, { csqy, temperatureK: 300 });

describe("photolysisDiurnalSpec", () => {
  it("plots J(NO2) in 10⁻³ s⁻¹ and J(O1D) in 10⁻⁵ s⁻¹ against local time, data inline", () => {
    const spec = photolysisDiurnalSpec(series, { utcOffset: "+08:00" }) as any;
    expect(spec.vconcat.length).toBe(2);
    const top = spec.vconcat[0];
    expect(top.data.values[0].time).toBe("2025-06-21T00:00:00");
    const i = series.j.NO2_IUPAC10.indexOf(Math.max(...series.j.NO2_IUPAC10));
    expect(top.data.values[i].j).toBeCloseTo(series.j.NO2_IUPAC10[i] / 1e-3, 12);
    expect(top.encoding.y.title).toBe("Photolysis frequency (10⁻³ s⁻¹)");
    expect(top.encoding.x.title).toBe("Local time (UTC+08:00)");
    expect(spec.vconcat[1].data.values[i].j).toBeCloseTo(series.j.O3_O1D_IUPAC10[i] / 1e-5, 12);
    expect(top.title.text).toBe("J(NO2) — clear sky");
  });
  it("labels in Japanese and Chinese", () => {
    const ja = photolysisDiurnalSpec(series, { utcOffset: 480, lang: "ja" }) as any;
    expect(ja.vconcat[0].encoding.y.title).toBe(`${photoLabel("photolysisFrequency", "ja")} (10⁻³ s⁻¹)`);
    expect(ja.vconcat[1].encoding.x.title).toBe("現地時刻 (UTC+08:00)");
    const zh = photolysisDiurnalSpec(series, { utcOffset: 480, lang: "zh" }) as any;
    expect(zh.vconcat[0].title.text).toBe("J(NO2)（NO2 光解速率） — 晴空");
  });
  it("renders to SVG and PNG in all three languages", async () => {
    for (const lang of ["en", "ja", "zh"] as const) {
      const spec = photolysisDiurnalSpec(series, { utcOffset: "+08:00", lang, title: "Beijing 2025-06-21" });
      expect(await renderSvg(spec)).toContain("<svg");
      const meta = await sharp(await renderPng(spec, { scale: 1 })).metadata();
      expect(meta.width).toBeGreaterThan(500);
      if (process.env.AOZORA_FIGURE_DIR)
        await sharp(await renderPng(spec, { scale: 2 })).toFile(
          join(process.env.AOZORA_FIGURE_DIR, `photolysis-${lang}.png`),
        );
    }
  });
  it("refuses a table name that is not in the result", () => {
    expect(() => photolysisDiurnalSpec(series, { utcOffset: 480, names: ["NO2_IUPAC10", "NOPE"] })).toThrow(RangeError);
  });
});
