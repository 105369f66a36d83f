import { describe, expect, it } from 'vitest';
import { handReport } from './testing';
import { reportThrough } from './through';

describe('reportThrough', () => {
  // Four months; active members 10, 20, 30, 40; cohorts Jan (size 4) and Mar (size 2).
  const report = handReport(
    ['2025-01', '2025-02', '2025-03', '2025-04'],
    { active_members: [10, 20, 30, 40] },
    {
      retention: [
        { cohort: '2025-01', size: 4, active: [4, 3, 2, 1], rate: [1, 0.75, 0.5, 0.25] },
        { cohort: '2025-03', size: 2, active: [2, 1], rate: [1, 0.5] },
        { cohort: '2025-04', size: 1, active: [1], rate: [1] },
      ],
    },
  );
  it('stops every month-by-month part at the month', () => {
    const feb = reportThrough(report, '2025-02');
    expect(feb.months).toEqual(['2025-01', '2025-02']);
    expect(feb.period).toEqual({ from: '2025-01', to: '2025-02' });
    expect(feb.series.active_members).toEqual([10, 20]);
    // Only the January cohort had joined; its months after joining stop at February (k = 0, 1).
    expect(feb.retention).toEqual([{ cohort: '2025-01', size: 4, active: [4, 3], rate: [1, 0.75] }]);
    // February against January: (20 − 10) ÷ 10 = +100 %.
    expect(feb.kpis.active_members).toMatchObject({
      value: 20,
      previous: 10,
      change: 1,
      changeKind: 'relative',
    });
    expect(feb.topContributors).toEqual([]);
  });
  it('is the report itself for its last month', () => {
    expect(reportThrough(report, '2025-04')).toBe(report);
  });
});
