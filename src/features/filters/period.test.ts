import { describe, expect, it } from 'vitest';
import { comparePeriod, coverageNote, monthOfNow, presetPeriod } from './period';

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

describe('coverageNote', () => {
  const month = (m: string) => m;
  const at = (ms: number) => new Date(ms).toISOString().slice(0, 16);
  const endOfDec = Date.UTC(2026, 0, 1);
  it('says when the period lies past (or before) the data, or runs past its end', () => {
    expect(coverageNote({ from: '2026-01', to: '2026-11' }, extent, null, Date.UTC(2026, 11, 1), month, at)).toBe('Your data ends in 2025-12: this period holds none of it.');
    expect(coverageNote({ from: '2023-01', to: '2023-12' }, extent, null, Date.UTC(2024, 0, 1), month, at)).toBe('Your data starts in 2024-11: this period holds none of it.');
    expect(coverageNote({ from: '2025-06', to: '2026-02' }, extent, null, Date.UTC(2026, 2, 1), month, at)).toBe('Your data ends in 2025-12: the months after it show no activity.');
  });
  it('says the last month may be incomplete when the data stops more than two days before it ends', () => {
    const lastAt = Date.UTC(2025, 11, 15, 9, 30);
    expect(coverageNote({ from: '2025-01', to: '2025-12' }, extent, lastAt, endOfDec, month, at)).toBe('The latest data is from 2025-12-15T09:30: 2025-12 may be incomplete.');
    expect(coverageNote({ from: '2025-01', to: '2025-12' }, extent, Date.UTC(2025, 11, 30), endOfDec, month, at)).toBeNull();
    // A period ending before the data's last month is complete; so is one with no known time.
    expect(coverageNote({ from: '2025-01', to: '2025-11' }, extent, lastAt, Date.UTC(2025, 11, 1), month, at)).toBeNull();
    expect(coverageNote({ from: '2025-01', to: '2025-12' }, extent, null, endOfDec, month, at)).toBeNull();
  });
});
