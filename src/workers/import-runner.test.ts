import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { HearthDb } from '../storage/db';
import { freshDbPerTest } from '../storage/test-db';
import { loadRecords } from '../storage/records-repo';
import { importFile, type ImportProgress } from './import-runner';
import { chatExportCsv } from './test-chat-export';

let db: HearthDb;
freshDbPerTest('runner', (d) => (db = d));

describe('importFile streaming a large CSV', () => {
  it('stores every row once, reports progress that only grows to the file size, and adds nothing the second time', async () => {
    const file = chatExportCsv(62_000);
    expect(file.size).toBeGreaterThan(8 * 1024 * 1024);
    const progress: ImportProgress[] = [];
    const r = await importFile(db, file, { timeZone: 'UTC' }, (p) => progress.push(p));
    expect(r.status).toBe('imported');
    expect(r.added).toBe(62_000 + 97); // messages + members
    const values = progress.map((p) => p.bytesDone);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]!);
    expect(values.at(-1)).toBe(file.size);
    // Reading and storing both move the bar: more than one step per 1 MiB read, none past the file.
    expect(values.filter((v) => v < file.size).length).toBeGreaterThan(Math.ceil(file.size / (1024 * 1024)));
    const { records } = await loadRecords(db);
    expect(records.activities).toHaveLength(62_000);
    expect(new Set(records.activities.map((a) => a.key)).size).toBe(62_000);
    expect(records.activities.every((a) => a.score !== undefined)).toBe(true);

    const again = await importFile(db, chatExportCsv(62_000), { timeZone: 'UTC' }, () => undefined);
    expect(again.status).toBe('already-imported');
    expect((await loadRecords(db)).records.activities).toHaveLength(62_000);
  }, 60_000);
});
