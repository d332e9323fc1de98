// @ts-ignore TS1479 under TypeScript 5.0 (see src/figures/specs.ts)
import type { TopLevelSpec } from "vega-lite";
import type { Lang } from "../../figures/labels";
import { fontConfig, fontFor, SCHEMA, withUnit } from "../../figures/specs";
import { nameLabel, nameLabels } from "../../figures/names";
import { ozLabel } from "./labels";
import { diurnalMean } from "./diurnal";
import { oxidantPpb } from "./oxidant";

/**
 * Mean diurnal cycle of O3, NO2 and Ox = O3 + NO2 (ppb, top panel) and of the O3/NOx ratio of the
 * hourly means (bottom panel), against the local hour of day. Series names in the figure language
 * (オゾン / 臭氧 …, `nameLabel`).
 *
 * @param opts.times UTC instants (ms); o3Ppb, no2Ppb, noxPpb hourly mixing ratios (ppb)
 * @returns a Vega-Lite spec (vertical concatenation) with inline data
 */
export function diurnalOxSpec(opts: {
  times: ArrayLike<number>;
  utcOffsetMinutes: number;
  o3Ppb: ArrayLike<number>;
  no2Ppb: ArrayLike<number>;
  noxPpb: ArrayLike<number>;
  lang?: Lang;
  width?: number;
  title?: string;
}): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const ox = oxidantPpb(opts.o3Ppb, opts.no2Ppb);
  const d = {
    O3: diurnalMean(opts.times, opts.o3Ppb, opts.utcOffsetMinutes),
    NO2: diurnalMean(opts.times, opts.no2Ppb, opts.utcOffsetMinutes),
    Ox: diurnalMean(opts.times, ox, opts.utcOffsetMinutes),
  };
  const nox = diurnalMean(opts.times, opts.noxPpb, opts.utcOffsetMinutes);
  const lines = (Object.keys(d) as (keyof typeof d)[]).flatMap((k) =>
    d[k]
      .filter((r) => Number.isFinite(r.mean))
      .map((r) => ({ hour: r.hour, series: nameLabel(k, lang), value: r.mean })),
  );
  const ratio = d.O3.map((r, h) => ({ hour: h, ratio: nox[h].mean > 0 ? r.mean / nox[h].mean : NaN })).filter((r) =>
    Number.isFinite(r.ratio),
  );
  const width = opts.width ?? 560;
  const font = fontFor(lang);
  const x = {
    field: "hour",
    type: "quantitative",
    scale: { domain: [0, 23] },
    axis: { tickMinStep: 1, values: [0, 3, 6, 9, 12, 15, 18, 21] },
    title: ozLabel("hourOfDay", lang),
  };
  return {
    $schema: SCHEMA,
    ...(opts.title !== undefined ? { title: { text: opts.title } } : {}),
    vconcat: [
      {
        width,
        height: 200,
        data: { values: lines },
        mark: { type: "line", point: true },
        encoding: {
          x,
          y: { field: "value", type: "quantitative", title: withUnit(ozLabel("mixingRatio", lang), "ppb") },
          color: {
            field: "series",
            type: "nominal",
            scale: { domain: nameLabels(["O3", "NO2", "Ox"], lang), range: ["#1f77b4", "#8c564b", "#d62728"] },
            title: ozLabel("series", lang),
          },
        },
      },
      {
        width,
        height: 120,
        data: { values: ratio },
        mark: { type: "line", point: true, color: "#555555" },
        encoding: { x, y: { field: "ratio", type: "quantitative", title: ozLabel("o3NoxRatio", lang) } },
      },
    ],
    config: fontConfig(font),
  } as TopLevelSpec;
}
