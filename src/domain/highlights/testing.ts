/** Hand-made reports for the highlights and export specs (test-only; not exported from index.ts). */
import { CHANGE_KIND, kpis } from '../metrics/changes';
import { SERIES_NAMES, type HearthReport, type RetentionCohort, type SeriesName, type TopContributor } from '../metrics/types';

/** A consecutive run of `count` month keys from `first` (`2025-01`). */
export function monthRun(first: string, count: number): string[] {
  const [y, m] = first.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const t = y * 12 + (m - 1) + i;
    return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
  });
}

/**
 * A report over `months` with the given series; every other series is 0 (counts) or null (rates),
 * as the engine writes months with no data. KPIs are computed as the engine does (last month).
 */
export function handReport(
  months: string[],
  series: Partial<Record<SeriesName, (number | null)[]>>,
  extra: {
    retention?: RetentionCohort[];
    topContributors?: TopContributor[];
    /** The months before the period (`report.earlier`), `count` of them from `from`. */
    earlier?: { from: string; count: number; series: Partial<Record<SeriesName, (number | null)[]>> };
  } = {},
): HearthReport {
  const fill = (run: string[], given: Partial<Record<SeriesName, (number | null)[]>>) => {
    const out = {} as Record<SeriesName, (number | null)[]>;
    for (const name of SERIES_NAMES) {
      out[name] = given[name] ?? run.map(() => (CHANGE_KIND[name] === 'points' || name === 'median_ttfr_hours' ? null : 0));
      if (out[name].length !== run.length) throw new Error(`${name}: ${out[name].length} values for ${run.length} months`);
    }
    return out;
  };
  const full = fill(months, series);
  const earlier = extra.earlier;
  return {
    ...(earlier ? { earlier: { from: earlier.from, series: fill(monthRun(earlier.from, earlier.count), earlier.series) } } : {}),
    schema: 'hearth.report/1',
    timeZone: 'UTC',
    period: { from: months[0] ?? '', to: months[months.length - 1] ?? '' },
    months,
    series: full,
    retention: extra.retention ?? [],
    topContributors: extra.topContributors ?? [],
    kpis: kpis(full, months.length - 1),
    totals: { members: 0, activities: 0, threads: 0, subscribers: 0 },
    sources: [],
  };
}
