import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { HearthDb } from './db';
import { freshDbPerTest } from './test-db';
import { allNotes, getNote, saveNote } from './notes-repo';

let db: HearthDb;
freshDbPerTest('notes-test', (d) => (db = d));

describe('notes repository', () => {
  it('saves, reads, replaces and removes a month\'s note', async () => {
    expect(await getNote(db, '2025-03')).toBe('');
    await saveNote(db, '2025-03', 'Launch week');
    await saveNote(db, '2025-04', '=1+2 a formula-looking note');
    expect(await getNote(db, '2025-03')).toBe('Launch week');
    await saveNote(db, '2025-03', 'Launch week, take two');
    expect(await allNotes(db)).toEqual({ '2025-03': 'Launch week, take two', '2025-04': '=1+2 a formula-looking note' });
    await saveNote(db, '2025-03', '   ');
    expect(await allNotes(db)).toEqual({ '2025-04': '=1+2 a formula-looking note' });
  });
});
