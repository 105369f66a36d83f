import { describe, expect, it } from 'vitest';
import { buildReport, prepareDataset } from '../metrics';
import { act, batch, person, stubScorer } from '../metrics/testing';
import type { SentimentLabel } from '../sentiment';
import { listeningView } from './from-dataset';
import { sentimentBreakdown } from './sentiment-breakdown';

/*
 * The stub scorer scores "good" +0.5, "bad" −0.5, else 0.
 *   Jan (d = discourse, s = slack):
 *     d:t:1  Ann posts "bad sync", Bob replies "bad indeed" (a response), Ann replies "good"
 *     s      Cat writes "bad bad export" (chat)
 *   Feb:
 *     d:t:2  Ann posts "bad crash sync" — only Ann replies "bad still" → unanswered
 *     d:t:3  Bob posts "bad crash", Cat replies "ok" (answered)
 *     d:t:4  Cat posts "bad crash sync"; nobody replies → unanswered
 *     s      Cat writes "good day", "bad crash"; a system bot writes "bad" (not a person)
 * Jan: 4 texts, 3 negative (d 2, s 1), 1 positive.  Feb: 7 texts (the bot's is not counted), 5 negative,
 * 1 positive ("good day"), 1 neutral ("ok").  Sources: `d` 8 texts (1 +, 6 −), `s` 3 texts (1 +, 2 −).
 */
const acts = {
  janPost: act('d:ann', 'post', '2025-01-05T10:00:00Z', { text: 'bad sync', threadKey: 'd:t:1', title: 'Sync', url: 'https://forum.example.org/t/1/1' }),
  janReply: act('d:bob', 'reply', '2025-01-05T11:00:00Z', { text: 'bad indeed', threadKey: 'd:t:1' }),
  janThanks: act('d:ann', 'reply', '2025-01-05T12:00:00Z', { text: 'good', threadKey: 'd:t:1' }),
  janChat: act('s:cat', 'message', '2025-01-20T09:00:00Z', { text: 'bad bad export' }),
  febPost: act('d:ann', 'post', '2025-02-02T10:00:00Z', { text: 'bad crash sync', threadKey: 'd:t:2', title: 'Crash' }),
  febSelf: act('d:ann', 'reply', '2025-02-02T12:00:00Z', { text: 'bad still', threadKey: 'd:t:2' }),
  febBob: act('d:bob', 'post', '2025-02-03T10:00:00Z', { text: 'bad crash', threadKey: 'd:t:3', title: 'Crash too' }),
  febOk: act('d:cat', 'reply', '2025-02-03T11:00:00Z', { text: 'ok', threadKey: 'd:t:3' }),
  febCat: act('d:cat', 'post', '2025-02-10T10:00:00Z', { text: 'bad crash sync', threadKey: 'd:t:4', title: 'Crash again' }),
  febGood: act('s:cat', 'message', '2025-02-11T10:00:00Z', { text: 'good day' }),
  febChat: act('s:cat', 'message', '2025-02-12T10:00:00Z', { text: 'bad crash' }),
  bot: act('d:system', 'reply', '2025-02-12T11:00:00Z', { text: 'bad', threadKey: 'd:t:4' }),
};
const records = batch({
  persons: [person('d:ann', { name: 'Ann Lee' }), person('d:system', { bot: true })],
  activities: Object.values(acts),
});

function view(corrections: Record<string, SentimentLabel> = {}, options = {}) {
  const ds = prepareDataset({ records, scorer: stubScorer, sentimentOverrides: corrections });
  return { ds, v: listeningView(ds, { scorer: stubScorer, minTermCount: 2, ...options }, corrections) };
}

describe('listeningView', () => {
  it('lists the period’s negative texts, most negative first, with author, source, date and thread title', () => {
    const { v } = view();
    expect(v.period).toEqual({ from: '2025-01', to: '2025-02' });
    expect(v.texts).toBe(11);
    expect(v.negatives).toBe(8);
    // 8 negative texts, 6 distinct: "bad crash sync" (febPost, febCat) and "bad crash" (febBob,
    // febChat) are each listed once, by their newest copy, with the other's key.
    expect(v.messages).toHaveLength(6);
    expect(v.messages.find((m) => m.key === acts.febCat.key)?.sameText).toEqual([acts.febPost.key]);
    expect(v.messages.find((m) => m.key === acts.febChat.key)?.sameText).toEqual([acts.febBob.key]);
    expect(v.messages.every((m) => m.label === 'negative' && m.score === -0.5)).toBe(true);
    // equal scores: newest first
    expect(v.messages[0]!.key).toBe(acts.febChat.key);
    const first = v.messages.find((m) => m.key === acts.janPost.key)!;
    expect(first).toMatchObject({
      author: 'Ann Lee',
      source: 'd',
      kind: 'post',
      month: '2025-01',
      threadTitle: 'Sync',
      url: 'https://forum.example.org/t/1/1',
      text: 'bad sync',
      corrected: false,
    });
    expect(v.messages.find((m) => m.key === acts.janReply.key)?.threadTitle).toBe('Sync');
    expect(v.messages.some((m) => m.key === acts.bot.key)).toBe(false);
  });

  it('honours the period and the source filter', () => {
    const { v } = view({}, { from: '2025-02', to: '2025-02', sources: ['s'] });
    expect(v.texts).toBe(2);
    expect(v.messages.map((m) => m.key)).toEqual([acts.febChat.key]);
  });

  it('ranks threads by their negative texts in the period', () => {
    const { v } = view();
    // t2: 2 of 2 negative; t1: 2 of 3; t4: 1 of 1; t3: 1 of 2
    expect(v.threads.map((t) => [t.threadKey, t.negatives, t.texts])).toEqual([
      ['d:t:2', 2, 2],
      ['d:t:1', 2, 3],
      ['d:t:4', 1, 1],
      ['d:t:3', 1, 2],
    ]);
    expect(v.threads[1]!.title).toBe('Sync');
  });

  it('finds threads where a negative post got no response (self-replies and bots do not count)', () => {
    const { v } = view();
    expect(v.unanswered.map((u) => [u.threadKey, u.title, u.item.key, u.unanswered])).toEqual([
      ['d:t:4', 'Crash again', acts.febCat.key, 1],
      ['d:t:2', 'Crash', acts.febSelf.key, 2],
    ]);
  });

  it('compares negative terms of the period’s last month with the month before', () => {
    /*
     * Feb negatives (N = 5): bad 5, crash 4 (febPost, febBob, febCat, febChat), sync 2 (febPost, febCat), still 1.
     * Jan negatives (P = 3): bad 3, sync 1, indeed 1, export 1.   minCount 2:
     *   crash: expected 0           → ln(4.5/0.5) = ln 9
     *   sync:  expected 1·5/3 ≈ 1.67 → ln(2.5/2.1667) ≈ 0.143
     *   bad:   expected 3·5/3 = 5    → ln(5.5/5.5) = 0 → not rising (in every complaint, both months)
     */
    const { v } = view();
    expect([v.thisMonth, v.lastMonth, v.thisMonthNegatives, v.lastMonthNegatives]).toEqual(['2025-02', '2025-01', 5, 3]);
    expect(v.rising.map((t) => [t.term, t.count, t.previousCount])).toEqual([
      ['crash', 4, 0],
      ['sync', 2, 1],
    ]);
    expect(v.rising[0]!.score).toBeCloseTo(Math.log(9), 12);
    expect(v.rising[1]!.score).toBeCloseTo(Math.log(2.5 / (5 / 3 + 0.5)), 12);
  });

  it('shows corrections: a negative corrected to positive leaves the lists and is listed as corrected', () => {
    const { v } = view({ [acts.febCat.key]: 'positive', [acts.febGood.key]: 'negative' });
    expect(v.negatives).toBe(8);
    expect(v.messages.some((m) => m.key === acts.febCat.key)).toBe(false);
    const flagged = v.messages.find((m) => m.key === acts.febGood.key)!;
    expect(flagged).toMatchObject({ label: 'negative', scorerLabel: 'positive', score: 0.5, corrected: true });
    expect(v.unanswered.map((u) => u.threadKey)).toEqual(['d:t:2']);
    expect(v.corrections.map((c) => [c.key, c.scorerLabel, c.label])).toEqual([
      [acts.febGood.key, 'positive', 'negative'],
      [acts.febCat.key, 'negative', 'positive'],
    ]);
  });

  it('lists corrections outside the period too, and ignores corrections of unknown activities', () => {
    const { v } = view({ [acts.janChat.key]: 'neutral', 'gone:a:1': 'positive' }, { from: '2025-02', to: '2025-02' });
    expect(v.corrections.map((c) => c.key)).toEqual([acts.janChat.key]);
  });

  it('is empty (but keeps corrections) when nothing is dated', () => {
    const ds = prepareDataset({ records: batch({}), scorer: stubScorer });
    const v = listeningView(ds, { scorer: stubScorer });
    expect(v.period).toBeNull();
    expect(v.messages).toEqual([]);
    expect(v.rising).toEqual([]);
  });
});

describe('sentimentBreakdown', () => {
  it('counts texts per month and source, with the report’s exact shares', () => {
    const ds = prepareDataset({ records, scorer: stubScorer });
    const b = sentimentBreakdown(ds);
    const r = buildReport(ds);
    expect(b.months).toEqual(r.months);
    expect(b.monthly.map((m) => [m.texts, m.positive, m.negative, m.neutral])).toEqual([
      [4, 1, 3, 0],
      [7, 1, 5, 1],
    ]);
    expect(b.monthly.map((m) => m.positiveShare)).toEqual(r.series.sentiment_positive_share);
    expect(b.monthly.map((m) => m.negativeShare)).toEqual(r.series.sentiment_negative_share);
    expect(b.monthly.map((m) => m.net)).toEqual(r.series.net_sentiment);
    expect(b.monthly[1]!.neutralShare).toBeCloseTo(1 / 7, 15);
    expect(b.bySource.map((s) => [s.source, s.texts, s.positive, s.negative])).toEqual([
      ['d', 8, 1, 6],
      ['s', 3, 1, 2],
    ]);
    expect(b.total).toMatchObject({ texts: 11, positive: 2, negative: 8, neutral: 1 });
  });

  it('follows the period, sources, zone and corrections like the report', () => {
    const corrections: Record<string, SentimentLabel> = { [acts.febChat.key]: 'positive' };
    const ds = prepareDataset({ records, scorer: stubScorer, sentimentOverrides: corrections });
    const opts = { from: '2025-02', to: '2025-03', sources: ['s'], timeZone: 'Europe/Berlin' };
    const b = sentimentBreakdown(ds, opts);
    const r = buildReport(ds, opts);
    expect(b.months).toEqual(['2025-02', '2025-03']);
    expect(b.monthly.map((m) => m.negativeShare)).toEqual(r.series.sentiment_negative_share);
    expect(b.monthly.map((m) => [m.texts, m.positive, m.negative])).toEqual([
      [2, 2, 0],
      [0, 0, 0],
    ]);
    expect(b.monthly[1]).toMatchObject({ positiveShare: null, negativeShare: null, neutralShare: null, net: null });
    expect(b.bySource.map((s) => s.source)).toEqual(['s']);
  });

  it('is empty without data', () => {
    const b = sentimentBreakdown(prepareDataset({ records: batch({}), scorer: stubScorer }));
    expect(b).toMatchObject({ months: [], monthly: [], bySource: [], total: { texts: 0, net: null } });
  });
});
