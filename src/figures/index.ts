/**
 * Figures: Vega-Lite spec builders (time series, bars) with English / Japanese / Chinese labels,
 * and headless rendering to SVG and PNG (CJK text drawn with Noto Sans CJK).
 */

export { LABELS, LANGS, isLang, label, labelLookup } from "./labels";
export type { Lang, LabelKey } from "./labels";
export { nameLabel, nameLabels, ELEMENT_NAMES, POLLUTANT_NAMES, SOURCE_NAMES, SITE_NAMES, type NameRow } from "./names";
export {
  DEFAULT_HEIGHT,
  DEFAULT_WIDTH,
  FIGURE_FONT_JA,
  FIGURE_FONT_ZH,
  barSpec,
  fontFor,
  timeSeriesSpec,
  toLocalIso,
} from "./specs";
export type { BarOptions, TimeSeriesOptions, TimeSeriesRow } from "./specs";
export { displayFigure, renderPng, renderSvg, saveFigure } from "./render";
export { calendarSpec, calendarMonthTitle, CALENDAR_WEEKDAYS, CALENDAR_MONTHS, type CalendarOptions } from "./calendar";
export type { DisplayOptions, PngOptions } from "./render";
export { taylorDiagram, TAYLOR_LABELS, type TaylorPoint, type TaylorDiagramOptions } from "./taylor";
export { facetSpecs, type FacetPanel, type FacetOptions } from "./facet";
export { contourLines, type ContourLevel } from "./contour";
