/**
 * The daily series imported from the platforms' own dashboards — Discourse admin reports, the X
 * account overview, LinkedIn page analytics (formats.md: "a named daily series shown beside
 * Hearth's own charts") — for the period and sources of the filters: the days with a value, a
 * month-by-month summary and the change of the period's last month over the month before.
 *
 * Hearth does not recompute these figures: a day's value is what the platform exported. They are
 * calendar days (stored as UTC midnight), so a day belongs to its own month in every report zone,
 * as in the default period (metrics.md §1).
 */
import { monthKeyFromNumber } from '../time';
import { getContext } from './context';
import type { Dataset } from './dataset';
import { resolvePeriod } from './report';
import type { MonthKey, ReportOptions } from './types';

/**
 * What a series' values are, which decides how its days add up to a month:
 * - `count` (impressions, new follows, posts): summed; a day the export leaves out is a 0;
 * - `percent` (Discourse's DAU/MAU, `Percent` columns: 26.87 means 26.87 %) and `fraction` (rates
 *   written as fractions: LinkedIn's engagement rate 0.0527) are averaged over the days given;
 * - `value` (averages, unique counts, times) is averaged too: summing it would overcount.
 */
export type DailyUnit = 'count' | 'percent' | 'fraction' | 'value';

/** How a series' days add up to a month: counts are summed, everything else averaged. */
export type DailyAggregation = 'sum' | 'mean';

export interface DailySeriesView {
  /** The stored series name, e.g. `x: Impressions`, `discourse: dau by mau`. */
  name: string;
  source: string;
  /** How people name it, without its source: `Impressions`, `DAU/MAU`, `Page views · Logged in users`. */
  label: string;
  unit: DailyUnit;
  aggregation: DailyAggregation;
  /** The days with a value in the period, ascending (`YYYY-MM-DD`), and their values. */
  days: string[];
  values: number[];
  /** Per month of the period (`DailyReports.months`): the sum or mean of its days; null when none has a value. */
  monthly: (number | null)[];
  /** Over the whole period: the sum, or the mean, of its days. */
  overall: number;
  /**
   * The period's last month against the month before: the relative change for counts and other
   * averages (0.25 = +25 %), the difference for shares (in their own unit: 1.5 points for
   * `percent`, 0.015 for `fraction`); null when either month has no value, a count or average was
   * 0 the month before, or a count's month is not wholly covered by its export (`coverage`).
   */
  change: number | null;
  /** (last − previous) ÷ previous for every unit, to sort changes of different units together. */
  relativeChange: number | null;
  /**
   * The days its export covers (`YYYY-MM-DD`, first and last; all the data, not only the period),
   * when that export lists every day between them — the X overview and LinkedIn sheets do; then a
   * month it covers only in part (an export taken mid-month, or one of the last 28 days) is
   * incomplete. Null for an export that skips days (Discourse's signups lists only days with
   * signups): where it ends says nothing of what it covers.
   */
  coverage: { first: string; last: string } | null;
}

export interface DailyReports {
  months: MonthKey[];
  /** By source, then by label (storage keeps no column order). */
  series: DailySeriesView[];
  /** The months holding daily values under the source filter, whatever the period; null when none. */
  available: { from: MonthKey; to: MonthKey } | null;
  /** True when daily values exist but the source filter leaves out every one of them. */
  filteredOut: boolean;
}

const PERCENT = /percent|%|dau.?by.?mau|dau\s*\/\s*mau/i;
const RATE = /\brate\b|\bratio\b/i;
const AVERAGE = /average|\bavg\b|\bmean\b|\bmedian\b|time to|\bunique\b/i;

/**
 * The unit of a series from its name and stored key (which keeps the exported column's name:
 * `discourse:report:dau_by_mau:percent:…`) — never from its values, which change with the period:
 * `Percent` columns and DAU/MAU are percentages (26.87), rates and ratios (LinkedIn's engagement
 * rate 0.0527) fractions.
 */
export function unitOf(name: string, key: string): DailyUnit {
  const text = `${name} ${key.replace(/[_-]/g, ' ')}`;
  if (PERCENT.test(text)) return 'percent';
  if (RATE.test(text)) return 'fraction';
  return AVERAGE.test(text) ? 'value' : 'count';
}

/**
 * The export a daily value came from, for its coverage: a Discourse report (its keys are
 * `discourse:report:<report>:<column>:<day>`), else the platform's daily export
 * (`x:daily:<column>:<day>`: the overview; LinkedIn's sheets share theirs).
 */
function exportOf(key: string): string {
  const parts = key.split(':');
  return parts[1] === 'report' ? parts.slice(0, 3).join(':') : `${parts[0]}:${parts[1]}`;
}

/** Whether `coverage` holds every day of `month` (`YYYY-MM`); true when unknown. */
export function monthCovered(coverage: DailySeriesView['coverage'], month: string): boolean {
  if (!coverage) return true;
  const [y, m] = month.split('-').map(Number) as [number, number];
  return coverage.first <= `${month}-01` && coverage.last >= isoDay(Date.UTC(y, m, 1) - DAY_MS);
}

/** Discourse report ids (from the export's file name) as its dashboard titles them. */
const DISCOURSE_REPORTS: Record<string, string> = {
  'dau by mau': 'DAU/MAU',
  'consolidated page views': 'Page views',
  'consolidated page views browser detection': 'Page views (browser detection)',
  'page view total reqs': 'Page views (total requests)',
  'site traffic': 'Site traffic',
  visits: 'User visits',
  'time to first response': 'Time to first response',
  'topics with no response': 'Topics with no response',
};

function capitalised(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** A series' label as people read it: `discourse: dau by mau` → `DAU/MAU`; `x: Impressions` → `Impressions`. */
export function seriesLabel(source: string, name: string): string {
  const prefix = `${source}: `;
  const bare = name.startsWith(prefix) ? name.slice(prefix.length) : name;
  // LinkedIn's "New followers" sheet counts the day's new followers in columns named "Total
  // followers", "Organic followers"…: read alone (a brief), "Total followers 5" looks like a size.
  const linkedin =
    source === 'linkedin' ? /^(total|organic|sponsored|auto-invited) followers$/i.exec(bare) : null;
  if (linkedin) return `New followers (${linkedin[1]!.toLowerCase()})`;
  if (source !== 'discourse') return bare;
  return bare
    .split(' · ')
    .map((part, i) => (i === 0 ? (DISCOURSE_REPORTS[part] ?? capitalised(part)) : capitalised(part)))
    .join(' · ');
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

export function dailyReports(ds: Dataset, options: ReportOptions): DailyReports {
  const ctx = getContext(ds, options);
  const f = ctx.filter;
  const available = Number.isNaN(f.minDayMonth)
    ? null
    : { from: monthKeyFromNumber(f.minDayMonth), to: monthKeyFromNumber(f.maxDayMonth) };
  const period = resolvePeriod(ctx, options);
  const filteredOut = available === null && ds.daily.records.length > 0;
  if (!period) return { months: [], series: [], available, filteredOut };
  const months: MonthKey[] = [];
  for (let m = period.from; m <= period.to; m++) months.push(monthKeyFromNumber(m));

  interface Acc {
    name: string;
    source: string;
    key: string;
    byDay: Map<number, number>;
  }
  const bySeries = new Map<string, Acc>();
  /** Per export (all its days, in or out of the period): first and last day, and the days it lists. */
  const exports = new Map<string, { first: number; last: number; days: Set<number> }>();
  const daily = ds.daily;
  for (let i = 0; i < daily.records.length; i++) {
    const m = daily.month[i] as number;
    const rec = daily.records[i]!;
    const ex = exportOf(rec.key);
    const e = exports.get(ex);
    if (!e) exports.set(ex, { first: rec.day, last: rec.day, days: new Set([rec.day]) });
    else {
      e.first = Math.min(e.first, rec.day);
      e.last = Math.max(e.last, rec.day);
      e.days.add(rec.day);
    }
    if (m < period.from || m > period.to || !ctx.include[daily.source[i] as number]) continue;
    const r = daily.records[i]!;
    const id = `${r.source}\u0000${r.series}`;
    let acc = bySeries.get(id);
    if (!acc) bySeries.set(id, (acc = { name: r.series, source: r.source, key: r.key, byDay: new Map() }));
    // One value a series a day: where two records give the same day, the later one in storage order.
    acc.byDay.set(r.day, r.value);
  }

  const series: DailySeriesView[] = [];
  for (const acc of bySeries.values()) {
    const dayTimes = [...acc.byDay.keys()].sort((a, b) => a - b);
    const values = dayTimes.map((d) => acc.byDay.get(d) as number);
    const unit = unitOf(acc.name, acc.key);
    const aggregation: DailyAggregation = unit === 'count' ? 'sum' : 'mean';
    const sums = new Array<number>(months.length).fill(0);
    const counts = new Array<number>(months.length).fill(0);
    dayTimes.forEach((d, i) => {
      const t = new Date(d);
      const idx = t.getUTCFullYear() * 12 + t.getUTCMonth() - period.from;
      sums[idx]! += values[i]!;
      counts[idx]! += 1;
    });
    const monthly = sums.map((s, i) => (counts[i] === 0 ? null : aggregation === 'sum' ? s : s / counts[i]!));
    const total = values.reduce((a, b) => a + b, 0);
    const last = monthly[monthly.length - 1] ?? null;
    const prev = monthly.length > 1 ? (monthly[monthly.length - 2] ?? null) : null;
    const e = exports.get(exportOf(acc.key))!;
    const dense = e.days.size === Math.round((e.last - e.first) / DAY_MS) + 1;
    const coverage = dense ? { first: isoDay(e.first), last: isoDay(e.last) } : null;
    const relativeChange = last !== null && prev !== null && prev !== 0 ? (last - prev) / prev : null;
    const { change } = monthFigure({ unit, monthly, coverage }, months, months[months.length - 1]!);
    series.push({
      name: acc.name,
      source: acc.source,
      label: seriesLabel(acc.source, acc.name),
      unit,
      aggregation,
      days: dayTimes.map(isoDay),
      values,
      monthly,
      overall: aggregation === 'sum' ? total : total / values.length,
      change,
      relativeChange,
      coverage,
    });
  }
  series.sort((a, b) =>
    a.source < b.source ? -1 : a.source > b.source ? 1 : a.label.localeCompare(b.label, 'en'),
  );
  return { months, series, available, filteredOut };
}

/**
 * A series' figure for one month of the period and its change over the month before, by the rules
 * of `change` (a count is not compared across a month its export covers in part); null without a value.
 */
export function monthFigure(
  s: Pick<DailySeriesView, 'unit' | 'monthly' | 'coverage'>,
  months: readonly string[],
  month: string,
): { value: number | null; change: number | null } {
  const i = months.indexOf(month);
  const value = i >= 0 ? (s.monthly[i] ?? null) : null;
  const prev = i > 0 ? (s.monthly[i - 1] ?? null) : null;
  if (value === null || prev === null) return { value, change: null };
  if (s.unit === 'percent' || s.unit === 'fraction') return { value, change: value - prev };
  if (prev === 0) return { value, change: null };
  if (s.unit === 'count' && !(monthCovered(s.coverage, month) && monthCovered(s.coverage, months[i - 1]!)))
    return { value, change: null };
  return { value, change: (value - prev) / prev };
}

/** An export that covers the period's last month, or the one before, only in part. */
export interface CoverageNote {
  first: string;
  last: string;
  /** Those of the last two months it covers in part. */
  incomplete: MonthKey[];
  /** The series read from it. */
  labels: string[];
}

/** What the page says of exports that cover the last two months in part (their counts are not compared). */
export function coverageNotes(
  series: readonly DailySeriesView[],
  months: readonly MonthKey[],
): CoverageNote[] {
  const lastTwo = months.slice(-2);
  const notes = new Map<string, CoverageNote>();
  for (const s of series) {
    if (!s.coverage) continue;
    const incomplete = lastTwo.filter((m) => !monthCovered(s.coverage, m));
    if (incomplete.length === 0) continue;
    const id = `${s.coverage.first}|${s.coverage.last}`;
    const note = notes.get(id);
    if (note) note.labels.push(s.label);
    else notes.set(id, { ...s.coverage, incomplete, labels: [s.label] });
  }
  return [...notes.values()];
}

/**
 * A series as its chart draws it: a count's every day from its first to its last (a day the export
 * leaves out is a 0: Discourse's signups report lists only days with signups), an average's days
 * as given (a missing day is unknown, and the line joins its neighbours).
 */
export function chartPoints(s: Pick<DailySeriesView, 'days' | 'values' | 'aggregation'>): {
  days: string[];
  values: number[];
} {
  if (s.aggregation === 'mean' || s.days.length === 0) return { days: s.days, values: s.values };
  const given = new Map(s.days.map((d, i) => [d, s.values[i] as number]));
  const days: string[] = [];
  const values: number[] = [];
  const end = Date.parse(`${s.days[s.days.length - 1]}T00:00:00Z`);
  for (let t = Date.parse(`${s.days[0]}T00:00:00Z`); t <= end; t += DAY_MS) {
    const d = isoDay(t);
    days.push(d);
    values.push(given.get(d) ?? 0);
  }
  return { days, values };
}

/** Traffic from bots and crawlers: never the series a page opens on when there is another. */
const MACHINE = /crawler|\bbots?\b|spider/i;

/**
 * The series a page charts first: the one with the largest numbers (X: Impressions; Discourse page
 * views over signups), leaving out crawler traffic, and among equals one named "total" (LinkedIn's
 * New followers (total) over New followers (organic)), else the first.
 */
export function headlineSeries<T extends Pick<DailySeriesView, 'values' | 'label'>>(
  series: readonly T[],
): T | undefined {
  const human = series.filter((s) => !MACHINE.test(s.label));
  let best: T | undefined;
  let bestTotal = Number.NEGATIVE_INFINITY;
  for (const s of human.length > 0 ? human : series) {
    const total = s.values.reduce((t, v) => t + Math.abs(v), 0);
    if (
      total > bestTotal ||
      (total === bestTotal && /\btotal\b/i.test(s.label) && !/\btotal\b/i.test(best?.label ?? ''))
    ) {
      best = s;
      bestTotal = total;
    }
  }
  return best;
}

/** What each platform's daily export is called in its own product. */
const PLATFORM_TITLES: Record<string, string> = {
  discourse: 'Discourse dashboard reports',
  x: 'X account analytics',
  linkedin: 'LinkedIn page analytics',
};

export function platformTitle(source: string): string {
  return PLATFORM_TITLES[source] ?? `${capitalised(source)} reports`;
}

/** One platform's headline figure for a month (the brief, the HTML report). */
export interface PlatformFigure {
  source: string;
  title: string;
  label: string;
  unit: DailyUnit;
  value: number | null;
  change: number | null;
}

/**
 * Each platform's headline figure for `month` of the period: among its series with a value that
 * month, the one with the largest value (leaving out crawlers; a "total" among equals), with its
 * change over the month before (`monthFigure`). Chosen from the month itself, so the browser's
 * brief and the command's report pick the same series whatever their periods.
 */
export function platformFigures(reports: DailyReports, month: string): PlatformFigure[] {
  const bySource = new Map<string, DailySeriesView[]>();
  for (const s of reports.series) bySource.set(s.source, [...(bySource.get(s.source) ?? []), s]);
  const out: PlatformFigure[] = [];
  for (const [source, list] of bySource) {
    const figures = list
      .map((s) => ({ s, f: monthFigure(s, reports.months, month) }))
      .filter((x) => x.f.value !== null)
      .map((x) => ({ ...x, label: x.s.label, values: [x.f.value as number] }));
    const best = headlineSeries(figures);
    if (best)
      out.push({ source, title: platformTitle(source), label: best.s.label, unit: best.s.unit, ...best.f });
  }
  return out;
}
