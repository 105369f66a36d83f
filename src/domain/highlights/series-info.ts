import { kpis } from '../metrics/changes';
import type { HearthReport, Kpi, SeriesName } from '../metrics/types';
import { fmtChange, fmtCount, fmtHours, fmtPercent } from './format';

/** How a series reads: its label, its unit and which way is good (null: neither). */
export interface SeriesInfo {
  label: string;
  unit: 'count' | 'rate' | 'hours' | 'ratio';
  higherIsBetter: boolean | null;
  /** Signed rates (net sentiment) print "+18%". */
  signed?: boolean;
}

export const SERIES_INFO: Record<SeriesName, SeriesInfo> = {
  active_members: { label: 'Active members', unit: 'count', higherIsBetter: true },
  new_members: { label: 'New members', unit: 'count', higherIsBetter: true },
  contributions: { label: 'Contributions', unit: 'count', higherIsBetter: true },
  stickiness: { label: 'Stickiness (DAU/MAU)', unit: 'rate', higherIsBetter: true },
  new_active: { label: 'First-time contributors', unit: 'count', higherIsBetter: true },
  retained: { label: 'Retained members', unit: 'count', higherIsBetter: true },
  resurrected: { label: 'Returning members', unit: 'count', higherIsBetter: true },
  churned: { label: 'Members who went quiet', unit: 'count', higherIsBetter: false },
  quick_ratio: { label: 'Quick ratio', unit: 'ratio', higherIsBetter: true },
  threads: { label: 'New threads', unit: 'count', higherIsBetter: true },
  median_ttfr_hours: { label: 'Median time to first response', unit: 'hours', higherIsBetter: false },
  unanswered_share: { label: 'Unanswered threads', unit: 'rate', higherIsBetter: false },
  sentiment_positive_share: { label: 'Positive posts', unit: 'rate', higherIsBetter: true },
  sentiment_negative_share: { label: 'Negative posts', unit: 'rate', higherIsBetter: false },
  net_sentiment: { label: 'Net sentiment', unit: 'rate', higherIsBetter: true, signed: true },
  campaigns_sent: { label: 'Newsletter campaigns', unit: 'count', higherIsBetter: null },
  emails_delivered: { label: 'Emails delivered', unit: 'count', higherIsBetter: null },
  open_rate: { label: 'Newsletter open rate', unit: 'rate', higherIsBetter: true },
  click_rate: { label: 'Newsletter click rate', unit: 'rate', higherIsBetter: true },
  click_to_open: { label: 'Click-to-open rate', unit: 'rate', higherIsBetter: true },
  subscribers_total: { label: 'Newsletter subscribers', unit: 'count', higherIsBetter: true },
  subscribers_net: { label: 'Net new subscribers', unit: 'count', higherIsBetter: true },
  social_posts: { label: 'Social posts', unit: 'count', higherIsBetter: null },
  impressions: { label: 'Social impressions', unit: 'count', higherIsBetter: true },
  engagements: { label: 'Social engagements', unit: 'count', higherIsBetter: true },
  engagement_rate: { label: 'Social engagement rate', unit: 'rate', higherIsBetter: true },
  events: { label: 'Events', unit: 'count', higherIsBetter: null },
  attendees: { label: 'Event attendees', unit: 'count', higherIsBetter: true },
};

/** A series value in its unit ("1,204", "12.5%", "6.8 h", "4.4"). */
export function formatSeriesValue(name: SeriesName, v: number | null, countDigits = 0): string {
  const info = SERIES_INFO[name];
  if (info.unit === 'rate') return fmtPercent(v, 1, info.signed);
  if (info.unit === 'hours') return fmtHours(v);
  if (info.unit === 'ratio') return fmtCount(v, 1);
  return fmtCount(v, countDigits);
}

/**
 * A change in the series' terms: "+12%" for counts, "+3.2 pts" for rates and shares, and a plain
 * difference ("+0.5") for ratios such as the quick ratio, which are not percentages.
 */
export function formatSeriesChange(name: SeriesName, change: number | null, kind: Kpi['changeKind']): string {
  if (SERIES_INFO[name].unit === 'ratio' && kind === 'points' && change !== null) {
    const abs = fmtCount(Math.abs(change), 1);
    return `${abs === '0' ? '±' : change > 0 ? '+' : '−'}${abs}`;
  }
  return fmtChange(change, kind);
}

/**
 * The KPIs of any month of the report: its value against the month before (metrics.md §6). The
 * period's last month uses the report's own `kpis` (which may compare against a month before the
 * period); other months compare inside the report's months. Unknown months give all-null KPIs.
 */
export function kpisForMonth(report: HearthReport, month: string): Record<SeriesName, Kpi> {
  const i = report.months.indexOf(month);
  if (i === report.months.length - 1 && i >= 0) return report.kpis;
  return kpis(report.series, i);
}

/** Whether a series has anything to show in the report: a non-null, non-zero value in some month. */
export function seriesHasData(report: HearthReport, name: SeriesName): boolean {
  return report.series[name].some((v) => v !== null && v !== 0);
}

/**
 * Which way a change goes as it is shown (`formatSeriesChange`, one decimal): a change that reads
 * "±0" is flat, so its arrow and colour never contradict its text; null without a comparison.
 */
export function changeDirection(name: SeriesName, change: number | null): 'up' | 'down' | 'flat' | null {
  if (change === null) return null;
  const shown = SERIES_INFO[name].unit === 'ratio' ? Math.abs(change) : Math.abs(change) * 100;
  if (shown < 0.05) return 'flat';
  return change > 0 ? 'up' : 'down';
}

/** The arrow beside a change: ▲ up, ▼ down, ■ no change; empty without a comparison. */
export function changeArrow(name: SeriesName, change: number | null): string {
  const dir = changeDirection(name, change);
  return dir === null ? '' : dir === 'up' ? '▲' : dir === 'down' ? '▼' : '■';
}

/** Good / bad / neutral reading of a change, for colour and words (neutral when it reads "±0"). */
export function changeTone(name: SeriesName, change: number | null): 'good' | 'bad' | 'neutral' {
  const better = SERIES_INFO[name].higherIsBetter;
  const dir = changeDirection(name, change);
  if (better === null || dir === null || dir === 'flat') return 'neutral';
  return (dir === 'up') === better ? 'good' : 'bad';
}

/** The headline figures of a brief, a slide and the HTML report (the Overview's KPI cards). */
export const HEADLINE_KPIS: SeriesName[] = [
  'active_members',
  'new_members',
  'contributions',
  'stickiness',
  'median_ttfr_hours',
  'unanswered_share',
  'net_sentiment',
  'open_rate',
  'subscribers_total',
  'engagement_rate',
  'attendees',
];
