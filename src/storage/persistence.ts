import type { HearthDb } from './db';
import type { LocatedDb, StorageBucketLike } from './location';

/** What the browser says about Hearth's storage (navigator.storage), where it says anything. */
export interface StorageStatus {
  /** Bytes used by this site, when the browser can estimate them. */
  usage: number | null;
  /** Bytes this site may use, when the browser can estimate them. */
  quota: number | null;
  /** true: the browser will not evict the data under storage pressure; null: unknown. */
  persisted: boolean | null;
  /**
   * Where the database lives (location.ts): its own storage bucket, whose deletion removes its
   * files, or the site's own IndexedDB, whose files may keep deleted bytes.
   */
  location: 'bucket' | 'site';
}

type StorageManagerLike = {
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
};

function manager(): StorageManagerLike | undefined {
  return (globalThis as { navigator?: { storage?: StorageManagerLike } }).navigator?.storage;
}

/** The storage bucket `db` lives in, if it lives in one (persistence is then the bucket's own). */
async function bucketOf(db: HearthDb | undefined): Promise<StorageBucketLike | null> {
  const locator = (db as Partial<LocatedDb> | undefined)?.locator;
  return locator ? (await locator.locate()).bucket : null;
}

/**
 * Usage and quota are the site's (a bucket's usage counts in them); persistence is that of the
 * bucket `db` lives in, or the site's.
 */
export async function storageStatus(db?: HearthDb): Promise<StorageStatus> {
  // Hearth's request to keep the data (made once it holds data) is answered first: a status read
  // with the data change that prompts the request must not say "Not yet" for one about to be
  // granted (it did after Delete → Restore: the page read before the app asked).
  if (db) await ensurePersistence(db);
  const m = manager();
  const bucket = await bucketOf(db);
  const est = await m?.estimate?.().catch(() => undefined);
  const persisted = (await (bucket ? bucket.persisted() : m?.persisted?.())?.catch(() => undefined)) ?? null;
  return {
    usage: est?.usage ?? null,
    quota: est?.quota ?? null,
    persisted,
    location: bucket ? 'bucket' : 'site',
  };
}

/** Asks the browser to keep Hearth's data (no eviction under storage pressure). Returns the outcome. */
export async function requestPersistence(db?: HearthDb): Promise<boolean | null> {
  const bucket = await bucketOf(db);
  const m = bucket ?? manager();
  if (!m?.persist) return null;
  try {
    if (await m.persisted?.()) return true;
    return await m.persist();
  } catch {
    return null;
  }
}

let asked = false;
let checking: Promise<void> | null = null;

/**
 * Requests persistent storage once per page load, as soon as Hearth holds data. Calls while one is
 * checking share it (two imports finishing together ask once).
 */
export function ensurePersistence(db: HearthDb): Promise<void> {
  // A call while the request is still out waits for its answer (the data change that made it may
  // come twice: a restore, then the other tabs' broadcast), so what it does next sees the answer.
  if (checking) return checking;
  if (asked) return Promise.resolve();
  checking = (async () => {
    try {
      if ((await db.imports.count()) === 0) return;
    } catch {
      return;
    }
    asked = true;
    await requestPersistence(db);
  })().finally(() => {
    checking = null;
  });
  return checking;
}

/** "Delete all data" made a new database (a new bucket): ask again once it holds data. */
export function forgetPersistenceRequest(): void {
  asked = false;
}
