/**
 * One fused pass over the (time-sorted, columnar) activities for a context: every per-activity
 * accumulator the families need, read with local typed-array references so that a source-filter
 * change recomputes 1M activities in a few tens of milliseconds. The families (engagement.ts,
 * growth.ts, …) turn these accumulators into their series; the definitions live there.
 */
import { KIND_ATTEND, KIND_POST, SENT_NEGATIVE, SENT_NONE, SENT_POSITIVE } from './dataset';
import { NO_MONTH, type MetricContext } from './context';

export interface ActivityPass {
  contributions: Int32Array;
  active: Int32Array;
  /** Σ over the days of m of DAU(d) = distinct (member, day) pairs in m. */
  memberDays: Int32Array;
  newActive: Int32Array;
  retained: Int32Array;
  resurrected: Int32Array;
  /** retention[c * axisLen + k] = members first seen in c active in c + k. */
  retention: Int32Array;
  threads: Int32Array;
  unanswered: Int32Array;
  /** TTFR (hours) of answered threads, per month. */
  ttfrHours: number[][];
  texts: Int32Array;
  positive: Int32Array;
  negative: Int32Array;
  attendees: Int32Array;
  events: Int32Array;
  totalActivities: number;
  totalThreads: number;
}

const HOUR = 3_600_000;

export function activityPass(ctx: MetricContext): ActivityPass {
  const key = `pass|${ctx.key}`;
  const hit = ctx.ds.cache.get(key) as ActivityPass | undefined;
  if (hit) return hit;
  const { ds, include, axisStart, axisLen, firstSeen } = ctx;
  const actMonth = ctx.zone.actMonth;
  const actDay = ctx.zone.actDay;
  const personCol = ds.person;
  const sourceCol = ds.source;
  const kindCol = ds.kind;
  const sentCol = ds.sentiment;
  const ttfrCol = ds.ttfr;
  const eventCol = ds.event;
  const P = ds.persons.length;
  const r: ActivityPass = {
    contributions: new Int32Array(axisLen),
    active: new Int32Array(axisLen),
    memberDays: new Int32Array(axisLen),
    newActive: new Int32Array(axisLen),
    retained: new Int32Array(axisLen),
    resurrected: new Int32Array(axisLen),
    retention: new Int32Array(axisLen * axisLen),
    threads: new Int32Array(axisLen),
    unanswered: new Int32Array(axisLen),
    ttfrHours: Array.from({ length: axisLen }, () => []),
    texts: new Int32Array(axisLen),
    positive: new Int32Array(axisLen),
    negative: new Int32Array(axisLen),
    attendees: new Int32Array(axisLen),
    events: new Int32Array(axisLen),
    totalActivities: 0,
    totalThreads: 0,
  };
  const { contributions, active, memberDays, newActive, retained, resurrected, retention } = r;
  const { threads, unanswered, ttfrHours, texts, positive, negative, attendees, events } = r;
  const lastMonth = new Int32Array(P).fill(NO_MONTH);
  const lastDay = new Int32Array(P).fill(-1);
  const lastEventMonth = new Int32Array(ds.events.length).fill(NO_MONTH);
  let totalActivities = 0;
  let totalThreads = 0;
  const n = ds.n;
  const all = ctx.all;
  for (let i = 0; i < n; i++) {
    if (!all && include[sourceCol[i]!] === 0) continue;
    totalActivities++;
    const m = actMonth[i]! - axisStart;
    const p = personCol[i]!;
    contributions[m]!++;
    const prev = lastMonth[p]!;
    if (prev !== m) {
      lastMonth[p] = m;
      active[m]!++;
      if (prev === NO_MONTH) newActive[m]!++;
      else if (prev === m - 1) retained[m]!++;
      else resurrected[m]!++;
      const c = firstSeen[p]!;
      if (c >= 0 && m >= c) retention[c * axisLen + (m - c)]!++;
    }
    const d = actDay[i]!;
    if (lastDay[p] !== d) {
      lastDay[p] = d;
      memberDays[m]!++;
    }
    const k = kindCol[i]!;
    if (k === KIND_POST) {
      totalThreads++;
      threads[m]!++;
      const t = ttfrCol[i]!;
      if (t !== t) unanswered[m]!++;
      else ttfrHours[m]!.push(t / HOUR);
    } else if (k === KIND_ATTEND) {
      attendees[m]!++;
      const e = eventCol[i]!;
      if (lastEventMonth[e] !== m) {
        lastEventMonth[e] = m;
        events[m]!++;
      }
    }
    const s = sentCol[i]!;
    if (s !== SENT_NONE) {
      texts[m]!++;
      if (s === SENT_POSITIVE) positive[m]!++;
      else if (s === SENT_NEGATIVE) negative[m]!++;
    }
  }
  r.totalActivities = totalActivities;
  r.totalThreads = totalThreads;
  ctx.ds.cache.set(key, r);
  return r;
}
