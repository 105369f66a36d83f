import { LocatedDb, StorageLocator } from './location';

let instance: LocatedDb | null = null;
const upgradedElsewhere = new Set<() => void>();

/**
 * The page's (or the worker's) one connection to Hearth's database, wherever it lives
 * (location.ts): the same object for the page's life, also after "Delete all data" (here or in
 * another tab) replaced the database with a new empty one.
 */
export function getDb(): LocatedDb {
  if (!instance) {
    instance = new LocatedDb(new StorageLocator());
    // Another tab opened the database at a newer schema (a newer Hearth): Dexie closes this
    // connection (the handler does not return false), so the other tab's upgrade goes on, and this
    // page — older code — must reload. Listeners tell the user. A deletion ("Delete all data" in
    // another tab: no new version) closes it too, and the next use opens the new database.
    instance.on('versionchange', (e: IDBVersionChangeEvent) => {
      if (!e.newVersion) return;
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
export { deleteAllData, type DeleteOutcome } from './delete-all';
export { ImportRunningError } from './import-lock';
export type { UndoSummary } from './import-shares';
export { ImportWriter, StorageFullError } from './import-writer';
