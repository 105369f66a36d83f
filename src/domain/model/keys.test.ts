import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hash53, hash53PairOfParts } from './keys';

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
