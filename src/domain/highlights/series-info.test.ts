import { describe, expect, it } from 'vitest';
import { changeArrow, changeDirection, changeTone, formatSeriesChange } from './series-info';

describe('changeDirection / changeArrow / changeTone', () => {
  it('follow the change as it is shown: one that reads ±0 is flat and neutral', () => {
    // +0.04 pts of stickiness reads "±0 pts": no ▲, no green.
    expect(formatSeriesChange('stickiness', 0.0004, 'points')).toBe('±0 pts');
    expect(changeDirection('stickiness', 0.0004)).toBe('flat');
    expect(changeArrow('stickiness', 0.0004)).toBe('■');
    expect(changeTone('stickiness', 0.0004)).toBe('neutral');
    // +0.05 pts reads "+0.1 pts": up, and good for stickiness.
    expect(formatSeriesChange('stickiness', 0.0005, 'points')).toBe('+0.1 pts');
    expect(changeArrow('stickiness', 0.0005)).toBe('▲');
    expect(changeTone('stickiness', 0.0005)).toBe('good');
  });

  it('a ratio (the quick ratio) changes by its plain difference, not in percent', () => {
    expect(formatSeriesChange('quick_ratio', 0.04, 'points')).toBe('±0');
    expect(changeDirection('quick_ratio', 0.04)).toBe('flat');
    expect(changeDirection('quick_ratio', -0.3)).toBe('down');
    expect(changeTone('quick_ratio', -0.3)).toBe('bad');
  });

  it('lower is better for unanswered threads and response time; no comparison has no arrow', () => {
    expect(changeArrow('unanswered_share', 0.14)).toBe('▲');
    expect(changeTone('unanswered_share', 0.14)).toBe('bad');
    expect(changeTone('median_ttfr_hours', -0.2)).toBe('good');
    expect(changeArrow('active_members', null)).toBe('');
    expect(changeTone('active_members', null)).toBe('neutral');
    // Neither way is better for the number of campaigns sent.
    expect(changeTone('campaigns_sent', 0.5)).toBe('neutral');
  });
});
