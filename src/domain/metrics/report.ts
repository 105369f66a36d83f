/**
 * The report builder: `buildReport(dataset, options)` → `hearth.report/1` (metrics.md §7).
 * Every series is computed over the whole month axis (all data); the period only selects which
 * months are shown, so a month's numbers never depend on the period.
 */
import { monthKeyFromNumber, monthNumber } from '../time';
import type { RecordBatch, SourceSummary } from '../model/records';
import { getContext, type MetricContext } from './context';
import { activityPass } from './pass';
import { prepareDataset, type Dataset, type PrepareInput } from './dataset';
import { engagementSeries } from './engagement';
import { growthSeries } from './growth';
import { responsivenessSeries } from './responsiveness';
import { sentimentSeries } from './sentiment';
import { newsletterSeries } from './newsletter';
import { socialSeries } from './social';
import { eventSeries } from './events';
import { retentionCohorts, retentionMatrix } from './retention';
import { topContributors } from './contributors';
import { kpis } from './changes';
import { SERIES_NAMES, type HearthReport, type MonthKey, type ReportOptions, type SeriesName } from './types';
import type { Series } from './series';

export type BuildOptions = ReportOptions & { sourceSummaries?: SourceSummary[] };

interface FullMetrics {
  /** Every series over the whole axis, in SERIES_NAMES order. */
  series: Record<SeriesName, Series>;
  retention: Int32Array;
  totals: { members: number; activities: number; threads: number };
}

/** Every series over the context's whole axis (memoised per zone, filter and axis). */
export function fullMetrics(ctx: MetricContext): FullMetrics {
  const key = `full|${ctx.key}`;
  const hit = ctx.ds.cache.get(key) as FullMetrics | undefined;
  if (hit) return hit;
  const parts: Record<string, Series> = {
    ...engagementSeries(ctx),
    ...growthSeries(ctx),
    ...responsivenessSeries(ctx),
    ...sentimentSeries(ctx),
    ...newsletterSeries(ctx),
    ...socialSeries(ctx),
    ...eventSeries(ctx),
  };
  const series = {} as Record<SeriesName, Series>;
  for (const name of SERIES_NAMES) series[name] = parts[name] as Series;
  let members = 0;
  for (let p = 0; p < ctx.member.length; p++) members += ctx.member[p] as number;
  const pass = activityPass(ctx);
  const activities = pass.totalActivities;
  const threads = pass.totalThreads;
  const full: FullMetrics = { series, retention: retentionMatrix(ctx), totals: { members, activities, threads } };
  ctx.ds.cache.set(key, full);
  return full;
}

/** The period shown (absolute month numbers), or null when there is no data and none was asked for. */
export function resolvePeriod(ctx: MetricContext, options: ReportOptions): { from: number; to: number } | null {
  const reqFrom = options.from ? monthNumber(options.from) : null;
  const reqTo = options.to ? monthNumber(options.to) : null;
  let from = reqFrom ?? ctx.dataFrom;
  let to = reqTo ?? ctx.dataTo;
  if (from === null && to === null) return null;
  if (from === null) from = to as number;
  if (to === null) to = from;
  if (reqFrom === null && from > to) from = to;
  if (reqTo === null && to < from) to = from;
  if (from > to) throw new RangeError(`The period starts (${options.from}) after it ends (${options.to}).`);
  return { from, to };
}

export function buildReport(dataset: Dataset, options: BuildOptions = {}): HearthReport {
  const ctx = getContext(dataset, options);
  const full = fullMetrics(ctx);
  const period = resolvePeriod(ctx, options);
  const timeZone = ctx.timeZone;
  const sources = options.sourceSummaries ?? [];
  const series = {} as Record<SeriesName, (number | null)[]>;
  if (!period) {
    for (const name of SERIES_NAMES) series[name] = [];
    return {
      schema: 'hearth.report/1',
      timeZone,
      period: { from: '', to: '' },
      months: [],
      series,
      retention: [],
      topContributors: [],
      kpis: kpis(series, -1),
      totals: { ...full.totals, subscribers: 0 },
      sources,
    };
  }
  const a = period.from - ctx.axisStart;
  const b = period.to - ctx.axisStart;
  const months: MonthKey[] = [];
  for (let m = period.from; m <= period.to; m++) months.push(monthKeyFromNumber(m));
  for (const name of SERIES_NAMES) series[name] = full.series[name].slice(a, b + 1);
  // The months with data before the period (the axis's first month is an empty one before the data).
  const earlier = {} as Record<SeriesName, (number | null)[]>;
  for (const name of SERIES_NAMES) earlier[name] = full.series[name].slice(1, Math.max(1, a));
  const report: HearthReport = {
    schema: 'hearth.report/1',
    timeZone,
    period: { from: monthKeyFromNumber(period.from), to: monthKeyFromNumber(period.to) },
    months,
    series,
    retention: retentionCohorts(ctx, full.retention, full.series.new_members as number[], a, b),
    topContributors: topContributors(ctx, a, b),
    kpis: kpis(full.series, b),
    totals: { ...full.totals, subscribers: (full.series.subscribers_total[b] as number | undefined) ?? 0 },
    sources,
  };
  if (a > 1) report.earlier = { from: monthKeyFromNumber(ctx.axisStart + 1), series: earlier };
  return report;
}

/** prepareDataset + buildReport in one call (the command and tests). */
export function computeReport(
  records: RecordBatch,
  options: BuildOptions & Omit<PrepareInput, 'records'> = {},
): HearthReport {
  const { merges, sentimentOverrides, scorer, ...rest } = options;
  const ds = prepareDataset({
    records,
    ...(merges ? { merges } : {}),
    ...(sentimentOverrides ? { sentimentOverrides } : {}),
    ...(scorer ? { scorer } : {}),
  });
  return buildReport(ds, rest);
}
