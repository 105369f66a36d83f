import { describe, expect, it } from 'vitest';
import { compareMonths, comparePeriods, periodValue } from './compare';
import { formatSeriesChange } from './series-info';
import { handReport, monthRun } from './testing';

const months = monthRun('2025-01', 6);
const report = handReport(months, {
  active_members: [100, 120, 110, 130, 150, 170],
  unanswered_share: [0.1, 0.2, null, 0.3, 0.1, 0.2],
  subscribers_total: [10, 20, 30, 40, 50, 60],
});

describe('compareMonths', () => {
  it('both values and the change: relative for counts, points for rates; series without data left out', () => {
    const rows = compareMonths(report, '2025-02', '2025-05');
    const active = rows.find((r) => r.series === 'active_members')!;
    // (150 − 120) ÷ 120 = 0.25
    expect(active).toEqual({ series: 'active_members', a: 120, b: 150, change: 0.25, changeKind: 'relative' });
    const unanswered = rows.find((r) => r.series === 'unanswered_share')!;
    // 0.1 − 0.2 = −0.1 (10 points)
    expect(unanswered.change).toBeCloseTo(-0.1);
    expect(unanswered.changeKind).toBe('points');
    expect(rows.some((r) => r.series === 'attendees')).toBe(false);
  });

  it('a null value gives no change', () => {
    const unanswered = compareMonths(report, '2025-03', '2025-04').find((r) => r.series === 'unanswered_share')!;
    expect(unanswered).toMatchObject({ a: null, b: 0.3, change: null });
  });
});

describe('comparePeriods', () => {
  it('an average month for flows and rates (nulls skipped), the period end for subscribers', () => {
    // Q1: active (100+120+110)/3 = 110; unanswered (0.1+0.2)/2 = 0.15; subscribers 30.
    // Q2: active (130+150+170)/3 = 150; unanswered 0.2; subscribers 60.
    const rows = comparePeriods(report, { from: '2025-01', to: '2025-03' }, { from: '2025-04', to: '2025-06' });
    expect(rows.find((r) => r.series === 'active_members')).toMatchObject({ a: 110, b: 150 });
    expect(rows.find((r) => r.series === 'active_members')!.change).toBeCloseTo(40 / 110);
    expect(rows.find((r) => r.series === 'unanswered_share')!.a).toBeCloseTo(0.15);
    expect(rows.find((r) => r.series === 'unanswered_share')!.change).toBeCloseTo(0.05);
    expect(rows.find((r) => r.series === 'subscribers_total')).toMatchObject({ a: 30, b: 60, change: 1 });
  });

  it('a period with no value is null', () => {
    expect(periodValue(report, 'unanswered_share', { from: '2025-03', to: '2025-03' })).toBeNull();
    expect(periodValue(report, 'active_members', { from: '2030-01', to: '2030-02' })).toBeNull();
  });
});

describe('formatSeriesChange', () => {
  it('percent for counts, points for rates, a plain difference for the quick ratio', () => {
    expect(formatSeriesChange('active_members', 0.25, 'relative')).toBe('+25%');
    expect(formatSeriesChange('unanswered_share', -0.022, 'points')).toBe('−2.2 pts');
    expect(formatSeriesChange('quick_ratio', 0.52, 'points')).toBe('+0.5');
    expect(formatSeriesChange('quick_ratio', -1.25, 'points')).toBe('−1.3');
    expect(formatSeriesChange('quick_ratio', null, 'points')).toBe('—');
  });
});
