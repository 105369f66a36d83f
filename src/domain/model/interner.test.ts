import { describe, expect, it } from 'vitest';
import { Interner } from './interner';

describe('Interner', () => {
  it('gives each distinct string one index in first-seen order, like a Map, across many doublings', () => {
    const it = new Interner('');
    const ref = new Map<string, number>([['', 0]]);
    let seed = 7;
    const rand = () => ((seed = Math.imul(seed ^ (seed >>> 15), 2246822507) + 1) >>> 0) / 2 ** 32;
    const chars = ['a', 'b', '1', '9', 'é', '\ud83d\udc4d', '\ud800', ' '];
    for (let n = 0; n < 60_000; n++) {
      // Short strings from a small alphabet: many repeats, many near-misses.
      let s = '';
      const len = Math.floor(rand() * 6);
      for (let k = 0; k < len; k++) s += chars[Math.floor(rand() * chars.length)]!;
      if (!ref.has(s)) ref.set(s, ref.size);
      expect(it.id(s)).toBe(ref.get(s));
    }
    expect(it.values).toEqual([...ref.keys()]);
    for (const [s, i] of ref) expect(it.indexOf(s)).toBe(i);
    expect(it.indexOf('not there at all')).toBe(-1);
    expect(it.values.length).toBe(ref.size);
  });

  it('an equal string built another way (a slice, a concatenation) finds the same index', () => {
    const it = new Interner();
    const id = it.id('discord:100000000137125404');
    const parent = `xx discord:100000000137125404 yy`;
    expect(it.id(parent.slice(3, 29))).toBe(id);
    expect(it.indexOf(['discord', '100000000137125404'].join(':'))).toBe(id);
    expect(it.values).toEqual(['discord:100000000137125404']);
  });

  it('looks a range of a packed string up in place (idOfRange) exactly as the slice, mixed with id', () => {
    const it = new Interner('');
    const ref = new Map<string, number>([['', 0]]);
    let seed = 11;
    const rand = () => ((seed = Math.imul(seed ^ (seed >>> 15), 2246822507) + 1) >>> 0) / 2 ** 32;
    const chars = ['a', 'b', '1', 'é', '\ud83d\udc4d', '\ud800'];
    for (let round = 0; round < 2_000; round++) {
      // A pack of a few values, looked up by range; every other round, by value.
      const values = Array.from({ length: 1 + Math.floor(rand() * 5) }, () => Array.from({ length: Math.floor(rand() * 5) }, () => chars[Math.floor(rand() * chars.length)]!).join(''));
      const pack = values.join('');
      let at = 0;
      for (const v of values) {
        if (!ref.has(v)) ref.set(v, ref.size);
        expect(round % 2 ? it.idOfRange(pack, at, at + v.length) : it.id(v)).toBe(ref.get(v));
        at += v.length;
      }
    }
    expect(it.values).toEqual([...ref.keys()]);
    for (const [s, i] of ref) expect(it.indexOf(s)).toBe(i);
  });
});
