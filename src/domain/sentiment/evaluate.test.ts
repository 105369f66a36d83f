import { describe, it, expect } from 'vitest';
import { evaluate, parseJsonl } from './evaluate.ts';
import type { SentimentLabel } from './index.ts';

describe('evaluate', () => {
  it('computes accuracy, per-class precision/recall/F1 and macro-F1 (worked by hand)', () => {
    // gold:      P P N U U U
    // predicted: P U N U U P
    // positive: tp 1, fp 1, fn 1 → p 0.5, r 0.5, f1 0.5
    // negative: tp 1, fp 0, fn 0 → 1, 1, 1
    // neutral:  tp 2, fp 1, fn 1 → p 2/3, r 2/3, f1 2/3
    const gold: SentimentLabel[] = ['positive', 'positive', 'negative', 'neutral', 'neutral', 'neutral'];
    const pred: SentimentLabel[] = ['positive', 'neutral', 'negative', 'neutral', 'neutral', 'positive'];
    const r = evaluate(gold, pred);
    expect(r.accuracy).toBeCloseTo(4 / 6, 10);
    expect(r.perClass.positive).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    expect(r.perClass.negative.f1).toBe(1);
    expect(r.perClass.neutral.precision).toBeCloseTo(2 / 3, 10);
    expect(r.macroF1).toBeCloseTo((0.5 + 1 + 2 / 3) / 3, 10);
  });
  it('scores 0 F1 for a class that is never predicted, without NaN', () => {
    const r = evaluate(['positive', 'negative'], ['negative', 'negative']);
    expect(r.perClass.positive.f1).toBe(0);
    expect(r.perClass.neutral.f1).toBe(0);
    expect(Number.isNaN(r.macroF1)).toBe(false);
  });
  it('rejects label lists of different length', () => {
    expect(() => evaluate(['positive'], [])).toThrow();
  });
});

describe('parseJsonl', () => {
  it('reads one labelled object per line and skips blank lines', () => {
    const rows = parseJsonl('{"id":"a","source":"slack","text":"hi","label":"neutral"}\n\n');
    expect(rows).toEqual([{ id: 'a', source: 'slack', text: 'hi', label: 'neutral' }]);
  });
  it('names the line of a malformed row', () => {
    expect(() => parseJsonl('{"id":"a","source":"x","text":"t","label":"happy"}')).toThrow(/line 1/);
  });
});
