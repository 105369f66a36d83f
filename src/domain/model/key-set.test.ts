import { describe, expect, it } from 'vitest';
import { KeyHashCounter, KeyHashIndex, KeyHashSet } from './key-set';

describe('KeyHashSet', () => {
  it('adds and finds keys; add reports whether the key was new', () => {
    const s = new KeyHashSet();
    expect(s.has('a')).toBe(false);
    expect(s.add('a')).toBe(true);
    expect(s.add('a')).toBe(false);
    expect(s.has('a')).toBe(true);
    expect(s.has('b')).toBe(false);
    expect(s.add('')).toBe(true);
    expect(s.has('')).toBe(true);
    expect(s.size).toBe(2);
  });

  it('tells apart keys that differ in one character, in order or in length', () => {
    const s = new KeyHashSet();
    for (const k of ['ab', 'ba', 'abc', 'abd', 'a\u0000', 'a', 'é', 'e\u0301', '🎉', 'discord:m:1#2', 'discord:m:1#3']) expect(s.add(k)).toBe(true);
    expect(s.size).toBe(11);
  });

  it('grows ×2 and keeps every key: no false negatives, no false positives over 300k keys', () => {
    const s = new KeyHashSet();
    const n = 300_000;
    let added = 0;
    for (let i = 0; i < n; i++) if (s.add(`discord:m:${i.toString(36)}`)) added++;
    expect(added).toBe(n);
    expect(s.size).toBe(n);
    let found = 0;
    for (let i = 0; i < n; i++) if (s.has(`discord:m:${i.toString(36)}`)) found++;
    expect(found).toBe(n);
    let wrong = 0;
    for (let i = n; i < 2 * n; i++) if (s.has(`discord:m:${i.toString(36)}`)) wrong++;
    expect(wrong).toBe(0);
    for (let i = 0; i < n; i += 997) expect(s.add(`discord:m:${i.toString(36)}`)).toBe(false);
    expect(s.size).toBe(n);
  });

  it('sized up front holds the same keys as one grown from empty', () => {
    const a = new KeyHashSet();
    const b = new KeyHashSet(50_000);
    for (let i = 0; i < 50_000; i++) {
      a.add(`k${i}`);
      b.add(`k${i}`);
    }
    let same = 0;
    for (let i = 0; i < 60_000; i++) if (a.has(`k${i}`) === b.has(`k${i}`) && a.has(`k${i}`) === i < 50_000) same++;
    expect(same).toBe(60_000);
  });

  it('reserve keeps every key already there and takes the rest without losing any', () => {
    const s = new KeyHashSet();
    for (let i = 0; i < 1_000; i++) s.add(`k${i}`);
    s.reserve(100_000);
    const capacity = s.capacity;
    expect(capacity).toBe(262_144); // the first power of two holding 100k keys at 3/4 load: no doubling later
    for (let i = 1_000; i < 100_000; i++) expect(s.add(`k${i}`)).toBe(true);
    expect(s.size).toBe(100_000);
    expect(s.capacity).toBe(capacity);
    let found = 0;
    for (let i = 0; i < 110_000; i++) if (s.has(`k${i}`) === i < 100_000) found++;
    expect(found).toBe(110_000);
    s.reserve(10); // never shrinks
    expect(s.has('k0')).toBe(true);
  });
});

describe('KeyHashCounter', () => {
  it('counts each key: 1 the first time, then 2, 3…', () => {
    const c = new KeyHashCounter();
    expect(c.get('x')).toBe(0);
    expect(c.increment('x')).toBe(1);
    expect(c.increment('y')).toBe(1);
    expect(c.increment('x')).toBe(2);
    expect(c.increment('x')).toBe(3);
    expect(c.get('x')).toBe(3);
    expect(c.get('y')).toBe(1);
    expect(c.size).toBe(2);
  });

  it('agrees with a Map<string, number> over many keys and repeats, across growth', () => {
    const c = new KeyHashCounter();
    const m = new Map<string, number>();
    let x = 12345;
    let agree = 0;
    for (let i = 0; i < 200_000; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const k = `h${x % 120_000}`;
      const n = (m.get(k) ?? 0) + 1;
      m.set(k, n);
      if (c.increment(k) === n) agree++;
    }
    expect(agree).toBe(200_000);
    expect(c.size).toBe(m.size);
    let same = 0;
    for (const [k, n] of m) if (c.get(k) === n) same++;
    expect(same).toBe(m.size);
  });

  it('counts 64-bit hashes the caller computed like a Map of pairs, across growth and after reserve', () => {
    for (const reserve of [0, 150_000]) {
      const c = new KeyHashCounter();
      if (reserve) c.reserve(reserve);
      const m = new Map<string, number>();
      let x = 777;
      let agree = 0;
      for (let i = 0; i < 200_000; i++) {
        x = (Math.imul(x, 1103515245) + 12345) >>> 0;
        const k = x % 120_000;
        // Two words from the pick (the high word repeats across picks, the low one tells them apart).
        const h1 = Math.imul(k, 0x9e3779b1) | 0;
        const h2 = k >> 3;
        const n = (m.get(`${h1}:${h2}`) ?? 0) + 1;
        m.set(`${h1}:${h2}`, n);
        if (c.incrementHash(h1, h2) === n) agree++;
      }
      expect(agree).toBe(200_000);
      expect(c.size).toBe(m.size);
    }
  });

  it('tells a hash of 0:0 from the empty slot', () => {
    const c = new KeyHashCounter();
    expect(c.incrementHash(0, 0)).toBe(1);
    expect(c.incrementHash(0, 0)).toBe(2);
    expect(c.size).toBe(1);
  });
});


describe('KeyHashIndex', () => {
  it('maps keys to values like a Map, across growth, with −1 for a key never set', () => {
    const ix = new KeyHashIndex();
    const m = new Map<string, number>();
    let x = 4242;
    let agree = 0;
    for (let i = 0; i < 100_000; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const k = `${100000000000000000 + (x % 30_000)}`;
      if (!m.has(k)) {
        m.set(k, m.size);
        ix.set(k, m.size - 1);
      }
      if (ix.get(k) === m.get(k)) agree++;
    }
    expect(agree).toBe(100_000);
    expect(ix.size).toBe(m.size);
    let same = 0;
    for (const [k, v] of m) if (ix.get(k) === v) same++;
    expect(same).toBe(m.size);
    expect(ix.get('never set')).toBe(-1);
    expect(ix.get('')).toBe(-1);
  });

  it('replaces a value, and keeps the empty string and 0 apart from "not there"', () => {
    const ix = new KeyHashIndex();
    ix.set('', 0);
    ix.set('a', 5);
    ix.set('a', 7);
    expect(ix.get('')).toBe(0);
    expect(ix.get('a')).toBe(7);
    expect(ix.size).toBe(2);
  });
});
