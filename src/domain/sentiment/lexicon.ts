/**
 * The merged lexicon: VADER's word list with Hearth's community-text overrides on top, the
 * emoticons split out for the tokeniser, and the phrase table indexed by first word.
 */
import { VADER_LEXICON_ENTRIES } from './vader-lexicon.ts';
import { PHRASES, WORD_OVERRIDES } from './domain-lexicon.ts';

const WORDS = new Map<string, number>();
const EMOTICONS = new Map<string, number>();

/** A lexicon key is an emoticon when it has a character other than a letter, ' or -. */
function isEmoticonKey(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    const letter = (c >= 97 && c <= 122) || c === 39 || c === 45;
    if (!letter) return true;
  }
  return false;
}

for (const entry of VADER_LEXICON_ENTRIES) {
  const tab = entry.lastIndexOf('\t');
  const key = entry.slice(0, tab);
  const value = Number(entry.slice(tab + 1));
  if (isEmoticonKey(key)) EMOTICONS.set(key, value);
  else WORDS.set(key, value);
}
for (const [key, value] of Object.entries(WORD_OVERRIDES)) WORDS.set(key, value);

export const EMOTICON_VALENCE: ReadonlyMap<string, number> = EMOTICONS;

/** Collapses runs of 3+ identical letters ("sooo" → "soo") and, failing that, to one. */
function collapseRuns(word: string, keep: number): string {
  let out = '';
  let run = 0;
  for (let i = 0; i < word.length; i++) {
    const ch = word[i] as string;
    run = i > 0 && word[i - 1] === ch ? run + 1 : 1;
    if (run <= keep) out += ch;
  }
  return out;
}

function hasRun(word: string): boolean {
  for (let i = 2; i < word.length; i++) {
    if (word[i] === word[i - 1] && word[i] === word[i - 2]) return true;
  }
  return false;
}

/** Valence of a lower-cased word; 0 when unknown. Tries plural and elongation fallbacks. */
export function wordValence(word: string): number {
  const direct = WORDS.get(word);
  if (direct !== undefined) return direct;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) {
    const stem = WORDS.get(word.slice(0, -1));
    if (stem !== undefined) return stem;
  }
  // -ing / -ed forms of a listed verb: "worrying" → worry, "confused" → confuse
  if (word.length > 5 && (word.endsWith('ing') || word.endsWith('ed'))) {
    const base = word.slice(0, word.endsWith('ing') ? -3 : -2);
    const v = WORDS.get(base) ?? WORDS.get(`${base}e`);
    if (v !== undefined) return v;
  }
  if (hasRun(word)) {
    const two = collapseRuns(word, 2);
    const v2 = WORDS.get(two);
    if (v2 !== undefined) return v2;
    const v1 = WORDS.get(collapseRuns(word, 1));
    if (v1 !== undefined) return v1;
  }
  return 0;
}

/** Canonical form of an elongated word for structural checks ("sooo" → "so"). */
export function canonicalWord(word: string): string {
  if (!hasRun(word)) return word;
  return collapseRuns(word, 1);
}

export interface Phrase {
  words: readonly string[];
  valence: number;
  /** the phrase starts with a negator, so a negator before it is not applied again */
  negated: boolean;
}

/**
 * Phrases by their first and second words (every phrase has two or more): a common first word
 * ("no", "never", "can't" start ~100 phrases each) is matched by one lookup of the next word, not by
 * trying each phrase in turn.
 */
const PHRASE_INDEX = new Map<string, Map<string, Phrase[]>>();
for (const [text, valence] of PHRASES) {
  const words = text.toLowerCase().replace(/\u2019/g, "'").split(' ');
  const head = words[0] as string;
  const second = words[1] as string;
  const bySecond = PHRASE_INDEX.get(head) ?? new Map<string, Phrase[]>();
  const list = bySecond.get(second) ?? [];
  const firstWord = head.replace(/'/g, '');
  const negated = firstWord === 'no' || firstWord === 'not' || firstWord.endsWith('nt') || firstWord === 'never' || firstWord === 'nothing';
  list.push({ words, valence, negated });
  bySecond.set(second, list);
  PHRASE_INDEX.set(head, bySecond);
}
for (const bySecond of PHRASE_INDEX.values()) for (const list of bySecond.values()) list.sort((a, b) => b.words.length - a.words.length);

/** The phrases starting with `word`, by their second word (longest first), or undefined. */
export function phrasesStartingWith(word: string): ReadonlyMap<string, readonly Phrase[]> | undefined {
  return PHRASE_INDEX.get(word);
}
