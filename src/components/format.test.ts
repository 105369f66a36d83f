import { describe, expect, it } from 'vitest';
import { formatDateTime, formatPercent, formatPercentFixed, formatPeriod } from './format';

describe('formatDateTime', () => {
  it("shows a moment from the data in the report time zone, not the browser's", () => {
    const at = Date.UTC(2025, 11, 31, 23, 0); // 31 Dec 2025 23:00 UTC = 1 Jan 2026 12:00 in Auckland
    expect(formatDateTime(at, 'UTC')).toContain('2025');
    expect(formatDateTime(at, 'Pacific/Auckland')).toContain('2026');
    expect(formatDateTime(at, 'Pacific/Auckland')).not.toContain('2025');
    expect(formatDateTime(Date.UTC(2025, 6, 23, 21, 54), 'America/Los_Angeles')).toMatch(/2:54/);
  });

  it('shows a date alone for exactly midnight in the zone (a date-only value), a time otherwise', () => {
    expect(formatDateTime(Date.UTC(2025, 11, 18), 'UTC')).not.toContain(':');
    expect(formatDateTime(Date.UTC(2025, 11, 18), 'UTC')).toContain('18');
    // Midnight UTC is 01:00 in London in July: a real time there.
    expect(formatDateTime(Date.UTC(2025, 6, 29), 'Europe/London')).toMatch(/1:00/);
    expect(formatDateTime(Date.UTC(2025, 11, 18, 0, 0, 1), 'UTC')).toContain(':');
  });
});

describe('formatPercent', () => {
  it('signed: "+" only for a value that does not round to 0', () => {
    expect(formatPercent(0.208, 1, true)).toMatch(/^\+20[.,]8%$/);
    expect(formatPercent(0.0004, 1, true)).toMatch(/^0%$/);
    expect(formatPercent(-0.05, 1, true)).toMatch(/^-5%$/);
    expect(formatPercent(0.208)).toMatch(/^20[.,]8%$/);
  });
});

describe('formatPercentFixed', () => {
  it('shows exactly `digits` decimals, so a table column lines up ("60.0%" beside "43.3%", not "60%")', () => {
    expect(formatPercentFixed(0.6)).toMatch(/^60[.,]0%$/);
    expect(formatPercentFixed(0.4333)).toMatch(/^43[.,]3%$/);
    expect(formatPercentFixed(0.034, 2)).toMatch(/^3[.,]40%$/);
    expect(formatPercentFixed(0.0358, 2)).toMatch(/^3[.,]58%$/);
    expect(formatPercentFixed(0, 1)).toMatch(/^0[.,]0%$/);
    expect(formatPercentFixed(0.208, 1, true)).toMatch(/^\+20[.,]8%$/);
    expect(formatPercentFixed(null)).toBe('—');
  });
});

describe('formatPeriod', () => {
  it('names a one-month period once', () => {
    expect(formatPeriod({ from: '2025-12', to: '2025-12' })).toBe('December 2025');
    expect(formatPeriod({ from: '2025-01', to: '2025-12' })).toBe('January 2025 – December 2025');
  });
});
