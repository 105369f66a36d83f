import { describe, expect, it } from 'vitest';
import { act, batch, byMonth, person, report } from './testing';

/*
 * Who is active when (UTC, 2025):
 *          Jan Feb Mar Apr May
 *   a       x   x       x
 *   b       x
 *   c           x   x
 *   d               x       x
 *   r  roster only (joined Feb): never active, never part of growth accounting
 *
 *   month | active | new_active | retained | resurrected | churned            | quick_ratio
 *   Jan   | a b    | a b  = 2   | 0        | 0           | 0 (Dec: nobody)     | null (no churn)
 *   Feb   | a c    | c    = 1   | a = 1    | 0           | 2 − 1 = 1 (b)       | (1+0)/1 = 1
 *   Mar   | c d    | d    = 1   | c = 1    | 0           | 2 − 1 = 1 (a)       | (1+0)/1 = 1
 *   Apr   | a      | 0          | 0        | a = 1       | 2 − 0 = 2 (c, d)    | (0+1)/2 = 0.5
 *   May   | d      | 0          | 0        | d = 1       | 1 − 0 = 1 (a)       | (0+1)/1 = 1
 */
const fixture = () =>
  batch({
    persons: [person('d:r', { roster: true, joinedAt: Date.parse('2025-02-01T00:00:00Z') })],
    activities: [
      act('d:a', 'message', '2025-01-05T00:00:00Z'),
      act('d:a', 'message', '2025-01-06T00:00:00Z'),
      act('d:b', 'message', '2025-01-07T00:00:00Z'),
      act('d:a', 'message', '2025-02-05T00:00:00Z'),
      act('d:c', 'message', '2025-02-06T00:00:00Z'),
      act('d:c', 'message', '2025-03-05T00:00:00Z'),
      act('d:d', 'message', '2025-03-06T00:00:00Z'),
      act('d:a', 'message', '2025-04-05T00:00:00Z'),
      act('d:d', 'message', '2025-05-05T00:00:00Z'),
    ],
  });

const months = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05'];
const zip = (vals: (number | null)[]) => Object.fromEntries(months.map((m, i) => [m, vals[i]]));

describe('new_active', () => {
  it('counts members active in m with no community activity before m', () => {
    expect(byMonth(report(fixture()), 'new_active')).toEqual(zip([2, 1, 1, 0, 0]));
  });
});

describe('retained', () => {
  it('counts members active in m and in m−1', () => {
    expect(byMonth(report(fixture()), 'retained')).toEqual(zip([0, 1, 1, 0, 0]));
  });
});

describe('resurrected', () => {
  it('counts members active in m, not in m−1, but in some month before m−1', () => {
    expect(byMonth(report(fixture()), 'resurrected')).toEqual(zip([0, 0, 0, 1, 1]));
  });
});

describe('churned', () => {
  it('counts members active in m−1 and not in m', () => {
    expect(byMonth(report(fixture()), 'churned')).toEqual(zip([0, 1, 1, 2, 1]));
  });

  it('counts the month after the data when the period extends past it', () => {
    // June: nobody active; May's d churns.
    expect(byMonth(report(fixture(), { from: '2025-05', to: '2025-06' }), 'churned')).toEqual({ '2025-05': 1, '2025-06': 1 });
  });
});

describe('quick_ratio', () => {
  it('is (new_active + resurrected) ÷ churned, null when nobody churned', () => {
    expect(byMonth(report(fixture()), 'quick_ratio')).toEqual(zip([null, 1, 1, 0.5, 1]));
  });

  it('is null (not Infinity) in a growing month with no churn', () => {
    // Jan: a; Feb: a (retained) + b (new) → churned 0 → null although 1 member was gained.
    const r = report(batch({ activities: [act('d:a', 'message', '2025-01-01T00:00:00Z'), act('d:a', 'message', '2025-02-01T00:00:00Z'), act('d:b', 'message', '2025-02-02T00:00:00Z')] }));
    expect(byMonth(r, 'quick_ratio')).toEqual({ '2025-01': null, '2025-02': null });
    expect(byMonth(r, 'new_active')).toEqual({ '2025-01': 1, '2025-02': 1 });
  });

  it('is 0 when members churned and nobody arrived or came back', () => {
    // Feb with the period extended: a churns, nobody new → 0 ÷ 1 = 0.
    const r = report(batch({ activities: [act('d:a', 'message', '2025-01-01T00:00:00Z')] }), { to: '2025-02' });
    expect(byMonth(r, 'quick_ratio')).toEqual({ '2025-01': null, '2025-02': 0 });
  });
});
