/**
 * Hearth's sentiment scorer for community text (public API).
 * Pure TypeScript: no DOM, no Node APIs — runs in the page, in workers and in the CLI.
 */
import { VADER_LEXICON_ENTRIES } from './vader-lexicon.ts';

export type SentimentLabel = 'positive' | 'negative' | 'neutral';

const LEXICON = new Map<string, number>();
for (const entry of VADER_LEXICON_ENTRIES) {
  const tab = entry.lastIndexOf('\t');
  LEXICON.set(entry.slice(0, tab), Number(entry.slice(tab + 1)));
}

const NEGATORS = new Set(['not', 'no', 'never', "don't", 'dont', "doesn't", 'doesnt', "isn't", 'isnt', "can't", 'cant', "won't", 'wont', "didn't", 'didnt']);

/** Score a text in [-1, 1]; 0 for empty text. (First version: plain VADER-style sum.) */
export function scoreText(text: string): number {
  if (!text) return 0;
  const words = text.toLowerCase().split(/\s+/);
  let sum = 0;
  for (let i = 0; i < words.length; i++) {
    const w = (words[i] ?? '').replace(/^[^\w']+|[^\w']+$/g, '');
    let v = LEXICON.get(w) ?? 0;
    if (v !== 0 && i > 0 && NEGATORS.has(words[i - 1] ?? '')) v *= -0.74;
    sum += v;
  }
  if (sum === 0) return 0;
  const s = sum / Math.sqrt(sum * sum + 15);
  return Math.max(-1, Math.min(1, s));
}

/** positive ≥ 0.05, negative ≤ −0.05, else neutral. */
export function labelFor(score: number): SentimentLabel {
  if (score >= 0.05) return 'positive';
  if (score <= -0.05) return 'negative';
  return 'neutral';
}
