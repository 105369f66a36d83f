import { describe, expect, it } from 'vitest';
import type { PersonRow } from './api';
import { peopleByName } from './people-order';

const person = (id: number, name: string, key: string): PersonRow => ({
  id,
  name,
  keys: [key],
  sources: [key.split(':')[0]!],
  emails: [],
  accounts: [{ key, source: key.split(':')[0]!, name }],
});

describe('peopleByName', () => {
  it('orders by name, ignoring case and accents, so one member’s accounts stand together', () => {
    const people = [
      person(1, 'zoe_m', 'discord:900000000000000001'),
      person(2, 'Ana Lima', 'discord:100000000000000002'),
      person(3, 'Émile', 'discourse:emile'),
      person(4, 'ana lima', 'slack:U02'),
      person(5, 'Bob', 'discourse:bob'),
      person(6, 'emile', 'slack:U01'),
    ];
    expect(peopleByName(people).map((p) => p.id)).toEqual([2, 4, 5, 3, 6, 1]);
    // The input is left as it was.
    expect(people.map((p) => p.id)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
