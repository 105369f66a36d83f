import type { HearthDb } from './db';

/** Column mappings the user made for generic files, saved by normalised header and offered again. */
export async function getMapping<T>(db: HearthDb, headerKey: string): Promise<T | undefined> {
  return (await db.mappings.get(headerKey))?.mapping as T | undefined;
}

export async function saveMapping(db: HearthDb, headerKey: string, mapping: unknown): Promise<void> {
  await db.mappings.put({ headerKey, mapping, updatedAt: Date.now() });
}
