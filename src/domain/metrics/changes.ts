/**
 * Change over the previous month (metrics.md §6) and the KPI cards. Counts (and quantities such as
 * hours) change relatively: (v[m] − v[m−1]) ÷ v[m−1], null when v[m−1] is 0 or either is null.
 * Rates, shares and ratios change as the plain difference v[m] − v[m−1] (percentage points for
 * fractions), null when either is null. See docs/metrics.md for which series are which.
 */
import { SERIES_NAMES, type Kpi, type SeriesName } from './types';

export const CHANGE_KIND: Record<SeriesName, Kpi['changeKind']> = {
  active_members: 'relative',
  new_members: 'relative',
  contributions: 'relative',
  stickiness: 'points',
  new_active: 'relative',
  retained: 'relative',
  resurrected: 'relative',
  churned: 'relative',
  quick_ratio: 'points',
  threads: 'relative',
  median_ttfr_hours: 'relative',
  unanswered_share: 'points',
  sentiment_positive_share: 'points',
  sentiment_negative_share: 'points',
  net_sentiment: 'points',
  campaigns_sent: 'relative',
  emails_delivered: 'relative',
  open_rate: 'points',
  click_rate: 'points',
  click_to_open: 'points',
  subscribers_total: 'relative',
  subscribers_net: 'relative',
  social_posts: 'relative',
  impressions: 'relative',
  engagements: 'relative',
  engagement_rate: 'points',
  events: 'relative',
  attendees: 'relative',
};

export function change(value: number | null, previous: number | null, kind: Kpi['changeKind']): number | null {
  if (value === null || previous === null) return null;
  if (kind === 'points') return value - previous;
  return previous === 0 ? null : (value - previous) / previous;
}

/** Change of every month of a series against the month before (`prev` is the value before the first). */
export function changeSeries(values: readonly (number | null)[], prev: number | null, kind: Kpi['changeKind']): (number | null)[] {
  return values.map((v, i) => change(v, i === 0 ? prev : (values[i - 1] as number | null), kind));
}

/** A KPI per series: the value at axis index `m` against `m − 1`. */
export function kpis(series: Record<SeriesName, readonly (number | null)[]>, m: number): Record<SeriesName, Kpi> {
  const out = {} as Record<SeriesName, Kpi>;
  for (const name of SERIES_NAMES) {
    const s = series[name];
    const value = m >= 0 ? (s[m] ?? null) : null;
    const previous = m >= 1 ? (s[m - 1] ?? null) : null;
    const changeKind = CHANGE_KIND[name];
    out[name] = { value, previous, change: change(value, previous, changeKind), changeKind };
  }
  return out;
}
