/**
 * Rendering of Vega-Lite specs to SVG text and PNG bytes, headless (no browser, no canvas):
 * Vega's SVG string renderer, then sharp (librsvg + fontconfig) for PNG.
 *
 * vega and vega-lite are ES modules with top-level await (vega-canvas awaits `import("canvas")`),
 * so `require()` cannot load them (ERR_REQUIRE_ASYNC_MODULE) and they are loaded with a dynamic
 * `import()` inside the functions; see `loadEsm` (src/io/esm.ts) for the one toolchain where that needs help.
 */

import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { loadEsm } from "../io/esm";
import sharp from "sharp";
// @ts-ignore TS1479 under TypeScript 5.0 (tslab's checker, and what `npx tsc` runs here): it
// rejects even a type-only import of an ES module from a CommonJS file. TypeScript >= 5.8
// accepts it, so @ts-expect-error would fail there; the types resolve either way.
import type { TopLevelSpec } from "vega-lite";
import type { Spec as VegaSpec } from "vega";
import { estimateTextWidth } from "./textwidth";

type VegaModule = typeof import("vega");
/** The part of vega-lite used here (a `typeof import("vega-lite")` type trips TS1479 under TypeScript 5.0). */
interface VegaLiteModule {
  compile(spec: TopLevelSpec): { spec: VegaSpec };
}

/**
 * Render a Vega-Lite spec to SVG text.
 *
 * @param spec a Vega-Lite spec with inline data (e.g. from `timeSeriesSpec` / `barSpec`)
 * @returns the SVG document as a string; its size in pixels is the figure size (the spec's
 *   `width` × `height` for specs from this module, which autosize to fit)
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const vl = await loadEsm<VegaLiteModule>("vega-lite");
  const vega = await loadEsm<VegaModule>("vega");
  useCjkTextMetrics(vega);
  const vgSpec = vl.compile(spec).spec;
  const view = new vega.View(vega.parse(vgSpec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Options of {@link renderPng}. */
export interface PngOptions {
  /** Pixel scale: the PNG is `scale` × the SVG size in pixels (default 2, for sharp print/screens). */
  scale?: number;
}

/**
 * Render a Vega-Lite spec to PNG bytes.
 *
 * @param spec a Vega-Lite spec with inline data
 * @param opts `scale` (default 2): the PNG measures `scale` × the SVG size in pixels (rasterised at
 *   72 × `scale` dpi, so text and lines stay sharp rather than being upsampled)
 * @returns the PNG file contents
 * @throws {RangeError} when the scale is not a positive number
 */
export async function renderPng(spec: TopLevelSpec, opts: PngOptions = {}): Promise<Buffer> {
  const scale = opts.scale ?? 2;
  if (!Number.isFinite(scale) || scale <= 0) throw new RangeError(`PNG scale must be a positive number, got ${scale}`);
  const svg = await renderSvg(spec);
  return svgToPng(svg, scale);
}

/**
 * Render a Vega-Lite spec and write `<basePath>.svg` and `<basePath>.png`, creating the folder
 * (and its parents) when missing.
 *
 * @param spec     a Vega-Lite spec with inline data
 * @param basePath output path without extension, e.g. `out/figs/pm25-timeseries`
 * @param opts     PNG options (`scale`, default 2)
 * @returns the paths written: `{ svg, png }`
 * @throws {RangeError} when the PNG scale is not a positive number
 */
export async function saveFigure(
  spec: TopLevelSpec,
  basePath: string,
  opts: PngOptions = {},
): Promise<{ svg: string; png: string }> {
  const scale = opts.scale ?? 2;
  if (!Number.isFinite(scale) || scale <= 0) throw new RangeError(`PNG scale must be a positive number, got ${scale}`);
  return writeFigureFiles(await renderSvg(spec), basePath, scale);
}

async function writeFigureFiles(
  svgText: string,
  basePath: string,
  scale: number,
): Promise<{ svg: string; png: string }> {
  if (!Number.isFinite(scale) || scale <= 0) throw new RangeError(`PNG scale must be a positive number, got ${scale}`);
  const png = await svgToPng(svgText, scale);
  const paths = { svg: `${basePath}.svg`, png: `${basePath}.png` };
  await mkdir(dirname(paths.svg), { recursive: true });
  await writeFile(paths.svg, svgText, "utf8");
  await writeFile(paths.png, png);
  return paths;
}

/** The part of tslab's public API used here (typed loosely so tslab stays optional). */
interface TslabLike {
  display: { svg(s: string): void };
}

/** Options of {@link displayFigure}. */
export interface DisplayOptions extends PngOptions {
  /**
   * Also write `<save>.svg` and `<save>.png` (as {@link saveFigure} does, from the same
   * rendering): the one-line way to keep a notebook figure for slides.
   */
  save?: string;
}

/**
 * Render a Vega-Lite spec to SVG and, when running inside a tslab Jupyter kernel, show it as the
 * cell's output. Outside a kernel (plain Node, tests) or without tslab installed it only renders.
 *
 * @param spec a Vega-Lite spec with inline data
 * @param opts `save`: base path (no extension) to also write the figure as SVG and PNG
 *   (`scale`, default 2, as in {@link saveFigure}), e.g.
 *   `await displayFigure(spec, { save: "../figures/00-getting-started/pm25" })`
 * @returns the SVG text (as from {@link renderSvg})
 */
export async function displayFigure(spec: TopLevelSpec, opts: DisplayOptions = {}): Promise<string> {
  const svg = await renderSvg(spec);
  if (opts.save !== undefined) await writeFigureFiles(svg, opts.save, opts.scale ?? 2);
  let tslab: TslabLike;
  try {
    // Loaded lazily so that the library does not need tslab at import time.
    tslab = require("tslab") as TslabLike;
  } catch {
    return svg;
  }
  try {
    tslab.display.svg(svg);
  } catch (err) {
    // tslab is installed but no kernel is running (its display throws "Not ready").
    if (!(err instanceof Error && err.message === "Not ready")) throw err;
  }
  return svg;
}

/** Vega's text-measurement hook (exported by vega at run time, absent from its typings). */
interface TextMetricsLike {
  width(item: { fontSize?: number | string; limit?: number }, text?: unknown): number;
  estimateWidth: unknown;
}

/**
 * Make Vega size text with {@link estimateTextWidth} (CJK characters 1 em wide) instead of its
 * flat 0.8 em per character, so CJK axis labels, titles and legends get room. Changes the shared
 * vega module once; left alone when a canvas or another custom measure is in use.
 */
function useCjkTextMetrics(vega: VegaModule): void {
  const tm = (vega as unknown as { textMetrics?: TextMetricsLike }).textMetrics;
  if (!tm || tm.width !== tm.estimateWidth) return;
  tm.width = (item, text) => {
    const size = item.fontSize != null ? +item.fontSize || 0 : 11; // Vega's default size
    const w = estimateTextWidth(text == null ? "" : String(text).trim(), size);
    // Text longer than `limit` is drawn truncated (with an ellipsis) to that width.
    return item.limit != null && item.limit > 0 ? Math.min(w, item.limit) : w;
  };
}

function svgToPng(svg: string, scale: number): Promise<Buffer> {
  return sharp(Buffer.from(svg, "utf8"), { density: 72 * scale })
    .png()
    .toBuffer();
}
