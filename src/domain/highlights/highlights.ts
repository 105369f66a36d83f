/**
 * Plain-language highlights of one month, generated from the report's numbers only (never from
 * member text): "Active members rose 12% to 1,204, the highest since May 2024", "Median first response
 * slowed from 4 h to 9 h". Pure: the brief, the slides and the HTML report show the same sentences.
 */
import type { HearthReport, SeriesName } from '../metrics/types';
import { addMonths } from '../time/months';
import { fmtCount, fmtHours, fmtPercent, monthLabel } from './format';
import { kpisForMonth, SERIES_INFO, seriesHasData } from './series-info';

export interface Highlight {
  /** Stable id (series name or `retention`/`no-data`), for React keys and tests. */
  id: string;
  text: string;
  tone: 'good' | 'bad' | 'neutral';
}

interface Candidate extends Highlight {
  score: number;
}

/** The series a highlight may speak about, with a weight for how much a leader cares. */
const FEATURED: { series: SeriesName; weight: number }[] = [
  { series: 'active_members', weight: 1.5 },
  { series: 'new_members', weight: 1.2 },
  { series: 'contributions', weight: 1 },
  { series: 'median_ttfr_hours', weight: 1.2 },
  { series: 'unanswered_share', weight: 1.2 },
  { series: 'net_sentiment', weight: 1 },
  { series: 'threads', weight: 0.8 },
  { series: 'stickiness', weight: 0.6 },
  { series: 'open_rate', weight: 1 },
  { series: 'subscribers_total', weight: 1 },
  { series: 'engagement_rate', weight: 0.8 },
  { series: 'attendees', weight: 0.8 },
];

/** Changes smaller than these read as "held steady". */
const STEADY_RELATIVE = 0.01;
const STEADY_POINTS = 0.0025;
/** How many earlier months a "highest since …" must be higher than before it is worth saying. */
const MIN_HISTORY_FOR_RECORD = 3;

export const MIN_HIGHLIGHTS = 3;
export const MAX_HIGHLIGHTS = 6;

function tone(series: SeriesName, direction: number): Highlight['tone'] {
  const better = SERIES_INFO[series].higherIsBetter;
  if (direction === 0 || better === null) return 'neutral';
  return direction > 0 === better ? 'good' : 'bad';
}

/**
 * The series' values before month `index` of the report, oldest first, with their months: the
 * months before the period (`report.earlier`) and the period's own, from the series' first non-zero
 * value on (a count is 0 in the months before its source's data starts). Months with no value
 * (null) are left out.
 */
function history(report: HearthReport, series: SeriesName, index: number): { month: string; value: number }[] {
  const before = report.earlier?.series[series] ?? [];
  const from = report.earlier?.from;
  const all = [
    ...before.map((value, i) => ({ month: addMonths(from ?? '', i), value })),
    ...report.series[series].slice(0, index).map((value, i) => ({ month: report.months[i]!, value })),
  ];
  const first = all.findIndex((x) => x.value !== null && x.value !== 0);
  return first < 0 ? [] : all.slice(first).filter((x): x is { month: string; value: number } => x.value !== null);
}

/**
 * A record over all the data (not only the period): ", the highest since March 2024" when March
 * 2024 is the last month at least as high and at least 3 months with a value lie between; ", the
 * highest on record" when no earlier month is as high (with at least 3 earlier months); ", matching
 * the highest on record (March 2024)" when the one as high is the highest of all. Lows likewise.
 */
function recordPhrase(report: HearthReport, series: SeriesName, index: number, value: number): { text: string; bonus: number } {
  const earlier = history(report, series, index);
  if (earlier.length < MIN_HISTORY_FOR_RECORD) return { text: '', bonus: 0 };
  for (const [word, beats] of [
    ['highest', (x: number) => x < value],
    ['lowest', (x: number) => x > value],
  ] as const) {
    let j = earlier.length - 1;
    while (j >= 0 && beats(earlier[j]!.value)) j--;
    if (j < 0) return { text: `, the ${word} on record`, bonus: 0.3 };
    if (earlier.length - 1 - j < MIN_HISTORY_FOR_RECORD) continue;
    const at = earlier[j]!;
    // As high as that month, and every month before it no higher: it equals the record.
    if (at.value === value && earlier.slice(0, j).every((x) => x.value === value || beats(x.value))) {
      return { text: `, matching the ${word} on record (${monthLabel(at.month)})`, bonus: 0.15 };
    }
    return { text: `, the ${word} since ${monthLabel(at.month)}`, bonus: 0.3 };
  }
  return { text: '', bonus: 0 };
}

function countCandidate(report: HearthReport, series: SeriesName, index: number, value: number, previous: number | null, weight: number): Candidate {
  const label = SERIES_INFO[series].label;
  const v = fmtCount(value);
  if (previous === null) return { id: series, text: `${label}: ${v}.`, tone: 'neutral', score: 0.01 * weight };
  const record = recordPhrase(report, series, index, value);
  if (previous === 0) {
    return value === 0
      ? { id: series, text: `${label}: none, as in the month before.`, tone: 'neutral', score: 0 }
      : { id: series, text: `${label} went from none to ${v}${record.text}.`, tone: tone(series, 1), score: weight + record.bonus };
  }
  const rel = (value - previous) / previous;
  if (Math.abs(rel) < STEADY_RELATIVE) {
    return { id: series, text: `${label} held steady at ${v}${record.text}.`, tone: 'neutral', score: 0.01 * weight + record.bonus / 3 };
  }
  const pct = fmtPercent(Math.abs(rel), Math.abs(rel) < 0.1 ? 1 : 0);
  return {
    id: series,
    text: `${label} ${rel > 0 ? 'rose' : 'fell'} ${pct} to ${v}${record.text}.`,
    tone: tone(series, Math.sign(rel)),
    score: Math.min(Math.abs(rel), 2) * weight + record.bonus,
  };
}

function hoursCandidate(series: SeriesName, value: number, previous: number | null, weight: number): Candidate {
  const label = SERIES_INFO[series].label.replace('time to first response', 'first response');
  if (previous === null) return { id: series, text: `${label} was ${fmtHours(value)}.`, tone: 'neutral', score: 0.01 * weight };
  const [from, to] = [fmtHours(previous), fmtHours(value)];
  const rel = previous === 0 ? (value === 0 ? 0 : 1) : (value - previous) / previous;
  if (from === to || Math.abs(rel) < 0.05) return { id: series, text: `${label} held at ${to}.`, tone: 'neutral', score: 0.01 * weight };
  // For a response time, higher is worse: it "slowed" or "improved".
  const worse = value > previous;
  return {
    id: series,
    text: `${label} ${worse ? 'slowed' : 'improved'} from ${from} to ${to}.`,
    tone: tone(series, Math.sign(value - previous)),
    score: Math.min(Math.abs(rel), 2) * weight,
  };
}

function rateCandidate(series: SeriesName, value: number, previous: number | null, weight: number): Candidate {
  const info = SERIES_INFO[series];
  const fmt = (x: number) => fmtPercent(x, 1, info.signed);
  if (previous === null) return { id: series, text: `${info.label}: ${fmt(value)}.`, tone: 'neutral', score: 0.01 * weight };
  const points = value - previous;
  if (Math.abs(points) < STEADY_POINTS) return { id: series, text: `${info.label} held at ${fmt(value)}.`, tone: 'neutral', score: 0.01 * weight };
  return {
    id: series,
    text: `${info.label} ${points > 0 ? 'rose' : 'fell'} from ${fmt(previous)} to ${fmt(value)}.`,
    tone: tone(series, Math.sign(points)),
    // 5 points count about as much as a 20% change in a count.
    score: Math.min(Math.abs(points) * 4, 2) * weight,
  };
}

/** "Of the 40 members who joined in February 2025, 12 (30%) took part again in March 2025." */
function retentionCandidate(report: HearthReport, month: string, index: number): Candidate | null {
  const prevMonth = index >= 1 ? report.months[index - 1] : undefined;
  const cohort = prevMonth ? report.retention.find((c) => c.cohort === prevMonth) : undefined;
  const active = cohort?.active[1];
  const rate = cohort?.rate[1];
  if (!cohort || cohort.size === 0 || active === undefined || rate === undefined) return null;
  const who = cohort.size === 1 ? 'member who joined' : 'members who joined';
  return {
    id: 'retention',
    text: `Of the ${fmtCount(cohort.size)} ${who} in ${monthLabel(cohort.cohort)}, ${fmtCount(active)} (${fmtPercent(rate, 0)}) took part again in ${monthLabel(month)}.`,
    tone: 'neutral',
    score: 0.2,
  };
}

function noData(month: string, inReport: boolean): Highlight[] {
  const text = inReport ? `No community activity was recorded in ${monthLabel(month)}.` : `There are no figures for ${monthLabel(month)}.`;
  return [{ id: 'no-data', text, tone: 'neutral' }];
}

/**
 * 3–6 highlights of `month` (default: the period's last month), most newsworthy first, the active
 * members sentence always leading when there is one. Months with nothing recorded give one sentence
 * saying so; months with few figures may give fewer than three.
 */
export function generateHighlights(report: HearthReport, month: string | undefined = report.months[report.months.length - 1]): Highlight[] {
  if (month === undefined) return noData('', false);
  const index = report.months.indexOf(month);
  if (index < 0) return noData(month, false);
  const kpis = kpisForMonth(report, month);
  const anything = FEATURED.some(({ series }) => {
    const v = kpis[series].value;
    return v !== null && v !== 0;
  });
  if (!anything) return noData(month, true);

  const candidates: Candidate[] = [];
  for (const { series, weight } of FEATURED) {
    const { value, previous } = kpis[series];
    // A count with nothing in any month of the period (e.g. members when only a newsletter is
    // imported): no sentence ("Active members: none, as in the month before" reads as a dead community).
    if (value === null || (SERIES_INFO[series].unit === 'count' && !seriesHasData(report, series))) continue;
    const unit = SERIES_INFO[series].unit;
    if (unit === 'hours') candidates.push(hoursCandidate(series, value, previous, weight));
    else if (unit === 'rate') candidates.push(rateCandidate(series, value, previous, weight));
    else candidates.push(countCandidate(report, series, index, value, previous, weight));
  }
  const retention = retentionCandidate(report, month, index);
  if (retention) candidates.push(retention);
  // With nothing to compare against (the first month), say so once, leading.
  const comparable = FEATURED.some(({ series }) => kpis[series].previous !== null);
  if (!comparable) {
    candidates.unshift({ id: 'first-month', text: `${monthLabel(month)} is the first month of the period: there is no earlier month to compare with.`, tone: 'neutral', score: Infinity });
  }

  const lead = candidates.find((c) => c.id === 'active_members');
  // Stable sort: ties keep FEATURED order, so the same numbers always give the same sentences.
  const ranked = candidates.filter((c) => c !== lead).sort((a, b) => b.score - a.score);
  const ordered = lead ? (comparable ? [lead, ...ranked] : [ranked[0]!, lead, ...ranked.slice(1)]) : ranked;
  const meaningful = ordered.filter((c) => c.score > 0.05 || c === lead);
  const picked = meaningful.length >= MIN_HIGHLIGHTS ? meaningful : ordered.slice(0, MIN_HIGHLIGHTS);
  return picked.slice(0, MAX_HIGHLIGHTS).map(({ id, text, tone }) => ({ id, text, tone }));
}
