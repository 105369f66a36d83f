import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HearthDb } from './db';
import { ImportWriter } from './import-writer';
import { emptyBatch } from '../domain/model/records';
import { browser, tab } from './test-buckets';

function fakeStorage(persisted: boolean) {
  const storage = {
    persisted: vi.fn(async () => persisted),
    persist: vi.fn(async () => true),
    estimate: vi.fn(async () => ({ usage: 1_000, quota: 10_000 })),
  };
  Object.defineProperty(globalThis, 'navigator', { value: { storage }, configurable: true });
  return storage;
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'navigator');
  vi.resetModules();
});

/** Hearth holds data: one committed import of one activity. */
async function storeOneImport(db: HearthDb): Promise<void> {
  const w = await ImportWriter.begin(db, 'a.csv', 'h');
  const b = emptyBatch();
  b.activities = [{ key: 't:1', source: 't', personKey: 't:p', kind: 'message', at: 1 }];
  await w.write(b);
  await w.commit({ format: 't', rows: 1, imported: 1, skipped: 0, issues: [] });
}

describe('persistent storage', () => {
  it('is requested once Hearth holds data, and only once per page load', async () => {
    const { ensurePersistence } = await import('./persistence');
    const storage = fakeStorage(false);
    const db = new HearthDb('persist-test');
    await db.open();
    await ensurePersistence(db);
    expect(storage.persist).not.toHaveBeenCalled(); // no data yet: nothing to keep
    await storeOneImport(db);
    await ensurePersistence(db);
    await ensurePersistence(db);
    expect(storage.persist).toHaveBeenCalledTimes(1);
    await db.delete();
  });

  it('is requested once when two calls check at the same time (two imports finishing together)', async () => {
    const { ensurePersistence } = await import('./persistence');
    const storage = fakeStorage(false);
    const db = new HearthDb('persist-test-2');
    await db.open();
    await storeOneImport(db);
    await Promise.all([ensurePersistence(db), ensurePersistence(db), ensurePersistence(db)]);
    expect(storage.persist).toHaveBeenCalledTimes(1);
    await db.delete();
  });

  it('a status read once Hearth holds data answers after Hearth’s request (it said "Not yet" for a request about to be granted)', async () => {
    const { storageStatus } = await import('./persistence');
    let persisted = false;
    const storage = fakeStorage(false);
    storage.persisted.mockImplementation(async () => persisted);
    storage.persist.mockImplementation(async () => (persisted = true));
    const db = new HearthDb('persist-test-3');
    await db.open();
    await storeOneImport(db);
    expect((await storageStatus(db)).persisted).toBe(true);
    expect(storage.persist).toHaveBeenCalledTimes(1);
    await db.delete();
  });

  it('reports usage, quota and persistence, or null where the browser says nothing', async () => {
    const { storageStatus, requestPersistence } = await import('./persistence');
    fakeStorage(true);
    expect(await storageStatus()).toEqual({ usage: 1_000, quota: 10_000, persisted: true, location: 'site' });
    expect(await requestPersistence()).toBe(true);
    Object.defineProperty(globalThis, 'navigator', { value: {}, configurable: true });
    expect(await storageStatus()).toEqual({ usage: null, quota: null, persisted: null, location: 'site' });
    expect(await requestPersistence()).toBeNull();
  });

  it('a database in its storage bucket: persistence is the bucket’s (asked of it), usage the site’s', async () => {
    const { storageStatus, requestPersistence } = await import('./persistence');
    const site = fakeStorage(false);
    const env = browser();
    let persisted = false;
    const persist = vi.fn(async () => (persisted = true));
    const open = env.buckets!.open.bind(env.buckets);
    env.buckets!.open = async (name) => ({
      ...(await open(name)),
      persisted: async () => persisted,
      persist,
    });
    const db = tab(env);
    expect(await storageStatus(db)).toEqual({
      usage: 1_000,
      quota: 10_000,
      persisted: false,
      location: 'bucket',
    });
    expect(await requestPersistence(db)).toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
    expect(site.persist).not.toHaveBeenCalled();
    expect((await storageStatus(db)).persisted).toBe(true);
  });
});
