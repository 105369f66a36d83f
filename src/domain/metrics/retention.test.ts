import { describe, expect, it } from 'vitest';
import { cohortMembers, newMembersOf } from './members';
import { prepareDataset } from './dataset';
import { act, batch, person, report } from './testing';

/*
 * (UTC, 2025)
 *   ann   first active Jan; active Jan, Mar          → cohort Jan
 *   bob   first active Jan; active Jan               → cohort Jan
 *   carol roster join Jan 20; never active           → cohort Jan (counted in size, never active)
 *   dan   roster join Feb 10; first active Mar       → cohort Feb (first_seen = join)
 *   eve   first active Mar                           → cohort Mar
 *
 *   Jan: size 3; active [Jan 2 (ann, bob), Feb 0, Mar 1 (ann)]; rate [2/3, 0, 1/3]
 *   Feb: size 1; active [Feb 0, Mar 1 (dan)];                   rate [0, 1]
 *   Mar: size 1; active [1 (eve)];                              rate [1]
 */
const fixture = () =>
  batch({
    persons: [
      person('d:carol', { roster: true, joinedAt: Date.parse('2025-01-20T00:00:00Z') }),
      person('d:dan', { roster: true, joinedAt: Date.parse('2025-02-10T00:00:00Z') }),
    ],
    activities: [
      act('d:ann', 'message', '2025-01-02T00:00:00Z'),
      act('d:bob', 'message', '2025-01-03T00:00:00Z'),
      act('d:ann', 'message', '2025-03-02T00:00:00Z'),
      act('d:dan', 'message', '2025-03-03T00:00:00Z'),
      act('d:eve', 'message', '2025-03-04T00:00:00Z'),
    ],
  });

describe('retention cohorts', () => {
  it('follows each month’s new members; members who never took part keep rate[0] below 1', () => {
    expect(report(fixture()).retention).toEqual([
      { cohort: '2025-01', size: 3, active: [2, 0, 1], rate: [2 / 3, 0, 1 / 3] },
      { cohort: '2025-02', size: 1, active: [0, 1], rate: [0, 1] },
      { cohort: '2025-03', size: 1, active: [1], rate: [1] },
    ]);
  });

  it('lists only cohorts inside the period, up to the period’s last month', () => {
    expect(report(fixture(), { from: '2025-02', to: '2025-02' }).retention).toEqual([
      { cohort: '2025-02', size: 1, active: [0], rate: [0] },
    ]);
  });

  it('cohort size equals new_members of the cohort month', () => {
    const r = report(fixture());
    for (const c of r.retention) expect(c.size).toBe(r.series.new_members[r.months.indexOf(c.cohort)]);
  });

  it('names the members of a cell (cohortMembers) and of a cohort (newMembersOf)', () => {
    const ds = prepareDataset({ records: fixture() });
    expect(cohortMembers(ds, {}, '2025-01', 0).map((m) => m.name)).toEqual(['ann', 'bob']);
    expect(cohortMembers(ds, {}, '2025-01', 1)).toEqual([]);
    expect(cohortMembers(ds, {}, '2025-01', 2).map((m) => m.name)).toEqual(['ann']);
    expect(newMembersOf(ds, {}, '2025-01').map((m) => m.name)).toEqual(['ann', 'bob', 'carol']);
  });
});
