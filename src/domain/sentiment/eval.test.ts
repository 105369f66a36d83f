import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { labelFor, scoreText } from './index.ts';
import { evaluate, parseJsonl } from './evaluate.ts';

// The held-out set: a regression in the scorer that costs accuracy fails `npm test`.
const file = fileURLToPath(new URL('../../../tests/fixtures/sentiment/eval.jsonl', import.meta.url));

describe('sentiment quality on tests/fixtures/sentiment/eval.jsonl', () => {
  const items = parseJsonl(readFileSync(file, 'utf8'));

  it('holds at least 300 labelled texts covering all three labels', () => {
    expect(items.length).toBeGreaterThanOrEqual(300);
    for (const label of ['positive', 'negative', 'neutral'] as const) {
      expect(items.filter((d) => d.label === label).length).toBeGreaterThan(50);
    }
  });

  it('reaches macro-F1 ≥ 0.75 over positive/negative/neutral', () => {
    const result = evaluate(
      items.map((d) => d.label),
      items.map((d) => labelFor(scoreText(d.text))),
    );
    expect(result.macroF1).toBeGreaterThanOrEqual(0.75);
  });
});
