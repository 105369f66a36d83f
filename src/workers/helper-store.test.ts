import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { emptyBatch, type ActivityRecord, type PersonRecord } from '../domain/model/records';
import { HearthDb } from '../storage/db';
import { CHUNK_SIZE, ImportWriter, localChunkStore } from '../storage/import-writer';
import { loadRecords } from '../storage/records-repo';
import { freshDbPerTest } from '../storage/test-db';
import { chunkStoreOverPort, type HelperPort } from './helper-store';
import { runScoreRequest, type ScoreRequest, type ScoreResponse } from './score-protocol';

let db: HearthDb;
freshDbPerTest('helper', (d) => (db = d));

const act = (i: number): ActivityRecord => ({ key: `t:a:${i}`, source: 't', personKey: `t:p${i % 50}`, kind: 'message', at: 1_700_000_000_000 + i * 1000, text: i % 2 ? 'thanks, great' : 'broken again' });
const person = (i: number): PersonRecord => ({ key: `t:p${i}`, source: 't', roster: false, bot: false });

/**
 * A stand-in for score.worker.ts: runs each request (a structured clone, as postMessage sends it)
 * on its own localChunkStore and answers later — until request `failAt`, which it carries out (when
 * `writesBeforeFailing`) or not, and then reports an error instead of answering. After that it is
 * dead: it answers nothing.
 */
function fakeHelper(failAt: number, writesBeforeFailing: boolean) {
  const there = localChunkStore(db);
  let dead = false;
  const received: number[] = [];
  let work: Promise<unknown> = Promise.resolve();
  const port: HelperPort & { terminated: boolean } = {
    onmessage: null,
    onerror: null,
    terminated: false,
    terminate() {
      port.terminated = true;
      dead = true;
    },
    postMessage(req: ScoreRequest) {
      if (dead) return;
      received.push(req.id);
      const copy = structuredClone(req);
      work = work.then(async () => {
        if (dead) return;
        if (copy.id === failAt) {
          if (writesBeforeFailing) await runScoreRequest(there, copy);
          port.onerror?.({} as ErrorEvent);
          return;
        }
        const added = await runScoreRequest(there, copy);
        if (!dead) port.onmessage?.({ data: { id: copy.id, added } satisfies ScoreResponse } as MessageEvent<ScoreResponse>);
      });
    },
  };
  return { port, received };
}

/** A streamed import through the port, like import-runner: slices staged at once, flushes chained. */
async function importThrough(port: HelperPort, chunks: number) {
  const { store, close } = chunkStoreOverPort(port, (importId) => localChunkStore(db, importId));
  const w = await ImportWriter.begin(db, 'big.csv', 'h', store);
  await w.prepare();
  let writing: Promise<void> = Promise.resolve();
  for (let k = 0; k < chunks; k++) {
    const b = emptyBatch();
    b.activities = Array.from({ length: CHUNK_SIZE }, (_, i) => act(k * CHUNK_SIZE + i));
    if (k === 0) b.persons = Array.from({ length: 50 }, (_, i) => person(i));
    const staged = w.stage(b);
    writing = writing.then(() => w.flush(staged));
  }
  await writing;
  const batch = await w.commit({ format: 'test', rows: chunks * CHUNK_SIZE, imported: chunks * CHUNK_SIZE, skipped: 0, issues: [] });
  close();
  return batch;
}

describe('chunkStoreOverPort: the import worker takes over when its helper fails', () => {
  it('with a working helper, every request goes to it and the import is whole', async () => {
    const { port, received } = fakeHelper(-1, false);
    const batch = await importThrough(port, 3);
    expect(batch?.added).toBe(3 * CHUNK_SIZE + 50);
    expect(received).toHaveLength(4); // three chunks, one records write
    expect((await loadRecords(db)).records.activities).toHaveLength(3 * CHUNK_SIZE);
  });

  for (const writesBeforeFailing of [false, true]) {
    it(`a helper that fails mid-import ${writesBeforeFailing ? 'after adding the chunk it was given' : 'before adding anything more'}: the rest is done here, each activity stored once, every record counted`, async () => {
      const { port, received } = fakeHelper(2, writesBeforeFailing);
      const batch = await importThrough(port, 5);
      expect(port.terminated).toBe(true);
      // Requests after the failure never reached the helper.
      expect(Math.max(...received)).toBeLessThan(6);
      expect(batch?.status).toBe('complete');
      expect(batch?.added).toBe(5 * CHUNK_SIZE + 50);
      const { records } = await loadRecords(db);
      expect(records.activities).toHaveLength(5 * CHUNK_SIZE);
      expect(new Set(records.activities.map((a) => a.key)).size).toBe(5 * CHUNK_SIZE);
      expect(records.persons).toHaveLength(50);
      expect(records.activities.every((a) => a.score !== undefined)).toBe(true);
    });
  }

  it('a helper that adds the only chunk and fails before answering: the import is kept, not rolled back as "nothing new"', async () => {
    const { port } = fakeHelper(0, true);
    const batch = await importThrough(port, 1);
    expect(batch?.added).toBe(CHUNK_SIZE + 50);
    expect((await loadRecords(db)).records.activities).toHaveLength(CHUNK_SIZE);
  });
});
