/// <reference lib="webworker" />
import { scoreText } from '../domain/sentiment';
import { getDb } from '../storage';
import { scoreChunk, type ActivityChunk } from '../storage/activity-chunks';
import { addChunkIfPending } from '../storage/import-writer';
import type { ScoreRequest, ScoreResponse } from './score-protocol';

/**
 * The import worker's helper, on the other core (docs/decisions/0003): scores one chunk's texts and
 * sends back the scores (`texts`), or scores an encoded chunk and adds it to storage while the import
 * worker parses the next one (`chunk`; only while its import is pending).
 */
const scope = self as unknown as {
  postMessage(m: ScoreResponse, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<ScoreRequest>) => void) | null;
};
// Chunks are stored one after another, in the order they arrive (their ids follow that order).
let storing: Promise<void> = Promise.resolve();
scope.onmessage = (e) => {
  const msg = e.data;
  if ('texts' in msg) {
    const { id, texts } = msg;
    const scores = new Float64Array(texts.length).fill(Number.NaN);
    for (let i = 0; i < texts.length; i++) {
      const t = texts[i];
      if (t != null) scores[i] = scoreText(t);
    }
    scope.postMessage({ id, scores }, [scores.buffer]);
    return;
  }
  const { id, chunk } = msg;
  storing = storing.then(async () => {
    try {
      await addChunkIfPending(getDb(), scoreChunk(chunk as ActivityChunk));
      scope.postMessage({ id, stored: true });
    } catch (err) {
      const inner = (err as { inner?: { name?: string } } | null)?.inner;
      const name = inner?.name ?? (err instanceof Error ? err.name : 'Error');
      scope.postMessage({ id, error: { name, message: err instanceof Error ? err.message : String(err) } });
    }
  });
};
