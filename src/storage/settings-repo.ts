import { getDb } from './index';
import type { HearthDb } from './db';

/** A stored setting, or `fallback` when none is stored (or storage cannot be read). */
export async function getSetting<T>(key: string, fallback: T, db: HearthDb = getDb()): Promise<T> {
  try {
    const row = await db.settings.get(key);
    return row === undefined ? fallback : (row.value as T);
  } catch {
    return fallback;
  }
}

export async function setSetting<T>(key: string, value: T, db: HearthDb = getDb()): Promise<void> {
  await db.settings.put({ key, value });
}
