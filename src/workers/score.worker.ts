/// <reference lib="webworker" />
import { getDb } from '../storage';
import { localChunkStore } from '../storage/import-writer';
import { runScoreRequest, type ScoreRequest, type ScoreResponse } from './score-protocol';

/**
 * The import worker's helper, on the other core (docs/decisions/0003): runs the import's ChunkStore —
 * drops activities already stored or written, scores the texts of the rest and adds each chunk, and
 * adds the other records — while the import worker parses the next slices (only while the import is
 * pending). One helper serves one import.
 */
const scope = self as unknown as {
  postMessage(m: ScoreResponse): void;
  onmessage: ((e: MessageEvent<ScoreRequest>) => void) | null;
};
const store = localChunkStore(getDb());
scope.onmessage = (e) => {
  const req = e.data;
  runScoreRequest(store, req).then(
    (added) => scope.postMessage({ id: req.id, added }),
    (err: unknown) => {
      const inner = (err as { inner?: { name?: string } } | null)?.inner;
      const name = inner?.name ?? (err instanceof Error ? err.name : 'Error');
      scope.postMessage({ id: req.id, error: { name, message: err instanceof Error ? err.message : String(err) } });
    },
  );
};
