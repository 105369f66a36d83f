import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base36, hash53, hash53PairOfParts, hash53PairText, hashWordsOfParts } from './keys';

describe('hash53PairOfParts', () => {
  it('equals hash53 with seeds 1 and 2 of the joined parts (stored row keys depend on it)', () => {
    const part = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', ',', '\u001f', 'é', '😀', '\n') , maxLength: 20 });
    fc.assert(
      fc.property(fc.array(part, { maxLength: 6 }), (parts) => {
        const s = parts.join('\u001f');
        expect(hash53PairOfParts(parts, '\u001f')).toBe(`${hash53(s, 1)}${hash53(s, 2)}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the row keys earlier versions stored (value computed with the original join + hash53)', () => {
    expect(hash53PairOfParts(['general', '1000', '2021-01-01T00:00:07.815+00:00', 'hello'], '\u001f')).toBe('23mj7iivcl9hr7i2ryl7f');
  });
});

/** cyrb53 as published (Number#toString(36)): the reference for the hand-written base 36. */
function cyrb53Reference(str: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

describe('hash53', () => {
  it('is cyrb53 in base 36, digit for digit (short and long outputs)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.integer({ min: 0, max: 3 }), (s, seed) => {
        expect(hash53(s, seed)).toBe(cyrb53Reference(s, seed));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('hashWordsOfParts', () => {
  it('gives the words whose text is hash53PairOfParts', () => {
    const w = new Int32Array(4);
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 5 }), (parts) => {
        hashWordsOfParts(parts, '\u001f', w);
        expect(hash53PairText(w)).toBe(hash53PairOfParts(parts, '\u001f'));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('base36', () => {
  it('is Number#toString(36) for integers from 0 to 2^53 − 1', () => {
    for (const n of [0, 1, 35, 36, 37, 1295, 1296, 1297, 46655, 46656, 2 ** 32, 2 ** 53 - 1]) expect(base36(n)).toBe(n.toString(36));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(base36(n)).toBe(n.toString(36));
      }),
      { numRuns: 5000 },
    );
  });
});
