import type { ActivityChunk } from '../storage/activity-chunks';

/** Import worker → helper: score these texts (null = not scored), or score and store this chunk. */
export type ScoreRequest = { id: number; texts: (string | null)[] } | { id: number; chunk: ActivityChunk };

/** Helper → import worker: the scores (transferred), the chunk stored, or why it was not. */
export type ScoreResponse =
  | { id: number; scores: Float64Array }
  | { id: number; stored: true }
  | { id: number; error: { name: string; message: string } };
