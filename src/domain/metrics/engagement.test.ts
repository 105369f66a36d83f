import { describe, expect, it } from 'vitest';
import { act, batch, byMonth, person, report } from './testing';

/*
 * Fixture (UTC):
 *   ann  post 2025-01-03 10:00, reply 2025-01-03 15:00, message 2025-01-20
 *   bob  reaction 2025-01-20, message 2025-03-02
 *   carol roster only, joined 2025-02-10, never active
 *   bot  message 2025-01-05 (not a community activity)
 * February has no activity at all.
 */
const fixture = () =>
  batch({
    persons: [
      person('d:ann'),
      person('d:bob'),
      person('d:carol', { roster: true, joinedAt: Date.parse('2025-02-10T00:00:00Z') }),
      person('d:system', { bot: true }),
    ],
    activities: [
      act('d:ann', 'post', '2025-01-03T10:00:00Z', { threadKey: 'd:t:1' }),
      act('d:ann', 'reply', '2025-01-03T15:00:00Z', { threadKey: 'd:t:1' }),
      act('d:ann', 'message', '2025-01-20T09:00:00Z'),
      act('d:bob', 'reaction', '2025-01-20T11:00:00Z'),
      act('d:system', 'message', '2025-01-05T00:00:00Z'),
      act('d:bob', 'message', '2025-03-02T12:00:00Z'),
    ],
  });

describe('active_members', () => {
  it('counts distinct members with a community activity; bots are not members; empty months are 0', () => {
    // Jan: ann, bob (bot excluded) = 2; Feb: nobody = 0; Mar: bob = 1.
    expect(byMonth(report(fixture()), 'active_members')).toEqual({ '2025-01': 2, '2025-02': 0, '2025-03': 1 });
  });
});

describe('contributions', () => {
  it('counts community activities, bots excluded', () => {
    // Jan: ann 3 + bob 1 = 4 (the bot's message is not counted); Feb 0; Mar 1.
    expect(byMonth(report(fixture()), 'contributions')).toEqual({ '2025-01': 4, '2025-02': 0, '2025-03': 1 });
  });
});

describe('new_members', () => {
  it('counts first_seen: first activity or roster join, whichever is earlier', () => {
    // ann and bob first act in Jan; carol is a roster member first seen at her join (Feb).
    expect(byMonth(report(fixture()), 'new_members')).toEqual({ '2025-01': 2, '2025-02': 1, '2025-03': 0 });
  });

  it('uses a roster join before the first activity, opening the default period at that month', () => {
    // dave joined 2024-12-15 and first posted 2025-01-05: first_seen = December.
    const r = report(
      batch({
        persons: [person('d:dave', { roster: true, joinedAt: Date.parse('2024-12-15T00:00:00Z') })],
        activities: [act('d:dave', 'post', '2025-01-05T00:00:00Z')],
      }),
    );
    expect(byMonth(r, 'new_members')).toEqual({ '2024-12': 1, '2025-01': 0 });
    expect(byMonth(r, 'active_members')).toEqual({ '2024-12': 0, '2025-01': 1 });
  });

  it('counts a member once even when several sources know them (email merge)', () => {
    // Same email on Discourse and Slack → one member, first seen in Jan (the earlier activity).
    const r = report(
      batch({
        persons: [person('d:ann', { email: 'ann@x.org' }), person('s:U1', { email: 'ann@x.org' })],
        activities: [act('d:ann', 'post', '2025-01-10T00:00:00Z'), act('s:U1', 'message', '2025-02-10T00:00:00Z')],
      }),
    );
    expect(byMonth(r, 'new_members')).toEqual({ '2025-01': 1, '2025-02': 0 });
    expect(r.totals.members).toBe(1);
  });
});

describe('stickiness', () => {
  it('is the mean DAU over every calendar day of m divided by active_members; null when nobody was active', () => {
    // Jan: DAU(3rd) = 1 (ann), DAU(20th) = 2 (ann, bob), other 29 days 0 → mean 3/31; ÷ 2 active = 3/62.
    // Feb: 0 active → null. Mar: DAU(2nd) = 1 → (1/31) ÷ 1.
    const s = byMonth(report(fixture()), 'stickiness');
    expect(s['2025-01']).toBeCloseTo(3 / 62, 15);
    expect(s['2025-02']).toBeNull();
    expect(s['2025-03']).toBeCloseTo(1 / 31, 15);
  });

  it('divides by the days of the month (28 in February 2025)', () => {
    // One member active on one day of Feb 2025: (1/28) ÷ 1.
    const r = report(batch({ activities: [act('d:ann', 'message', '2025-02-14T12:00:00Z')] }));
    expect(byMonth(r, 'stickiness')['2025-02']).toBeCloseTo(1 / 28, 15);
  });

  it('cuts days at local midnight of the report zone, also on the 23-hour DST day', () => {
    // America/Los_Angeles, DST starts 2025-03-09 02:00 local.
    //   2025-03-09T07:30Z = Mar 8 23:30 PST; 2025-03-09T08:30Z = Mar 9 00:30 PST → two local days.
    // In UTC both fall on Mar 9 (one day). March: (2/31) ÷ 1 in LA, (1/31) ÷ 1 in UTC.
    const b = batch({
      activities: [act('d:ann', 'message', '2025-03-09T07:30:00Z'), act('d:ann', 'message', '2025-03-09T08:30:00Z')],
    });
    expect(byMonth(report(b, { timeZone: 'America/Los_Angeles' }), 'stickiness')['2025-03']).toBeCloseTo(2 / 31, 15);
    expect(byMonth(report(b), 'stickiness')['2025-03']).toBeCloseTo(1 / 31, 15);
  });
});
