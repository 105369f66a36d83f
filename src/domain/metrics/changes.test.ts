import { describe, expect, it } from 'vitest';
import { change, CHANGE_KIND } from './changes';
import { SERIES_NAMES } from './types';
import { act, batch, report } from './testing';

describe('change over the previous month', () => {
  it('is relative for counts and null when the previous value is 0 or missing', () => {
    expect(change(120, 100, 'relative')).toBe(0.2);
    expect(change(5, 0, 'relative')).toBeNull();
    expect(change(null, 3, 'relative')).toBeNull();
  });

  it('is the difference for rates and shares, null when either is null', () => {
    expect(change(0.5, 0.25, 'points')).toBe(0.25);
    expect(change(0.1, 0, 'points')).toBe(0.1);
    expect(change(0.1, null, 'points')).toBeNull();
  });

  it('classifies every series: shares, rates and ratios by points; counts and hours relatively', () => {
    const points = SERIES_NAMES.filter((s) => CHANGE_KIND[s] === 'points');
    expect(points).toEqual([
      'stickiness',
      'quick_ratio',
      'unanswered_share',
      'sentiment_positive_share',
      'sentiment_negative_share',
      'net_sentiment',
      'open_rate',
      'click_rate',
      'click_to_open',
      'engagement_rate',
    ]);
  });
});

describe('kpis', () => {
  /*
   * (UTC) Dec: a, b active; Jan: a, b, c active → active_members 2 → 3.
   * Period Jan only: the KPI compares Jan with Dec even though Dec is outside the period.
   *   active_members: value 3, previous 2, relative change 0.5
   *   stickiness: Jan (3 member-days / 31) / 3 = 1/31; Dec (2/31)/2 = 1/31 → difference 0
   *   threads: 0 and 0 → change null (previous 0)
   *   median_ttfr_hours: null and null → null
   */
  const r = report(
    batch({
      activities: [
        act('d:a', 'message', '2024-12-01T00:00:00Z'),
        act('d:b', 'message', '2024-12-02T00:00:00Z'),
        act('d:a', 'message', '2025-01-01T00:00:00Z'),
        act('d:b', 'message', '2025-01-02T00:00:00Z'),
        act('d:c', 'message', '2025-01-03T00:00:00Z'),
      ],
    }),
    { from: '2025-01', to: '2025-01' },
  );

  it('has one entry per series, in series order', () => {
    expect(Object.keys(r.kpis)).toEqual([...SERIES_NAMES]);
  });

  it('compares the last month of the period with the month before it', () => {
    expect(r.kpis.active_members).toEqual({ value: 3, previous: 2, change: 0.5, changeKind: 'relative' });
    expect(r.kpis.stickiness).toEqual({ value: 1 / 31, previous: 1 / 31, change: 0, changeKind: 'points' });
    expect(r.kpis.threads).toEqual({ value: 0, previous: 0, change: null, changeKind: 'relative' });
    expect(r.kpis.median_ttfr_hours).toEqual({ value: null, previous: null, change: null, changeKind: 'relative' });
  });

  it('uses 0 / null for the month before the first month of data', () => {
    const first = report(batch({ activities: [act('d:a', 'message', '2025-01-01T00:00:00Z')] }));
    expect(first.kpis.active_members).toEqual({ value: 1, previous: 0, change: null, changeKind: 'relative' });
    expect(first.kpis.stickiness.previous).toBeNull();
  });
});
