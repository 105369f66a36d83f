import { describe, expect, it } from 'vitest';
import { risingTerms, STOP_WORDS, tokenise } from './terms';

describe('tokenise', () => {
  it('keeps the writer’s own content words, lower-cased, once each, in order', () => {
    expect(tokenise('Export keeps CRASHING!! Export crashing again.')).toEqual(['export', 'keeps', 'crashing']);
  });

  it('drops stop words, words under 3 characters, numbers, URLs and @mentions', () => {
    expect(tokenise('It is so slow on v2 after 1000 rows, see https://example.org/t/12 @bob_smith')).toEqual(['slow', 'rows']);
  });

  it('drops quoted text, code and stack traces, as the scorer does', () => {
    const text = '> the palette picker is wonderful\nStill broken for me\n```\nconst palette = load()\n```\nTypeError: palette is undefined';
    expect(tokenise(text)).toEqual(['broken']);
  });

  it('keeps inner apostrophes and hyphens, and letters of any script', () => {
    expect(tokenise("Pattern-sync won’t start; élan perdu")).toEqual(['pattern-sync', 'start', 'élan', 'perdu']);
  });

  it('returns nothing for empty text or text made only of stop words', () => {
    expect(tokenise('')).toEqual([]);
    expect(tokenise('this is what it was')).toEqual([]);
    expect(STOP_WORDS.has('the')).toBe(true);
  });
});

describe('risingTerms', () => {
  /*
   * This month: 4 negative texts (N); last month: 2 (P). α = 0.5, minCount = 2.
   *   texts containing — sync: 3 now, 0 before; broken: 2 now, 1 before; slow, fails, export: 1 now (< 2).
   *   sync:   expected 0·4/2 = 0 → ln((3+.5)/(0+.5)) = ln 7 ≈ 1.9459 → rising
   *   broken: expected 1·4/2 = 2 → ln((2+.5)/(2+.5)) = 0 → not rising
   *           (half of this month's complaints and half of last month's: the same share)
   */
  const now = ['sync fails again', 'Sync broken', 'sync slow', 'export broken'];
  const before = ['export broken', 'export slow'];

  it('scores terms by the smoothed log-ratio of their share of negative texts', () => {
    const r = risingTerms(now, before, { minCount: 2 });
    expect(r).toHaveLength(1);
    expect(r[0]!.term).toBe('sync');
    expect(r[0]!.count).toBe(3);
    expect(r[0]!.previousCount).toBe(0);
    expect(r[0]!.score).toBeCloseTo(Math.log(7), 12);
  });

  it('needs minCount texts this month (default 3)', () => {
    expect(risingTerms(now, before).map((t) => t.term)).toEqual(['sync']);
    expect(risingTerms(now, before, { minCount: 4 })).toEqual([]);
  });

  it('counts a term once per text (document frequency)', () => {
    const r = risingTerms(['sync sync sync sync', 'fine'], [], { minCount: 1 });
    expect(r.find((t) => t.term === 'sync')).toMatchObject({ count: 1, score: Math.log(3) });
  });

  it('works when last month had no negative text, and returns nothing when this month has none', () => {
    // P = 0: nothing expected; crash in 2 texts → ln(2.5/0.5) = ln 5
    const r = risingTerms(['crash on save', 'crash on load'], [], { minCount: 2 });
    expect(r.map((t) => [t.term, t.count, t.previousCount])).toEqual([['crash', 2, 0]]);
    expect(r[0]!.score).toBeCloseTo(Math.log(5), 12);
    expect(risingTerms([], ['crash', 'crash', 'crash'], { minCount: 1 })).toEqual([]);
  });

  it('scales last month to this month’s volume: twice the complaints is not a rise', () => {
    // crash: 4 of 8 texts now, 2 of 4 before → expected 2·8/4 = 4 → ln(4.5/4.5) = 0 → not rising
    const now8 = ['crash', 'crash', 'crash', 'crash', 'slow', 'slow', 'slow', 'slow'];
    expect(risingTerms(now8, ['crash', 'crash', 'slow', 'slow'], { minCount: 2 })).toEqual([]);
    // …while 4 of 8 now against 1 of 4 before is: expected 2 → ln(4.5/2.5)
    const r = risingTerms(now8, ['crash', 'slow', 'slow', 'slow'], { minCount: 2 });
    expect(r.map((t) => t.term)).toEqual(['crash']);
    expect(r[0]!.score).toBeCloseTo(Math.log(4.5 / 2.5), 12);
  });

  it('orders by score, then count, then term, and honours limit', () => {
    const cur = ['alpha beta', 'alpha beta', 'gamma', 'gamma', 'gamma'];
    const r = risingTerms(cur, ['other'], { minCount: 2 });
    expect(r.map((t) => t.term)).toEqual(['gamma', 'alpha', 'beta']);
    expect(risingTerms(cur, ['other'], { minCount: 2, limit: 1 }).map((t) => t.term)).toEqual(['gamma']);
  });
});
