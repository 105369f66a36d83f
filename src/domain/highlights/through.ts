import type { HearthReport, SeriesName } from '../metrics/types';
import { kpisForMonth } from './series-info';

/**
 * The report's months up to `month` (a brief or a deck for an earlier month of the period tells
 * that month's story: its charts and retention table stop there, as if made then). Series, months,
 * retention cohorts (and their months after joining), the period's end, the KPIs and the
 * subscriber total follow the month; the top contributors, which count over the whole period, are
 * left out (empty). The report itself when `month` is its last month (or not one of its months).
 */
export function reportThrough(report: HearthReport, month: string): HearthReport {
  const i = report.months.indexOf(month);
  if (i < 0 || i === report.months.length - 1) return report;
  const series = {} as Record<SeriesName, (number | null)[]>;
  for (const name of Object.keys(report.series) as SeriesName[])
    series[name] = report.series[name].slice(0, i + 1);
  const retention = report.retention
    .filter((c) => c.cohort <= month)
    .map((c) => {
      const k = report.months.indexOf(c.cohort);
      const keep = k < 0 ? c.active.length : i - k + 1;
      return { ...c, active: c.active.slice(0, keep), rate: c.rate.slice(0, keep) };
    });
  return {
    ...report,
    period: { from: report.period.from, to: month },
    months: report.months.slice(0, i + 1),
    series,
    retention,
    topContributors: [],
    kpis: kpisForMonth(report, month),
    totals: { ...report.totals, subscribers: (series.subscribers_total[i] as number | null) ?? 0 },
  };
}
