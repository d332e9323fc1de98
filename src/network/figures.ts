// @ts-ignore TS1479 under TypeScript 5.0 (see src/figures/specs.ts)
import type { TopLevelSpec } from "vega-lite";
import { countryOutlines, extentFeature, type MapExtent } from "../figures/basemap";
import type { Lang } from "../figures/labels";
import { DEFAULT_WIDTH, SCHEMA, fontConfig, fontFor } from "../figures/specs";
import type { NetworkStation, StationTrend } from "./summarise";

const TEXT: Record<string, Record<Lang, string>> = {
  title: {
    en: "Theil–Sen trend of {p} per station",
    ja: "測定局ごとの {p} の Theil–Sen トレンド",
    zh: "各站点 {p} 的 Theil–Sen 趋势",
  },
  slope: { en: "trend ({u}/yr)", ja: "トレンド（{u}/年）", zh: "趋势（{u}/年）" },
  annual: { en: "annual means (HJ 663 valid years)", ja: "年平均値（HJ 663 有効年）", zh: "年均值（HJ 663 有效年）" },
  monthly: {
    en: "deseasonalised monthly means",
    ja: "季節調整した月平均値",
    zh: "去季节化的月均值",
  },
  significant: {
    en: "solid: the interval excludes 0; pale: it does not",
    ja: "濃い円：区間が 0 を含まない；淡い円：含む",
    zh: "深色：区间不含 0；浅色：区间含 0",
  },
};
const t = (k: string, lang: Lang, v: Record<string, string> = {}) =>
  TEXT[k][lang].replace(/\{(\w+)\}/g, (_, n: string) => v[n] ?? "");

const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/**
 * A map of station trends ({@link StationTrend} from `summariseNetwork`): one circle per station at
 * its position (from the station list), coloured by the Theil–Sen slope (unit per year, diverging
 * scale centred on 0), filled when the interval excludes 0, over Natural Earth country outlines
 * (`countryOutlines`, world-atlas); Mercator, en/ja/zh labels. Stations without a position or
 * without a trend are left out.
 *
 * @param trends trends of one pollutant (the first trend's pollutant is used; others are ignored)
 * @param stations the station list with longitude/latitude (°E, °N)
 * @throws {RangeError} when no trend has a station position
 */
export function stationTrendMapSpec(
  trends: readonly StationTrend[],
  stations: readonly NetworkStation[],
  opts: { lang?: Lang; width?: number; pollutant?: string } = {},
): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const p = opts.pollutant ?? trends[0]?.pollutant;
  const pos = new Map(stations.map((s) => [s.code, s]));
  const rows = trends
    .filter((x) => x.pollutant === p && Number.isFinite(x.slope))
    .map((x) => ({ x, s: pos.get(x.station) }))
    .filter((r) => r.s && Number.isFinite(r.s.longitude) && Number.isFinite(r.s.latitude))
    .map(({ x, s }) => ({
      station: x.station,
      city: s!.city ?? "",
      lon: s!.longitude!,
      lat: s!.latitude!,
      slope: x.slope,
      lo: x.lo,
      hi: x.hi,
      significant: x.lo > 0 || x.hi < 0 ? "yes" : "no",
    }));
  if (!rows.length) throw new RangeError("stationTrendMapSpec: no trend with a station position");
  const pad = 2;
  const ext: MapExtent = {
    lonMin: Math.min(...rows.map((r) => r.lon)) - pad,
    lonMax: Math.max(...rows.map((r) => r.lon)) + pad,
    latMin: Math.min(...rows.map((r) => r.lat)) - pad,
    latMax: Math.max(...rows.map((r) => r.lat)) + pad,
  };
  const plotW = (opts.width ?? DEFAULT_WIDTH) - 130;
  const plotH = Math.round(
    (plotW * (mercY(ext.latMax) - mercY(ext.latMin))) / (((ext.lonMax - ext.lonMin) * Math.PI) / 180),
  );
  const span = Math.max(ext.lonMax - ext.lonMin, ext.latMax - ext.latMin);
  const outlines = countryOutlines(ext, span > 30 ? "110m" : "50m");
  const frame = extentFeature(ext);
  const m = Math.max(...rows.map((r) => Math.abs(r.slope)));
  const unit = trends.find((x) => x.pollutant === p)?.unit ?? "";
  const basis = trends.find((x) => x.pollutant === p)?.basis ?? "annual";
  return {
    $schema: SCHEMA,
    title: {
      text: t("title", lang, { p: String(p) }),
      subtitle: `${t(basis, lang)}; ${t("significant", lang)}`,
      anchor: "start",
      fontSize: 13,
      subtitleFontSize: 10,
    },
    width: plotW,
    height: plotH,
    projection: {
      type: "mercator",
      fit: frame,
      clipExtent: [
        [0, 0],
        [plotW, plotH],
      ],
    },
    layer: [
      { data: { values: outlines }, mark: { type: "geoshape", fill: "#ececec", stroke: "#4d4d4d", strokeWidth: 0.7 } },
      {
        data: { values: rows },
        mark: { type: "circle", size: 80, stroke: "#333", strokeWidth: 0.5 },
        encoding: {
          longitude: { field: "lon", type: "quantitative" },
          latitude: { field: "lat", type: "quantitative" },
          color: {
            field: "slope",
            type: "quantitative",
            title: t("slope", lang, { u: unit }),
            scale: { scheme: "redblue", reverse: true, domain: [-m, m] },
          },
          opacity: { condition: { test: "datum.significant === 'yes'", value: 1 }, value: 0.3 },
          tooltip: [
            { field: "station", type: "nominal" },
            { field: "city", type: "nominal" },
            { field: "slope", type: "quantitative", format: ".3~g" },
            { field: "lo", type: "quantitative", format: ".3~g" },
            { field: "hi", type: "quantitative", format: ".3~g" },
          ],
        },
      },
    ],
    config: { ...fontConfig(fontFor(lang)), view: { stroke: "#333" } },
  } as unknown as TopLevelSpec;
}
