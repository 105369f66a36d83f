/**
 * Storage limits: a file that cannot fit is refused before anything is written, and a
 * QuotaExceededError anywhere in the write path becomes StorageFullError with nothing half-written.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyBatch, type ActivityRecord } from '../domain/model/records';
import { importFile } from '../workers/import-runner';
import { HearthDb } from './db';
import { CHUNK_SIZE, ImportWriter, quotaProblem, StorageFullError } from './import-writer';
import { loadRecords } from './records-repo';

const root = resolve(import.meta.dirname, '../..');
const FULL = 'The browser ran out of storage space for Hearth. Nothing from this import was kept. Free disk space, or delete old imports, then try again.';
let db: HearthDb;
let n = 0;
beforeEach(async () => {
  db = new HearthDb(`quota-${n++}`);
  await db.open();
  const r = await importFile(db, new File([readFileSync(resolve(root, 'sample-data/discourse-likes.csv'))], 'discourse-likes.csv'), { timeZone: 'UTC' }, () => undefined);
  expect(r.status).toBe('imported');
});
afterEach(async () => {
  Reflect.deleteProperty(globalThis, 'navigator');
  await db.delete();
});

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** Makes the n-th row created in `table` (within this test) fail as a full disk would. */
function failOnCreate(table: 'activityChunks' | 'recordBatches' | 'imports', nth: number) {
  let count = 0;
  db.table(table).hook('creating', () => {
    if (++count === nth) throw quotaError();
  });
}

function activities(count: number, from = 0): ActivityRecord[] {
  return Array.from({ length: count }, (_, i) => ({ key: `t:a:${from + i}`, source: 't', personKey: `t:p${i % 7}`, kind: 'message', at: 1_700_000_000_000 + i }));
}

async function expectUnchanged(before: Awaited<ReturnType<typeof loadRecords>>, chunks: number) {
  expect(await loadRecords(db)).toEqual(before);
  expect(await db.imports.where('status').equals('pending').count()).toBe(0);
  expect(await db.activityChunks.count()).toBe(chunks);
  expect(await db.persons.where('importId').noneOf(before.imports.map((i) => i.id)).count()).toBe(0);
  expect(await db.recordBatches.where('importId').noneOf(before.imports.map((i) => i.id)).count()).toBe(0);
}

describe('quota errors mid-import', () => {
  it('a full disk on the third activity chunk, after two were written: StorageFullError, nothing kept', async () => {
    const before = await loadRecords(db);
    const chunks = await db.activityChunks.count();
    const w = await ImportWriter.begin(db, 'big.csv', 'h');
    const b1 = emptyBatch();
    b1.activities = activities(CHUNK_SIZE * 2 + 10);
    await w.write(b1); // two chunks written under the pending import
    expect(await db.activityChunks.count()).toBe(chunks + 2);
    failOnCreate('activityChunks', 1);
    const b2 = emptyBatch();
    b2.activities = activities(CHUNK_SIZE, CHUNK_SIZE * 3);
    const err = await w.write(b2).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageFullError);
    expect((err as Error).message).toBe(FULL);
    await expectUnchanged(before, chunks);
  });

  it('a full disk while writing person records', async () => {
    const before = await loadRecords(db);
    const chunks = await db.activityChunks.count();
    const w = await ImportWriter.begin(db, 'people.csv', 'h');
    failOnCreate('recordBatches', 1);
    const b = emptyBatch();
    b.persons = [{ key: 't:p1', source: 't', roster: true, bot: false }];
    await expect(w.write(b)).rejects.toThrow(FULL);
    await expectUnchanged(before, chunks);
  });

  it('a full disk when the import starts', async () => {
    const before = await loadRecords(db);
    failOnCreate('imports', 1);
    await expect(ImportWriter.begin(db, 'x.csv', 'h')).rejects.toThrow(FULL);
    await expectUnchanged(before, await db.activityChunks.count());
  });

  it('a full disk at commit (the last chunk): rolled back', async () => {
    const before = await loadRecords(db);
    const chunks = await db.activityChunks.count();
    const w = await ImportWriter.begin(db, 'tail.csv', 'h');
    const b = emptyBatch();
    b.activities = activities(CHUNK_SIZE + 5);
    await w.write(b);
    failOnCreate('activityChunks', 1);
    await expect(w.commit({ format: 't', rows: 1, imported: 1, skipped: 0, issues: [] })).rejects.toThrow(FULL);
    await expectUnchanged(before, chunks);
  });

  it('through importFile (the browser import of a file): the user reads the StorageFullError message, naming the file', async () => {
    const before = await loadRecords(db);
    const chunks = await db.activityChunks.count();
    failOnCreate('activityChunks', 1);
    const r = await importFile(db, new File([readFileSync(resolve(root, 'sample-data/discourse-posts.csv'))], 'discourse-posts.csv'), { timeZone: 'UTC' }, () => undefined);
    expect(r).toMatchObject({ status: 'failed', message: `discourse-posts.csv: ${FULL}`, added: 0, batch: null });
    await expectUnchanged(before, chunks);
  });
});

describe('free space is checked before a large import', () => {
  function fakeEstimate(quota: number, usage: number) {
    Object.defineProperty(globalThis, 'navigator', { value: { storage: { estimate: async () => ({ quota, usage }) } }, configurable: true });
  }

  it('refuses a file that needs more than the browser allows (≈ 1.5× its size), before writing anything', async () => {
    const before = await loadRecords(db);
    const bytes = readFileSync(resolve(root, 'sample-data/discourse-posts.csv')); // 539,471 bytes → needs ~0.8 MB
    fakeEstimate(10 * 1024 * 1024, 10 * 1024 * 1024 - 300 * 1024);
    const r = await importFile(db, new File([bytes], 'discourse-posts.csv'), { timeZone: 'UTC' }, () => undefined);
    expect(r.status).toBe('failed');
    expect(r.message).toBe(
      'discourse-posts.csv was not imported: it needs about 1 MB of storage, and the browser allows Hearth only 1 MB more. Free disk space, or delete old imports, then try again. Nothing was kept.',
    );
    await expectUnchanged(before, await db.activityChunks.count());
  });

  it('names sizes in MB', async () => {
    fakeEstimate(2_000 * 1024 * 1024, 1_900 * 1024 * 1024);
    expect(await quotaProblem('huge.csv', 400 * 1024 * 1024)).toBe(
      'huge.csv was not imported: it needs about 600 MB of storage, and the browser allows Hearth only 100 MB more. Free disk space, or delete old imports, then try again. Nothing was kept.',
    );
  });

  it('lets a file through when it fits, or when the browser cannot estimate', async () => {
    fakeEstimate(1024 ** 3, 0);
    expect(await quotaProblem('a.csv', 100 * 1024 * 1024)).toBeNull();
    Object.defineProperty(globalThis, 'navigator', { value: {}, configurable: true });
    expect(await quotaProblem('a.csv', 100 * 1024 ** 3)).toBeNull();
  });
});
