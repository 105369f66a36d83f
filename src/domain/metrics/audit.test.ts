/**
 * Audit of the metric engine against shared/spec/metrics.md, sentence by sentence. Each `it` cites
 * the sentence it checks and works its expected numbers out by hand in comments. The last block
 * compares the whole report with a naive, independent recomputation (audit-reference.ts) over the
 * sample-data folder in zones with DST and :30/:45 offsets.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBytes } from '../import/import-file';
import { RecordAccumulator } from '../import/accumulate';
import { REGISTRY } from '../sources/registry';
import { labelFor, scoreText } from '../sentiment';
import { naiveReport } from './audit-reference';
import { computeReport } from './report';
import { act, batch, person, report } from './testing';
import { SERIES_NAMES } from './types';

const SAMPLE = join(__dirname, '../../../sample-data');
/** The sample-data folder read the way the command reads it (same domain code, import order by name). */
function readSample(timeZone: string) {
  const acc = new RecordAccumulator();
  for (const f of readdirSync(SAMPLE).filter((x) => x !== 'README.md').sort())
    importBytes(f, new Uint8Array(readFileSync(join(SAMPLE, f))), { timeZone }, REGISTRY, (b) => acc.add(b));
  return acc.result();
}

const ZONES = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'Asia/Kathmandu'];

describe('the engine equals a naive recomputation of the spec over sample-data', () => {
  for (const tz of ZONES) {
    it(`in ${tz}`, () => {
      const records = readSample(tz);
      const n = naiveReport(records, { timeZone: tz, scorer: scoreText });
      const r = computeReport(records, { timeZone: tz });
      void labelFor;
      expect(r.period).toEqual(n.period);
      expect(r.months).toEqual(n.months);
      for (const name of SERIES_NAMES) expect([name, r.series[name]]).toEqual([name, n.series[name]]);
      expect(r.retention).toEqual(n.retention);
      expect(r.topContributors).toEqual(n.topContributors);
      expect(r.kpis).toEqual(n.kpis);
      expect(r.totals).toEqual(n.totals);
    }, 120_000);
  }
});

describe('§1 default period: "from the earliest to the latest month that holds any dated record"', () => {
  it('counts a bot\'s dated records (its roster join, its posts): they are records, though not activities', () => {
    // system joined 2024-10-30 and posted 2024-10-31; discobot posted 2025-03-02; ann posted in Nov–Jan.
    // Dated records run 2024-10 … 2025-03, so the period does too; the bot months show 0 activity.
    const r = report(
      batch({
        persons: [
          person('d:system', { bot: true, roster: true, joinedAt: Date.parse('2024-10-30T08:00:00Z') }),
          person('d:discobot', { bot: true }),
        ],
        activities: [
          act('d:system', 'post', '2024-10-31T08:00:00Z', { threadKey: 'd:t:0' }),
          act('d:ann', 'post', '2024-11-02T10:00:00Z', { threadKey: 'd:t:1' }),
          act('d:ann', 'message', '2025-01-10T10:00:00Z'),
          act('d:discobot', 'reply', '2025-03-02T10:00:00Z', { threadKey: 'd:t:1' }),
        ],
      }),
    );
    expect(r.period).toEqual({ from: '2024-10', to: '2025-03' });
    expect(r.series.active_members).toEqual([0, 1, 0, 1, 0, 0]);
    expect(r.series.threads).toEqual([0, 1, 0, 0, 0, 0]);
    expect(r.series.unanswered_share).toEqual([null, 1, null, null, null, null]);
  });

  it('counts dashboard daily values (a named day: its month whatever the zone)', () => {
    // A Discourse report names days 2025-01-01 … 2025-02-01; ann posted on 2025-01-15 (UTC).
    // Dated records: 2025-01 … 2025-02 in UTC; in Los Angeles as well (the days are calendar days).
    const b = batch({
      activities: [act('d:ann', 'post', '2025-01-15T10:00:00Z', { threadKey: 'd:t:1' })],
      dailyValues: [
        { key: 'r1', source: 'discourse', series: 'discourse: posts', day: Date.parse('2025-01-01T00:00:00Z'), value: 3 },
        { key: 'r2', source: 'discourse', series: 'discourse: posts', day: Date.parse('2025-02-01T00:00:00Z'), value: 0 },
      ],
    });
    expect(report(b).period).toEqual({ from: '2025-01', to: '2025-02' });
    expect(report(b, { timeZone: 'America/Los_Angeles' }).period).toEqual({ from: '2025-01', to: '2025-02' });
    expect(report(b).series.contributions).toEqual([1, 0]);
  });
});

/** A seeded random community that piles records onto month and day boundaries, bots, merges and edge cases. */
function randomCommunity(seed: number) {
  let s = seed >>> 0;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const start = Date.parse('2024-01-01T00:00:00Z');
  const span = Date.parse('2026-01-01T00:00:00Z') - start;
  const H = 3_600_000;
  // Half the instants sit within ±15 h of a UTC month start (zones put them on either side).
  const when = () => {
    if (rnd() < 0.5) return start + Math.floor(rnd() * span);
    const m = Math.floor(rnd() * 24);
    return Date.UTC(2024, m, 1) + Math.floor((rnd() * 30 - 15) * H);
  };
  const keys = Array.from({ length: 24 }, (_, i) => (i % 3 === 0 ? `s:U${i}` : `d:u${i}`));
  const persons = keys.map((k, i) =>
    person(k, {
      ...(i % 4 === 0 ? { email: `p${i % 8}@x.org` } : {}),
      ...(i % 5 === 0 ? { roster: true } : {}),
      ...(i % 5 === 0 && i % 2 === 0 ? { joinedAt: when() } : {}),
      ...(i % 7 === 6 ? { name: `Name ${i % 3}` } : {}),
    }),
  );
  persons.push(person('d:system', { bot: true, roster: true, joinedAt: when() }), person('d:roster_only', { roster: true, joinedAt: when() }));
  const actors = [...keys, 'd:system', 'e:guest'];
  const threads = Array.from({ length: 30 }, (_, i) => `t:${i}`);
  const activities = Array.from({ length: 700 }, () => {
    const k = pick(['post', 'reply', 'reply', 'message', 'reaction', 'attend'] as const);
    const who = pick(actors);
    return act(who, k, new Date(when()).toISOString(), {
      ...(k === 'post' || k === 'reply' ? { threadKey: pick(threads) } : {}),
      ...(k !== 'reaction' && k !== 'attend' ? { text: pick(['good day', 'bad day', 'meh', '', '  ']) } : {}),
      ...(k === 'attend' ? { channel: pick(['ev:a', 'ev:b', 'ev:c']) } : {}),
    });
  });
  const campaigns = Array.from({ length: 20 }, (_, i) => ({
    key: `c${i}`, source: 'mailchimp', title: `c${i}`, sentAt: when(), delivered: i % 5 === 0 ? 0 : 100 + i, uniqueOpens: 30 + i, uniqueClicks: 5 + (i % 4),
  }));
  const subscriptions = Array.from({ length: 80 }, (_, i) => ({
    key: `s${i}`, source: 'mailchimp', email: `n${i % 50}@x.org`, type: (i % 4 === 3 ? 'unsubscribe' : 'subscribe') as 'subscribe' | 'unsubscribe', at: when(),
  }));
  const socialPosts = Array.from({ length: 15 }, (_, i) => ({ key: `x${i}`, source: 'x', publishedAt: when(), impressions: i % 4 === 0 ? 0 : 1000 + i, engagements: 10 + i }));
  return batch({ persons, activities, campaigns, subscriptions, socialPosts });
}

describe('the engine equals the naive recomputation on random communities (DST at midnight, :30/:45 zones)', () => {
  const zones = ['UTC', 'America/Santiago', 'America/Havana', 'Asia/Beirut', 'Africa/Casablanca', 'Pacific/Chatham', 'Australia/Lord_Howe', 'Europe/London', 'America/St_Johns', 'Asia/Kathmandu'];
  for (const [i, tz] of zones.entries()) {
    it(`in ${tz}`, () => {
      const b = randomCommunity(1000 + i);
      for (const period of [{}, { from: '2024-07', to: '2025-03' }]) {
        const r = report(b, { timeZone: tz, ...period });
        const n = naiveReport(b, { timeZone: tz, scorer: (t) => (/\bgood\b/.test(t) ? 0.5 : /\bbad\b/.test(t) ? -0.5 : 0), ...period });
        expect(r.period).toEqual(n.period);
        for (const name of SERIES_NAMES) expect([name, r.series[name]]).toEqual([name, n.series[name]]);
        expect(r.retention).toEqual(n.retention);
        expect(r.topContributors).toEqual(n.topContributors);
        expect(r.kpis).toEqual(n.kpis);
        expect(r.totals).toEqual(n.totals);
      }
    }, 120_000);
  }
});

describe('§3 readings pinned by hand-worked fixtures', () => {
  it('median_ttfr_hours: "the earliest `reply` in the thread by a person other than the thread\'s author" — even one dated before the thread start', () => {
    // T1: ann posts Mar 10 12:00; bob's reply is dated Mar 10 10:00 (a clock or import skew), cy
    // replies 15:00. The earliest reply by another person is bob's: TTFR = −2 h (not cy's 3 h).
    // T2: ann posts Mar 20 00:00; cy replies 01:00 → 1 h. Median of (−2, 1) = −0.5. Unanswered: 0 of 2.
    const r = report(
      batch({
        activities: [
          act('d:ann', 'post', '2025-03-10T12:00:00Z', { threadKey: 't1' }),
          act('d:bob', 'reply', '2025-03-10T10:00:00Z', { threadKey: 't1' }),
          act('d:cy', 'reply', '2025-03-10T15:00:00Z', { threadKey: 't1' }),
          act('d:ann', 'post', '2025-03-20T00:00:00Z', { threadKey: 't2' }),
          act('d:cy', 'reply', '2025-03-20T01:00:00Z', { threadKey: 't2' }),
        ],
      }),
    );
    expect(r.series.median_ttfr_hours).toEqual([-0.5]);
    expect(r.series.unanswered_share).toEqual([0]);
  });

  it('stickiness: "mean over every calendar day d of m" — every day of the month, also of the last (partial) month', () => {
    // Data ends 2025-02-03. ann is active on Feb 1 and 2, bob on Feb 2. Σ DAU = 1 + 2 = 3 over the
    // 28 days of February (not the 3 days with data): mean DAU 3/28, active 2 → (3/28)/2 = 3/56.
    const r = report(
      batch({
        activities: [
          act('d:ann', 'message', '2025-02-01T09:00:00Z'),
          act('d:ann', 'message', '2025-02-02T09:00:00Z'),
          act('d:bob', 'message', '2025-02-02T10:00:00Z'),
        ],
      }),
    );
    expect(r.series.stickiness).toEqual([3 / 28 / 2]);
  });

  it('stickiness: days are days of the report zone (a DST month has its calendar days, not 24-hour slices)', () => {
    // Europe/Berlin, March 2025 (31 days; DST starts Mar 30). ann at Mar 30 23:30 local (21:30Z) and
    // Mar 31 00:30 local (22:30Z): two local days, so Σ DAU = 2; (2/31)/1. In UTC both are Mar 30: (1/31)/1.
    const b = batch({ activities: [act('d:ann', 'message', '2025-03-30T21:30:00Z'), act('d:ann', 'message', '2025-03-30T22:30:00Z')] });
    expect(report(b, { timeZone: 'Europe/Berlin' }).series.stickiness).toEqual([2 / 31]);
    expect(report(b).series.stickiness).toEqual([1 / 31]);
  });

  it('new_members / first_seen: roster-only persons count in their join month; staged-like non-roster persons without activity are not members', () => {
    // carol: roster, joined 2025-01-31 23:30 −05:00 (04:30Z Feb 1) → January in New York, February in UTC.
    // dan: not in a roster, no activity (an audience person) → never a member. ann: first activity Feb 2.
    const b = batch({
      persons: [
        person('d:carol', { roster: true, joinedAt: Date.parse('2025-02-01T04:30:00Z') }),
        person('d:dan', { roster: false }),
      ],
      activities: [act('d:ann', 'message', '2025-02-02T09:00:00Z')],
    });
    const ny = report(b, { timeZone: 'America/New_York' });
    expect(ny.months).toEqual(['2025-01', '2025-02']);
    expect(ny.series.new_members).toEqual([1, 1]);
    expect(ny.retention).toEqual([
      { cohort: '2025-01', size: 1, active: [0, 0], rate: [0, 0] },
      { cohort: '2025-02', size: 1, active: [1], rate: [1] },
    ]);
    expect(ny.totals.members).toBe(2);
    expect(report(b).series.new_members).toEqual([2]);
  });
});
