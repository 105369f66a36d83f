import { describe, expect, it } from 'vitest';
import { act, batch, person, report } from './testing';

const many = (key: string, n: number, iso: string) => Array.from({ length: n }, () => act(key, 'message', iso));

describe('top contributors', () => {
  it('lists the 10 members with most activities in the period, most first, ties by display name ascending', () => {
    // 12 members: m01…m12 with 12…1 activities, plus three members tied at 5 named "zed", "amy", "Bob".
    // Ranking: m01 12, m02 11, … m08 5, then the 5s by name in code-unit order ("Bob" < "amy" < "m08" < "zed").
    const activities = [];
    for (let i = 1; i <= 12; i++) activities.push(...many(`d:m${String(i).padStart(2, '0')}`, 13 - i, '2025-01-10T00:00:00Z'));
    activities.push(...many('d:zed', 5, '2025-01-11T00:00:00Z'), ...many('d:amy', 5, '2025-01-11T00:00:00Z'), ...many('d:Bob', 5, '2025-01-11T00:00:00Z'));
    const r = report(batch({ activities }));
    expect(r.topContributors).toEqual([
      { name: 'm01', activities: 12 },
      { name: 'm02', activities: 11 },
      { name: 'm03', activities: 10 },
      { name: 'm04', activities: 9 },
      { name: 'm05', activities: 8 },
      { name: 'm06', activities: 7 },
      { name: 'm07', activities: 6 },
      { name: 'Bob', activities: 5 },
      { name: 'amy', activities: 5 },
      { name: 'm08', activities: 5 },
    ]);
  });

  it('counts only activities inside the period, across merged identities, under the member’s name', () => {
    // ann (Discourse handle "ann", Slack name "Ann Lee", same email): 2 in Jan + 1 Slack in Feb; bob 2 in Feb.
    // Period Feb: bob 2, Ann Lee 1. Period Jan–Feb: Ann Lee 3, bob 2. Bots never appear.
    const b = batch({
      persons: [person('d:ann', { email: 'ann@x.org' }), person('s:U1', { name: 'Ann Lee', email: 'ann@x.org' }), person('d:system', { bot: true })],
      activities: [
        ...many('d:ann', 2, '2025-01-05T00:00:00Z'),
        act('s:U1', 'message', '2025-02-05T00:00:00Z'),
        ...many('d:bob', 2, '2025-02-06T00:00:00Z'),
        ...many('d:system', 9, '2025-02-07T00:00:00Z'),
      ],
    });
    expect(report(b, { from: '2025-02', to: '2025-02' }).topContributors).toEqual([
      { name: 'bob', activities: 2 },
      { name: 'Ann Lee', activities: 1 },
    ]);
    expect(report(b).topContributors).toEqual([
      { name: 'Ann Lee', activities: 3 },
      { name: 'bob', activities: 2 },
    ]);
  });
});
