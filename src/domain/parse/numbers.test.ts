import { describe, expect, it } from 'vitest';
import { parseCount, parseNumber } from './numbers';

describe('parseNumber', () => {
  it.each([
    ['1,751', 1751],
    ['1203.0', 1203],
    ['27.78%', 0.2778],
    ['9 (0.5%)', 9],
    [' 42 ', 42],
    ['-3', -3],
  ])('%s → %s', (raw, n) => {
    expect(parseNumber(raw)).toBeCloseTo(n, 10);
  });
  it.each(['-', 'n/a', 'N/A', '', '--', 'abc'])('%s → null', (raw) => {
    expect(parseNumber(raw)).toBeNull();
  });
  it('counts: empty and dashes add nothing', () => {
    expect(parseCount('-')).toBe(0);
    expect(parseCount('"1203.0"'.replace(/"/g, ''))).toBe(1203);
  });
});
