/**
 * How the platforms' daily figures read (Platform reports): each in its unit — counts as counts,
 * percentages with "%", rates written as fractions as percentages — and the last month's change
 * as a relative change for counts and a difference in points for shares.
 */
import { formatChange, formatPercent } from '../../components/format';
import type { DailySeriesView, DailyUnit } from '../../domain/metrics/daily-reports';

function plain(v: number, digits: number): string {
  return v.toLocaleString(undefined, { maximumFractionDigits: digits });
}

/** A value in its series' unit: `11,423`, `26.9%` (a percentage), `5.27%` (a fraction), `3.25`. */
export function formatDailyValue(v: number | null | undefined, unit: DailyUnit): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (unit === 'fraction') return formatPercent(v, 2);
  if (unit === 'percent') return `${plain(v, 1)}%`;
  return plain(v, 2);
}

/** The y axis title of a series' chart. */
export function dailyAxisTitle(unit: DailyUnit): string {
  return unit === 'count' ? 'count per day' : unit === 'value' ? 'daily value' : '%';
}

/** The change of the period's last month: `−45.8%` for counts and other averages, `+1.6 pts` for shares. */
export function formatDailyChange(s: Pick<DailySeriesView, 'unit' | 'change'>): string {
  if (s.change === null) return '—';
  if (s.unit === 'count' || s.unit === 'value') return formatChange(s.change, 'relative');
  // Points: a fraction's difference is 0.015 for 1.5 points, a percentage's 1.5.
  return formatChange(s.unit === 'fraction' ? s.change : s.change / 100, 'points');
}

/** A calendar day (`2025-12-01`) as `1 Dec 2025` / `Dec 1, 2025`, in the reader's language. */
export function formatDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
