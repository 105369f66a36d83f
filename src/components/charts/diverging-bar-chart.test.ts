import { describe, expect, it } from 'vitest';
import { barValueLabel, countTick } from './diverging-bar-chart';

describe('growth accounting chart labels', () => {
  it('marks the ticks below zero with a minus sign (the churned bars are drawn there)', () => {
    expect(countTick(-100)).toBe('−100');
    expect(countTick(0)).toBe('0');
    expect(countTick(1200)).toBe((1200).toLocaleString());
    expect(countTick(-1200)).toBe(`−${(1200).toLocaleString()}`);
  });

  it('gives a bar’s count without sign or a second "(below zero)": its name says it', () => {
    expect(barValueLabel(-10)).toBe('10');
    expect(barValueLabel(10)).toBe('10');
    expect(barValueLabel(-10)).not.toContain('below zero');
  });
});
