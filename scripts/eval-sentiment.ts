/**
 * npm run eval:sentiment — Hearth's scorer against three npm peers on the labelled sets.
 *
 * tests/fixtures/sentiment/eval.jsonl is held out (never used for tuning); dev.jsonl is the set
 * Hearth's rules were tuned on and is reported separately. Exits 1 when Hearth's macro-F1 on
 * eval.jsonl is below 0.75.
 *
 * Peer thresholds: vader-sentiment uses its documented compound ±0.05. AFINN (`sentiment`) and
 * wink-sentiment have no documented neutral band, so each gets the symmetric threshold t from
 * {0, 0.05, 0.1, 0.25, 0.5, 1} that maximises its own macro-F1 on dev.jsonl ("positive" when
 * score > t, "negative" when score < −t; for t = 0 that is the sign of the score). The choice is
 * printed. This is generous to the peers: they are tuned on dev just as Hearth was.
 *
 * tests/fixtures/sentiment/external.jsonl is real, human-labelled developer-community text from
 * public research datasets (see tests/fixtures/sentiment/EXTERNAL.md). It is split by a hash of
 * the id (externalSplit) into external-dev, the only half Hearth's rules may be tuned on, and
 * external-test, reported as held out. `--external-dev-errors` lists misclassified external-dev
 * items; held-out errors are deliberately never listed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { labelFor, scoreText, type SentimentLabel } from '../src/domain/sentiment/index.ts';
import { evaluate, externalSplit, LABELS, parseJsonl, type EvaluationResult, type LabelledText } from '../src/domain/sentiment/evaluate.ts';

const require = createRequire(import.meta.url);
const vader = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } } };
const AfinnSentiment = require('sentiment') as new () => { analyze(text: string): { score: number; comparative: number } };
const winkSentiment = require('wink-sentiment') as (text: string) => { score: number; normalizedScore: number };

const TARGET = 0.75;
const fixture = (name: string): string => fileURLToPath(new URL(`../tests/fixtures/sentiment/${name}`, import.meta.url));

interface Scorer {
  name: string;
  score: (text: string) => number;
  /** label from score; threshold chosen on dev for peers without a documented one */
  label: (score: number) => SentimentLabel;
  note: string;
}

const bandNote = (what: string, t: number): string => (t === 0 ? `sign of ${what}` : `${what} > ${t} / < −${t}`);

const bySign = (t: number) => (s: number): SentimentLabel => (s > t ? 'positive' : s < -t ? 'negative' : 'neutral');

function chooseThreshold(score: (text: string) => number, dev: readonly LabelledText[]): number {
  const scores = dev.map((d) => score(d.text));
  let best = 0;
  let bestF1 = -1;
  for (const t of [0, 0.05, 0.1, 0.25, 0.5, 1]) {
    const f1 = evaluate(dev.map((d) => d.label), scores.map(bySign(t))).macroF1;
    if (f1 > bestF1 + 1e-12) {
      bestF1 = f1;
      best = t;
    }
  }
  return best;
}

function buildScorers(dev: readonly LabelledText[]): Scorer[] {
  const afinn = new AfinnSentiment();
  const afinnScore = (text: string): number => afinn.analyze(text).comparative;
  const winkScore = (text: string): number => winkSentiment(text).normalizedScore;
  const afinnT = chooseThreshold(afinnScore, dev);
  const winkT = chooseThreshold(winkScore, dev);
  return [
    { name: 'Hearth', score: scoreText, label: labelFor, note: 'score ≥ 0.05 / ≤ −0.05' },
    {
      name: 'vader-sentiment',
      score: (text) => vader.SentimentIntensityAnalyzer.polarity_scores(text).compound,
      label: labelFor,
      note: 'compound ≥ 0.05 / ≤ −0.05',
    },
    { name: 'sentiment (AFINN)', score: afinnScore, label: bySign(afinnT), note: `${bandNote('comparative', afinnT)} (chosen on dev)` },
    { name: 'wink-sentiment', score: winkScore, label: bySign(winkT), note: `${bandNote('normalizedScore', winkT)} (chosen on dev)` },
  ];
}

const pct = (x: number): string => x.toFixed(3);

function run(scorer: Scorer, set: readonly LabelledText[]): EvaluationResult {
  return evaluate(set.map((d) => d.label), set.map((d) => scorer.label(scorer.score(d.text))));
}

function table(title: string, set: readonly LabelledText[], scorers: readonly Scorer[]): EvaluationResult[] {
  const results = scorers.map((s) => run(s, set));
  const counts = LABELS.map((l) => `${l} ${set.filter((d) => d.label === l).length}`).join(', ');
  const lines: string[] = [];
  lines.push(`\n${title} — ${set.length} texts (${counts})`);
  const head = ['metric'.padEnd(22), ...scorers.map((s) => s.name.padStart(18))].join('');
  lines.push(head);
  lines.push('-'.repeat(head.length));
  const row = (name: string, f: (r: EvaluationResult) => number): void => {
    lines.push([name.padEnd(22), ...results.map((r) => pct(f(r)).padStart(18))].join(''));
  };
  row('accuracy', (r) => r.accuracy);
  for (const label of LABELS) {
    row(`${label} precision`, (r) => r.perClass[label].precision);
    row(`${label} recall`, (r) => r.perClass[label].recall);
    row(`${label} F1`, (r) => r.perClass[label].f1);
  }
  row('macro-F1', (r) => r.macroF1);
  console.log(lines.join('\n'));
  return results;
}

function main(): void {
  const evalSet = parseJsonl(readFileSync(fixture('eval.jsonl'), 'utf8'));
  const devSet = parseJsonl(readFileSync(fixture('dev.jsonl'), 'utf8'));
  const externalSet = parseJsonl(readFileSync(fixture('external.jsonl'), 'utf8'));
  const externalDev = externalSet.filter((d) => externalSplit(d.id) === 'dev');
  const externalTest = externalSet.filter((d) => externalSplit(d.id) === 'test');
  const scorers = buildScorers(devSet);
  console.log('Sentiment evaluation (labels: positive / negative / neutral)');
  for (const s of scorers) console.log(`  ${s.name.padEnd(18)} ${s.note}`);
  const held = table('eval.jsonl (held out)', evalSet, scorers);
  table('dev.jsonl (tuning set)', devSet, scorers);
  table('external-test (real community text, held out)', externalTest, scorers);
  table('external-dev (real community text, tuning half)', externalDev, scorers);
  table('external.jsonl (both halves)', externalSet, scorers);
  const hearth = held[0]?.macroF1 ?? 0;
  if (hearth < TARGET) {
    console.error(`\nFAIL: Hearth macro-F1 on eval.jsonl is ${pct(hearth)}, below the ${TARGET} target.`);
    process.exit(1);
  }
  console.log(`\nOK: Hearth macro-F1 on eval.jsonl ${pct(hearth)} ≥ ${TARGET}.`);
  if (process.argv.includes('--external-dev-errors')) {
    // misclassified external-dev items only (external-test stays unseen)
    for (const d of externalDev) {
      const s = scoreText(d.text);
      if (labelFor(s) !== d.label) console.log(`${d.label.padEnd(8)} ${labelFor(s).padEnd(8)} ${s.toFixed(3)}  ${d.id}  ${JSON.stringify(d.text.slice(0, 300))}`);
    }
  }
  if (process.argv.includes('--dev-errors')) {
    // misclassified dev items, for tuning (the held-out set is deliberately not listed)
    for (const d of devSet) {
      const s = scoreText(d.text);
      if (labelFor(s) !== d.label) console.log(`${d.label.padEnd(8)} ${labelFor(s).padEnd(8)} ${s.toFixed(3)}  ${JSON.stringify(d.text)}`);
    }
  }
}

main();
