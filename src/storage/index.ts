import { HearthDb } from './db';

let instance: HearthDb | null = null;
const upgradedElsewhere = new Set<() => void>();

/** The page's (or the worker's) one connection to Hearth's database. */
export function getDb(): HearthDb {
  if (!instance) {
    instance = new HearthDb();
    // Another tab opened the database at a newer schema (a newer Hearth): Dexie closes this
    // connection (the handler does not return false), so the other tab's upgrade goes on, and this
    // page — older code — must reload. Listeners tell the user.
    instance.on('versionchange', () => {
      for (const listener of upgradedElsewhere) listener();
    });
  }
  return instance;
}

/**
 * Calls `listener` when another tab opens Hearth's database at a newer schema version: this tab's
 * connection is closed and its code is older than the data, so the page must reload. Returns a
 * function that stops listening.
 */
export function onUpgradedElsewhere(listener: () => void): () => void {
  upgradedElsewhere.add(listener);
  return () => upgradedElsewhere.delete(listener);
}

export { HearthDb } from './db';
export * from './records-repo';
export type { UndoSummary } from './import-shares';
export { ImportWriter, StorageFullError } from './import-writer';
