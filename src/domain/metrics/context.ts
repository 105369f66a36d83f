/**
 * The per-call view of a Dataset: a month axis in the report zone, each activity's month and day,
 * the source filter and the members under it. Zone- and filter-level pieces are memoised on the
 * dataset so a period change re-slices without rescanning.
 */
import { assertTimeZone, bucketOf, dayTable, monthNumberOf, monthNumber, monthStarts, type DayTable } from '../time';
import type { Dataset } from './dataset';
import type { ReportOptions } from './types';

/** "No month" in Int32 month columns. */
export const NO_MONTH = -0x7fffffff;

interface ZoneIndex {
  days: DayTable;
  /** Day index (into `days`) of each activity. */
  actDay: Int32Array;
  /** Absolute month number of each activity. */
  actMonth: Int32Array;
}

interface FilterIndex {
  include: Uint8Array;
  all: boolean;
  /** Per person: in a roster of an included source. */
  roster: Uint8Array;
  /** Per person: earliest join date over included sources' records (NaN when none). */
  joinedAt: Float64Array;
  /** Earliest and latest dated record under the filter (NaN when none). */
  minAt: number;
  maxAt: number;
  /** Earliest and latest month (absolute month number) of the daily values under the filter (NaN when none). */
  minDayMonth: number;
  maxDayMonth: number;
  /** Activity index range holding included activities (for fast skips). */
}

export interface MetricContext {
  ds: Dataset;
  timeZone: string;
  include: Uint8Array;
  /** True when every source is included. */
  all: boolean;
  /** Absolute month number of axis index 0; the axis runs `axisLen` months. */
  axisStart: number;
  axisLen: number;
  /** First instant of each axis month; `axisLen + 1` values. */
  monthStartsMs: Float64Array;
  zone: ZoneIndex;
  filter: FilterIndex;
  /** Default period (absolute month numbers) from the dated records under the filter; null when there are none. */
  dataFrom: number | null;
  dataTo: number | null;
  /** Per person: axis month of first_seen (NO_MONTH when not a member or undated), member flag, first activity index. */
  firstSeen: Int32Array;
  member: Uint8Array;
  key: string;
}

function memo<T>(ds: Dataset, key: string, make: () => T): T {
  if (ds.cache.has(key)) return ds.cache.get(key) as T;
  const v = make();
  ds.cache.set(key, v);
  return v;
}

function zoneIndex(ds: Dataset, timeZone: string): ZoneIndex {
  return memo(ds, `zone|${timeZone}`, () => {
    const n = ds.n;
    const actDay = new Int32Array(n);
    const actMonth = new Int32Array(n);
    if (n === 0) return { days: { starts: new Float64Array(1), month: new Int32Array(1), dayOfMonth: new Uint8Array(1) }, actDay, actMonth };
    const days = dayTable(ds.at[0] as number, ds.at[n - 1] as number, timeZone);
    let d = 0;
    let next = days.starts[1] as number;
    for (let i = 0; i < n; i++) {
      const t = ds.at[i] as number;
      while (t >= next) {
        d++;
        next = days.starts[d + 1] as number;
      }
      actDay[i] = d;
      actMonth[i] = days.month[d] as number;
    }
    return { days, actDay, actMonth };
  });
}

function filterIndex(ds: Dataset, sources: readonly string[] | undefined): FilterIndex {
  const all = !sources;
  const key = `filter|${all ? '*' : [...sources].sort().join(',')}`;
  return memo(ds, key, () => {
    const include = new Uint8Array(Math.max(1, ds.sources.length));
    const wanted = new Set(sources ?? ds.sources);
    ds.sources.forEach((s, i) => (include[i] = wanted.has(s) ? 1 : 0));
    const P = ds.persons.length;
    const roster = new Uint8Array(P);
    const joinedAt = new Float64Array(P).fill(Number.NaN);
    let minAt = Number.POSITIVE_INFINITY;
    let maxAt = Number.NEGATIVE_INFINITY;
    for (let p = 0; p < P; p++) {
      for (const f of ds.personFacts[p] ?? []) {
        if (!include[f.source]) continue;
        if (f.roster) roster[p] = 1;
        if (!Number.isNaN(f.joinedAt)) {
          if (Number.isNaN(joinedAt[p] as number) || f.joinedAt < (joinedAt[p] as number)) joinedAt[p] = f.joinedAt;
          if (f.joinedAt < minAt) minAt = f.joinedAt;
          if (f.joinedAt > maxAt) maxAt = f.joinedAt;
        }
      }
    }
    const scan = (at: Float64Array, src: Uint16Array) => {
      for (let i = 0; i < at.length; i++)
        if (include[src[i] as number]) {
          if ((at[i] as number) < minAt) minAt = at[i] as number;
          break;
        }
      for (let i = at.length - 1; i >= 0; i--)
        if (include[src[i] as number]) {
          if ((at[i] as number) > maxAt) maxAt = at[i] as number;
          break;
        }
    };
    scan(ds.at, ds.source);
    scan(ds.campaigns.at, ds.campaigns.source);
    scan(ds.subscriptions.at, ds.subscriptions.source);
    scan(ds.social.at, ds.social.source);
    const other = ds.otherDated;
    for (let i = 0; i < other.at.length; i++) {
      if (!include[other.source[i] as number]) continue;
      const t = other.at[i] as number;
      if (t < minAt) minAt = t;
      if (t > maxAt) maxAt = t;
    }
    let minDayMonth = Number.POSITIVE_INFINITY;
    let maxDayMonth = Number.NEGATIVE_INFINITY;
    const days = ds.daily;
    for (let i = 0; i < days.month.length; i++) {
      if (!include[days.source[i] as number]) continue;
      const m = days.month[i] as number;
      if (m < minDayMonth) minDayMonth = m;
      if (m > maxDayMonth) maxDayMonth = m;
    }
    return {
      include,
      all: all || ds.sources.every((s) => wanted.has(s)),
      roster,
      joinedAt,
      minAt: Number.isFinite(minAt) ? minAt : Number.NaN,
      maxAt: Number.isFinite(maxAt) ? maxAt : Number.NaN,
      minDayMonth: Number.isFinite(minDayMonth) ? minDayMonth : Number.NaN,
      maxDayMonth: Number.isFinite(maxDayMonth) ? maxDayMonth : Number.NaN,
    };
  });
}

/** First and last month (absolute month numbers, report zone) holding a dated record under a filter. */
function dataMonths(f: FilterIndex, timeZone: string): [number | null, number | null] {
  const lo: number[] = [];
  const hi: number[] = [];
  if (!Number.isNaN(f.minAt)) {
    lo.push(monthNumberOf(f.minAt, timeZone));
    hi.push(monthNumberOf(f.maxAt, timeZone));
  }
  if (!Number.isNaN(f.minDayMonth)) {
    lo.push(f.minDayMonth);
    hi.push(f.maxDayMonth);
  }
  return lo.length ? [Math.min(...lo), Math.max(...hi)] : [null, null];
}

/**
 * The latest dated record's instant under the context's source filter (to tell how far into its
 * month the data reaches); null without one, or when the latest month is known only from daily
 * report series (a day, no time).
 */
export function lastDatedAt(ctx: MetricContext): number | null {
  const f = ctx.filter;
  if (Number.isNaN(f.maxAt)) return null;
  if (!Number.isNaN(f.maxDayMonth) && f.maxDayMonth > monthNumberOf(f.maxAt, ctx.timeZone)) return null;
  return f.maxAt;
}

/**
 * Build (or fetch) the context for a zone, a source filter and a requested period. The axis starts
 * one month before the earlier of the data and the period (so `m − 1` always exists) and ends at the
 * later of both.
 */
export function getContext(ds: Dataset, options: ReportOptions): MetricContext {
  const timeZone = options.timeZone ?? 'UTC';
  assertTimeZone(timeZone);
  const zone = zoneIndex(ds, timeZone);
  const filter = filterIndex(ds, options.sources);
  const [dataFrom, dataTo] = dataMonths(filter, timeZone);
  // The axis covers every dated record (all sources, so filters share it) and the requested period.
  const allF = filterIndex(ds, undefined);
  const [allFrom, allTo] = dataMonths(allF, timeZone);
  const lo: number[] = [];
  const hi: number[] = [];
  if (allFrom !== null && allTo !== null) {
    lo.push(allFrom);
    hi.push(allTo);
  }
  if (options.from) lo.push(monthNumber(options.from));
  if (options.to) hi.push(monthNumber(options.to));
  if (options.from && !options.to) hi.push(monthNumber(options.from));
  if (options.to && !options.from) lo.push(monthNumber(options.to));
  const axisStart = (lo.length ? Math.min(...lo) : 0) - 1;
  const axisEnd = hi.length ? Math.max(...hi) : axisStart + 1;
  const axisLen = axisEnd - axisStart + 1;
  const key = `${timeZone}|${filter.all ? '*' : [...(options.sources ?? [])].sort().join(',')}|${axisStart}|${axisLen}`;
  return memo(ds, `ctx|${key}`, () => {
    const monthStartsMs = monthStarts(axisStart, axisLen, timeZone);
    const P = ds.persons.length;
    const firstSeen = new Int32Array(P).fill(NO_MONTH);
    const member = new Uint8Array(P);
    const firstAct = new Float64Array(P).fill(Number.NaN);
    const { include } = filter;
    // First included activity per person, from the per-source first times of prepareDataset.
    const S = ds.sources.length;
    for (let p = 0; p < P; p++) {
      let f = Number.NaN;
      for (let s = 0; s < S; s++) {
        const t = ds.firstAt[p * S + s] as number;
        if (include[s] && !Number.isNaN(t) && (Number.isNaN(f) || t < f)) f = t;
      }
      if (!Number.isNaN(f)) {
        member[p] = 1;
        firstAct[p] = f;
      }
    }
    for (let p = 0; p < P; p++) {
      if (filter.roster[p]) member[p] = 1;
      if (!member[p]) continue;
      const j = filter.joinedAt[p] as number;
      const f = firstAct[p] as number;
      const fs = Number.isNaN(j) ? f : Number.isNaN(f) ? j : Math.min(j, f);
      if (!Number.isNaN(fs)) firstSeen[p] = bucketOf(monthStartsMs, fs);
    }
    return {
      ds,
      timeZone,
      include,
      all: filter.all,
      axisStart,
      axisLen,
      monthStartsMs,
      zone,
      filter,
      dataFrom,
      dataTo,
      firstSeen,
      member,
      key,
    };
  });
}

/** Axis index of an instant (−1 before the axis, axisLen after). */
export function axisIndexOf(ctx: MetricContext, t: number): number {
  return bucketOf(ctx.monthStartsMs, t);
}
