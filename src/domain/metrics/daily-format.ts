/**
 * How the platforms' daily figures read (Platform reports, the brief, the HTML report): each in its
 * unit — counts as counts, percentages with "%", rates written as fractions as percentages — and a
 * month's change as a relative change for counts and averages, in points for shares. `locale`
 * undefined is the reader's (pages); the HTML report passes `en-US`, as the rest of it reads.
 */
import type { DailySeriesView, DailyUnit, PlatformFigure } from './daily-reports';

function plain(v: number, digits: number, locale?: string, fixed = false): string {
  return v.toLocaleString(locale, {
    maximumFractionDigits: digits,
    minimumFractionDigits: fixed ? digits : 0,
  });
}

function signed(v: number, text: string): string {
  return `${v > 0 ? '+' : v < 0 ? '−' : '±'}${text}`;
}

/**
 * A value in its series' unit: `11,423`, `26.9%` (a percentage), `5.27%` (a fraction), `3.25`.
 * Percents keep their decimals (`3.40%`, not `3.4%`), so a table column of them lines up.
 */
export function formatDailyValue(v: number | null | undefined, unit: DailyUnit, locale?: string): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (unit === 'fraction') return `${plain(v * 100, 2, locale, true)}%`;
  if (unit === 'percent') return `${plain(v, 1, locale, true)}%`;
  return plain(v, 2, locale);
}

/** An axis tick in its series' unit: as formatDailyValue, without trailing zeros (`4%`, not `4.00%`). */
export function formatDailyTick(v: number, unit: DailyUnit, locale?: string): string {
  if (!Number.isFinite(v)) return '—';
  if (unit === 'fraction') return `${plain(v * 100, 2, locale)}%`;
  if (unit === 'percent') return `${plain(v, 1, locale)}%`;
  return plain(v, 2, locale);
}

/** The y axis title of a series' chart. */
export function dailyAxisTitle(unit: DailyUnit): string {
  return unit === 'count' ? 'count per day' : unit === 'value' ? 'daily value' : '%';
}

/** A month's change: `−45.8%` for counts and other averages, `+1.6 pts` for shares; `—` without one. */
export function formatDailyChange(s: Pick<DailySeriesView, 'unit' | 'change'>, locale?: string): string {
  const c = s.change;
  if (c === null || !Number.isFinite(c)) return '—';
  if (s.unit === 'count' || s.unit === 'value') return signed(c, `${plain(Math.abs(c) * 100, 1, locale)}%`);
  // Points: a fraction's difference is 0.015 for 1.5 points, a percentage's 1.5.
  const points = s.unit === 'fraction' ? c * 100 : c;
  return signed(points, `${plain(Math.abs(points), 1, locale)} pts`);
}

/** A calendar day (`2025-12-01`) as `1 Dec 2025` / `Dec 1, 2025`, in the reader's language. */
export function formatDay(day: string, locale?: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** A platform figure as a brief, a slide and the HTML report name it: `X account analytics: Impressions (17 of 31 days)`. */
export function figureName(f: Pick<PlatformFigure, 'title' | 'label' | 'partial' | 'days'>): string {
  return `${f.title}: ${f.label}${f.partial !== null ? ` (${f.partial} of ${f.days} days)` : ''}`;
}
