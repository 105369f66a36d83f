import { describe, expect, it } from 'vitest';
import { forumRepliesMissing } from './responsiveness';
import { act, batch, byMonth, person, report } from './testing';

/*
 * Threads (UTC, 2025):
 *   T1 ann posts Jan 1 10:00. ann replies 10:30 (self-reply: not a response), the bot replies 11:00
 *      (bots are not persons), ann's second account ann2 (same email) replies 12:00 (same merged
 *      person: not a response), bob replies 13:00 → first response after 3 h.
 *   T2 bob posts Jan 2 00:00, carol replies 01:00 → 1 h.
 *   T3 carol posts Jan 5, only carol replies → unanswered.
 *   T4 dan posts Jan 31 23:00, ann replies Feb 1 02:00 → 3 h (counted in January, the thread's month).
 *   T5 ann posts Feb 3 00:00, bob replies 02:00 → 2 h.
 *   T6 ann posts Feb 4 00:00, bob replies 05:00 → 5 h.
 *   March: no threads.
 *
 *   Jan: threads 4; answered TTFRs 3, 1, 3 → sorted 1, 3, 3 → median 3; unanswered 1/4.
 *   Feb: threads 2; TTFRs 2, 5 → even count → (2 + 5) / 2 = 3.5; unanswered 0/2 = 0.
 *   Mar: threads 0; median null; unanswered null.
 */
const fixture = () =>
  batch({
    persons: [
      person('d:ann', { email: 'ann@x.org' }),
      person('d:ann2', { email: 'ANN@x.org'.toLowerCase() }),
      person('d:system', { bot: true }),
    ],
    activities: [
      act('d:ann', 'post', '2025-01-01T10:00:00Z', { threadKey: 'd:t:1' }),
      act('d:ann', 'reply', '2025-01-01T10:30:00Z', { threadKey: 'd:t:1' }),
      act('d:system', 'reply', '2025-01-01T11:00:00Z', { threadKey: 'd:t:1' }),
      act('d:ann2', 'reply', '2025-01-01T12:00:00Z', { threadKey: 'd:t:1' }),
      act('d:bob', 'reply', '2025-01-01T13:00:00Z', { threadKey: 'd:t:1' }),
      act('d:bob', 'post', '2025-01-02T00:00:00Z', { threadKey: 'd:t:2' }),
      act('d:carol', 'reply', '2025-01-02T01:00:00Z', { threadKey: 'd:t:2' }),
      act('d:carol', 'post', '2025-01-05T00:00:00Z', { threadKey: 'd:t:3' }),
      act('d:carol', 'reply', '2025-01-05T04:00:00Z', { threadKey: 'd:t:3' }),
      act('d:dan', 'post', '2025-01-31T23:00:00Z', { threadKey: 'd:t:4' }),
      act('d:ann', 'reply', '2025-02-01T02:00:00Z', { threadKey: 'd:t:4' }),
      act('d:ann', 'post', '2025-02-03T00:00:00Z', { threadKey: 'd:t:5' }),
      act('d:bob', 'reply', '2025-02-03T02:00:00Z', { threadKey: 'd:t:5' }),
      act('d:ann', 'post', '2025-02-04T00:00:00Z', { threadKey: 'd:t:6' }),
      act('d:bob', 'reply', '2025-02-04T05:00:00Z', { threadKey: 'd:t:6' }),
      act('d:bob', 'message', '2025-03-01T00:00:00Z'),
    ],
  });

describe('threads', () => {
  it('counts post activities (each starts a thread); replies are not threads', () => {
    expect(byMonth(report(fixture()), 'threads')).toEqual({ '2025-01': 4, '2025-02': 2, '2025-03': 0 });
  });
});

describe('median_ttfr_hours', () => {
  it('ignores self-replies, replies from the same merged person and bot replies; even counts average the middle two', () => {
    expect(byMonth(report(fixture()), 'median_ttfr_hours')).toEqual({ '2025-01': 3, '2025-02': 3.5, '2025-03': null });
  });

  it('counts a first response from a later month, also when the period ends before it', () => {
    const r = report(fixture(), { from: '2025-01', to: '2025-01' });
    expect(r.series.median_ttfr_hours).toEqual([3]);
    expect(r.series.unanswered_share).toEqual([0.25]);
  });

  it('counts a bot reply as a response once the bot flag is gone (the fixture depends on it)', () => {
    // Control: without the bot flag, T1's first response is the 11:00 reply (1 h): Jan TTFRs 1, 1, 3 → median 1.
    const b = fixture();
    b.persons = b.persons.map((p) => (p.key === 'd:system' ? { ...p, bot: false } : p));
    expect(byMonth(report(b), 'median_ttfr_hours')['2025-01']).toBe(1);
  });
});

describe('unanswered_share', () => {
  it('is threads with no first response anywhere ÷ threads; null with no threads', () => {
    expect(byMonth(report(fixture()), 'unanswered_share')).toEqual({ '2025-01': 0.25, '2025-02': 0, '2025-03': null });
  });

  it('treats a thread answered only by its author or a bot as unanswered', () => {
    const r = report(
      batch({
        persons: [person('d:system', { bot: true })],
        activities: [
          act('d:eve', 'post', '2025-04-01T00:00:00Z', { threadKey: 'd:t:9' }),
          act('d:eve', 'reply', '2025-04-01T01:00:00Z', { threadKey: 'd:t:9' }),
          act('d:system', 'reply', '2025-04-01T02:00:00Z', { threadKey: 'd:t:9' }),
        ],
      }),
    );
    expect(r.series.unanswered_share).toEqual([1]);
    expect(r.series.median_ttfr_hours).toEqual([null]);
  });
});

describe('forumRepliesMissing', () => {
  const src = (format: string) => ({ file: `${format}.csv`, format, rows: 1, imported: 1, skipped: 0 });
  it('is true when the forum data is a personal archive only (its owner’s posts, nobody’s replies)', () => {
    expect(forumRepliesMissing([src('discourse-user-archive')])).toBe(true);
    expect(forumRepliesMissing([src('discourse-user-list'), src('discourse-user-archive'), src('slack-export')])).toBe(
      true,
    );
  });
  it('is false with a posts export beside the archive, or without an archive', () => {
    expect(forumRepliesMissing([src('discourse-user-archive'), src('discourse-posts')])).toBe(false);
    expect(forumRepliesMissing([src('discourse-posts'), src('discourse-user-archive')])).toBe(false);
    expect(forumRepliesMissing([src('slack-export')])).toBe(false);
    expect(forumRepliesMissing([])).toBe(false);
  });
});
