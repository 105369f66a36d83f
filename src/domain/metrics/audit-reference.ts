/**
 * A deliberately naive, independent recomputation of hearth.report/1 straight from the wording of
 * shared/spec/metrics.md (test-only: the audit compares the engine with it). No typed arrays, no
 * memo, no day tables: every instant's month and day come from Intl in the report zone, every set
 * is a plain Set, every series a loop over the records. Slow, and meant to be obviously right.
 */
import { labelFor } from '../sentiment';
import type { RecordBatch } from '../model/records';
import { normaliseEmail } from '../identity/email';

export interface NaiveOptions {
  timeZone?: string;
  from?: string;
  to?: string;
  scorer: (text: string) => number;
}

function localParts(t: number, timeZone: string): { y: number; mo: number; d: number } {
  const f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
  const parts = Object.fromEntries(f.formatToParts(t).map((p) => [p.type, p.value]));
  return { y: Number(parts.year), mo: Number(parts.month), d: Number(parts.day) };
}
const pad = (n: number) => String(n).padStart(2, '0');
const monthOf = (t: number, tz: string) => {
  const p = localParts(t, tz);
  return `${p.y}-${pad(p.mo)}`;
};
const dayOf = (t: number, tz: string) => {
  const p = localParts(t, tz);
  return `${p.y}-${pad(p.mo)}-${pad(p.d)}`;
};
const addMonth = (m: string, k: number) => {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  const n = y * 12 + mo - 1 + k;
  return `${Math.floor(n / 12)}-${pad((n % 12) + 1)}`;
};
const daysIn = (m: string) => {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, mo, 0)).getUTCDate();
};
const median = (xs: number[]): number | null => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
};
const div = (a: number, b: number) => (b === 0 ? null : a / b);

const POINTS = new Set([
  'stickiness', 'quick_ratio', 'unanswered_share', 'sentiment_positive_share', 'sentiment_negative_share', 'net_sentiment',
  'open_rate', 'click_rate', 'click_to_open', 'engagement_rate',
]);

export function naiveReport(records: RecordBatch, o: NaiveOptions) {
  const tz = o.timeZone ?? 'UTC';
  // §2 persons: merge records by key; bots out; union by normalised email.
  const bots = new Set(records.persons.filter((p) => p.bot).map((p) => p.key));
  const keys = new Set<string>();
  for (const p of records.persons) if (!bots.has(p.key)) keys.add(p.key);
  for (const a of records.activities) if (!bots.has(a.personKey)) keys.add(a.personKey);
  const parent = new Map<string, string>();
  for (const k of keys) parent.set(k, k);
  const find = (k: string): string => {
    while (parent.get(k) !== k) k = parent.get(k)!;
    return k;
  };
  const byEmail = new Map<string, string>();
  for (const p of records.persons) {
    if (bots.has(p.key)) continue;
    const e = normaliseEmail(p.email);
    if (!e) continue;
    const other = byEmail.get(e);
    if (other === undefined) byEmail.set(e, p.key);
    else {
      const a = find(p.key);
      const b = find(other);
      if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
    }
  }
  const acts = records.activities
    .filter((a) => !bots.has(a.personKey) && Number.isFinite(a.at))
    .map((a) => ({ ...a, p: find(a.personKey), m: monthOf(a.at, tz), d: dayOf(a.at, tz) }));
  const members = new Set<string>();
  for (const a of acts) members.add(a.p);
  for (const p of records.persons) if (!bots.has(p.key) && p.roster) members.add(find(p.key));
  const firstSeen = new Map<string, number>();
  const see = (p: string, t: number) => {
    if (!members.has(p) || !Number.isFinite(t)) return;
    const cur = firstSeen.get(p);
    if (cur === undefined || t < cur) firstSeen.set(p, t);
  };
  for (const p of records.persons) if (!bots.has(p.key) && p.joinedAt !== undefined && p.roster) see(find(p.key), p.joinedAt);
  for (const a of acts) see(a.p, a.at);

  // Default period: earliest to latest month holding any dated record.
  const dated: number[] = [];
  for (const a of records.activities) dated.push(a.at);
  for (const p of records.persons) if (p.joinedAt !== undefined) dated.push(p.joinedAt);
  for (const c of records.campaigns) dated.push(c.sentAt);
  for (const s of records.subscriptions) dated.push(s.at);
  for (const s of records.socialPosts) dated.push(s.publishedAt);
  const finite = dated.filter(Number.isFinite);
  // A daily value names a calendar day (stored as UTC midnight): its month is the day's own.
  const dayMonths = records.dailyValues.filter((d) => Number.isFinite(d.day)).map((d) => new Date(d.day).toISOString().slice(0, 7));
  const allMonths = [...finite.map((t) => monthOf(t, tz)), ...dayMonths].sort();
  const from = o.from ?? allMonths[0] ?? '';
  const to = o.to ?? allMonths[allMonths.length - 1] ?? '';
  const months: string[] = [];
  if (from) for (let m = from; m <= to; m = addMonth(m, 1)) months.push(m);

  const activeIn = (m: string) => new Set(acts.filter((a) => a.m === m).map((a) => a.p));
  const activeBefore = (m: string) => new Set(acts.filter((a) => a.m < m).map((a) => a.p));
  const posts = acts.filter((a) => a.kind === 'post');
  const firstResponse = (post: (typeof acts)[number]): number | null => {
    let best: number | null = null;
    for (const r of acts)
      if (r.kind === 'reply' && r.threadKey !== undefined && r.threadKey === post.threadKey && r.p !== post.p && (best === null || r.at < best))
        best = r.at;
    return best;
  };
  const responses = new Map(posts.map((p) => [p, firstResponse(p)]));
  const subs = records.subscriptions.map((s) => ({ ...s, m: monthOf(s.at, tz) }));

  const series = (m: string): Record<string, number | null> => {
    const act = acts.filter((a) => a.m === m);
    const active = activeIn(m);
    const prevActive = activeIn(addMonth(m, -1));
    const before = activeBefore(m);
    const beforePrev = activeBefore(addMonth(m, -1));
    let dauSum = 0;
    for (let d = 1; d <= daysIn(m); d++) dauSum += new Set(act.filter((a) => a.d === `${m}-${pad(d)}`).map((a) => a.p)).size;
    const newActive = [...active].filter((p) => !before.has(p)).length;
    const retained = [...active].filter((p) => prevActive.has(p)).length;
    const resurrected = [...active].filter((p) => !prevActive.has(p) && beforePrev.has(p)).length;
    const churned = [...prevActive].filter((p) => !active.has(p)).length;
    const threads = act.filter((a) => a.kind === 'post');
    const ttfr = threads.map((t) => responses.get(t)).filter((r): r is number => r !== null && r !== undefined);
    const ttfrHours = threads.flatMap((t) => {
      const r = responses.get(t);
      return r === null || r === undefined ? [] : [(r - t.at) / 3_600_000];
    });
    const texts = act.filter((a) => (a.kind === 'post' || a.kind === 'reply' || a.kind === 'message') && a.text && a.text.trim() !== '');
    const labels = texts.map((a) => labelFor(o.scorer(a.text!)));
    const pos = div(labels.filter((l) => l === 'positive').length, texts.length);
    const neg = div(labels.filter((l) => l === 'negative').length, texts.length);
    const camps = records.campaigns.filter((c) => Number.isFinite(c.sentAt) && monthOf(c.sentAt, tz) === m);
    const delivered = camps.reduce((s, c) => s + c.delivered, 0);
    const opens = camps.reduce((s, c) => s + c.uniqueOpens, 0);
    const clicks = camps.reduce((s, c) => s + c.uniqueClicks, 0);
    const social = records.socialPosts.filter((s) => Number.isFinite(s.publishedAt) && monthOf(s.publishedAt, tz) === m);
    const imp = social.reduce((s, x) => s + x.impressions, 0);
    const eng = social.reduce((s, x) => s + x.engagements, 0);
    const attends = act.filter((a) => a.kind === 'attend');
    const newMembers = [...firstSeen].filter(([, t]) => monthOf(t, tz) === m).length;
    return {
      active_members: active.size,
      new_members: newMembers,
      contributions: act.length,
      stickiness: active.size === 0 ? null : dauSum / daysIn(m) / active.size,
      new_active: newActive,
      retained,
      resurrected,
      churned,
      quick_ratio: div(newActive + resurrected, churned),
      threads: threads.length,
      median_ttfr_hours: ttfr.length ? median(ttfrHours) : null,
      unanswered_share: div(threads.filter((t) => responses.get(t) === null).length, threads.length),
      sentiment_positive_share: pos,
      sentiment_negative_share: neg,
      net_sentiment: pos === null || neg === null ? null : pos - neg,
      campaigns_sent: camps.length,
      emails_delivered: delivered,
      open_rate: div(opens, delivered),
      click_rate: div(clicks, delivered),
      click_to_open: div(clicks, opens),
      subscribers_total: subs.filter((s) => s.m <= m).reduce((n, s) => n + (s.type === 'subscribe' ? 1 : -1), 0),
      subscribers_net: subs.filter((s) => s.m === m).reduce((n, s) => n + (s.type === 'subscribe' ? 1 : -1), 0),
      social_posts: social.length,
      impressions: imp,
      engagements: eng,
      engagement_rate: div(eng, imp),
      events: new Set(attends.map((a) => a.channel ?? `${a.source}:(unnamed event)`)).size,
      attendees: attends.length,
    };
  };

  const perMonth = months.map(series);
  const names = Object.keys(series(months[0] ?? '2000-01'));
  const out: Record<string, (number | null)[]> = {};
  for (const n of names) out[n] = perMonth.map((s) => s[n] ?? null);

  const retention = months.flatMap((c) => {
    const cohort = [...firstSeen].filter(([, t]) => monthOf(t, tz) === c).map(([p]) => p);
    if (!cohort.length) return [];
    const active: number[] = [];
    for (let m = c; m <= to; m = addMonth(m, 1)) {
      const a = activeIn(m);
      active.push(cohort.filter((p) => a.has(p)).length);
    }
    return [{ cohort: c, size: cohort.length, active, rate: active.map((a) => a / cohort.length) }];
  });

  const nameOf = (root: string): string => {
    const recs = records.persons.filter((p) => !bots.has(p.key) && find(p.key) === root).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const ks = [...keys].filter((k) => find(k) === root).sort();
    return recs.find((r) => r.name)?.name ?? recs.find((r) => r.handle)?.handle ?? (ks[0] ?? '').slice((ks[0] ?? '').indexOf(':') + 1);
  };
  const counts = new Map<string, number>();
  for (const a of acts) if (a.m >= from && a.m <= to) counts.set(a.p, (counts.get(a.p) ?? 0) + 1);
  const top = [...counts]
    .map(([p, n]) => ({ name: nameOf(p), activities: n }))
    .sort((x, y) => y.activities - x.activities || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))
    .slice(0, 10);

  const kpis: Record<string, { value: number | null; previous: number | null; change: number | null; changeKind: string }> = {};
  if (to) {
    const last = series(to);
    const prev = series(addMonth(to, -1));
    for (const n of names) {
      const v = last[n] ?? null;
      const p = prev[n] ?? null;
      const kind = POINTS.has(n) ? 'points' : 'relative';
      const change = v === null || p === null ? null : kind === 'points' ? v - p : p === 0 ? null : (v - p) / p;
      kpis[n] = { value: v, previous: p, change, changeKind: kind };
    }
  }
  return {
    period: { from, to },
    months,
    series: out,
    retention,
    topContributors: top,
    kpis,
    totals: {
      members: members.size,
      activities: acts.length,
      threads: posts.length,
      subscribers: to ? (series(to).subscribers_total as number) : 0,
    },
  };
}
