import { describe, expect, it } from 'vitest';
import { buildReport, computeReport, prepareDataset, reportJson, SERIES_NAMES } from './index';
import { act, batch, byMonth, person, report, stubScorer } from './testing';

/* A small mixed community over Jan–Apr 2025 (UTC), with a March gap in everything but Slack. */
const fixture = () =>
  batch({
    persons: [
      person('d:ann', { email: 'ann@x.org', roster: true, joinedAt: Date.parse('2025-01-01T00:00:00Z') }),
      person('s:U1', { name: 'Ann Lee', email: 'ann@x.org' }),
      person('d:carol', { roster: true, joinedAt: Date.parse('2025-02-01T00:00:00Z') }),
      person('d:system', { bot: true }),
    ],
    activities: [
      act('d:ann', 'post', '2025-01-05T10:00:00Z', { threadKey: 'd:t:1', text: 'good' }),
      act('d:bob', 'reply', '2025-01-05T12:00:00Z', { threadKey: 'd:t:1', text: 'bad' }),
      act('d:system', 'reply', '2025-01-05T11:00:00Z', { threadKey: 'd:t:1' }),
      act('s:U1', 'message', '2025-02-10T00:00:00Z', { text: 'good' }),
      act('s:U2', 'message', '2025-03-10T00:00:00Z', { text: 'ok' }),
      act('d:bob', 'post', '2025-04-01T00:00:00Z', { threadKey: 'd:t:2' }),
    ],
    campaigns: [{ key: 'c', source: 'mailchimp', title: 'c', sentAt: Date.parse('2025-02-01T00:00:00Z'), delivered: 10, uniqueOpens: 5, uniqueClicks: 1 }],
    subscriptions: [{ key: 's', source: 'mailchimp', email: 'z@x.org', type: 'subscribe', at: Date.parse('2025-01-15T00:00:00Z') }],
  });

describe('the report (hearth.report/1)', () => {
  it('has the keys of metrics.md §7 in order, every series in SERIES_NAMES order, one value per month', () => {
    const r = report(fixture(), { sourceSummaries: [{ file: 'f.csv', format: 'x', rows: 1, imported: 1, skipped: 0 }] });
    expect(Object.keys(r)).toEqual(['schema', 'timeZone', 'period', 'months', 'series', 'retention', 'topContributors', 'kpis', 'totals', 'sources']);
    expect(r.schema).toBe('hearth.report/1');
    expect(r.period).toEqual({ from: '2025-01', to: '2025-04' });
    expect(r.months).toEqual(['2025-01', '2025-02', '2025-03', '2025-04']);
    expect(Object.keys(r.series)).toEqual([...SERIES_NAMES]);
    for (const name of SERIES_NAMES) expect(r.series[name]).toHaveLength(4);
    expect(Object.keys(r.totals)).toEqual(['members', 'activities', 'threads', 'subscribers']);
    expect(r.sources).toEqual([{ file: 'f.csv', format: 'x', rows: 1, imported: 1, skipped: 0 }]);
  });

  it('never holds NaN or Infinity (rates with a zero denominator are null)', () => {
    const r = report(fixture(), { from: '2024-10', to: '2025-06' });
    for (const name of SERIES_NAMES) for (const v of r.series[name]) expect(v === null || Number.isFinite(v)).toBe(true);
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });

  it('totals: all members and activities (not only the period), subscribers at the end of the period', () => {
    // Members: ann (= s:U1), bob, carol (roster), U2 = 4; activities 5 (bot excluded); threads 2.
    const r = report(fixture(), { from: '2025-01', to: '2025-01' });
    expect(r.totals).toEqual({ members: 4, activities: 5, threads: 2, subscribers: 1 });
  });

  it('slices with from/to: a month’s numbers do not depend on the period', () => {
    const ds = prepareDataset({ records: fixture(), scorer: stubScorer });
    const all = buildReport(ds, {});
    const part = buildReport(ds, { from: '2025-02', to: '2025-03' });
    expect(part.months).toEqual(['2025-02', '2025-03']);
    for (const name of SERIES_NAMES) expect(part.series[name]).toEqual(all.series[name].slice(1, 3));
    // A wider period adds empty months around the data (counts 0, rates null, subscribers carried).
    const wide = buildReport(ds, { from: '2024-12', to: '2025-05' });
    for (const name of SERIES_NAMES) expect(wide.series[name].slice(1, 5)).toEqual(all.series[name]);
    expect(wide.series.active_members[0]).toBe(0);
    // The months before the period come along (not in the JSON): the highlights' records span all the data.
    expect(part.earlier?.from).toBe('2025-01');
    for (const name of SERIES_NAMES) expect(part.earlier?.series[name]).toEqual(all.series[name].slice(0, 1));
    expect(all.earlier).toBeUndefined();
    expect(wide.earlier).toBeUndefined();
    expect(Object.keys(JSON.parse(reportJson(part)) as object)).toEqual(Object.keys(all));
    expect(wide.series.open_rate[0]).toBeNull();
    expect(wide.series.subscribers_total[5]).toBe(1);
    expect(wide.series.churned[5]).toBe(1); // bob, active in April
  });

  it('is deterministic: the same JSON whatever the input order', () => {
    const a = fixture();
    const b = fixture();
    b.activities.reverse();
    b.persons.reverse();
    const strip = (x: ReturnType<typeof report>) => JSON.stringify(x);
    expect(strip(report(b))).toBe(strip(report(a)));
  });

  it('reports an empty period for no data, without NaN', () => {
    const r = computeReport(batch({}));
    expect(r.months).toEqual([]);
    expect(r.series.active_members).toEqual([]);
    expect(r.kpis.active_members).toEqual({ value: null, previous: null, change: null, changeKind: 'relative' });
    expect(r.totals).toEqual({ members: 0, activities: 0, threads: 0, subscribers: 0 });
  });

  it('rejects a period that ends before it starts and unknown zones', () => {
    expect(() => report(fixture(), { from: '2025-03', to: '2025-01' })).toThrow(RangeError);
    expect(() => report(fixture(), { timeZone: 'Mars/Olympus' })).toThrow(/Unknown time zone/);
  });
});

describe('month boundaries in the report time zone', () => {
  // 2025-02-01T05:00Z is Jan 31 21:00 in Los Angeles (PST, −8) and Feb 1 in UTC and Kolkata.
  // 2025-03-31T11:00Z is Apr 1 00:45 in Pacific/Chatham (+13:45 until 6 April) but Mar 31 in UTC.
  // 2025-11-01T07:30Z is Nov 1 00:30 in Los Angeles (still PDT, −7): November, not October.
  const b = () =>
    batch({
      activities: [
        act('d:a', 'message', '2025-02-01T05:00:00Z'),
        act('d:b', 'message', '2025-03-31T11:00:00Z'),
        act('d:c', 'message', '2025-11-01T07:30:00Z'),
      ],
    });

  it('Los Angeles', () => {
    const s = byMonth(report(b(), { timeZone: 'America/Los_Angeles' }), 'contributions');
    expect(s['2025-01']).toBe(1);
    expect(s['2025-02']).toBe(0);
    expect(s['2025-03']).toBe(1);
    expect(s['2025-10']).toBe(0);
    expect(s['2025-11']).toBe(1);
  });

  it('UTC', () => {
    const r = report(b());
    expect(r.period).toEqual({ from: '2025-02', to: '2025-11' });
    expect(byMonth(r, 'contributions')['2025-02']).toBe(1);
    expect(byMonth(r, 'contributions')['2025-03']).toBe(1);
  });

  it('Asia/Kolkata (+5:30)', () => {
    // 2025-01-31T18:29Z = Jan 31 23:59 IST; 2025-01-31T18:30Z = Feb 1 00:00 IST.
    const r = report(
      batch({ activities: [act('d:a', 'message', '2025-01-31T18:29:00Z'), act('d:b', 'message', '2025-01-31T18:30:00Z')] }),
      { timeZone: 'Asia/Kolkata' },
    );
    expect(byMonth(r, 'contributions')).toEqual({ '2025-01': 1, '2025-02': 1 });
  });

  it('Pacific/Chatham (+13:45)', () => {
    const s = byMonth(report(b(), { timeZone: 'Pacific/Chatham' }), 'contributions');
    expect(s['2025-03']).toBe(0);
    expect(s['2025-04']).toBe(1);
  });
});

describe('source filter (per-source breakdown)', () => {
  it('keeps only the chosen sources’ activities, rosters and newsletters, with identities still merged', () => {
    const r = report(fixture(), { sources: ['s'] });
    // Slack ('s'): U1 (= ann) in Feb, U2 in March. No roster, no newsletter, no threads.
    expect(r.period).toEqual({ from: '2025-02', to: '2025-03' });
    expect(r.series.active_members).toEqual([1, 1]);
    expect(r.series.new_members).toEqual([1, 1]);
    expect(r.series.campaigns_sent).toEqual([0, 0]);
    expect(r.totals).toEqual({ members: 2, activities: 2, threads: 0, subscribers: 0 });
    expect(r.topContributors.map((c) => c.name)).toEqual(['Ann Lee', 'U2']);
  });

  it('gives the same numbers for a month as a report on that source’s records alone', () => {
    const f = fixture();
    const onlyD = batch({ persons: f.persons.filter((p) => p.source === 'd'), activities: f.activities.filter((a) => a.source === 'd') });
    const filtered = report(f, { sources: ['d'], from: '2025-01', to: '2025-04' });
    const alone = report(onlyD, { from: '2025-01', to: '2025-04' });
    expect(filtered.series).toEqual(alone.series);
    expect(filtered.retention).toEqual(alone.retention);
  });
});
