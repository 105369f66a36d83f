import { describe, expect, it } from 'vitest';
import { prepareDataset } from '../domain/metrics';
import { act, batch, person, stubScorer } from '../domain/metrics/testing';
import { ActivityTableBuilder } from '../domain/metrics/activity-table';
import { encodeChunk } from '../storage/activity-chunks';
import { displayEvent, readsTexts, runQuery, type DatasetQuery } from './compute-queries';

// Two forum members (Jan–Mar 2025), one meetup attendee (Feb), one campaign (Feb), one post (Mar).
const ds = prepareDataset({
  scorer: stubScorer,
  records: batch({
    persons: [
      person('discourse:ann', { name: 'Ann' }),
      person('discourse:bob', { name: 'Bob' }),
      person('meetup:cy', { name: 'Cy' }),
    ],
    activities: [
      act('discourse:ann', 'post', '2025-01-10T10:00:00Z', { threadKey: 'discourse:t:1' }),
      act('discourse:bob', 'reply', '2025-01-10T12:00:00Z', { threadKey: 'discourse:t:1' }),
      act('discourse:ann', 'post', '2025-02-03T10:00:00Z', {
        threadKey: 'discourse:t:2',
        title: 'Nobody answers',
      }),
      act('meetup:cy', 'attend', '2025-02-20T18:00:00Z', { channel: 'meetup:event:Weave night' }),
      act('discourse:bob', 'reply', '2025-03-01T09:00:00Z', { threadKey: 'discourse:t:1' }),
    ],
    campaigns: [
      {
        key: 'mc:1',
        source: 'mailchimp',
        title: 'Feb digest',
        sentAt: Date.parse('2025-02-05T09:00:00Z'),
        delivered: 100,
        uniqueOpens: 40,
        uniqueClicks: 5,
      },
    ],
    socialPosts: [
      {
        key: 'x:1',
        source: 'x',
        publishedAt: Date.parse('2025-03-02T09:00:00Z'),
        impressions: 1000,
        engagements: 30,
      },
    ],
  }),
});

describe('runQuery', () => {
  it('meta: the sources present and the data extent, ignoring the requested period', () => {
    expect(
      runQuery<'meta'>(ds, { kind: 'meta', options: { timeZone: 'UTC', from: '2024-01', to: '2024-02' } }),
    ).toEqual({
      sources: ['discourse', 'mailchimp', 'meetup', 'x'],
      from: '2025-01',
      to: '2025-03',
      // The social post of 2 March, 09:00 is the latest dated record.
      lastAt: Date.parse('2025-03-02T09:00:00Z'),
      // Every source's kinds of data and their months, whatever the period or source filter.
      kinds: {
        activity: {
          discourse: { from: '2025-01', to: '2025-03' },
          meetup: { from: '2025-02', to: '2025-02' },
        },
        threads: { discourse: { from: '2025-01', to: '2025-02' } },
        events: { meetup: { from: '2025-02', to: '2025-02' } },
        campaigns: { mailchimp: { from: '2025-02', to: '2025-02' } },
        social: { x: { from: '2025-03', to: '2025-03' } },
      },
    });
  });

  it('meta under a source filter narrows the extent and the latest record', () => {
    expect(
      runQuery<'meta'>(ds, { kind: 'meta', options: { timeZone: 'UTC', sources: ['meetup'] } }),
    ).toMatchObject({
      from: '2025-02',
      to: '2025-02',
      lastAt: Date.parse('2025-02-20T18:00:00Z'),
      kinds: { campaigns: { mailchimp: { from: '2025-02', to: '2025-02' } } },
    });
  });

  it('contributors: activities in the period, most first, with member keys', () => {
    const rows = runQuery<'contributors'>(ds, {
      kind: 'contributors',
      options: { timeZone: 'UTC', from: '2025-01', to: '2025-02' },
      limit: 10,
    });
    expect(rows.map((r) => [r.name, r.activities, r.key])).toEqual([
      ['Ann', 2, 'discourse:ann'],
      ['Bob', 1, 'discourse:bob'],
      ['Cy', 1, 'meetup:cy'],
    ]);
  });

  it('campaigns, posts and events: only those inside the period and the source filter', () => {
    const feb = { timeZone: 'UTC', from: '2025-02', to: '2025-02' };
    expect(runQuery<'campaigns'>(ds, { kind: 'campaigns', options: feb }).map((c) => c.title)).toEqual([
      'Feb digest',
    ]);
    expect(
      runQuery<'campaigns'>(ds, { kind: 'campaigns', options: { ...feb, sources: ['discourse'] } }),
    ).toEqual([]);
    expect(runQuery<'socialPosts'>(ds, { kind: 'socialPosts', options: feb })).toEqual([]);
    expect(
      runQuery<'socialPosts'>(ds, {
        kind: 'socialPosts',
        options: { ...feb, from: '2025-03', to: '2025-03' },
      }),
    ).toHaveLength(1);
    expect(runQuery<'events'>(ds, { kind: 'events', options: feb })).toEqual([
      { name: 'Weave night', source: 'meetup', firstAt: Date.parse('2025-02-20T18:00:00Z'), attendees: 1 },
    ]);
  });

  it('events: named as the export writes them (the attendance title), else from the key', () => {
    const named = prepareDataset({
      scorer: stubScorer,
      records: batch({
        persons: [person('luma:di', { name: 'Di' }), person('luma:ed', { name: 'Ed' })],
        activities: [
          act('luma:di', 'attend', '2025-06-01T18:00:00Z', {
            channel: 'luma:event:loomcraft summer weave-along',
            title: 'Loomcraft Summer Weave-along',
          }),
          act('luma:ed', 'attend', '2025-06-08T18:00:00Z', { channel: 'luma:event:autumn workshop' }),
        ],
      }),
    });
    expect(
      runQuery<'events'>(named, { kind: 'events', options: { timeZone: 'UTC' } }).map((e) => e.name),
    ).toEqual(['Loomcraft Summer Weave-along', 'autumn workshop']);
  });

  it('unanswered: the February thread has no reply by anyone else', () => {
    const rows = runQuery<'unanswered'>(ds, { kind: 'unanswered', options: { timeZone: 'UTC' }, limit: 5 });
    expect(rows.map((t) => t.title)).toEqual(['Nobody answers']);
  });

  it('timeline: newest first, capped, with the total', () => {
    const t = runQuery<'timeline'>(ds, { kind: 'timeline', key: 'discourse:bob', limit: 1 });
    expect(t?.total).toBe(2);
    expect(t?.activities.map((a) => a.kind)).toEqual(['reply']);
    expect(t?.activities[0]?.at).toBe(Date.parse('2025-03-01T09:00:00Z'));
    expect(runQuery<'timeline'>(ds, { kind: 'timeline', key: 'nobody:x', limit: 5 })).toBeNull();
  });
});

describe('displayEvent', () => {
  it('drops the source and event prefix', () => {
    expect(displayEvent('luma:event:Spring meetup')).toBe('Spring meetup');
    expect(displayEvent('plain')).toBe('plain');
  });
});

describe('runQuery: people', () => {
  it('lists resolved persons with their sources and emails, one row per person after email merges', () => {
    const merged = prepareDataset({
      scorer: stubScorer,
      records: batch({
        persons: [
          person('discourse:ann', { name: 'Ann', email: 'ann@x.org' }),
          person('slack:U1', { name: 'Ann S', email: 'ann@x.org' }),
          person('meetup:cy', { name: 'Cy' }),
        ],
        activities: [act('discourse:ann', 'post', '2025-01-10T10:00:00Z', { threadKey: 'discourse:t:1' })],
      }),
    });
    const rows = runQuery<'people'>(merged, { kind: 'people' });
    // Ann's forum and Slack accounts share an email: one person with both sources.
    expect(rows.map((r) => [r.name, r.sources, r.emails, r.keys.length]).sort()).toEqual([
      ['Ann', ['discourse', 'slack'], ['ann@x.org'], 2],
      ['Cy', ['meetup'], [], 1],
    ]);
    // Each account keeps its own name, for the merge history ("Ann S (Slack, U1)").
    const ann = rows.find((r) => r.name === 'Ann')!;
    expect(ann.accounts.map((a) => [a.key, a.source, a.name])).toEqual([
      ['discourse:ann', 'discourse', 'Ann'],
      ['slack:U1', 'slack', 'Ann S'],
    ]);
  });
});

describe('readsTexts', () => {
  it('every query it leaves out runs on a dataset whose texts are still in storage; the ones it names need them', () => {
    const records = batch({
      persons: [person('discourse:ann', { name: 'Ann' }), person('discourse:bob', { name: 'Bob' })],
      activities: [
        act('discourse:ann', 'post', '2025-01-10T10:00:00Z', {
          threadKey: 'discourse:t:1',
          text: 'Is this broken?',
        }),
        act('discourse:bob', 'reply', '2025-02-10T12:00:00Z', {
          threadKey: 'discourse:t:1',
          text: 'Works for me, thanks',
        }),
        act('discourse:bob', 'post', '2025-02-11T12:00:00Z', {
          threadKey: 'discourse:t:2',
          text: 'This is awful and broken',
          title: 'Nobody answers',
        }),
        // Texts that are not scored: blank, and a kind sentiment ignores.
        act('discourse:ann', 'reply', '2025-02-12T12:00:00Z', { threadKey: 'discourse:t:1', text: '   ' }),
        act('discourse:ann', 'reaction', '2025-02-12T13:00:00Z', { text: 'great' }),
      ],
    });
    // The chunk as the dashboard's load reads it: text lengths only (the characters stay in activityTexts).
    const { textPack, ...stored } = encodeChunk('i:0', 'i', records.activities);
    const table = new ActivityTableBuilder(false);
    table.addColumns({ ...stored, textLen: textPack!.len }, stored.score);
    const lazy = prepareDataset({ records: { ...records, activities: [] }, activities: table.build() });
    // Prepared without reading a text, to the same sentiment as from the records.
    const eager = prepareDataset({ records });
    expect([...lazy.sentiment]).toEqual([...eager.sentiment]);
    expect([...lazy.sentiment].filter((s) => s !== 0)).toHaveLength(3);
    const options = { timeZone: 'UTC' };
    const queries: DatasetQuery[] = [
      { kind: 'meta', options },
      { kind: 'cohortMembers', options, cohort: '2025-01', k: 0 },
      { kind: 'newMembers', options, month: '2025-01' },
      { kind: 'quietMembers', options, month: '2025-02' },
      { kind: 'contributors', options, limit: 10 },
      { kind: 'unanswered', options, limit: 5 },
      { kind: 'campaigns', options },
      { kind: 'socialPosts', options },
      { kind: 'events', options },
      { kind: 'dailyReports', options },
      { kind: 'timeline', key: 'discourse:ann', limit: 10 },
      { kind: 'people' },
      { kind: 'sentiment', options },
      { kind: 'listening', options, corrections: {} },
    ];
    for (const q of queries) {
      if (readsTexts(q.kind)) expect(() => runQuery(lazy, q), q.kind).toThrow(/not loaded/);
      else expect(() => runQuery(lazy, q), q.kind).not.toThrow();
    }
    expect(queries.filter((q) => readsTexts(q.kind)).map((q) => q.kind)).toEqual([
      'unanswered',
      'timeline',
      'listening',
    ]);
  });
});
