/**
 * Directional and temporal analyses in openair's style (Carslaw & Ropkins 2012): wind and
 * pollution roses, percentile rose, CPF, CBPF, polar plot, polar annulus, time variation and
 * Theil–Sen trend, on plain series (times, values, wind) so that they work on a measured species
 * and on a PMF factor contribution alike; with en/ja/zh Vega-Lite figures.
 */
export {
  DEFAULT_CALM_MS,
  windToUV,
  uvToDirection,
  vectorMeanWind,
  sectorIndex,
  sectorCentres,
  percentileOf,
  type WindSeries,
} from "./wind";
export { windRose, pollutionRose, percentileRose, type RoseRow, type RoseResult, type RoseClosed } from "./roses";
export { cpf, cbpf, type CpfRow, type CbpfRow, type CpfOptions } from "./cpf";
export {
  polarPlot,
  type PolarPlotOptions,
  type PolarPlotResult,
  type PolarBin,
  type PolarGridPoint,
  type PolarStatistic,
} from "./polarplot";
export { type PolarGamFit, type PolarGamStatistic } from "./polargam";
export {
  polarFreq,
  type PolarFreqStatistic,
  type PolarFreqSeries,
  type PolarFreqOptions,
  type PolarFreqCell,
  type PolarFreqResult,
} from "./polarfreq";
export {
  polarPairStatistic,
  type PolarPairStatistic,
  type PolarPairSeries,
  type PolarPairOptions,
  type PolarPairPoint,
  type PolarPairResult,
} from "./polarnwr";
export { corPlot, type CorMethod, type CorPlotResult } from "./corplot";
export { polarDiff, openairDiffLimit, type PolarDiffOptions, type PolarDiffResult } from "./polardiff";
export {
  polarCluster,
  type PolarClusterOptions,
  type PolarClusterResult,
  type PolarClusterLevel,
  type PolarClusterStat,
} from "./polarcluster";
export { polarDiffSpec, polarClusterSpec } from "./figures-polardiff";
export { polarFreqSpec, polarFreqTypeSpec, polarPairSpec, corPlotSpec } from "./figures-polarx";
export { polarAnnulus, periodIndex, type AnnulusCell, type AnnulusPeriod } from "./annulus";
export { timeVariation, localCalendar, type TimeVariationResult, type TimeVariationRow } from "./timevariation";
export {
  theilSen,
  theilSenTrend,
  theilSenTrendOfMonths,
  theilSenInterval,
  monthlyMeans,
  seasonalIndices,
  type MonthlyMean,
  type TrendResult,
  type TheilSenInterval,
} from "./trend";
export { DIRECTIONAL_LABELS, WEEKDAYS, MONTHS, SEASONS, dirLabel } from "./labels";
export {
  roseSpec,
  cpfSpec,
  percentileRoseSpec,
  cbpfSpec,
  polarPlotSpec,
  polarUncertaintySpec,
  polarPlotTypeSpec,
  polarAnnulusSpec,
  timeVariationSpec,
  trendSpec,
  enrichmentSpec,
  type PolarFigureOptions,
} from "./figures";
export {
  cutData,
  formatSignificant,
  quantileLabels,
  OPENAIR_MONTHS,
  OPENAIR_WEEKDAYS,
  OPENAIR_SEASONS,
  OPENAIR_WD_SECTORS,
  type CutType,
  type CutInput,
  type CutOptions,
  type CutKind,
  type CutResult,
} from "./cutdata";
export {
  solarGeometry,
  julianCentury,
  sunTimes,
  isDaylight,
  daylightAt,
  type SolarGeometry,
  type SunTimes,
} from "./solar";
export {
  byType,
  typedLevels,
  type TypeSubset,
  type TypeLevel,
  type ByTypeResult,
  type ByTypeOptions,
  type TypeOption,
} from "./bytype";
export type { CpfResult, CbpfResult } from "./cpf";
export type { AnnulusResult } from "./annulus";
export type { PercentileRoseResult } from "./roses";
export {
  timeAverage,
  type TimeAverageStatistic,
  type TimeSeriesInput,
  type TimeAverageOptions,
  type TimeAverageResult,
} from "./timeaverage";
export {
  parseAvgTime,
  periodGrid,
  gridInstants,
  mostCommonGap,
  nominalSeconds,
  type AvgUnit,
  type AvgTime,
  type PeriodGrid,
} from "./periods";
export { rollingMean, type RollingMeanOptions, type RollingMeanResult } from "./rollingmean";
export { selectByDate, type SelectByDateOptions, type SelectByDateResult } from "./selectbydate";
export { calcPercentile, type CalcPercentileResult } from "./calcpercentile";
export { timeProp, type TimePropRow, type TimePropResult } from "./timeprop";
export { trendLevel, type TrendLevelCell, type TrendLevelResult } from "./trendlevel";
export { typeLevelLabel, seasonLevels } from "./typelabels";
export { byTypeSpec, timePropSpec, trendLevelSpec } from "./typefigures";
export {
  smoothTrend,
  type SmoothTrendOptions,
  type SmoothTrendResult,
  type SmoothTrendPeriod,
  type SmoothTrendPoint,
  type StlFill,
} from "./smoothtrend";
export { smoothTrendSpec, conditionalQuantileSpec } from "./figures-smooth";
export {
  conditionalQuantile,
  type ConditionalQuantileOptions,
  type ConditionalQuantileResult,
  type ConditionalQuantileBin,
} from "./condquantile";
