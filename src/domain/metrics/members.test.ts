import { describe, expect, it } from 'vitest';
import { memberTimeline, oldestUnansweredThreads, prepareDataset, quietMembers } from './index';
import { act, batch, person } from './testing';

/*
 * (UTC, 2025) Jan: ann, bob, carol active; Feb: bob active → ann and carol went quiet in Feb.
 * Threads: T1 ann Jan 2 (unanswered), T2 bob Jan 3 (answered by ann), T3 carol Jan 4 (unanswered),
 * T4 bob Feb 1 (unanswered).
 */
const ds = () =>
  prepareDataset({
    records: batch({
      persons: [person('d:ann', { email: 'ann@x.org' }), person('s:U1', { name: 'Ann Lee', email: 'ann@x.org' })],
      activities: [
        act('d:ann', 'post', '2025-01-02T00:00:00Z', { threadKey: 'd:t:1', title: 'Help?' }),
        act('d:bob', 'post', '2025-01-03T00:00:00Z', { threadKey: 'd:t:2' }),
        act('d:ann', 'reply', '2025-01-03T01:00:00Z', { threadKey: 'd:t:2' }),
        act('d:carol', 'post', '2025-01-04T00:00:00Z', { threadKey: 'd:t:3' }),
        act('s:U1', 'message', '2025-01-05T00:00:00Z'),
        act('d:bob', 'post', '2025-02-01T00:00:00Z', { threadKey: 'd:t:4' }),
      ],
    }),
  });

describe('quietMembers', () => {
  it('lists members active in the month before and not in this one (the churned count)', () => {
    expect(quietMembers(ds(), {}, '2025-02').map((m) => m.name)).toEqual(['Ann Lee', 'carol']);
  });
});

describe('oldestUnansweredThreads', () => {
  it('lists unanswered threads of the period, oldest first', () => {
    const d = ds();
    expect(oldestUnansweredThreads(d, {}, 2).map((t) => [t.threadKey, t.author.name, t.title ?? null])).toEqual([
      ['d:t:1', 'Ann Lee', 'Help?'],
      ['d:t:3', 'carol', null],
    ]);
    expect(oldestUnansweredThreads(d, { from: '2025-02', to: '2025-02' }, 5).map((t) => t.threadKey)).toEqual(['d:t:4']);
  });
});

describe('memberTimeline', () => {
  it('gathers a merged member’s activities across sources, by any of its keys', () => {
    const t = memberTimeline(ds(), 's:U1');
    expect(t?.member).toEqual({ key: 'd:ann', name: 'Ann Lee', keys: ['d:ann', 's:U1'] });
    expect(t?.activities.map((a) => a.source)).toEqual(['d', 'd', 's']);
    expect(memberTimeline(ds(), 'd:nobody')).toBeNull();
  });
});
