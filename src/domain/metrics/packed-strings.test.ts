import { describe, expect, it } from 'vitest';
import { packedStarts, packStrings, selectPacked, StringColumn, unpackStrings } from './packed-strings';

const values = ['discord:m:1', null, '', 'é 👍 two-byte text', undefined, '\ud800 lone surrogate', 'x'];

describe('packed strings', () => {
  it('pack and unpack give the values back, with "none" kept apart from the empty string', () => {
    const p = packStrings(values);
    expect(p.pack).toBe('discord:m:1é 👍 two-byte text\ud800 lone surrogatex');
    expect([...p.len]).toEqual([11, -1, 0, 18, -1, 16, 1]);
    expect(unpackStrings(p)).toEqual(values.map((v) => v ?? null));
    expect([...packedStarts(p)]).toEqual([0, 11, 11, 11, 29, 29, 45]);
  });

  it('selects rows in any order', () => {
    const p = packStrings(values);
    expect(unpackStrings(selectPacked(p, [6, 3, 1, 0]))).toEqual(['x', 'é 👍 two-byte text', null, 'discord:m:1']);
    expect(unpackStrings(selectPacked(p, []))).toEqual([]);
  });

  it('a column reads every row of every pack appended, growing as rows come', () => {
    const c = new StringColumn();
    const all: (string | null)[] = [];
    for (let k = 0; k < 300; k++) {
      const part = Array.from({ length: 7 }, (_, i) => (i % 3 === 0 ? null : `v${k}-${i}`));
      c.appendPacked(packStrings(part));
      all.push(...part);
    }
    expect(c.size).toBe(2100);
    expect(Array.from({ length: c.size }, (_, i) => c.get(i))).toEqual(all);
    expect(c.lengthAt(0)).toBe(-1);
    expect(c.lengthAt(1)).toBe('v0-1'.length);
    expect(Array.from({ length: 7 }, (_, i) => StringColumn.of(values).get(i))).toEqual(values.map((v) => v ?? null));
  });
});
