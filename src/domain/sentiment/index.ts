/**
 * Hearth's sentiment scorer for community text (public API).
 *
 * Pure TypeScript: no DOM, no Node APIs — runs in the page, in workers and in the CLI.
 * How it works, its measured accuracy and its limits: docs/sentiment.md.
 */
import { normalise, rawSum } from './score.ts';

export type SentimentLabel = 'positive' | 'negative' | 'neutral';

/** Thresholds from spec/metrics.md §3. */
export const POSITIVE_THRESHOLD = 0.05;
export const NEGATIVE_THRESHOLD = -0.05;

/**
 * Scores the writer's own feeling in `text`, in [−1, 1]. Quoted text, code blocks, inline code,
 * stack traces, URLs and @mentions are ignored; 0 for empty or code-only text. Never NaN.
 */
export function scoreText(text: string): number {
  if (typeof text !== 'string' || text.length === 0) return 0;
  const score = normalise(rawSum(text));
  return Number.isFinite(score) ? score : 0;
}

/** positive ≥ 0.05, negative ≤ −0.05, else neutral. */
export function labelFor(score: number): SentimentLabel {
  if (score >= POSITIVE_THRESHOLD) return 'positive';
  if (score <= NEGATIVE_THRESHOLD) return 'negative';
  return 'neutral';
}
