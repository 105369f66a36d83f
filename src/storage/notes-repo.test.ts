import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HearthDb } from './db';
import { allNotes, getNote, saveNote } from './notes-repo';

let db: HearthDb;
let n = 0;
beforeEach(async () => {
  db = new HearthDb(`notes-test-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

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
