import { forceCloseDatabase, IDBFactory } from 'fake-indexeddb';
import {
  LocatedDb,
  StorageLocator,
  type StorageBucketLike,
  type StorageBucketManagerLike,
  type StorageEnv,
} from './location';

/*
 * Test support (fake-indexeddb): a browser's storage — the site's IndexedDB and storage buckets — for
 * location.ts and "Delete all data". The test file must import 'fake-indexeddb/auto' first.
 */

/**
 * Storage buckets as Chromium has them: each bucket its own IndexedDB; deleting one closes every
 * connection to it (forced: their `close` event) and its old handle fails from then on.
 */
export class FakeBuckets implements StorageBucketManagerLike {
  private readonly live = new Map<
    string,
    { factory: IDBFactory; connections: Set<IDBDatabase>; dead: boolean }
  >();
  readonly deleted: string[] = [];
  failDelete = false;
  /** Called when a deletion starts; it ends when the returned promise does. */
  duringDelete: () => Promise<void> = async () => undefined;

  async open(name: string): Promise<StorageBucketLike> {
    let b = this.live.get(name);
    if (!b) this.live.set(name, (b = { factory: new IDBFactory(), connections: new Set(), dead: false }));
    const bucket = b;
    const indexedDB = {
      open: (db: string, version?: number) => {
        if (bucket.dead) throw new DOMException('Internal error.', 'UnknownError');
        const r = bucket.factory.open(db, version);
        r.addEventListener('success', () => {
          const c = r.result;
          bucket.connections.add(c);
          const close = c.close.bind(c);
          c.close = () => {
            bucket.connections.delete(c);
            close();
          };
        });
        return r;
      },
      deleteDatabase: (db: string) => bucket.factory.deleteDatabase(db),
      databases: () => bucket.factory.databases(),
      cmp: (a: unknown, c: unknown) => bucket.factory.cmp(a, c),
    } satisfies IDBFactory;
    return { indexedDB, persisted: async () => false, persist: async () => false };
  }

  async keys(): Promise<string[]> {
    return [...this.live.keys()];
  }

  async delete(name: string): Promise<void> {
    if (this.failDelete) throw new DOMException('Internal error.', 'UnknownError');
    await this.duringDelete();
    const b = this.live.get(name);
    if (!b) return;
    b.dead = true;
    for (const c of b.connections)
      forceCloseDatabase(c as unknown as Parameters<typeof forceCloseDatabase>[0]);
    this.live.delete(name);
    this.deleted.push(name);
  }
}

/** A browser's storage: the site's IndexedDB, and buckets unless `buckets` is false. */
export function browser(buckets = true): StorageEnv & { buckets: FakeBuckets | null; site: IDBFactory } {
  return { site: new IDBFactory(), buckets: buckets ? new FakeBuckets() : null };
}

/** One page's (or worker's) database, as storage/index.ts makes it. */
export function tab(env: StorageEnv): LocatedDb {
  return new LocatedDb(new StorageLocator(() => env));
}
