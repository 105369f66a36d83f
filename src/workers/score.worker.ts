/// <reference lib="webworker" />
import { scoreText } from '../domain/sentiment';

/**
 * Sentiment scoring for the import worker, on the other core (docs/decisions/0002): receives one
 * chunk's texts (null where nothing is scored) and sends back their scores (NaN for null), transferred.
 */
const scope = self as unknown as {
  postMessage(m: { id: number; scores: Float64Array }, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<{ id: number; texts: (string | null)[] }>) => void) | null;
};
scope.onmessage = (e) => {
  const { id, texts } = e.data;
  const scores = new Float64Array(texts.length).fill(Number.NaN);
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    if (t != null) scores[i] = scoreText(t);
  }
  scope.postMessage({ id, scores }, [scores.buffer]);
};
