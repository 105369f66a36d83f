import { describe, expect, it } from 'vitest';
import { inListedOrder } from './series-order';

describe('inListedOrder', () => {
  it('sorts legend and tooltip items as the series are listed, unknown keys last', () => {
    const sorter = inListedOrder(['retained', 'new', 'resurrected', 'churned', 'quick']);
    const items = ['quick', 'churned', 'new', 'other', 'retained', 'resurrected'].map((dataKey) => ({
      dataKey,
    }));
    const sorted = [...items].sort((a, b) => sorter(a) - sorter(b)).map((i) => i.dataKey);
    expect(sorted).toEqual(['retained', 'new', 'resurrected', 'churned', 'quick', 'other']);
  });
});
