import type { ActivityChunk } from '../storage/activity-chunks';

/** Import worker → helper: score this encoded chunk's texts and store it. */
export interface ScoreRequest {
  id: number;
  chunk: ActivityChunk;
}

/** Helper → import worker: the chunk is stored, or why it was not. */
export type ScoreResponse = { id: number; stored: true } | { id: number; error: { name: string; message: string } };
