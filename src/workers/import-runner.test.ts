import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HearthDb } from '../storage/db';
import { loadRecords } from '../storage/records-repo';
import { importFile, type ImportProgress } from './import-runner';

let db: HearthDb;
let n = 0;
beforeEach(async () => {
  db = new HearthDb(`runner-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

/** A DiscordChatExporter CSV over the 8 MB streaming threshold: `rows` messages, ~150 bytes each. */
function bigDiscordCsv(rows: number): File {
  const lines = ['AuthorID,Author,Date,Content,Attachments,Reactions'];
  const t0 = Date.UTC(2025, 0, 1);
  for (let i = 0; i < rows; i++) {
    const at = new Date(t0 + i * 60_000).toISOString().replace('Z', '+00:00');
    lines.push(`10000000000000${i % 97},member_${i % 97},${at},"Message ${i}: the new release works, thanks for the quick fix on the sync issue",,`);
  }
  return new File([lines.join('\n')], 'Guild - General [1].csv');
}

describe('importFile streaming a large CSV', () => {
  it('stores every row once, reports progress that only grows to the file size, and adds nothing the second time', async () => {
    const file = bigDiscordCsv(62_000);
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

    const again = await importFile(db, bigDiscordCsv(62_000), { timeZone: 'UTC' }, () => undefined);
    expect(again.status).toBe('already-imported');
    expect((await loadRecords(db)).records.activities).toHaveLength(62_000);
  }, 60_000);
});
