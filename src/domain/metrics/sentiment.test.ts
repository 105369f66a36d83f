import { describe, expect, it } from 'vitest';
import { act, batch, byMonth, person, report } from './testing';

/*
 * The stub scorer (testing.ts) scores "good" +0.5 (positive), "bad" −0.5 (negative), else 0 (neutral).
 *   Jan: post "good day" (+), reply "bad luck" (−), message "meh" (0), message "" and "   "
 *        (no text: not counted), reaction "good" (not post/reply/message), bot message "good" (bot)
 *        → 3 texts: positive 1/3, negative 1/3, net 0.
 *   Feb: messages "good", "good", "bad", "ok" → positive 2/4 = 0.5, negative 1/4 = 0.25, net 0.25.
 *   Mar: only a reaction → no text → all null.
 */
const meh = act('d:ann', 'message', '2025-01-03T00:00:00Z', { text: 'meh' });
const fixture = () =>
  batch({
    persons: [person('d:system', { bot: true })],
    activities: [
      act('d:ann', 'post', '2025-01-01T00:00:00Z', { text: 'good day', threadKey: 'd:t:1' }),
      act('d:bob', 'reply', '2025-01-02T00:00:00Z', { text: 'bad luck', threadKey: 'd:t:1' }),
      meh,
      act('d:ann', 'message', '2025-01-04T00:00:00Z', { text: '' }),
      act('d:ann', 'message', '2025-01-05T00:00:00Z', { text: '   ' }),
      act('d:ann', 'reaction', '2025-01-06T00:00:00Z', { text: 'good' }),
      act('d:system', 'message', '2025-01-07T00:00:00Z', { text: 'good' }),
      act('d:ann', 'message', '2025-02-01T00:00:00Z', { text: 'good' }),
      act('d:bob', 'message', '2025-02-02T00:00:00Z', { text: 'good' }),
      act('d:ann', 'message', '2025-02-03T00:00:00Z', { text: 'bad' }),
      act('d:bob', 'message', '2025-02-04T00:00:00Z', { text: 'ok' }),
      act('d:bob', 'reaction', '2025-03-01T00:00:00Z'),
    ],
  });

describe('sentiment_positive_share', () => {
  it('is the positive share of post/reply/message texts; null without text', () => {
    const s = byMonth(report(fixture()), 'sentiment_positive_share');
    expect(s['2025-01']).toBeCloseTo(1 / 3, 15);
    expect(s['2025-02']).toBe(0.5);
    expect(s['2025-03']).toBeNull();
  });

  it('applies user corrections (activity key → label) over the scorer', () => {
    // "meh" corrected to positive → Jan: 2/3 positive, 1/3 negative, net 1/3.
    const r = report(fixture(), { sentimentOverrides: { [meh.key]: 'positive' } });
    expect(byMonth(r, 'sentiment_positive_share')['2025-01']).toBeCloseTo(2 / 3, 15);
    expect(byMonth(r, 'net_sentiment')['2025-01']).toBeCloseTo(1 / 3, 15);
  });
});

describe('sentiment_negative_share', () => {
  it('is the negative share of post/reply/message texts; null without text', () => {
    const s = byMonth(report(fixture()), 'sentiment_negative_share');
    expect(s['2025-01']).toBeCloseTo(1 / 3, 15);
    expect(s['2025-02']).toBe(0.25);
    expect(s['2025-03']).toBeNull();
  });
});

describe('net_sentiment', () => {
  it('is positive share − negative share', () => {
    expect(byMonth(report(fixture()), 'net_sentiment')).toEqual({ '2025-01': 0, '2025-02': 0.25, '2025-03': null });
  });

  it('uses the 0.05 thresholds of labelFor on the scorer output', () => {
    // 0.05 is positive, 0.0499 neutral, −0.05 negative.
    const scores: Record<string, number> = { a: 0.05, b: 0.0499, c: -0.05, d: 0 };
    const b = batch({ activities: ['a', 'b', 'c', 'd'].map((t) => act('d:x', 'message', '2025-01-01T00:00:00Z', { text: t })) });
    const r = report(b, { scorer: (t) => scores[t] ?? 0 });
    expect(r.series.sentiment_positive_share).toEqual([0.25]);
    expect(r.series.sentiment_negative_share).toEqual([0.25]);
  });
});
