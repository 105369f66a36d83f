import Dexie, { type DexieOptions } from 'dexie';
import { DB_NAME, HearthDb } from './db';

/**
 * Where Hearth's database lives.
 *
 * Where the browser has storage buckets (the Storage Buckets API: Chromium 122 and later), in a bucket
 * of its own, `hearth`: deleting the bucket removes its files from the disk at once. Deleting the
 * database instead, or emptying its tables, only marks its records deleted in the site's IndexedDB
 * files, which Chromium keeps — member emails readable in them — until it compacts them; for a small
 * database that was never, in the measurements of docs/security.md ("Deleting the data").
 *
 * Elsewhere (Firefox, Safari, a page that is not a secure context), and where the site's own
 * IndexedDB already holds Hearth's data (written by a Hearth from before buckets), the site's own
 * IndexedDB: that database stays there, with its data, until "Delete all data" deletes it; Hearth
 * then stores in the bucket. A site database without data (an old Hearth only opened) is deleted.
 */
export const BUCKET = 'hearth';

/** What Hearth uses of a StorageBucket (not yet in TypeScript's DOM types). */
export interface StorageBucketLike {
  readonly indexedDB: IDBFactory;
  persisted(): Promise<boolean>;
  persist(): Promise<boolean>;
}

/** What Hearth uses of `navigator.storageBuckets`. */
export interface StorageBucketManagerLike {
  open(name: string): Promise<StorageBucketLike>;
  keys(): Promise<string[]>;
  delete(name: string): Promise<void>;
}

/** The storage a page or worker has: the site's IndexedDB, and its storage buckets where it has them. */
export interface StorageEnv {
  site: IDBFactory | undefined;
  buckets: StorageBucketManagerLike | null;
}

export type StorageLocation =
  | { where: 'bucket'; factory: IDBFactory; bucket: StorageBucketLike }
  | { where: 'site'; factory: IDBFactory | undefined; bucket: null };

/** This page's or worker's storage, read when asked (tests replace the globals). */
export function browserStorageEnv(): StorageEnv {
  const g = globalThis as {
    indexedDB?: IDBFactory;
    navigator?: { storageBuckets?: StorageBucketManagerLike };
  };
  return { site: g.indexedDB, buckets: g.navigator?.storageBuckets ?? null };
}

/**
 * What the site's own IndexedDB holds under `name`: nothing; a database without data (a Hearth from
 * before buckets creates one just by opening, and an old tab re-creates it after a deletion) — its
 * settings alone do not count; a database with data; or unknown (no `databases()`, or it could not be
 * read in time), which counts as data: its data stays reachable.
 */
export async function siteDatabaseState(
  site: IDBFactory | undefined,
  name: string,
  waitMs = 3000,
): Promise<'absent' | 'empty' | 'data' | 'unknown'> {
  if (!site) return 'absent';
  if (typeof site.databases !== 'function') return 'unknown';
  if (!(await site.databases()).some((d) => d.name === name)) return 'absent';
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('unknown'), waitMs);
    const done = (state: 'absent' | 'empty' | 'data' | 'unknown', db?: IDBDatabase) => {
      clearTimeout(timer);
      db?.close();
      resolve(state);
    };
    const req = site.open(name);
    // Deleted meanwhile: opening would create it; abort, nothing is there.
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onerror = () => done('absent');
    req.onsuccess = () => {
      const db = req.result;
      const stores = [...db.objectStoreNames].filter((n) => n !== 'settings');
      if (stores.length === 0) return done('empty', db);
      try {
        const tx = db.transaction(stores, 'readonly');
        let left = stores.length;
        let rows = 0;
        for (const n of stores) {
          const count = tx.objectStore(n).count();
          count.onsuccess = () => {
            rows += count.result;
            if (--left === 0) done(rows > 0 ? 'data' : 'empty', db);
          };
        }
        tx.onerror = () => done('unknown', db);
      } catch {
        done('unknown', db);
      }
    };
  });
}

/** Deletes the site's database `name`, waiting at most `waitMs` (an old tab may hold it open); true once deleted. */
export function deleteSiteDatabase(site: IDBFactory, name: string, waitMs = 3000): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), waitMs);
    const r = site.deleteDatabase(name);
    r.onsuccess = () => (clearTimeout(timer), resolve(true));
    r.onerror = () => (clearTimeout(timer), resolve(false));
  });
}

/**
 * Finds where the database `name` lives (see above). The bucket wins when it exists, also beside a
 * database in the site's storage: "Delete all data" opens the bucket before it deletes that
 * database, so a tab that looks meanwhile already goes to the bucket. Where the buckets fail, the
 * site's storage — but an existing bucket that fails to open rejects (StorageUnavailableError)
 * rather than showing the site's storage in its place.
 */
export async function locateStorage(env: StorageEnv, name = DB_NAME): Promise<StorageLocation> {
  const site: StorageLocation = { where: 'site', factory: env.site, bucket: null };
  if (!env.buckets) return site;
  let held = false;
  try {
    held = (await env.buckets.keys()).includes(BUCKET);
    if (!held) {
      const state = await siteDatabaseState(env.site, name);
      if (state === 'data' || state === 'unknown') return site;
      // An empty one (an old Hearth opened once) must not keep Hearth out of its bucket.
      if (state === 'empty') await deleteSiteDatabase(env.site!, name);
    }
    const bucket = await env.buckets.open(BUCKET);
    return { where: 'bucket', factory: bucket.indexedDB, bucket };
  } catch (e) {
    // The bucket holds Hearth's data but would not open: the site's storage would show an empty
    // Hearth, and what was imported there would be hidden once the bucket opened again.
    if (held) throw new StorageUnavailableError(e);
    return site;
  }
}

/** Hearth's storage bucket exists but the browser would not open it. */
export class StorageUnavailableError extends Error {
  constructor(cause: unknown) {
    super(
      'The browser would not open Hearth’s storage, so your data cannot be shown right now (nothing was changed). Reload the page; if this stays, restart the browser.',
      { cause },
    );
    this.name = 'StorageUnavailableError';
  }
}

/**
 * Keeps the location of one page's or worker's database: found once, found again after the
 * connection closed (the bucket may have been deleted by another tab: its old handle fails), and —
 * during "Delete all data" — only once the deletion is over.
 */
export class StorageLocator {
  private located: Promise<StorageLocation> | null = null;
  private current: StorageLocation | null = null;
  private settled = false;

  constructor(
    readonly env: () => StorageEnv = browserStorageEnv,
    readonly name = DB_NAME,
  ) {}

  /** The location, finding it if needed. */
  locate(): Promise<StorageLocation> {
    if (!this.located) this.relocateAfter(Promise.resolve());
    return this.located!;
  }

  /** True when the location is known and not to be found again (the database may open at once). */
  get ready(): boolean {
    return this.settled;
  }

  /** The next open finds the location again. */
  forget(): void {
    this.located = null;
    this.settled = false;
  }

  /** The next open waits for `done` (a deletion; its failure too), then finds the location again. */
  relocateAfter(done: Promise<unknown>): void {
    this.settled = false;
    const located: Promise<StorageLocation> = done
      .catch(() => undefined)
      .then(() => locateStorage(this.env(), this.name))
      .then(
        (l) => {
          if (this.located === located) {
            this.current = l;
            this.settled = true;
          }
          return l;
        },
        (e: unknown) => {
          // Found again at the next use (a reload may not be needed).
          if (this.located === located) this.located = null;
          throw e;
        },
      );
    this.located = located;
  }

  /** The factory the database was last located in. */
  private factoryNow(): IDBFactory {
    const f = this.current?.factory ?? this.env().site;
    if (!f) throw new Dexie.MissingAPIError('IndexedDB is not available in this browser.');
    return f;
  }

  /**
   * The IDBFactory given to Dexie: each call goes to the factory of the last location found, so one
   * Dexie instance (the page's, the worker's) outlives a move to a new bucket.
   */
  readonly factory = {
    open: (name: string, version?: number) => this.factoryNow().open(name, version),
    deleteDatabase: (name: string) => this.factoryNow().deleteDatabase(name),
    databases: () => {
      const f = this.factoryNow();
      return typeof f.databases === 'function' ? f.databases() : Promise.resolve([]);
    },
    cmp: (a: unknown, b: unknown) => this.factoryNow().cmp(a, b),
  } satisfies IDBFactory;
}

/**
 * Hearth's database where its locator says: before it opens (Dexie opens on first use, and again
 * after its connection was closed), the location is found. After a close — another tab deleted the
 * data, or "Delete all data" here — it is found again, so the next use opens the new empty database.
 */
export class LocatedDb extends HearthDb {
  constructor(
    readonly locator: StorageLocator,
    options: DexieOptions = {},
  ) {
    super(locator.name, { ...options, indexedDB: locator.factory });
    this.on('close', () => {
      // A close during "Delete all data" keeps the wait for the deletion (relocateAfter).
      if (locator.ready) locator.forget();
    });
  }

  /** Between an open and its location found: no connection, and the open not yet Dexie's. */
  private locating = 0;

  override open() {
    if (this.locator.ready) return super.open();
    this.locating++;
    return Dexie.Promise.resolve(this.locator.locate())
      .finally(() => this.locating--)
      .then(() => super.open());
  }

  /**
   * A close that allows reopening (Dexie's own, on `versionchange` or a connection's `close` event)
   * while the location is being found has nothing to close, and is ignored: Dexie would replace the
   * promise the uses waiting for this open wait on, and they would wait for ever.
   */
  override close(options?: { disableAutoOpen: boolean }): void {
    if (this.locating > 0 && options?.disableAutoOpen === false && !this.isOpen()) return;
    super.close(options);
  }
}
