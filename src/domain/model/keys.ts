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

function finish53(h1: number, h2: number): string {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return base36(4294967296 * (2097151 & h2) + (h1 >>> 0));
}

/**
 * `hash53(s, 1) + hash53(s, 2)` of `s = parts.join(separator)` (a one-character separator), in one
 * pass and without building `s`: row keys hash every row of a file (keys.test.ts checks the equality).
 */
export function hash53PairOfParts(parts: readonly string[], separator: string): string {
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
  return finish53(a1, a2) + finish53(b1, b2);
}

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** `n.toString(36)` for a non-negative integer below 2^53, ~6× faster (V8's radix path is slow; keys hash every row). */
function base36(n: number): string {
  let out = '';
  do {
    const q = Math.floor(n / 36);
    out = DIGITS[n - q * 36]! + out;
    n = q;
  } while (n > 0);
  return out;
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
