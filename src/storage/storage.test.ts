import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { emptyBatch, SCHEMA_VERSION, type ActivityRecord, type RecordBatch } from '../domain/model/records';
import { encodeChunk } from './activity-chunks';
import { HearthDb } from './db';
import { freshDbPerTest } from './test-db';
import { CHUNK_SIZE, ImportStoppedError, ImportWriter } from './import-writer';
import { listImports, loadRecords, recoverPendingImports, undoImport } from './records-repo';

let db: HearthDb;
freshDbPerTest('test', (d) => (db = d));

function activity(i: number, extra: Partial<ActivityRecord> = {}): ActivityRecord {
  return { key: `t:a:${i}`, source: 't', personKey: `t:p${i % 3}`, kind: 'message', at: 1_700_000_000_000 + i, ...extra };
}

function batchOf(activities: ActivityRecord[], persons = true): RecordBatch {
  const b = emptyBatch();
  b.activities = activities;
  if (persons) b.persons = [{ key: 't:p0', source: 't', roster: true, bot: false, joinedAt: 1 }];
  return b;
}

const summary = { format: 'test', rows: 0, imported: 0, skipped: 0, issues: [] };

async function importBatch(b: RecordBatch, name = 'f.csv') {
  const w = await ImportWriter.begin(db, name, 'hash');
  await w.write(b);
  return w.commit(summary);
}

describe('ImportWriter', () => {
  it('stores activities in columnar chunks and loads them back unchanged', async () => {
    const acts = [activity(1, { threadKey: 't:t1', text: 'héllo', url: 'https://x/1' }), activity(2)];
    await importBatch(batchOf(acts));
    const { records } = await loadRecords(db);
    // Texts come back with their sentiment score, computed at import (docs/decisions/0002).
    expect(records.activities).toEqual([{ ...acts[0], score: 0 }, acts[1]]);
    expect(records.persons).toEqual([{ key: 't:p0', source: 't', roster: true, bot: false, joinedAt: 1 }]);
  });

  it('splits large imports into chunks of CHUNK_SIZE and keeps their order', async () => {
    const acts = Array.from({ length: CHUNK_SIZE * 2 + 5 }, (_, i) => activity(i));
    await importBatch(batchOf(acts));
    expect(await db.activityChunks.count()).toBe(3);
    const { records } = await loadRecords(db);
    expect(records.activities.map((a) => a.key)).toEqual(acts.map((a) => a.key));
  });

  it('loads many chunks of several imports in import order and chunk order (ids sort as text: 10 before 2)', async () => {
    // Two imports of 30 chunks each, stored in a shuffled order; chunk reads go by key ranges.
    const ids = ['imp-a', 'imp-a2'];
    for (const [n, id] of ids.entries()) {
      await db.imports.add({ id, fileName: `${id}.csv`, format: 'test', contentHash: id, startedAt: n, status: 'complete', rows: 60, imported: 60, skipped: 0, added: 60, issues: [], schemaVersion: SCHEMA_VERSION });
    }
    const chunks = ids.flatMap((id, n) => Array.from({ length: 30 }, (_, seq) => encodeChunk(`${id}:${seq}`, id, [activity(n * 1000 + seq * 2), activity(n * 1000 + seq * 2 + 1)])));
    await db.activityChunks.bulkAdd(chunks.reverse());
    const { records } = await loadRecords(db);
    const expected = [0, 1000].flatMap((base) => Array.from({ length: 60 }, (_, i) => `t:a:${base + i}`));
    expect(records.activities.map((a) => a.key)).toEqual(expected);
  });

  it('importing the same records twice adds nothing and keeps no empty history row', async () => {
    const acts = [activity(1), activity(2)];
    const first = await importBatch(batchOf(acts));
    expect(first?.added).toBe(3);
    const second = await importBatch(batchOf(acts));
    expect(second).toBeNull();
    expect(await listImports(db)).toHaveLength(1);
    expect((await loadRecords(db)).records.activities).toHaveLength(2);
  });

  it('an overlapping export adds only the new records', async () => {
    await importBatch(batchOf([activity(1), activity(2)]));
    const later = await importBatch(batchOf([activity(2), activity(3)]));
    expect(later?.added).toBe(1);
    expect((await loadRecords(db)).records.activities.map((a) => a.key).sort()).toEqual(['t:a:1', 't:a:2', 't:a:3']);
  });

  it('records of a pending import are invisible until commit', async () => {
    const w = await ImportWriter.begin(db, 'f.csv', 'h');
    await w.write(batchOf(Array.from({ length: CHUNK_SIZE + 1 }, (_, i) => activity(i))));
    expect((await loadRecords(db)).records.activities).toHaveLength(0);
    await w.commit(summary);
    expect((await loadRecords(db)).records.activities).toHaveLength(CHUNK_SIZE + 1);
  });

  it('an interrupted import is rolled back at the next start and reported by file name', async () => {
    await importBatch(batchOf([activity(1)]), 'kept.csv');
    const w = await ImportWriter.begin(db, 'half.csv', 'h');
    await w.write(batchOf(Array.from({ length: CHUNK_SIZE + 1 }, (_, i) => activity(100 + i))));
    // The tab closes here: no commit.
    expect(await recoverPendingImports(db)).toEqual(['half.csv']);
    expect(await db.activityChunks.count()).toBe(1);
    expect((await loadRecords(db)).records.activities.map((a) => a.key)).toEqual(['t:a:1']);
  });

  it('a commit after another tab rolled the import back fails plainly and brings no empty row back', async () => {
    const w = await ImportWriter.begin(db, 'big.csv', 'hash');
    // A full chunk (stored during the write) and no other records: the commit itself writes nothing but the history row.
    await w.write(batchOf(Array.from({ length: CHUNK_SIZE }, (_, i) => activity(i)), false));
    expect(await db.activityChunks.count()).toBe(1);
    // Another tab's start-up recovery removes the pending import between the last write and the commit.
    await recoverPendingImports(db);
    await expect(w.commit(summary)).rejects.toThrow(ImportStoppedError);
    expect(await db.imports.count()).toBe(0);
    expect(await db.activityChunks.count()).toBe(0);
  });

  it('undo removes exactly what an import added', async () => {
    await importBatch(batchOf([activity(1)]), 'a.csv');
    const b = await importBatch(batchOf([activity(1), activity(2, { text: 'a text, stored apart' })], false), 'b.csv');
    const cBatch = () => ({ ...batchOf([activity(3, { text: 'another' })]), persons: [{ key: 't:p9', source: 't', roster: true, bot: false }] });
    const c = await importBatch(cBatch(), 'c.csv');
    // c wrote a chunk, its texts and a batch of persons: undo leaves no row of it in any table.
    const rowsOf = async (importId: string) => {
      const counts: Record<string, number> = {};
      for (const t of db.tables) if (t.schema.indexes.some((i) => i.name === 'importId')) counts[t.name] = await t.where('importId').equals(importId).count();
      return counts;
    };
    expect(await rowsOf(c!.id)).toMatchObject({ activityChunks: 1, activityTexts: 1, recordBatches: 1 });
    await undoImport(db, b!.id);
    await undoImport(db, c!.id);
    for (const id of [b!.id, c!.id]) expect(Object.values(await rowsOf(id)).every((n) => n === 0)).toBe(true);
    const { records, imports } = await loadRecords(db);
    expect(records.activities.map((a) => a.key)).toEqual(['t:a:1']);
    expect(imports.map((i) => i.fileName)).toEqual(['a.csv']);
    // Importing c again adds its person again: an undone import's ids are not taken for stored ones.
    const again = await importBatch(cBatch(), 'c.csv');
    expect(again!.added).toBe(2);
  });

  it('two imports started in the same millisecond are combined in the order they started (ids sorting the other way)', async () => {
    const campaign = (opens: number) => {
      const b = emptyBatch();
      b.campaigns = [{ key: 'mc:c1', source: 'mc', title: 'May', sentAt: 1, delivered: 100, uniqueOpens: opens, uniqueClicks: 1 }];
      return b;
    };
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_750_000_000_000);
    // The second import's random id sorts before the first's (the tie-break that decided before).
    const random = vi.spyOn(Math, 'random').mockReturnValueOnce(0.9).mockReturnValueOnce(0.1);
    try {
      const first = await importBatch(campaign(10), 'may.csv');
      const second = await importBatch(campaign(25), 'june.csv');
      expect(second!.id < first!.id).toBe(true);
      expect((await listImports(db)).map((i) => i.fileName)).toEqual(['may.csv', 'june.csv']);
      expect((await loadRecords(db)).records.campaigns.map((c) => c.uniqueOpens)).toEqual([25]);
    } finally {
      now.mockRestore();
      random.mockRestore();
    }
  });

  it('keeps the latest version of an aggregate record, and the older one comes back on undo', async () => {
    const campaign = (opens: number) => {
      const b = emptyBatch();
      b.campaigns = [{ key: 'mc:c1', source: 'mc', title: 'May', sentAt: 1, delivered: 100, uniqueOpens: opens, uniqueClicks: 1 }];
      return b;
    };
    await importBatch(campaign(10), 'may.csv');
    const newer = await importBatch(campaign(25), 'june.csv');
    expect((await loadRecords(db)).records.campaigns.map((c) => c.uniqueOpens)).toEqual([25]);
    await undoImport(db, newer!.id);
    expect((await loadRecords(db)).records.campaigns.map((c) => c.uniqueOpens)).toEqual([10]);
  });
});
