import 'fake-indexeddb/auto';
import { afterEach, beforeEach } from 'vitest';
import { HearthDb } from './db';

/**
 * Test support: a fresh HearthDb (fake-indexeddb) before each test of the calling file, deleted after
 * it. `set` receives it: `let db: HearthDb; freshDbPerTest('backup', (d) => (db = d));`
 * The test file must still import 'fake-indexeddb/auto' first, before anything that loads Dexie.
 */
export function freshDbPerTest(prefix: string, set: (db: HearthDb) => void): void {
  let n = 0;
  let current: HearthDb | null = null;
  beforeEach(async () => {
    current = new HearthDb(`${prefix}-${n++}`);
    await current.open();
    set(current);
  });
  afterEach(async () => {
    await current?.delete();
    // eslint-disable-next-line require-atomic-updates -- hooks run one at a time
    current = null;
  });
}
