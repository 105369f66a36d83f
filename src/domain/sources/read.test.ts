import { describe, expect, it } from 'vitest';
import { ownedString } from './read';

describe('ownedString', () => {
  it('ownedString returns an equal string, lone surrogates included', () => {
    const parent = `${'a'.repeat(100)}100000000137125404\ud83d${'b'.repeat(100)}`;
    const slice = parent.slice(100, 119);
    expect(ownedString(slice)).toBe(slice);
    expect(ownedString('')).toBe('');
  });
});
