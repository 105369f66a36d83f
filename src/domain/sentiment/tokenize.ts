/**
 * One-pass tokeniser for community text. Produces word, emoticon and emoji tokens with the
 * sentence each belongs to, and per-sentence punctuation facts (question, exclamation marks).
 * URLs, @mentions, Discord <@id>/<#id>/<:emoji:id> and `+1` are dropped here.
 *
 * The scorer calls `scanTokens`, which writes into a reused `TokenBuffer` (columns, no object per
 * token); `tokenize` returns the same tokens as objects.
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

export interface TokenizerLexicon {
  /** emoticons from the lexicon (":)", ":-(", "<3", "xd" …) with their valence */
  emoticons: ReadonlyMap<string, number>;
}

/**
 * The tokens of one text as columns, reused from text to text (scoring is synchronous, so one
 * buffer per thread is enough). Token k: kind[k], text[k], caps[k], sentence[k], valence[k];
 * sentence s: question[s], exclamations[s], firstToken[s].
 */
export class TokenBuffer {
  count = 0;
  kind: Uint8Array = new Uint8Array(64);
  caps: Uint8Array = new Uint8Array(64);
  sentence: Int32Array = new Int32Array(64);
  /** a word's slot in wordData, or -1 */
  slot: Int32Array = new Int32Array(64);
  text: string[] = [];
  valence: number[] = [];
  sentenceCount = 1;
  question: Uint8Array = new Uint8Array(16);
  exclamations: Int32Array = new Int32Array(16);
  firstToken: Int32Array = new Int32Array(16);
  capsWords = 0;
  words = 0;
  sarcasm = false;
  /** 1 where a token starts a clause: it follows a comma or semicolon (negation does not reach across) */
  clauseStart: Uint8Array = new Uint8Array(64);
  pendingComma = false;
  /** the next token starts a new sentence */
  pendingEnd = false;
  /** token count of the text before (its strings past `count` are let go after a scan) */
  private previousCount = 0;

  /** Drops the previous text's token strings that the current one did not overwrite. */
  release(): void {
    if (this.previousCount > this.count) this.text.fill('', this.count, this.previousCount);
    this.previousCount = this.count;
  }

  reset(): void {
    this.previousCount = this.count;
    this.count = 0;
    this.sentenceCount = 1;
    this.question[0] = 0;
    this.exclamations[0] = 0;
    this.firstToken[0] = 0;
    this.capsWords = 0;
    this.words = 0;
    this.sarcasm = false;
    this.pendingEnd = false;
    this.pendingComma = false;
  }

  /** Sentence of a token about to be added (starts a new one after sentence punctuation). */
  private startToken(): number {
    if (this.pendingEnd) {
      const s = this.sentenceCount;
      if (s === this.question.length) {
        this.question = grow8(this.question);
        this.exclamations = grow32(this.exclamations);
        this.firstToken = grow32(this.firstToken);
      }
      this.question[s] = 0;
      this.exclamations[s] = 0;
      this.firstToken[s] = this.count;
      this.sentenceCount = s + 1;
      this.pendingEnd = false;
    }
    return this.sentenceCount - 1;
  }

  push(kind: typeof WORD | typeof SYMBOL, text: string, caps: boolean, valence: number, slot = -1): void {
    const sentence = this.startToken();
    const k = this.count;
    if (k === this.kind.length) {
      this.kind = grow8(this.kind);
      this.caps = grow8(this.caps);
      this.clauseStart = grow8(this.clauseStart);
      this.sentence = grow32(this.sentence);
      this.slot = grow32(this.slot);
    }
    this.kind[k] = kind;
    this.slot[k] = slot;
    this.caps[k] = caps ? 1 : 0;
    this.clauseStart[k] = this.pendingComma ? 1 : 0;
    this.pendingComma = false;
    this.sentence[k] = sentence;
    this.text[k] = text;
    // a valence that is not a number (a shortcode named like an Object.prototype member) poisons
    // the sum, as it always did; NaN keeps the column numeric
    this.valence[k] = typeof valence === 'number' ? valence : NaN;
    this.count = k + 1;
  }

  /** Sentence punctuation: ! and ? mark the current sentence; ! ? . and newline end it. */
  punctuation(c: number): void {
    if (c === 33) {
      const s = this.sentenceCount - 1;
      this.exclamations[s] = (this.exclamations[s] as number) + 1;
      this.pendingEnd = true;
    } else if (c === 63) {
      this.question[this.sentenceCount - 1] = 1;
      this.pendingEnd = true;
    } else if (c === 46 || c === 10) {
      this.pendingEnd = true;
    } else if (c === 44 || c === 59) {
      this.pendingComma = true;
    }
  }
}

function grow8(a: Uint8Array): Uint8Array {
  const b = new Uint8Array(a.length * 2);
  b.set(a);
  return b;
}
function grow32(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

const SARCASM_EYE_ROLL = 0x1f644; // 🙄
const SARCASM_UNAMUSED = 0x1f612; // 😒

/** EMOJI by code point (a glyph is looked up one code point at a time). */
const EMOJI_BY_CODE_POINT = new Map<number, number>();
for (const [glyph, valence] of Object.entries(EMOJI)) {
  const cp = glyph.codePointAt(0) as number;
  if (String.fromCodePoint(cp) === glyph) EMOJI_BY_CODE_POINT.set(cp, valence);
}

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
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10;
}
/** . ! ? , after an emoticon or a rating */
function isTailPunctuation(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 44;
}
/** The characters of a lexicon key that is a word, not an emoticon (lexicon.ts isEmoticonKey). */
function isWordKeyChar(c: number): boolean {
  return (c >= 97 && c <= 122) || c === 39 || c === 45;
}

/** Emoji modifiers and joiners that do not change a glyph's feeling. */
function isEmojiModifier(cp: number): boolean {
  return cp === 0xfe0f || cp === 0xfe0e || cp === 0x200d || (cp >= 0x1f3fb && cp <= 0x1f3ff);
}

/** ALL CAPS: no lower-case ASCII letter and at least two upper-case ones in s[from, to). */
function isUpperWord(s: string, from: number, to: number): boolean {
  let letters = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
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

/**
 * A copy of `s` that does not keep a larger string alive. A slice of 13 or more characters can be
 * a view into the string it was cut from (V8), and a text is often a slice of a whole file chunk:
 * strings kept across texts (the word caches) must not pin those.
 */
export function detachedCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * Word strings by content (open addressing, linear probing): a word seen before is returned as
 * the same string, without slicing a new one, and later lookups of it by the scorer hit a string
 * whose hash is already known. Emptied between texts when half full.
 */
const WORD_SLOTS = 1 << 16;
const WORD_LIMIT = WORD_SLOTS >>> 1;
const wordKeys: string[] = new Array<string>(WORD_SLOTS).fill('');
/** per slot: hash and length of its word (length 0: empty), checked before the string is read */
const wordHashes = new Int32Array(WORD_SLOTS);
const wordLengths = new Int32Array(WORD_SLOTS);
let wordCount = 0;
/**
 * What a user of the tokeniser (the scorer) has computed about the word in a slot, found through a
 * token's `slot`; emptied with the words.
 */
export const wordData: unknown[] = new Array<unknown>(WORD_SLOTS).fill(undefined);
/** slot of the last word interned */
let lastSlot = -1;

const HASH_SEED = 0x811c9dc5 | 0;
const HASH_PRIME = 0x01000193;
/** FNV-1a step over one (lower-case) UTF-16 code unit. */
function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, HASH_PRIME);
}

/** `low.slice(from, to)` (never empty), as the string stored for that content; sets lastSlot. */
function internWord(low: string, from: number, to: number): string {
  let h = HASH_SEED;
  for (let i = from; i < to; i++) h = hashStep(h, low.charCodeAt(i));
  return intern(low, from, to, h, false);
}

/**
 * The stored string for `s[from, to)`, lower-cased when `ascii` (then the range is ASCII and
 * upper-case letters are compared and stored lower-cased); `h` is the hash of the lower-case
 * content. Sets lastSlot.
 */
function intern(s: string, from: number, to: number, h: number, ascii: boolean): string {
  const len = to - from;
  let slot = (h ^ (h >>> 15)) & (WORD_SLOTS - 1);
  for (;;) {
    const length = wordLengths[slot] as number;
    if (length === 0) break;
    if (length === len && wordHashes[slot] === h) {
      const key = wordKeys[slot] as string;
      let same = true;
      for (let i = 0; i < len && same; i++) {
        let c = s.charCodeAt(from + i);
        if (ascii && c >= 65 && c <= 90) c += 32;
        same = key.charCodeAt(i) === c;
      }
      if (same) {
        lastSlot = slot;
        return key;
      }
    }
    slot = (slot + 1) & (WORD_SLOTS - 1);
  }
  const slice = s.slice(from, to);
  const word = detachedCopy(ascii ? slice.toLowerCase() : slice);
  wordKeys[slot] = word;
  wordHashes[slot] = h;
  wordLengths[slot] = len;
  wordCount++;
  lastSlot = slot;
  return word;
}

/**
 * Whether some emoticon key is letters ([a-z'-]), possibly followed by . ! ? , — the only keys a
 * chunk of letters can equal. Hearth's emoticons have none (lexicon.ts files such keys as words),
 * so the tokeniser skips the emoticon lookups for plain words.
 */
const letterTailKeys = new WeakMap<ReadonlyMap<string, number>, boolean>();
function hasLetterTailKey(emoticons: ReadonlyMap<string, number>): boolean {
  let known = letterTailKeys.get(emoticons);
  if (known === undefined) {
    known = false;
    for (const key of emoticons.keys()) {
      let end = key.length;
      while (end > 1 && isTailPunctuation(key.charCodeAt(end - 1))) end--;
      let letters = true;
      for (let i = 0; i < end && letters; i++) letters = isWordKeyChar(key.charCodeAt(i));
      if (letters) known = true;
    }
    letterTailKeys.set(emoticons, known);
  }
  return known;
}

/**
 * Tokenises one whitespace-delimited chunk: `src[from, to)` as written and `low[from, lowTo)`
 * lower-cased. Either the chunk is lower-case ASCII and `low` is `src` (the text), or `src` is the
 * chunk alone (from 0) and `low` its toLowerCase(), which can be longer (İ → i̇): indexes into
 * `src` are then used on `low`, as they always were.
 */
function scanChunk(src: string, low: string, from: number, to: number, lowTo: number, lex: TokenizerLexicon, letterTail: boolean, buf: TokenBuffer): void {
  const first = low.charCodeAt(from);
  const lowLength = lowTo - from;

  // links, mentions, chat markup
  if (first === 64 /* @ */ && to - from > 1) return;
  if (first === 104 /* h */ || first === 119 /* w */) {
    // (white space is the same in `low` and `src`, so a match cannot run past the chunk)
    if (low.startsWith('http://', from) || low.startsWith('https://', from) || low.startsWith('www.', from)) {
      const last = src.charCodeAt(to - 1);
      if (last === 63 || last === 33 || last === 46) buf.punctuation(last);
      return;
    }
  }
  if (first === 60 /* < */ && to - from > 2) {
    const second = src.charCodeAt(from + 1);
    if (second === 64 || second === 35 || second === 58 || second === 97) return;
  }
  if (lowLength === 2 || lowLength === 3) {
    const a = first;
    const b = low.charCodeAt(from + 1);
    if (lowLength === 2) {
      if ((a === 43 || a === 45) && b === 49) return; // +1 -1
      if (a === 47 && b === 115) {
        buf.sarcasm = true; // /s
        return;
      }
    } else if (a === 43 && b === 49) {
      const c = low.charCodeAt(from + 2);
      if (c === 44 || c === 46) return; // +1, +1.
    }
  }

  // emoticons, possibly followed by sentence punctuation
  let bareTo = lowTo;
  while (bareTo - from > 1 && isTailPunctuation(low.charCodeAt(bareTo - 1))) bareTo--;
  let wordKeyChars = true;
  for (let i = from; i < bareTo && wordKeyChars; i++) wordKeyChars = isWordKeyChar(low.charCodeAt(i));
  // a chunk of letters (with or without trailing . ! ? ,) can be neither an emoticon nor a rating
  // unless some emoticon key is letters too
  if (!wordKeyChars || letterTail) {
    const lower = from === 0 && lowTo === low.length ? low : low.slice(from, lowTo);
    const whole = lex.emoticons.get(lower);
    const emoticon = whole ?? (bareTo < lowTo ? lex.emoticons.get(low.slice(from, bareTo)) : undefined);
    if (emoticon !== undefined) {
      buf.push(SYMBOL, lower, false, emoticon);
      if (whole === undefined) for (let k = bareTo; k < lowTo; k++) buf.punctuation(low.charCodeAt(k));
      return;
    }
    if (isDigit(first)) {
      const rating = ratingValence(lower);
      if (rating !== null) {
        buf.push(SYMBOL, low.slice(from, bareTo), false, rating);
        for (let k = bareTo; k < lowTo; k++) buf.punctuation(low.charCodeAt(k));
        return;
      }
    }
  }
  // gaming slang: a lone capital W (a win) or L (a loss)
  if (bareTo - from === 1 && (first === 119 || first === 108)) {
    const written = src.charCodeAt(from);
    if (written === 87 || written === 76) {
      buf.push(SYMBOL, first === 119 ? 'w' : 'l', false, first === 119 ? 1.8 : -1.8);
      for (let k = bareTo; k < lowTo; k++) buf.punctuation(low.charCodeAt(k));
      return;
    }
  }

  // character walk: words, emoji, :shortcodes:, punctuation
  const sameIndexes = lowTo === to;
  let j = from;
  while (j < to) {
    const c = src.charCodeAt(j);
    if (isWordChar(c)) {
      let k = j + 1;
      let curly = false;
      while (k < to) {
        const d = src.charCodeAt(k);
        if (isWordChar(d)) {
          k++;
          continue;
        }
        // apostrophe, hyphen or dot joining two word characters: don't, game-changer, v2.4
        if ((d === 39 || d === 0x2019 || d === 45 || d === 46) && k + 1 < to && isWordChar(src.charCodeAt(k + 1))) {
          if (d === 0x2019) curly = true;
          k += 2;
          continue;
        }
        break;
      }
      // markdown __emphasis__ and _em_: underscores at the edges are not part of the word
      let a = j;
      let b = k;
      while (a < b && src.charCodeAt(a) === 95) a++;
      while (b > a && src.charCodeAt(b - 1) === 95) b--;
      if (a === b) {
        j = k;
        continue;
      }
      let word: string;
      let slot = -1;
      if (sameIndexes && !curly) {
        word = internWord(low, a, b);
        slot = lastSlot;
      } else {
        word = low.slice(a, b);
        if (word.indexOf('\u2019') >= 0) word = word.replace(/\u2019/g, "'");
      }
      const caps = isUpperWord(src, a, b);
      if (caps) buf.capsWords++;
      buf.words++;
      buf.push(WORD, word, caps, 0, slot);
      j = k;
      continue;
    }
    // :shortcode:
    if (c === 58 && j + 2 < to) {
      let close = j + 1;
      while (close < to && src.charCodeAt(close) !== 58) close++;
      if (close < to && close > j + 1) {
        const name = low.slice(j + 1, close);
        const v = Object.hasOwn(SHORTCODES, name) ? SHORTCODES[name] : undefined; // not Object.prototype's members
        if (v !== undefined) {
          if (name === 'roll_eyes' || name === 'face_with_rolling_eyes' || name === 'unamused') buf.sarcasm = true;
          buf.push(SYMBOL, name, false, v);
          j = close + 1;
          continue;
        }
      }
    }
    if (c >= 0x2000) {
      const cp = src.codePointAt(j) ?? c;
      const width = cp > 0xffff ? 2 : 1;
      if (!isEmojiModifier(cp)) {
        if (cp === SARCASM_EYE_ROLL || cp === SARCASM_UNAMUSED) buf.sarcasm = true;
        const v = EMOJI_BY_CODE_POINT.get(cp);
        if (v !== undefined) buf.push(SYMBOL, String.fromCodePoint(cp), false, v);
      }
      j += width;
      continue;
    }
    buf.punctuation(c);
    j++;
  }
}

/** States of the plain-word check in scanTokens. */
const PLAIN_START = 0;
const PLAIN_LETTERS = 1;
const PLAIN_JOINER = 2;
const PLAIN_TAIL = 3;
const NOT_PLAIN = 4;

/**
 * A plain word that scanChunk reads otherwise: "www." (a link) and a lone capital W or L (gaming
 * slang for a win or a loss).
 */
function isSpecialPlainWord(text: string, from: number, wordEnd: number): boolean {
  const first = text.charCodeAt(from);
  const len = wordEnd - from;
  if (len === 1) return first === 87 || first === 76;
  return len === 3 && (first | 32) === 119 && (text.charCodeAt(from + 1) | 32) === 119 && (text.charCodeAt(from + 2) | 32) === 119 && text.charCodeAt(wordEnd) === 46;
}

/**
 * Tokenises `text` (already stripped of quotes and code) into `buf`.
 */
export function scanTokens(text: string, lex: TokenizerLexicon, buf: TokenBuffer): void {
  buf.reset();
  if (wordCount >= WORD_LIMIT) {
    wordKeys.fill('');
    wordLengths.fill(0);
    wordData.fill(undefined);
    wordCount = 0;
  }
  const letterTail = hasLetterTailKey(lex.emoticons);
  const n = text.length;
  let i = 0;
  while (i < n) {
    // skip whitespace (newline ends a sentence)
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (c === 10) buf.pendingEnd = true;
      i++;
      continue;
    }
    // Whitespace-delimited chunk. One pass finds its end, whether it is lower-case ASCII, and
    // whether it is a plain word: ASCII letters with ' or - between them, then only . , ! ?
    // (PLAIN_TAIL); for a plain word also its hash, upper-case letters and end.
    let end = i;
    let lowerCase = true;
    let state = PLAIN_START;
    let h = HASH_SEED;
    let upper = 0;
    let lowerLetters = false;
    let wordEnd = -1;
    for (; end < n; end++) {
      const d = text.charCodeAt(end);
      if (isSpace(d)) break;
      if (d >= 128) {
        lowerCase = false;
        state = NOT_PLAIN;
      } else if (d >= 97 && d <= 122) {
        if (state === PLAIN_TAIL) state = NOT_PLAIN;
        else if (state !== NOT_PLAIN) {
          state = PLAIN_LETTERS;
          h = hashStep(h, d);
          lowerLetters = true;
        }
      } else if (d >= 65 && d <= 90) {
        lowerCase = false;
        if (state === PLAIN_TAIL) state = NOT_PLAIN;
        else if (state !== NOT_PLAIN) {
          state = PLAIN_LETTERS;
          h = hashStep(h, d + 32);
          upper++;
        }
      } else if (state !== NOT_PLAIN) {
        if (d === 39 || d === 45) {
          if (state === PLAIN_LETTERS) {
            state = PLAIN_JOINER;
            h = hashStep(h, d);
          } else state = NOT_PLAIN;
        } else if (isTailPunctuation(d)) {
          if (state === PLAIN_LETTERS) {
            wordEnd = end;
            state = PLAIN_TAIL;
          } else if (state !== PLAIN_TAIL) state = NOT_PLAIN;
        } else state = NOT_PLAIN;
      }
    }
    if (state === PLAIN_LETTERS) wordEnd = end;
    if ((state === PLAIN_LETTERS || state === PLAIN_TAIL) && !letterTail && !isSpecialPlainWord(text, i, wordEnd)) {
      // what scanChunk does for such a chunk: one word, then the trailing punctuation
      const word = intern(text, i, wordEnd, h, upper > 0);
      const caps = !lowerLetters && upper >= 2;
      if (caps) buf.capsWords++;
      buf.words++;
      buf.push(WORD, word, caps, 0, lastSlot);
      for (let k = wordEnd; k < end; k++) buf.punctuation(text.charCodeAt(k));
    } else if (lowerCase) {
      scanChunk(text, text, i, end, end, lex, letterTail, buf);
    } else {
      const chunk = text.slice(i, end);
      const lower = chunk.toLowerCase();
      scanChunk(chunk, lower, 0, chunk.length, lower.length, lex, letterTail, buf);
    }
    i = end;
  }
  buf.release();
}

/**
 * Tokenises `text` (already stripped of quotes and code).
 */
export function tokenize(text: string, lex: TokenizerLexicon): Tokens {
  const buf = new TokenBuffer();
  scanTokens(text, lex, buf);
  const tokens: Token[] = [];
  for (let k = 0; k < buf.count; k++) {
    tokens.push({ kind: buf.kind[k] === SYMBOL ? SYMBOL : WORD, text: buf.text[k] as string, caps: buf.caps[k] === 1, sentence: buf.sentence[k] as number, valence: buf.valence[k] as number });
  }
  const sentences: Sentence[] = [];
  for (let s = 0; s < buf.sentenceCount; s++) {
    sentences.push({ question: buf.question[s] === 1, exclamations: buf.exclamations[s] as number, firstToken: buf.firstToken[s] as number });
  }
  return { tokens, sentences, capsWords: buf.capsWords, words: buf.words, sarcasm: buf.sarcasm };
}
