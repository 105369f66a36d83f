/**
 * One-pass tokeniser for community text. Produces word, emoticon and emoji tokens with the
 * sentence each belongs to, and per-sentence punctuation facts (question, exclamation marks).
 * URLs, @mentions, Discord <@id>/<#id>/<:emoji:id> and `+1` are dropped here.
 */
import { EMOJI, SHORTCODES } from './domain-lexicon.ts';

export const WORD = 0;
export const SYMBOL = 1; // emoji, emoticon, shortcode, rating: scored as given, never negated

export interface Token {
  kind: typeof WORD | typeof SYMBOL;
  /** lower-cased word (apostrophes normalised to '), or the symbol itself */
  text: string;
  /** ALL CAPS word of two or more letters */
  caps: boolean;
  /** index into Tokens.sentences */
  sentence: number;
  /** valence of a SYMBOL token */
  valence: number;
}

export interface Sentence {
  question: boolean;
  exclamations: number;
  /** index of the sentence's first token */
  firstToken: number;
}

export interface Tokens {
  tokens: Token[];
  sentences: Sentence[];
  capsWords: number;
  words: number;
  /** a sarcasm marker was seen (🙄, 😒, "/s") */
  sarcasm: boolean;
}

const SARCASM_GLYPHS = new Set(['🙄', '😒']);

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
/** Letters of Latin/Greek/Cyrillic and other alphabetic scripts below the symbol blocks. */
function isWordChar(c: number): boolean {
  return isAsciiLetter(c) || isDigit(c) || c === 95 /* _ */ || (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7);
}

/** Emoji modifiers and joiners that do not change a glyph's feeling. */
function isEmojiModifier(cp: number): boolean {
  return cp === 0xfe0f || cp === 0xfe0e || cp === 0x200d || (cp >= 0x1f3fb && cp <= 0x1f3ff);
}

function isUpperWord(raw: string): boolean {
  let letters = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) letters++;
  }
  return letters >= 2;
}

/** "4/5", "10/10": a rating on a 5- or 10-point scale, as a valence; null if not a rating. */
function ratingValence(chunk: string): number | null {
  const slash = chunk.indexOf('/');
  if (slash <= 0 || slash > 2) return null;
  const num = Number(chunk.slice(0, slash));
  let end = slash + 1;
  while (end < chunk.length && isDigit(chunk.charCodeAt(end))) end++;
  if (end === slash + 1) return null;
  for (let i = end; i < chunk.length; i++) {
    const c = chunk.charCodeAt(i);
    if (c !== 46 && c !== 33 && c !== 44 && c !== 41) return null; // only . ! , ) may follow
  }
  for (let i = 0; i < slash; i++) if (!isDigit(chunk.charCodeAt(i))) return null;
  const den = Number(chunk.slice(slash + 1, end));
  if ((den !== 5 && den !== 10) || num > den) return null;
  const r = num / den;
  if (r >= 0.8) return 2.4;
  if (r <= 0.4) return -2.4;
  return 0;
}

export interface TokenizerLexicon {
  /** emoticons from the lexicon (":)", ":-(", "<3", "xd" …) with their valence */
  emoticons: ReadonlyMap<string, number>;
}

/**
 * Tokenises `text` (already stripped of quotes and code).
 */
export function tokenize(text: string, lex: TokenizerLexicon): Tokens {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [{ question: false, exclamations: 0, firstToken: 0 }];
  let capsWords = 0;
  let words = 0;
  let pendingEnd = false;
  let sarcasm = false;
  const n = text.length;
  let i = 0;

  const current = (): Sentence => sentences[sentences.length - 1] as Sentence;
  const startToken = (): number => {
    if (pendingEnd) {
      sentences.push({ question: false, exclamations: 0, firstToken: tokens.length });
      pendingEnd = false;
    }
    return sentences.length - 1;
  };
  const pushSymbol = (symbol: string, valence: number): void => {
    tokens.push({ kind: SYMBOL, text: symbol, caps: false, sentence: startToken(), valence });
  };
  const punctuation = (c: number): void => {
    if (c === 33) {
      current().exclamations++;
      pendingEnd = true;
    } else if (c === 63) {
      current().question = true;
      pendingEnd = true;
    } else if (c === 46 || c === 10) {
      pendingEnd = true;
    }
  };

  while (i < n) {
    // skip whitespace (newline ends a sentence)
    let c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13 || c === 10) {
      if (c === 10) pendingEnd = true;
      i++;
      continue;
    }
    // whitespace-delimited chunk
    let end = i + 1;
    while (end < n) {
      const d = text.charCodeAt(end);
      if (d === 32 || d === 9 || d === 13 || d === 10) break;
      end++;
    }
    const chunk = text.slice(i, end);
    i = end;
    const lower = chunk.toLowerCase();
    const first = lower.charCodeAt(0);

    // links, mentions, chat markup
    if (first === 64 /* @ */ && chunk.length > 1) continue;
    if (lower.startsWith('http://') || lower.startsWith('https://') || lower.startsWith('www.')) {
      const last = chunk.charCodeAt(chunk.length - 1);
      if (last === 63 || last === 33 || last === 46) punctuation(last);
      continue;
    }
    if (first === 60 /* < */ && chunk.length > 2 && (chunk.charCodeAt(1) === 64 || chunk.charCodeAt(1) === 35 || chunk.charCodeAt(1) === 58 || chunk.charCodeAt(1) === 97)) continue;
    if (lower === '+1' || lower === '-1' || lower === '+1,' || lower === '+1.') continue;
    if (lower === '/s') {
      sarcasm = true;
      continue;
    }

    // emoticons, possibly followed by sentence punctuation
    let bare = lower;
    let tail = '';
    while (bare.length > 1) {
      const t = bare.charCodeAt(bare.length - 1);
      if (t !== 46 && t !== 33 && t !== 63 && t !== 44) break;
      tail = bare[bare.length - 1] + tail;
      bare = bare.slice(0, -1);
    }
    const emoticon = lex.emoticons.get(lower) ?? (tail !== '' ? lex.emoticons.get(bare) : undefined);
    if (emoticon !== undefined) {
      pushSymbol(lower, emoticon);
      if (lex.emoticons.get(lower) === undefined) for (let k = 0; k < tail.length; k++) punctuation(tail.charCodeAt(k));
      continue;
    }
    if (isDigit(first)) {
      const rating = ratingValence(lower);
      if (rating !== null) {
        pushSymbol(bare, rating);
        for (let k = 0; k < tail.length; k++) punctuation(tail.charCodeAt(k));
        continue;
      }
    }
    // gaming slang: a lone capital W (a win) or L (a loss)
    if (bare === 'w' || bare === 'l') {
      if (chunk.charCodeAt(0) === 87 || chunk.charCodeAt(0) === 76) {
        pushSymbol(bare, bare === 'w' ? 1.8 : -1.8);
        for (let k = 0; k < tail.length; k++) punctuation(tail.charCodeAt(k));
        continue;
      }
    }

    // character walk: words, emoji, :shortcodes:, punctuation
    let j = 0;
    const m = chunk.length;
    while (j < m) {
      c = chunk.charCodeAt(j);
      if (isWordChar(c)) {
        let k = j + 1;
        while (k < m) {
          const d = chunk.charCodeAt(k);
          if (isWordChar(d)) {
            k++;
            continue;
          }
          // apostrophe, hyphen or dot joining two word characters: don't, game-changer, v2.4
          if ((d === 39 || d === 0x2019 || d === 45 || d === 46) && k + 1 < m && isWordChar(chunk.charCodeAt(k + 1))) {
            k += 2;
            continue;
          }
          break;
        }
        // markdown __emphasis__ and _em_: underscores at the edges are not part of the word
        let a = j;
        let b = k;
        while (a < b && chunk.charCodeAt(a) === 95) a++;
        while (b > a && chunk.charCodeAt(b - 1) === 95) b--;
        if (a === b) {
          j = k;
          continue;
        }
        const raw = chunk.slice(a, b);
        let word = lower.slice(a, b);
        if (word.indexOf('\u2019') >= 0) word = word.replace(/\u2019/g, "'");
        const caps = isUpperWord(raw);
        if (caps) capsWords++;
        words++;
        tokens.push({ kind: WORD, text: word, caps, sentence: startToken(), valence: 0 });
        j = k;
        continue;
      }
      // :shortcode:
      if (c === 58 && j + 2 < m) {
        const close = chunk.indexOf(':', j + 1);
        if (close > j + 1) {
          const name = lower.slice(j + 1, close);
          const v = SHORTCODES[name];
          if (v !== undefined) {
            if (name === 'roll_eyes' || name === 'face_with_rolling_eyes' || name === 'unamused') sarcasm = true;
            pushSymbol(name, v);
            j = close + 1;
            continue;
          }
        }
      }
      if (c >= 0x2000) {
        const cp = chunk.codePointAt(j) ?? c;
        const width = cp > 0xffff ? 2 : 1;
        if (!isEmojiModifier(cp)) {
          const glyph = String.fromCodePoint(cp);
          if (SARCASM_GLYPHS.has(glyph)) sarcasm = true;
          const v = EMOJI[glyph];
          if (v !== undefined) pushSymbol(glyph, v);
        }
        j += width;
        continue;
      }
      punctuation(c);
      j++;
    }
  }
  return { tokens, sentences, capsWords, words, sarcasm };
}
