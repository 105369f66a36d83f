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
import { daysInMonth, monthKeyFromNumber, monthNumber, previousMonth } from '../time';
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
  /**
   * Per month of the period, the days its export covers when that is only part of the month (an
   * export taken mid-month, X's "last 28 days"); null for a month covered whole, or not at all, or
   * whose coverage cannot be known (a report that lists only its days with a value).
   */
  partial: (number | null)[];
  /** The month before the period: its figure and partial coverage, for the first month's change. */
  before: { value: number | null; partial: number | null };
  /** Over the whole period: the sum, or the mean, of its days. */
  overall: number;
  /**
   * The period's last month against the month before: the relative change for counts and other
   * averages (0.25 = +25 %), the difference for shares (in their own unit: 1.5 points for
   * `percent`, 0.015 for `fraction`); null when either month has no value, a count or average was
   * 0 the month before, or either month of a count is covered only in part (`partial`).
   */
  change: number | null;
  /** (last − previous) ÷ previous for every unit, to sort changes of different units together. */
  relativeChange: number | null;
}

export interface DailyReports {
  months: MonthKey[];
  /** The month before the period's last one (the change's; before the period for a one-month period). */
  previous: MonthKey | null;
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
 * Which days an export covers. X's overview and LinkedIn's sheets list every day, zeros included:
 * a series covers the days it has. A Discourse report may list only its days with a value
 * (signups): one that lists every day between its first and last covers that range (per report:
 * keys `discourse:report:<report>:<column>:<day>`); one that skips days, whatever it was asked for.
 */
function listsEveryDay(source: string): boolean {
  return source === 'x' || source === 'linkedin';
}

function reportOf(key: string): string {
  return key.split(':').slice(0, 3).join(':');
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

/**
 * Which series a daily value belongs to: its stored key without the day (`x:daily:impressions`), so
 * that one series keeps one line whatever its header's capitals (`Media views`, `MEDIA VIEWS`) or
 * an earlier version's label; the name when a key has no day.
 */
export function seriesIdOf(key: string, name: string): string {
  return /:\d{4}-\d{2}-\d{2}$/.test(key) ? key.slice(0, -11) : `name\u0000${name}`;
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
  if (!period) return { months: [], previous: null, series: [], available, filteredOut };
  const months: MonthKey[] = [];
  for (let m = period.from; m <= period.to; m++) months.push(monthKeyFromNumber(m));
  // Months are counted from the one before the period (index 0), for the first month's change.
  const first = period.from - 1;
  const span = period.to - first + 1;

  interface Acc {
    name: string;
    source: string;
    key: string;
    byDay: Map<number, number>;
  }
  const bySeries = new Map<string, Acc>();
  /** Per Discourse report (all its days, in or out of the period): first and last day, the days it lists. */
  const reports = new Map<string, { first: number; last: number; days: Set<number> }>();
  const daily = ds.daily;
  for (let i = 0; i < daily.records.length; i++) {
    const m = daily.month[i] as number;
    const r = daily.records[i]!;
    if (!listsEveryDay(r.source)) {
      const id = reportOf(r.key);
      const e = reports.get(id);
      if (!e) reports.set(id, { first: r.day, last: r.day, days: new Set([r.day]) });
      else {
        e.first = Math.min(e.first, r.day);
        e.last = Math.max(e.last, r.day);
        e.days.add(r.day);
      }
    }
    if (m < first || m > period.to || !ctx.include[daily.source[i] as number]) continue;
    const id = seriesIdOf(r.key, r.series);
    let acc = bySeries.get(id);
    if (!acc) bySeries.set(id, (acc = { name: r.series, source: r.source, key: r.key, byDay: new Map() }));
    // The latest import names the series (an older import or a re-saved header may spell it otherwise).
    else acc.name = r.series;
    // One value a series a day: where two records give the same day, the later one in storage order.
    acc.byDay.set(r.day, r.value);
  }

  const series: DailySeriesView[] = [];
  for (const acc of bySeries.values()) {
    const all = [...acc.byDay.keys()].sort((a, b) => a - b);
    const unit = unitOf(acc.name, acc.key);
    const aggregation: DailyAggregation = unit === 'count' ? 'sum' : 'mean';
    const sums = new Array<number>(span).fill(0);
    const counts = new Array<number>(span).fill(0);
    const dayTimes: number[] = [];
    const values: number[] = [];
    for (const d of all) {
      const t = new Date(d);
      const idx = t.getUTCFullYear() * 12 + t.getUTCMonth() - first;
      const v = acc.byDay.get(d) as number;
      sums[idx]! += v;
      counts[idx]! += 1;
      if (idx > 0) {
        dayTimes.push(d);
        values.push(v);
      }
    }
    if (dayTimes.length === 0) continue; // only the month before the period
    const figure = sums.map((s, i) => (counts[i] === 0 ? null : aggregation === 'sum' ? s : s / counts[i]!));
    // Covered days per month: the series' own days where the export lists every day; a dense
    // Discourse report's range; unknown (whole) for a report that skips days.
    let covered: number[];
    if (listsEveryDay(acc.source)) covered = counts;
    else {
      const e = reports.get(reportOf(acc.key))!;
      const dense = e.days.size === Math.round((e.last - e.first) / DAY_MS) + 1;
      covered = counts.map((_, i) => {
        const m = first + i;
        const n = daysInMonth(m);
        if (!dense) return n;
        const start = Date.UTC(Math.floor(m / 12), m % 12, 1);
        const lo = Math.max(start, e.first);
        const hi = Math.min(start + (n - 1) * DAY_MS, e.last);
        return hi < lo ? 0 : Math.round((hi - lo) / DAY_MS) + 1;
      });
    }
    const partialAll = covered.map((c, i) => (c > 0 && c < daysInMonth(first + i) ? c : null));
    const monthly = figure.slice(1);
    const partial = partialAll.slice(1);
    const before = { value: figure[0] ?? null, partial: partialAll[0] ?? null };
    const total = values.reduce((a, b) => a + b, 0);
    const last = figure[span - 1] ?? null;
    const prev = figure[span - 2] ?? null;
    const relativeChange = last !== null && prev !== null && prev !== 0 ? (last - prev) / prev : null;
    const { change } = monthFigure({ unit, monthly, partial, before }, months, months[months.length - 1]!);
    series.push({
      name: acc.name,
      source: acc.source,
      label: seriesLabel(acc.source, acc.name),
      unit,
      aggregation,
      days: dayTimes.map(isoDay),
      values,
      monthly,
      partial,
      before,
      overall: aggregation === 'sum' ? total : total / values.length,
      change,
      relativeChange,
    });
  }
  series.sort((a, b) =>
    a.source < b.source ? -1 : a.source > b.source ? 1 : a.label.localeCompare(b.label, 'en'),
  );
  return { months, previous: monthKeyFromNumber(period.to - 1), series, available, filteredOut };
}

/**
 * A series' figure for one month of the period and its change over the month before (for the
 * first month, the one before the period), by the rules of `change` (a count is not compared when
 * either month is covered only in part); null without a value. `partial`: the month's covered days
 * when only part of it is.
 */
export function monthFigure(
  s: Pick<DailySeriesView, 'unit' | 'monthly' | 'partial' | 'before'>,
  months: readonly string[],
  month: string,
): { value: number | null; change: number | null; partial: number | null } {
  const i = months.indexOf(month);
  if (i < 0) return { value: null, change: null, partial: null };
  const value = s.monthly[i] ?? null;
  const partial = s.partial[i] ?? null;
  const prev = i > 0 ? (s.monthly[i - 1] ?? null) : s.before.value;
  const prevPartial = i > 0 ? (s.partial[i - 1] ?? null) : s.before.partial;
  if (value === null || prev === null) return { value, change: null, partial };
  if (s.unit === 'percent' || s.unit === 'fraction') return { value, change: value - prev, partial };
  if (prev === 0 || (s.unit === 'count' && (partial !== null || prevPartial !== null)))
    return { value, change: null, partial };
  return { value, change: (value - prev) / prev, partial };
}

/** Series whose last two months (the period's last and the one before) are covered only in part. */
export interface CoverageNote {
  /** Each such month with its covered days and its length. */
  months: { month: MonthKey; days: number; of: number }[];
  /** The series sharing that coverage. */
  labels: string[];
}

/** What the page says of exports that cover the last two months in part (their counts are not compared). */
export function coverageNotes(
  series: readonly DailySeriesView[],
  months: readonly MonthKey[],
): CoverageNote[] {
  if (months.length === 0) return [];
  const lastIdx = months.length - 1;
  const lastMonth = months[lastIdx]!;
  const prevMonth = previousMonth(lastMonth);
  const notes = new Map<string, CoverageNote>();
  for (const s of series) {
    const pairs: { month: MonthKey; days: number; of: number }[] = [];
    const prevPartial = lastIdx > 0 ? (s.partial[lastIdx - 1] ?? null) : s.before.partial;
    if (prevPartial !== null)
      pairs.push({ month: prevMonth, days: prevPartial, of: daysInMonth(monthNumber(prevMonth)) });
    const lastPartial = s.partial[lastIdx] ?? null;
    if (lastPartial !== null)
      pairs.push({ month: lastMonth, days: lastPartial, of: daysInMonth(monthNumber(lastMonth)) });
    if (pairs.length === 0) continue;
    const id = pairs.map((p) => `${p.month}:${p.days}`).join('|');
    const note = notes.get(id);
    if (note) note.labels.push(s.label);
    else notes.set(id, { months: pairs, labels: [s.label] });
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
  /** The month's covered days when the export covers only part of it (shown: "17 of 31 days"). */
  partial: number | null;
  /** The month's days. */
  days: number;
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
      out.push({
        source,
        title: platformTitle(source),
        label: best.s.label,
        unit: best.s.unit,
        ...best.f,
        days: daysInMonth(monthNumber(month)),
      });
  }
  return out;
}
