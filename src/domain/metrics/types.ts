import type { SourceSummary } from '../model/records';

/** Every monthly series of shared/spec/metrics.md §3, in the order the report lists them. */
export const SERIES_NAMES = [
  'active_members',
  'new_members',
  'contributions',
  'stickiness',
  'new_active',
  'retained',
  'resurrected',
  'churned',
  'quick_ratio',
  'threads',
  'median_ttfr_hours',
  'unanswered_share',
  'sentiment_positive_share',
  'sentiment_negative_share',
  'net_sentiment',
  'campaigns_sent',
  'emails_delivered',
  'open_rate',
  'click_rate',
  'click_to_open',
  'subscribers_total',
  'subscribers_net',
  'social_posts',
  'impressions',
  'engagements',
  'engagement_rate',
  'events',
  'attendees',
] as const;
export type SeriesName = (typeof SERIES_NAMES)[number];

/** Month key `YYYY-MM` in the report time zone. */
export type MonthKey = string;

export interface Kpi {
  value: number | null;
  previous: number | null;
  change: number | null;
  /** Counts change relatively; rates and shares in percentage points (as a fraction difference). */
  changeKind: 'relative' | 'points';
}

export interface RetentionCohort {
  cohort: MonthKey;
  size: number;
  active: number[];
  rate: number[];
}

export interface TopContributor {
  name: string;
  activities: number;
}

/** `hearth.report/1` (metrics.md §7): the browser download and the command print the same. */
export interface HearthReport {
  schema: 'hearth.report/1';
  timeZone: string;
  period: { from: MonthKey; to: MonthKey };
  months: MonthKey[];
  series: Record<SeriesName, (number | null)[]>;
  retention: RetentionCohort[];
  topContributors: TopContributor[];
  kpis: Record<SeriesName, Kpi>;
  totals: { members: number; activities: number; threads: number; subscribers: number };
  sources: SourceSummary[];
  /**
   * Not part of hearth.report/1 (left out of the JSON, see `reportJson`): every series over the
   * months with data before the period (`from` is the first; the last is the month before
   * `period.from`), so statements such as "the highest since March 2024" hold for all the data,
   * not only the period's months. Absent (or empty) when the period starts with the data.
   */
  earlier?: { from: MonthKey; series: Record<SeriesName, (number | null)[]> };
}

export interface ReportOptions {
  /** Report time zone (IANA); default UTC. */
  timeZone?: string;
  /** First and last month shown; default: all months with dated records. */
  from?: MonthKey;
  to?: MonthKey;
  /** Only these source namespaces (`discourse`, `slack`, …); default all. */
  sources?: string[];
}
