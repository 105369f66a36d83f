import { describe, expect, it } from 'vitest';
import { legendLayout } from './svg-chart';

describe('legendLayout', () => {
  it('places items by their label widths and wraps before one would overflow (no overlaps)', () => {
    // Widths: 30 + ceil(len × 7.8): "Retained" 8 → 93; "Came back (active before)" 25 → 225; "Went quiet" 10 → 108.
    expect(legendLayout(['Retained', 'Came back (active before)', 'Went quiet'], 682)).toEqual([
      { x: 0, row: 0 },
      { x: 117, row: 0 }, // 93 + 24
      { x: 366, row: 0 }, // 117 + 225 + 24
    ]);
    // In 300 px the second item would end at 117 + 225 = 342: it starts a new row.
    expect(legendLayout(['Retained', 'Came back (active before)', 'Went quiet'], 300)).toEqual([
      { x: 0, row: 0 },
      { x: 0, row: 1 },
      { x: 0, row: 2 }, // 249 + 108 > 300
    ]);
  });
});
