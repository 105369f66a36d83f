/**
 * VADER-style rules over Hearth's tokens: phrases, boosters, negation, ALL CAPS emphasis,
 * `but` clauses, exclamation marks, questions and wishes, then VADER's normalisation
 * x / √(x² + 15) into [−1, 1].
 */
import { AUTO_REPLY_OPENERS, BOOSTERS, GRATITUDE, NEGATORS, RHETORICAL_OPENERS } from './domain-lexicon.ts';
import { canonicalWord, EMOTICON_VALENCE, phrasesStartingWith, wordValence } from './lexicon.ts';
import { stripNonOwnText } from './clean.ts';
import { SYMBOL, tokenize, type Token } from './tokenize.ts';

/** VADER's empirically derived constants. */
const CAPS_INCREMENT = 0.733;
const NEGATION_SCALAR = -0.74;
const EXCLAMATION_INCREMENT = 0.292;
const MAX_EXCLAMATIONS = 4;
const ALPHA = 15;

/** Hearth's calibration for community text (tuned on dev.jsonl only). */
export const TUNING = {
  /** a question asks rather than states: its words count this much */
  questionWeight: 0.25,
  /** a wish or hypothetical ("would be nice", "if it works") counts this much when positive */
  hypotheticalWeight: 0.3,
  /** "thanks" in a text that asks a question is politeness; it counts this much */
  requestThanksWeight: 0,
  /** evidence below this total (in VADER units) is treated as no opinion */
  deadband: 0.5,
  /** "too" + a neutral word ("too slow", "too many") */
  excess: -1.2,
  butBefore: 0.5,
  butAfter: 1.5,
};

const HYPOTHETICAL = new Set(['would', 'could', "i'd", "it'd", "we'd", "you'd", 'if', 'wish', 'hope', 'hoping', 'should']);

const NEGATOR_FORMS = new Set<string>(NEGATORS);
for (const w of NEGATORS) if (w.endsWith('nt') && w.length > 3) NEGATOR_FORMS.add(`${w.slice(0, -2)}n't`);

function isNegator(word: string): boolean {
  return NEGATOR_FORMS.has(word) || word.endsWith("n't");
}

interface Item {
  valence: number;
  index: number;
}

/** Sum of sentiment in VADER units (before normalisation), for text already tokenised. */
function sumTokens(tokens: readonly Token[], capsDiff: boolean, questionSentences: ReadonlySet<number>, sarcasm: boolean): number {
  const items: Item[] = [];
  let butIndex = -1;
  const n = tokens.length;
  let i = 0;
  while (i < n) {
    const tok = tokens[i] as Token;
    if (tok.kind === SYMBOL) {
      if (tok.valence !== 0) items.push({ valence: weighFor(tok.valence, tok, i, tokens, questionSentences), index: i });
      i++;
      continue;
    }
    const word = tok.text;
    if (butIndex < 0 && word === 'but') butIndex = i;

    // multi-word expressions first (within one sentence)
    const phrases = phrasesStartingWith(word);
    let matched = false;
    if (phrases !== undefined) {
      for (const phrase of phrases) {
        const len = phrase.words.length;
        if (i + len > n) continue;
        let ok = true;
        for (let k = 1; k < len; k++) {
          const t = tokens[i + k] as Token;
          if (t.kind === SYMBOL || t.sentence !== tok.sentence || t.text !== phrase.words[k]) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        let v = phrase.valence;
        if (v !== 0 && !phrase.negated && negatedBefore(tokens, i, 2)) v *= NEGATION_SCALAR;
        if (v !== 0) items.push({ valence: weighFor(v, tok, i, tokens, questionSentences), index: i });
        i += len;
        matched = true;
        break;
      }
    }
    if (matched) continue;

    // "too" before a word with no valence of its own signals excess: "too slow", "too many"
    if (word === 'too') {
      const next = tokens[i + 1];
      if (next !== undefined && next.kind !== SYMBOL && next.sentence === tok.sentence && wordValence(next.text) === 0 && !isNegator(next.text) && BOOSTERS[next.text] === undefined) {
        let v = TUNING.excess;
        if (negatedBefore(tokens, i, 2)) v *= NEGATION_SCALAR;
        items.push({ valence: weighFor(v, tok, i, tokens, questionSentences), index: i });
      }
      i++;
      continue;
    }
    if (BOOSTERS[word] !== undefined || isNegator(word)) {
      i++;
      continue;
    }
    let v = wordValence(word);
    if (v === 0) {
      i++;
      continue;
    }
    if (tok.caps && capsDiff) v += v > 0 ? CAPS_INCREMENT : -CAPS_INCREMENT;
    // boosters and negators among the three preceding words of the same sentence
    for (let back = 1; back <= 3; back++) {
      const prev = tokens[i - back];
      if (prev === undefined || prev.kind === SYMBOL || prev.sentence !== tok.sentence) break;
      const pw = canonicalWord(prev.text);
      const boost = BOOSTERS[pw] ?? BOOSTERS[prev.text];
      if (boost !== undefined && wordValence(prev.text) === 0) {
        let s = v > 0 ? boost : -boost;
        if (prev.caps && capsDiff) s += v > 0 ? CAPS_INCREMENT : -CAPS_INCREMENT;
        v += back === 1 ? s : back === 2 ? s * 0.95 : s * 0.9;
      }
      if (isNegator(prev.text)) v *= NEGATION_SCALAR;
    }
    if (questionSentences.size > 0 && v > 0 && GRATITUDE.has(word)) v *= TUNING.requestThanksWeight;
    items.push({ valence: weighFor(v, tok, i, tokens, questionSentences), index: i });
    i++;
  }

  let sum = 0;
  for (const item of items) {
    let v = item.valence;
    if (butIndex >= 0) v *= item.index < butIndex ? TUNING.butBefore : item.index > butIndex ? TUNING.butAfter : 1;
    // with a sarcasm marker (🙄, "/s") apparent praise is criticism
    if (sarcasm && v > 0) v = -v;
    sum += v;
  }
  return sum;
}

function negatedBefore(tokens: readonly Token[], i: number, window: number): boolean {
  const here = tokens[i] as Token;
  for (let back = 1; back <= window; back++) {
    const prev = tokens[i - back];
    if (prev === undefined || prev.kind === SYMBOL || prev.sentence !== here.sentence) return false;
    if (isNegator(prev.text)) return true;
  }
  return false;
}

/** Questions and wishes carry less of the writer's feeling. */
function weighFor(v: number, tok: Token, i: number, tokens: readonly Token[], questionSentences: ReadonlySet<number>): number {
  let w = v;
  if (questionSentences.has(tok.sentence)) w *= TUNING.questionWeight;
  if (v > 0 && tok.kind !== SYMBOL) {
    for (let back = 1; back <= 4; back++) {
      const prev = tokens[i - back];
      if (prev === undefined || prev.sentence !== tok.sentence) break;
      if (prev.kind !== SYMBOL && HYPOTHETICAL.has(prev.text)) {
        w *= TUNING.hypotheticalWeight;
        break;
      }
    }
  }
  return w;
}

const LEX = { emoticons: EMOTICON_VALENCE };

const AUTO_REPLY_WORDS = AUTO_REPLY_OPENERS.map((o) => o.split(' '));

/** Out-of-office and other automatic replies. */
function isAutoReply(tokens: readonly Token[]): boolean {
  for (const words of AUTO_REPLY_WORDS) {
    let ok = words.length <= tokens.length;
    for (let k = 0; ok && k < words.length; k++) ok = tokens[k]?.text === words[k];
    if (ok) return true;
  }
  return false;
}

/** Raw VADER-unit sum for a text (exported for tests and the evaluation). */
export function rawSum(text: string): number {
  const own = stripNonOwnText(text);
  if (own.length === 0) return 0;
  const { tokens, sentences, capsWords, words, sarcasm } = tokenize(own, LEX);
  if (tokens.length === 0) return 0;
  if (isAutoReply(tokens)) return 0;
  const capsDiff = capsWords > 0 && capsWords < words;

  // questions, except rhetorical ones that open with "why", "seriously" …
  const questionSentences = new Set<number>();
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s];
    if (sentence === undefined || !sentence.question) continue;
    const first = tokens[sentence.firstToken];
    if (first !== undefined && RHETORICAL_OPENERS.has(first.text)) continue;
    questionSentences.add(s);
  }

  let sum = sumTokens(tokens, capsDiff, questionSentences, sarcasm);
  if (sum === 0) return 0;
  let exclamations = 0;
  for (const s of sentences) exclamations += s.exclamations;
  const emphasis = Math.min(exclamations, MAX_EXCLAMATIONS) * EXCLAMATION_INCREMENT;
  sum += sum > 0 ? emphasis : -emphasis;
  return sum;
}

/** Maps a VADER-unit sum into [−1, 1] after the no-opinion dead band. */
export function normalise(sum: number): number {
  const mag = Math.abs(sum) - TUNING.deadband;
  if (!(mag > 0)) return 0;
  const x = sum > 0 ? mag : -mag;
  const score = x / Math.sqrt(x * x + ALPHA);
  if (score > 1) return 1;
  if (score < -1) return -1;
  return score;
}
