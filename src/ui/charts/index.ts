/** The charts beside the animation. The DOM-free model layer is exported too, for tests and other panels. */
export { type ChartModel, emphasis } from './chartModel';
export { type AmountKey, buildAmountsChart, buildSerumChart } from './dayChartModel';
export { createDayCharts, type DayChartOptions, type DayCharts } from './dayCharts';
export {
  DESTINATION_STYLE,
  EATEN_STYLE,
  type LineStyle,
  type MarkerShape,
  NORMAL_BAND_COLOUR,
  SERUM_STYLE,
  YEARS_STYLE,
  type YearsSeriesKey,
} from './styles';
export { amountsSummary, arterySummary, boneSummary, serumSummary } from './summaries';
export { buildArteryChart, buildBoneChart } from './yearsChartModel';
export { createYearsCharts, type YearsChartOptions, type YearsCharts } from './yearsCharts';
