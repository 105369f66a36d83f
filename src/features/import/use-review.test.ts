import { describe, expect, it } from 'vitest';
import { dateOrderToKeep } from './use-review';

describe('dateOrderToKeep: the date order saved with a mapping', () => {
  const needs = {};
  it("is the user's answer, else the order the file's dates settled, else none", () => {
    expect(dateOrderToKeep({ answers: { dayFirst: false } }, { needs, dateOrder: { date: true } })).toBe(false);
    expect(dateOrderToKeep({ answers: {} }, { needs, dateOrder: { date: true } })).toBe(true);
    expect(dateOrderToKeep({ answers: {} }, { needs, dateOrder: { date: false } })).toBe(false);
    // Left open (every date ambiguous: the review asks): nothing is saved.
    expect(dateOrderToKeep({ answers: {} }, { needs: { dayFirst: { column: 'date', label: 'Date', readDayFirst: false, others: 0 } }, dateOrder: { date: false } })).toBeUndefined();
    expect(dateOrderToKeep({ answers: {} }, { needs })).toBeUndefined();
  });
});
