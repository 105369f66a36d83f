import type { HearthDb } from './db';

/**
 * Column mappings the user made for generic files, saved by normalised header and offered again —
 * with the order of the day and month in its dates when the user chose one (a file of the same
 * columns next month may hold only ambiguous dates such as 03/02, which would otherwise be read in
 * the default month/day order).
 */
export interface SavedMapping<T> {
  mapping: T;
  dayFirst?: boolean;
}

export async function getMapping<T>(db: HearthDb, headerKey: string): Promise<SavedMapping<T> | undefined> {
  const row = await db.mappings.get(headerKey);
  if (!row) return undefined;
  return { mapping: row.mapping as T, ...(row.dayFirst !== undefined ? { dayFirst: row.dayFirst } : {}) };
}

export async function saveMapping(db: HearthDb, headerKey: string, mapping: unknown, dayFirst?: boolean): Promise<void> {
  await db.mappings.put({ headerKey, mapping, ...(dayFirst !== undefined ? { dayFirst } : {}), updatedAt: Date.now() });
}
