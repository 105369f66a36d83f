/**
 * The charts a report tells its story with, as data: the brief, the slides (Recharts) and the
 * self-contained HTML report (inline SVG) draw the same list from the same numbers.
 */
import { SERIES_INFO, seriesHasData } from '../highlights/series-info';
import type { HearthReport, SeriesName } from '../metrics/types';

export type ChartUnit = 'count' | 'percent' | 'hours';
export type ChartGroup =
  'growth' | 'retention' | 'sentiment' | 'responsiveness' | 'newsletter' | 'social' | 'events';

export interface ChartLine {
  key: string;
  label: string;
  values: (number | null)[];
  /** 1-based palette index (`--c1` … `--c5` in the app). */
  color: 1 | 2 | 3 | 4 | 5;
  dashed?: boolean;
}

export interface ChartSpec {
  id: string;
  group: ChartGroup;
  title: string;
  /** What the x axis counts: calendar months, or joining months (retention cohorts). */
  xLabel: 'month' | 'cohort';
  x: string[];
  unit: ChartUnit;
  lines: ChartLine[];
  /** One sentence saying how the numbers are computed. */
  definition: string;
}

function line(
  report: HearthReport,
  series: SeriesName,
  label: string,
  color: ChartLine['color'],
  dashed = false,
): ChartLine {
  return { key: series, label, values: report.series[series], color, ...(dashed ? { dashed } : {}) };
}

/** Retention lines: the share of each joining cohort active k months after joining. */
function retentionLines(report: HearthReport, months: string[]): ChartLine[] {
  const at = (k: number) =>
    months.map((m) => {
      const c = report.retention.find((r) => r.cohort === m);
      return c?.rate[k] ?? null;
    });
  return [
    { key: 'month1', label: 'Active 1 month after joining', values: at(1), color: 1 },
    { key: 'month3', label: 'Active 3 months after joining', values: at(3), color: 2, dashed: true },
  ];
}

/**
 * Every chart the report has data for, in story order: growth, retention, sentiment,
 * responsiveness (where the community has activity, and the chart a value), then newsletter,
 * social and events only where the exports hold them.
 */
export function reportCharts(report: HearthReport): ChartSpec[] {
  const months = report.months;
  if (months.length === 0) return [];
  const base = { xLabel: 'month' as const, x: months };
  const all: ChartSpec[] = [
    {
      ...base,
      id: 'growth',
      group: 'growth',
      title: 'Active and new members per month',
      unit: 'count',
      lines: [
        line(report, 'active_members', 'Active members', 1),
        line(report, 'new_members', 'New members', 2, true),
      ],
      definition:
        'Active members took part at least once in the month (post, reply, message, reaction, event); new members appeared for the first time. Bots are excluded.',
    },
    {
      ...base,
      id: 'flow',
      group: 'growth',
      title: 'Members who stayed, came back and went quiet',
      unit: 'count',
      lines: [
        line(report, 'retained', SERIES_INFO.retained.label, 3),
        line(report, 'resurrected', SERIES_INFO.resurrected.label, 4, true),
        line(report, 'churned', SERIES_INFO.churned.label, 5),
      ],
      definition:
        'Retained members: active this month and the month before. Returning members: active now, not last month, but some time earlier. Members who went quiet: active last month, not this month.',
    },
    {
      id: 'retention',
      group: 'retention',
      title: 'Retention of newcomers by joining month',
      xLabel: 'cohort',
      x: months,
      unit: 'percent',
      lines: retentionLines(report, months),
      definition:
        'For the members who joined in each month: the share who took part again one and three months later.',
    },
    {
      ...base,
      id: 'sentiment',
      group: 'sentiment',
      title: 'Sentiment of posts and messages',
      unit: 'percent',
      lines: [
        line(report, 'sentiment_positive_share', 'Positive', 3),
        line(report, 'sentiment_negative_share', 'Negative', 5, true),
        line(report, 'net_sentiment', 'Net (positive − negative)', 1),
      ],
      definition:
        'Each post, reply and message with text is scored on the device; the shares scored positive and negative, and their difference.',
    },
    {
      ...base,
      id: 'responsiveness',
      group: 'responsiveness',
      title: 'Median time to first response',
      unit: 'hours',
      lines: [line(report, 'median_ttfr_hours', 'Median time to first response', 2)],
      definition:
        'Over threads started in the month: the median time until someone other than the author replied.',
    },
    {
      ...base,
      id: 'unanswered',
      group: 'responsiveness',
      title: 'Threads that never got an answer',
      unit: 'percent',
      lines: [line(report, 'unanswered_share', 'Unanswered threads', 5)],
      definition:
        'The share of threads started in the month that no one other than the author ever replied to.',
    },
    {
      ...base,
      id: 'newsletter',
      group: 'newsletter',
      title: 'Newsletter opens and clicks',
      unit: 'percent',
      lines: [line(report, 'open_rate', 'Open rate', 1), line(report, 'click_rate', 'Click rate', 2, true)],
      definition:
        'Unique opens and unique clicks over the emails delivered by the campaigns sent in the month.',
    },
    {
      ...base,
      id: 'subscribers',
      group: 'newsletter',
      title: 'Newsletter subscribers',
      unit: 'count',
      lines: [line(report, 'subscribers_total', 'Subscribers at month end', 3)],
      definition:
        'Subscribers at the end of each month: subscriptions minus unsubscribes and cleaned addresses so far.',
    },
    {
      ...base,
      id: 'social',
      group: 'social',
      title: 'Social engagement rate',
      unit: 'percent',
      lines: [line(report, 'engagement_rate', 'Engagement rate', 4)],
      definition: 'Engagements over impressions of the social posts published in the month.',
    },
    {
      ...base,
      id: 'events',
      group: 'events',
      title: 'Event attendance',
      unit: 'count',
      lines: [line(report, 'attendees', 'Attendees', 1), line(report, 'events', 'Events', 2, true)],
      definition: 'Attendances recorded at the events held in the month, and the number of those events.',
    },
  ];
  // The community's own charts are shown whenever someone was active in the period (a month of zero
  // is news then); without anyone (a report of newsletter or social sources only) they would be flat
  // or empty axes, and a chart whose every value is missing (sentiment without texts, response times
  // without threads) says nothing.
  const community: ChartGroup[] = ['growth', 'retention', 'sentiment', 'responsiveness'];
  const active = seriesHasData(report, 'active_members');
  return all.filter((c) => {
    if (c.id === 'retention') return report.retention.length > 0;
    if (community.includes(c.group)) return active && c.lines.some((l) => l.values.some((v) => v !== null));
    return c.lines.some((l) => seriesHasData(report, l.key as SeriesName));
  });
}
