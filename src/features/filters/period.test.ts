import { describe, expect, it } from 'vitest';
import { comparePeriod, monthOfNow, presetPeriod } from './period';

// Data from Nov 2024 to Dec 2025; "today" is Nov 2026.
const extent = { from: '2024-11', to: '2025-12' };
const today = '2026-11';

describe('presetPeriod', () => {
  it('defaults to the last 12 months with data', () => {
    expect(presetPeriod('last-12', extent, today)).toEqual({ from: '2025-01', to: '2025-12' });
  });
  it('last 3 and 6 months end at the latest month with data', () => {
    expect(presetPeriod('last-3', extent, today)).toEqual({ from: '2025-10', to: '2025-12' });
    expect(presetPeriod('last-6', extent, today)).toEqual({ from: '2025-07', to: '2025-12' });
  });
  it('never starts before the first month with data', () => {
    expect(presetPeriod('last-12', { from: '2025-09', to: '2025-12' }, today)).toEqual({ from: '2025-09', to: '2025-12' });
  });
  it('this year runs from January to the current month; last year is the previous calendar year', () => {
    expect(presetPeriod('this-year', extent, today)).toEqual({ from: '2026-01', to: '2026-11' });
    expect(presetPeriod('last-year', extent, today)).toEqual({ from: '2025-01', to: '2025-12' });
  });
  it('all time is the whole extent', () => {
    expect(presetPeriod('all', extent, today)).toEqual(extent);
  });
  it('custom uses the chosen months, swapped if reversed, defaulting to the last 12 months', () => {
    expect(presetPeriod('custom', extent, today, { from: '2025-03', to: '2025-05' })).toEqual({ from: '2025-03', to: '2025-05' });
    expect(presetPeriod('custom', extent, today, { from: '2025-05', to: '2025-03' })).toEqual({ from: '2025-03', to: '2025-05' });
    expect(presetPeriod('custom', extent, today)).toEqual({ from: '2025-01', to: '2025-12' });
  });
});

describe('comparePeriod', () => {
  it('previous period: the same number of months just before', () => {
    expect(comparePeriod({ from: '2025-01', to: '2025-12' }, 'previous')).toEqual({ from: '2024-01', to: '2024-12' });
    expect(comparePeriod({ from: '2025-10', to: '2025-12' }, 'previous')).toEqual({ from: '2025-07', to: '2025-09' });
    expect(comparePeriod({ from: '2025-03', to: '2025-03' }, 'previous')).toEqual({ from: '2025-02', to: '2025-02' });
  });
  it('a year earlier: both ends shifted by 12 months', () => {
    expect(comparePeriod({ from: '2025-10', to: '2025-12' }, 'year')).toEqual({ from: '2024-10', to: '2024-12' });
  });
});

describe('monthOfNow', () => {
  it('reads the month in the report zone', () => {
    const instant = new Date(Date.UTC(2025, 11, 31, 23, 30));
    expect(monthOfNow(instant, 'UTC')).toBe('2025-12');
    expect(monthOfNow(instant, 'Asia/Tokyo')).toBe('2026-01');
  });
});
