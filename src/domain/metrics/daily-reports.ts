/**
 * The daily series imported from the platforms' own dashboards — Discourse admin reports, the X
 * account overview, LinkedIn page analytics (formats.md: "a named daily series shown beside
 * Hearth's own charts") — for the period and sources of the filters: the days with a value, a
 * month-by-month summary and the change of the period's last month over the month before.
 *
 * Hearth does not recompute these figures: a day's value is what the platform exported. They are
 * calendar days (stored as UTC midnight), so a day belongs to its own month in every report zone,
 * as in the default period (metrics.md §1).
 */
import { monthKeyFromNumber } from '../time';
import { getContext } from './context';
import type { Dataset } from './dataset';
import { resolvePeriod } from './report';
import type { MonthKey, ReportOptions } from './types';

/** How a series' days add up to a month: counts are summed, percentages and averages averaged. */
export type DailyAggregation = 'sum' | 'mean';

export interface DailySeriesView {
  /** The stored series name, e.g. `x: Impressions`, `discourse: dau by mau`. */
  name: string;
  source: string;
  /** The name without its source prefix (`Impressions`). */
  label: string;
  aggregation: DailyAggregation;
  /** The days with a value in the period, ascending (`YYYY-MM-DD`), and their values. */
  days: string[];
  values: number[];
  /** Per month of the period (`DailyReports.months`): the sum or mean of its days; null when none has a value. */
  monthly: (number | null)[];
  /** Over the whole period: the sum, or the mean, of its days. */
  overall: number;
  /**
   * The period's last month against the month before: the relative change for summed series
   * (0.25 = +25 %), the difference for averaged ones; null when either month has no value (or a
   * sum was 0 the month before).
   */
  change: number | null;
}

export interface DailyReports {
  months: MonthKey[];
  /** By source, then by label (storage keeps no column order). */
  series: DailySeriesView[];
}

/**
 * Series whose days are shares, rates or averages (Discourse's `dau_by_mau` with its `Percent`
 * column, LinkedIn's `Engagement rate (total)`, `Average …`): summing them would mean nothing.
 * Tested against the series name and the stored key, which keeps the exported column's name.
 */
const AVERAGED = /percent|%|\brate\b|ratio|average|\bavg\b|\bmean\b|dau.?by.?mau|dau\s*\/\s*mau|time to/i;

export function aggregationOf(name: string, key = ''): DailyAggregation {
  return AVERAGED.test(name) || AVERAGED.test(key.replace(/[_-]/g, ' ')) ? 'mean' : 'sum';
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function dailyReports(ds: Dataset, options: ReportOptions): DailyReports {
  const ctx = getContext(ds, options);
  const period = resolvePeriod(ctx, options);
  if (!period) return { months: [], series: [] };
  const months: MonthKey[] = [];
  for (let m = period.from; m <= period.to; m++) months.push(monthKeyFromNumber(m));

  interface Acc {
    name: string;
    source: string;
    key: string;
    byDay: Map<number, number>;
  }
  const bySeries = new Map<string, Acc>();
  const daily = ds.daily;
  for (let i = 0; i < daily.records.length; i++) {
    const m = daily.month[i] as number;
    if (m < period.from || m > period.to || !ctx.include[daily.source[i] as number]) continue;
    const r = daily.records[i]!;
    const id = `${r.source}\u0000${r.series}`;
    let acc = bySeries.get(id);
    if (!acc) bySeries.set(id, (acc = { name: r.series, source: r.source, key: r.key, byDay: new Map() }));
    // One value a series a day: where two records give the same day, the later one in storage order.
    acc.byDay.set(r.day, r.value);
  }

  const series: DailySeriesView[] = [];
  for (const acc of bySeries.values()) {
    const aggregation = aggregationOf(acc.name, acc.key);
    const dayTimes = [...acc.byDay.keys()].sort((a, b) => a - b);
    const values = dayTimes.map((d) => acc.byDay.get(d) as number);
    const sums = new Array<number>(months.length).fill(0);
    const counts = new Array<number>(months.length).fill(0);
    dayTimes.forEach((d, i) => {
      const t = new Date(d);
      const idx = t.getUTCFullYear() * 12 + t.getUTCMonth() - period.from;
      sums[idx]! += values[i]!;
      counts[idx]! += 1;
    });
    const monthly = sums.map((s, i) => (counts[i] === 0 ? null : aggregation === 'sum' ? s : s / counts[i]!));
    const total = values.reduce((a, b) => a + b, 0);
    const last = monthly[monthly.length - 1] ?? null;
    const prev = monthly.length > 1 ? (monthly[monthly.length - 2] ?? null) : null;
    let change: number | null = null;
    if (last !== null && prev !== null)
      change = aggregation === 'mean' ? last - prev : prev === 0 ? null : (last - prev) / prev;
    const prefix = `${acc.source}: `;
    series.push({
      name: acc.name,
      source: acc.source,
      label: acc.name.startsWith(prefix) ? acc.name.slice(prefix.length) : acc.name,
      aggregation,
      days: dayTimes.map(isoDay),
      values,
      monthly,
      overall: aggregation === 'sum' ? total : total / values.length,
      change,
    });
  }
  series.sort((a, b) =>
    a.source < b.source ? -1 : a.source > b.source ? 1 : a.label.localeCompare(b.label, 'en'),
  );
  return { months, series };
}

/**
 * The series a page charts first: the one with the largest numbers (X: Impressions; Discourse page
 * views over signups), the first of equals — the headline figure of most platform dashboards.
 */
export function headlineSeries<T extends Pick<DailySeriesView, 'values'>>(
  series: readonly T[],
): T | undefined {
  let best: T | undefined;
  let bestTotal = Number.NEGATIVE_INFINITY;
  for (const s of series) {
    const total = s.values.reduce((t, v) => t + Math.abs(v), 0);
    if (total > bestTotal) {
      best = s;
      bestTotal = total;
    }
  }
  return best;
}
