import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readExports, expandInputs } from '../cli/inputs';
import { computeReport, prepareDataset } from '../domain/metrics';
import { emptyBatch, type ActivityRecord } from '../domain/model/records';
import * as sentiment from '../domain/sentiment';
import { importFile } from '../workers/import-runner';
import { decodeChunk, encodeChunk, scoreChunk, scoreChunkColumn, scoreColumn, type ActivityChunk } from './activity-chunks';
import { HearthDb } from './db';
import { freshDbPerTest } from './test-db';
import { addChunkIfPending, CHUNK_SIZE, ImportStoppedError, ImportWriter, localChunkStore, type ChunkStore } from './import-writer';
import { loadRecords, sourceSummaries } from './records-repo';
import { columnKeys } from '../domain/metrics/activity-table';
import { unpackStrings } from '../domain/metrics/packed-strings';

const root = resolve(import.meta.dirname, '../..');
let db: HearthDb;
freshDbPerTest('scores', (d) => (db = d));

const act = (i: number, extra: Partial<ActivityRecord>): ActivityRecord => ({ key: `t:a:${i}`, source: 't', personKey: 't:p', kind: 'message', at: 1_700_000_000_000 + i, ...extra });

describe('stored sentiment scores (docs/decisions/0002)', () => {
  it('a chunk stores the scorer’s exact score of every scored text, NaN elsewhere, and decodes it', () => {
    const recs = [
      act(1, { text: 'This release is great, love it' }),
      act(2, { text: '   ' }),
      act(3, { kind: 'reaction', text: 'great' }),
      act(4, {}),
      act(5, { kind: 'reply', threadKey: 't:t', text: 'The docs are broken' }),
    ];
    const c = encodeChunk('i:0', 'i', recs);
    expect([...c.score!].map((s) => (Number.isNaN(s) ? null : s))).toEqual([sentiment.scoreText(recs[0]!.text!), null, null, null, sentiment.scoreText(recs[4]!.text!)]);
    const back = decodeChunk(c);
    expect(back.map((r) => r.score)).toEqual([sentiment.scoreText(recs[0]!.text!), undefined, undefined, undefined, sentiment.scoreText(recs[4]!.text!)]);
    expect(back.map(({ score: _s, ...r }) => r)).toEqual(recs);
  });

  it('a chunk written before scores were stored still decodes, and its texts are scored when prepared', () => {
    const recs = [act(1, { text: 'This release is great, love it' }), act(2, { text: 'The docs are confusing and broken' })];
    const { score: _s, ...old } = encodeChunk('i:0', 'i', recs);
    const back = decodeChunk(old as ActivityChunk);
    expect(back).toEqual(recs);
    const b = emptyBatch();
    b.activities = back;
    const spy = vi.fn(sentiment.scoreText);
    const ds = prepareDataset({ records: b, scorer: spy });
    expect(spy).toHaveBeenCalledTimes(2);
    const fromStored = prepareDataset({ records: { ...b, activities: decodeChunk(encodeChunk('i:0', 'i', recs)) } });
    expect([...fromStored.sentiment]).toEqual([...ds.sentiment]);
  });

  it('scores stored by another version of the scorer are ignored (scored again at load)', () => {
    const recs = [act(1, { text: 'This release is great, love it' })];
    const c = encodeChunk('i:0', 'i', recs);
    expect(decodeChunk(c)[0]!.score).toBe(sentiment.scoreText(recs[0]!.text!));
    expect(decodeChunk({ ...c, scoreVersion: 'an older scorer' })).toEqual(recs);
    expect(decodeChunk({ ...c, scoreVersion: undefined })).toEqual(recs);
  });

  it('prepareDataset uses a stored score instead of scoring again; a custom scorer ignores it', () => {
    const b = emptyBatch();
    // A stored score that disagrees with the text proves which one is used.
    b.activities = [act(1, { text: 'This release is great, love it', score: -0.9 })];
    expect([...prepareDataset({ records: b }).sentiment]).toEqual([2]);
    expect([...prepareDataset({ records: b, scorer: () => 0.9 }).sentiment]).toEqual([1]);
    // A user correction overrides a stored score.
    expect([...prepareDataset({ records: b, sentimentOverrides: { 't:a:1': 'neutral' } }).sentiment]).toEqual([3]);
  });

  it('scoreColumn with another thread’s scorer gives the same column', () => {
    const recs = [act(1, { text: 'ok thanks' }), act(2, {})];
    expect([...scoreColumn(recs)]).toEqual([...encodeChunk('i:0', 'i', recs).score!]);
  });

  it('with a ChunkStore on another thread (the helper worker), chunks arrive encoded and unscored, are scored where stored, and commit waits for them', async () => {
    const recs = Array.from({ length: 2 * CHUNK_SIZE + 7 }, (_, i) =>
      act(i, i % 3 ? { text: i % 2 ? 'great, thanks!' : 'this is broken', kind: i % 5 === 0 ? 'reaction' : 'message' } : {}),
    );
    const received: Array<[string, boolean]> = [];
    // Another thread, simulated: a localChunkStore (what score.worker.ts runs) that answers later.
    const there = localChunkStore(db);
    const store: ChunkStore = {
      reserve: (n) => there.reserve(n),
      chunk: async (chunk) => {
        received.push([chunk.id, chunk.score === undefined]);
        await new Promise((r) => setTimeout(r, 5));
        return there.chunk(chunk);
      },
      records: (importId, rows) => there.records(importId, rows),
    };
    const w = await ImportWriter.begin(db, 'c.csv', 'h', store);
    await w.write({ ...emptyBatch(), activities: recs.slice(0, CHUNK_SIZE + 3) });
    await w.write({ ...emptyBatch(), activities: recs.slice(CHUNK_SIZE + 3) });
    const batch = await w.commit({ format: 'test', rows: recs.length, imported: recs.length, skipped: 0, issues: [] });
    expect(batch?.added).toBe(recs.length);
    expect(received).toEqual([
      [`${w.batch.id}:0`, true],
      [`${w.batch.id}:1`, true],
      [`${w.batch.id}:2`, true],
    ]);
    const back = (await loadRecords(db)).records.activities;
    expect(back.map((r) => r.key)).toEqual(recs.map((r) => r.key));
    expect(back.map((r) => r.score)).toEqual(recs.map((r) => (r.text && r.kind !== 'reaction' ? sentiment.scoreText(r.text) : undefined)));
  });

  it('the store drops activities already stored or already in this import, keeping the rest of the chunk in order with their scores', async () => {
    const first = Array.from({ length: 30 }, (_, i) => act(i, { text: i % 2 ? 'love it' : 'hate it' }));
    const w1 = await ImportWriter.begin(db, 'a.csv', 'h1');
    await w1.write({ ...emptyBatch(), activities: first });
    expect((await w1.commit({ format: 'test', rows: 30, imported: 30, skipped: 0, issues: [] }))?.added).toBe(30);
    // Overlaps the stored 20..29, repeats 35 within itself, and brings 30..39 new (one chunk of 21).
    const second = [...Array.from({ length: 20 }, (_, i) => act(20 + i, { text: i % 2 ? 'love it' : 'hate it' })), act(35, { text: 'hate it' })];
    const w2 = await ImportWriter.begin(db, 'b.csv', 'h2');
    await w2.write({ ...emptyBatch(), activities: second });
    expect((await w2.commit({ format: 'test', rows: 21, imported: 21, skipped: 0, issues: [] }))?.added).toBe(10);
    const chunk = (await db.activityChunks.where('importId').equals(w2.batch.id).toArray())[0]!;
    expect(chunk.count).toBe(10);
    expect(unpackStrings(columnKeys(chunk))).toEqual(Array.from({ length: 10 }, (_, i) => `t:a:${30 + i}`));
    expect([...chunk.score!]).toEqual(Array.from({ length: 10 }, (_, i) => sentiment.scoreText(i % 2 ? 'love it' : 'hate it')));
    const back = (await loadRecords(db)).records.activities;
    expect(back.map((r) => r.key)).toEqual(Array.from({ length: 40 }, (_, i) => `t:a:${i}`));
    // The same file again adds nothing and keeps no history row.
    const w3 = await ImportWriter.begin(db, 'b.csv', 'h2');
    await w3.write({ ...emptyBatch(), activities: second });
    expect(await w3.commit({ format: 'test', rows: 21, imported: 21, skipped: 0, issues: [] })).toBeNull();
    expect(await db.activityChunks.count()).toBe(2);
  });

  it('a streamed import writes members beside its chunks, without waiting, and counts every record it added', async () => {
    const there = localChunkStore(db);
    const slowChunks: ChunkStore = {
      reserve: (n) => there.reserve(n),
      chunk: async (chunk) => {
        await new Promise((r) => setTimeout(r, 20));
        return there.chunk(chunk);
      },
      records: (importId, rows) => there.records(importId, rows),
    };
    const w = await ImportWriter.begin(db, 'c.csv', 'h', slowChunks);
    await w.prepare();
    // Like import-runner: each slice staged at once, flushes chained; members arrive 1,500 a slice.
    let writing: Promise<void> = Promise.resolve();
    for (let k = 0; k < 4; k++) {
      const b = emptyBatch();
      b.activities = Array.from({ length: CHUNK_SIZE }, (_, i) => act(k * CHUNK_SIZE + i, {}));
      b.persons = Array.from({ length: 1500 }, (_, i) => ({ key: `t:p${k * 1500 + i}`, source: 't', roster: false, bot: false }));
      const staged = w.stage(b);
      writing = writing.then(() => w.flush(staged));
    }
    await writing;
    // Persons are written in batches (schema 3): one row per write of up to RECORDS_PER_WRITE.
    const persons = async () => (await db.recordBatches.toArray()).filter((b) => b.table === 'persons').reduce((n, b) => n + b.rows.length, 0);
    expect(await persons()).toBeGreaterThan(0); // written while the import went on
    const batch = await w.commit({ format: 'test', rows: 4 * CHUNK_SIZE, imported: 4 * CHUNK_SIZE, skipped: 0, issues: [] });
    expect(batch?.added).toBe(4 * CHUNK_SIZE + 6000);
    expect(await persons()).toBe(6000);
    expect(await db.persons.count()).toBe(0);
    expect(await db.recordBatches.count()).toBeLessThanOrEqual(6000 / 1500 + 1);
  });

  it('a store that falls back after its helper failed counts the chunks the helper already added', async () => {
    const w = await ImportWriter.begin(db, 'c.csv', 'h');
    const recs = Array.from({ length: 5 }, (_, i) => act(i, {}));
    await localChunkStore(db).chunk(encodeChunk(`${w.batch.id}:0`, w.batch.id, recs, null));
    const fallback = localChunkStore(db, w.batch.id);
    expect(await fallback.chunk(encodeChunk(`${w.batch.id}:1`, w.batch.id, [...recs, act(9, {})], null))).toBe(1);
    // A store that does not count the pending import would add the five again.
    await expect(localChunkStore(db).chunk(encodeChunk(`${w.batch.id}:2`, w.batch.id, recs, null))).resolves.toBe(5);
  });

  it('scoreChunkColumn of a chunk equals scoreColumn of its records', () => {
    const recs = [act(1, { text: 'Love it' }), act(2, { text: '  ' }), act(3, { kind: 'reaction', text: 'great' }), act(4, { kind: 'post', threadKey: 't:1', text: 'Broken again' }), act(5, {})];
    expect([...scoreChunkColumn(encodeChunk('i:0', 'i', recs, null))]).toEqual([...scoreColumn(recs)]);
  });

  it('a write still queued when its import was rolled back writes nothing', async () => {
    const w = await ImportWriter.begin(db, 'c.csv', 'h');
    await w.prepare();
    const staged = w.stage({ ...emptyBatch(), activities: Array.from({ length: CHUNK_SIZE }, (_, i) => act(i, {})), persons: [{ key: 't:p0', source: 't', roster: false, bot: false }] });
    await w.rollback();
    await expect(w.flush(staged)).rejects.toThrow(ImportStoppedError);
    expect(await db.activityChunks.count()).toBe(0);
    expect(await db.persons.count()).toBe(0);
  });

  it('a chunk whose import was rolled back meanwhile is refused (no chunk outlives its import)', async () => {
    const w = await ImportWriter.begin(db, 'c.csv', 'h');
    const chunk = scoreChunk(encodeChunk(`${w.batch.id}:0`, w.batch.id, [act(1, { text: 'hi' })], null));
    await w.rollback();
    await expect(addChunkIfPending(db, chunk)).rejects.toThrow(ImportStoppedError);
    expect(await db.activityChunks.count()).toBe(0);
  });

  it('sample data: the report from storage (stored scores) equals the command’s report (scored at prepare time)', async () => {
    const files = await expandInputs([resolve(root, 'sample-data')], () => undefined);
    const { records, sources } = await readExports(files, 'UTC', () => undefined);
    const command = computeReport(records, { timeZone: 'UTC', sourceSummaries: sources });

    for (const path of files) {
      const r = await importFile(db, new File([readFileSync(path)], path.split('/').pop()!), { timeZone: 'UTC' }, () => undefined);
      expect(['imported', 'already-imported']).toContain(r.status);
    }
    const stored = await loadRecords(db);
    const acts = stored.records.activities;
    const scored = acts.filter((a) => a.score !== undefined);
    expect(scored.length).toBeGreaterThan(100);
    // Every text sentiment looks at carries its stored score, exactly the scorer's number.
    expect(acts.filter((a) => ['post', 'reply', 'message'].includes(a.kind) && a.text?.trim() && a.score === undefined)).toEqual([]);
    for (const a of scored) expect(a.score).toBe(sentiment.scoreText(a.text!));
    const browser = computeReport(stored.records, { timeZone: 'UTC', sourceSummaries: sourceSummaries(stored.imports) });
    expect(browser).toEqual(command);
    // A scorer that would change every label proves the stored scores were used by the default path.
    const b = { ...stored.records, activities: acts.map((a) => (a.score === undefined ? a : { ...a, score: 0.9 })) };
    expect(computeReport(b, { timeZone: 'UTC' }).series.sentiment_positive_share).not.toEqual(browser.series.sentiment_positive_share);
  });
});
