import type { ActivityChunk } from '../storage/activity-chunks';
import type { ChunkStore, StoredRows } from '../storage/import-writer';

/**
 * Import worker → helper: one ChunkStore call (storage/import-writer.ts). `reserve` (the expected
 * number of activities) rides on the next chunk.
 */
export type ScoreRequest = { id: number; chunk: ActivityChunk; reserve?: number } | { id: number; importId: string; records: StoredRows };

/** Helper → import worker: the work is done (`added` activities for a chunk), or why it was not. */
export type ScoreResponse = { id: number; added: number } | { id: number; error: { name: string; message: string } };

/** Carries out one request on a store: what the helper does with each message, and the import worker's fallback when the helper fails. */
export function runScoreRequest(store: ChunkStore, req: ScoreRequest): Promise<number> {
  if ('records' in req) return store.records(req.importId, req.records).then(() => 0);
  if (req.reserve) store.reserve(req.reserve);
  return store.chunk(req.chunk);
}
