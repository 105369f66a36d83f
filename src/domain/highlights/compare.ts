/**
 * Month-over-month and period-over-period comparison: every series with data, both values and the
 * change of B against A — relative for counts, percentage points for rates (metrics.md §6).
 */
import { CHANGE_KIND, change } from '../metrics/changes';
import { SERIES_NAMES, type HearthReport, type Kpi, type SeriesName } from '../metrics/types';
import { seriesHasData } from './series-info';

export interface CompareRow {
  series: SeriesName;
  a: number | null;
  b: number | null;
  change: number | null;
  changeKind: Kpi['changeKind'];
}

/** Stocks are read at the end of a period; everything else is averaged over its months. */
const STOCKS: ReadonlySet<SeriesName> = new Set(['subscribers_total']);

function rows(report: HearthReport, value: (s: SeriesName, side: 'a' | 'b') => number | null): CompareRow[] {
  return SERIES_NAMES.filter((s) => seriesHasData(report, s)).map((s) => {
    const a = value(s, 'a');
    const b = value(s, 'b');
    return { series: s, a, b, change: change(b, a, CHANGE_KIND[s]), changeKind: CHANGE_KIND[s] };
  });
}

/** Two months of the report side by side. */
export function compareMonths(report: HearthReport, a: string, b: string): CompareRow[] {
  const idx = { a: report.months.indexOf(a), b: report.months.indexOf(b) };
  return rows(report, (s, side) => (idx[side] >= 0 ? (report.series[s][idx[side]] ?? null) : null));
}

export interface MonthRange {
  from: string;
  to: string;
}

/**
 * A period's figure: the mean over its months with a value (an average month), or for stocks
 * (subscribers) the last value in the period. Null when no month of the period has a value.
 */
export function periodValue(report: HearthReport, s: SeriesName, range: MonthRange): number | null {
  const values: number[] = [];
  report.months.forEach((m, i) => {
    const v = report.series[s][i] ?? null;
    if (m >= range.from && m <= range.to && v !== null) values.push(v);
  });
  if (values.length === 0) return null;
  if (STOCKS.has(s)) return values[values.length - 1]!;
  return values.reduce((x, y) => x + y, 0) / values.length;
}

/** Two periods of the report side by side, each as its average month (stocks at the period's end). */
export function comparePeriods(report: HearthReport, a: MonthRange, b: MonthRange): CompareRow[] {
  return rows(report, (s, side) => periodValue(report, s, side === 'a' ? a : b));
}
