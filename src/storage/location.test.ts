import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DB_NAME } from './db';
import { BUCKET, LocatedDb, locateStorage, StorageLocator, type StorageEnv } from './location';
import { browser, tab } from './test-buckets';

describe('where the database lives', () => {
  it('a bucket of its own where the browser has buckets and the site holds no Hearth database', async () => {
    const env = browser();
    const l = await locateStorage(env);
    expect(l.where).toBe('bucket');
    expect(await env.buckets!.keys()).toEqual([BUCKET]);
  });

  it('the site’s IndexedDB without buckets, and where it already holds Hearth’s data (no bucket made)', async () => {
    expect((await locateStorage(browser(false))).where).toBe('site');
    const env = browser();
    const old = new LocatedDb(new StorageLocator(() => ({ site: env.site, buckets: null })));
    await old.notes.put({ month: '2025-03', text: 'A note', updatedAt: 1 });
    old.close();
    expect((await locateStorage(env)).where).toBe('site');
    expect(await env.buckets!.keys()).toEqual([]);
  });

  it('the bucket where the site’s database holds no data (an old Hearth only opened it): that database is deleted', async () => {
    const env = browser();
    const old = new LocatedDb(new StorageLocator(() => ({ site: env.site, buckets: null })));
    await old.settings.put({ key: 'filters', value: 1 }); // settings alone are not data
    old.close();
    expect((await locateStorage(env)).where).toBe('bucket');
    expect(await env.buckets!.keys()).toEqual([BUCKET]);
    expect(await env.site.databases()).toEqual([]);
  });

  it('the bucket once it exists, also beside a database in the site’s storage; the site where buckets fail', async () => {
    const env = browser();
    const req = env.site.open(DB_NAME);
    await new Promise((r) => (req.onsuccess = r));
    req.result.close();
    await env.buckets!.open(BUCKET);
    expect((await locateStorage(env)).where).toBe('bucket');
    const failing: StorageEnv = {
      site: env.site,
      buckets: {
        ...env.buckets!,
        keys: () => Promise.reject(new Error('no')),
        open: env.buckets!.open,
        delete: env.buckets!.delete,
      },
    };
    expect((await locateStorage(failing)).where).toBe('site');
  });

  it('an existing bucket that will not open is an error, not the site’s storage shown in its place; the next use tries again', async () => {
    const env = browser();
    await env.buckets!.open(BUCKET);
    let fail = true;
    const flaky: StorageEnv = {
      site: env.site,
      buckets: {
        ...env.buckets!,
        keys: env.buckets!.keys,
        open: (n: string) => (fail ? Promise.reject(new Error('UnknownError')) : env.buckets!.open(n)),
        delete: env.buckets!.delete,
      },
    };
    await expect(locateStorage(flaky)).rejects.toThrow(/would not open Hearth’s storage/);
    const locator = new StorageLocator(() => flaky);
    await expect(locator.locate()).rejects.toThrow(/would not open/);
    fail = false;
    expect((await locator.locate()).where).toBe('bucket');
  });
});

describe('one Dexie instance for the page’s life (LocatedDb)', () => {
  it('opens where the location is found, on first use', async () => {
    const env = browser();
    const db = tab(env);
    await db.settings.put({ key: 'k', value: 1 });
    expect((await db.locator.locate()).where).toBe('bucket');
    expect(await env.site.databases()).toEqual([]);
    db.close();
  });

  it('a close that allows reopening, while the location is being found, does not strand the uses waiting for the open', async () => {
    const env = browser();
    const db = tab(env);
    await db.open();
    let go!: () => void;
    db.locator.relocateAfter(new Promise<void>((r) => (go = r)));
    db.close({ disableAutoOpen: false });
    const put = db.settings.put({ key: 'k', value: 2 });
    await new Promise((r) => setTimeout(r, 5));
    // What Dexie does on a late `close` event or `versionchange`: nothing is open to close.
    db.close({ disableAutoOpen: false });
    go();
    await put;
    expect((await db.settings.get('k'))?.value).toBe(2);
    db.close();
  });
});
