import type { ActivityChunk } from '../storage/activity-chunks';
import type { StoredRows } from '../storage/import-writer';

/**
 * Import worker → helper: one ChunkStore call (storage/import-writer.ts), carried out in arrival
 * order. `reserve` (the expected number of activities) rides on the next chunk.
 */
export type ScoreRequest = { id: number; chunk: ActivityChunk; reserve?: number } | { id: number; importId: string; records: StoredRows };

/** Helper → import worker: the work is done (`added` activities for a chunk), or why it was not. */
export type ScoreResponse = { id: number; added: number } | { id: number; error: { name: string; message: string } };
