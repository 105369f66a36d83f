import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { DB_NAME } from './db';
import { getDb, onUpgradedElsewhere } from './index';

describe('another tab upgrades the database', () => {
  it('closes this connection (the upgrade is not blocked) and tells the listeners still subscribed', async () => {
    const db = getDb();
    await db.open();
    const heard = vi.fn();
    const gone = vi.fn();
    const stop = onUpgradedElsewhere(heard);
    onUpgradedElsewhere(gone)();
    // A newer Hearth in another tab: the same database at a higher version (Dexie stores verno × 10).
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(DB_NAME, db.verno * 10 + 10);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    expect(heard).toHaveBeenCalledTimes(1);
    expect(gone).not.toHaveBeenCalled();
    expect(db.isOpen()).toBe(false);
    expect(newer.version).toBe(db.verno * 10 + 10);
    newer.close();
    stop();
  });

  it('"Delete all data" in another tab (the database deleted) is not an upgrade: no reload asked, and the next use opens the new database', async () => {
    const db = getDb();
    await db.settings.put({ key: 'k', value: 1 });
    const heard = vi.fn();
    const stop = onUpgradedElsewhere(heard);
    await new Promise<void>((resolve, reject) => {
      const r = indexedDB.deleteDatabase(DB_NAME);
      r.onsuccess = () => resolve();
      r.onerror = () => reject(r.error);
    });
    expect(heard).not.toHaveBeenCalled();
    expect(await db.settings.get('k')).toBeUndefined();
    await db.settings.put({ key: 'k', value: 2 });
    expect((await db.settings.get('k'))?.value).toBe(2);
    stop();
  });
});
