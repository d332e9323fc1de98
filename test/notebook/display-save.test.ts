import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { barSpec, displayFigure, renderSvg } from "../../src/figures";

describe("displayFigure(spec, { save })", () => {
  it("returns the SVG and writes the same SVG and a PNG at scale × its size", async () => {
    const dir = await mkdtemp(join(tmpdir(), "aozora-display-"));
    try {
      const spec = barSpec({ categories: ["S", "Fe"], values: [2.5, 0.7], unit: "µg/m3", lang: "ja", title: "元素" });
      const svg = await displayFigure(spec, { save: join(dir, "sub", "bars"), scale: 3 });
      expect(svg).toBe(await renderSvg(spec));
      expect(await readFile(join(dir, "sub", "bars.svg"), "utf8")).toBe(svg);
      const w = Number(/<svg[^>]*width="(\d+(?:\.\d+)?)"/.exec(svg)![1]);
      const h = Number(/<svg[^>]*height="(\d+(?:\.\d+)?)"/.exec(svg)![1]);
      const meta = await sharp(await readFile(join(dir, "sub", "bars.png"))).metadata();
      expect(meta.format).toBe("png");
      expect(meta.width).toBe(Math.round(3 * w));
      expect(meta.height).toBe(Math.round(3 * h));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  it("rejects a bad scale before writing", async () => {
    const spec = barSpec({ categories: ["S"], values: [1], unit: "µg/m3" });
    await expect(displayFigure(spec, { save: join(tmpdir(), "never-written"), scale: 0 })).rejects.toThrow("scale");
  });
});
