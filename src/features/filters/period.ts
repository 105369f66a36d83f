/**
 * Period presets and comparison periods (pure). Months are `YYYY-MM` keys; the default period is
 * the last 12 months of the data (metrics.md §1).
 */
import { addMonths, monthsBetween } from '../../domain/time';

export const PRESETS = [
  { id: 'last-3', label: 'Last 3 months' },
  { id: 'last-6', label: 'Last 6 months' },
  { id: 'last-12', label: 'Last 12 months' },
  { id: 'this-year', label: 'This year' },
  { id: 'last-year', label: 'Last year' },
  { id: 'all', label: 'All time' },
  { id: 'custom', label: 'Custom range' },
] as const;
export type PresetId = (typeof PRESETS)[number]['id'];

export type CompareMode = 'off' | 'previous' | 'year';

export interface Period {
  from: string;
  to: string;
}

/** The data's extent (the engine's default period) — null when nothing is imported. */
export interface DataExtent {
  from: string;
  to: string;
}

function clampFrom(from: string, extent: DataExtent): string {
  return from < extent.from ? extent.from : from;
}

/**
 * The period a preset stands for. "Last n months" end at the latest month with data and never
 * start before the first; "this year"/"last year" are calendar years of `today` (a month key).
 */
export function presetPeriod(preset: PresetId, extent: DataExtent, today: string, custom?: Partial<Period>): Period {
  switch (preset) {
    case 'last-3':
      return { from: clampFrom(addMonths(extent.to, -2), extent), to: extent.to };
    case 'last-6':
      return { from: clampFrom(addMonths(extent.to, -5), extent), to: extent.to };
    case 'last-12':
      return { from: clampFrom(addMonths(extent.to, -11), extent), to: extent.to };
    case 'this-year':
      return { from: `${today.slice(0, 4)}-01`, to: today };
    case 'last-year': {
      const y = String(Number(today.slice(0, 4)) - 1).padStart(4, '0');
      return { from: `${y}-01`, to: `${y}-12` };
    }
    case 'all':
      return { ...extent };
    case 'custom': {
      const from = custom?.from ?? clampFrom(addMonths(extent.to, -11), extent);
      const to = custom?.to ?? extent.to;
      return from <= to ? { from, to } : { from: to, to: from };
    }
  }
}

/** The period compared against: the same number of months just before, or a year earlier. */
export function comparePeriod(p: Period, mode: Exclude<CompareMode, 'off'>): Period {
  if (mode === 'year') return { from: addMonths(p.from, -12), to: addMonths(p.to, -12) };
  const len = monthsBetween(p.from, p.to) + 1;
  return { from: addMonths(p.from, -len), to: addMonths(p.from, -1) };
}

/** The current month key of an instant in a zone (for "this year"). */
export function monthOfNow(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(now);
  const y = parts.find((x) => x.type === 'year')?.value ?? '1970';
  const m = parts.find((x) => x.type === 'month')?.value ?? '01';
  return `${y}-${m}`;
}

/**
 * What the period on screen holds of the data, when the user should know it: a period past the
 * data's last month (or before its first) shows no activity; a period ending in the data's last
 * month, when the data stops more than two days before that month ends (an export taken
 * mid-month, or a zone east of the data's), shows that month incomplete, and the KPI cards compare
 * it with a full month. `lastAt` is the latest dated record (DataMeta); `monthEndMs` is when the
 * period's last month ends in the report zone.
 */
export function coverageNote(period: Period, extent: DataExtent, lastAt: number | null, monthEndMs: number, formatMonthKey: (m: string) => string, formatAt: (ms: number) => string): string | null {
  if (period.from > extent.to) return `Your data ends in ${formatMonthKey(extent.to)}: this period holds none of it.`;
  if (period.to < extent.from) return `Your data starts in ${formatMonthKey(extent.from)}: this period holds none of it.`;
  if (period.to > extent.to) return `Your data ends in ${formatMonthKey(extent.to)}: the months after it show no activity.`;
  if (period.to === extent.to && lastAt !== null && monthEndMs - lastAt > 2 * 86_400_000) {
    return `The latest data is from ${formatAt(lastAt)}: ${formatMonthKey(extent.to)} may be incomplete.`;
  }
  return null;
}
