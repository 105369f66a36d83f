import type { PersonRow } from './api';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * People in name order (accents and case aside), so that one member's accounts on different
 * platforms — the ones to merge — stand next to each other; ties by the first account key.
 * (Was: the dataset's order, account keys first: Discord's numeric ids before everyone else.)
 */
export function peopleByName(people: readonly PersonRow[]): PersonRow[] {
  return [...people].sort(
    (a, b) =>
      collator.compare(a.name.trim(), b.name.trim()) || collator.compare(a.keys[0] ?? '', b.keys[0] ?? ''),
  );
}
