/** Plain-language reading of a report: highlights, series labels and text formatting. */
export { generateHighlights, MAX_HIGHLIGHTS, MIN_HIGHLIGHTS, type Highlight } from './highlights';
export { changeArrow, changeDirection, changeTone, formatSeriesChange, formatSeriesValue, HEADLINE_KPIS, kpisForMonth, seriesHasData, SERIES_INFO, type SeriesInfo } from './series-info';
export { fmtChange, fmtCount, fmtHours, fmtPercent, monthLabel } from './format';
export { compareMonths, comparePeriods, periodValue, type CompareRow, type MonthRange } from './compare';
export { reportThrough } from './through';
