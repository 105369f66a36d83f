/**
 * Which kinds of data each source holds, over all the data (no source filter, no period): pages
 * with nothing to show tell "nothing imported" from "hidden by the sources filter" or "outside
 * the period" with it (features/filters/empty-reason.ts).
 */
import { monthKeyFromNumber, monthKeyOf, type MonthKey } from '../time';
import { KIND_ATTEND, KIND_POST, SENT_NONE, type Dataset } from './dataset';

/**
 * activity: any community activity; roster: members with a join date (new members without
 * activity); threads: forum thread starts; texts: messages sentiment reads; events: event
 * attendance; campaigns, subscriptions, social: newsletter and social-post records; daily: the
 * platforms' own daily reports.
 */
export const DATA_KINDS = [
  'activity',
  'roster',
  'threads',
  'texts',
  'events',
  'campaigns',
  'subscriptions',
  'social',
  'daily',
] as const;
export type DataKind = (typeof DATA_KINDS)[number];

/** Per kind, the sources holding it and the months their records span (report zone). */
export type DataKinds = Partial<Record<DataKind, Record<string, { from: MonthKey; to: MonthKey }>>>;

/** The kinds of data of a prepared dataset, months in `timeZone` (memoised per zone). */
export function dataKinds(ds: Dataset, timeZone: string): DataKinds {
  const key = `kinds|${timeZone}`;
  const hit = ds.cache.get(key) as DataKinds | undefined;
  if (hit) return hit;
  const S = ds.sources.length;
  const spans = new Map<DataKind, { lo: Float64Array; hi: Float64Array }>();
  const add = (kind: DataKind, source: number, ms: number) => {
    if (ms !== ms) return;
    let s = spans.get(kind);
    if (!s)
      spans.set(
        kind,
        (s = { lo: new Float64Array(S).fill(Infinity), hi: new Float64Array(S).fill(-Infinity) }),
      );
    if (ms < s.lo[source]!) s.lo[source] = ms;
    if (ms > s.hi[source]!) s.hi[source] = ms;
  };
  for (let i = 0; i < ds.n; i++) {
    const src = ds.source[i]!;
    const at = ds.at[i]!;
    add('activity', src, at);
    const k = ds.kind[i]!;
    if (k === KIND_POST) add('threads', src, at);
    else if (k === KIND_ATTEND) add('events', src, at);
    if (ds.sentiment[i] !== SENT_NONE) add('texts', src, at);
  }
  for (const facts of ds.personFacts)
    for (const f of facts) if (f.roster) add('roster', f.source, f.joinedAt);
  for (const [kind, part] of [
    ['campaigns', ds.campaigns],
    ['subscriptions', ds.subscriptions],
    ['social', ds.social],
  ] as const) {
    for (let i = 0; i < part.at.length; i++) add(kind, part.source[i]!, part.at[i]!);
  }
  const out: DataKinds = {};
  for (const [kind, { lo, hi }] of spans) {
    const bySource: Record<string, { from: MonthKey; to: MonthKey }> = {};
    for (let s = 0; s < S; s++) {
      if (lo[s] === Infinity) continue;
      bySource[ds.sources[s]!] = { from: monthKeyOf(lo[s]!, timeZone), to: monthKeyOf(hi[s]!, timeZone) };
    }
    out[kind] = bySource;
  }
  // Daily values carry their own calendar month, the same in every zone.
  const daily: Record<string, { from: MonthKey; to: MonthKey }> = {};
  for (let i = 0; i < ds.daily.month.length; i++) {
    const name = ds.sources[ds.daily.source[i]!]!;
    const m = monthKeyFromNumber(ds.daily.month[i]!);
    const span = daily[name];
    if (!span) daily[name] = { from: m, to: m };
    else {
      if (m < span.from) span.from = m;
      if (m > span.to) span.to = m;
    }
  }
  if (Object.keys(daily).length) out.daily = daily;
  ds.cache.set(key, out);
  return out;
}
