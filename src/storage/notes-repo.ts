import type { HearthDb, NoteRow } from './db';

/** The manager's notes, one per month (`YYYY-MM`), kept in this browser only. */
export async function getNote(db: HearthDb, month: string): Promise<string> {
  return (await db.notes.get(month))?.text ?? '';
}

/** Saves (or, when blank, removes) the note of a month. */
export async function saveNote(db: HearthDb, month: string, text: string): Promise<void> {
  if (text.trim() === '') await db.notes.delete(month);
  else await db.notes.put({ month, text, updatedAt: Date.now() } satisfies NoteRow);
}

/** Every note as month → text, for exports. */
export async function allNotes(db: HearthDb): Promise<Record<string, string>> {
  const rows = await db.notes.toArray();
  return Object.fromEntries(rows.map((r) => [r.month, r.text]));
}
