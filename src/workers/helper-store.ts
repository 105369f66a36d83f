import type { ChunkStore } from '../storage/import-writer';
import { runScoreRequest, type ScoreRequest, type ScoreResponse } from './score-protocol';

/** What `chunkStoreOverPort` needs of the helper Worker (tests pass a stand-in). */
export interface HelperPort {
  postMessage(req: ScoreRequest): void;
  onmessage: ((e: MessageEvent<ScoreResponse>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  terminate(): void;
}

/**
 * A ChunkStore whose calls are carried out by a helper worker (score.worker.ts runs
 * `runScoreRequest` on a `localChunkStore` there), answered by request id. If the helper reports an
 * error it is terminated, and the requests it had not acknowledged — and every later one — are done
 * here, in order, on the store `local(importId)` makes, so what is stored never depends on the
 * helper. A chunk the helper added just before failing is found stored under its id
 * (`localChunkStore(db, importId)`; IndexedDB orders that read after the helper's last write) and
 * counted, not added twice.
 */
export function chunkStoreOverPort(w: HelperPort, local: (importId: string) => ChunkStore): { store: ChunkStore; close(): void } {
  let next = 0;
  let reserve = 0;
  let failed = false;
  let here: ChunkStore | null = null;
  const doHere = (req: ScoreRequest): Promise<number> => runScoreRequest((here ??= local('records' in req ? req.importId : req.chunk.importId)), req);
  const waiting = new Map<number, { req: ScoreRequest; resolve(added: number): void; reject(e: unknown): void }>();
  w.onmessage = (e) => {
    const p = waiting.get(e.data.id);
    if (!p) return;
    waiting.delete(e.data.id);
    if ('error' in e.data) {
      const err = new Error(e.data.error.message);
      err.name = e.data.error.name;
      p.reject(err);
    } else p.resolve(e.data.added);
  };
  w.onerror = () => {
    if (failed) return;
    // An uncaught error does not always end a worker: end it, so that it cannot go on writing
    // what is now redone here, in the order of the requests (a Map keeps insertion order).
    failed = true;
    w.terminate();
    const rest = [...waiting.values()];
    waiting.clear();
    for (const p of rest) doHere(p.req).then(p.resolve, p.reject);
  };
  const send = (req: ScoreRequest): Promise<number> => {
    if (failed) return doHere(req);
    return new Promise<number>((resolve, reject) => {
      waiting.set(req.id, { req, resolve, reject });
      w.postMessage(req);
    });
  };
  const store: ChunkStore = {
    reserve: (activities) => {
      reserve = activities;
    },
    chunk: (chunk) => {
      const req: ScoreRequest = reserve > 0 ? { id: next++, chunk, reserve } : { id: next++, chunk };
      reserve = 0;
      return send(req);
    },
    records: (importId, records) => send({ id: next++, importId, records }).then(() => undefined),
  };
  return { store, close: () => w.terminate() };
}
