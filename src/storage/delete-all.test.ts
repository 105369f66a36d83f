import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importFile } from '../workers/import-runner';
import { dumpTables } from './backup';
import { DB_NAME } from './db';
import { deleteAllData } from './delete-all';
import { ImportRunningError } from './import-lock';
import { BUCKET, LocatedDb, StorageLocator, type StorageEnv } from './location';
import { browser, tab } from './test-buckets';

const root = resolve(import.meta.dirname, '../..');
const EMAIL = 'zed.muller@example.org';

async function importSample(db: LocatedDb): Promise<void> {
  const path = 'sample-data/beehiiv_subscribers_2025-12-31.csv';
  const r = await importFile(
    db,
    new File([readFileSync(resolve(root, path))], 'beehiiv_subscribers_2025-12-31.csv'),
    { timeZone: 'UTC' },
    () => undefined,
  );
  expect(r.status).toBe('imported');
}

async function stored(db: LocatedDb): Promise<string> {
  return JSON.stringify(await dumpTables(db));
}

async function siteNames(env: StorageEnv): Promise<string[]> {
  return (await env.site!.databases()).map((d) => d.name!);
}

/** Hearth still works: a setting written reads back. */
async function usable(db: LocatedDb, value: string): Promise<void> {
  await db.settings.put({ key: 'probe', value });
  expect((await db.settings.get('probe'))?.value).toBe(value);
}

describe('Delete all data', () => {
  const open: LocatedDb[] = [];
  const tabOf = (env: StorageEnv) => {
    const db = tab(env);
    open.push(db);
    return db;
  };
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
    Reflect.deleteProperty(globalThis, 'navigator');
  });

  it('in its bucket: the bucket is deleted (its files with it), and every tab goes on in a new empty one', async () => {
    const env = browser();
    const a = tabOf(env);
    const b = tabOf(env); // another tab (or a worker), with its own connection
    await importSample(a);
    expect(await stored(b)).toContain(EMAIL);

    expect(await deleteAllData(a)).toEqual({ files: 'removed' });
    expect(env.buckets!.deleted).toEqual([BUCKET]);
    // Its connection was closed by the deletion: the other tab opens the new bucket on its next use.
    expect(await stored(b)).not.toContain(EMAIL);
    expect(await b.imports.count()).toBe(0);
    await usable(a, 'after');
    expect((await b.settings.get('probe'))?.value).toBe('after'); // the same new database
    // Importing again works, and a second deletion removes the new bucket too.
    await importSample(b);
    expect(await stored(a)).toContain(EMAIL);
    expect(await deleteAllData(b)).toEqual({ files: 'removed' });
    expect(env.buckets!.deleted).toEqual([BUCKET, BUCKET]);
    expect(await stored(a)).not.toContain(EMAIL);
  });

  it('in the site’s storage (no buckets): the database is deleted — its files may keep the bytes — and a new one opens', async () => {
    const env = browser(false);
    const a = tabOf(env);
    const b = tabOf(env);
    await importSample(a);
    await b.open();
    expect(await deleteAllData(a)).toEqual({ files: 'may-remain' });
    expect(await siteNames(env)).toEqual([]); // deleted (not only emptied): b closed when asked
    expect(await stored(b)).not.toContain(EMAIL);
    await usable(a, 'again');
    expect(await siteNames(env)).toEqual([DB_NAME]);
    await importSample(a);
    expect(await stored(b)).toContain(EMAIL);
  });

  it('data from before buckets (the site’s storage): deleted there, and Hearth moves to the bucket', async () => {
    const env = browser();
    const before = new LocatedDb(new StorageLocator(() => ({ site: env.site, buckets: null })));
    await importSample(before);
    before.close();
    const a = tabOf(env);
    const b = tabOf(env);
    expect(await stored(a)).toContain(EMAIL); // kept where it was: nothing lost by the new version
    expect((await a.locator.locate()).where).toBe('site');
    await b.open();

    expect(await deleteAllData(a)).toEqual({ files: 'may-remain' });
    expect(await siteNames(env)).toEqual([]);
    expect(await stored(b)).not.toContain(EMAIL);
    expect((await b.locator.locate()).where).toBe('bucket');
    await importSample(a);
    expect((await a.locator.locate()).where).toBe('bucket');
    expect(await stored(b)).toContain(EMAIL);
    expect(await siteNames(env)).toEqual([]); // nothing written to the site's storage again
    expect(await deleteAllData(b)).toEqual({ files: 'removed' });
  });

  it('in its bucket, with data an old Hearth tab wrote to the site’s storage meanwhile: that is deleted too, and does not come back', async () => {
    const env = browser();
    const a = tabOf(env);
    await a.open();
    expect((await a.locator.locate()).where).toBe('bucket');
    // A tab of the Hearth from before buckets, still open: it writes to the site's own IndexedDB.
    const oldTab = new LocatedDb(new StorageLocator(() => ({ site: env.site, buckets: null })));
    await importSample(oldTab);
    oldTab.close();
    expect(await stored(a)).not.toContain(EMAIL); // hidden from the bucket's Hearth
    // Its bytes may stay in the site's files: the message must not say they were removed.
    expect(await deleteAllData(a)).toEqual({ files: 'may-remain' });
    expect(await siteNames(env)).toEqual([]);
    expect(await stored(a)).not.toContain(EMAIL); // not found again once the bucket is gone
    expect((await a.locator.locate()).where).toBe('bucket');
    // An empty site database (an old tab only opened it) is deleted without changing the message.
    const opened = new LocatedDb(new StorageLocator(() => ({ site: env.site, buckets: null })));
    await opened.settings.put({ key: 'filters', value: 1 });
    opened.close();
    expect(await deleteAllData(a)).toEqual({ files: 'removed' });
    expect(await siteNames(env)).toEqual([]);
  });

  it('what the page writes while the deletion runs (filters read again, a setting saved) waits for it and lands in the new database', async () => {
    const env = browser();
    const a = tabOf(env);
    await importSample(a);
    let written: Promise<unknown> = Promise.resolve();
    env.buckets!.duringDelete = async () => {
      written = a.settings.put({ key: 'filters', value: 'new' });
      await new Promise((r) => setTimeout(r, 20));
    };
    expect(await deleteAllData(a)).toEqual({ files: 'removed' });
    await written;
    expect((await a.settings.get('filters'))?.value).toBe('new');
    expect(await stored(a)).not.toContain(EMAIL);
  });

  it('a connection that does not close: the tables are emptied, the wait ends with a message, and the delete finishes when it closes', async () => {
    const env = browser(false);
    const a = tabOf(env);
    await importSample(a);
    // Not Hearth's Dexie (which closes when asked): a connection that ignores versionchange.
    const req = env.site.open(DB_NAME);
    const stubborn = await new Promise<IDBDatabase>((r) => (req.onsuccess = () => r(req.result)));
    stubborn.onversionchange = () => undefined;

    expect(await deleteAllData(a, { waitMs: 100 })).toEqual({ files: 'kept', reason: 'blocked' });
    const left = await new Promise<number>((r) => {
      const c = stubborn.transaction('imports').objectStore('imports').count();
      c.onsuccess = () => r(c.result);
    });
    expect(left).toBe(0); // gone from Hearth's view all the same
    const next = usable(a, 'after'); // waits for the deletion the browser still has queued
    stubborn.close();
    await next;
    expect(await stored(a)).not.toContain(EMAIL);
  });

  it('a bucket the browser fails to delete: emptied, said so, and Hearth goes on', async () => {
    const env = browser();
    const a = tabOf(env);
    await importSample(a);
    env.buckets!.failDelete = true;
    expect(await deleteAllData(a)).toEqual({ files: 'kept', reason: 'failed' });
    expect(await stored(a)).not.toContain(EMAIL);
    await usable(a, 'still');
  });

  it('refused while an import holds the import lock (this tab or another): nothing deleted', async () => {
    const env = browser();
    const a = tabOf(env);
    await importSample(a);
    let held = true;
    const locks = {
      request: async (_name: string, ...args: unknown[]) => {
        const cb = args.at(-1) as (lock: unknown) => Promise<unknown>;
        const opts = args.length > 1 ? (args[0] as { ifAvailable?: boolean }) : {};
        return cb(held && opts.ifAvailable ? null : {});
      },
    };
    Object.defineProperty(globalThis, 'navigator', { value: { locks }, configurable: true });
    await expect(deleteAllData(a)).rejects.toBeInstanceOf(ImportRunningError);
    expect(await stored(a)).toContain(EMAIL);
    expect(env.buckets!.deleted).toEqual([]);
    held = false;
    expect(await deleteAllData(a)).toEqual({ files: 'removed' });
  });
});
