/// <reference lib="webworker" />
import { getDb } from '../storage';
import { scoreChunk } from '../storage/activity-chunks';
import { addChunkIfPending } from '../storage/import-writer';
import type { ScoreRequest, ScoreResponse } from './score-protocol';

/**
 * The import worker's helper, on the other core (docs/decisions/0003): scores an encoded chunk's
 * texts and adds the chunk to storage while the import worker parses the next one (only while its
 * import is pending).
 */
const scope = self as unknown as {
  postMessage(m: ScoreResponse): void;
  onmessage: ((e: MessageEvent<ScoreRequest>) => void) | null;
};
// Chunks are stored one after another, in the order they arrive (their ids follow that order).
let storing: Promise<void> = Promise.resolve();
scope.onmessage = (e) => {
  const { id, chunk } = e.data;
  storing = storing.then(async () => {
    try {
      await addChunkIfPending(getDb(), scoreChunk(chunk));
      scope.postMessage({ id, stored: true });
    } catch (err) {
      const inner = (err as { inner?: { name?: string } } | null)?.inner;
      const name = inner?.name ?? (err instanceof Error ? err.name : 'Error');
      scope.postMessage({ id, error: { name, message: err instanceof Error ? err.message : String(err) } });
    }
  });
};
