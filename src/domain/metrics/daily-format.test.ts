import { describe, expect, it } from 'vitest';
import { dailyAxisTitle, formatDailyChange, formatDailyValue } from './daily-format';

// The test runner's locale writes en-US numbers (1,234.5).
describe('formatDailyValue', () => {
  it('reads each unit as people expect', () => {
    expect(formatDailyValue(11423, 'count')).toBe('11,423');
    expect(formatDailyValue(26.873, 'percent')).toBe('26.9%');
    expect(formatDailyValue(0.05274, 'fraction')).toBe('5.27%');
    expect(formatDailyValue(3.256, 'value')).toBe('3.26');
    expect(formatDailyValue(null, 'count')).toBe('—');
  });
});

describe('formatDailyChange', () => {
  it('relative for counts and other averages, points for shares (fractions ×100)', () => {
    expect(formatDailyChange({ unit: 'count', change: -0.458 })).toBe('−45.8%');
    expect(formatDailyChange({ unit: 'percent', change: 1.56 })).toBe('+1.6 pts');
    expect(formatDailyChange({ unit: 'fraction', change: 0.0018 })).toBe('+0.2 pts');
    expect(formatDailyChange({ unit: 'value', change: -0.0214 })).toBe('−2.1%');
    expect(formatDailyChange({ unit: 'count', change: null })).toBe('—');
  });
});

describe('dailyAxisTitle', () => {
  it('names the unit of the y axis', () => {
    expect([
      dailyAxisTitle('count'),
      dailyAxisTitle('percent'),
      dailyAxisTitle('fraction'),
      dailyAxisTitle('value'),
    ]).toEqual(['count per day', '%', '%', 'daily value']);
  });
});
