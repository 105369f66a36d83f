import { describe, expect, it } from 'vitest';
import { formatHours, formatPercent } from '../../components/format';
import { specValueLabel } from './spec-chart';

describe('specValueLabel (the tooltip of brief and slide charts)', () => {
  it('shows percents with one decimal, as the cards and tables, not the axis’ two', () => {
    expect(specValueLabel('percent', 72.7272)).toBe(formatPercent(0.727272));
    expect(specValueLabel('percent', 72.7272)).toMatch(/^72[.,]7%$/);
    expect(specValueLabel('percent', 21.4286)).toMatch(/^21[.,]4%$/);
  });

  it('shows hours and counts as the tables do', () => {
    expect(specValueLabel('hours', 7.25)).toBe(formatHours(7.25));
    expect(specValueLabel('count', 1148)).toBe((1148).toLocaleString());
  });
});
