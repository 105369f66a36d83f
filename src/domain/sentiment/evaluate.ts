/**
 * Classification metrics for the sentiment evaluation (accuracy, per-class precision, recall
 * and F1, macro-F1 over the three classes), and the JSONL format of the labelled sets.
 */
import type { SentimentLabel } from './index.ts';

export const LABELS: readonly SentimentLabel[] = ['positive', 'negative', 'neutral'];

export interface LabelledText {
  id: string;
  source: string;
  text: string;
  label: SentimentLabel;
}

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface EvaluationResult {
  n: number;
  accuracy: number;
  macroF1: number;
  perClass: Record<SentimentLabel, ClassMetrics>;
}

function isLabel(x: unknown): x is SentimentLabel {
  return x === 'positive' || x === 'negative' || x === 'neutral';
}

/** Parses one labelled item per line; throws with the line number on a malformed line. */
export function parseJsonl(content: string): LabelledText[] {
  const out: LabelledText[] = [];
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    const obj: unknown = JSON.parse(line);
    if (typeof obj !== 'object' || obj === null) throw new Error(`line ${i + 1}: not an object`);
    const rec = obj as Record<string, unknown>;
    const { id, source, text, label } = rec;
    if (typeof id !== 'string' || typeof source !== 'string' || typeof text !== 'string' || !isLabel(label)) {
      throw new Error(`line ${i + 1}: expected {id, source, text, label}`);
    }
    out.push({ id, source, text, label });
  }
  return out;
}

const safeDiv = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/** Metrics of predicted labels against gold labels (same order). */
export function evaluate(gold: readonly SentimentLabel[], predicted: readonly SentimentLabel[]): EvaluationResult {
  if (gold.length !== predicted.length) throw new Error('gold and predicted differ in length');
  let correct = 0;
  const perClass = {} as Record<SentimentLabel, ClassMetrics>;
  for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) correct++;
  let f1Sum = 0;
  for (const label of LABELS) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      const g = gold[i] === label;
      const p = predicted[i] === label;
      if (g && p) tp++;
      else if (p) fp++;
      else if (g) fn++;
    }
    const precision = safeDiv(tp, tp + fp);
    const recall = safeDiv(tp, tp + fn);
    const f1 = safeDiv(2 * precision * recall, precision + recall);
    perClass[label] = { precision, recall, f1, support: tp + fn };
    f1Sum += f1;
  }
  return { n: gold.length, accuracy: safeDiv(correct, gold.length), macroF1: f1Sum / LABELS.length, perClass };
}

/**
 * The external set (tests/fixtures/sentiment/external.jsonl) is split into a tuning half
 * (`dev`) and a held-out half (`test`) by a fixed hash of each item's id (32-bit FNV-1a, even →
 * dev), so the split is random with respect to content and labels, and stable when items are added.
 */
export function externalSplit(id: string): 'dev' | 'test' {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 2 === 0 ? 'dev' : 'test';
}
