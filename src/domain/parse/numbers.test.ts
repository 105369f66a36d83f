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
  it.each([
    ['1.234,5', 1234.5],
    ['0,0345', 0.0345],
    ['1.234', 1234],
    ['1.234.567', 1234567],
    ['62,86%', 0.6286],
    // A `;` table with dot decimals (Swiss Excel, other tools): a dot that cannot group thousands is a decimal point.
    ['0.0527', 0.0527],
    ['0.045', 0.045],
    ['-0.125', -0.125],
    ['12.5', 12.5],
    ['1234.0', 1234],
  ])('decimal comma: %s → %s', (raw, n) => {
    expect(parseNumber(raw, true)).toBeCloseTo(n, 10);
  });
});
