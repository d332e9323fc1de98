// @ts-ignore TS1479 under TypeScript 5.0 (see src/figures/specs.ts)
import type { TopLevelSpec } from "vega-lite";
import type { Lang } from "../figures/labels";
import { fontConfig, fontFor, SCHEMA } from "../figures/specs";
import { nameLabel } from "../figures/names";
import { vlabel } from "../profiles/labels";
import type { EfGroupStats } from "./summary";
import { vspModeLabel } from "./vsp";

/**
 * Box plots of fuel-based emission factors (g/kg) per model year, log axis (remote-sensing EFs
 * are skewed over orders of magnitude); whiskers at 1.5 IQR. Non-positive and NaN EFs are left
 * out (a log axis cannot show them; their count is in the subtitle). The pollutant is named in the
 * figure language (`nameLabel`: CO → 一酸化炭素 / 一氧化碳).
 */
export function efByModelYearSpec(opts: {
  modelYear: ArrayLike<number>;
  ef: ArrayLike<number>;
  pollutant: "CO" | "HC" | "NO";
  lang?: Lang;
  width?: number;
  height?: number;
}): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const rows: { year: number; ef: number }[] = [];
  let dropped = 0;
  for (let i = 0; i < opts.ef.length; i++) {
    const v = opts.ef[i];
    if (v > 0 && Number.isFinite(opts.modelYear[i]))
      rows.push({ year: opts.modelYear[i], ef: Number(v.toPrecision(4)) });
    else if (Number.isFinite(v)) dropped++;
  }
  return {
    $schema: SCHEMA,
    title: {
      text: `${vlabel("efByYear", lang)} (${nameLabel(opts.pollutant, lang)})`,
      subtitle: dropped > 0 ? `EF ≤ 0: ${dropped}` : "",
    },
    width: opts.width ?? 640,
    height: opts.height ?? 300,
    data: { values: rows },
    mark: { type: "boxplot", extent: 1.5, size: 14 },
    encoding: {
      x: { field: "year", type: "ordinal", title: vlabel("modelYear", lang) },
      y: {
        field: "ef",
        type: "quantitative",
        scale: { type: "log" },
        title: `${vlabel("emissionFactor", lang)} ${nameLabel(opts.pollutant, lang)} (g/kg, ${vlabel("fuelBased", lang)})`,
      },
    },
    config: fontConfig(fontFor(lang)),
  } as TopLevelSpec;
}

/**
 * Mean fuel-based EF per VSP mode (from efByGroup on the modes) with its 95 % t interval as error
 * bars; modes with fewer than `minN` records (default 10) are left out (listed in the subtitle).
 * The pollutant is named in the figure language (`nameLabel`).
 */
export function efByVspSpec(opts: {
  stats: EfGroupStats[];
  pollutant: "CO" | "HC" | "NO";
  lang?: Lang;
  width?: number;
  height?: number;
  minN?: number;
}): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const minN = opts.minN ?? 10;
  const few = opts.stats.filter((s) => Number(s.group) > 0 && s.n < minN).map((s) => `${s.group} (n = ${s.n})`);
  const rows = opts.stats
    .filter((s) => Number(s.group) > 0 && s.n >= minN)
    .map((s) => ({
      mode: `${s.group}: ${vspModeLabel(Number(s.group))}`,
      mean: s.mean,
      lo: s.mean - (Number.isFinite(s.ci95) ? s.ci95 : 0),
      hi: s.mean + (Number.isFinite(s.ci95) ? s.ci95 : 0),
      n: s.n,
    }));
  const y = `${vlabel("emissionFactor", lang)} ${nameLabel(opts.pollutant, lang)} (g/kg)`;
  return {
    $schema: SCHEMA,
    title: {
      text: `${vlabel("efByVsp", lang)} (${nameLabel(opts.pollutant, lang)})`,
      subtitle: few.length > 0 ? `n < ${minN}: ${few.join(", ")}` : "",
    },
    width: opts.width ?? 640,
    height: opts.height ?? 300,
    data: { values: rows },
    encoding: {
      x: { field: "mode", type: "nominal", sort: null, title: vlabel("vspMode", lang), axis: { labelAngle: -40 } },
    },
    layer: [
      { mark: "bar", encoding: { y: { field: "mean", type: "quantitative", title: y } } },
      {
        mark: { type: "errorbar", ticks: { color: "black" }, color: "black" },
        encoding: { y: { field: "lo", type: "quantitative", title: y }, y2: { field: "hi" } },
      },
    ],
    config: fontConfig(fontFor(lang)),
  } as TopLevelSpec;
}
