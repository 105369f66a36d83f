import { describe, expect, it } from 'vitest';
import { dailyAxisTitle, formatDailyChange, formatDailyTick, formatDailyValue } from './daily-format';

// The test runner's locale writes en-US numbers (1,234.5).
describe('formatDailyValue', () => {
  it('reads each unit as people expect', () => {
    expect(formatDailyValue(11423, 'count')).toBe('11,423');
    expect(formatDailyValue(26.873, 'percent')).toBe('26.9%');
    expect(formatDailyValue(0.05274, 'fraction')).toBe('5.27%');
    expect(formatDailyValue(3.256, 'value')).toBe('3.26');
    expect(formatDailyValue(null, 'count')).toBe('—');
  });

  it('keeps a percent’s decimals, so a column of them lines up ("3.40%" beside "3.58%", not "3.4%")', () => {
    expect(formatDailyValue(0.034, 'fraction')).toBe('3.40%');
    expect(formatDailyValue(0.0358, 'fraction')).toBe('3.58%');
    expect(formatDailyValue(27, 'percent')).toBe('27.0%');
    expect(formatDailyValue(0.05, 'fraction', 'de-DE')).toBe('5,00%');
    // Counts and other values stay as they are.
    expect(formatDailyValue(12, 'count')).toBe('12');
    expect(formatDailyValue(3.5, 'value')).toBe('3.5');
  });
});

describe('formatDailyTick', () => {
  it('an axis tick drops the trailing zeros of its round step', () => {
    expect(formatDailyTick(0.04, 'fraction')).toBe('4%');
    expect(formatDailyTick(0.025, 'fraction')).toBe('2.5%');
    expect(formatDailyTick(20, 'percent')).toBe('20%');
    expect(formatDailyTick(1500, 'count')).toBe('1,500');
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
