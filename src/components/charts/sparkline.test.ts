import { describe, expect, it } from 'vitest';
import { sparklinePath } from './sparkline';

describe('sparklinePath', () => {
  it('spreads points over the width and maps min..max to bottom..top', () => {
    expect(sparklinePath([0, 5, 10], 100, 20)).toBe('M0.00,20.00L50.00,10.00L100.00,0.00');
  });

  it('breaks the line at missing months and draws a flat series in the middle', () => {
    expect(sparklinePath([1, 3, null, 3, 1], 40, 10)).toBe('M0.00,10.00L10.00,0.00M30.00,0.00L40.00,10.00');
    expect(sparklinePath([4, 4], 10, 10)).toBe('M0.00,5.00L10.00,5.00');
  });

  it('draws nothing with fewer than two values', () => {
    expect(sparklinePath([null, 3, null], 10, 10)).toBeNull();
    expect(sparklinePath([], 10, 10)).toBeNull();
  });
});
