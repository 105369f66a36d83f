import { describe, expect, it } from 'vitest';
import { hashKey, ownedString, RowKeyer } from './read';

describe('ownedString', () => {
  it('ownedString returns an equal string, lone surrogates included', () => {
    const parent = `${'a'.repeat(100)}100000000137125404\ud83d${'b'.repeat(100)}`;
    const slice = parent.slice(100, 119);
    expect(ownedString(slice)).toBe(slice);
    expect(ownedString('')).toBe('');
  });
});

describe('RowKeyer', () => {
  it('keys a row by the hash of its parts and numbers identical rows #2, #3… (with or without a reserve)', () => {
    for (const reserve of [0, 50_000]) {
      const keys = new RowKeyer();
      if (reserve) keys.reserve(reserve);
      const a = ['general', '1000', '2021-01-01T00:00:07.815+00:00', 'hello'];
      const b = ['general', '1000', '2021-01-01T00:00:07.815+00:00', 'hello!'];
      expect(keys.key('discord:m:', a)).toBe('discord:m:23mj7iivcl9hr7i2ryl7f');
      expect(keys.key('discord:m:', b)).toBe(`discord:m:${hashKey(b)}`);
      expect(keys.key('discord:m:', [...a])).toBe('discord:m:23mj7iivcl9hr7i2ryl7f#2');
      expect(keys.key('discord:m:', b)).toBe(`discord:m:${hashKey(b)}#2`);
      expect(keys.key('discord:m:', a)).toBe('discord:m:23mj7iivcl9hr7i2ryl7f#3');
      // Many distinct rows: each key once, none numbered.
      const seen = new Set<string>();
      for (let i = 0; i < 20_000; i++) seen.add(keys.key('x:', ['c', String(i)]));
      expect(seen.size).toBe(20_000);
      expect([...seen].some((k) => k.includes('#'))).toBe(false);
    }
  });
});
