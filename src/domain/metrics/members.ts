/**
 * Queries behind the pages (beyond the JSON report): who is in a retention cell, who went quiet,
 * who is new, which threads wait longest for an answer, one member's timeline across sources.
 * They honour the same options (zone, sources, period) as buildReport.
 */
import { monthNumber } from '../time';
import type { ActivityRecord } from '../model/records';
import { getContext, type MetricContext } from './context';
import { activityRange, compareNames } from './contributors';
import { activityAt, KIND_POST, type Dataset } from './dataset';
import { resolvePeriod } from './report';
import type { MonthKey, ReportOptions } from './types';

/** A member as the pages list them; `key` is the first (ascending) of its person keys. */
export interface MemberRef {
  key: string;
  name: string;
  /** Every person key merged into this member. */
  keys: string[];
}

function ref(ds: Dataset, p: number): MemberRef {
  const person = ds.persons[p]!;
  return { key: person.keys[0] ?? '', name: person.name, keys: person.keys };
}

function byName(ds: Dataset, ids: Iterable<number>): MemberRef[] {
  return [...ids]
    .sort((a, b) => compareNames(ds.persons[a]!.name, ds.persons[b]!.name) || a - b)
    .map((p) => ref(ds, p));
}

/** Persons (ids) with ≥ 1 included community activity in axis month m. */
function activeIn(ctx: MetricContext, m: number): Set<number> {
  const out = new Set<number>();
  if (m < 0 || m >= ctx.axisLen) return out;
  const [start, end] = activityRange(ctx, m, m);
  for (let i = start; i < end; i++) if (ctx.include[ctx.ds.source[i] as number]) out.add(ctx.ds.person[i] as number);
  return out;
}

function axisMonth(ctx: MetricContext, month: MonthKey): number {
  return monthNumber(month) - ctx.axisStart;
}

/** Members of retention cohort `cohort` active in month cohort + k (the cell's `active[k]`), by name. */
export function cohortMembers(dataset: Dataset, options: ReportOptions, cohort: MonthKey, k: number): MemberRef[] {
  const ctx = getContext(dataset, { ...options, from: options.from ?? cohort, to: options.to ?? cohort });
  const c = axisMonth(ctx, cohort);
  const active = activeIn(ctx, c + k);
  return byName(
    dataset,
    [...active].filter((p) => ctx.firstSeen[p] === c),
  );
}

/** Members of a cohort (first_seen in `cohort`), whether or not they took part. */
export function newMembersOf(dataset: Dataset, options: ReportOptions, month: MonthKey): MemberRef[] {
  const ctx = getContext(dataset, { ...options, from: options.from ?? month, to: options.to ?? month });
  const m = axisMonth(ctx, month);
  const ids: number[] = [];
  for (let p = 0; p < ctx.firstSeen.length; p++) if (ctx.firstSeen[p] === m) ids.push(p);
  return byName(dataset, ids);
}

/** Members who went quiet in `month`: active in the month before, not in `month` (the `churned` count). */
export function quietMembers(dataset: Dataset, options: ReportOptions, month: MonthKey): MemberRef[] {
  const ctx = getContext(dataset, { ...options, from: options.from ?? month, to: options.to ?? month });
  const m = axisMonth(ctx, month);
  const now = activeIn(ctx, m);
  return byName(
    dataset,
    [...activeIn(ctx, m - 1)].filter((p) => !now.has(p)),
  );
}

export interface UnansweredThread {
  threadKey: string;
  title?: string;
  url?: string;
  source: string;
  startedAt: number;
  author: MemberRef;
}

/** The `n` oldest threads started in the period that have no first response anywhere in the data. */
export function oldestUnansweredThreads(dataset: Dataset, options: ReportOptions, n: number): UnansweredThread[] {
  const ctx = getContext(dataset, options);
  const period = resolvePeriod(ctx, options);
  if (!period) return [];
  const [start, end] = activityRange(ctx, period.from - ctx.axisStart, period.to - ctx.axisStart);
  const out: UnansweredThread[] = [];
  for (let i = start; i < end && out.length < n; i++) {
    if (dataset.kind[i] !== KIND_POST || !ctx.include[dataset.source[i] as number]) continue;
    if (!Number.isNaN(dataset.ttfr[i] as number)) continue;
    const a = activityAt(dataset, i);
    out.push({
      threadKey: a.threadKey ?? a.key,
      ...(a.title ? { title: a.title } : {}),
      ...(a.url ? { url: a.url } : {}),
      source: a.source,
      startedAt: a.at,
      author: ref(dataset, dataset.person[i] as number),
    });
  }
  return out;
}

export interface MemberTimeline {
  member: MemberRef;
  /** Per merged record: its source, name/handle, roster flag and join date. */
  identities: Array<{ key: string; source: string; name?: string; handle?: string; roster: boolean; joinedAt?: number }>;
  /** Community activities of the member across every source, oldest first. */
  activities: ActivityRecord[];
}

/** One member's timeline across sources; `personKey` may be any of its keys. Null for unknown keys and bots. */
export function memberTimeline(dataset: Dataset, personKey: string): MemberTimeline | null {
  const p = dataset.idOf.get(personKey);
  if (p === undefined) return null;
  const activities: ActivityRecord[] = [];
  for (let i = 0; i < dataset.n; i++) if (dataset.person[i] === p) activities.push(activityAt(dataset, i));
  return {
    member: ref(dataset, p),
    identities: dataset.persons[p]!.records.map((r) => ({
      key: r.key,
      source: r.source,
      ...(r.name ? { name: r.name } : {}),
      ...(r.handle ? { handle: r.handle } : {}),
      roster: r.roster,
      ...(r.joinedAt !== undefined ? { joinedAt: r.joinedAt } : {}),
    })),
    activities,
  };
}
