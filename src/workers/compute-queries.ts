/**
 * Dataset queries behind the pages (beyond the JSON report): who is in a retention cell, who went
 * quiet, the oldest unanswered threads, campaign/post/event tables, a member's timeline. They run in
 * the compute worker (or on the main thread where it fails) on the prepared Dataset; the message
 * protocol stays typed through `DatasetQuery` and `QueryResults`.
 */
import {
  cohortMembers,
  memberTimeline,
  newMembersOf,
  oldestUnansweredThreads,
  quietMembers,
  resolvePeriod,
  type Dataset,
  type MemberRef,
  type MemberTimeline,
  type UnansweredThread,
} from '../domain/metrics';
import { getContext, lastDatedAt } from '../domain/metrics/context';
import { contributorCounts } from '../domain/metrics/contributors';
import { dailyReports, type DailyReports } from '../domain/metrics/daily-reports';
import { dataKinds, type DataKinds } from '../domain/metrics/data-kinds';
import { KIND_ATTEND } from '../domain/metrics/dataset';
import type { MonthKey, ReportOptions } from '../domain/metrics/types';
import { monthKeyFromNumber } from '../domain/time';
import {
  listeningView,
  sentimentBreakdown,
  type ListeningView,
  type SentimentBreakdown,
} from '../domain/listening';
import type { SentimentLabel } from '../domain/sentiment';
import type { CampaignRecord, SocialPostRecord } from '../domain/model/records';

export interface DataMeta {
  /** Source namespaces present in the data (`discourse`, `slack`, …). */
  sources: string[];
  /** The default report period (earliest to latest month with a dated record), null without data. */
  from: MonthKey | null;
  to: MonthKey | null;
  /**
   * The latest dated record (epoch ms), to tell how far into its month the data reaches; null
   * without data, or when the latest month is known only from daily report series (no times).
   */
  lastAt: number | null;
  /** Which sources hold which kinds of data, over all the data (whatever the filters; for empty states). */
  kinds: DataKinds;
}

export interface ContributorRow extends MemberRef {
  activities: number;
}

export interface EventRow {
  name: string;
  source: string;
  firstAt: number;
  attendees: number;
}

export interface TimelineResult extends Omit<MemberTimeline, 'activities'> {
  /** The newest activities (at most `limit`), newest first, without their text. */
  activities: Array<{
    key: string;
    source: string;
    kind: string;
    at: number;
    title?: string;
    url?: string;
    channel?: string;
  }>;
  total: number;
}

export type DatasetQuery =
  | { kind: 'meta'; options: ReportOptions }
  | { kind: 'cohortMembers'; options: ReportOptions; cohort: MonthKey; k: number }
  | { kind: 'newMembers'; options: ReportOptions; month: MonthKey }
  | { kind: 'quietMembers'; options: ReportOptions; month: MonthKey }
  | { kind: 'contributors'; options: ReportOptions; limit: number }
  | { kind: 'unanswered'; options: ReportOptions; limit: number }
  | { kind: 'campaigns'; options: ReportOptions }
  | { kind: 'socialPosts'; options: ReportOptions }
  | { kind: 'events'; options: ReportOptions }
  | { kind: 'dailyReports'; options: ReportOptions }
  | { kind: 'timeline'; key: string; limit: number }
  | { kind: 'people' }
  | { kind: 'sentiment'; options: ReportOptions }
  | { kind: 'listening'; options: ReportOptions; corrections: Record<string, SentimentLabel> };

/** One resolved person (after email merges and manual merges), for the People page. */
export interface PersonRow {
  id: number;
  name: string;
  keys: string[];
  sources: string[];
  emails: string[];
  /** Each account (person key) merged into the person, in `keys` order, with its own name and handle. */
  accounts: PersonAccount[];
}

/** One account of a person: its key (`discourse:ada_kaur`), source, and the name and handle it carries. */
export interface PersonAccount {
  key: string;
  source: string;
  name?: string;
  handle?: string;
}

export interface QueryResults {
  meta: DataMeta;
  cohortMembers: MemberRef[];
  newMembers: MemberRef[];
  quietMembers: MemberRef[];
  contributors: ContributorRow[];
  unanswered: UnansweredThread[];
  campaigns: CampaignRecord[];
  socialPosts: SocialPostRecord[];
  events: EventRow[];
  dailyReports: DailyReports;
  timeline: TimelineResult | null;
  people: PersonRow[];
  sentiment: SentimentBreakdown;
  listening: ListeningView;
}

export type QueryKind = DatasetQuery['kind'];

/**
 * The queries that read activities' texts (whole activities through `activityAt`, or `textAt`): the
 * engine loads the texts the dashboard's load left in storage before running them. The others work
 * on the dataset's columns alone (compute-queries.test.ts runs each on a dataset without its texts).
 */
const TEXT_QUERIES: ReadonlySet<QueryKind> = new Set<QueryKind>(['listening', 'timeline', 'unanswered']);

export function readsTexts(kind: QueryKind): boolean {
  return TEXT_QUERIES.has(kind);
}
export type QueryOf<K extends QueryKind> = Extract<DatasetQuery, { kind: K }>;

/** [start, end) instants of the resolved period, or null without data. */
function periodBounds(
  ds: Dataset,
  options: ReportOptions,
): { ctx: ReturnType<typeof getContext>; a: number; b: number; start: number; end: number } | null {
  const ctx = getContext(ds, options);
  const period = resolvePeriod(ctx, options);
  if (!period) return null;
  const a = period.from - ctx.axisStart;
  const b = period.to - ctx.axisStart;
  return { ctx, a, b, start: ctx.monthStartsMs[a] as number, end: ctx.monthStartsMs[b + 1] as number };
}

function inPeriod<T>(
  ds: Dataset,
  options: ReportOptions,
  table: { at: Float64Array; source: Uint16Array; records: T[] },
): T[] {
  const p = periodBounds(ds, options);
  if (!p) return [];
  const out: T[] = [];
  for (let i = 0; i < table.at.length; i++) {
    const t = table.at[i] as number;
    if (t >= p.start && t < p.end && p.ctx.include[table.source[i] as number])
      out.push(table.records[i] as T);
  }
  return out;
}

export function runQuery<K extends QueryKind>(ds: Dataset, q: QueryOf<K>): QueryResults[K];
export function runQuery(ds: Dataset, q: DatasetQuery): QueryResults[QueryKind] {
  switch (q.kind) {
    case 'meta': {
      const { from: _f, to: _t, ...rest } = q.options;
      const ctx = getContext(ds, rest);
      const period = resolvePeriod(ctx, rest);
      return {
        sources: [...ds.sources].sort(),
        from: period ? monthKeyFromNumber(period.from) : null,
        to: period ? monthKeyFromNumber(period.to) : null,
        lastAt: lastDatedAt(ctx),
        kinds: dataKinds(ds, ctx.timeZone),
      };
    }
    case 'cohortMembers':
      return cohortMembers(ds, q.options, q.cohort, q.k);
    case 'newMembers':
      return newMembersOf(ds, q.options, q.month);
    case 'quietMembers':
      return quietMembers(ds, q.options, q.month);
    case 'contributors': {
      const p = periodBounds(ds, q.options);
      if (!p) return [];
      return contributorCounts(p.ctx, p.a, p.b)
        .slice(0, q.limit)
        .map(([id, n]) => {
          const person = ds.persons[id]!;
          return { key: person.keys[0] ?? '', name: person.name, keys: person.keys, activities: n };
        });
    }
    case 'unanswered':
      return oldestUnansweredThreads(ds, q.options, q.limit);
    case 'campaigns':
      return inPeriod(ds, q.options, ds.campaigns);
    case 'socialPosts':
      return inPeriod(ds, q.options, ds.social);
    case 'events': {
      const p = periodBounds(ds, q.options);
      if (!p) return [];
      const rows = new Map<number, EventRow>();
      for (let i = 0; i < ds.n; i++) {
        if (ds.kind[i] !== KIND_ATTEND || !p.ctx.include[ds.source[i] as number]) continue;
        const t = ds.at[i] as number;
        if (t < p.start || t >= p.end) continue;
        const e = ds.event[i] as number;
        const row = rows.get(e);
        if (row) row.attendees++;
        // The event's name as its export writes it (attendances carry it as their title); else from its key (imports before titles were kept).
        else
          rows.set(e, {
            name: ds.table.title[ds.row[i]!] ?? displayEvent(ds.events[e] ?? ''),
            source: ds.sources[ds.source[i] as number]!,
            firstAt: t,
            attendees: 1,
          });
      }
      return [...rows.values()];
    }
    case 'dailyReports':
      return dailyReports(ds, q.options);
    case 'people':
      return ds.persons.map((p) => ({
        id: p.id,
        name: p.name,
        keys: p.keys,
        sources: [...new Set(p.records.map((r) => r.source))].sort(),
        emails: [...new Set(p.records.map((r) => r.email).filter((e): e is string => !!e))].sort(),
        accounts: p.records.map((r) => ({
          key: r.key,
          source: r.source,
          ...(r.name ? { name: r.name } : {}),
          ...(r.handle ? { handle: r.handle } : {}),
        })),
      }));
    case 'sentiment':
      return sentimentBreakdown(ds, q.options);
    case 'listening':
      return listeningView(ds, q.options, q.corrections);
    case 'timeline': {
      const t = memberTimeline(ds, q.key);
      if (!t) return null;
      const newest = t.activities.slice(-q.limit).reverse();
      return {
        member: t.member,
        identities: t.identities,
        total: t.activities.length,
        activities: newest.map((a) => ({
          key: a.key,
          source: a.source,
          kind: a.kind,
          at: a.at,
          ...(a.title ? { title: a.title } : {}),
          ...(a.url ? { url: a.url } : {}),
          ...(a.channel ? { channel: a.channel } : {}),
        })),
      };
    }
  }
}

/** `luma:event:Spring meetup` → `Spring meetup`. */
export function displayEvent(key: string): string {
  const m = /^[^:]+:event:(.*)$/.exec(key);
  return m ? (m[1] as string) : key;
}
