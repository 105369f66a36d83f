/**
 * VADER-style rules over Hearth's tokens: phrases, boosters, negation, ALL CAPS emphasis,
 * `but` clauses, exclamation marks, questions and wishes, then VADER's normalisation
 * x / √(x² + 15) into [−1, 1].
 */
import { AUTO_REPLY_OPENERS, BOOSTERS, GRATITUDE, NEGATORS, RHETORICAL_OPENERS } from './domain-lexicon.ts';
import { canonicalWord, EMOTICON_VALENCE, phrasesStartingWith, wordValence, type Phrase } from './lexicon.ts';
import { stripNonOwnText } from './clean.ts';
import { detachedCopy, scanTokens, SYMBOL, TokenBuffer, wordData } from './tokenize.ts';

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

/** What the rules need to know about one word, computed once per distinct word (see wordInfo). */
interface WordInfo {
  /** phrases that start with this word, by their second word (longest first) */
  phrases: ReadonlyMap<string, readonly Phrase[]> | undefined;
  but: boolean;
  too: boolean;
  /** the lexicon valence (wordValence) */
  valence: number;
  negator: boolean;
  /** a booster itself (BOOSTERS has the word) */
  booster: boolean;
  /**
   * Its boost of a following sentiment word (booster of the canonical or the written form, and
   * no valence of its own); undefined if none.
   */
  boost: number | undefined;
  hypothetical: boolean;
  gratitude: boolean;
}

const BOOSTER_VALUES = new Map<string, number>(Object.entries(BOOSTERS));

/**
 * The word's boost from BOOSTERS, own entries only. (Until 2026-11-21 the lookup was `BOOSTERS[word]`,
 * which also found Object.prototype's members: any text with "constructor" scored 0.)
 */
function booster(word: string): number | undefined {
  return BOOSTER_VALUES.get(word);
}

function computeWordInfo(word: string): WordInfo {
  const valence = wordValence(word);
  const boost = booster(canonicalWord(word)) ?? booster(word);
  return {
    phrases: phrasesStartingWith(word),
    but: word === 'but',
    too: word === 'too',
    valence,
    negator: isNegator(word),
    booster: booster(word) !== undefined,
    boost: boost === undefined || valence !== 0 ? undefined : boost,
    hypothetical: HYPOTHETICAL.has(word),
    gratitude: GRATITUDE.has(word),
  };
}

/** Word facts by word; emptied when it grows large (a chat export has many one-off words). */
const WORD_INFO = new Map<string, WordInfo>();
const WORD_INFO_LIMIT = 50_000;

function wordInfo(word: string): WordInfo {
  let info = WORD_INFO.get(word);
  if (info === undefined) {
    if (WORD_INFO.size >= WORD_INFO_LIMIT) WORD_INFO.clear();
    info = computeWordInfo(word);
    WORD_INFO.set(detachedCopy(word), info);
  }
  return info;
}

/** Stands in for the word facts of a SYMBOL token (never read: symbols are checked first). */
const SYMBOL_INFO: WordInfo = computeWordInfo('');

/** The current text's tokens, their word facts and its question sentences (reused buffers). */
const buf = new TokenBuffer();
let infos: WordInfo[] = [];
/** per sentence: a question whose words weigh less (not a rhetorical one) */
let questionSentence: Uint8Array = new Uint8Array(16);

/** Questions and wishes carry less of the writer's feeling. */
function weighFor(v: number, i: number): number {
  const sentence = buf.sentence;
  const s = sentence[i] as number;
  let w = v;
  if (questionSentence[s] === 1) w *= TUNING.questionWeight;
  if (v > 0 && buf.kind[i] !== SYMBOL) {
    for (let back = 1; back <= 4; back++) {
      const p = i - back;
      if (p < 0 || sentence[p] !== s) break;
      if (buf.kind[p] !== SYMBOL && (infos[p] as WordInfo).hypothetical) {
        w *= TUNING.hypotheticalWeight;
        break;
      }
    }
  }
  return w;
}

/** A negator among the `window` words before token i in its sentence. */
function negatedBefore(i: number, window: number): boolean {
  const s = buf.sentence[i];
  for (let back = 1; back <= window; back++) {
    const p = i - back;
    if (p < 0 || buf.kind[p] === SYMBOL || buf.sentence[p] !== s) return false;
    // A comma or semicolon ends the clause: "Nope, still broken" is not "not broken".
    if (buf.clauseStart[p + 1] === 1) return false;
    if ((infos[p] as WordInfo).negator && !notANegation(p)) return true;
  }
  return false;
}

/**
 * Negators that do not negate what follows: "can't believe how smooth…", "not only", "no doubt",
 * "can't wait", and "couldn't be more X" (an intensifier: see `scanItems`).
 */
function notANegation(p: number): boolean {
  const a = buf.text[p + 1];
  return a === 'believe' || a === 'only' || a === 'doubt' || a === 'wait' || (a === 'be' && buf.text[p + 2] === 'more');
}

/** The items (valence, token index) of the current text: words, phrases and symbols that count. */
let itemValence: Float64Array = new Float64Array(64);
let itemIndex: Int32Array = new Int32Array(64);

/** Sum of sentiment in VADER units (before normalisation) of the tokens in `buf`. */
function sumTokens(capsDiff: boolean, questions: boolean, sarcasm: boolean): number {
  const n = buf.count;
  const kind = buf.kind;
  const text = buf.text;
  const sentence = buf.sentence;
  let butIndex = -1;
  let items = 0;
  let i = 0;
  while (i < n) {
    let v = 0;
    const at = i;
    if (kind[i] === SYMBOL) {
      v = buf.valence[i] as number;
      i++;
      if (v === 0) continue;
      v = weighFor(v, at);
    } else {
      const info = infos[i] as WordInfo;
      if (butIndex < 0 && info.but) butIndex = i;
      const s = sentence[i] as number;

      // multi-word expressions first (within one sentence)
      const byNext = info.phrases;
      const phrases =
        byNext !== undefined && i + 1 < n && kind[i + 1] !== SYMBOL && sentence[i + 1] === s
          ? byNext.get(text[i + 1] as string)
          : undefined;
      let matched = false;
      if (phrases !== undefined) {
        for (const phrase of phrases) {
          const words = phrase.words;
          const len = words.length;
          if (i + len > n) continue;
          let ok = true;
          for (let k = 1; k < len; k++) {
            if (kind[i + k] === SYMBOL || sentence[i + k] !== s || text[i + k] !== words[k]) {
              ok = false;
              break;
            }
          }
          if (!ok) continue;
          v = phrase.valence;
          if (v !== 0 && !phrase.negated && negatedBefore(i, 2)) v *= NEGATION_SCALAR;
          i += len;
          matched = true;
          break;
        }
      }
      if (matched) {
        if (v === 0) continue;
        v = weighFor(v, at);
      } else if (info.too) {
        // "too" before a word with no valence of its own signals excess: "too slow", "too many"
        i++;
        const next = i < n && kind[i] !== SYMBOL && sentence[i] === s ? (infos[i] as WordInfo) : undefined;
        if (next === undefined || next.valence !== 0 || next.negator || next.booster) continue;
        v = TUNING.excess;
        if (negatedBefore(at, 2)) v *= NEGATION_SCALAR;
        v = weighFor(v, at);
      } else {
        i++;
        if (info.booster || info.negator) continue;
        v = info.valence;
        if (v === 0) continue;
        if (capsDiff && buf.caps[at] === 1) v += v > 0 ? CAPS_INCREMENT : -CAPS_INCREMENT;
        // boosters and negators among the three preceding words of the same sentence
        let negated = false;
        for (let back = 1; back <= 3; back++) {
          const p = at - back;
          if (p < 0 || kind[p] === SYMBOL || sentence[p] !== s) break;
          // Negators and boosters reach back within the clause only (not across a comma or semicolon).
          if (buf.clauseStart[p + 1] === 1) break;
          const prev = infos[p] as WordInfo;
          if (prev.negator && notANegation(p)) {
            // "couldn't be more happy": more, not less (VADER's booster increment).
            if (buf.text[p + 1] === 'be') v += v > 0 ? 0.293 : -0.293;
            continue;
          }
          // One negation flips once: "not bad, not great" is not "great" twice negated.
          if (prev.negator) {
            if (negated) continue;
            negated = true;
          }
          const boost = prev.boost;
          if (boost !== undefined) {
            let b = v > 0 ? boost : -boost;
            if (capsDiff && buf.caps[p] === 1) b += v > 0 ? CAPS_INCREMENT : -CAPS_INCREMENT;
            v += back === 1 ? b : back === 2 ? b * 0.95 : b * 0.9;
          }
          if (prev.negator) v *= NEGATION_SCALAR;
        }
        if (questions && v > 0 && info.gratitude) v *= TUNING.requestThanksWeight;
        v = weighFor(v, at);
      }
    }
    if (items === itemValence.length) {
      const valences = new Float64Array(items * 2);
      valences.set(itemValence);
      itemValence = valences;
      const indexes = new Int32Array(items * 2);
      indexes.set(itemIndex);
      itemIndex = indexes;
    }
    itemValence[items] = v;
    itemIndex[items] = at;
    items++;
  }

  // "but" shifts the weight to what follows only when something after it carries feeling
  // ("A few sessions ran over but nothing major" keeps its first half whole).
  if (butIndex >= 0) {
    let after = false;
    for (let k = 0; k < items && !after; k++) if ((itemIndex[k] as number) > butIndex && itemValence[k] !== 0) after = true;
    if (!after) butIndex = -1;
  }
  let sum = 0;
  for (let k = 0; k < items; k++) {
    let v = itemValence[k] as number;
    if (butIndex >= 0) {
      const index = itemIndex[k] as number;
      v *= index < butIndex ? TUNING.butBefore : index > butIndex ? TUNING.butAfter : 1;
    }
    // with a sarcasm marker (🙄, "/s") apparent praise is criticism
    if (sarcasm && v > 0) v = -v;
    sum += v;
  }
  return sum;
}

const LEX = { emoticons: EMOTICON_VALENCE };

const AUTO_REPLY_WORDS = AUTO_REPLY_OPENERS.map((o) => o.split(' '));

/** Out-of-office and other automatic replies. */
function isAutoReply(): boolean {
  for (const words of AUTO_REPLY_WORDS) {
    let ok = words.length <= buf.count;
    for (let k = 0; ok && k < words.length; k++) ok = buf.text[k] === words[k];
    if (ok) return true;
  }
  return false;
}

/** Raw VADER-unit sum for a text (exported for tests and the evaluation). */
export function rawSum(text: string): number {
  const own = stripNonOwnText(text);
  if (own.length === 0) return 0;
  scanTokens(own, LEX, buf);
  const n = buf.count;
  if (n === 0) return 0;
  if (isAutoReply()) return 0;
  const capsDiff = buf.capsWords > 0 && buf.capsWords < buf.words;

  if (infos.length < n) infos = new Array<WordInfo>(Math.max(n, infos.length * 2)).fill(SYMBOL_INFO);
  for (let k = 0; k < n; k++) {
    if (buf.kind[k] === SYMBOL) {
      infos[k] = SYMBOL_INFO;
      continue;
    }
    const slot = buf.slot[k] as number;
    if (slot < 0) {
      infos[k] = wordInfo(buf.text[k] as string);
      continue;
    }
    let info = wordData[slot] as WordInfo | undefined;
    if (info === undefined) {
      info = wordInfo(buf.text[k] as string);
      wordData[slot] = info;
    }
    infos[k] = info;
  }

  // questions, except rhetorical ones that open with "why", "seriously" …
  const sentences = buf.sentenceCount;
  if (questionSentence.length < sentences) questionSentence = new Uint8Array(Math.max(sentences, questionSentence.length * 2));
  let questions = false;
  let exclamations = 0;
  for (let s = 0; s < sentences; s++) {
    exclamations += buf.exclamations[s] as number;
    const f0 = buf.firstToken[s] as number;
    // "Is it just me or …?" is an opinion asked as a question: it keeps its weight.
    const justMe = buf.text[f0] === 'is' && buf.text[f0 + 1] === 'it' && buf.text[f0 + 2] === 'just' && buf.text[f0 + 3] === 'me';
    const question = buf.question[s] === 1 && !justMe && !RHETORICAL_OPENERS.has(buf.text[f0] as string);
    questionSentence[s] = question ? 1 : 0;
    if (question) questions = true;
  }

  let sum = sumTokens(capsDiff, questions, buf.sarcasm);
  if (sum === 0) return 0;
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
