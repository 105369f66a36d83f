import { withImportLockIfIdle } from './import-lock';
import { BUCKET, deleteSiteDatabase, siteDatabaseState, type LocatedDb } from './location';
import { forgetPersistenceRequest } from './persistence';
import { clearAllTables } from './records-repo';

/**
 * What "Delete all data" did with the browser's files, the data being gone from Hearth in every case:
 * - `removed`: the data lived in its storage bucket, which the browser deleted with its files;
 * - `may-remain`: it lived in the site's own IndexedDB, whose database the browser deleted — but the
 *   browser may keep the deleted bytes in its files until it tidies them (Chromium does: measured,
 *   docs/security.md "Deleting the data");
 * - `kept`: the tables were emptied but the database (or bucket) was not deleted within `waitMs`:
 *   `blocked`, another connection kept it open (a Hearth tab that does not close it when asked; the
 *   browser deletes it once that connection closes), or `failed`, the browser refused (or, for a
 *   bucket, whose deletion closes every connection itself, did not finish in time).
 */
export type DeleteOutcome =
  { files: 'removed' } | { files: 'may-remain' } | { files: 'kept'; reason: 'blocked' | 'failed' };

/** How long "Delete all data" waits for the browser to delete the database or bucket. */
export const DELETE_WAIT_MS = 10_000;

function deleteDatabase(factory: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const r = factory.deleteDatabase(name);
    r.onsuccess = () => resolve();
    r.onerror = () => reject(r.error ?? new Error('deleteDatabase failed'));
    // onblocked: a connection has not closed yet (Dexie's close on versionchange waits for its running
    // transactions). The request stays; it succeeds once the connection closes, or the wait ends.
  });
}

/**
 * "Delete all data". Refuses while an import runs, in this tab or another (ImportRunningError,
 * nothing deleted): the import lock is held throughout. Empties every table first, in one
 * transaction — the data is gone from Hearth's view whatever follows — then has the browser delete
 * where it lived: its storage bucket (files removed at once; every other connection, in other tabs
 * and workers, is closed by the browser) or the database in the site's storage (every Hearth
 * connection closes when asked: Dexie's default on `versionchange`). Before a deletion in the site's
 * storage, the bucket is opened where the browser has buckets: the new database goes there.
 *
 * Every page and worker keeps its Dexie instance (storage/index.ts `getDb`): its connection closed,
 * its next use finds the location again and opens the new, empty database — here only once the
 * deletion is over. Other tabs reload their state from the data-version reset the caller sends.
 */
export async function deleteAllData(
  db: LocatedDb,
  options: { waitMs?: number } = {},
): Promise<DeleteOutcome> {
  const waitMs = options.waitMs ?? DELETE_WAIT_MS;
  return withImportLockIfIdle(async () => {
    // Open, so no use of the database is waiting for its location when the deletion starts.
    await db.open();
    const location = await db.locator.locate();
    await clearAllTables(db);
    forgetPersistenceRequest();
    const env = db.locator.env();
    if (location.where === 'site' && env.buckets) await env.buckets.open(BUCKET).catch(() => undefined);

    let over!: (o: DeleteOutcome) => void;
    db.locator.relocateAfter(new Promise<DeleteOutcome>((resolve) => (over = resolve)));
    db.close({ disableAutoOpen: false });
    const deletion: Promise<DeleteOutcome> = (
      location.where === 'bucket'
        ? env.buckets!.delete(BUCKET).then((): DeleteOutcome => ({ files: 'removed' }))
        : deleteDatabase(location.factory!, db.name).then((): DeleteOutcome => ({ files: 'may-remain' }))
    ).catch((): DeleteOutcome => ({ files: 'kept', reason: 'failed' }));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waited = new Promise<DeleteOutcome>((resolve) => {
      // A bucket's deletion closes every connection itself: only the browser can be slow or stuck.
      const reason = location.where === 'site' ? 'blocked' : 'failed';
      timer = setTimeout(() => resolve({ files: 'kept', reason }), waitMs);
    });
    let outcome = await Promise.race([deletion, waited]);
    clearTimeout(timer);
    if (location.where === 'bucket' && env.site) {
      // A database left in the site's own storage (an old Hearth tab kept writing there after an
      // earlier delete, or re-created it) would be found again once the bucket is gone: deleted too,
      // and if it held data, its bytes may remain in the browser's files.
      const left = await siteDatabaseState(env.site, db.name).catch(() => 'unknown' as const);
      if (left !== 'absent') {
        const deleted = await deleteSiteDatabase(env.site, db.name, waitMs);
        if (outcome.files === 'removed' && (left !== 'empty' || !deleted))
          outcome = deleted ? { files: 'may-remain' } : { files: 'kept', reason: 'blocked' };
      }
    }
    over(outcome);
    return outcome;
  });
}
