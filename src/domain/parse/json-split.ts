/**
 * Splits a JSON document whose top level is an object into the elements of one of its arrays (e.g.
 * DiscordChatExporter's `"messages"`) and the rest, so that each element can be `JSON.parse`d on its
 * own: nothing holds the whole parsed document, each element's objects die young, and a reader can
 * hand element texts over one by one. The split is exact or nothing — the caller falls back to
 * `JSON.parse` of the whole text (and its error message) when `splitJsonArray` returns null or when
 * an element does not parse:
 *
 * - the document is `ws { members } ws`; every member but the array is skipped here and checked by
 *   parsing the rest of the document (`rest`), in which the array is replaced by a placeholder;
 * - between elements there is only JSON whitespace and one comma; each element text is checked by
 *   the caller's `JSON.parse`. A valid rest, valid elements and valid separators make a valid
 *   document, and `JSON.parse` of the whole would give the same values;
 * - the array is the one `JSON.parse` would keep: the rest is parsed with two different placeholders
 *   and must give each back under `key` (a later duplicate key, even one spelled with escapes, wins
 *   in `JSON.parse` and makes the split fail).
 *
 * Pretty-printed exports are split quickly: an element that starts on its own line (`\n    {`) ends
 * at the next `\n    }` with the same indentation that is followed by `]` or by `,` and another
 * object — a raw newline cannot occur inside a JSON string, so that is structure, and the element's
 * `JSON.parse` proves it is the element's end (a prefix or an overrun does not parse; the caller then
 * falls back to the whole text). Other elements are scanned character by character (strings,
 * escapes, brackets).
 */

/** What the splitter reads: a string (code units) or bytes (UTF-8; every structural character is ASCII). */
export interface JsonSource {
  readonly length: number;
  /** Code unit (or byte) at `i`; NaN/undefined past the end. */
  at(i: number): number | undefined;
  /** First index of the ASCII `pattern` at or after `from`, or -1. */
  indexOf(pattern: string, from: number): number;
  /** Decoded text of [start, end); `start` and `end` are on ASCII characters. */
  text(start: number, end: number): string;
}

export function stringSource(s: string): JsonSource {
  return {
    length: s.length,
    at: (i) => s.charCodeAt(i),
    indexOf: (p, from) => s.indexOf(p, from),
    text: (a, b) => s.slice(a, b),
  };
}

/**
 * Decodes [start, end) of UTF-8 `bytes` with one `TextDecoder` (BOM kept as text, invalid bytes as
 * U+FFFD: check validity first where it matters — parse/encoding.ts `isValidUtf8`).
 */
export function utf8Slices(bytes: Uint8Array): (start: number, end: number) => string {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  return (start, end) => decoder.decode(bytes.subarray(start, end));
}

/**
 * First index of the ASCII `pattern` in `bytes` at or after `from`, or -1. Anchored on the pattern's
 * last byte, found by `Uint8Array#indexOf`: the splitter's patterns (`\n    }`) start with a newline,
 * which every line of a pretty-printed file has, and end with a rarer byte (200k messages, 125 MB:
 * ~70 ms like Buffer#indexOf, ~250 ms anchored on the first byte).
 */
export function indexOfAscii(bytes: Uint8Array, pattern: string, from: number): number {
  const n = pattern.length;
  const start = Math.max(0, from);
  if (n === 0) return Math.min(start, bytes.length);
  const last = pattern.charCodeAt(n - 1);
  for (let j = start + n - 1; ; j++) {
    j = bytes.indexOf(last, j);
    if (j < 0) return -1;
    const i = j - n + 1;
    let k = 0;
    while (k < n - 1 && bytes[i + k] === pattern.charCodeAt(k)) k++;
    if (k === n - 1) return i;
  }
}

/**
 * The bytes of a UTF-8 file as a source: structure read byte by byte, text decoded per slice by
 * `decode` (default `utf8Slices`). Runs anywhere (browser, worker, Node).
 */
export function bytesSource(bytes: Uint8Array, decode: (start: number, end: number) => string = utf8Slices(bytes)): JsonSource {
  return {
    length: bytes.length,
    at: (i) => bytes[i],
    indexOf: (pattern, from) => indexOfAscii(bytes, pattern, from),
    text: decode,
  };
}

/**
 * A file too large to hold as one buffer, as a source: `read(start, end)` returns those bytes (a
 * synchronous read — `FileReaderSync` in a worker, `fs.readSync` in Node), and the source keeps one
 * window of `window` bytes (from a little before the position asked for: the splitter looks back
 * over an element's indentation). Structure is scanned window by window; a text is decoded from the
 * window (moved to it when needed) or, when longer than a window, read on its own. Texts are decoded
 * with a fatal decoder: bytes that are not UTF-8 throw (a TypeError) where they are decoded — every
 * byte of a document the splitter accepts is in a decoded text or is structural ASCII, so a split
 * that completes and whose element texts all decode read valid UTF-8 throughout. What `read`
 * returns as a buffer of its own is detached once the source is done with it (`release`).
 */
export function windowedSource(length: number, read: (start: number, end: number) => Uint8Array, window = 4 * 1024 * 1024): JsonSource {
  if (!(window >= 64)) throw new RangeError(`windowedSource: a window of at least 64 bytes (got ${window})`);
  const lookBack = Math.min(4096, Math.floor(window / 4));
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let base = 0;
  let buf: Uint8Array = new Uint8Array(0);
  const load = (i: number): void => {
    release(buf);
    base = Math.max(0, i - lookBack);
    buf = read(base, Math.min(length, base + window));
  };
  const inWindow = (i: number) => i >= base && i < base + buf.length;
  const at = (i: number): number | undefined => {
    if (i < 0 || i >= length) return undefined;
    if (!inWindow(i)) load(i);
    return buf[i - base];
  };
  return {
    length,
    at,
    indexOf(pattern, from) {
      let pos = Math.max(0, from);
      // A window loaded at `pos` holds [pos, pos + window − lookBack): a longer pattern (a
      // pathological indentation, or a tiny window) is compared byte by byte instead.
      if (pattern.length > window - lookBack) {
        for (; pos + pattern.length <= length; pos++) {
          let k = 0;
          while (k < pattern.length && at(pos + k) === pattern.charCodeAt(k)) k++;
          if (k === pattern.length) return pos;
        }
        return -1;
      }
      for (;;) {
        if (pos >= length) return -1;
        if (!inWindow(pos)) load(pos);
        const found = indexOfAscii(buf, pattern, pos - base);
        if (found >= 0) return base + found;
        const end = base + buf.length;
        if (end >= length) return -1;
        // Not in this window: go on from the last position where a match could still straddle it.
        pos = Math.max(pos + 1, end - pattern.length + 1);
        load(pos);
      }
    },
    text(start, end) {
      if (end - start > window - lookBack) {
        const bytes = read(start, end);
        const text = decoder.decode(bytes);
        release(bytes);
        return text;
      }
      if (!inWindow(start) || end > base + buf.length) load(start);
      return decoder.decode(buf.subarray(start - base, end - base));
    },
  };
}

/**
 * Frees a window that `read` returned as a buffer of its own, at once, by detaching it
 * (`ArrayBuffer#transfer`): left to the garbage collector, the windows of a large file piled up —
 * a window lives long enough to be promoted, and in the browser's import worker up to ~400 MB of
 * read windows were waiting for a full collection (1 GB JSON). A view into a larger buffer (the
 * caller's) is left alone.
 */
function release(bytes: Uint8Array): void {
  const b = bytes.buffer as ArrayBuffer & { transfer?: (length?: number) => ArrayBuffer };
  if (bytes.byteOffset === 0 && bytes.byteLength === b.byteLength && b.byteLength > 0 && typeof b.transfer === 'function') b.transfer(0);
}

export interface JsonArraySplit {
  /** The document without the array, parsed; `rest[key]` is the placeholder, not an array. */
  rest: Record<string, unknown>;
  /** Number of elements. */
  count: number;
  /** Start (inclusive) and end (exclusive) of element `i` in the source. */
  start(i: number): number;
  end(i: number): number;
}

const SP = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

const isWs = (c: number | undefined) => c === SP || c === LF || c === CR || c === TAB;

function skipWs(src: JsonSource, i: number): number {
  while (isWs(src.at(i))) i++;
  return i;
}

/** Index after the string starting at `i` (a `"`), or -1 when it never closes. */
function skipString(src: JsonSource, i: number): number {
  const n = src.length;
  for (i++; i < n; i++) {
    const c = src.at(i);
    if (c === QUOTE) return i + 1;
    if (c === BACKSLASH) i++;
  }
  return -1;
}

/**
 * Index after the JSON value starting at `i`, found by structure only (strings, escapes, bracket
 * depth; not validated), or -1 when there is no value there or it never ends.
 */
export function skipValue(src: JsonSource, i: number): number {
  const n = src.length;
  const first = src.at(i);
  if (first === QUOTE) return skipString(src, i);
  if (first === OPEN_BRACE || first === OPEN_BRACKET) {
    let depth = 0;
    while (i < n) {
      const c = src.at(i);
      if (c === QUOTE) {
        i = skipString(src, i);
        if (i < 0) return -1;
        continue;
      }
      if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    return -1;
  }
  // A number, true, false or null: up to the next structural character or whitespace.
  let j = i;
  for (; j < n; j++) {
    const c = src.at(j);
    if (c === COMMA || c === CLOSE_BRACKET || c === CLOSE_BRACE || c === OPEN_BRACE || c === OPEN_BRACKET || c === QUOTE || c === COLON || isWs(c)) break;
  }
  return j > i ? j : -1;
}

/** Raw (unescaped) comparison of the key string at [start, end) (quotes included) with `key`. */
function keyIs(src: JsonSource, start: number, end: number, key: string): boolean {
  if (end - start !== key.length + 2) return false;
  for (let k = 0; k < key.length; k++) if (src.at(start + 1 + k) !== key.charCodeAt(k)) return false;
  return true;
}

/** Splits the array elements starting at `open` (a `[`) into starts/ends; index after `]`, or -1. */
function splitElements(src: JsonSource, open: number, starts: number[], ends: number[]): number {
  let pos = skipWs(src, open + 1);
  if (src.at(pos) === CLOSE_BRACKET) return pos + 1;
  // The indentation the current `closing` was made for, as its characters (not a position: a
  // windowed source would have to go back to the start of the array to compare).
  let indent: (number | undefined)[] = [];
  let closing = '';
  for (;;) {
    const s = pos;
    let e = -1;
    if (src.at(s) === OPEN_BRACE) {
      // Pretty-printed: the element's own line indentation, then the same indentation before `}`.
      // (Only for an object that opens a line and ends it: `{}` or `{ "a": 1 }` on one line is scanned.)
      let j = s - 1;
      while (src.at(j) === SP || src.at(j) === TAB) j--;
      let k = s + 1;
      while (src.at(k) === SP || src.at(k) === TAB || src.at(k) === CR) k++;
      if (j >= 0 && src.at(j) === LF && src.at(k) === LF) {
        const len = s - j - 1;
        let same = len === indent.length;
        for (let k = 0; same && k < len; k++) same = src.at(j + 1 + k) === indent[k];
        if (!same) {
          indent = [];
          for (let k = 0; k < len; k++) indent.push(src.at(j + 1 + k));
          closing = `\n${src.text(j + 1, s)}}`;
        }
        const c = src.indexOf(closing, s);
        if (c >= 0) {
          // Taken when the array ends there or the next element is an object too (not `, "key"`:
          // an inner object closing at that indentation); otherwise scanned.
          const cand = c + closing.length;
          const q = skipWs(src, cand);
          const after = src.at(q);
          if (after === CLOSE_BRACKET || (after === COMMA && src.at(skipWs(src, q + 1)) === OPEN_BRACE)) e = cand;
        }
      }
    }
    if (e < 0) e = skipValue(src, s);
    if (e < 0) return -1;
    starts.push(s);
    ends.push(e);
    pos = skipWs(src, e);
    const c = src.at(pos);
    if (c === CLOSE_BRACKET) return pos + 1;
    if (c !== COMMA) return -1;
    pos = skipWs(src, pos + 1);
  }
}

const PLACEHOLDER_A = '"\\u0000json-split:a"';
const PLACEHOLDER_B = '"\\u0000json-split:b"';

function parseRest(text: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Finds the array under the top-level `key` and its elements' extents; null when the document is not
 * an object with such an array, or anything outside the elements is not valid JSON (see the file
 * comment). Element texts are the caller's to parse.
 */
export function splitJsonArray(src: JsonSource, key: string): JsonArraySplit | null {
  const n = src.length;
  let pos = skipWs(src, 0);
  if (src.at(pos) !== OPEN_BRACE) return null;
  pos = skipWs(src, pos + 1);
  let starts: number[] = [];
  let ends: number[] = [];
  let open = -1;
  let close = -1;
  if (src.at(pos) === CLOSE_BRACE) return null;
  for (;;) {
    if (src.at(pos) !== QUOTE) return null;
    const keyEnd = skipString(src, pos);
    if (keyEnd < 0) return null;
    const isKey = keyIs(src, pos, keyEnd, key);
    pos = skipWs(src, keyEnd);
    if (src.at(pos) !== COLON) return null;
    pos = skipWs(src, pos + 1);
    let end: number;
    if (isKey && src.at(pos) === OPEN_BRACKET) {
      const s: number[] = [];
      const e: number[] = [];
      end = splitElements(src, pos, s, e);
      if (end >= 0) {
        starts = s;
        ends = e;
        open = pos;
        close = end;
      }
    } else end = skipValue(src, pos);
    if (end < 0) return null;
    pos = skipWs(src, end);
    const c = src.at(pos);
    if (c === CLOSE_BRACE) break;
    if (c !== COMMA) return null;
    pos = skipWs(src, pos + 1);
  }
  if (open < 0 || skipWs(src, pos + 1) !== n) return null;
  const head = src.text(0, open);
  const tail = src.text(close, n);
  const a = parseRest(head + PLACEHOLDER_A + tail);
  const b = parseRest(head + PLACEHOLDER_B + tail);
  if (!a || !b || a[key] !== JSON.parse(PLACEHOLDER_A) || b[key] !== JSON.parse(PLACEHOLDER_B)) return null;
  return { rest: a, count: starts.length, start: (i) => starts[i]!, end: (i) => ends[i]! };
}
