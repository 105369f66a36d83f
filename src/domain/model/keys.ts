/**
 * Deterministic hashing for record identity. cyrb53: a fast 53-bit non-cryptographic string hash,
 * enough to tell two versions of one record apart (not for security).
 */
export function hash53(str: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return finish53(h1, h2);
}

const FINISHED = new Int32Array(2);

function finish53(h1: number, h2: number): string {
  mix53(h1, h2, FINISHED, 0);
  return text53(FINISHED[0]!, FINISHED[1]!);
}

/**
 * `hash53(s, 1) + hash53(s, 2)` of `s = parts.join(separator)` (a one-character separator), in one
 * pass and without building `s`: row keys hash every row of a file (keys.test.ts checks the equality).
 */
export function hash53PairOfParts(parts: readonly string[], separator: string): string {
  hashWordsOfParts(parts, separator, WORDS);
  return hash53PairText(WORDS);
}

const WORDS = new Int32Array(4);

/**
 * The hash of `hash53PairOfParts` as numbers: its four mixed 32-bit words (seed 1's two, then seed
 * 2's), written to `out`, before they become base 36 (`hash53PairText`). Any two of the words are a
 * 64-bit hash of the parts for a hash table (RowKeyer counts rows by them without hashing the text
 * again).
 */
export function hashWordsOfParts(parts: readonly string[], separator: string, out: Int32Array): void {
  const sep = separator.charCodeAt(0);
  let a1 = 0xdeadbeef ^ 1;
  let a2 = 0x41c6ce57 ^ 1;
  let b1 = 0xdeadbeef ^ 2;
  let b2 = 0x41c6ce57 ^ 2;
  for (let p = 0; p < parts.length; p++) {
    if (p > 0) {
      a1 = Math.imul(a1 ^ sep, 2654435761);
      a2 = Math.imul(a2 ^ sep, 1597334677);
      b1 = Math.imul(b1 ^ sep, 2654435761);
      b2 = Math.imul(b2 ^ sep, 1597334677);
    }
    const str = parts[p]!;
    for (let i = 0; i < str.length; i++) {
      const ch = str.charCodeAt(i);
      a1 = Math.imul(a1 ^ ch, 2654435761);
      a2 = Math.imul(a2 ^ ch, 1597334677);
      b1 = Math.imul(b1 ^ ch, 2654435761);
      b2 = Math.imul(b2 ^ ch, 1597334677);
    }
  }
  mix53(a1, a2, out, 0);
  mix53(b1, b2, out, 2);
}

/** The text of `hash53PairOfParts` from the words `hashWordsOfParts` wrote. */
export function hash53PairText(w: Int32Array): string {
  return text53(w[0]!, w[1]!) + text53(w[2]!, w[3]!);
}

/** cyrb53's final mix of the two running hashes, into out[at], out[at + 1]. */
function mix53(h1: number, h2: number, out: Int32Array, at: number): void {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  out[at] = h1;
  out[at + 1] = h2;
}

/** The 53 bits cyrb53 keeps of the mixed words, in base 36. */
function text53(h1: number, h2: number): string {
  return base36(4294967296 * (2097151 & h2) + (h1 >>> 0));
}

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
/** Every two-digit base-36 string, "00" to "zz": base36 takes two digits a step. */
const DIGIT_PAIRS = Array.from({ length: 36 * 36 }, (_, i) => DIGITS[Math.floor(i / 36)]! + DIGITS[i % 36]!);

/**
 * `n.toString(36)` for a non-negative integer below 2^53, ~12× faster (V8's radix path is slow; keys
 * hash every row): two digits a step (1M calls: 150 → 80 ms in Node).
 */
export function base36(n: number): string {
  let out = '';
  while (n >= 1296) {
    const q = Math.floor(n / 1296);
    out = DIGIT_PAIRS[n - q * 1296]! + out;
    n = q;
  }
  return (n >= 36 ? DIGIT_PAIRS[n]! : DIGITS[n]!) + out;
}

/** JSON with sorted keys: the same record always serialises the same way. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`)
    .join(',')}}`;
}

/** Identity of one version of a record: its key plus a hash of its content. */
export function versionId(record: { key: string }): string {
  return `${record.key}|${hash53(stableStringify(record))}`;
}
