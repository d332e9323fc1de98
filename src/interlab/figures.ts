// @ts-ignore TS1479 under TypeScript 5.0 (see src/figures/specs.ts)
import type { TopLevelSpec } from "vega-lite";
import { fontConfig, fontFor, specFrame, withUnit } from "../figures/specs";
import type { Lang } from "../figures/labels";
import { nameLabel } from "../figures/names";
import { qaLabel } from "../qa/labels";
import type { LabScore, SpeciesComparison } from "./compare";

/**
 * Bland–Altman plot of one species: mean of the two labs (x) against their difference B − A
 * (y; relative in % with `relative`), with the bias (solid) and the limits of agreement (dashed),
 * and the zero line.
 * @throws {RangeError} when the comparison has no Bland–Altman analysis for the species
 */
export function blandAltmanSpec(
  c: SpeciesComparison,
  opts: { lang?: Lang; relative?: boolean; width?: number; height?: number } = {},
): TopLevelSpec {
  const lang = opts.lang ?? "en",
    font = fontFor(lang);
  const ba = opts.relative ? c.blandAltmanRelative : c.blandAltman;
  if (!ba)
    throw new RangeError(
      `Bland–Altman plot: no ${opts.relative ? "relative " : ""}analysis for ${c.species} (${c.reasons.join("; ")})`,
    );
  const pts = ba.means.map((m, i) => ({ mean: m, diff: ba.differences[i] }));
  const yUnit = opts.relative ? "%" : c.unit;
  const lines = [
    { y: ba.bias, what: `${qaLabel("bias", lang)} ${ba.bias.toPrecision(3)}`, dash: 0 },
    { y: ba.lower, what: `${qaLabel("limitsOfAgreement", lang)} ${ba.lower.toPrecision(3)}`, dash: 1 },
    { y: ba.upper, what: `${qaLabel("limitsOfAgreement", lang)} ${ba.upper.toPrecision(3)}`, dash: 1 },
  ];
  return {
    title: nameLabel(c.species, lang),
    ...specFrame(undefined, opts.width ?? 300, opts.height ?? 220, { fit: false }),
    layer: [
      {
        data: { values: [{ y: 0 }] },
        mark: { type: "rule", color: "lightgray" },
        encoding: { y: { field: "y", type: "quantitative" } },
      },
      {
        data: { values: pts },
        mark: { type: "point", filled: true, opacity: 0.6 },
        encoding: {
          x: { field: "mean", type: "quantitative", title: withUnit(qaLabel("meanOfLabs", lang), c.unit) },
          y: {
            field: "diff",
            type: "quantitative",
            title: withUnit(qaLabel(opts.relative ? "relativeDifference" : "difference", lang), yUnit),
          },
        },
      },
      {
        data: { values: lines },
        mark: { type: "rule", color: "firebrick" },
        encoding: {
          y: { field: "y", type: "quantitative" },
          strokeDash: {
            field: "dash",
            type: "nominal",
            scale: {
              domain: [0, 1],
              range: [
                [1, 0],
                [5, 3],
              ],
            },
            legend: null,
          },
        },
      },
      {
        data: { values: lines },
        mark: { type: "text", align: "right", dy: -5, fontSize: 9, color: "firebrick" },
        encoding: {
          y: { field: "y", type: "quantitative" },
          x: { datum: Math.max(...ba.means) },
          text: { field: "what" },
        },
      },
    ],
    config: fontConfig(font),
  } as TopLevelSpec;
}

/**
 * Lab B against lab A for one species with the 1:1 line and the Deming and Passing–Bablok lines.
 * The species title and the `labs` names are shown in the figure language (`nameLabel`).
 * @throws {RangeError} when the comparison has no paired results for the species
 */
export function labScatterSpec(
  c: SpeciesComparison,
  opts: { lang?: Lang; labs?: [string, string]; width?: number; height?: number } = {},
): TopLevelSpec {
  const lang = opts.lang ?? "en",
    font = fontFor(lang);
  const ba = c.blandAltman;
  if (!ba) throw new RangeError(`lab scatter: no paired results for ${c.species}`);
  const pts = ba.means.map((m, i) => ({ a: m - ba.differences[i] / 2, b: m + ba.differences[i] / 2 }));
  const hi = Math.max(...pts.map((p) => Math.max(p.a, p.b))) * 1.05,
    lo = Math.min(0, ...pts.map((p) => Math.min(p.a, p.b)));
  const line = (name: string, a: number, b: number, dash = "solid") => [
    { line: name, dash, x: lo, y: a + b * lo },
    { line: name, dash, x: hi, y: a + b * hi },
  ];
  const ls = [...line(qaLabel("oneToOne", lang), 0, 1, "dashed")];
  if (c.deming)
    ls.push(
      ...line(
        `${qaLabel("deming", lang)}: y = ${c.deming.slope.toFixed(3)}x ${c.deming.intercept >= 0 ? "+" : "−"} ${Math.abs(c.deming.intercept).toPrecision(3)}`,
        c.deming.intercept,
        c.deming.slope,
      ),
    );
  if (c.passingBablok)
    ls.push(
      ...line(
        `${qaLabel("passingBablok", lang)}: y = ${c.passingBablok.slope.toFixed(3)}x ${c.passingBablok.intercept >= 0 ? "+" : "−"} ${Math.abs(c.passingBablok.intercept).toPrecision(3)}`,
        c.passingBablok.intercept,
        c.passingBablok.slope,
      ),
    );
  const names = [...new Set(ls.map((l) => l.line))];
  const labA = opts.labs ? nameLabel(opts.labs[0], lang) : qaLabel("labA", lang),
    labB = opts.labs ? nameLabel(opts.labs[1], lang) : qaLabel("labB", lang);
  return {
    title: nameLabel(c.species, lang),
    ...specFrame(undefined, opts.width ?? 300, opts.height ?? 300, { fit: false }),
    layer: [
      {
        data: { values: pts },
        mark: { type: "point", filled: true, opacity: 0.6, color: "#4c78a8" },
        encoding: {
          x: { field: "a", type: "quantitative", title: withUnit(labA, c.unit), scale: { domain: [lo, hi] } },
          y: { field: "b", type: "quantitative", title: withUnit(labB, c.unit), scale: { domain: [lo, hi] } },
        },
      },
      {
        data: { values: ls },
        mark: { type: "line", clip: true },
        encoding: {
          x: { field: "x", type: "quantitative" },
          y: { field: "y", type: "quantitative" },
          color: {
            field: "line",
            type: "nominal",
            sort: names,
            scale: { domain: names, range: ["gray", "#e45756", "#54a24b"] },
            title: qaLabel("line", lang),
            legend: { orient: "bottom", direction: "vertical", labelLimit: 400 },
          },
          strokeDash: {
            field: "dash",
            type: "nominal",
            scale: {
              domain: ["dashed", "solid"],
              range: [
                [4, 3],
                [1, 0],
              ],
            },
            legend: null,
          },
          detail: { field: "line", type: "nominal" },
        },
      },
    ],
    config: fontConfig(font),
  } as TopLevelSpec;
}

/** z-score bars per sample (one species, one lab), coloured by performance class, with rules at ±2 and ±3 (ISO 13528:2022 §9.4.1). */
export function zScoreSpec(
  scores: LabScore[],
  opts: { lang?: Lang; title?: string; width?: number; height?: number } = {},
): TopLevelSpec {
  const lang = opts.lang ?? "en",
    font = fontFor(lang);
  const classes = ["satisfactory", "questionable", "unsatisfactory"] as const;
  const rows = scores.map((s) => ({ sample: s.sample, z: s.z, cls: qaLabel(s.zClass, lang) }));
  const rules = [-3, -2, 2, 3].map((y) => ({ y, d: Math.abs(y) }));
  return {
    ...(opts.title ? { title: opts.title } : {}),
    ...specFrame(undefined, opts.width ?? 760, opts.height ?? 220, { fit: false }),
    layer: [
      {
        data: { values: rows },
        mark: { type: "bar" },
        encoding: {
          x: {
            field: "sample",
            type: "nominal",
            sort: null,
            title: qaLabel("sample", lang),
            axis: { labelAngle: -60, labelOverlap: true },
          },
          y: { field: "z", type: "quantitative", title: qaLabel("zScore", lang) },
          color: {
            field: "cls",
            type: "nominal",
            scale: { domain: classes.map((k) => qaLabel(k, lang)), range: ["#54a24b", "#f58518", "#e45756"] },
            title: qaLabel("performance", lang),
          },
        },
      },
      {
        data: { values: rules },
        mark: { type: "rule" },
        encoding: {
          y: { field: "y", type: "quantitative" },
          strokeDash: {
            field: "d",
            type: "nominal",
            scale: {
              domain: [2, 3],
              range: [
                [5, 3],
                [1, 0],
              ],
            },
            legend: null,
          },
          color: { value: "gray" },
        },
      },
    ],
    config: fontConfig(font),
  } as TopLevelSpec;
}
